"""Answers from a plain table no list parser reads: a header row and rows labelled by their first
cell ("表9.1-1 …汇总表": 领域 / 工程数量(个) / 投资总预算(亿元); "生态安全 11 134.39").

Summary tables hold totals officials ask ("生态安全领域有多少项重点工程，投资总预算多少？").
They have no 序号 and no 牵头单位, so ingest makes no records of them; their lines stay in the text.
A question is answered here when it **names a row** (its label cell stands in the question) and
**asks a column**: by the column's name, or by the kind of value asked (a money, count, place or
time column; see :data:`rag.answerers.columns.KINDS`). The cells are given as the table has them,
with the header, and the header and row lines are cited.

Tables read as records (list, index and indicator tables) are left to their answerers.

Usage::

    ta = TableCellAnswerer(res)
    draft = ta.run(Ask("生态文化领域投资总预算多少亿元？", query, ["wz-gazette-2023-06"]))
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..answer_type import counts_another_thing
from ..compose import Citer, doc_label
from ..types import Fact
from ..retrievers import common_run
from .base import Answerer, Ask, Draft
from .columns import KINDS, columns_by_name_or_kind

#: a count column and a question asking a count ("工程数量(个)" ← "多少项重点工程")
COUNT = (re.compile(r"数量|个数|项数|数目|总数"), re.compile(r"多少[项个家条座处]|几[项个家条座处]|数量|个数"))
#: a cell that is a number (not a row's label)
NUMBER_CELL = re.compile(r"^[\d.,，%％\s\-－—]+$")
#: a question asking a whole table's total ("一共多少项", "总投资多少", "合计多少") and the label of the
#: row that holds it ("总计", "合计", "全市合计")
TOTAL_ASKED = re.compile(r"一共|总共|共计|合计|总计|总[投数量额和]|共[有计]?(?:多少|几)")
TOTAL_LABEL = re.compile(r"^(?:全[省市县区])?(?:总\s*计|合\s*计|共\s*计|总\s*和)$")
#: the run a question must share with a table's caption to ask its total (the item the table sums:
#: "重点工程"), and with no list's title of the document more ("近期重点工程" asks a list, not the summary)
MIN_CAPTION_RUN = 4
#: a column's unit, printed in brackets after its name ("投资总预算(亿元)")
HEADER_UNIT = re.compile(r"[(（]([^()（）]{1,6})[)）]\s*$")


@dataclass
class Table:
    doc_id: str
    header_line: int  # 1-based
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, cells)
    caption: str = ""
    caption_line: int = 0  # the line of the caption just above the header (0: none)

    @staticmethod
    def label(cells: list[str]) -> str:
        return next((c for c in cells if c and not NUMBER_CELL.match(c)), "")


@dataclass(frozen=True)
class TableCellConfig:
    """``min_rows``: rows a run of tab lines needs to be a table; ``max_label``: the longest row
    label matched verbatim in a question (longer labels are sentences, not names)."""

    min_rows: int = 2
    max_label: int = 12
    near_rows: int = 12  # a row this close below its header is cited with it, as one passage

    def __post_init__(self) -> None:
        if self.min_rows < 1 or self.max_label < 2:
            raise ValueError("min_rows >= 1, max_label >= 2")


def find_tables(doc_id: str, lines: list[str], taken: set[int], config: TableCellConfig) -> list[Table]:
    """Runs of tab-separated lines with as many cells as their first line, none of them in ``taken``
    (lines that rows of records span)."""
    out: list[Table] = []
    cur: Table | None = None
    last_text, last_line = "", 0
    for i, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        cells = [c.strip() for c in raw.strip("\n").split("\t")]
        tabbed = "\t" in raw.strip() and i not in taken
        if cur is not None and tabbed and len(cells) == len(cur.header):
            cur.rows.append((i, cells))
            continue
        if cur is not None and len(cur.rows) >= config.min_rows:
            out.append(cur)
        cur = None
        if tabbed and len(cells) >= 2 and all(cells):
            cur = Table(doc_id, i, cells, caption=last_text, caption_line=last_line)
        last_text, last_line = raw.strip(), i
    if cur is not None and len(cur.rows) >= config.min_rows:
        out.append(cur)
    return out


class TableCellAnswerer(Answerer):
    """The cells of a plain table's named row that a question asks."""

    name = "table_cell"

    #: the name of drafts read from a total row the question did not name (see :meth:`disagrees`)
    total_name = "table_total"

    def __init__(self, res: Any, config: TableCellConfig | None = None,
                 list_titles: dict[str, list[str]] | None = None) -> None:
        if not hasattr(res, "records") or not hasattr(res, "docs"):
            raise TypeError("res must be the chain's Resources")
        self.res = res
        self.config = config or TableCellConfig()
        self.list_titles = list_titles or {}  # each document's list titles, which a total question may name instead
        taken: dict[str, set[int]] = {}
        for r in res.records.values():
            if r.span:
                taken.setdefault(r.doc_id, set()).update(range(r.span.start_line, r.span.end_line + 1))
        self.tables: list[Table] = []
        for d in res.docs:
            lines, _ = res.store.doc_lines(d)
            self.tables += find_tables(d, lines, taken.get(d, set()), self.config)

    @staticmethod
    def asked_columns(question: str, header: list[str], caption: str = "") -> list[int]:
        """Indexes of the columns asked: by name, or by the kind of value asked (a count too — of what
        the table counts: the counted words, where the question writes them, stand in ``caption`` or the
        header)."""
        asked = set(columns_by_name_or_kind(question, header, (*KINDS.values(), COUNT)))
        if counts_another_thing(question, caption, *header):  # ("重点工程一共涉及几个县": no 工程数量)
            asked = {h for h in asked if not COUNT[0].search(h) or HEADER_UNIT.sub("", h) in question}
        return [k for k, h in enumerate(header) if h in asked]

    def asks_total_of(self, question: str, t: Table) -> bool:
        """Whether a question asks the total of table ``t``: it asks a total and names the table
        (:meth:`names_table`).

        ("温州规划重点工程总投资多少亿元" asks the 汇总表's 总计; "近期重点工程一共多少项" asks the 近期 list.)"""
        return bool(TOTAL_ASKED.search(question)) and self.names_table(question, t)

    def names_table(self, question: str, t: Table, strictly: bool = False) -> bool:
        """Whether a question names table ``t`` by a run of its caption (the item the table sums, "重点工程"),
        no shorter than the run it shares with any list title of the document (``strictly``: longer — the
        table itself named, "重点工程汇总表", not words its caption shares with the lists)."""
        if not t.caption:
            return False
        run = common_run(question, t.caption)
        return run >= MIN_CAPTION_RUN and all(run > common_run(question, x) if strictly else run >= common_run(question, x)
                                              for x in self.list_titles.get(t.doc_id, []))

    @staticmethod
    def disagrees(draft: Draft, text: Draft) -> bool:
        """Whether the sentences a passage draft cites state, in the unit of a column a total draft gives,
        a value other than the table's ("预算建设资金约3010.39亿元" against the 总计 row's 3012.47)."""
        for f in draft.facts:
            unit = HEADER_UNIT.search(f.field.removeprefix("column:"))
            if unit is None:
                continue
            said = {v for c in text.citations for v in re.findall(r"(\d+(?:\.\d+)?)\s*" + re.escape(unit.group(1)), c.text)}
            if said - {str(f.value).replace(",", "")}:
                return True
        return False

    def run(self, ask: Ask) -> Draft | None:
        if set(ask.query.intents) & {"lead", "participants", "weight", "data_source"}:
            return None
        q = re.sub(r"\s", "", ask.question)
        asks = re.sub(r"\s", "", ask.query.text or ask.question)
        citer = Citer(self.res)
        out: list[str] = []
        facts: list[Fact] = []
        totals = False
        for t in self.tables:
            if t.doc_id not in ask.doc_ids:
                continue
            cols = self.asked_columns(asks, t.header, t.caption)
            if not cols:
                continue
            labels = [Table.label(cells) for _, cells in t.rows]
            named = [x for x in labels if 2 <= len(x) <= self.config.max_label and re.sub(r"\s", "", x) in q]
            total = not named and self.asks_total_of(q, t)
            totals |= total
            for (line, cells), label in zip(t.rows, labels):
                if label not in named and not (total and TOTAL_LABEL.match(label)):
                    continue
                asked = [k for k in cols if k < len(cells) and cells[k] and cells[k] != label]
                if not asked:
                    continue
                section = t.caption or t.header[0]
                top = t.caption_line or t.header_line  # the caption the answer names is cited too
                if line - top <= self.config.near_rows:
                    marks = [citer.lines(t.doc_id, top, line, section)]
                else:  # a row far below its header: the header and the row, each cited
                    marks = [citer.lines(t.doc_id, top, t.header_line, section),
                             citer.lines(t.doc_id, line, line, section)]
                n = marks[-1]
                meta = self.res.docs.get(t.doc_id)
                where = f"“{t.caption}”" if t.caption else "表格"
                said = "，".join(f"{t.header[k]}为{cells[k]}" for k in asked)
                out.append(f"根据{doc_label(meta) if meta else t.doc_id}{where}“{label}”一行：{said}{''.join(f'[{m}]' for m in marks)}。")
                facts.extend(Fact(t.doc_id, t.caption, label, f"column:{t.header[k]}", cells[k], n) for k in asked)
        if not out:
            return None
        return Draft(self.total_name if totals else self.name, 1.0, "\n".join(out), citer.citations, facts=facts)
