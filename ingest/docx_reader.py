"""Word .docx → blocks (python-docx): paragraphs in body order with heading styles, tables row by
row (horizontally merged cells once, nested paragraphs of a cell joined), locators 段落N / 表T行R.

Checked before python-docx opens anything: the file is a zip, not a macro-enabled document, and
not a zip bomb (total uncompressed size and compression ratio bounded). python-docx parses XML
with entity resolution off, so an external entity is never fetched or expanded.

>>> import io, docx
>>> d = docx.Document(); _ = d.add_heading("一、目标清单", level=1)
>>> t = d.add_table(rows=2, cols=2); t.cell(0, 0).text, t.cell(0, 1).text = "序号", "牵头单位"
>>> t.cell(1, 0).text, t.cell(1, 1).text = "1", "市农业农村局"
>>> buf = io.BytesIO(); d.save(buf)
>>> [(b.kind, b.text or b.rows) for b in read_docx_bytes(buf.getvalue(), "a.docx")]
[('heading', '一、目标清单'), ('table', (('序号', '牵头单位'), ('1', '市农业农村局')))]
"""
from __future__ import annotations

import io
import zipfile

from .docmodel import Block
from .errors import IngestError

#: Limits on the zip container (a .docx of a 300-page plan is a few MB unpacked).
MAX_UNPACKED_MB = 200
MAX_RATIO = 200  # uncompressed / compressed; ordinary .docx files stay well below 20
MACRO_TYPES = ("macroEnabled", "vbaProject")


def check_container(data: bytes, name: str) -> None:
    """Refuse what is not a plain .docx before parsing: broken zip, macros, zip bomb."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
        content_types = zf.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise IngestError(f"{name}: not a valid .docx (broken zip container: {exc.__class__.__name__})") from exc
    if any(t in content_types for t in MACRO_TYPES) or any(i.filename.lower().endswith("vbaproject.bin") for i in infos):
        raise IngestError(f"{name}: Word document with macros (.docm) refused; save it as a plain .docx")
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024 or unpacked / packed > MAX_RATIO:
        raise IngestError(f"{name}: .docx unpacks to {unpacked / 1048576:.0f} MB (ratio {unpacked / packed:.0f}:1), "
                          f"over the limit of {MAX_UNPACKED_MB} MB or {MAX_RATIO}:1 — refused as a possible zip bomb")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise IngestError(f"{name}: not a Word document (no word/document.xml)")


def _is_heading(style_name: str) -> bool:
    s = (style_name or "").lower()
    return s.startswith("heading") or s.startswith("标题") or s == "title"


def _row_cells(row) -> tuple[str, ...]:  # row: docx.table._Row
    cells, seen = [], set()
    for cell in row.cells:
        key = id(cell._tc)
        if key in seen:  # a horizontally merged cell appears once per grid column
            continue
        seen.add(key)
        cells.append("\n".join(p.text for p in cell.paragraphs))
    return tuple(cells)


def read_docx_bytes(data: bytes, name: str) -> list[Block]:
    """Blocks of a .docx, in body order."""
    check_container(data, name)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several types on malformed parts
        raise IngestError(f"{name}: cannot read the .docx ({exc.__class__.__name__})") from exc
    blocks: list[Block] = []
    n_par = n_tab = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n_par += 1
            p = Paragraph(child, document)
            text = p.text.strip()
            if text:
                kind = "heading" if _is_heading(p.style.name if p.style is not None else "") else "paragraph"
                blocks.append(Block(kind, text=text, locator=f"段落{n_par}"))
        elif tag == "tbl":
            n_tab += 1
            rows = tuple(_row_cells(r) for r in Table(child, document).rows)
            blocks.append(Block("table", rows=rows, locator=f"表{n_tab}"))
    return blocks
