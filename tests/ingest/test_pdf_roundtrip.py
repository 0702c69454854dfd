"""A corpus document printed to PDF (reportlab, CJK CID font) parses into the same records as its text."""
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.loaders import load_document
from ingest.pipeline import load_corpus_manifest
from ingest.structure import parse_document
from tests.conftest import CORPUS

reportlab = pytest.importorskip("reportlab")


def print_to_pdf(lines: list[str], path: Path, lines_per_page: int = 55) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for n, line in enumerate(lines):
        if n and n % lines_per_page == 0:
            c.showPage()
        c.setFont("STSong-Light", 9)
        c.drawString(30, 800 - 14 * (n % lines_per_page), line)
    c.save()


def fields(r):
    return (r.kind, r.list_name, r.item_no, r.text, r.lead_names, r.participant_names, r.shared_lead,
            r.deadline_year, r.deadline_source, [(t.value, t.unit) for t in r.targets], r.weight,
            r.extra.get("数据来源", ""), [p["name"] for p in r.parents])


@pytest.fixture(scope="module")
def province_plan():
    meta = next(m for m in load_corpus_manifest(CORPUS).values() if m.id == "zj-plan")
    return meta, load_document(CORPUS / meta.file, meta)


def test_pdf_of_province_plan_yields_the_same_records_as_its_text(tmp_path, province_plan):
    meta, text_doc = province_plan
    pdf = tmp_path / "zj.pdf"
    print_to_pdf([ln.text for ln in text_doc.lines], pdf)
    pdf_doc = load_document(pdf, replace(meta, file="zj.pdf"))
    from_text = parse_document(text_doc).records
    from_pdf = parse_document(pdf_doc).records
    assert len(from_text) == 88 + 24  # 32 targets + 47 tasks + 9 policies + 24 index indicators
    assert [fields(r) for r in from_pdf] == [fields(r) for r in from_text]
    # PDF records cite pages, text records cite lines
    assert all(r.span.start_page for r in from_pdf)
    assert from_pdf[0].span.locator().startswith("第") and from_pdf[0].span.locator().endswith("页")
    assert from_text[0].span.locator().endswith("行")
