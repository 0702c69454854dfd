"""The source view: a cited PDF page with the quoted lines marked, .docx rows and paragraphs named
by their place in the document, OCR text said to be OCR — over an index that holds the office
renderings of the province plan (PDF) and the Taizhou plan (.docx)."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api import create_api
from app.service import Service
from app.source_view import PageView, SourceViewError
from evals.fixtures.render import OUT as FIXTURES
from ingest.config import Settings
from ingest.pipeline import Ingestor
from ingest.store import Store
from tests.conftest import CORPUS, FakeEmbedder


def _office_corpus(root: Path, renderings: dict[str, str]) -> Path:
    """The corpus with some documents swapped for their office renderings (doc id → file name)."""
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["documents"] if isinstance(manifest, dict) else manifest
    for e in entries:
        if e["id"] in renderings:
            (corpus / e["file"]).unlink()
            e["file"] = renderings[e["id"]]
            shutil.copy(FIXTURES / e["file"], corpus / e["file"])
    (corpus / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    root = tmp_path_factory.mktemp("office")
    corpus = _office_corpus(root, {"zj-plan": "zj-plan.pdf", "tz-pilot": "tz-pilot.docx"})
    settings = Settings(home=root / "home", corpus_dir=corpus)
    rep = Ingestor(settings, FakeEmbedder()).run([corpus], log=lambda m: None)
    assert rep.ok, rep.failed
    service = Service(settings, embedder=FakeEmbedder())
    return settings, service, corpus


def _pixels(png: bytes):
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_a_pdf_citation_carries_its_page_and_the_marked_region_holds_the_quoted_row(office):
    import pdfplumber

    _, service, corpus = office
    ans = service.ask("秸秆综合利用那条省里谁牵头？")
    c = next(c for c in ans.citations if c.doc_id == "zj-plan")
    assert c.page and c.locator.startswith(f"第{c.page}") and c.start_line <= c.end_line
    img = service.page_image("zj-plan", c.page, c.start_line, c.end_line)
    assert img.png[:8] == b"\x89PNG\r\n\x1a\n" and img.boxes
    # the marked region, cut out of the PDF page, holds the row the answer quotes
    with pdfplumber.open(str(corpus / "zj-plan.pdf")) as pdf:
        page = pdf.pages[c.page - 1]
        x0, top, x1, bottom = img.boxes[0]
        inside = page.crop((max(x0 - 1, 0), max(top - 1, 0), min(x1 + 1, page.width), min(bottom + 1, page.height))).extract_text()
    assert "秸秆" in inside.replace("\n", "") and "省农业农村厅" in inside.replace("\n", "")
    # the highlight changes the page only around the marked region
    plain = service.page_image("zj-plan", c.page)
    assert not plain.boxes
    a, b = _pixels(img.png), _pixels(plain.png)
    changed = (abs(a - b).sum(axis=2) > 30).nonzero()
    from app.source_view import PAD, SCALE

    assert len(changed[0]) > 100
    assert changed[0].min() >= (top - PAD) * SCALE - 3 and changed[0].max() <= (bottom + PAD) * SCALE + 3


def test_docx_rows_and_paragraphs_are_cited_by_their_place(office):
    _, service, _ = office
    ans = service.ask("台州重型柴油货车中国六标准占比力争达到多少？")
    tz = [c for c in ans.citations if c.doc_id == "tz-pilot"]
    assert tz and all(c.page is None for c in tz)
    assert all(c.locator.startswith(("段落", "表")) for c in tz), [c.locator for c in tz]
    rows = service.records(doc="tz-pilot")
    assert rows and all(r["locator"].startswith("表") and "行" in r["locator"] for r in rows[:20])
    with pytest.raises(SourceViewError, match="不是 PDF"):
        service.page_image("tz-pilot", 1)


def test_the_page_endpoint(office):
    settings, service, corpus = office
    client = TestClient(create_api(service))
    lines = Store(settings.db_path).source_lines("zj-plan")
    first = next(ln for ln in lines if ln.page == 3 and ln.box)
    r = client.get(f"/api/docs/zj-plan/pages/3.png?lines={first.no}-{first.no}")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png" and r.content[:4] == b"\x89PNG"
    assert client.get("/api/docs/zj-plan/pages/999.png").status_code == 404
    assert "不存在" in client.get("/api/docs/zj-plan/pages/999.png").json()["detail"]
    assert client.get("/api/docs/nope/pages/1.png").status_code == 404
    assert client.get("/api/docs/wz-plan/pages/1.png").status_code == 404  # a .txt
    assert client.get("/api/docs/zj-plan/pages/1.png?lines=abc").status_code == 422
    assert client.get("/api/docs/zj-plan/pages/1.png?lines=9-3").status_code == 404


def test_a_pdf_changed_after_ingest_is_not_shown_with_stale_marks(office, tmp_path):
    settings, _, corpus = office
    view = PageView(Store(settings.db_path), cache_pages=0)
    assert view.run("zj-plan", 1).png
    src = corpus / "zj-plan.pdf"
    keep = src.read_bytes()
    try:
        src.write_bytes(keep + b"\n%edited\n")
        with pytest.raises(SourceViewError, match="已改动"):
            view.run("zj-plan", 1)
        src.unlink()
        with pytest.raises(SourceViewError, match="请重新导入"):
            view.run("zj-plan", 1)
    finally:
        src.write_bytes(keep)


def test_source_cards_fold_the_page_view(office):
    from app.web import sources_html

    _, service, _ = office
    ans = service.ask("秸秆综合利用那条省里谁牵头？")
    out = sources_html(ans)
    c = next(c for c in ans.citations if c.page)
    assert f'/api/docs/zj-plan/pages/{c.page}.png?lines={c.start_line}-{c.end_line}' in out
    assert '<details class="page-view">' in out and 'loading="lazy"' in out


def test_an_older_store_gains_the_new_columns(tmp_path):
    import sqlite3

    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, meta TEXT NOT NULL, sha TEXT NOT NULL, kind TEXT NOT NULL, "
                "lines TEXT NOT NULL, pages TEXT, n_chunks INTEGER, n_records INTEGER, ingested_at TEXT)")
    con.commit()
    con.close()
    store = Store(db)
    cols = {row[1] for row in store._db.execute("PRAGMA table_info(docs)")}
    assert {"geo", "path"} <= cols and store.source_lines("x") == [] and store.source_path("x") == ""


@pytest.mark.ocr
def test_citations_from_a_scan_say_ocr(tmp_path):
    from ingest.loaders import load_document
    from ingest.structure import parse_document
    from ingest.types import DocumentMeta

    meta = DocumentMeta(id="scan", title="浙江省方案（扫描件）", file="zj-plan-scan.pdf", level="省", region="浙江省")
    doc = load_document(FIXTURES / "zj-plan-scan.pdf", meta)
    records = parse_document(doc).records
    assert records and all(r.span.locator().endswith("页，OCR识别") for r in records)
    assert all(ln.box for ln in doc.lines if ln.text.strip())  # every OCR line can be marked on its page
