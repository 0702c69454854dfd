"""Answers a question about a range of items ("台州协同指数第27到30项指标怎么计分？") from the
sentence that names every item of the range ("指标27、指标28、指标29和指标30采用各年度累计得分"):
a note under a list or an index speaks of its items by number.

A sentence qualifies when each number of the range stands in it marked as an item (指标27, 第27项,
27项); of those, the one holding most of the question's other words answers, quoted verbatim.

Usage::

    ra = ItemRangeAnswerer(res, SentenceIndex.build(res))
    draft = ra.run(Ask("第27到30项指标怎么计分？", query, ["tz-pilot"]))
"""
from __future__ import annotations

import re

from ..sentences import Sentence, SentenceIndex
from .base import Answerer, Ask, Draft
from .passage import quote_sentences

#: a number written as an item's: "指标 27", "第27项", "27项" (a bare 27 may be a weight or a year's part)
MARKED = r"(?:指标\s*{n}(?!\d)|第\s*{n}\s*[项条个]|(?<!\d){n}\s*[项条])"


def names_items(text: str, numbers: tuple[int, ...]) -> bool:
    """Every number of ``numbers`` stands in ``text`` marked as an item.

    >>> names_items("指标 27、指标 28 和指标 29 采用各年度累计得分。", (27, 28, 29))
    True
    >>> names_items("权重27、28", (27, 28))
    False
    """
    return bool(numbers) and all(re.search(MARKED.format(n=n), text) for n in numbers)


class ItemRangeAnswerer(Answerer):
    """The sentence that speaks of every item of the range asked."""

    name = "item_range"

    def __init__(self, res: object, index: SentenceIndex, quote_chars: int = 200) -> None:
        if index is None:
            raise ValueError("a SentenceIndex is required")
        if quote_chars < 20:
            raise ValueError("quote_chars >= 20")
        self.res = res
        self.index = index
        self.quote_chars = quote_chars

    def run(self, ask: Ask) -> Draft | None:
        numbers = ask.query.item_range
        if not numbers:
            return None
        found: list[tuple[float, Sentence]] = []
        for i, s in enumerate(self.index.sentences):
            if s.doc_id in ask.doc_ids and names_items(s.text, numbers):
                score = self.index.idf.coverage(ask.query.content, s.text, self.index.grams[i]) if ask.query.content else 0.0
                found.append((score, s))
        if not found:
            return None
        score, best = max(found, key=lambda x: (x[0], -x[1].start_line))
        return quote_sentences(self.res, self.name, score, [best], ask.query.content, self.quote_chars)
