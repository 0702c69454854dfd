"""Word .docx input: the same records as the .txt, and bad .docx files refused with one clear line."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ingest.loaders import IngestError, load_document
from ingest.types import DocumentMeta

META = DocumentMeta(id="x", title="T", file="x.docx", level="市", region="温州市")


def _docx_bytes(edit=None) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("温州市方案")
    buf = io.BytesIO()
    d.save(buf)
    if edit is None:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, edit(item.filename, src.read(item.filename)))
    return out.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_broken_zip_is_refused(tmp_path):
    with pytest.raises(IngestError, match="broken zip"):
        load_document(_write(tmp_path, "a.docx", b"PK\x03\x04 not really a zip"), META)


def test_zip_bomb_is_refused(tmp_path):
    def bomb(name, data):
        return data if name != "word/document.xml" else data + b"<!--" + b"0" * 60_000_000 + b"-->"

    with pytest.raises(IngestError, match="zip bomb"):
        load_document(_write(tmp_path, "b.docx", _docx_bytes(bomb)), META)


def test_macro_documents_are_refused(tmp_path):
    with pytest.raises(IngestError, match="macros"):
        load_document(_write(tmp_path, "c.docm", _docx_bytes()), META)

    def with_macro(name, data):
        return data.replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml") \
            if name == "[Content_Types].xml" else data

    with pytest.raises(IngestError, match="macros"):
        load_document(_write(tmp_path, "d.docx", _docx_bytes(with_macro)), META)


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")

    def xxe(name, data):
        if name != "word/document.xml":
            return data
        text = data.decode("utf-8")
        head, rest = text.split("?>", 1)
        rest = rest.replace("温州市方案", "温州市方案&xxe;")
        return (head + f'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>' + rest).encode("utf-8")

    try:
        doc = load_document(_write(tmp_path, "e.docx", _docx_bytes(xxe)), META)
    except IngestError:
        return  # refused outright: fine too
    assert "机密内容" not in "\n".join(ln.text for ln in doc.lines)


def test_legacy_doc_without_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(IngestError, match="LibreOffice"):
        load_document(_write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0 legacy"), META)
