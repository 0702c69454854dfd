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

from .docmodel import Block
from .errors import IngestError
from .progress import Progress

#: A page-number line: "— 7 —", "- 7 -", "第 7 页", or a bare number.
PAGE_NUMBER = re.compile(r"^\s*(?:[—–\-]\s*\d{1,4}\s*[—–\-]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4})\s*$")
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


def _cells(row: list[str | None]) -> tuple[str, ...]:
    return tuple((c or "").strip() for c in row)


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
        tables = [(t.bbox[1], Block("table", rows=tuple(_cells(r) for r in t.extract()), page=pno, locator=f"第{pno}页"))
                  for t in ruled]

    def outside(obj: dict) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    items: list[tuple[float, Block]] = list(tables)
    for line in page.filter(outside).extract_text_lines(layout=False, strip=True):
        text = line["text"].strip()
        if text and not PAGE_NUMBER.match(text):
            items.append((line["top"], Block("paragraph", text=text, page=pno, locator=f"第{pno}页")))
    items.sort(key=lambda x: x[0])
    return [b for _, b in items], open_cols


def _numbered(rows: tuple[tuple[str, ...], ...]) -> bool:
    """Most data rows carry a number in their first cell (the table numbers its rows)."""
    data = rows[1:]
    return bool(data) and sum(bool(re.fullmatch(r"\d{1,3}", r[0])) for r in data if r) >= 0.6 * len(data)


def _join_tables(prev: Block, nxt: Block) -> Block:
    """``nxt`` continues ``prev`` over a page break: drop its repeated header, join a cut row."""
    rows = list(nxt.rows)
    pages = [nxt.page] * len(rows)
    if rows and rows[0] == prev.rows[0]:
        rows, pages = rows[1:], pages[1:]
    merged = list(prev.rows)
    merged_pages = [prev.page_of_row(i) for i in range(len(prev.rows))]
    if rows and merged and _numbered(prev.rows) and not rows[0][0] and any(rows[0]):
        cut = rows.pop(0)
        pages.pop(0)
        last = merged[-1]
        merged[-1] = tuple((a + b) for a, b in zip(last, cut + ("",) * (len(last) - len(cut))))
    return Block("table", rows=tuple(merged + rows), page=prev.page, locator=prev.locator,
                 row_pages=tuple(merged_pages + pages))


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
        from .ocr_reader import has_text_layer, ocr_page_blocks

        scanned = [i for i, page in enumerate(pdf.pages) if not has_text_layer(page)]
        if len(scanned) > max_ocr_pages:
            raise IngestError(f"{name}: {len(scanned)} scanned pages need OCR, over the limit of {max_ocr_pages} "
                              "(POLICY_QA_MAX_OCR_PAGES; about 3 s a page on 2 cores)")
        blocks: list[Block] = []
        open_cols: list[float] | None = None
        for pno, page in enumerate(pdf.pages, start=1):
            if pno - 1 in scanned:
                page_blocks, open_cols = ocr_page_blocks(str(path), pno - 1, pno, open_cols)
            else:
                page_blocks, open_cols = _page_blocks(page, pno, aligned, open_cols)
            for b in page_blocks:
                prev = blocks[-1] if blocks else None
                if (b.kind == "table" and prev is not None and prev.kind == "table" and _last_page(prev) == pno - 1
                        and len(prev.rows[0]) == len(b.rows[0])):
                    blocks[-1] = _join_tables(prev, b)
                else:
                    blocks.append(b)
            progress.advance(1)
    return blocks


def open_pdf(path: Path) -> Any:
    """pdfplumber's document (the caller closes it)."""
    import pdfplumber

    return pdfplumber.open(str(path))
