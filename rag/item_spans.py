"""Where a question quotes an item's own wording, so that question words are read outside it.

"一般工业固体废物综合利用率达到98%那条谁牵头？" quotes the item "…综合利用率达到98%以上": its 达到, %
and 利用率 belong to the item, and only "那条谁牵头" says what is asked (lead). Intent rules run on the
question with the quoted spans masked.

A span is a run of the question covered by character n-grams (``n`` = 4) that occur in some item's
wording, kept when it is at least ``min_run`` (6) characters long: two short question words that
happen to stand in an item ("什么时候", "多少") do not make a quote. The n-grams are kept as a sorted
array of 64-bit hashes (≈ 8 bytes each: 3 MB for 55k rows), not as strings.

>>> q = ItemQuotes(["一般工业固体废物综合利用率达到98%以上。", "推进秸秆综合利用。"])
>>> q.spans("一般工业固体废物综合利用率达到98%那条谁牵头？")
[(0, 18)]
>>> q.mask("一般工业固体废物综合利用率达到98%那条谁牵头？")
'                  那条谁牵头？'
>>> q.spans("目标多少？")
[]
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np

_SPACE = re.compile(r"\s+")


def _h(gram: str) -> int:
    return int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class ItemQuotes:
    def __init__(self, item_texts: Iterable[str], n: int = 4, min_run: int = 6) -> None:
        if n < 2 or min_run < n:
            raise ValueError("need n >= 2 and min_run >= n")
        self.n, self.min_run = n, min_run
        grams = {_h(t[i: i + n]) for text in item_texts for t in [_SPACE.sub("", text)] for i in range(len(t) - n + 1)}
        self._grams = np.array(sorted(grams), dtype=np.int64)

    def _known(self, gram: str) -> bool:
        if not len(self._grams):
            return False
        h = _h(gram)
        i = int(np.searchsorted(self._grams, h))
        return i < len(self._grams) and int(self._grams[i]) == h

    def spans(self, question: str) -> list[tuple[int, int]]:
        """(start, end) of the runs of ``question`` that quote item wording."""
        covered = [False] * len(question)
        for i in range(len(question) - self.n + 1):
            if self._known(question[i: i + self.n]):
                for j in range(i, i + self.n):
                    covered[j] = True
        out, start = [], None
        for i, c in enumerate([*covered, False]):
            if c and start is None:
                start = i
            elif not c and start is not None:
                if i - start >= self.min_run:
                    out.append((start, i))
                start = None
        return out

    def mask(self, question: str) -> str:
        """``question`` with its quoted item wording blanked (same length, so positions hold)."""
        chars = list(question)
        for a, b in self.spans(question):
            chars[a:b] = " " * (b - a)
        return "".join(chars)
