"""Load .txt and .pdf files into :class:`SourceDocument` with original lines kept.

>>> from pathlib import Path; import tempfile
>>> p = Path(tempfile.mkdtemp()) / "a.txt"; _ = p.write_text("第一行\\n第二行", encoding="utf-8")
>>> doc = load_document(p, DocumentMeta(id="a", title="A", file="a.txt"))
>>> [ln.text for ln in doc.lines]
['第一行', '第二行']
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .progress import Progress
from .types import DocumentMeta, Line, SourceDocument, content_hash

SUPPORTED = (".txt", ".pdf", ".docx", ".doc", ".wps", ".docm")


from .errors import IngestError  # noqa: E402 - re-exported: ingest.loaders.IngestError


def _decode_text(data: bytes, name: str) -> str:
    if not data.strip():
        raise IngestError(f"{name}: empty file")
    if b"\x00" in data[:4096]:
        raise IngestError(f"{name}: binary content, not a text file")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
        if bad > 20:
            raise IngestError(f"{name}: binary content, not a text file")
        return text
    raise IngestError(f"{name}: unknown text encoding (tried UTF-8 and GB18030)")


def _load_pdf_lines(path: Path, max_pages: int, progress: Progress, check_only: bool = False) -> list[Line]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    name = path.name
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types here
                ok = 0
            if not ok:
                raise IngestError(f"{name}: encrypted PDF (password required)")
        n_pages = len(reader.pages)
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"{name}: corrupt or unreadable PDF ({exc.__class__.__name__})") from exc
    if n_pages == 0:
        raise IngestError(f"{name}: PDF has no pages")
    if check_only:
        return []
    if n_pages > max_pages:
        raise IngestError(f"{name}: PDF has {n_pages} pages, over the limit of {max_pages}")
    lines: list[Line] = []
    progress.stage("reading pages", n_pages, "page")
    for pno, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001 - a broken page must not kill ingest
            raise IngestError(f"{name}: cannot extract text of page {pno} ({exc.__class__.__name__})") from exc
        for raw in text.split("\n"):
            lines.append(Line(no=len(lines) + 1, text=raw.rstrip("\r"), page=pno))
        progress.advance(1)
    if not any(ln.text.strip() for ln in lines):
        raise IngestError(f"{name}: PDF has no extractable text (scanned image?)")
    return lines


def _read_pdf(path: Path, max_pages: int, progress: Progress, max_ocr_pages: int = 100) -> list[Line]:
    """A PDF with ruled tables (a Word/WPS export) is read from its page geometry (pdfplumber),
    table rows whole; one whose tables have no rulings but aligned columns under a header line, from
    text alignment; any other PDF by its text (pypdf), which keeps PDF flow text as the structure
    stage knows it. All give lines with their page."""
    from .pdf_reader import has_ruled_tables, open_pdf, read_pdf_blocks

    _load_pdf_lines(path, 0, Progress(), check_only=True)  # encrypted / corrupt / empty: the same clear errors
    from .pdf_aligned import MIN_ALIGNED, aligned_share

    from .ocr_reader import has_text_layer

    try:
        with open_pdf(path) as pdf:
            scanned = any(not has_text_layer(p) for p in pdf.pages[:max_pages])
            ruled = has_ruled_tables(pdf)
            aligned = not ruled and (scanned or aligned_share(pdf) >= MIN_ALIGNED)
    except Exception:  # noqa: BLE001 - pdfminer cannot lay it out: the text path decides
        ruled = aligned = scanned = False
    if ruled or aligned or scanned:
        from .docmodel import render_lines

        lines = render_lines(read_pdf_blocks(path, max_pages, progress, aligned=aligned, max_ocr_pages=max_ocr_pages))
        if any(ln.text.strip() for ln in lines):
            return lines
    return _load_pdf_lines(path, max_pages, progress)


def _convert_legacy(path: Path) -> bytes:
    """.doc / .wps → .docx bytes with LibreOffice (headless), when it is on the machine."""
    import shutil
    import subprocess
    import tempfile

    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise IngestError(f"{path.name}: legacy Word/WPS file; install LibreOffice (Debian: apt-get install "
                          "libreoffice-writer-nogui) to convert it, or save it as .docx")
    with tempfile.TemporaryDirectory() as out:
        try:
            subprocess.run([exe, "--headless", "--convert-to", "docx", "--outdir", out, str(path)],
                           check=True, capture_output=True, timeout=300)
        except (subprocess.SubprocessError, OSError) as exc:
            raise IngestError(f"{path.name}: LibreOffice could not convert it ({exc.__class__.__name__})") from exc
        converted = Path(out) / (path.stem + ".docx")
        if not converted.is_file():
            raise IngestError(f"{path.name}: LibreOffice produced no .docx")
        return converted.read_bytes()


def load_document(path: Path, meta: DocumentMeta, max_file_mb: float = 50.0, max_pdf_pages: int = 500,
                  progress: Progress | None = None, max_ocr_pages: int = 100) -> SourceDocument:
    """Read one file (``progress`` hears of every page read). Raises :class:`IngestError` with a
    one-line message on bad input."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(f"{name}: unsupported file type {suffix or '(none)'} (supported: .txt, .pdf, .docx; "
                          ".doc/.wps with LibreOffice installed)")
    if not path.is_file():
        raise IngestError(f"{name}: not a file")
    size = path.stat().st_size
    if size > max_file_mb * 1024 * 1024:
        raise IngestError(f"{name}: file is {size / 1048576:.1f} MB, over the limit of {max_file_mb:g} MB")
    data = path.read_bytes()
    if suffix == ".pdf":
        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise IngestError(f"{name}: not a PDF (content does not start with %PDF)")
        lines = _read_pdf(path, max_pdf_pages, progress or Progress(), max_ocr_pages)
        return SourceDocument(meta=meta, lines=tuple(lines), sha=hashlib.sha256(data).hexdigest()[:32], kind="pdf", path=str(path.resolve()))
    if suffix == ".docm":
        raise IngestError(f"{name}: Word document with macros (.docm) refused; save it as a plain .docx")
    if suffix in (".doc", ".wps"):
        data = _convert_legacy(path)
        suffix = ".docx"
    if suffix == ".docx":
        from .docmodel import render_lines
        from .docx_reader import read_docx_bytes

        lines = render_lines(read_docx_bytes(data, name))
        if not any(ln.text.strip() for ln in lines):
            raise IngestError(f"{name}: the Word document has no text")
        return SourceDocument(meta=meta, lines=tuple(lines), sha=hashlib.sha256(data).hexdigest()[:32], kind="docx", path=str(path.resolve()))
    text = _decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    lines = [Line(no=i + 1, text=t) for i, t in enumerate(text.split("\n"))]
    return SourceDocument(meta=meta, lines=tuple(lines), sha=content_hash(text, length=32), kind="txt", path=str(path.resolve()))
