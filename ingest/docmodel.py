"""One document model between reading and parsing: every format reader (txt, PDF, .docx, OCR)
produces the same blocks — heading, paragraph, table (rows of cells) with a locator — and
:func:`render_lines` writes them in the one line layout the structure stage parses (a table row per
line, cells separated by tabs), so records never depend on the format a document came in.

>>> blocks = [Block("heading", text="一、目标清单", locator="段落1"),
...           Block("table", rows=(("序号", "指标目标", "牵头单位"), ("1", "建成80家\\n农场。", "市农业农村局")), locator="表1"),
...           Block("paragraph", text="注：上表中未注明的，完成时限均为2025年。", locator="段落2")]
>>> [ln.text for ln in render_lines(blocks)]
['一、目标清单', '序号\\t指标目标\\t牵头单位', '1\\t建成80家农场。\\t市农业农村局', '', '注：上表中未注明的，完成时限均为2025年。']
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from dataclasses import dataclass
from typing import Literal

from .types import Box, Line

BlockKind = Literal["heading", "paragraph", "table"]
#: Line breaks and runs of white space inside a cell: Chinese text wraps without spaces, so a wrapped
#: cell ("建成80家\n农场") is joined as written; a space between two Latin/digit runs is kept as one.
_CELL_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph, or a table (``rows`` of cell texts); ``page`` for PDFs, ``locator``
    says where it is in the source (段落12, 表2行5, 第3页), ``ocr`` when the text was read from an image."""

    kind: BlockKind
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    page: int | None = None
    locator: str = ""
    ocr: bool = False
    row_pages: tuple[int | None, ...] = ()  # a table over several pages: the page of each row
    box: Box | None = None  # a paragraph's region on its PDF page
    row_boxes: tuple[Box | None, ...] = ()  # a PDF table: each row's region on its page

    def page_of_row(self, i: int) -> int | None:
        return self.row_pages[i] if i < len(self.row_pages) else self.page

    def box_of_row(self, i: int) -> Box | None:
        return self.row_boxes[i] if i < len(self.row_boxes) else None

    def __post_init__(self) -> None:
        if self.kind not in ("heading", "paragraph", "table"):
            raise ValueError(f"unknown block kind {self.kind!r}")
        if self.kind == "table" and self.text:
            raise ValueError("a table block has rows, not text")


def union_box(boxes: list[Any]) -> Box | None:
    """The region holding all ``boxes`` (x0, top, x1, bottom); None for none.

    >>> union_box([(1, 2, 3, 4), (0, 5, 2, 6)]), union_box([])
    ((0, 2, 3, 6), None)
    """
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def join_cell(text: str) -> str:
    """A cell's text on one line: wrapped lines and stray spaces joined as Chinese is written (no
    space), except between two Latin words.

    >>> join_cell("市生态\\n环境局"), join_cell("PM2.5 浓度"), join_cell("  1 个 "), join_cell("Green  Port"), join_cell("PM _{2.5}")
    ('市生态环境局', 'PM2.5浓度', '1个', 'Green Port', 'PM _{2.5}')
    """
    out = ""
    for p in _CELL_WS.split(text.strip()):
        if out and p and re.match(r"[A-Za-z]", out[-1]) and re.match(r"[A-Za-z_]", p[0]):
            out += " "
        out += p
    return out


def table_lines(rows: Iterable[tuple[str, ...]]) -> list[tuple[int, str]]:
    """A table's rows as (row index, tab-separated line), as extracted text shows a table. A category
    row merged over all columns is its text then empty cells ("(一) 生态制度体系建设\\t\\t\\t"); a row
    that repeats the table's first row (the header repeated on each page) is dropped.

    >>> [t for _, t in table_lines([("序号", "任务", "牵头单位"), ("一、加强源头防控",), ("序号", "任务", "牵头单位"), ("1", "甲", "市局")])]
    ['序号\\t任务\\t牵头单位', '一、加强源头防控\\t\\t', '1\\t甲\\t市局']
    """
    rows = [tuple(join_cell(c) for c in row) for row in rows]
    width = max((len(r) for r in rows), default=0)
    header = next((r for r in rows if any(r)), None)
    out: list[tuple[int, str]] = []
    for k, cells in enumerate(rows):
        if not any(cells) or (cells == header and out):
            continue
        filled = [c for c in cells if c]
        if len(set(filled)) == 1 and (len(cells) == 1 or len(filled) == len(cells)) and width > 1:
            cells = (filled[0],)  # merged over the row: its text once
        out.append((k, "\t".join(cells + ("",) * (width - len(cells)))))
    return out


def render_lines(blocks: Iterable[Block]) -> list[Line]:
    """The blocks as numbered lines (a blank line after each table), each with its page, locator
    (a .docx table row: "表2行5"), OCR mark and region on the page.

    >>> b = Block("table", rows=(("序号", "牵头单位"), ("1", "市局")), locator="表2")
    >>> [(ln.text, ln.locator) for ln in render_lines([b])]
    [('序号\\t牵头单位', '表2行1'), ('1\\t市局', '表2行2'), ('', '表2')]
    """
    lines: list[Line] = []

    def add(text: str, page: int | None, locator: str, ocr: bool, box: Box | None) -> None:
        lines.append(Line(no=len(lines) + 1, text=text, page=page, locator=locator, ocr=ocr, box=box))

    for b in blocks:
        if b.kind == "table":
            for k, t in table_lines(b.rows):
                loc = b.locator if b.page is not None else f"{b.locator}行{k + 1}"
                add(t, b.page_of_row(k), loc, b.ocr, b.box_of_row(k))
            add("", b.page, b.locator, b.ocr, None)
        elif b.text.strip():
            add(b.text.strip(), b.page, b.locator, b.ocr, b.box)
    return lines
