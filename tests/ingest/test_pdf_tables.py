"""PDFs exported from Word (ruled tables): rows read from page geometry give the gold records, cited by page."""
from __future__ import annotations

import pytest

from evals.fixtures.render import OUT as FIXTURES
from ingest.docmodel import Block
from ingest.loaders import load_document
from ingest.pdf_reader import _join_tables, read_pdf_blocks
from ingest.pipeline import load_corpus_manifest
from ingest.structure import parse_document
from tests.conftest import CORPUS


def test_rows_keep_their_page_and_repeated_headers_are_dropped():
    meta = next(m for m in load_corpus_manifest(CORPUS).values() if m.id == "zj-plan")
    doc = load_document(FIXTURES / "zj-plan.pdf", meta)
    records = parse_document(doc).records
    assert all(r.span and r.span.start_page for r in records)
    assert len({r.span.start_page for r in records}) > 5  # the lists run over many pages
    assert sum(1 for ln in doc.lines if ln.text.startswith("序号\t")) <= 6  # one header per list, not per page
    assert not any(ln.text.strip() in ("— 7 —", "- 7 -") for ln in doc.lines)


def test_a_row_cut_by_a_page_break_is_joined():
    prev = Block("table", rows=(("序号", "工作任务", "牵头单位"), ("20", "甲", "乙"), ("21", "构建区域再生水循", "省治水办按职责分")),
                 page=19)
    nxt = Block("table", rows=(("序号", "工作任务", "牵头单位"), ("", "环利用体系。", "工负责"), ("22", "丙", "丁")), page=20)
    joined = _join_tables(prev, nxt)
    assert joined.rows[-2] == ("21", "构建区域再生水循环利用体系。", "省治水办按职责分工负责")
    assert joined.rows[-1] == ("22", "丙", "丁") and joined.row_pages[-1] == 20 and joined.row_pages[1] == 19


def test_reading_reports_pages():
    from ingest.progress import RecordingProgress

    rec = RecordingProgress()
    read_pdf_blocks(FIXTURES / "tz-pilot.pdf", 500, rec)
    stage = rec.events[0]
    assert stage[:2] == ("stage", "reading pages") and stage[2] == sum(1 for e in rec.events if e[0] == "advance")


def test_tables_without_rulings_are_read_by_alignment():
    """A Word table exported without borders: columns from the header line, rows from the gaps."""
    from evals.formats_eval import score

    s = score("zj-plan", FIXTURES / "zj-plan-unruled.pdf")
    assert s["rows"] == 1.0 and s["lead"] >= 0.98 and s["deadline"] >= 0.98
    import pdfplumber

    from ingest.pdf_aligned import MIN_ALIGNED, aligned_share

    with pdfplumber.open(str(FIXTURES / "zj-plan-unruled.pdf")) as pdf:
        assert aligned_share(pdf) >= MIN_ALIGNED


def test_too_many_scanned_pages_is_one_clear_line(tmp_path):
    from ingest.loaders import IngestError
    from ingest.types import DocumentMeta

    meta = DocumentMeta(id="s", title="T", file="s.pdf", level="省", region="浙江省")
    with pytest.raises(IngestError, match=r"5 scanned pages need OCR, over the limit of 2"):
        load_document(FIXTURES / "zj-plan-scan.pdf", meta, max_ocr_pages=2)


@pytest.mark.ocr
def test_a_pdf_with_text_pages_and_a_scanned_page(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from ingest.types import DocumentMeta

    w = PdfWriter()
    w.add_page(PdfReader(str(FIXTURES / "tz-pilot.pdf")).pages[0])
    w.add_page(PdfReader(str(FIXTURES / "zj-plan-scan.pdf")).pages[1])
    mixed = tmp_path / "mixed.pdf"
    with open(mixed, "wb") as fh:
        w.write(fh)
    doc = load_document(mixed, DocumentMeta(id="m", title="T", file="mixed.pdf", level="市", region="台州市"))
    by_page = {p: "".join(ln.text for ln in doc.lines if ln.page == p) for p in (1, 2)}
    assert "台州" in by_page[1]  # the text page, read from its text layer
    assert "省生态环境厅" in by_page[2]  # the scanned page, read by OCR
