from pathlib import Path

import pytest

from ingest.loaders import IngestError, load_document
from ingest.types import DocumentMeta


def meta(name: str) -> DocumentMeta:
    return DocumentMeta(id="t", title="T", file=name)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("bin.txt", b"\x00\x01\x02binary" * 10, "binary"),
        ("fake.pdf", b"this is not a pdf", "not a PDF"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj <<>> garbage", "PDF"),
        ("doc.docx", b"PK\x03\x04", "broken zip"),
        ("sheet.xlsx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_files_give_one_line_errors_naming_the_file(tmp_path, name, data, message):
    with pytest.raises(IngestError) as exc:
        load_document(write(tmp_path, name, data), meta(name))
    text = str(exc.value)
    assert name in text and message in text and "\n" not in text


def test_gbk_text_is_decoded(tmp_path):
    p = write(tmp_path, "gbk.txt", "市生态环境局牵头\n完成时限2025年".encode("gbk"))
    doc = load_document(p, meta("gbk.txt"))
    assert doc.lines[0].text == "市生态环境局牵头"


def test_size_limit(tmp_path):
    p = write(tmp_path, "big.txt", "字".encode() * 400_000)
    with pytest.raises(IngestError, match="over the limit"):
        load_document(p, meta("big.txt"), max_file_mb=1)


def test_encrypted_pdf_is_refused(tmp_path):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    w.encrypt("secret")
    p = tmp_path / "enc.pdf"
    with open(p, "wb") as fh:
        w.write(fh)
    with pytest.raises(IngestError, match="encrypted"):
        load_document(p, meta("enc.pdf"))


def test_pdf_lines_keep_page_numbers(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    p = tmp_path / "two.pdf"
    c = canvas.Canvas(str(p), pagesize=A4)
    for text in ("第一页 市生态环境局", "第二页 省林业局"):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 760, text)
        c.showPage()
    c.save()
    doc = load_document(p, meta("two.pdf"))
    pages = {ln.page for ln in doc.lines if "局" in ln.text}
    assert pages == {1, 2}
    assert any("省林业局" in ln.text and ln.page == 2 for ln in doc.lines)


def test_a_200_mb_file_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(IngestError, match="over the limit"):
        load_document(p, meta("huge.txt"), max_file_mb=50)


def test_a_pdf_page_bomb_is_refused(tmp_path):
    from pypdf import PdfWriter

    w = PdfWriter()
    for _ in range(600):
        w.add_blank_page(10, 10)
    p = tmp_path / "bomb.pdf"
    with open(p, "wb") as fh:
        w.write(fh)
    with pytest.raises(IngestError, match="pages"):
        load_document(p, meta("bomb.pdf"), max_pdf_pages=500)


def test_binary_renamed_pdf_and_100k_lines(tmp_path):
    p = write(tmp_path, "photo.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    with pytest.raises(IngestError, match="not a PDF"):
        load_document(p, meta("photo.pdf"))
    lines = "\n".join(f"第{i}行：推进减污降碳协同增效工作。" for i in range(100_000))
    doc = load_document(write(tmp_path, "long.txt", lines.encode("utf-8")), meta("long.txt"))
    assert len(doc.lines) == 100_000
