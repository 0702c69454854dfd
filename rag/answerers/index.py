"""Answers about the upper levels of an index table: a first- or second-level indicator's total
("(四)环境治理路径协同度(16)") and what it holds.

Each index row carries its parents with their weights (``Record.parents``, parsed at ingest). A
question names a parent when most of its words stand in the question; it asks for the total
(权重, 分值, 多少分) or for the indicators under it (包括, 哪些, 下有). The answer gives the total
as the table states it, quotes the cell verbatim when the extraction kept it whole, lists the
children with their weights, and cites the table lines those rows span.

Usage::

    ia = IndexAnswerer(res)
    draft = ia.run(Ask("台州协同指数中“环境治理路径协同度”的分值是多少？", query, ["tz-pilot"]))
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..compose import Citer, doc_label
from ..retrievers import Idf, bigrams, common_run, without_runs
from ..sentences import CJK
from .base import Answerer, Ask, Draft

#: asks a total: "权重 / 分值 / 多少分 / 占几分"
TOTAL_Q = re.compile(r"权重|分值|多少分|几分|占多少|满分|总分")
#: a table line stating the index's total ("合计 100", "总分")
TABLE_TOTAL = re.compile(r"合计|总计|总分|满分")
#: the shortest title phrase taken as naming the table around an indicator's name
TITLE_PHRASE = 2
#: a question names an index table by a run of this many characters of its title ("协同指数")
TABLE_NAMED = 4
#: ... and asks the table itself unless it names an indicator row this fully (half its words: a leaf
#: named in part is still asked, and is the row answerer's to find or refuse)
LEAF_NAMED = 0.5


def within_title(question: str, name: str, table: str) -> bool:
    """Whether every place ``question`` writes ``name`` is inside a longer phrase of the table's
    title: "台州的减污降碳协同指数" names the table "…减污降碳协同指数", not its indicator "减污降碳".

    >>> within_title("台州的减污降碳协同指数一共多少分？", "减污降碳", "台州市县（市、区）减污降碳协同指数")
    True
    >>> within_title("台州减污降碳这个一级指标多少分？", "减污降碳", "台州市县（市、区）减污降碳协同指数")
    False
    """
    at = question.find(name)
    if at < 0:
        return False
    while at >= 0:
        a, b = at, at + len(name)
        while b < len(question) and question[a:b + 1] in table:
            b += 1
        while a > 0 and question[a - 1:b] in table:
            a -= 1
        if b - a < len(name) + TITLE_PHRASE:
            return False  # written on its own here
        at = question.find(name, at + 1)
    return True


#: a level named by its rank ("三级指标"): the level below the table's lowest parent level is its rows
LEVEL_RANK = re.compile(r"([一二三四五六七八九])级指标")
RANKS = "一二三四五六七八九"


def leaf_level(question: str, levels: list[str]) -> str | None:
    """The rank level the question names when it is the rows' own level (one below the lowest parent
    level ranked in the table), "" when it names no rank level, None when it names a rank the table
    lacks.

    >>> leaf_level("台州协同指数有多少个三级指标？", ["评价内容", "一级指标", "二级指标"])
    '三级指标'
    >>> leaf_level("…有几个四级指标？", ["一级指标", "二级指标"]), leaf_level("…一共多少分？", ["一级指标"])
    (None, '')
    """
    m = LEVEL_RANK.search(question)
    if not m or m.group(0) in levels:
        return ""
    ranks = [RANKS.index(x) for lv in levels for x in LEVEL_RANK.findall(lv)]
    return m.group(0) if ranks and RANKS.index(m.group(1)) == max(ranks) + 1 else None


#: the indicators counted with no level named ("台州指数一共多少项指标"): the table's numbered rows
ROWS_COUNTED = re.compile(r"(?:几|多少)\s*(?:个|项|条)?\s*指标")


def rows_level_name(levels: list[str]) -> str:
    """The name of the rows' own level: one rank below the lowest ranked parent level ("三级指标"), else "指标".

    >>> rows_level_name(["评价内容", "一级指标", "二级指标"]), rows_level_name(["评价内容"])
    ('三级指标', '指标')
    """
    ranks = [RANKS.index(x) for lv in levels for x in LEVEL_RANK.findall(lv)]
    return f"{RANKS[max(ranks) + 1]}级指标" if ranks and max(ranks) + 1 < len(RANKS) else "指标"


#: words that name the table's parts, not an item: "一级指标", "分"
TABLE_WORDS = re.compile(r"[一二三四五六七八九]级|指标|指数|分|项|个")


def words_besides(content: str, table: str) -> str:
    """The item words left when the runs of the table's title (two characters or more) and the words
    naming its parts are taken out.

    >>> words_besides("台州协同指数噪声投诉", "台州市县（市、区）减污降碳协同指数")
    '噪声投诉'
    """
    return TABLE_WORDS.sub("", without_runs(content, table))


#: asks what stands under it ...
CHILDREN_Q = re.compile(r"包括|包含|哪些|哪几|哪个|有什么|是什么|下设|下面|下有|之下|构成|组成|几个|多少个|几项|多少项")
#: ... of an index ("台州推进固废减污降碳协同包括哪几条" asks a section, not the indicator 减污降碳)
INDEX_Q = re.compile(r"指数|指标")


@dataclass
class Node:
    doc_id: str
    table: str
    level: str  # "一级指标" …
    name: str
    weight: str
    rows: list[Any] = field(default_factory=list)  # the index rows under it, in table order


@dataclass(frozen=True)
class IndexConfig:
    accept: float = 0.8  # share of the parent's (IDF-weighted) words the question must name
    context_lines: int = 8  # lines above its first row searched for the parent's cell
    name_lines: int = 30  # lines above its first row searched for its name cut over lines (a PDF table's
    # narrow column: "3.协同耦" / "合度" stands 14 lines above its first leaf's row, zj:1514-1528)

    def __post_init__(self) -> None:
        if not 0 < self.accept <= 1 or self.context_lines < 0 or self.name_lines < 0:
            raise ValueError("accept in (0, 1], context_lines >= 0, name_lines >= 0")


class IndexAnswerer(Answerer):
    """Totals and children of index-table parents."""

    name = "index"

    def __init__(self, res: Any, config: IndexConfig | None = None) -> None:
        self.res = res
        self.config = config or IndexConfig()
        self.nodes: dict[tuple[str, str, str, str], Node] = {}
        rows = sorted((r for r in res.records.values() if r.kind == "index" and r.span),
                      key=lambda r: (r.doc_id, r.span.start_line))
        for r in rows:
            for p in r.parents:
                if not p.get("name"):
                    continue
                key = (r.doc_id, r.list_name, p.get("level", ""), p["name"])
                node = self.nodes.setdefault(key, Node(r.doc_id, r.list_name, p.get("level", ""), p["name"],
                                                       str(p.get("weight") or "")))
                node.rows.append(r)
        self.idf = Idf([bigrams(n.name) for n in self.nodes.values()] or [set()])

    def score(self, question: str, node: Node) -> float:
        if within_title(question, node.name, node.table):
            return 0.0  # "减污降碳协同指数一共多少分" names the table, not its indicator "减污降碳"
        return self.score_text(question, node.name)

    def score_text(self, question: str, name: str) -> float:
        """IDF-weighted share of ``name``'s bigrams that the question holds."""
        return self.idf.coverage(name, question)

    def run(self, ask: Ask) -> Draft | None:
        if set(ask.query.intents) & {"lead", "participants", "deadline", "data_source"}:
            return None  # a row's field is asked
        wants_total = bool(TOTAL_Q.search(ask.question))
        wants_children = bool(CHILDREN_Q.search(ask.question) and INDEX_Q.search(ask.question))
        if not (wants_total or wants_children):
            return None
        scored = [(self.score(ask.question, n), n) for n in self.nodes.values() if n.doc_id in ask.doc_ids]
        scored = [(s, n) for s, n in scored if s >= self.config.accept]
        if not scored:
            return self._table(ask, wants_total)
        # the most fully named; on a tie the shorter name (named whole) and then the higher level
        scored.sort(key=lambda x: (-x[0], len(x[1].name)))
        top = scored[0][0]
        picked = [n for s, n in scored if s >= top - 1e-9][:3]
        leaf = max((self.score_text(ask.question, r.text) for n in self.nodes.values() if n.doc_id in ask.doc_ids
                    for r in n.rows if len(r.text) > len(picked[0].name)), default=0.0)
        if leaf >= top - 1e-9:  # (sums of float weights over sets: equal coverages may differ in the last bit)
            return None  # the question names a leaf indicator as fully: the row answers it
        citer = Citer(self.res)
        return Draft(self.name, top, "\n".join(self._describe(n, citer, ask.question) for n in picked), citer.citations)

    def _table(self, ask: Ask, wants_total: bool) -> Draft | None:
        """The question names an index table itself ("台州的减污降碳协同指数一共多少分", "…有哪些一级
        指标", "…的评价内容分哪几类"): the level it names, else its top weighted level, each with its
        total, and whether the table states a total."""
        tables: dict[tuple[str, str], list[Node]] = {}
        for n in self.nodes.values():
            if n.doc_id in ask.doc_ids:
                tables.setdefault((n.doc_id, n.table), []).append(n)
        runs = sorted(((common_run(ask.question, k[1]), k) for k in tables), reverse=True)
        by_kind = len(runs) == 1 and "指数" in ask.question  # "台州指数…": the one index of the document asked
        if not runs or runs[0][0] < TABLE_NAMED and not by_kind or len(runs) > 1 and runs[1][0] == runs[0][0]:
            return None  # no table named, or several alike (each document answers its own question)
        doc_id, table = runs[0][1]
        nodes = tables[(doc_id, table)]
        if max(self.score_text(ask.question, r.text) for n in nodes for r in n.rows) >= LEAF_NAMED:
            return None  # "台州协同指数的PM2.5浓度权重": an indicator of the table is asked, its row answers
        levels = list(dict.fromkeys(n.level for n in nodes if n.level))
        named = [lv for lv in levels if lv in ask.question]
        leaf = leaf_level(ask.question, levels)
        if leaf is None:
            return None  # a rank the table does not have
        rest = without_runs(ask.query.content, "".join(named) + leaf)  # ("评价内容" may stand as 评价 alone)
        if len(CJK.findall(words_besides(rest, table))) >= 2:
            return None  # "…协同指数里噪声投诉的权重": words of an item the table may not hold
        if not leaf and not named and ROWS_COUNTED.search(ask.question):
            leaf = rows_level_name(levels)  # "一共多少项指标": the numbered rows
        if leaf and not named:
            return self._rows_level(doc_id, table, nodes, leaf)
        weighted = [n for n in nodes if n.weight]
        if not named and not weighted:
            return None
        top = named[0] if named else weighted[0].level  # the level named, else the first weighted one (一级指标)
        tops = [n for n in nodes if n.level == top]
        first = min(r.span.start_line for n in tops for r in n.rows)
        last = max(r.span.end_line for n in tops for r in n.rows)
        lines, _ = self.res.store.doc_lines(doc_id)
        states_total = any(TABLE_TOTAL.search(ln) for ln in lines[first - 1: last])
        citer = Citer(self.res)
        mark = citer.lines(doc_id, first, last, table)
        meta = self.res.docs.get(doc_id)
        unit = "权重" if any("." in n.weight for n in tops) else "分值"
        listed = "、".join(f"“{n.name}”（{n.weight}）" if n.weight else f"“{n.name}”" for n in tops)
        lead = "" if (states_total or not wants_total or not any(n.weight for n in tops)) else f"表中未单列总{unit}；"
        said = f"{unit}分别为：" if any(n.weight for n in tops) else ""
        text = f"根据{doc_label(meta) if meta else doc_id}“{table}”：{lead}其{top}共{len(tops)}项，{said}{listed}[{mark}]。"
        return Draft(self.name, 1.0 if named else self.config.accept, text, citer.citations)

    def _rows_level(self, doc_id: str, table: str, nodes: list[Node], level: str) -> Draft:
        """The table's rows, asked as a level by rank ("有多少个三级指标"): each with its weight, cited
        over the table's rows."""
        rows = sorted({r.id: r for n in nodes for r in n.rows}.values(), key=lambda r: r.span.start_line)
        citer = Citer(self.res)
        mark = citer.lines(doc_id, rows[0].span.start_line, rows[-1].span.end_line, table)
        meta = self.res.docs.get(doc_id)
        listed = "、".join(f"“{r.text}”（{r.weight}）" if r.weight else f"“{r.text}”" for r in rows)
        text = f"根据{doc_label(meta) if meta else doc_id}“{table}”：其{level}共{len(rows)}项：{listed}[{mark}]。"
        return Draft(self.name, 1.0, text, citer.citations)

    def _cell(self, n: Node, lines: list[str], first: int) -> tuple[int, str] | None:
        """The line and verbatim cell holding the parent's name (and its weight), if kept whole."""
        lo = max(first - self.config.context_lines, 1)
        for i in range(lo, n.rows[-1].span.end_line + 1):
            for cell in lines[i - 1].split("\t"):
                flat = re.sub(r"\s+", "", cell)
                if n.name in flat:
                    return i, cell.strip()
        return None

    def _name_start(self, n: Node, lines: list[str], first: int) -> int | None:
        """The line above the parent's first row where its name, cut over lines, begins (the nearest
        such line within ``name_lines``), else None: the parent's block, children's cells and weights
        included, is cited from there."""
        flat = ""
        for i in range(first - 1, max(first - self.config.name_lines, 1) - 1, -1):
            flat = re.sub(r"\s+", "", lines[i - 1]) + flat
            if n.name in flat:
                return i
        return None

    def _describe(self, n: Node, citer: Citer, question: str = "") -> str:
        lines, _ = self.res.store.doc_lines(n.doc_id)
        first = n.rows[0].span.start_line
        cell = self._cell(n, lines, first)
        start = min(first, cell[0]) if cell else first
        if not cell:  # the name was cut over lines ("3.协同耦" / "合度" / "0.1"): cite from where it starts
            start = self._name_start(n, lines, first) or start
        if not cell and n.weight and start == first:  # ... or else from the line with its weight
            w = re.compile(r"(?:^|\s)" + re.escape(n.weight) + r"(?:\s|$)")
            above = [i for i in range(max(first - self.config.context_lines, 1), first) if w.search(lines[i - 1])]
            start = above[-1] if above else first
        mark = citer.lines(n.doc_id, start, n.rows[-1].span.end_line, f"{n.table} / {n.level}“{n.name}”")
        meta = self.res.docs.get(n.doc_id)
        head = f"根据{doc_label(meta) if meta else n.doc_id}“{n.table}”，{n.level}“{n.name}”"
        parts = []
        if n.weight:
            parts.append(f"{'分值' if '.' not in n.weight else '权重'}为{n.weight}")
        else:
            parts.append("表中未列其分值")
        if cell and n.name in re.sub(r"\s+", "", cell[1]) and cell[1] != n.name:
            parts.append(f"原文为“{cell[1]}”")
        level_of = [p.get("level", "") for p in n.rows[0].parents]
        depth = level_of.index(n.level) if n.level in level_of else len(level_of) - 1
        below = depth + 1  # the level listed: the next, or one further down the question names by rank
        if (m := LEVEL_RANK.search(question)) and m.group(0) != n.level:
            if m.group(0) in level_of[below:]:
                below = level_of.index(m.group(0))  # "其下有哪些二级指标" of a level above them
            elif leaf_level(question, level_of) == m.group(0):
                below = len(level_of)  # "下面有哪些三级指标": the table's rows, under every level between
        kids: dict[str, str] = {}
        for r in n.rows:
            if below < len(r.parents):
                p = r.parents[below]
                kids.setdefault(f"{p.get('level', '')}“{p['name']}”", str(p.get("weight") or ""))
            else:
                kids.setdefault(f"第{r.item_no}项“{r.text}”", str(r.weight or ""))
        listed = "、".join(f"{k}（{w}）" if w else k for k, w in kids.items())
        parts.append(f"其下共{len(kids)}项：{listed}")
        return head + "：" + "；".join(parts) + f"[{mark}]。"
