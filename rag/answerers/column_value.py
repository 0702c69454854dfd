"""Lists the rows of a list whose categorical column holds the value a question names
("在泰顺县建的近期重点工程有哪些？" → 建设地点 holds 泰顺县; "近期重点工程里续建类有几个？" → 建设性质).

No row is named — the rows are what is asked —, so the row answerer cannot find them: a value of a
column does. The columns read are the categorical ones (``categorical_values``: short values that
recur, not free text or numbers). The question must name the list, by its name or its printed title
("近期重点工程" → "…近期重点工程清单"), and must not name one of its rows besides (then a cell of that row
is asked). A value the list named does not hold is said to be absent there (refused), not looked for in
the other lists.

Usage::

    cv = ColumnValueAnswerer(res, {doc: lines})
    draft = cv.run(Ask("在泰顺县建的近期重点工程有哪些？", query, ["wz-gazette-2023-06"]))
    # → "根据《…》附表1（…近期重点工程清单），建设地点为“泰顺县”的共3项：第6项“…”（龙湾区、泰顺县）[1]；…"
"""
from __future__ import annotations

import re
from typing import Any

from ingest.types import Record

from ..cell_values import categorical_values, cell_values, value_forms
from ..compose import Citer
from ..row_range import in_range
from ..retrievers import common_run, without_runs
from .base import Ask, Draft
from .columns import columns_of
from .list_tables import ListKey, ListTableAnswerer

#: the rows are asked for, or counted ("有哪些", "哪几个", "有几个", "多少项", "列出")
LISTING = re.compile(r"哪些|哪几|有几|几个|几项|多少个|多少项|列出|都有什么|分别是")
#: item words this long besides the value and the list's title ask for something narrower than the
#: value's rows ("…关于全市垃圾分类的": 垃圾分类), left to the answerers that read the rows' words
OTHER_CHARS = 2
#: words that only say a row has the value ("位于苍南县的", "属于续建类的"), no narrower item
HAS_VALUE = re.compile(r"位于|地处|坐落于?|落地|属于")
#: a run this long shared with a row's label names that row: its cell is asked, not the rows listed
ROW_RUN = 4


def values_named(question: str, columns: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(column, value) pairs of ``columns`` (each a list's categorical values by header) that ``question``
    names, the longest form winning a place ("泰顺县" named: "泰顺" is no value of its own).

    >>> values_named("远期重点工程里泰顺县的续建类", [{"建设地点": ["泰顺县", "全市"], "建设性质": ["新建类", "续建类"]}])
    [('建设地点', '泰顺县'), ('建设性质', '续建类')]
    """
    found: dict[tuple[str, str], str] = {}
    for values_by_header in columns:
        for header, values in values_by_header.items():
            for v in values:
                form = next((f for f in value_forms(v) if f in question), None)
                if form:
                    found[(header, v)] = form
    # (a form inside a longer one found is not named)
    return [pair for pair, form in found.items()
            if not any(form != other and form in other for other in found.values())]


class ColumnValueAnswerer(ListTableAnswerer):
    """The rows of the list named whose categorical column holds the value named."""

    name = "column_value"

    def __init__(self, res: Any, texts: dict[str, list[str]]) -> None:
        super().__init__(res, texts)
        self.values = {key: categorical_values(columns_of(r) for r in rows) for key, rows in self.tables.rows.items()}

    def _named_values(self, question: str, keys: list[ListKey]) -> list[tuple[str, str]]:
        """(column, value) pairs of ``keys``' lists the question names, the longest form winning a place."""
        return values_named(question, [self.values[key] for key in keys])

    def _other_words(self, content: str, pairs: list[tuple[str, str]], named: list[ListKey]) -> str:
        """The item words besides the values named, their columns' names, the named lists' title words
        and words saying a row has the value ("垃圾分类" is left of "…关于全市垃圾分类的")."""
        for header, v in pairs:
            for f in value_forms(v):
                content = content.replace(f, "")
            content = without_runs(content, header)
        content = HAS_VALUE.sub("", content)
        for key in named:
            content = without_runs(content, self.tables.titles.get(key, "") or key[1])
        return content

    def run(self, ask: Ask) -> Draft | None:
        if ask.query.item_no or not LISTING.search(ask.question):
            return None
        keys = [k for k in self.tables.rows if k[0] in ask.doc_ids and self.values[k]]
        named = self.tables.named(ask.question, keys, ask.query.list_name)
        if not named:
            return None
        pairs = self._named_values(ask.question, keys)
        if not pairs:
            return None
        rest = ask.question
        for _, v in pairs:
            for f in value_forms(v):
                rest = rest.replace(f, " ")
        for key in named:  # (the words naming the list are no row's: "温州生态文明建设…" is not row 41's "温州生态园…")
            rest = without_runs(rest, self.tables.titles.get(key, "") or key[1])
        if any(common_run(rest, r.text.lstrip("*")) >= ROW_RUN for k in named for r in self.tables.rows[k]):
            return None  # "近期重点工程里泰顺县生物多样性保护工程包括哪些内容": one row's cell is asked
        if len(self._other_words(ask.query.content, pairs, named)) >= OTHER_CHARS:
            return None  # "近期重点工程里有哪些是关于全市垃圾分类的": not every 全市 row, something narrower
        citer = Citer(self.res)
        blocks, absent = [], []
        for key in named:
            numbered, numbers = in_range(self.tables.rows[key], ask.query.item_range)  # ("第1到10项里…": those rows)
            where = self.where(key) + numbers
            for header, v in pairs:
                rows: list[Record] = [r for r in numbered if v in cell_values(r.extra.get(header, ""))]
                if not rows:
                    absent.append(f"{where}中没有{header}为“{v}”的项目")
                    continue
                blocks.append(self.rows_block(where, f"{header}为“{v}”", rows, header, citer))
        return self.picked(blocks, absent, citer.citations)
