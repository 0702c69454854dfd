"""The rows of a numbered range a question names ("第1到10项里…", "前十项里…"), for every answerer that
lists or counts rows by a condition (a department's rows, a year's, a column's value or threshold, a
role column's size).

A row is in the range when its printed number is; a row without a plain number (a list that numbers
by class, "（一）") is not. The range is named back in the answer as "第a—b项", a locator the verifier
reads as one (its numbers are the question's, not facts to find in a passage).

>>> from ingest.types import Record
>>> rows = [Record(doc_id="d", list_name="任务清单", item_no=str(k), item_no_assigned=False, text="…") for k in (1, 5, 12)]
>>> kept, where = in_range(rows, (1, 2, 3, 4, 5))
>>> [r.item_no for r in kept], where
(['1', '5'], '第1—5项')
>>> in_range(rows, ())[1]
''
"""
from __future__ import annotations

from collections.abc import Sequence

from ingest.types import Record


def in_range(rows: Sequence[Record], numbers: Sequence[int]) -> tuple[list[Record], str]:
    """``rows`` numbered within ``numbers`` and the range as an answer writes it ("第1—10项"); ``rows``
    unchanged and "" when ``numbers`` is empty (no range named)."""
    if not numbers:
        return list(rows), ""
    wanted = set(numbers)
    kept = [r for r in rows if r.item_no.isdigit() and int(r.item_no) in wanted]
    return kept, f"第{min(wanted)}—{max(wanted)}项"
