"""The documents' lists as whole tables: their rows in order, the title printed above each, and which
of them a question names — shared by the answerers that read a list by its columns
(``ColumnExtremeAnswerer``: the largest budget; ``ColumnValueAnswerer``: the projects built in one county).

Usage::

    tables = ListTables(res, {doc: lines})
    tables.titles[("wz-gazette-2023-06", "附表1")]   # → "温州市生态文明建设近期重点工程清单"
    tables.named("近期重点工程里投资最多的是哪个？", [("wz-gazette-2023-06", "附表1"), ("wz-gazette-2023-06", "附表2")], "")
    # → [("wz-gazette-2023-06", "附表1")]  ("重点工程" alone: both lists)
"""
from __future__ import annotations

import re
from typing import Any

from ingest.types import Record

from ..compose import doc_label
from ..retrievers import bigrams, common_run
from ..types import Fact
from .base import Answerer, Draft

#: a table's title: a line ending as lists are titled, within this many lines above its first row
TITLE_END = re.compile(r"(?:清单|一览表|汇总表|规划表|计划表)[：:]?$")
TITLE_LOOKBACK = 8
#: the run a question must share with one list's title, longer than with any other, to name it
MIN_TITLE_RUN = 4
#: a title whose run falls short of the longest by at most this many characters is named too, when neither
#: it nor the longest's title holds a word of the question the other lacks (gz:1206 "…生态文明建建设近期重点工程
#: 清单" misprints 建设: "生态文明建设规划里…重点工程" names it as much as "…建设远期重点工程清单")
RUN_SLACK = 2

#: a list's numbering skipping more numbers than this is numbered otherwise (by category, by part):
#: its gaps are not said
MAX_GAPS_SAID = 3
ListKey = tuple[str, str]  # (document, list name)


def numbering_runs(rows: list[Record]) -> list[tuple[str, list[Record]]]:
    """A list's rows (in order) split where the numbering starts again, each run with the first
    category of its rows ("目标协同" 1–9, "评价协同" 1–4 …); one run when it never restarts."""
    runs: list[tuple[str, list[Record]]] = []
    last = None
    for r in rows:
        n = int(r.item_no) if str(r.item_no).isdigit() else None
        if not runs or (n is not None and last is not None and n <= last):
            runs.append((r.categories[0] if r.categories else "", []))
        runs[-1][1].append(r)
        last = n if n is not None else last
    return runs


def size_of_list(where: str, rows: list[Record], citer: Any) -> tuple[str, Fact]:
    """The sentence giving a list's size, its last row cited ("《…》附表1共42项（最后一项为第42项）[1]。"),
    each numbering run said where the list numbers its categories afresh, and the count as a fact
    (its document and list left for the caller to fill in).

    >>> from ingest.types import Span
    >>> class C:
    ...     def record(self, r): return 1
    >>> rows = [Record("d", "附表1", str(i), False, "x", span=Span("d", i, i)) for i in (1, 2)]
    >>> size_of_list("附表1", rows, C())[0]
    '附表1共2项（最后一项为第2项）[1]。'
    """
    rows = sorted(rows, key=lambda r: r.span.start_line if r.span else 0)
    runs = numbering_runs(rows)
    if len(runs) > 1:
        # the list numbers each category afresh (1–9, 1–4, 1–10): each run is said, each cited
        each = "、".join(f"{label or '其后'}{len(run)}项（第{run[0].item_no}—{run[-1].item_no}项）"
                         f"[{citer.record(run[-1])}]" for label, run in runs)
        n_last = citer.record(rows[-1])
        return f"{where}共{len(rows)}项，按类别分别编号：{each}。", Fact("", "", "", "count", len(rows), n_last)
    n_last = citer.record(rows[-1])
    return (f"{where}共{len(rows)}项（最后一项为第{rows[-1].item_no}项{_numbers_missing(rows)}）[{n_last}]。",
            Fact("", "", "", "count", len(rows), n_last))


def _numbers_missing(rows: list[Record]) -> str:
    """The numbers a list's numbering skips, said ("，原文中未见第24项"), or "": the count is of the rows
    the text holds, and a row lost from it is not counted silently.

    >>> _numbers_missing([Record("d", "表1", n, False, "x") for n in ("1", "2", "4")])
    '，原文中未见第3项'
    """
    nos = {int(r.item_no) for r in rows if str(r.item_no).isdigit()}
    gaps = [n for n in range(1, max(nos, default=0)) if n not in nos]
    return f"，原文中未见第{'、'.join(map(str, gaps))}项" if gaps and len(gaps) <= MAX_GAPS_SAID else ""


def title_above(lines: list[str], rows: list[Record]) -> str:
    """The title line above a list's first row ("温州市生态文明建设近期重点工程清单"), or "".

    >>> from ingest.types import Span
    >>> r = Record("d", "附表1", "1", False, "x", span=Span("d", 4, 4))
    >>> title_above(["附表1:", "某某重点工程清单", "序号\\t名称", "1\\tx"], [r])
    '某某重点工程清单'
    """
    first = min((r.span.start_line for r in rows if r.span), default=0)
    for i in range(first - 2, max(first - 2 - TITLE_LOOKBACK, -1), -1):
        line = lines[i].strip() if 0 <= i < len(lines) else ""
        if line and "\t" not in line and TITLE_END.search(line):
            return line.rstrip("：:")
    return ""


class ListTables:
    """Every list of the corpus, its rows in document order and its printed title."""

    def __init__(self, res: Any, texts: dict[str, list[str]], kinds: tuple[str, ...] = ("list",)) -> None:
        if not hasattr(res, "records"):
            raise TypeError("res must be the chain's Resources")
        if not isinstance(texts, dict):
            raise TypeError("texts maps each document to its lines")
        if not kinds or not all(isinstance(k, str) for k in kinds):
            raise ValueError("kinds names the record kinds whose tables are held")
        self.rows: dict[ListKey, list[Record]] = {}
        for r in sorted(res.records.values(), key=lambda r: (r.doc_id, r.span.start_line if r.span else 0)):
            if r.kind in kinds:
                self.rows.setdefault((r.doc_id, r.list_name), []).append(r)
        self.titles = {key: title_above(texts.get(key[0], []), rows) for key, rows in self.rows.items()}

    def label(self, key: ListKey) -> str:
        """The list's name with its title in brackets ("附表1（…近期重点工程清单）")."""
        title = self.titles.get(key, "")
        # (an indicator table is named by its title already: "表2-2国家级…规划表")
        return key[1] + (f"（{title}）" if title and re.sub(r"\s", "", title) not in key[1] else "")

    def named(self, question: str, keys: list[ListKey], list_name: str) -> list[ListKey]:
        """Of ``keys``, the lists the question names — by their name (``list_name``, as parsed) or by the
        longest run a title shares with it ("重点工程" names both the 近期 and the 远期 list; "近期重点工程"
        one of them) — or [] when it names none."""
        if list_name:
            return [k for k in keys if k[1] == list_name]
        runs = {k: common_run(question, self.titles[k]) for k in keys if self.titles.get(k)}
        best = max(runs.values(), default=0)
        if best < MIN_TITLE_RUN:
            return []
        top = [k for k, v in runs.items() if v == best]
        near = [k for k, v in runs.items() if v < best and best - v <= RUN_SLACK and v >= MIN_TITLE_RUN]
        if near:
            grams = {k: bigrams(re.sub(r"\s", "", self.titles[k])) for k in [*top, *near]}
            asked = bigrams(question)
            def own_words_asked(k: ListKey) -> bool:  # a word of this title no other holds, written in the question
                return bool((grams[k] - set().union(*(g for j, g in grams.items() if j != k))) & asked)
            if not any(own_words_asked(k) for k in top):
                top += [k for k in near if not own_words_asked(k)]
        return top


class ListTableAnswerer(Answerer):
    """Base of the answerers that read whole lists by their columns: checks its inputs and holds the
    chain's resources and the :class:`ListTables` of the record kinds it reads (``kinds``), and writes the
    rows a condition picks (:meth:`where`, :meth:`rows_block`, :meth:`picked`)."""

    kinds: tuple[str, ...] = ("list",)

    def __init__(self, res: Any, texts: dict[str, list[str]]) -> None:
        if not hasattr(res, "records") or not hasattr(res, "docs"):
            raise TypeError("res must be the chain's Resources")
        self.res = res
        self.tables = ListTables(res, texts, kinds=self.kinds)

    def where(self, key: ListKey) -> str:
        """The list named in an answer: its document and its label ("《…》附表1（…近期重点工程清单）")."""
        meta = self.res.docs.get(key[0])
        return f"{doc_label(meta) if meta else key[0]}{self.tables.label(key)}"

    @staticmethod
    def rows_block(where: str, condition: str, rows: list[Record], header: str, citer: Any) -> str:
        """The rows of one list a condition picks, each cited with its cell of ``header``."""
        items = "；".join(f"第{r.item_no}项“{r.text}”（{r.extra[header]}）[{citer.record(r)}]" for r in rows)
        return f"根据{where}，{condition}的共{len(rows)}项：{items}。"

    def picked(self, blocks: list[str], absent: list[str], citations: list[Any]) -> Draft:
        """The draft of the lists answered (``blocks``) and those holding no such row (``absent``): refused
        when none answers; else each list named answers, one holding no such row saying so beside the others."""
        if not blocks:
            return Draft(self.name, 1.0, "；".join(absent) + "。", [], refused=True)
        if absent:
            blocks = [*blocks, "（" + "；".join(absent) + "。）"]
        return Draft(self.name, 1.0, "\n".join(blocks), citations)
