"""The pictures of the 时限 and 部门 tabs, computed from the records (drawn by gradio's own plot and
table components: nothing is fetched from a CDN).

- ``deadline_counts``: items falling due per year per document (a bar chart and its table);
- ``department_matrix``: departments × documents, each cell "牵头 n / 参与 m" (clicking a cell lists
  its rows).

Usage::

    headers, data, keys = department_matrix(records, docs, unit_display, top=30)
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


def short_title(title: str, limit: int = 14) -> str:
    """A column heading: the title without its draft mark, cut to ``limit`` characters.

    >>> short_title("台州市减污降碳协同试点建设实施方案（征求意见稿）")
    '台州市减污降碳协同试点建设实…'
    """
    t = title.replace("（征求意见稿）", "").replace("(征求意见稿)", "")
    return t if len(t) <= limit else t[:limit] + "…"


def deadline_counts(records: Iterable[Any], titles: dict[str, str]) -> list[dict[str, Any]]:
    """Rows {年份, 文件, 条目数} for every (deadline year, document) with items, years in order."""
    c = Counter((r.deadline_year, r.doc_id) for r in records if r.deadline_year)
    return [{"年份": str(y), "文件": short_title(titles.get(d, d)), "条目数": n} for (y, d), n in sorted(c.items())]


def department_matrix(records: Iterable[Any], doc_ids: list[str], titles: dict[str, str],
                      unit_display: dict[str, str], top: int = 30) -> tuple[list[str], list[list[str]], list[str]]:
    """(headers, rows, department keys): the ``top`` departments by items led or joined, one column
    per document, each cell "牵头 n / 参与 m" (empty when neither)."""
    if top < 1:
        raise ValueError("top must be >= 1")
    lead: Counter = Counter()
    part: Counter = Counter()
    for r in records:
        for k in {u.key for u in r.lead_units}:
            lead[(k, r.doc_id)] += 1
        for k in {u.key for u in r.participant_units} - {u.key for u in r.lead_units}:
            part[(k, r.doc_id)] += 1
    total: Counter = Counter()
    for (k, _), n in list(lead.items()) + list(part.items()):
        total[k] += n
    keys = [k for k, _ in sorted(total.items(), key=lambda x: (-x[1], x[0]))[:top]]
    headers = ["部门"] + [short_title(titles.get(d, d)) for d in doc_ids]
    rows = []
    for k in keys:
        cells = []
        for d in doc_ids:
            a, b = lead[(k, d)], part[(k, d)]
            cells.append(f"牵头 {a} / 参与 {b}" if a or b else "")
        rows.append([unit_display.get(k, k), *cells])
    return headers, rows, keys
