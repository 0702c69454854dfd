"""Answers "到2030年的目标是什么": the paragraphs that open with that year, quoted whole.

Plans state their goals by year in paragraphs that open "到2025年，…" / "到 2030 年，…". A question
that names a year and asks for the goal without naming an item (its item words are empty once the
place, the year and the question words are taken out) asks for those paragraphs. Each document in
scope answers with its paragraphs for the year, cited at their lines.

Usage::

    ya = YearGoalsAnswerer(res, SentenceIndex.build(res))
    draft = ya.run(Ask("台州到2030年的目标是什么？", query, ["tz-pilot"]))
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..compose import Citer, doc_label
from ..sentences import LEAD_YEAR, Sentence, SentenceIndex, _norm
from .base import Answerer, Ask, Draft

#: asks for a goal or what a year brings ("目标是什么", "要实现什么", "有哪些目标")
GOAL_Q = re.compile(r"目标|要实现|要达到|要做到|任务是什么|什么要求")


@dataclass(frozen=True)
class YearGoalsConfig:
    max_item_chars: int = 1  # item words longer than this name an item: other answerers take it
    quote_chars: int = 500  # a paragraph is quoted up to this long
    max_paragraphs: int = 3  # per document

    def __post_init__(self) -> None:
        if self.max_item_chars < 0 or self.quote_chars < 20 or self.max_paragraphs < 1:
            raise ValueError("max_item_chars >= 0, quote_chars >= 20, max_paragraphs >= 1")


class YearGoalsAnswerer(Answerer):
    """Quotes the paragraphs stating a year's goals."""

    name = "year_goals"

    def __init__(self, res: object, index: SentenceIndex, config: YearGoalsConfig | None = None) -> None:
        if index is None:
            raise ValueError("a SentenceIndex is required")
        self.res = res
        self.config = config or YearGoalsConfig()
        #: (doc, year) → paragraphs opening with "到<year>年", each its sentences in order
        self.paragraphs: dict[tuple[str, int], list[list[Sentence]]] = {}
        current: list[Sentence] | None = None
        for s in index.sentences:
            if s.paragraph_start:
                current = None
                m = LEAD_YEAR.match(_norm(s.text))
                if m:
                    current = [s]
                    self.paragraphs.setdefault((s.doc_id, int(m.group(1))), []).append(current)
            elif current is not None and current[-1].doc_id == s.doc_id:
                current.append(s)

    def _other_years(self, ask: Ask) -> Draft | None:
        """A year no document in scope sets goals for ("温州方案2035年的目标是什么"; it states 2025 and 2030):
        said, with the years it does set goals for, each cited at its first paragraph; None when the
        documents set goals for no year."""
        if ask.query.list_name or {"list_by_year", "deadline"} & set(ask.query.intents):
            return None  # ("目标清单里2023年完成的有哪些": the rows due that year, the chain's listing)
        citer = Citer(self.res)
        said = []
        for doc in ask.doc_ids:
            years = sorted(y for d, y in self.paragraphs if d == doc)
            if not years:
                continue
            cites = []
            for y in years:
                first = self.paragraphs[(doc, y)][0][0]
                cites.append(f"{y}年[{citer.lines(doc, first.start_line, first.end_line, ' / '.join(first.section), chunk_id=first.chunk_id)}]")
            meta = self.res.docs.get(doc)
            said.append(f"{doc_label(meta) if meta else doc}按年份提出的目标为{'、'.join(cites)}")
        if not said:
            return None
        asked = "、".join(f"{y}年" for y in ask.query.years)
        return Draft(self.name, 1.0, f"{asked}的目标：" + "；".join(said) + "。", citer.citations, refused=True)

    def run(self, ask: Ask) -> Draft | None:
        q = ask.query
        if not q.years or q.years_excluded or len(q.content) > self.config.max_item_chars or not GOAL_Q.search(ask.question):
            return None  # (a year excluded, "完成时限不是2025年的指标": no goal of that year is asked)
        citer = Citer(self.res)
        blocks = []
        for doc in ask.doc_ids:
            for year in q.years:
                for para in self.paragraphs.get((doc, year), [])[: self.config.max_paragraphs]:
                    text, used = "", []
                    for s in para:
                        if text and len(text) + len(s.text) > self.config.quote_chars:
                            break
                        text += s.text
                        used.append(s)
                    sec = " / ".join(used[0].section)
                    n = citer.lines(doc, used[0].start_line, used[-1].end_line, sec, chunk_id=used[0].chunk_id)
                    meta = self.res.docs.get(doc)
                    where = f"“{used[0].section[-1]}”部分" if used[0].section else ""
                    more = "（节选）" if len(used) < len(para) else ""
                    blocks.append(f"根据{doc_label(meta) if meta else doc}{where}{more}：“{text}”[{n}]。")
        if not blocks:
            return self._other_years(ask)
        text = "\n".join(blocks)
        if len(blocks) > 1:
            text = f"共有{len(blocks)}段相关表述，分别如下：\n" + text
        return Draft(self.name, 1.0, text, citer.citations)
