"""The source view in a real browser: a PDF source card opens its page with the quoted row marked,
and the 文档 tab shows any page of a PDF (an index holding the office renderings)."""
import re

import pytest

from ingest.config import Settings
from ingest.pipeline import Ingestor
from tests.app.test_browser import OUT, ask, browser_page, serve
from tests.app.test_source_view import _office_corpus
from tests.conftest import FakeEmbedder

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    root = tmp_path_factory.mktemp("office_browser")
    corpus = _office_corpus(root, {"zj-plan": "zj-plan.pdf", "tz-pilot": "tz-pilot.docx"})
    settings = Settings(home=root / "home", corpus_dir=corpus)
    assert Ingestor(settings, FakeEmbedder()).run([corpus], log=lambda m: None).ok
    base, stop = serve(settings)
    try:
        with browser_page(base) as pg:
            yield pg
    finally:
        stop()


def _loaded(page, selector: str) -> None:
    page.wait_for_function("s => { const i = document.querySelector(s); return i && i.complete && i.naturalWidth > 200; }",
                           arg=selector)


def test_a_pdf_source_card_opens_its_page_with_the_row_marked(page):
    ask(page, "秸秆综合利用那条省里谁牵头？")
    card = page.locator("#source-cards .source-card").first
    assert re.search(r"第\d+页", card.locator(".meta").first.inner_text())  # a PDF source is cited by its page
    card.locator("details.page-view summary").click()
    _loaded(page, "#source-cards details.page-view img")
    src = card.locator("details.page-view img").get_attribute("src")
    assert src.startswith("/api/docs/zj-plan/pages/") and "lines=" in src
    card.screenshot(path=str(OUT / "10_source_view.png"))


def test_docx_sources_name_their_row(page):
    ask(page, "台州推进三门核电二三期建设那条谁牵头？")
    meta = page.locator("#source-cards .source-card .meta").first.inner_text()
    assert "表" in meta and "行" in meta
    assert page.locator("#source-cards details.page-view").count() == 0  # a .docx has no page image


def test_the_documents_tab_shows_a_pdf_page(page):
    page.get_by_role("tab", name="文档").click()
    page.locator("#open-doc input").click()
    page.get_by_role("option", name="浙江省减污降碳协同创新区建设实施方案（征求意见稿）", exact=True).click()
    page.locator("#page-no input").fill("3")
    page.click("#page-btn")
    _loaded(page, "#page-view img.page-image")
    assert "第3页 / 共" in page.locator("#page-view").inner_text()
    page.screenshot(path=str(OUT / "11_documents_page.png"), full_page=False)
