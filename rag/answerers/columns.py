"""Answers from a list row's own columns: the cells a table holds beyond lead, participants,
deadline and targets ("投资总预算(亿元)", "建设地点", "主要内容", "实施期限(年)", "建设性质" …).

A project table (重点工程清单) names each row by a short label ("光伏项目", "*温州市瓯江引水工程")
and keeps what officials ask in its other columns. A question is answered here when it **names a
row** (most of the label's IDF-weighted bigrams stand in the question) and **asks one of its
columns**: by the column's own name ("投资总预算多少"), by the kind of value asked ("在哪些地方建"
→ a place column, "投资多少" → a money column), or, failing both, by the cell that holds the rest of
the question's words ("新增装机多少" → the 主要内容 cell "新增…光伏装机200万千瓦以上"). The cell is
quoted verbatim, with its column header, and the row is cited.

A department asked alone is the row answerer's (no column is asked then; asked with a column, it
follows the cell, from the row's lead field), and so is a deadline asked of a row without a time column ("实施期限": its cell is quoted as the table has it,
"2021-2025", rather than a year read from it).

Usage::

    ca = ColumnAnswerer(res)
    draft = ca.run(Ask("温州瓯江引水工程投资总预算多少亿元？", query, ["wz-gazette-2023-06"]))
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable, Sequence
from typing import Any

from ingest.vocab import WHOLE_AREA

from ..compose import Citer, doc_label, row_label, written_units
from ..retrievers import Idf, bigrams, word_bigrams
from ..types import Fact
from .base import Answerer, Ask, Draft

#: columns the parser keeps for its own use, not the table's (ingest/structure.py)
INTERNAL = re.compile(r"^list_note")
#: a header's unit or note in brackets: "投资总预算(亿元)" is named "投资总预算"
HEADER_NOTE = re.compile(r"[（(][^）)]*[）)]")
#: kinds of column: (words of a header of that kind, words of a question asking that kind)
KINDS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # 投资总预算 / 资金 / 金额 — "投资多少", "需要多少资金"
    # (not 投资 as the verb of what is built: "主要投资建设哪些" asks the content; a bare "要建哪些" may ask the text)
    "money": (re.compile(r"投资|资金|预算|金额|经费|造价"), re.compile(r"投资(?!建设|兴建)|资金|预算|多少钱|经费|造价|花多少")),
    # 建设地点 / 实施地点 / 位置 — "在哪些地方建", "在哪里"
    "place": (re.compile(r"地点|地址|位置|选址|实施地|所在地"),
              re.compile(r"在哪|哪里|哪儿|哪些地方|什么地方|哪个地方|何地|哪些县|哪个县|地点|选址|位置")),
    # 实施期限 / 建设年限 — "什么时候", "哪年完成", "实施期限"
    "time": (re.compile(r"期限|年限|时限|周期|起止|时间"),
             re.compile(r"什么时候|何时|哪一?年|期限|时限|多长时间|几年|起止|周期|完成时间|建设时间")),
    # 主要内容 / 建设内容 / 建设规模 — "建设内容是什么", "包括哪几个"
    "content": (re.compile(r"内容|规模"), re.compile(r"内容|包括|包含|建什么|干什么|做什么|规模|(?:投资|主要)建设(?:哪些|什么)")),
    # 建设性质 — "是新建还是续建" (not "要新建几座", which asks a count)
    "nature": (re.compile(r"性质|类型|类别"), re.compile(r"性质|类型|类别|新建还是续建|续建还是新建|是新建|是续建|新建类|续建类")),
}
#: "多少条 / 几座": a count of a thing is asked — the cell stating a number of it holds the answer
COUNT_ASKED = re.compile(r"(?:多少|几)(个|条|家|座|处|项|辆|件|亩|吨|公顷|公里|千瓦|万千瓦)")
#: "温州市" → "温州": the short form of a region as questions write it
REGION_SUFFIX = re.compile(r"[省市县区]$")
#: clause ends inside one question ("装机容量多少，实施期限是哪几年？")
CLAUSE = re.compile(r"[，,；;？?]")
#: an abbreviation in brackets after the words it shortens ("液化天然气(LNG)项目"): the label is also
#: named without it ("温州LNG项目" is read as 液化天然气项目 through rag/data/synonyms.json)
LATIN_ALIAS = re.compile(r"[（(][A-Za-z][A-Za-z0-9.\s-]*[)）]")
#: a phase of a project ("二期"): asked of a row whose label does not name it while another cell
#: describes it ("一期建设规模300万吨,二期…"), the row's columns hold the whole project's value
PHASE = re.compile(r"[一二三四五六七八九十\d]+期")
#: question words that say nothing about which cell is asked (removed before matching cells)
ASK_WORDS = re.compile(r"多少|几个|哪些|哪几|哪个|什么|是否|怎么|如何|谁|呢|吗|要|是|的|有|了|？|\?|，|、|。")


@dataclass(frozen=True)
class ColumnConfig:
    """``row_accept``: share of a row label's IDF-weighted bigrams the question must hold to name it;
    ``cell_accept``: share of the question's other words a cell must hold to be the one asked."""

    row_accept: float = 0.75  # calibrated (evals/reports/calibration.md): the lowest with no QA-set regression
    cell_accept: float = 0.5  # the tune part scores alike from 0.3 to 0.7: the middle of that range

    def __post_init__(self) -> None:
        if not (0 < self.row_accept <= 1 and 0 < self.cell_accept <= 1):
            raise ValueError("row_accept and cell_accept in (0, 1]")


def header_name(header: str) -> str:
    """The header without its bracketed unit.

    >>> header_name("投资总预算(亿元)"), header_name("实施期限")
    ('投资总预算', '实施期限')
    """
    return HEADER_NOTE.sub("", header).strip()


def without(question: str, label: str, min_len: int = 3) -> str:
    """The question without the stretches (``min_len`` characters or more) of the label it repeats:
    what else it asks. A word of the label the rest of the question uses again ("引水" in "年引水量",
    asked after the row was named) is kept there.

    >>> without("瓯江引水工程年引水量多少", "瓯江引水工程"), without("年引水量多少", "瓯江引水工程")
    ('年引水量多少', '年引水量多少')
    """
    from difflib import SequenceMatcher

    while True:
        m = SequenceMatcher(None, question, label, autojunk=False).find_longest_match(0, len(question), 0, len(label))
        if m.size < min_len:
            return question
        question = question[:m.a] + question[m.a + m.size:]
        label = label[:m.b] + "\x00" + label[m.b + m.size:]


def columns_by_name_or_kind(question: str, headers: Sequence[str],
                           kinds: Sequence[tuple[re.Pattern[str], re.Pattern[str]]] = tuple(KINDS.values())) -> list[str]:
    """The headers a question asks by their name ("投资总预算多少") or by the kind of value it asks
    (``kinds``: (header words, question words) pairs; "投资多少" → a money column), in header order.

    >>> columns_by_name_or_kind("投资多少？", ["建设地点", "投资总预算(亿元)"])
    ['投资总预算(亿元)']
    """
    asked = [pair for pair in kinds if pair[1].search(question)]
    return [h for h in headers if len(header_name(h)) >= 2 and header_name(h) in question
            or any(words.search(header_name(h)) for words, _ in asked)]


def columns_of(r: Any) -> dict[str, str]:
    """A list row's own table columns with a value (the parser's bookkeeping left out)."""
    return {k: str(v).strip() for k, v in r.extra.items() if not INTERNAL.match(k) and str(v).strip()}


class ColumnAnswerer(Answerer):
    """The cell of a named list row that a question asks for."""

    name = "column"

    def __init__(self, res: Any, config: ColumnConfig | None = None, titles: Sequence[str] = (),
                 words: Callable[[str], list[str]] | None = None) -> None:
        """``titles``: the documents' and sub-documents' titles (words naming the document say
        nothing of the cell asked); ``words``: the question tokenizer (cells are matched on the
        rest's words, :func:`rag.retrievers.word_bigrams`)."""
        self.res = res
        self.config = config or ColumnConfig()
        self.titles = [re.sub(r"\s", "", t) for t in [*titles, *(m.title for m in res.docs.values())] if t]
        self.words = words
        self.rows = [r for r in res.records.values() if r.kind == "list" and r.span and columns_of(r)]
        regions = {m.region for m in res.docs.values() if m.region}
        # "温州市瓯江引水工程" is asked as "瓯江引水工程" or "温州瓯江引水工程": the region a label
        # opens with does not name the row (longest form first: 温州市 before 温州)
        self.regions = sorted(regions | {REGION_SUFFIX.sub("", x) for x in regions}, key=len, reverse=True)
        self.labels = {r.id: self._label(r.text) for r in self.rows}  # computed once, not per question
        self.idf = Idf([bigrams(x) for x in self.labels.values()] or [set()])

    def _label(self, text: str) -> str:
        text = LATIN_ALIAS.sub("", re.sub(r"[*＊\s]", "", text))
        for reg in self.regions:
            if text.startswith(reg) and len(text) - len(reg) >= 2:
                text = text[len(reg):]
                break
        whole = WHOLE_AREA.match(text)
        return text[whole.end():] if whole and len(text) - whole.end() >= 2 else text

    def label(self, r: Any) -> str:
        """How the row is named: its text without the table's marks and the region or whole area it
        opens with ("*温州市瓯江引水工程" → "瓯江引水工程", "*全市城镇生活污水厂新建改扩建" →
        "城镇生活污水厂新建改扩建")."""
        return self.labels.get(r.id) or self._label(r.text)

    def named(self, ask: Ask) -> list[tuple[float, Any]]:
        """Rows in scope the question names, best first (ties kept)."""
        q = re.sub(r"\s", "", ask.question)
        scored = [(self.idf.coverage(self.label(r), q), r) for r in self.rows if r.doc_id in ask.doc_ids]
        scored = [(s, r) for s, r in scored if s >= self.config.row_accept]
        if not scored:
            return []
        top = max(s for s, _ in scored)
        return sorted(((s, r) for s, r in scored if s >= top - 1e-9), key=lambda x: (x[1].doc_id, x[1].span.start_line))

    def asked_columns(self, question: str, cols: dict[str, str], rest: str, whole: bool = True) -> list[str]:
        """The columns asked, in header order. Each clause asking something is read on its own
        ("装机容量多少，实施期限是哪几年" asks a cell by its words and the time column by its name).

        >>> ColumnAnswerer.clauses("装机容量多少，实施期限是哪几年？")
        ['装机容量多少', '实施期限是哪几年']
        """
        clauses = self.clauses(question)
        if len(clauses) < 2:
            return self._asked_in(question, cols, rest, whole)
        found = {k for c in clauses for k in self._asked_in(c, cols, ASK_WORDS.sub("", c), whole)}
        return [k for k in cols if k in found]

    @staticmethod
    def clauses(question: str) -> list[str]:
        """The clauses of ``question`` that hold words besides question words."""
        return [c for c in CLAUSE.split(question) if ASK_WORDS.sub("", c)]

    def _asked_in(self, question: str, cols: dict[str, str], rest: str, whole: bool) -> list[str]:
        """The columns one clause asks: named, or of the kind asked, or — when the question names the
        row's label whole (``whole``; "推进几个美丽海湾保护与建设" is not the row "美丽海湾建设") — the
        cell stating the count asked or holding the rest of the words."""
        asked = columns_by_name_or_kind(question, list(cols))
        if asked:
            return asked
        if not whole:
            return []
        m = COUNT_ASKED.search(question)
        if m:  # "创建多少条": the cell stating a number of 条 ("…创建美丽河湖50条")
            counted = [k for k, v in cols.items() if re.search(r"\d+(?:\.\d+)?\s*" + m.group(1), v)]
            if len(counted) == 1:
                return counted
        for t in self.titles:  # "温州生态文明建设规划里的…": the document named, not the cell asked
            rest = without(rest, t)
        if len(rest) < 2:
            return []
        wgrams = word_bigrams(self.words(rest)) if self.words else None
        cover = {k: self.idf.coverage_either(rest, v, word_grams=wgrams) for k, v in cols.items()}
        best = max(cover, key=lambda k: cover[k])
        return [best] if cover[best] >= self.config.cell_accept else []

    def run(self, ask: Ask) -> Draft | None:
        return self.run_rows(ask, self.named(ask))

    def run_rows(self, ask: Ask, rows: list[tuple[float, Any]], kind_only: bool = False) -> Draft | None:
        """The columns asked of ``rows`` (score, row); with ``kind_only``, only a column named or of the
        kind asked — the rows were found by the row answerer, not named by their label here ("病死畜禽无害化
        处理那个工程建在哪几个县" → 建设地点; "是新建还是续建？" after the row was talked of → 建设性质)."""
        intents = set(ask.query.intents)
        if intents & {"weight", "data_source"}:
            return None  # index-table fields
        if not rows:
            return None
        citer = Citer(self.res)
        lines: list[str] = []
        facts: list[Fact] = []
        score = 0.0
        unsplit = False
        for s, r in rows:
            cols = columns_of(r)
            if "deadline" in intents and not any(KINDS["time"][0].search(header_name(k)) for k in cols):
                return None  # no time column: the row's deadline field (or its list's note) answers
            # the columns are asked by this turn's words (a follow-up's earlier words name the row)
            q = re.sub(r"\s", "", ask.query.text or ask.question)
            own = without(q, self.label(r))  # the row's own words ask nothing ("…新建改扩建")
            asked = self.asked_columns(own, cols, ASK_WORDS.sub("", own),
                                       whole=not kind_only and self.label(r) in re.sub(r"\s", "", ask.question))
            if not asked:
                continue
            n = citer.record(r)
            meta = self.res.docs.get(r.doc_id)
            cells = "；".join(f"{k}为“{cols[k]}”" for k in asked)
            split = [p for p in dict.fromkeys(PHASE.findall(own)) if p not in self.label(r)
                     and any(p in str(v) for k, v in cols.items() if k not in asked)]
            unsplit = unsplit or bool(split)
            if intents & {"lead", "participants"} and r.lead_names:
                # "要创建多少条？责任单位是谁？": the column, then the department field of the same row
                cells += f"；{r.lead_label}为{written_units(r, r.lead_names, self.res)}"
                facts.append(Fact(r.doc_id, r.list_name, r.item_no, "lead", r.lead_names, n))
            if "deadline" in intents and r.deadline_year:
                # the period's end is the deadline the row states ("2021-2026" → 2026)
                cells += f"（完成时限为{r.deadline_year}年）"
                facts.append(Fact(r.doc_id, r.list_name, r.item_no, "deadline", r.deadline_year, n))
            where = f"{doc_label(meta) if meta else r.doc_id}{row_label(r, ask.query.content)}"
            lines.append(f"{'、'.join(split)}的{'、'.join(asked)}（未单独列出）：{where}只列全项目的{cells}[{n}]。" if split
                         # "LNG项目二期投资多少": the table gives the project's total, not the phase's
                         else f"根据{where}：{cells}[{n}]。")
            facts.extend(Fact(r.doc_id, r.list_name, r.item_no, f"column:{k}", cols[k], n) for k in asked)
            score = max(score, s)
        if not lines:
            return None
        return Draft(self.name, score, "\n".join(lines), citer.citations, facts=facts, refused=unsplit and len(lines) == 1)
