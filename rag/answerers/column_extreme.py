"""Answers which row of a list holds the largest or smallest number in one of its columns
("近期重点工程里投资总预算最多的是哪个？", "远期重点工程里哪个投资最大？").

The item words of such a question name no row — the row is what is asked —, so the row answerer
cannot find it: the column and the superlative do. A column is named by its header without the unit
("投资总预算(亿元)" → 投资总预算) or by the start of it standing right before the superlative ("投资最大").
The lists compared are the list named (``query.list_name``), else the list whose title the question
names ("近期重点工程" → the table titled "…近期重点工程清单"), else each list holding the column, each
answered on its own. Ties are all listed; every row is cited at its table line; cells that hold no
number ("待定") take no part.

Usage::

    ce = ColumnExtremeAnswerer(res, {doc: lines})
    draft = ce.run(Ask("近期重点工程里投资总预算最多的是哪个？", query, ["wz-gazette-2023-06"]))
    # → "附表1（…近期重点工程清单）中，投资总预算(亿元)最大的是《…》附表1第29项“浙江三澳核电一期”（376.6）[1]。"
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ingest.types import Record

from ..row_range import in_range
from ..compose import Citer, doc_label
from .base import Ask, Draft
from .list_tables import ListTableAnswerer

#: the superlative asked, and which end of the column it is (长 / 短: a period column's span, "实施期限最长")
SUPERLATIVE = re.compile(r"最(多|大|高|少|小|低|长|短)")
HIGHEST = ("多", "大", "高", "长")
#: a period cell ("2020-2023", "2021—2025"): its span is what 最长 / 最短 compare
PERIOD = re.compile(r"^\s*(\d{4})\s*[-－—–~至]\s*(\d{4})\s*$")
#: a column's cells are numbers (or periods) when this share of its filled cells is one
#: the row is what is asked ("哪个", "哪项", "是什么", "哪一个工程")
WHICH_Q = re.compile(r"哪[个些几项一]|是什么|什么工程|什么项目")
#: at most this many characters between a column's name and the superlative ("投资总预算最多", "投资额度最大")
GAP = 3
NUMERIC_SHARE = 0.6  # ("待定" is no number)
#: a number written with thousands separators ("1,282.58"); "3,5" is two numbers, not 35
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def number(cell: Any) -> float | None:
    """A cell's number, or None ("待定", "", "2021-2025", "—").

    >>> number("376.6"), number("20.00"), number("待定"), number("2021-2025"), number("1,282.58"), number("3,5")
    (376.6, 20.0, None, None, 1282.58, None)
    """
    text = str(cell).strip()
    if THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    if not re.fullmatch(r"[-+]?\d+(?:\.\d+)?", text):
        return None  # (float() also reads "nan", "inf", "1e3", "1_000")
    return float(text)


def span(cell: Any) -> int | None:
    """The years a period cell spans (end minus start), or None ("待定", "2025").

    >>> span("2018-2028"), span("2021—2025"), span("待定")
    (10, 4, None)
    """
    m = PERIOD.match(str(cell))
    return int(m.group(2)) - int(m.group(1)) if m else None


def numeric_column(rows: list[Record], header: str, read: Callable[[Any], Any] = number) -> bool:
    """Whether the column ``header`` of ``rows`` holds numbers (or what ``read`` reads: periods with
    :func:`span`) in ``NUMERIC_SHARE`` of its filled cells."""
    cells = [r.extra[header] for r in rows if str(r.extra.get(header, "")).strip()]
    return bool(cells) and sum(read(c) is not None for c in cells) >= NUMERIC_SHARE * len(cells)


def core(header: str) -> str:
    """A column header without its unit in brackets.

    >>> core("投资总预算(亿元)"), core("实施期限（年）")
    ('投资总预算', '实施期限')
    """
    return re.sub(r"[(（][^)）]*[)）]", "", header).strip()


def names_column(question: str, header: str) -> str | None:
    """The superlative word when ``question`` names the column ``header`` right before one ("投资最大"), else None.

    >>> names_column("哪个投资最大？", "投资总预算(亿元)"), names_column("哪个建设地点最多", "投资总预算(亿元)")
    ('大', None)
    """
    name = core(header)
    for k in range(len(name), 1, -1):
        m = re.search(re.escape(name[:k]) + rf"[^，,。？?]{{0,{GAP}}}?" + SUPERLATIVE.pattern, question)
        if m:
            return m.group(1)
    return None


@dataclass(frozen=True)
class Measure:
    """A quantity of a list's rows compared: a column's number or period span, or how many units a role
    column names ("参与单位最多"). ``value(row)`` is None where the row has none; ``shown(row)`` is what the
    answer writes after the row (its cell in brackets, or its units counted); ``spans``: compared by 最长 /
    最短, not 最多 / 最大."""

    header: str
    value: Callable[[Record], Any]
    shown: Callable[[Record], str]
    spans: bool = False


def _cell_measure(header: str, read: Callable[[Any], Any]) -> Measure:
    return Measure(header, lambda r: read(r.extra.get(header)), lambda r: f"（{r.extra[header]}）", read is span)


def _role_measure(header: str, units: Callable[[Record], list[Any]]) -> Measure:
    # (the count before the names, unbracketed, as the verifier reads it: "共10个：A、B、…" agrees with the names
    # listed after it)
    return Measure(header, lambda r: len(units(r)),
                   lambda r: f"，{header}共{len(units(r))}个：" + "、".join(u.name for u in units(r)) if units(r) else f"，未列{header}")


class ColumnExtremeAnswerer(ListTableAnswerer):
    """Names the rows of a list with the largest or smallest number in the column asked."""

    name = "column_extreme"

    def __init__(self, res: Any, texts: dict[str, list[str]]) -> None:
        super().__init__(res, texts)
        #: each list's measures: its numeric columns, its period columns by their span, and its role columns
        #: by the number of units they name (where some row names several)
        self.columns: dict[tuple[str, str], list[Measure]] = {}
        for key, rows in self.tables.rows.items():
            headers = list(dict.fromkeys(k for r in rows for k in r.extra))
            measures = [_cell_measure(h, read) for read in (number, span) for h in headers if numeric_column(rows, h, read)]
            if any(len(r.participant_units) > 1 for r in rows):
                measures.append(_role_measure("参与单位", lambda r: r.participant_units))
            if any(len(r.lead_units) > 1 for r in rows):
                label = Counter(r.lead_label or "牵头单位" for r in rows).most_common(1)[0][0]
                measures.append(_role_measure(label, lambda r: r.lead_units))
            self.columns[key] = measures

    def run(self, ask: Ask) -> Draft | None:
        if ask.query.item_no or not WHICH_Q.search(ask.question) or not SUPERLATIVE.search(ask.question):
            return None
        asked: dict[tuple[str, str], tuple[Measure, str]] = {}  # list → (measure, superlative)
        for key, measures in self.columns.items():
            if key[0] in ask.doc_ids:
                for m in measures:
                    # (长 / 短 compare periods, the others numbers: "投资最多", "实施期限最长")
                    if (word := names_column(ask.question, m.header)) is not None and (word in "长短") == m.spans:
                        asked[key] = (m, word)
                        break
        if not asked:
            return None
        citer = Citer(self.res)
        blocks, empty = [], []
        for key in (self.tables.named(ask.question, list(asked), ask.query.list_name)
                    or ([] if ask.query.list_name else list(asked))):
            m, word = asked[key]
            numbered, within = in_range(self.tables.rows[key], ask.query.item_range)  # ("第1到10项里…": those rows)
            rows = [(v, r) for r in numbered if (v := m.value(r)) is not None]
            if not rows:  # ("第40到42项里投资最多的": rows with no figure in the column — "待定" — or none in the range)
                empty.append(f"{self.tables.label(key)}{within}中没有写明{m.header}的项目")
                continue
            best = (max if word in HIGHEST else min)(v for v, _ in rows)
            found = [r for v, r in rows if v == best]
            meta = self.res.docs.get(key[0])
            # (each row named in full, 《title》list第N项, as a follow-up reads the row an answer gave: "它的实施期限呢")
            items = "；".join(f"{doc_label(meta) if meta else key[0]}{key[1]}第{r.item_no}项“{r.text}”{m.shown(r)}"
                             f"[{citer.record(r)}]" for r in found)
            blocks.append(f"{self.tables.label(key)}{within}中，{m.header}最{word}的是{items}。")
        if not blocks and empty:
            return Draft(self.name, 1.0, "；".join(empty) + "。", [], refused=True)
        if not blocks:
            # "政策清单里投资最多的": the list named has no such column — said so, not sentences merely
            # mentioning 投资 (other lists have it)
            headers = "、".join(dict.fromkeys(f"“{m.header}”" for m, _ in asked.values()))
            return Draft(self.name, 1.0, f"“{ask.query.list_name}”中没有{headers}一栏。", [], refused=True)
        return Draft(self.name, 1.0, "\n".join(blocks), citer.citations)
