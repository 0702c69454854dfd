"""Answers what a document is made of: its annexes (附件1, 附件2 and their titles) and its lists
("有哪些清单", "分哪几个清单", "有哪些附件"), each cited at its own heading line.

The annexes are the document's "附件N" heading lines with the title line under each; the lists are
the lists its rows were parsed into, in document order, grouped by the annex they stand in. A
question that names a list itself ("目标清单有哪些？") asks for that list's rows, not for this.

Usage::

    sa = StructureAnswerer(res)
    draft = sa.run(Ask("浙江省方案有哪些附件？", query, ["zj-plan", "zj-note"]))
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..compose import Citer, doc_label
from ..retrievers import bigrams
from .base import Answerer, Ask, Draft
from .list_tables import size_of_list

#: asks which annexes / lists / tables a document has ("有几张清单": counted with a measure word)
STRUCTURE_Q = re.compile(r"(哪些|哪几|几|多少|什么)(个|张|份|项)?(附件|清单|附表)|(附件|清单|附表)(有哪些|有几|是什么|包括|都有|分(为|成)?哪|分几)"
                         # ... and each of them ("各清单分别有多少项", "清单各有多少项")
                         r"|(?:各|每[个张份]?)(附件|清单|附表)|(附件|清单|附表)(?:各|分别|各自)")
#: the words of a structure question itself ("分哪几个清单", "由哪几个清单组成", "各…分别有多少项"): no words of a title
PART_WORDS = re.compile(r"清单|附件|附表|哪|几|个|分别|分|组成|由|包括|有|都|各自|各|每|多少|项|条")
#: the size of each list asked ("各清单分别有多少项", "有几个清单？分别有多少项？"): each list's rows counted
SIZES_ASKED = re.compile(r"(?:各|分别|每[个张份]?|各自)[^？?，,。]{0,4}(?:多少|几)[项条个]")
#: item words this long, mostly in no title of a document, its annexes or lists, ask about an item:
#: "温州要建立信贷支持绿色低碳发展的什么清单" asks the 正面清单 a sentence names
ITEM_CHARS, TITLE_SHARE = 4, 0.5
#: a question asking one of these asks about an item, not the document's parts
ITEM_INTENTS = {"lead", "participants", "deadline", "data_source", "weight", "doc_fact"}
#: asks which annex a document is: "…是第几个附件", "…是附件几"
POSITION_Q = re.compile(r"第几个?附件|附件几|哪个附件")
#: an annex heading line: "附件1", "附件 2"
ANNEX = re.compile(r"^\s*附\s*件\s*(\d+)\s*$")
#: a "附表1:" line: a schedule of a plan (its title stands on the line under it, or, in plans exported
#: from Word, on the line above it when a table header follows)
SCHEDULE = re.compile(r"^\s*附\s*表\s*(\d+)\s*[:：]?\s*$")
#: words naming a kind of document ("温州方案" is the 方案, not the 公报 that prints it)
DOC_KINDS = ("方案", "规划", "公报", "编制说明", "说明", "意见", "通知", "办法")


@dataclass
class Annex:
    no: str
    line: int  # the "附件N" line
    title: str
    title_line: int
    lists: list[tuple[str, int]] = field(default_factory=list)  # (list name, its heading line)


@dataclass
class Layout:
    """A document's annexes and its lists outside any annex."""

    annexes: list[Annex] = field(default_factory=list)
    lists: list[tuple[str, int]] = field(default_factory=list)
    listed: list[Annex] = field(default_factory=list)  # as a "附件：1.… 2.…" line names them
    schedules: list[Annex] = field(default_factory=list)  # the "附表N" lines and their titles


#: the annexes a document lists above its signature: "附件：1.修改的…目录" then "2.废止的…目录"
ANNEX_LIST = re.compile(r"^\s*附\s*件\s*[:：]\s*1\s*[.．、]\s*(\S.*)$")
LISTED = re.compile(r"^\s*(\d+)\s*[.．、]\s*(\S.*)$")


def listed_annexes(lines: list[str]) -> list[Annex]:
    """The annexes a "附件：1.… 2.…" line names (its title as listed, cited at its line).

    >>> [(a.no, a.title, a.line) for a in listed_annexes(["附件：1.修改的文件目录", "2.废止的文件目录", "", "温州市人民政府"])]
    [('1', '修改的文件目录', 1), ('2', '废止的文件目录', 2)]
    """
    out: list[Annex] = []
    for i, text in enumerate(lines):
        m = ANNEX_LIST.match(text)
        if not m:
            continue
        out.append(Annex("1", i + 1, m.group(1).strip(), i + 1))
        for j in range(i + 1, min(i + 10, len(lines))):
            n = LISTED.match(lines[j])
            if not n or int(n.group(1)) != len(out) + 1:
                break
            out.append(Annex(n.group(1), j + 1, n.group(2).strip(), j + 1))
    return out


def annexes_of(lines: list[str]) -> list[Annex]:
    """The "附件N" heading lines of a document and the title line under each. A "附件1" over the
    document's own title (a plan sent as the annex of a notice) is not an annex of it.

    >>> [(a.no, a.title, a.title_line) for a in annexes_of(["正文", "附件 1", "", "台州市创新清单", "一、协同管理清单"])]
    [('1', '台州市创新清单', 4)]
    >>> annexes_of(["", "附件1", "", "温州市实施方案", "为深入贯彻……"])
    []
    """
    out = []
    first_text = next((i for i, t in enumerate(lines) if t.strip()), 0)
    for i, text in enumerate(lines):
        m = ANNEX.match(text)
        if not m or i == first_text:
            continue
        title = next(((j, lines[j].strip()) for j in range(i + 1, min(i + 6, len(lines))) if lines[j].strip()), None)
        if title and len(title[1]) <= 60 and "。" not in title[1] and not ANNEX.match(title[1]):
            out.append(Annex(m.group(1), i + 1, title[1], title[0] + 1))
    return out


def _title_line(lines: list[str], j: int) -> bool:
    t = lines[j].strip()
    return bool(t) and len(t) <= 60 and "。" not in t and "\t" not in lines[j] and not (ANNEX.match(t) or SCHEDULE.match(t))


def schedules_of(lines: list[str]) -> list[Annex]:
    """The "附表N" lines of a document and each one's title: the first line under it, unless that is
    a table's header; then the nearest line above it.

    >>> [(a.no, a.title, a.title_line) for a in schedules_of(["近期重点工程清单", "", "附表1:", "", "序号\\t重点工程\\t责任单位"])]
    [('1', '近期重点工程清单', 1)]
    >>> [(a.no, a.title) for a in schedules_of(["附表 2", "远期工程清单", "1\\t项目"])], schedules_of(["附表1:", "", "序号\\t工程"])
    ([('2', '远期工程清单')], [])
    """
    out = []
    for i, text in enumerate(lines):
        m = SCHEDULE.match(text)
        if not m:
            continue
        below = next((j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()), None)
        above = next((j for j in range(i - 1, max(i - 4, -1), -1) if lines[j].strip()), None)
        j = below if below is not None and _title_line(lines, below) else above if above is not None and _title_line(lines, above) else None
        if j is not None:
            out.append(Annex(m.group(1), i + 1, lines[j].strip(), j + 1))
    return out


def names_title(question: str, title: str, share: float = 0.5) -> bool:
    """Whether the question names most of a title (its character pairs), e.g. "台州协同增效创新清单"
    names "台州市减污降碳协同增效创新清单".

    >>> names_title("台州协同增效创新清单分哪几个清单？", "台州市减污降碳协同增效创新清单"), names_title("温州方案有哪些清单？", "台州市减污降碳协同增效创新清单")
    (True, False)
    """
    pairs = {title[i:i + 2] for i in range(len(title) - 1)}
    return bool(pairs) and sum(p in question for p in pairs) >= share * len(pairs)


class StructureAnswerer(Answerer):
    """Annexes and lists of the documents in scope."""

    name = "structure"

    def __init__(self, res: Any, spans: dict[str, list[tuple[int, int, str]]] | None = None,
                 printed_named: Callable[[str, str], tuple[int, int] | None] | None = None) -> None:
        """``spans``: per compilation (a 公报), the line ranges and titles of the documents it prints; an annex
        holds only the lists of its own document, and a compilation is described only when the
        question names one of its documents (``printed_named(question, doc)``: the lines of the one it
        names, ``DocFactsAnswerer.printed_named``)."""
        self.res = res
        self.spans = spans or {}
        self.printed_named = printed_named or (lambda question, doc: None)
        self.layouts: dict[str, Layout] = {}
        by_doc: dict[str, list[Any]] = {}
        for r in getattr(res, "records", {}).values():
            if r.span is not None:
                by_doc.setdefault(r.doc_id, []).append(r)
        #: each list's rows in document order (its size, when each list's is asked)
        self.rows: dict[tuple[str, str], list[Any]] = {}
        for doc, rows in by_doc.items():
            for r in sorted(rows, key=lambda r: r.span.start_line):
                self.rows.setdefault((doc, r.list_name), []).append(r)
        for doc in res.docs:
            lines, _ = res.store.doc_lines(doc)
            layout = Layout(annexes=annexes_of(lines), listed=listed_annexes(lines), schedules=schedules_of(lines))
            seen: set[str] = set()
            for r in sorted(by_doc.get(doc, []), key=lambda r: r.span.start_line):
                if r.list_name in seen:
                    continue
                seen.add(r.list_name)
                head = next((j + 1 for j in range(r.span.start_line - 1, max(r.span.start_line - 15, 0) - 1, -1)
                             if r.list_name in re.sub(r"\s+", "", lines[j])), r.span.start_line)
                annex = next((a for a in reversed(layout.annexes) if a.line <= head and self._same_doc(doc, a.line, head)), None)
                (annex.lists if annex else layout.lists).append((r.list_name, head))
            if layout.annexes or layout.lists or layout.listed or layout.schedules:
                self.layouts[doc] = layout
        titles = [m.title for m in res.docs.values()] + [t for spans in self.spans.values() for _, _, t in spans]
        for lay in self.layouts.values():
            titles += [a.title for a in lay.annexes + lay.listed + lay.schedules]
            titles += [n for a in lay.annexes for n, _ in a.lists] + [n for n, _ in lay.lists]
        #: the character pairs of every title in scope (``asks_an_item``)
        self.title_grams: set[str] = set().union(*(bigrams(re.sub(r"\s+", "", t)) for t in titles if t))

    def asks_an_item(self, ask: Ask) -> bool:
        """Whether the question's item words are mostly in no title (of the documents, the ones a
        compilation prints, their annexes, schedules and lists): "建立信贷支持绿色低碳发展的什么清单"
        asks what a sentence names; "台州协同增效创新清单分哪几个清单" names an annex's title."""
        words = PART_WORDS.sub("", ask.query.content or "")
        if len(words) < ITEM_CHARS:
            return False
        want = bigrams(words)
        return bool(want) and len(want & self.title_grams) / len(want) < TITLE_SHARE

    def _same_doc(self, doc: str, a: int, b: int) -> bool:
        return not any((lo <= a <= hi) != (lo <= b <= hi) for lo, hi, _ in self.spans.get(doc, []))

    def _docs(self, ask: Ask) -> list[str]:
        docs = [d for d in ask.doc_ids if d in self.layouts]
        kinds = [k for k in DOC_KINDS if k in ask.question]
        if kinds:  # the kind of document named
            named = [d for d in docs if any(k in self.res.docs[d].title for k in kinds)]
            docs = named or docs
        return docs

    def run(self, ask: Ask) -> Draft | None:
        q = ask.question
        if POSITION_Q.search(q):
            return self._position(ask)
        if not STRUCTURE_Q.search(q) or set(ask.query.intents) & ITEM_INTENTS or self.asks_an_item(ask):
            return None
        names = {n for lay in self.layouts.values() for a in lay.annexes for n, _ in a.lists} | {
            n for lay in self.layouts.values() for n, _ in lay.lists}
        if any(n in q for n in names):
            return None  # a list named: its rows are asked
        docs = self._docs(ask)
        within = (ask.lines[1], ask.lines[2]) if ask.lines else None
        if ask.lines:  # a document a compilation prints: within its lines
            docs = [d for d in docs if d == ask.lines[0]]
        elif printed := [(d, lines) for d in docs if d in self.spans and (lines := self.printed_named(q, d))]:
            (doc, within), = printed[:1]  # "温州生态文明建设规划有哪些附表": the plan the gazette prints
            docs = [doc]
        else:
            docs = [d for d in docs if d not in self.spans]
        if not docs or len(docs) > 3:
            return None
        citer = Citer(self.res)
        m = STRUCTURE_Q.search(q)
        asked = m.group(3) or m.group(4) or m.group(7) or m.group(8)  # what is listed: "附件里有几张清单" asks the lists, "有哪些附件" the annexes
        blocks = [self._describe(d, citer, annexes=asked != "清单" and ("附件" in q or "附表" in q), question=q,
                                 within=within, schedules=asked != "清单" and "附表" in q, lists_asked=asked == "清单")
                  for d in docs]
        return Draft(self.name, 1.0, "\n".join(b for b in blocks if b), citer.citations)

    def _position(self, ask: Ask) -> Draft | None:
        """"X是第几个附件": a document that opens with its "附件N" line is that annex (of the notice
        that sent it)."""
        citer = Citer(self.res)
        out = []
        for doc in ask.doc_ids:
            lines, _ = self.res.store.doc_lines(doc)
            first = next((i for i, t in enumerate(lines) if t.strip()), None)
            m = ANNEX.match(lines[first]) if first is not None else None
            meta = self.res.docs.get(doc)
            if m and meta and names_title(ask.question, meta.title, 0.8):
                n = citer.lines(doc, first + 1, first + 1, meta.title)
                out.append(f"{doc_label(meta)}是附件{m.group(1)}[{n}]（原文开头标注“{lines[first].strip()}”）。")
        return Draft(self.name, 1.0, "\n".join(out), citer.citations) if out else None

    def _describe(self, doc: str, citer: Citer, annexes: bool, question: str = "",
                  within: tuple[int, int] | None = None, schedules: bool = False, lists_asked: bool = False) -> str:
        """The document's annexes, schedules or lists; with ``lists_asked`` ("有几张清单"), the lists named
        清单 counted, a table of another name (an index) said apart."""
        meta = self.res.docs.get(doc)
        label = doc_label(meta) if meta else doc
        lay = self.layouts[doc]
        if within:
            lo, hi = within
            label = next((f"《{t}》" for a, b, t in self.spans.get(doc, []) if (a, b) == within), label)  # the document it prints
            lay = Layout([a for a in lay.annexes if lo <= a.line <= hi], [x for x in lay.lists if lo <= x[1] <= hi],
                         [a for a in lay.listed if lo <= a.line <= hi], [a for a in lay.schedules if lo <= a.line <= hi])
        cite = lambda line, section: citer.lines(doc, line, line, section)  # noqa: E731
        if schedules and lay.schedules:  # "有哪些附表": each schedule by its title, cited at its "附表N" line and title
            parts = [f"附表{a.no}“{a.title}”[{citer.lines(doc, min(a.line, a.title_line), max(a.line, a.title_line), f'附表{a.no}')}]"
                     for a in sorted(lay.schedules, key=lambda a: int(a.no))]
            return f"{label}的附表共{len(parts)}项：\n" + "\n".join(parts)
        # the annexes by their headings; one the text lost the heading of, as the annex line lists it
        shown = {a.no: a for a in lay.listed} | {a.no: a for a in lay.annexes}
        if annexes and shown:
            parts = []
            for a in sorted(shown.values(), key=lambda a: int(a.no)):
                n = cite(a.title_line, f"附件{a.no}")
                held = f"（含{'、'.join(name for name, _ in a.lists)}）" if len(a.lists) > 1 else ""
                parts.append(f"附件{a.no}“{a.title}”[{n}]{held}")
            return f"{label}的附件共{len(shown)}项：\n" + "\n".join(parts)
        named = [a for a in lay.annexes if a.lists and names_title(question, a.title)]
        groups = ([(f"附件{a.no}“{a.title}”", a.lists) for a in (named or [a for a in lay.annexes if a.lists])]
                  + ([("", lay.lists)] if lay.lists and not named else []))
        lists = [(name, line, where) for where, ls in groups for name, line in ls]
        if not lists:
            return ""
        named_lists = [x for x in lists if x[0].endswith("清单")]
        others = [x for x in lists if not x[0].endswith("清单")] if lists_asked and named_lists else []
        lists = [x for x in lists if x not in others]
        sizes = lists_asked and bool(SIZES_ASKED.search(question))  # "…分别有多少项": each list's rows, its last cited
        items = "\n".join(f"{k}. {name}[{cite(line, where or name)}]"
                          + (f"：{size_of_list('', self.rows[(doc, name)], citer)[0]}" if sizes and (doc, name) in self.rows else "")
                          for k, (name, line, where) in enumerate(lists, 1))
        where = f"{groups[0][0]}" if len(groups) == 1 and groups[0][0] else ""
        noun = "清单" if all(name.endswith("清单") for name, _, _ in lists) else "清单和表"
        aside = ("\n另列有：" + "、".join(f"{name}[{cite(line, where or name)}]" for name, line, where in others)) if others else ""
        return f"{label}{where}所列{noun}共{len(lists)}项：\n{items}{aside}"
