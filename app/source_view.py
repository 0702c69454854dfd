"""The source view: a PDF page as an image with the cited lines' regions highlighted, rendered
locally (pypdfium2, which pdfplumber already brings; nothing is fetched).

Every line of a PDF keeps its region on its page from ingest (``ingest.types.Line.box``, PDF points
from the page's top-left), so a citation's lines ``start..end`` mark the rows or paragraphs it
quotes. A scanned page is shown the same way: its regions are the OCR boxes.

Usage::

    view = PageView(store)
    png = view.run("zj-plan", page=17, start_line=320, end_line=333).png
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.types import Box

#: Rendering scale (1.0 = 72 dpi): 1.6 reads 10.5-pt Chinese comfortably in a source card.
SCALE = 1.6
#: Highlight: translucent yellow with a red outline, padded a little around the text.
FILL = (255, 214, 0, 80)
OUTLINE = (214, 40, 40, 255)
PAD = 2.0
#: Rendered pages kept in memory (a PNG is 100–300 kB).
CACHE_PAGES = 64


class SourceViewError(LookupError):
    """A page that cannot be shown (not a PDF, page out of range, file gone or changed); the
    message is one line for the user."""


@dataclass(frozen=True)
class PageImage:
    """One rendered page: PNG bytes, its page number, the regions marked (in PDF points)."""

    png: bytes
    page: int
    pages: int
    boxes: tuple[Box, ...]


def render_page(pdf_path: Path, page: int, boxes: tuple[Box, ...], scale: float = SCALE) -> tuple[bytes, int]:
    """PNG of ``page`` (1-based) of a PDF with ``boxes`` highlighted, and the PDF's page count."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        n = len(doc)
        if not 1 <= page <= n:
            raise SourceViewError(f"第{page}页不存在（共{n}页）")
        image = doc[page - 1].render(scale=scale).to_pil().convert("RGBA")
    finally:
        doc.close()
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for x0, top, x1, bottom in boxes:
        rect = [(x0 - PAD) * scale, (top - PAD) * scale, (x1 + PAD) * scale, (bottom + PAD) * scale]
        draw.rectangle(rect, fill=FILL, outline=OUTLINE, width=2)
    out = io.BytesIO()
    Image.alpha_composite(image, overlay).convert("RGB").save(out, "PNG", optimize=True)
    return out.getvalue(), n


class PageView:
    """Pages of ingested PDFs with cited lines highlighted.

    ``__init__(store)``: the index's store (lines, regions and the source file's path).
    ``run(doc_id, page, start_line, end_line)`` returns a :class:`PageImage`, or raises
    :class:`SourceViewError` with a one-line reason. A file changed since ingest is refused: its
    regions would mark the wrong text.
    """

    def __init__(self, store: Any, cache_pages: int = CACHE_PAGES) -> None:
        if cache_pages < 0:
            raise ValueError("cache_pages must be >= 0")
        self.store = store
        self.cache_pages = cache_pages
        self._cache: OrderedDict[tuple, PageImage] = OrderedDict()
        self._lock = threading.Lock()

    def run(self, doc_id: str, page: int, start_line: int = 0, end_line: int = 0) -> PageImage:
        if page < 1:
            raise SourceViewError("页码从1开始")
        if start_line < 0 or end_line < start_line:
            raise SourceViewError("行号范围不对（应为 起-止，起≤止）")
        docs = {d["id"]: d for d in self.store.documents()}
        if doc_id not in docs:
            raise SourceViewError(f"没有这份文件：{doc_id}")
        if docs[doc_id]["kind"] != "pdf":
            raise SourceViewError(f"{doc_id} 不是 PDF（{docs[doc_id]['kind']}），原文按行号或段落/表格行定位")
        path = Path(self.store.source_path(doc_id) or "")
        if not path.is_file():
            raise SourceViewError(f"{doc_id} 的原始 PDF 已不在导入时的位置，请重新导入")
        key = (doc_id, docs[doc_id]["sha"], page, start_line, end_line)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        if hashlib.sha256(path.read_bytes()).hexdigest()[:32] != docs[doc_id]["sha"]:
            raise SourceViewError(f"{path.name} 在导入后已改动，请重新导入后再查看原页")
        lines = self.store.source_lines(doc_id) if start_line else []
        boxes = tuple(ln.box for ln in lines[start_line - 1: end_line] if ln.page == page and ln.box)
        png, n = render_page(path, page, boxes)
        img = PageImage(png=png, page=page, pages=n, boxes=boxes)
        with self._lock:
            self._cache[key] = img
            while len(self._cache) > self.cache_pages:
                self._cache.popitem(last=False)
        return img
