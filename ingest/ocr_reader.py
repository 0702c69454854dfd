"""Scanned pages (no text layer) read with OCR: RapidOCR (PP-OCRv4 Chinese models inside its wheel,
nothing downloaded) on the page image rendered locally by pypdfium2. The text boxes become word
boxes in PDF points, so the same alignment reader finds the tables (``pdf_aligned``); boxes outside
tables are the prose lines. Blocks read this way carry ``ocr=True``: citations say "OCR".

>>> normalise_ocr("各地区丶各部门抓好落实·")
'各地区、各部门抓好落实。'
"""
from __future__ import annotations

import re
import threading
from typing import Any

from .docmodel import Block

DPI = 150  # page images for OCR: enough for 10.5-pt Chinese, ≈ 3 s a page on 2 cores
#: Characters OCR reads for others in these documents: 丶 for 、, a middle dot for a full stop after
#: Chinese text.
_FIXES = (("丶", "、"),)
_DOT = re.compile(r"(?<=[\u4e00-\u9fff”）》])[·•](?=$|[\u4e00-\u9fff“（《])")

_ENGINE: list[Any] = []
_LOCK = threading.Lock()


def normalise_ocr(text: str) -> str:
    for a, b in _FIXES:
        text = text.replace(a, b)
    return _DOT.sub("。", text)


def _engine() -> Any:
    with _LOCK:
        if not _ENGINE:
            from rapidocr_onnxruntime import RapidOCR

            _ENGINE.append(RapidOCR())
    return _ENGINE[0]


def has_text_layer(page: Any) -> bool:
    """A pdfplumber page with characters on it (not a scan)."""
    return bool(page.chars)


def ocr_words(pdf_path: str, page_index: int) -> tuple[list[dict], float]:
    """Word boxes (x0, x1, top, bottom in PDF points; text) of one page image, and the page height."""
    import numpy as np
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_path)
    try:
        page = doc[page_index]
        height = float(page.get_height())
        image = page.render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        doc.close()
    result, _ = _engine()(np.array(image))
    k = 72 / DPI
    words = []
    for box, text, _score in result or []:
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        words.append({"x0": min(xs) * k, "x1": max(xs) * k, "top": min(ys) * k, "bottom": max(ys) * k,
                      "text": normalise_ocr(text.strip())})
    return [w for w in words if w["text"]], height


def ocr_page_blocks(words: list[dict], page_height: float, pno: int, open_cols: list[float] | None
                    ) -> tuple[list[Block], list[float] | None]:
    """One scanned page from its OCR word boxes (``ocr_words``): aligned tables and prose lines,
    top to bottom (all marked OCR)."""
    from .pdf_aligned import _lines, page_tables, word_box
    from .pdf_reader import is_page_number

    found, open_cols = page_tables(words, pno, open_cols)
    spans = [(top - 1, bottom + 1) for top, bottom, _ in found]
    items: list[tuple[float, Block]] = [(top, b) for top, _, b in found]
    for line in _lines([w for w in words if not any(a <= (w["top"] + w["bottom"]) / 2 <= b for a, b in spans)]):
        text = "".join(w["text"] for w in line)
        if text and not is_page_number(text, line[0]["top"], page_height):
            items.append((line[0]["top"], Block("paragraph", text=text, page=pno, locator=f"第{pno}页", ocr=True,
                                                box=word_box(line))))
    items.sort(key=lambda x: x[0])
    return [b for _, b in items], open_cols
