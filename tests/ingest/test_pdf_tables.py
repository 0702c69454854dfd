"""PDFs exported from Word (ruled tables): rows read from page geometry give the gold records, cited by page."""
from __future__ import annotations

import re

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


def test_two_tables_that_touch_are_split_by_their_column_layout():
    """pdfplumber reads two ruled tables with other column widths, touching, as one grid: each
    layout is its own table, every cell in the column its left edge starts (not the grid's)."""
    from ingest.pdf_reader import split_layouts

    def row(*xs):
        return type("Row", (), {"cells": [(x, 10.0 * i, x + 5, 10.0 * i + 9) if x is not None else None for i, x in enumerate(xs)]})()

    rows = [row(85, None, 172, None, 259), row(85, 161, None, 238, None)]
    texts = [["协同路", None, "(三)重点领域措施协同", None, "17"], ["径", "度(18)", None, "6.产业结构优化(4)", None]]
    parts = split_layouts(rows, texts)
    assert [r for _, r, _ in parts] == [(("协同路", "(三)重点领域措施协同", "17"),), (("径", "度(18)", "6.产业结构优化(4)"),)]
    # a second header line's sub-columns (far from every edge above) stay in the same table
    sub = split_layouts([row(90, 152, 460), row(90, 152, 275, 337, 460)], [["评价内容", "一级指标", "数据来源"], ["", "名称", "序号", "名称", ""]])
    assert len(sub) == 1 and sub[0][1][0] == ("评价内容", "一级指标", "", "", "数据来源")


def test_a_header_repeated_on_the_next_page_is_not_read_as_a_cut_row():
    prev = Block("table", rows=(("", "领域", "工作任务", "责任单位"), ("领域协同", "能源", "3、推进天台抽水蓄能项目建设，稳步", "市发展改革委、市生态环")), page=9)
    nxt = Block("table", rows=(("领域", "工作任务", "责任单位", ""), ("", "", "推进三门抽水蓄能。", "境局")), page=10)
    joined = _join_tables(prev, nxt)
    assert joined.rows[-1] == ("领域协同", "能源", "3、推进天台抽水蓄能项目建设，稳步推进三门抽水蓄能。", "市发展改革委、市生态环境局")


def test_a_cut_row_is_found_by_the_column_every_row_fills():
    """An index table numbers its rows in a 序号 column that is not the first."""
    prev = Block("table", rows=(("评价内容", "一级指标", "序号", "名称", "数据来源"), ("协同效果", "(一)环境质量(18)", "1", "PM2.5", "市生态环")), page=28)
    nxt = Block("table", rows=(("", "", "", "浓度", "境局"), ("", "", "2", "AQI", "市生态环境局")), page=29)
    joined = _join_tables(prev, nxt)
    assert joined.rows[1] == ("协同效果", "(一)环境质量(18)", "1", "PM2.5浓度", "市生态环境局") and len(joined.rows) == 3


def test_a_bare_number_is_a_page_number_only_in_the_margin():
    """A weight standing alone on its line inside an index table is text; "7" at the foot is a page number."""
    from ingest.pdf_reader import is_page_number

    assert is_page_number("7", 800, 842) and is_page_number("— 7 —", 420, 842)
    assert not is_page_number("1", 420, 842) and not is_page_number("0.15", 800, 842)


def test_aligned_words_of_one_cell_and_a_far_word():
    """"（PM 2.5）" is two words in one cell; a word far right of the cell's text is another column."""
    from ingest.pdf_aligned import _fits

    w = lambda x0, x1: {"x0": x0, "x1": x1}  # noqa: E731
    cols = [90.0, 198.0, 306.0, 414.0]
    assert _fits([w(306, 336), w(339, 398)], cols)
    assert not _fits([w(414, 421), w(468, 501)], cols)


def test_running_headers_and_footers_are_not_text():
    """The fixtures print the title over every page and "— N —" under it (as offices do): neither
    becomes a line of the document, and tables run on over the page breaks between them."""
    meta = next(m for m in load_corpus_manifest(CORPUS).values() if m.id == "tz-pilot")
    doc = load_document(FIXTURES / "tz-pilot.pdf", meta)
    header = "台州市减污降碳协同试点建设实施方案（征求意见稿）"
    assert sum(ln.text.strip() == header for ln in doc.lines) == 0
    assert not any(re.fullmatch(r"[—-]\s*\d+\s*[—-]", ln.text.strip()) for ln in doc.lines)
    assert doc.lines[0].text.startswith("台州市减污降碳协同试点建设实施方案")  # the title itself stays


def test_running_lines_need_most_pages():
    from ingest.pdf_running import running_boxes

    line = lambda text, top: {"text": text, "top": top, "bottom": top + 10, "x0": 90.0, "x1": 300.0}  # noqa: E731
    pages = {p: [line("一、总体要求" if p == 1 else "正文", 30.0)] for p in range(1, 7)}
    assert not any(running_boxes(pages, {p: 792.0 for p in pages})[1])  # once is a heading, not a header
    pages = {p: [line("— %d —" % p, 760.0)] for p in range(1, 7)}
    assert all(running_boxes(pages, {p: 792.0 for p in pages}).values())
