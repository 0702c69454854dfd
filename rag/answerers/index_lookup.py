"""Answers which indicators of an index table meet a condition on their own cells: the data source a
question names ("台州指数中哪个指标的数据由市公安局提供？") or the highest or lowest weight ("台州协同指数里
权重最高的三级指标是哪个？").

The item words of such a question name no indicator — the indicator is what is asked —, so the row
answerer cannot find it: the condition does. Each index row carries its weight and its data sources
(parsed at ingest). A parent named in the question ("大气环境里权重最高的") keeps the look-up to the
rows under it. Ties are all listed; every row is cited at its table line.

Usage::

    il = IndexLookupAnswerer(res)
    draft = il.run(Ask("台州指数中哪个指标的数据由市公安局提供？", query, ["tz-pilot"]))
    # → "根据《…》“…协同指数”，数据来源为市公安局的指标共1项：第19项“新能源车占注册登记车辆比例”（权重4）[1]。"
"""
from __future__ import annotations

import re
from typing import Any

from ingest.types import Record

from ..compose import Citer, doc_label
from .base import Answerer, Ask, Draft
from .index import within_title

#: the highest or lowest weight asked ("权重最高", "分值最大的", "最低的权重")
EXTREME_Q = re.compile(r"(?:权重|分值|分数|占分)[^？?，,。]{0,2}?(最高|最大|最多|最低|最小|最少)"
                       r"|(最高|最大|最多|最低|最小|最少)的?(?:权重|分值)")
HIGHEST = ("最高", "最大", "最多")
#: a weight named ("权重为6的指标", "分值是4的", "占4分的"): the indicators weighing that much are asked
WEIGHT_NAMED = re.compile(r"(?:权重|分值|分数)(?:为|是|等于)\s*(\d+(?:\.\d+)?)\s*分?(?![\d.])|占\s*(\d+(?:\.\d+)?)\s*分")
#: an extreme weight is looked up only when the question speaks of indicators or an index ("远期重点工程里
#: 权重最大的" asks of a project table, which weighs nothing)
INDEX_WORDS = re.compile(r"指标|指数")
#: which indicators are asked ("哪个指标", "哪些", "是哪个", "什么指标"), or how many ("几个指标": each is named)
WHICH_Q = re.compile(r"哪[个些几项]|什么指标|是哪|几[个项]|多少[个项]")
#: the share of a table's parents whose weight is the sum of their children's for its weights to be
#: points of one whole: a table may print one total its rows do not add up to (台州's "协同减排 (6)" over
#: 3 + 2), while a table weighing within each parent disagrees at most parents (浙江's: 1 of 11 agree; 台州's 0.95)
SUMS_AGREE = 0.8
#: the level of indicator asked ("哪个二级指标分值最高"): when the table's parents are of that level, their
#: own weights are compared, not their rows'
LEVEL_ASKED = re.compile(r"[一二三四]级指标")
#: a parent named this short is an ordinary word too often: not read as narrowing the look-up
MIN_PARENT_CHARS = 2


def _weight(r: Record) -> float | None:
    """An index row's weight as a number, or None when its cell holds none.

    >>> from ingest.types import Record
    >>> def row(w=""): return Record(doc_id="d", list_name="l", item_no="1", item_no_assigned=False, text="t", weight=w)
    >>> _weight(row("4")), _weight(row()), _weight(row("—"))
    (4.0, None, None)
    """
    try:
        return float(r.weight) if r.weight else None
    except ValueError:
        return None


def absolute_weights(rows: list[Record]) -> bool:
    """Whether a table's weights are points of one whole (``sums_agree`` at least ``SUMS_AGREE``)."""
    return sums_agree(rows) >= SUMS_AGREE


def sums_agree(rows: list[Record]) -> float:
    """The share of parents whose weight is the sum of their children's (the leaves' and the levels' between):
    "大气环境 (12)" holding 4+2+4+2 — weights are points of one whole. A table weighing each level within
    its parent ("环境质量 0.15" holding "大气环境 1") is not.

    >>> from ingest.types import Record
    >>> def row(w, *ps): return Record(doc_id="d", list_name="l", item_no="1", item_no_assigned=False, text="t", weight=w, parents=[{"name": n, "weight": pw} for n, pw in ps])
    >>> sums_agree([row("4", ("A", "10"), ("a", "6")), row("2", ("A", "10"), ("a", "6")), row("4", ("A", "10"), ("b", "4"))])
    1.0
    >>> sums_agree([row("0.2", ("A", "0.15"), ("a", "1")), row("0.8", ("A", "0.15"), ("a", "1"))])
    0.5
    """
    sums: dict[tuple[str, ...], float] = {}
    stated: dict[tuple[str, ...], float] = {}
    for r in rows:
        w = _weight(r)
        if w is None:
            return 0.0
        path = tuple(p.get("name", "") for p in r.parents)
        for k in range(len(path), 0, -1):
            key = path[:k]
            try:
                pw = float(r.parents[k - 1].get("weight") or "nan")
            except ValueError:
                pw = float("nan")
            if pw == pw:  # (a parent stating no weight is left out)
                stated[key] = pw
            if k == len(path):
                sums[key] = sums.get(key, 0.0) + w
    # the levels between: a parent's weight is the sum of its child parents' stated weights
    kids: dict[tuple[str, ...], float] = {}
    for key, w in stated.items():
        if len(key) > 1 and key[:-1] in stated:
            kids[key[:-1]] = kids.get(key[:-1], 0.0) + w
    checks = [(sums.get(k, 0.0), stated[k]) for k in sums if k in stated] + [(kids[k], stated[k]) for k in kids]
    return sum(abs(a - b) < 1e-6 for a, b in checks) / len(checks) if checks else 0.0


class IndexLookupAnswerer(Answerer):
    """Lists the index rows whose data source is a department asked, or whose weight is the extreme or the
    value asked."""

    name = "index_lookup"

    def __init__(self, res: Any) -> None:
        if not hasattr(res, "records") or not hasattr(res, "docs"):
            raise TypeError("res must be the chain's Resources")
        self.res = res
        # (document, index table) → its rows, in table order
        self.tables: dict[tuple[str, str], list[Record]] = {}
        for r in sorted(res.records.values(), key=lambda r: (r.doc_id, r.span.start_line if r.span else 0)):
            if r.kind == "index":
                self.tables.setdefault((r.doc_id, r.list_name), []).append(r)
        # tables whose weights are points of one whole (a parent's weight the sum of its children's), so
        # rows under different parents compare; others weigh each row within its parent only
        self.absolute = {key for key, rows in self.tables.items() if absolute_weights(rows)}

    def _under_parent(self, question: str, rows: list[Record], table: str) -> list[Record]:
        """The rows under the parents the question names (all rows when it names none); a parent's name
        written only inside the table's title ("台州减污降碳协同指数" holds the parent 减污降碳) is not named."""
        named = {p["name"] for r in rows for p in r.parents
                 if len(p.get("name", "")) >= MIN_PARENT_CHARS and p["name"] in question
                 and not within_title(question, p["name"], table)}
        if not named:
            return rows
        return [r for r in rows if named <= {p["name"] for p in r.parents}] or rows

    def _parent_extreme(self, doc: str, table: str, rows: list[Record], level: str, word: str,
                        citer: Citer) -> str | None:
        """The parents of ``level`` with the extreme weight among ``rows``, each cited at its first row's line;
        "" when none states a weight; None when weights are within different parents ("浙江" weighs each
        二级指标 within its 一级指标: those under different ones do not compare)."""
        parents: dict[tuple[str, ...], tuple[float, Record]] = {}  # path down to the parent → (weight, first row)
        for r in rows:
            for k, p in enumerate(r.parents):
                if p.get("level") != level:
                    continue
                path = tuple(x.get("name", "") for x in r.parents[:k + 1])
                try:
                    parents.setdefault(path, (float(p.get("weight") or "nan"), r))
                except ValueError:
                    pass
        parents = {k: v for k, v in parents.items() if v[0] == v[0]}  # (a parent stating no weight is left out)
        if not parents:
            return ""
        if (doc, table) not in self.absolute and len({k[:-1] for k in parents}) > 1:
            return None
        best = (max if word in HIGHEST else min)(w for w, _ in parents.values())
        found = [(path[-1], r) for path, (w, r) in parents.items() if w == best]
        meta = self.res.docs.get(doc)
        items = "；".join(f"“{name}”（{found_w}）[{citer.record(r)}]" for name, r in found
                         for found_w in [next(p.get("weight") for p in r.parents if p.get("name") == name)])
        return (f"根据{doc_label(meta) if meta else doc}“{table}”，{level}中权重{word}的共{len(found)}项："
                f"{items}。")

    def _parents_weighing(self, doc: str, table: str, rows: list[Record], level: str, value: float,
                          citer: Citer) -> str:
        """The parents of ``level`` among ``rows`` whose own weight is ``value``, each cited at its first
        row's line ("哪个二级指标分值是6": "协同减排（6）"); "" when none is."""
        found: dict[tuple[str, ...], tuple[str, Record]] = {}
        for r in rows:
            for k, p in enumerate(r.parents):
                try:
                    weighs = p.get("level") == level and float(p.get("weight") or "nan") == value
                except ValueError:
                    weighs = False
                if weighs:
                    found.setdefault(tuple(x.get("name", "") for x in r.parents[:k + 1]), (p.get("weight", ""), r))
        if not found:
            return ""
        meta = self.res.docs.get(doc)
        items = "；".join(f"“{path[-1]}”（{w}）[{citer.record(r)}]" for path, (w, r) in found.items())
        # ("分值", not "权重": the rows cited weigh their own amounts; the parent's stands in its cell)
        return f"根据{doc_label(meta) if meta else doc}“{table}”，分值为{found[next(iter(found))][0]}的{level}共{len(found)}项：{items}。"

    def run(self, ask: Ask) -> Draft | None:
        q = ask.query
        # (the weight asked of the rows a source names, "市分类办提供数据的指标权重多少": those rows, weighed)
        if q.item_no or not (WHICH_Q.search(ask.question) or {"weight", "data_source"} <= set(q.intents) and q.units):
            return None
        extreme = EXTREME_Q.search(ask.question) if INDEX_WORDS.search(ask.question) else None
        named = WEIGHT_NAMED.search(ask.question) if INDEX_WORDS.search(ask.question) and not extreme else None
        weight_named = (named.group(1) or named.group(2)) if named else ""  # as the question writes it
        level_asked = LEVEL_ASKED.search(ask.question)
        by_source = "data_source" in q.intents and bool(q.units)
        if not (extreme or by_source or named):
            return None
        citer = Citer(self.res)
        blocks = []
        searched = []  # the index tables looked through
        within: list[str] = []  # tables weighing the level asked within each parent: no extreme across them
        for (doc, table), rows in self.tables.items():
            if doc not in ask.doc_ids:
                continue
            searched.append(table)
            rows = self._under_parent(ask.question, rows, table)
            if by_source:
                keys = set(q.units)
                found = [r for r in rows if any(u.key in keys for u in r.data_sources)]
                what = "数据来源为" + "、".join(self.res.unit_display.get(k, k) for k in q.units)
            elif named:
                if level_asked and any(p.get("level") == level_asked.group(0) for r in rows for p in r.parents):
                    if block := self._parents_weighing(doc, table, rows, level_asked.group(0), float(weight_named), citer):
                        blocks.append(block)
                    continue
                found = [r for r in rows if _weight(r) == float(weight_named)]
                what = f"权重为{weight_named}"
            elif (level := LEVEL_ASKED.search(ask.question)) and any(
                    p.get("level") == level.group(0) for r in rows for p in r.parents):
                assert extreme is not None
                block = self._parent_extreme(doc, table, rows, level.group(0), extreme.group(1) or extreme.group(2), citer)
                if block is None:
                    within.append(f"“{table}”")
                elif block:
                    blocks.append(block)
                continue
            else:
                assert extreme is not None
                word = extreme.group(1) or extreme.group(2)
                weights = [w for r in rows if (w := _weight(r)) is not None]
                if not weights:
                    continue
                best = max(weights) if word in HIGHEST else min(weights)
                found = [r for r in rows if _weight(r) == best]
                what = f"权重{word}（{found[0].weight}）"
                if (doc, table) not in self.absolute and len({tuple(p.get("name") for p in r.parents) for r in rows}) > 1:
                    # weights shared out within each parent (0.2 and 0.3 of one 0.15): the table's own numbers,
                    # said to be within their parents, not a ranking across them
                    what = (f"各指标权重是在各自上级指标内部分配的，不同上级指标下的权重不能直接比较；按表中所列数值，"
                            f"权重{word}（{found[0].weight}）")
            if not found:
                continue
            meta = self.res.docs.get(doc)
            items = [f"第{r.item_no}项“{r.text}”（权重{r.weight}）[{citer.record(r)}]" for r in found]
            blocks.append(f"根据{doc_label(meta) if meta else doc}“{table}”，{what}的指标共{len(found)}项："
                          + "；".join(items) + "。")
        if not blocks and by_source and searched:
            # "台州指数里市气象局负责哪个指标的数据": no row of the index names that source — said so, not
            # another row about the words left
            names = "、".join(self.res.unit_display.get(k, k) for k in q.units)
            return Draft(self.name, 1.0, f"{'、'.join(f'“{t}”' for t in searched)}中没有数据来源为{names}的指标。", [],
                         refused=True)
        if not blocks and named and searched:
            # "台州协同指数里权重为7的指标": no row weighs that much — said so, not the table's totals
            return Draft(self.name, 1.0, f"{'、'.join(f'“{t}”' for t in searched)}中没有权重为{weight_named}的"
                         f"{level_asked.group(0) if level_asked else '指标'}。", [], refused=True)
        if not blocks and within:
            # "省协同指数里哪个二级指标权重最高": its weights count within each 一级指标 — said so, not one of them
            return Draft(self.name, 1.0, f"{'、'.join(within)}的{LEVEL_ASKED.search(ask.question).group(0)}权重是在各自上级指标"
                         "内部分配的，不同上级指标下的权重不能直接比较，文件中没有跨上级指标的高低排序。", [], refused=True)
        if not blocks:
            return None
        return Draft(self.name, 1.0, "\n".join(blocks), citer.citations)
