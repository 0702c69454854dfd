"""PDF → blocks from page geometry (pdfplumber): ruled tables row by row, the prose around them in
reading order, page numbers dropped, the page kept on every block.

Tables come from ruling lines (a Word table exported to PDF). A table continued on the next page is
one table: its repeated header row is dropped, and a row cut by the page break (its 序号 cell empty
where the table numbers its rows) is joined to the row it continues. Wrapped cell text is joined
without inserted spaces (``docmodel.join_cell``).

``has_ruled_tables(path)`` says whether this reader applies; PDFs without ruled tables keep the
text path of ``ingest.loaders`` (pypdf), which reads PDF flow text the structure stage knows.

>>> PAGE_NUMBER.match("— 7 —") is not None, PAGE_NUMBER.match("- 12 -") is not None, PAGE_NUMBER.match("7.5%") is None
(True, True, True)
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .docmodel import Block, union_box
from .pdf_running import MARGIN
from .types import Box
from .errors import IngestError
from .progress import Progress

#: A page-number line: "— 7 —", "- 7 -", "第 7 页", or a bare number.
PAGE_NUMBER = re.compile(r"^\s*(?:[—–\-]+\s*\d{1,4}\s*[—–\-]+|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4})\s*$")
#: A bare number is a page number only in the top or bottom margin (``pdf_running.MARGIN``); inside
#: the text it is a value standing alone on its line (an index table's weight).


def is_page_number(text: str, top: float, height: float) -> bool:
    """Whether a text line at ``top`` on a page ``height`` high is the page's number.

    >>> is_page_number("— 7 —", 400, 842), is_page_number("7", 800, 842), is_page_number("1", 400, 842)
    (True, True, False)
    """
    if not PAGE_NUMBER.match(text):
        return False
    return not text.strip().isdigit() or not (MARGIN * height < top < (1 - MARGIN) * height)
#: Ruled tables only: both directions from drawn lines (a Word table's borders).
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "intersection_tolerance": 4}


def has_ruled_tables(pdf: Any, sample_pages: int = 40) -> bool:
    """Whether any of the first pages holds a ruled table of at least two rows and two columns."""
    for page in pdf.pages[:sample_pages]:
        for t in page.find_tables(TABLE_SETTINGS):
            rows = t.extract()
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                return True
    return False


#: Cell edges closer than this (pt) are one column edge; a new edge nearer than ``SHIFTED`` to an
#: edge of the rows above is another table laid out with other widths (two tables that touch, which
#: pdfplumber reads as one grid), one further away a sub-column (a two-line header).
SAME_EDGE = 2.0
SHIFTED = 20.0


def split_layouts(rows: list[Any], texts: list[list[str | None]]
                  ) -> list[tuple[float, tuple[tuple[str, ...], ...], tuple[Box | None, ...]]]:
    """A ruled table's rows (pdfplumber ``Table.rows`` and ``Table.extract()``) as one table per
    column layout: (top, rows of cell texts, each row's region), each cell in the column its left
    edge starts. A cell merged over columns keeps its text in the first; a merged-away cell reads
    as empty.

    >>> R = lambda *xs: type("Row", (), {"cells": [(x, 0, x + 1, 1) if x is not None else None for x in xs]})()
    >>> [r for _, r, _ in split_layouts([R(85, 172), R(85, None), R(85, 161)], [["类别", "任务"], ["甲", None], ["乙", "丙"]])]
    [(('类别', '任务'), ('甲', '')), (('乙', '丙'),)]
    """
    groups: list[tuple[list[float], list[int]]] = []
    for i, row in enumerate(rows):
        xs = [c[0] for c in row.cells if c is not None]
        if groups:
            edges = groups[-1][0]
            new = [x for x in xs if all(abs(x - e) > SAME_EDGE for e in edges)]
            if all(min(abs(x - e) for e in edges) > SHIFTED for x in new):
                edges.extend(new)
                edges.sort()
                groups[-1][1].append(i)
                continue
        groups.append((sorted(xs), [i]))
    out = []
    for edges, members in groups:
        table = []
        for i in members:
            cells = [""] * len(edges)
            for box, text in zip(rows[i].cells, texts[i]):
                if box is not None:
                    k = min(range(len(edges)), key=lambda e: abs(edges[e] - box[0]))
                    cells[k] = (text or "").strip()
            table.append(tuple(cells))
        boxes = tuple(union_box([c for c in rows[i].cells if c is not None]) for i in members)
        top = boxes[0][1] if boxes and boxes[0] else 0.0
        out.append((top, tuple(table), boxes))
    return out



def _page_blocks(page: Any, pno: int, aligned: bool = False, open_cols: list[float] | None = None
                 ) -> tuple[list[Block], list[float] | None]:
    """One page: its tables (ruled, or ``aligned`` by text) and the text lines outside them, top to
    bottom; and the columns of an aligned table still open at the page's end."""
    if aligned:
        from .pdf_aligned import page_tables

        found, open_cols = page_tables(page, pno, open_cols)
        boxes = [(0.0, top - 1, float(page.width), bottom + 1) for top, bottom, _ in found]
        tables = [(top, b) for top, _, b in found]
    else:
        ruled = [t for t in page.find_tables(TABLE_SETTINGS) if len(t.rows) >= 1]
        boxes = [t.bbox for t in ruled]
        tables = [(top, Block("table", rows=rows, page=pno, locator=f"第{pno}页", row_boxes=row_boxes))
                  for t in ruled for top, rows, row_boxes in split_layouts(t.rows, t.extract())]

    def outside(obj: dict) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    items: list[tuple[float, Block]] = list(tables)
    for line in page.filter(outside).extract_text_lines(layout=False, strip=True):
        text = line["text"].strip()
        if text and not is_page_number(text, line["top"], float(page.height)):
            items.append((line["top"], Block("paragraph", text=text, page=pno, locator=f"第{pno}页",
                                             box=(line["x0"], line["top"], line["x1"], line["bottom"]))))
    items.sort(key=lambda x: x[0])
    return [b for _, b in items], open_cols


def _key_column(rows: tuple[tuple[str, ...], ...]) -> int | None:
    """The first column most data rows fill (a 序号, or a category written on every row): a row
    with it empty at the top of the next page is the rest of a row the break cut.

    >>> _key_column((("序号", "任务"), ("1", "甲"), ("2", "乙"))), _key_column((("类别", "序号"), ("能源", "1"), ("", "2"), ("", "3")))
    (0, 1)
    """
    data = [r for r in rows if any(r) and not _header_row(r)]
    for c in range(max((len(r) for r in data), default=0)):
        if data and sum(c < len(r) and bool(r[c]) for r in data) >= 0.6 * len(data):
            return c
    return None


def _header_row(cells: tuple[str, ...]) -> bool:
    """A row of column names (两 or more header words such as 序号 / 牵头单位 / 完成时限).

    >>> _header_row(("", "领域", "工作任务", "责任单位")), _header_row(("", "", "推进三门抽水蓄能。", "境局"))
    (True, False)
    """
    from .structure import _role_of

    return sum(bool(_role_of(c)) for c in cells if c) >= 2 and all(len(c) <= 12 for c in cells)


def _join_tables(prev: Block, nxt: Block) -> Block:
    """``nxt`` continues ``prev`` over a page break: drop its repeated header, join a cut row."""
    rows = list(nxt.rows)
    pages = [nxt.page] * len(rows)
    boxes = [nxt.box_of_row(i) for i in range(len(rows))]
    while rows and (rows[0] == prev.rows[0] or _header_row(rows[0])):  # the header repeated (perhaps laid out a little differently)
        rows, pages, boxes = rows[1:], pages[1:], boxes[1:]
    merged = list(prev.rows)
    merged_pages = [prev.page_of_row(i) for i in range(len(prev.rows))]
    merged_boxes = [prev.box_of_row(i) for i in range(len(prev.rows))]
    key = _key_column(prev.rows)
    if rows and merged and key is not None and key < len(rows[0]) and not rows[0][key] and any(rows[0]):
        cut = rows.pop(0)
        pages.pop(0)
        boxes.pop(0)  # the row is shown where it starts
        last = merged[-1]
        merged[-1] = tuple((a + b) for a, b in zip(last, cut + ("",) * (len(last) - len(cut))))
    return Block("table", rows=tuple(merged + rows), page=prev.page, locator=prev.locator, ocr=prev.ocr or nxt.ocr,
                 row_pages=tuple(merged_pages + pages), row_boxes=tuple(merged_boxes + boxes))


def _margin_lines(page: Any) -> list[dict]:
    """The text lines in a page's top and bottom margins (where running headers and footers are)."""
    h, w = float(page.height), float(page.width)
    out: list[dict] = []
    for top, bottom in ((0.0, MARGIN * h), ((1 - MARGIN) * h, h)):
        out.extend(page.crop((0, top, w, bottom)).extract_text_lines(layout=False, strip=True))
    return out


def _last_page(b: Block) -> int | None:
    return b.row_pages[-1] if b.row_pages else b.page


def read_pdf_blocks(path: Path, max_pages: int, progress: Progress | None = None, aligned: bool = False,
                    max_ocr_pages: int = 100) -> list[Block]:
    """Blocks of a PDF with ruled tables, or (``aligned``) tables found by text alignment; tables
    joined across pages. Pages without a text layer (scans) are read by OCR, at most
    ``max_ocr_pages`` of them."""
    import pdfplumber

    progress = progress or Progress()
    name = path.name
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on broken files
        raise IngestError(f"{name}: corrupt or unreadable PDF ({exc.__class__.__name__})") from exc
    with pdf:
        n = len(pdf.pages)
        if n > max_pages:
            raise IngestError(f"{name}: PDF has {n} pages, over the limit of {max_pages}")
        progress.stage("reading pages", n, "page")
        from .ocr_reader import has_text_layer, ocr_page_blocks, ocr_words
        from .pdf_aligned import _lines, line_box
        from .pdf_running import outside, running_boxes

        scanned = [i for i, page in enumerate(pdf.pages) if not has_text_layer(page)]
        if len(scanned) > max_ocr_pages:
            raise IngestError(f"{name}: {len(scanned)} scanned pages need OCR, over the limit of {max_ocr_pages} "
                              "(POLICY_QA_MAX_OCR_PAGES; about 3 s a page on 2 cores)")
        heights = {pno: float(page.height) for pno, page in enumerate(pdf.pages, start=1)}
        words_of: dict[int, list[dict]] = {}  # scanned pages: their OCR word boxes
        margins: dict[int, list[dict]] = {}
        for pno, page in enumerate(pdf.pages, start=1):
            if pno - 1 in scanned:
                words_of[pno], _ = ocr_words(str(path), pno - 1)
                margins[pno] = [line_box(ln) for ln in _lines(words_of[pno])]
                progress.advance(1)
            else:
                margins[pno] = _margin_lines(page)
        drop = running_boxes(margins, heights)  # running headers and footers, before any table is read
        blocks: list[Block] = []
        open_cols: list[float] | None = None
        for pno, page in enumerate(pdf.pages, start=1):
            if pno in words_of:
                words = [w for w in words_of[pno] if outside(w, drop[pno])]
                page_blocks, open_cols = ocr_page_blocks(words, heights[pno], pno, open_cols)
            else:
                if drop[pno]:
                    page = page.filter(lambda o, boxes=drop[pno]: outside(o, boxes))
                page_blocks, open_cols = _page_blocks(page, pno, aligned, open_cols)
                progress.advance(1)
            for b in page_blocks:
                prev = blocks[-1] if blocks else None
                if (b.kind == "table" and prev is not None and prev.kind == "table" and _last_page(prev) == pno - 1
                        and len(prev.rows[0]) == len(b.rows[0])):
                    blocks[-1] = _join_tables(prev, b)
                else:
                    blocks.append(b)
    return blocks


def open_pdf(path: Path) -> Any:
    """pdfplumber's document (the caller closes it)."""
    import pdfplumber

    return pdfplumber.open(str(path))
