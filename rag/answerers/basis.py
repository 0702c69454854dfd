"""Answers what a document was drawn up on ("台州方案的编制依据有哪些", "温州方案是根据什么制定的") and
what for ("省方案的目的是什么", "台州方案主要是针对什么问题").

A plan states its basis in its opening sentence ("为…，根据《浙江省减污降碳协同创新区建设实施方案》等
文件要求，制定本方案。"), not under a heading named 编制依据 — a drafting note's "二、编制依据" is the
section answerer's, asked before this one. The first sentence of each document in scope that says it
is drawn up on something ("根据/依据/按照 … 制定/编制本方案") is quoted whole and cited.

Usage::

    ba = BasisAnswerer(res, SentenceIndex.build(res))
    draft = ba.run(Ask("台州方案的编制依据有哪些", query, ["tz-pilot"]))
    # → "根据《台州市…（征求意见稿）》：“为贯彻落实…，根据《浙江省减污降碳协同创新区建设实施方案》等文件要求，制定本方案。”[1]。"
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..answer_type import doc_number_keys
from ..question import of_own_kind
from ..retrievers import flat
from ..sentences import Sentence, SentenceIndex
from .base import Answerer, Ask, Draft
from .passage import quote_sentences

#: the basis of a document asked: "编制依据", "方案的依据是什么", "根据哪些文件制定的", "依据什么出台的" — not
#: the basis of something inside it ("指标的计分依据是什么")
BASIS_Q = re.compile(r"(?:编制|制定|出台|起草)的?依据|(?:方案|规划|意见|办法|文件)的?依据"
                     r"|(?:根据|依据|按照)(?:什么|哪些|哪个|哪份|哪几[个份])(?:文件|规定|要求|精神)?(?:来|而)?(?:制定|编制|出台|起草|印发)"
                     # the basis described before the verb that ends the question ("省方案是依据哪几个部门联合印发的
                     # 哪个方案制定的？"): the document's own drawing-up is what ends it
                     r"|(?:根据|依据|按照)[^，。？?]{0,24}?(?:什么|哪)[^，。？?]{0,24}?(?:制定|编制|出台|起草)的?[？?]?$")
#: the purpose of a document asked: "方案的目的是什么", "为什么要制定这个方案", "台州方案主要是针对什么问题" — the
#: opening sentence states it ("为贯彻落实…，高水平推进…建设，根据…，制定本方案") — not the purpose of a task
#: inside it ("建设碳汇监测体系的目的")
PURPOSE_Q = re.compile(r"(?:方案|规划|意见|办法|文件|通知|计划)(?:的)?(?:制定|编制|出台|印发)?(?:的)?(?:目的|宗旨|初衷)"
                       r"|(?:为什么|为何|为啥)(?:要)?(?:制定|编制|出台|印发)"
                       r"|(?:方案|规划|文件)(?:主要)?(?:是)?(?:针对|为了解决|要解决)(?:什么|哪些)(?:问题)?")
#: sentence marks a title line has none of
TITLE_MARKS = re.compile(r"[，。；：,;:]")
#: a title's draft status on a line of its own ("（征求意见稿）", "(送审稿)")
DRAFT_STATUS = re.compile(r"\([^()]{1,8}稿\)")
#: a sentence saying what its document is drawn up on ("…，根据《…》等文件要求，制定本方案。")
BASIS_SENTENCE = re.compile(r"(?:根据|依据|按照)[^。；]{2,300}?(?:特)?(?:制定|编制|制订)(?:了)?本(?:实施)?(?:方案|规划|意见|办法|计划|细则|通知)")


def _plain(text: str) -> str:
    """``text`` without spaces, its brackets written one way ("（征求意见稿）" → "(征求意见稿)")."""
    return re.sub(r"\s", "", text).replace("（", "(").replace("）", ")")


class BasisAnswerer(Answerer):
    """Quotes the sentence in which each document in scope names what it was drawn up on."""

    name = "basis"

    def __init__(self, res: Any, index: SentenceIndex, quote_chars: int = 600) -> None:
        if not hasattr(res, "docs"):
            raise TypeError("res must be the chain's Resources")
        if quote_chars < 20:
            raise ValueError("quote_chars >= 20")
        self.res, self.quote_chars = res, quote_chars
        #: each document's sentences stating a basis, in document order (a compilation prints several
        #: documents, each with its own)
        self.basis: dict[str, list[Sentence]] = {}
        for s in sorted(index.sentences, key=lambda s: (s.doc_id, s.start_line)):
            if BASIS_SENTENCE.search(re.sub(r"\s", "", s.text)):
                self.basis.setdefault(s.doc_id, []).append(s)

    def run(self, ask: Ask) -> Draft | None:
        purpose = bool(PURPOSE_Q.search(ask.question))
        if not (purpose or BASIS_Q.search(ask.question)):
            return None
        docs = of_own_kind(ask.question, ask.doc_ids, {d: m.title for d in ask.doc_ids if (m := self.res.docs.get(d))})
        found = []
        for d in docs:
            mine = [s for s in self.basis.get(d, [])
                    if ask.lines is None or ask.lines[0] == d and ask.lines[1] <= s.start_line <= ask.lines[2]]
            found += [self._without_title(s) for s in mine[:1]]  # (its first; within the printed one named)
        if numbers := doc_number_keys(ask.question):
            # "编制依据里浙委发〔2022〕16号指的是哪个文件": what a number stands for — an opening sentence not
            # writing it does not say (the basis list that does is the passage answerer's)
            found = [s for s in found if any(n in flat(s.text) for n in numbers)]
        if not found:
            return None
        draft = quote_sentences(self.res, self.name, 1.0, found, "", self.quote_chars)
        if purpose:  # (the opening sentence says what the document is for, in its own words)
            draft = replace(draft, text="文件开篇说明了制定目的和依据：\n" + draft.text)
        return draft

    def _without_title(self, s: Sentence) -> Sentence:
        """The sentence without the title lines the text runs into it ("台州市…实施方案(征求意见稿)为贯彻落实…":
        the title and the opening sentence have no mark between them), cited from the line it opens on."""
        lines = self.res.store.source_lines(s.doc_id)
        meta = self.res.docs.get(s.doc_id)
        title = _plain(meta.title if meta else "")
        text, start = re.sub(r"\s", "", s.text), s.start_line
        while start < s.end_line:
            line = re.sub(r"\s", "", lines[start - 1].text)
            # (a line of the title or its draft status — not the sentence's own first line, which a
            # wrapped text also prints without a mark: "为深入贯彻习近平总书记关于减污降碳协同增效系列指示")
            if line and (not text.startswith(line) or TITLE_MARKS.search(line)
                         or not (_plain(line) in title or DRAFT_STATUS.fullmatch(_plain(line)))):
                break
            text, start = text[len(line):], start + 1
        return replace(s, text=text, start_line=start) if start != s.start_line else s
