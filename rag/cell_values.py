"""The values a list's categorical columns name ("建设性质": 新建类 / 续建类; "建设地点": 全市, 泰顺县, …)
and the ways a question writes them — read by the parser ("是新建还是续建？" asks the column) and by
the answerer listing the rows that hold a value ("在泰顺县建的近期重点工程有哪些？").

>>> cell_values("龙湾区、泰顺县"), value_forms("泰顺县")
(['龙湾区', '泰顺县'], ['泰顺县', '泰顺'])
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

#: a cell holding several values ("龙湾区、泰顺县") is split here
CELL_ITEMS = re.compile(r"[、,，;；]")
#: a column is categorical — its cells name a few values that recur ("新建类", "泰顺县") — when its values
#: are this short on average, fewer than its cells, and hold no digit; free text (主要内容), numbers and
#: year ranges ("2021-2025") are not
CATEGORICAL_CHARS = 6
#: a value is also written without its last character when that is a category or region suffix
#: ("续建的" → 续建类, "在泰顺建的" → 泰顺县), the rest being at least two characters
SUFFIX = re.compile(r"(?<=..)[类型县区市]$")
#: the choice a question offers between values ("是新建还是续建", "属于新建类或是续建类")
CHOICE = re.compile(r"还是|或是|或者")
CHOICE_LEAD = re.compile(r"^(?:是|属于)")


def cell_values(cell: object) -> list[str]:
    """The values a cell names.

    >>> cell_values("全市"), cell_values("")
    (['全市'], [])
    """
    return [v.strip() for v in CELL_ITEMS.split(str(cell)) if v.strip()]


def value_forms(value: str) -> list[str]:
    """The ways a question writes a value.

    >>> value_forms("全市"), value_forms("新建类")
    (['全市'], ['新建类', '新建'])
    """
    return [value] + ([value[:-1]] if SUFFIX.search(value) else [])


def categorical_values(rows: Iterable[Mapping[str, str]]) -> dict[str, set[str]]:
    """The categorical columns of some list rows (each row its columns → cell), with the values
    their cells name.

    >>> rows = [{"建设性质": "新建类", "投资": "1.5"}, {"建设性质": "续建类", "投资": "2"},
    ...         {"建设性质": "新建类", "投资": "2"}]
    >>> {h: sorted(v) for h, v in categorical_values(rows).items()}
    {'建设性质': ['新建类', '续建类']}
    """
    values: dict[str, list[str]] = {}
    for row in rows:
        for header, cell in row.items():
            values.setdefault(header, []).extend(cell_values(cell))
    return {h: set(vs) for h, vs in values.items()
            if sum(map(len, vs)) <= CATEGORICAL_CHARS * len(vs) and len(set(vs)) < len(vs)
            and not any(ch.isdigit() for v in vs for ch in v)}


def choice_of(text: str, columns: Mapping[str, Iterable[str]]) -> str | None:
    """The column whose values ``text`` offers as a choice ("是新建还是续建" → 建设性质), else None.

    >>> choice_of("是新建还是续建", {"建设性质": ["新建类", "续建类"]}), choice_of("新建还是改造", {"建设性质": ["新建类"]})
    ('建设性质', None)
    """
    parts = [CHOICE_LEAD.sub("", p) for p in CHOICE.split(text)]
    if len(parts) < 2 or any(len(p) < 2 for p in parts):
        return None
    for header, values in columns.items():
        written = {f for v in values for f in value_forms(v)}
        if all(p in written for p in parts):
            return header
    return None
