"""Lists the rows of a list whose number in one column passes a threshold the question names
("近期重点工程里投资总预算超过100亿元的有哪些？"), or whose period column ends or starts in a year it
names ("近期重点工程里实施期限到2023年结束的有哪几个？").

No row is named — the rows are what is asked —, so the row answerer cannot find them; nor can
:class:`~rag.answerers.column_value.ColumnValueAnswerer`, which reads categorical values, not numbers
compared. The question must name the list (by its name or printed title, as
:meth:`~rag.answerers.list_tables.ListTables.named` reads it) and the column, by its header without the
unit or the start of it ("投资总预算", "投资"), with the comparison right after. A unit the question gives
the number must be the column's ("亿元" for 投资总预算(亿元); "万元" is another scale: not answered). A
threshold no row passes is said so (refused), not answered from the nearest rows.

The threshold is said back in Chinese numerals ("超过一百"): the verifier checks every digit of an
answer against the passages cited, and the question's number is no row's.

Usage::

    ct = ColumnThresholdAnswerer(res, {doc: lines})
    draft = ct.run(Ask("近期重点工程里投资总预算超过100亿元的有哪些？", query, ["wz-gazette-2023-06"]))
    # → "根据《…》附表1（…近期重点工程清单），投资总预算(亿元)超过一百的共5项：第28项“…”（123.4）[1]；…"
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ingest.values import cn_number, cn_year

from ..compose import Citer
from ..row_range import in_range
from .base import Ask, Draft
from .column_extreme import PERIOD, core, number, numeric_column, span
from ..cell_values import categorical_values, cell_values
from .column_value import LISTING, values_named
from .columns import columns_of
from .list_tables import ListKey, ListTableAnswerer

#: a comparison before the number ("超过100", "不少于50") and the operator it means
BEFORE = {"超过": ">", "大于": ">", "高于": ">", "多于": ">", "不少于": ">=", "不低于": ">=", "不小于": ">=",
          "低于": "<", "少于": "<", "小于": "<", "不足": "<", "不到": "<", "不超过": "<=", "不高于": "<=",
          "不大于": "<="}
#: … or after it ("100亿元以上", "5亿元以内")
AFTER = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "以内": "<=", "之内": "<="}
#: how each operator is said back
SAID = {">": "超过", ">=": "不少于", "<": "低于", "<=": "不超过"}
#: two numbers bounding the column's ("在6亿到10亿元之间", "5至10亿元"), both ends included
BETWEEN = re.compile(r"在?\s*(?P<lo>\d+(?:\.\d+)?)\s*(?P<unit1>[^\d\s，,。？?的到至~-]{0,3}?)\s*(?:到|至|~|-|－)\s*"
                     r"(?P<hi>\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s，,。？?的]{0,3}?)\s*(?:之间|以内|范围内)?(?=的|，|,|。|？|\?|有|是|$)")
#: the column's name, then at most this many characters, then the comparison ("投资总预算超过", "投资额在…以上")
GAP = 3
#: a year the period ends in ("到2023年结束", "2023年完成", "2025年前完成") or starts in ("2023年开始", "2023年开工")
ENDS = re.compile(r"(?P<year>20\d\d)\s*年?\s*(?:底|末)?\s*(?P<before>以前|之前|前)?\s*(?:结束|完成|完工|截止|到期|为止|建成)")
STARTS = re.compile(r"(?P<year>20\d\d)\s*年?\s*(?:开始|开工|启动|起步|起)")
#: the year negated right before it ("不是2025年完成的", "不在2023年结束"): the other years' rows
NOT_YEAR = re.compile(r"(?:不是|不在|不为|并非)\s*$")


@dataclass(frozen=True)
class Condition:
    """What a question asks of a column: ``op`` (">", ">=", "<", "<=" on its number, or "ends", "ends<=",
    "ends!=", "starts" on its period) against ``value``."""

    header: str
    op: str
    value: float
    upper: float = 0.0  # "between": the upper bound (``value`` the lower)

    def holds(self, cell: Any) -> bool:
        if self.op in ("ends", "ends<=", "ends!=", "starts"):
            m = PERIOD.match(str(cell))
            if not m:
                return False
            start, end = int(m.group(1)), int(m.group(2))
            return {"ends": end == self.value, "ends!=": end != self.value, "ends<=": end <= self.value,
                    "starts": start == self.value}[self.op]
        v = number(cell)
        return v is not None and {">": v > self.value, ">=": v >= self.value, "<": v < self.value,
                                  "<=": v <= self.value, "between": self.value <= v <= self.upper}[self.op]

    def said(self) -> str | None:
        """The condition in words, its number in Chinese numerals (None when it cannot be said so)."""
        if self.op.startswith("ends"):
            if self.op == "ends!=":  # (the year in words: no row cited writes it)
                return f"不在{cn_year(int(self.value))}年结束"
            return f"{'不晚于' if self.op == 'ends<=' else '于'}{int(self.value)}年结束"
        if self.op == "starts":
            return f"于{int(self.value)}年开始"
        words = cn_number(self.value)
        if self.op == "between":
            upper = cn_number(self.upper)
            return f"在{words}到{upper}之间" if words and upper else None
        return f"{SAID[self.op]}{words}" if words else None


def names_column(question: str, header: str) -> int | None:
    """Where the question names ``header`` (its core, or a start of it of two characters or more): the
    end of that name, else None.

    >>> names_column("投资总预算超过100亿元的有哪些", "投资总预算(亿元)"), names_column("投资超过100亿", "投资总预算(亿元)")
    (5, 2)
    """
    name = core(header)
    for k in range(len(name), 1, -1):
        at = question.find(name[:k])
        if at >= 0:
            return at + k
    return None


def compared(question: str, header: str) -> Condition | None:
    """The comparison the question asks of the numeric column ``header``, or None.

    >>> compared("近期重点工程里投资总预算超过100亿元的有哪些？", "投资总预算(亿元)")
    Condition(header='投资总预算(亿元)', op='>', value=100.0, upper=0.0)
    >>> compared("投资总预算在50亿元以上的", "投资总预算(亿元)").op, compared("投资100万元以上的", "投资总预算(亿元)")
    ('>=', None)
    """
    end = names_column(question, header)
    if end is None:
        return None
    before = "|".join(sorted(BEFORE, key=len, reverse=True))
    after = "|".join(sorted(AFTER, key=len, reverse=True))
    scale = re.search(r"[(（]([^)）]*)[)）]", header)
    if (b := re.compile(rf"[^，,。？?]{{0,{GAP}}}?" + BETWEEN.pattern).match(question, end)) is not None:
        units = [u for u in (b.group("unit1"), b.group("unit")) if u]
        if any(scale and not scale.group(1).startswith(u) for u in units) or float(b.group("lo")) > float(b.group("hi")):
            return None
        return Condition(header, "between", float(b.group("lo")), float(b.group("hi")))
    m = re.compile(rf"[^，,。？?]{{0,{GAP}}}?(?P<op>{before})?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s，,。？?的]{{0,3}}?)"
                   rf"\s*(?P<after>{after})?(?=的|，|,|。|？|\?|有|是|$)").match(question, end)
    if not m or not (m.group("op") or m.group("after")):
        return None
    unit = m.group("unit")
    if unit and scale and not scale.group(1).startswith(unit):
        return None  # ("投资100万元以上": another scale than the column's 亿元)
    op = BEFORE[m.group("op")] if m.group("op") else AFTER[m.group("after")]
    return Condition(header, op, float(m.group("num")))


def period_asked(question: str, header: str, named: bool = True) -> Condition | None:
    """The year the question asks the period column ``header`` to end or start in, or None.

    >>> period_asked("近期重点工程里实施期限到2023年结束的有哪几个？", "实施期限(年)")
    Condition(header='实施期限(年)', op='ends', value=2023.0, upper=0.0)
    >>> period_asked("实施期限2025年前完成的", "实施期限").op, period_asked("2023年开工的", "实施期限")
    ('ends<=', None)
    >>> period_asked("近期重点工程里2022年开始实施的有哪些？", "实施期限(年)").op
    'starts'
    >>> period_asked("近期重点工程里哪些不是2025年完成的？", "实施期限", named=False).op
    'ends!='

    ``named=False``: the column need not be named (a list's one period column: "2025年以前结束的").
    """
    if named and names_column(question, header) is None:
        return None
    # (the year before the column's name or after it: "实施期限到2023年结束", "2022年开始实施")
    if m := ENDS.search(question):
        negated = NOT_YEAR.search(question, 0, m.start())
        return Condition(header, "ends<=" if m.group("before") else "ends!=" if negated else "ends", float(m.group("year")))
    if m := STARTS.search(question):
        return Condition(header, "starts", float(m.group("year")))
    return None


class ColumnThresholdAnswerer(ListTableAnswerer):
    """The rows of the list named whose number (or period) in the column named passes the comparison asked."""

    name = "column_threshold"

    def __init__(self, res: Any, texts: dict[str, list[str]]) -> None:
        super().__init__(res, texts)
        headers = {key: list(dict.fromkeys(k for r in rows for k in r.extra)) for key, rows in self.tables.rows.items()}
        self.numeric = {key: [h for h in hs if numeric_column(self.tables.rows[key], h)] for key, hs in headers.items()}
        self.periods = {key: [h for h in hs if numeric_column(self.tables.rows[key], h, span)] for key, hs in headers.items()}
        #: each list's categorical values: a value named besides the comparison narrows the rows ("…有几个是续建类")
        self.values = {key: categorical_values(columns_of(r) for r in rows) for key, rows in self.tables.rows.items()}

    def _condition(self, question: str, key: ListKey) -> Condition | None:
        for h in self.numeric.get(key, []):
            if c := compared(question, h):
                return c
        periods = self.periods.get(key, [])
        for h in periods:
            # (a list's only period column is the one a year ending or starting asks of, named or not)
            if c := period_asked(question, h, named=len(periods) > 1):
                return c
        return None

    def run(self, ask: Ask) -> Draft | None:
        if ask.query.item_no or not LISTING.search(ask.question):
            return None
        keys = [k for k in self.tables.rows if k[0] in ask.doc_ids and (self.numeric[k] or self.periods[k])]
        asked = {k: c for k in self.tables.named(ask.question, keys, ask.query.list_name)
                 if (c := self._condition(ask.question, k))}
        if not asked or any(c.said() is None for c in asked.values()):
            return None
        citer = Citer(self.res)
        blocks, absent = [], []
        for key, c in asked.items():
            numbered, numbers = in_range(self.tables.rows[key], ask.query.item_range)  # ("第1到10项里…": those rows)
            where = self.where(key) + numbers
            rows = [r for r in numbered if c.holds(r.extra.get(c.header, ""))]
            also = ""
            for header, v in values_named(ask.question, [self.values[key]]):
                rows = [r for r in rows if v in cell_values(r.extra.get(header, ""))]
                also += f"、{header}为“{v}”"
            if not rows:
                absent.append(f"{where}中没有{c.header}{c.said()}{also}的项目")
                continue
            blocks.append(self.rows_block(where, f"{c.header}{c.said()}{also}", rows, c.header, citer))
        return self.picked(blocks, absent, citer.citations)
