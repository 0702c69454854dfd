"""Answers about the rows of a plain table as a whole (see :mod:`rag.answerers.table_cells`): how many
rows its label column has ("重点工程汇总表一共分了几个领域？" → 6, each named), and which row holds the
largest or smallest number in a column ("汇总表里哪个领域工程数量最多？" → 生态空间, 14).

The table is named by a run of its caption longer than any list title shares with the question
(``TableCellAnswerer.names_table``: "汇总表里…", not "重点工程里哪个投资最大", which asks the lists); the rows counted are
the labelled ones, not a 总计 row; the column compared is asked by its name or by the kind of value
(``TableCellAnswerer.asked_columns``). Ties are all listed; the header and every row given are cited.

Usage::

    tr = TableRowsAnswerer(table_cells)
    draft = tr.run(Ask("重点工程汇总表一共分了几个领域？", query, ["wz-gazette-2023-06"]))
    # → "根据《…》“表9.1-1 …汇总表”，领域共6个：生态制度、生态安全、…[1]。"
"""
from __future__ import annotations

import re

from ..compose import Citer, doc_label
from .base import Answerer, Ask, Draft
from .column_extreme import HIGHEST, SUPERLATIVE, number
from .table_cells import TOTAL_LABEL, Table, TableCellAnswerer

#: a count of rows asked by the label column's header ("几个领域", "多少个领域"): {label} is that header
COUNT_OF_LABEL = r"(?:几|多少)\s*[个类项种]\s*{label}"
#: the row is what is asked ("哪个领域", "是哪个")
WHICH_Q = re.compile(r"哪[个一些]")


class TableRowsAnswerer(Answerer):
    """Counts a plain table's labelled rows, or finds the row with a column's extreme value."""

    name = "table_rows"

    def __init__(self, table_cells: TableCellAnswerer) -> None:
        if not isinstance(table_cells, TableCellAnswerer):
            raise TypeError("table_cells must be the chain's TableCellAnswerer")
        self.cells = table_cells

    def run(self, ask: Ask) -> Draft | None:
        if not isinstance(ask, Ask):
            raise TypeError("ask must be an Ask")
        q = re.sub(r"\s", "", ask.question)
        for t in self.cells.tables:
            if t.doc_id not in ask.doc_ids or not t.header or not self.cells.names_table(q, t, strictly=True):
                continue
            rows = [(line, cells, Table.label(cells)) for line, cells in t.rows]
            rows = [(line, cells, label) for line, cells, label in rows if label and not TOTAL_LABEL.match(label)]
            if len(rows) < 2:
                continue
            key = re.sub(r"\s", "", t.header[0])
            if key and re.search(COUNT_OF_LABEL.format(label=re.escape(key)), q):
                return self._count(t, key, rows)
            sup = SUPERLATIVE.search(q)
            if sup and WHICH_Q.search(q):
                cols = [k for k in self.cells.asked_columns(q[:sup.start()] or q, t.header, t.caption) if k > 0]
                if len(cols) == 1:
                    return self._extreme(t, rows, cols[0], sup.group(1))
        return None

    def _label(self, t: Table) -> str:
        meta = self.cells.res.docs.get(t.doc_id)
        return f"{doc_label(meta) if meta else t.doc_id}{f'“{t.caption}”' if t.caption else '表格'}"

    def _cite(self, citer: Citer, t: Table, line: int) -> str:
        return citer.lines(t.doc_id, line, line, t.caption or t.header[0])

    def _head(self, citer: Citer, t: Table) -> str:
        """The caption the answer names (its table number too) and the header, cited together."""
        return citer.lines(t.doc_id, t.caption_line or t.header_line, t.header_line, t.caption or t.header[0])

    def _count(self, t: Table, key: str, rows: list[tuple[int, list[str], str]]) -> Draft:
        """The table's labelled rows counted and each named, the header and each row cited."""
        citer = Citer(self.cells.res)
        head = self._head(citer, t)
        names = "、".join(f"{label}" for _, _, label in rows)
        marks = "".join(f"[{self._cite(citer, t, line)}]" for line, _, _ in rows)
        return Draft(self.name, 1.0, f"根据{self._label(t)}[{head}]，{key}共{len(rows)}个：{names}{marks}。", citer.citations)

    def _extreme(self, t: Table, rows: list[tuple[int, list[str], str]], col: int, end: str) -> Draft | None:
        """The rows holding the largest (smallest) number of column ``col``, the header and each cited."""
        valued = [(number(cells[col]), line, label, cells[col]) for line, cells, label in rows if col < len(cells)]
        valued = [v for v in valued if v[0] is not None]
        if len(valued) < 2:
            return None
        best = (max if end in HIGHEST else min)(v[0] for v in valued)
        found = [v for v in valued if v[0] == best]
        citer = Citer(self.cells.res)
        head = self._head(citer, t)
        items = "；".join(f"“{label}”（{cell}）[{self._cite(citer, t, line)}]" for _, line, label, cell in found)
        return Draft(self.name, 1.0, f"根据{self._label(t)}[{head}]，{t.header[col]}最{end}的是{items}。", citer.citations)
