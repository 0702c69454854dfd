"""The answerer interface and the data that flows between planner and answerers.

>>> Draft("passage", 0.8, "根据…", []).score
0.8
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from ..types import Citation, Fact, Query


@dataclass
class Ask:
    """One question part as the planner hands it to answerers."""

    question: str
    query: Query
    doc_ids: list[str]  # documents in scope (named by the question, or all)
    must_mention: list[str] = field(default_factory=list)  # places outside the corpus the question names
    lines: tuple[str, int, int] | None = None  # a sub-document the question names: (doc, first, last line)


@dataclass
class Draft:
    """A cited answer an answerer proposes, with how well it fits the question (0–1, comparable)."""

    answerer: str
    score: float
    text: str
    citations: list[Citation]
    facts: list[Fact] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    refused: bool = False  # the answerer knows the documents do not hold what is asked (text says what they hold)


class Answerer(ABC):
    """Drafts an answer for one question part, or None when it cannot answer it."""

    name: str = ""

    @abstractmethod
    def run(self, ask: Ask) -> Draft | None: ...


def list_rows_in_scope(res: Any, ask: Ask) -> list[Any]:
    """The rows of the lists (not index tables) of the documents in scope — of the list the question names,
    or of every list — that an answerer picking rows by a cell's content looks through."""
    return [r for r in res.records.values() if r.doc_id in ask.doc_ids and r.kind == "list"
            and (not ask.query.list_name or r.list_name == ask.query.list_name)]
