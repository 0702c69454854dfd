"""Every place a document mentions a term ("台州方案哪些地方提到了大陈岛？", "省方案里有几处提到岸电？",
"台州方案里提到哪些岛？"), or every row of a list named that writes it ("台州协同治理清单里涉及医化的有几条？").

The answer is the list of mentions, not one fact: each sentence of the prose and each list row that
holds the term as written, in document order, cited and quoted around the term — the question asks
for all of them, so the best-matching one or two (what the passage answerer gives) leave the rest
out. A term no document in scope writes is not this answerer's (the planner's refusal says so).

Usage::

    ma = MentionsAnswerer(res, sentence_index)
    draft = ma.run(Ask("台州方案哪些地方提到了大陈岛？", query, ["tz-pilot"]))
    # → "《…》中写到“大陈岛”的共有8处相关记载：\n1. “（二）强化美丽海洋建设”部分：“…以椒江大陈岛为试点…”[1]\n…"
"""
from __future__ import annotations

import re
from typing import Any

from ..compose import Citer, doc_label, focus, row_label
from ..question import of_own_kind
from ..sentences import SentenceIndex
from .base import Answerer, Ask, Draft

#: the mention asked, and the term after it (up to a closing particle or mark):
#: "哪些地方提到了大陈岛", "哪里还提到岸电", "有几处提及碳普惠", "多少处写到…", "哪几项提到了光伏"
WHERE_MENTIONED = re.compile(r"(?:哪些地方|哪几处|哪些段落|几处|多少处|多少次|几次|(?:哪几|哪些|几|多少)[项条])(?:还|都|有|也)?"
                             r"(?:提到|提及|涉及|写到|说到|出现)了?[“\"]?(?P<term>[^，。？?！!“”\"]+?)[”\"]?"
                             r"(?:这个词|一词|这一说法)?(?:了|呢|吗)?[？?。！!]*$")
#: "提到大陈岛的有哪些", "提到岸电的地方有几处", "涉及“绿岛”的内容都有哪些"
MENTIONING = re.compile(r"(?:提到|提及|涉及|写到|说到)了?[“\"]?(?P<term>[^，。？?！!“”\"的]+?)[”\"]?的"
                        r"(?:地方|内容|段落|句子|条目|表述|任务|项目|指标)?(?:有|都有|是|共有|一共有)?(?:哪些|哪几处|几处|多少处|哪几[项条]|几[项条]|多少[项条])")
#: "台州方案里提到哪些岛": the mentions of a kind of thing, by the word naming the kind — a kind its names
#: end with (大陈岛, 漩门湾, …产业园区), not one they do not (城市, 县: "杭州" writes no 城市)
KIND_MENTIONED = re.compile(r"(?:提到|提及|涉及|写到|说到)了?哪些(?P<term>[\u4e00-\u9fff]{1,6}?)(?:了|呢|吗)?[？?。！!]*$")
NAMED_KINDS = ("岛", "湾", "港", "湖", "江", "河", "溪", "山", "镇", "村", "园区", "产业园", "水库", "湿地", "码头", "基地",
               "海岛", "岛屿", "港口", "园")
#: "温州方案里有哪些试点", "台州有哪些示范区", "省方案开展了哪些试点": the things of a kind whose names end with
#: the kind's word ("红树林蓝碳试点", "大陈岛碳中和示范区"), asked with no item words of their own — every mention
#: answers, not the one paragraph nearest the bare word
KIND_LISTED = re.compile(r"(?:哪些|哪几[个类项]?)(?P<term>试点|示范区|示范点|示范工程|标杆项目)(?:建设)?(?:了|呢|吗)?[？?。！!]*$")
#: the verbs such a question puts before the question word, no item words
KIND_VERBS = re.compile(r"有|包括|开展|建设|推进|创建|部署|提出|安排|设立|搞|做")
#: what a document says of a place, asked with no item of its own ("省方案对温州有什么要求", "省里对台州有哪些
#:安排", "省方案里宁波有哪些任务"): the place's every mention answers
WHAT_Q = re.compile(r"什么|哪些|哪几")
PLACE_ASK_WORDS = re.compile(r"要求|安排|部署|任务|工作|内容|支持|措施|举措|事项|提到|提及|涉及|说|讲|写|的|了|呢|吗")
#: leading words that only point into the document ("里", "中", "文中")
POINTING = re.compile(r"^(?:文中|里面|里|中|内)")


def term_asked(question: str) -> str:
    """The term whose mentions the question asks, or "".

    >>> term_asked("台州方案哪些地方提到了大陈岛？")
    '大陈岛'
    >>> term_asked("省方案里提到“岸电”的有哪些")
    '岸电'
    >>> term_asked("台州方案里提到哪些岛")
    '岛'
    >>> term_asked("台州以哪个岛为试点"), term_asked("省方案提到哪些城市")
    ('', '')
    """
    q = re.sub(r"\s", "", question)
    for pattern in (WHERE_MENTIONED, MENTIONING):
        if m := pattern.search(q):
            return POINTING.sub("", m.group("term"))
    if (m := KIND_MENTIONED.search(q)) and m.group("term") in NAMED_KINDS:
        return {"海岛": "岛", "岛屿": "岛", "港口": "港"}.get(m.group("term"), m.group("term"))
    return ""


class MentionsAnswerer(Answerer):
    """Lists every sentence and row of the documents in scope that writes the term asked."""

    name = "mentions"

    def __init__(self, res: Any, index: SentenceIndex, max_shown: int = 20, quote_chars: int = 80) -> None:
        if not hasattr(res, "records") or not hasattr(res, "chunks"):
            raise TypeError("res must be the chain's Resources")
        if max_shown < 1 or quote_chars < 10:
            raise ValueError("max_shown ≥ 1, quote_chars ≥ 10")
        self.res, self.index = res, index
        self.max_shown, self.quote_chars = max_shown, quote_chars

    def run(self, ask: Ask) -> Draft | None:
        term = term_asked(ask.question) or self._place_asked(ask) or self._kind_listed(ask)
        if not term or ask.query.item_no:
            return None
        # ("省方案里…": the plan's own text, not its drafting note's, whose title quotes the plan's)
        docs = of_own_kind(ask.question, ask.doc_ids, {d: m.title for d in ask.doc_ids if (m := self.res.docs.get(d))})
        # a list named ("台州协同治理清单里涉及医化的有几条"): its rows writing the term, counted as its items
        in_list = ask.query.list_name
        found = self._mentions(term, docs, in_list)
        if not found:
            return None
        citer = Citer(self.res)
        out: list[str] = []
        for doc in dict.fromkeys(d for d, _, _ in found):
            mine = [(line, text) for d, line, text in found if d == doc]
            meta = self.res.docs.get(doc)
            shown = mine[:self.max_shown]
            what = "项" if in_list else "处"
            more = f"，以下列出前{len(shown)}{what}" if len(mine) > len(shown) else ""
            where = f"{doc_label(meta) if meta else doc}{'“' + in_list + '”' if in_list else ''}"
            out.append(f"{where}中写到“{term}”的共有{len(mine)}{what}{'' if in_list else '相关记载'}{more}：")
            out += [f"{k}. {text(citer)}" for k, (_, text) in enumerate(shown, 1)]
        return Draft(self.name, 1.0, "\n".join(out), citer.citations)

    @staticmethod
    def _kind_listed(ask: Ask) -> str:
        """The kind asked (``KIND_LISTED``) when the question names nothing else — no item words besides its
        verbs (``KIND_VERBS``), no unit, year or list — or ""."""
        q = ask.query
        m = KIND_LISTED.search(re.sub(r"\s", "", ask.question))
        if not m or q.units or q.years or q.list_name:
            return ""
        return m.group("term") if not KIND_VERBS.sub("", q.content.replace(m.group("term"), "")).strip() else ""

    @staticmethod
    def _place_asked(ask: Ask) -> str:
        """The one place a question asks what a document says of, with no item words besides (``WHAT_Q``,
        ``PLACE_ASK_WORDS``), or ""."""
        q = ask.query
        places = list(dict.fromkeys(q.local_places + q.foreign_places))
        if len(places) != 1 or not WHAT_Q.search(ask.question) or q.units or q.years or q.list_name:
            return ""
        rest = PLACE_ASK_WORDS.sub("", q.content.replace(places[0], ""))
        return places[0] if not rest.strip() else ""

    def _mentions(self, term: str, doc_ids: list[str], list_name: str = "") -> list[tuple[str, int, Any]]:
        """(doc, first line, a function citing and quoting it) of each sentence and row holding ``term``,
        by document (in scope order) and line; with ``list_name``, only that list's rows."""
        found: list[tuple[str, int, Any]] = []
        seen: set[tuple[str, int, str]] = set()
        for s in [] if list_name else self.index.sentences:
            chunk = self.res.chunks.get(s.chunk_id)
            if s.doc_id not in doc_ids or chunk is None or chunk.kind == "row":
                continue  # (a cell's prose is the row's: the row is listed once, below)
            text = re.sub(r"\s", "", s.text).rstrip("。")
            if term in text and (s.doc_id, s.start_line, text) not in seen:
                seen.add((s.doc_id, s.start_line, text))  # (a heading read as a title and as a run-in sentence)
                found.append((s.doc_id, s.start_line, self._sentence_quote(s, term)))
        for r in self.res.records.values():
            if r.doc_id not in doc_ids or r.span is None or list_name and r.list_name != list_name:
                continue
            cells = [r.text, *(v for k, v in r.extra.items() if not k.isascii() and isinstance(v, str))]
            if any(term in re.sub(r"\s", "", c) for c in cells):
                found.append((r.doc_id, r.span.start_line, self._row_quote(r, term)))
        order = {d: k for k, d in enumerate(doc_ids)}
        return sorted(found, key=lambda x: (order[x[0]], x[1]))

    def _sentence_quote(self, s: Any, term: str) -> Any:
        def cite(citer: Citer) -> str:
            n = citer.lines(s.doc_id, s.start_line, s.end_line, " / ".join(s.section))
            where = f"“{' › '.join(s.section)}”部分：" if s.section else ""
            return f"{where}“{focus(s.text.strip(), term, self.quote_chars)}”[{n}]"
        return cite

    def _row_quote(self, r: Any, term: str) -> Any:
        def cite(citer: Citer) -> str:
            n = citer.record(r)
            if term in re.sub(r"\s", "", r.text):
                return f"{row_label(r, content=term, limit=self.quote_chars)}[{n}]"
            key, cell = next((k, v) for k, v in r.extra.items()
                             if not k.isascii() and isinstance(v, str) and term in re.sub(r"\s", "", v))
            return f"{row_label(r)}“{key}”一栏：“{focus(cell.strip(), term, self.quote_chars)}”[{n}]"
        return cite
