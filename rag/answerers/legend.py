"""Answers "what does the * mark mean": the note under a table that says what its mark stands for.

A table marks some rows ("*项目") and says what the mark means in a note under it ("注: *项目为针对未达标
指标的重点提升项目。"). A question naming the mark and asking its meaning ("带*号的项目是什么意思") shares
almost no words with the note, so the words do not find it: the mark does.

Usage::

    la = LegendAnswerer(res, SentenceIndex.build(res))
    draft = la.run(Ask("重点工程表里带*号的项目是什么意思？", query, ["wz-gazette-2023-06"]))
"""
from __future__ import annotations

import re

from ..sentences import Sentence, SentenceIndex
from .base import Answerer, Ask, Draft
from .passage import quote_sentences

#: the marks tables put on rows: asterisks, daggers, triangles, stars, the hash
MARKS = "*＊※†‡△▲☆★#＃"
#: the question asks what a mark means ("带*号的…是什么意思", "标※的指什么", "*表示什么")
MARK_Q = re.compile(r"([" + re.escape(MARKS) + r"])\s*号?.*?(?:什么意思|是什么意思|指什么|表示什么|代表什么|含义|意思)")
#: a note saying what a mark means: "注: *项目为…", "注：※表示…", "备注：带*的…"
NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*[:：]")


class LegendAnswerer(Answerer):
    """Quotes the notes that say what the mark a question asks about means."""

    name = "legend"

    def __init__(self, res: object, index: SentenceIndex, max_notes: int = 3) -> None:
        if max_notes < 1:
            raise ValueError("max_notes must be >= 1")
        self.res = res
        self.index = index
        self.max_notes = max_notes

    def notes(self, mark: str, doc_ids: list[str]) -> list[Sentence]:
        """The note sentences of the documents in scope that speak of ``mark`` (each table's once)."""
        seen: set[tuple[str, ...]] = set()
        out = []
        for s in self.index.sentences:
            if s.doc_id in doc_ids and NOTE.match(s.text) and mark in s.text:
                key = (s.doc_id, *s.section, NOTE.sub("", s.text).strip())
                if key not in seen:
                    seen.add(key)
                    out.append(s)
        return out[: self.max_notes]

    def run(self, ask: Ask) -> Draft | None:
        m = MARK_Q.search(ask.question)
        if not m:
            return None
        found = self.notes(m.group(1), ask.doc_ids)
        if not found:
            return None
        return quote_sentences(self.res, self.name, 1.0, found, m.group(1), limit=200)
