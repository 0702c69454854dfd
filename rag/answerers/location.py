"""Answers where in a document a topic is treated ("温州方案哪一部分讲清洁柴油车？", "省方案里碳汇的内容在哪一节？").

The answer is a place in the document, not a fact: the headings above the sentences that speak of the
topic best, each cited with the sentence that shows it ("“二、推进大气污染防治协同控制 › （六）强化移动源
大气污染物与温室气体协同控制”部分：“…深入实施清洁柴油车…”"). Sentences are found by the topic's words
(the location words aside); those within ``margin`` of the best, under distinct headings, are given.

Usage::

    la = LocationAnswerer(res, sentence_index)
    draft = la.run(Ask("温州方案哪一部分讲清洁柴油车？", query, ["wz-plan"]))
"""
from __future__ import annotations

import re
from typing import Any

from ..compose import Citer, doc_label, quote
from ..sentences import SentenceIndex
from .base import Answerer, Ask, Draft

#: a question asking where a topic stands: "哪一部分讲", "哪一节", "哪章提到", "在哪部分", "在哪里讲"
#: ("建在哪" asks a place, "哪几方面" an outline: neither is caught)
LOCATION_Q = re.compile(r"哪一?(?:个)?(?:部分|节|章|篇)(?!的)|在哪(?:里|儿)?(?:讲|提|写|说|谈|涉及)")
#: the location words the parser leaves among the item words ("一部分清洁柴油车", "碳汇一节", "…的内容")
LOCATION_WORDS = re.compile(r"一?(?:个)?(?:部分|节|章|篇)|内容|哪里|哪儿")
#: the topic words left must be at least this long to find sentences by
MIN_TOPIC = 2


class LocationAnswerer(Answerer):
    """Names the headings under which a document speaks of the topic asked."""

    name = "location"

    def __init__(self, res: Any, index: SentenceIndex, accept: float = 0.6, margin: float = 0.1,
                 max_places: int = 3) -> None:
        if not hasattr(res, "docs"):
            raise TypeError("res must be the chain's Resources")
        if not 0 < accept <= 1 or not 0 <= margin < 1 or max_places < 1:
            raise ValueError("accept in (0, 1], margin in [0, 1), max_places ≥ 1")
        self.res, self.index = res, index
        self.accept, self.margin, self.max_places = accept, margin, max_places

    def run(self, ask: Ask) -> Draft | None:
        if not LOCATION_Q.search(ask.question) or ask.query.item_no:
            return None
        topic = LOCATION_WORDS.sub("", ask.query.content).strip()
        if len(topic) < MIN_TOPIC:
            return None
        # a place the item names ("温州电镀行业…写在省方案哪一部分"): searched with the topic, and the sentence
        # showing where must name it ("聚焦…温州电镀等行业…"), not only speak of the topic elsewhere
        places = list(ask.must_mention)
        hits = [(sc, s) for sc, s in self.index.search("".join(places) + topic, ask.doc_ids, k=20, min_score=self.accept)
                if s.section and (not places or any(p in s.text for p in places))]
        if not hits:
            return None
        top = hits[0][0]
        citer = Citer(self.res)
        by_doc: dict[str, list[str]] = {}
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for sc, s in hits:
            key = (s.doc_id, tuple(s.section))
            if sc < top - self.margin or key in seen or len(seen) >= self.max_places:
                continue
            seen.add(key)
            n = citer.lines(s.doc_id, s.start_line, s.end_line, " / ".join(s.section))
            path = " › ".join(s.section)
            by_doc.setdefault(s.doc_id, []).append(f"“{path}”部分：“{quote(s.text, 60)}”[{n}]")
        lines = []
        for doc, places in by_doc.items():
            meta = self.res.docs.get(doc)
            lines.append(f"{doc_label(meta) if meta else doc}中讲到“{topic}”的在" + "；".join(places) + "。")
        return Draft(self.name, top, "\n".join(lines), citer.citations)
