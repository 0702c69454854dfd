"""Data that flows through the answer chain: parsed query, retrieval hits, citations, answers.

>>> a = Answer(question="q", answer="文件中未找到。", refused=True)
>>> sorted(a.to_json())
['answer', 'citations', 'question', 'records', 'refused']
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Intents the question parser recognises (several may be asked at once).
INTENTS = ("lead", "participants", "deadline", "target", "weight", "data_source", "count",
           "list_by_dept", "list_by_year", "doc_fact", "compare", "status", "open")
ITEM_INTENTS = ("lead", "participants", "deadline", "target", "weight", "data_source")


@dataclass
class Query:
    """What a question asks, after parsing (and after inheriting from earlier turns)."""

    text: str
    intents: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)  # documents the question names (by region/level/title)
    regions_named: list[str] = field(default_factory=list)  # region words as the user wrote them
    foreign_places: list[str] = field(default_factory=list)  # places no document covers
    local_places: list[str] = field(default_factory=list)  # counties of a covered city ("瑞安"): what is asked of them
    units: list[str] = field(default_factory=list)  # department keys mentioned
    years: list[int] = field(default_factory=list)
    count_claimed: int = 0  # "政策清单是不是只有4项": the size the question claims (0: none claimed)
    years_excluded: bool = False  # "完成时限不是2025年的": the rows asked are those whose year is not one of ``years``
    list_name: str = ""
    item_no: str = ""
    item_range: tuple[int, ...] = ()  # "第27到30项": the item numbers of a range the question names
    item_from_end: int = 0  # "最后一项" 1, "倒数第二项" 2: a row by its place from the list's end (its number found once the list's document is known)
    preamble: bool = False  # "方案开头说…": asked of the opening paragraphs, before the first numbered heading
    content: str = ""  # the item words left after removing intent/region/filler words
    content_full: str = ""  # the item words with region and filler words kept (partial quotes)
    prose: str = ""  # the item words with the asked field's words kept ("规划期限"), for sentences
    wants_number: bool = False  # asks for a quantity (多少 / 几个 / 百分之几 …)
    counts_units: bool = False  # asks how many departments lead or take part ("有几个参与单位")
    stage_claimed: str = ""  # the stage the question gives the document it names: a draft's as written ("征求意见稿", "草案") or "正式"
    followup: bool = False
    inherited: list[str] = field(default_factory=list)  # which parts came from the history
    basis: str = ""  # a follow-up: the earlier question whose item or intent it carries on
    own: str = ""  # a follow-up pointing at that item ("这条还要建设什么…"): the words it asks of it


@dataclass
class Hit:
    """A retrieved chunk with the retriever's score and rank."""

    chunk_id: str
    score: float
    source: str  # "bm25" | "dense" | "record" | "fused"
    rank: int = 0


#: The citation fields of the public JSON contract (CLI ``--json`` and ``POST /api/ask``).
CITATION_FIELDS = ("n", "doc_id", "title", "section", "locator", "text", "start_line", "end_line", "page")
#: Citation fields that are numbers (the rest are text); ``page`` is None outside PDFs.
CITATION_INTS = {"n": int, "start_line": int, "end_line": int, "page": int | None}


@dataclass
class Citation:
    """A numbered source: the verbatim original passage and where it is."""

    n: int
    doc_id: str
    title: str
    section: str
    locator: str
    text: str
    status: str = ""
    record_id: str = ""
    chunk_id: str = ""
    start_line: int = 0  # the cited lines of the document (1-based, inclusive)
    end_line: int = 0
    page: int | None = None  # a PDF's page the passage starts on (the source view shows it)

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in CITATION_FIELDS}


@dataclass
class Fact:
    """One asserted value, for evaluation and highlighting: which row, which field, what value."""

    doc_id: str
    list_name: str
    item_no: str
    field: str  # lead | participants | deadline | target | weight | data_source | count | ...
    value: Any
    citation: int = 0


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    nearest: list[Citation] = field(default_factory=list)  # shown when refused
    dropped_claims: list[str] = field(default_factory=list)  # removed by verification
    query: Query | None = None

    def to_json(self) -> dict[str, Any]:
        """The exact contract of ``policy-qa ask --json`` and ``POST /api/ask``."""
        return {
            "question": self.question,
            "answer": self.answer,
            "refused": self.refused,
            "citations": [c.to_json() for c in (self.citations or self.nearest)],
            "records": self.records,
        }

    def debug(self) -> dict[str, Any]:
        d = self.to_json()
        d["facts"] = [asdict(f) for f in self.facts]
        d["intents"] = self.intents
        d["dropped_claims"] = self.dropped_claims
        return d
