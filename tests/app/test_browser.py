"""The web page in a real browser: Debian chromium driven by playwright (headless, --no-sandbox).

Screenshots are kept in test-output/ (a CI artifact)."""
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
OUT = Path(__file__).resolve().parents[2] / "test-output"
CHROMIUM = "/usr/bin/chromium"
NEW_DOC = ("丽水市低碳试点方案\n\n一、目标清单\n\t序号\n\t指标目标\n\t牵头单位\n\t参与单位\n\n"
           "\t1\n\t建成30个低碳示范村。\n\t市林业局\n\t市生态环境局\n\n注：上表中未注明的，完成时限均为2026年。\n")


def serve(settings):
    """A served app on a free loopback port: (base url, stop)."""
    from app.server import build_app
    from evals.harness import start_server
    from tests.conftest import FakeEmbedder

    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed (apt-get install chromium); .ci/run installs it")
    base, srv, th = start_server(build_app(settings, embedder=FakeEmbedder()))

    def stop() -> None:
        srv.should_exit = True
        th.join(10)

    return base, stop


@contextmanager
def browser_page(base: str):
    """A chromium page on ``base``, the chat ready."""
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        pg = browser.new_page(viewport={"width": 1280, "height": 1600})
        pg.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        pg.set_default_timeout(30000)
        pg.goto(base)
        pg.wait_for_selector("#question textarea")
        try:
            yield pg
        finally:
            browser.close()


@pytest.fixture(scope="module")
def server(corpus_index, tmp_path_factory):
    home = tmp_path_factory.mktemp("browser_home")
    shutil.copytree(corpus_index.home, home, dirs_exist_ok=True)
    base, stop = serve(corpus_index.with_(home=home, admin_token="browser-token"))
    yield base
    stop()


@pytest.fixture(scope="module")
def page(server):
    with browser_page(server) as pg:
        yield pg


def ask(page, question: str) -> str:
    """Type and send a question; wait until its source cards are shown; return the last bot message."""
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function("q => { const s = document.querySelector('#source-cards');"
                           " return s && s.dataset.question === q; }", arg=question)
    return last_answer(page)


def last_answer(page) -> str:
    return page.locator("#chat [data-testid='bot']").last.inner_text()


def test_question_shows_department_and_source_card(page):
    text = ask(page, "秸秆综合利用那条谁牵头？")
    page.wait_for_function("() => document.querySelector('#chat').innerText.includes('省农业农村厅')")
    cards = page.locator("#source-cards .source-card")
    assert cards.count() >= 1
    assert "《浙江省减污降碳协同创新区建设实施方案（征求意见稿）》" in page.locator("#source-cards").inner_text()
    assert "省农业农村厅" in page.locator("#chat").inner_text()
    assert page.locator("#source-cards mark").count() >= 1  # the answer's values are highlighted
    table = page.locator("#source-cards .row-table").first.inner_text()  # the row as a small table
    assert "牵头单位" in table and "省农业农村厅" in table and "完成时限" in table
    cite = page.locator("#citation-text textarea").input_value()
    assert "出处：" in cite and "附件1任务清单第" in cite and "[1]" in cite
    page.click("#copy-citation")
    page.wait_for_function("() => document.querySelector('#copy-citation').dataset.copied === '1'")
    assert page.evaluate("navigator.clipboard.readText()") == cite
    page.screenshot(path=str(OUT / "01_answer.png"), full_page=True)
    assert text


def test_follow_up_question(page):
    ask(page, "那温州呢？")
    last = last_answer(page)
    assert "市农业农村局" in last and "省农业农村厅" not in last
    page.screenshot(path=str(OUT / "02_follow_up.png"), full_page=True)


def test_not_found_state_shows_nearest_passages(page):
    ask(page, "宁波市的减污降碳协同指数目标是多少？")
    page.wait_for_function("() => document.querySelector('#source-cards .notfound') !== null")
    assert "文件中未找到" in last_answer(page)
    page.screenshot(path=str(OUT / "03_not_found.png"), full_page=True)


def test_department_tab_lookup(page):
    page.get_by_role("tab", name="部门").click()
    page.fill("#dept-name input", "省建设厅")
    page.keyboard.press("Escape")
    page.click("#dept-search")
    page.wait_for_function("() => document.querySelector('#dept-info').innerText.includes('共')")
    table = page.locator("#dept-table").inner_text()
    assert "建筑垃圾综合利用率" in table and "牵头" in table
    page.screenshot(path=str(OUT / "04_department.png"), full_page=True)


def test_department_matrix_cell_lists_its_rows_and_deadline_chart_is_drawn(page):
    page.get_by_role("tab", name="部门").click()
    page.wait_for_selector("#dept-matrix")
    assert "牵头" in page.locator("#dept-matrix").inner_text()
    page.locator("#dept-matrix [data-testid='cell-0-1']").click()  # first department, first document
    page.wait_for_function("() => document.querySelector('#dept-info').innerText.includes('《')")
    info = page.locator("#dept-info").inner_text()
    assert "共" in info and "项" in info
    assert page.locator("#dept-table tbody tr").count() >= 1
    page.screenshot(path=str(OUT / "07_department_matrix.png"), full_page=True)
    page.get_by_role("tab", name="时限").click()
    page.wait_for_function("() => { const c = document.querySelector('#dl-chart');"
                           " return c && c.querySelector('canvas, svg') !== null; }")
    page.screenshot(path=str(OUT / "08_deadline_chart.png"), full_page=True)


def test_compare_tab_side_by_side_with_xlsx_download(page):
    import io

    import openpyxl

    page.get_by_role("tab", name="对比").click()
    page.fill("#cmp-q textarea", "非化石能源占一次能源消费比重")
    page.click("#cmp-btn")
    page.wait_for_function("() => document.querySelector('#compare-view') !== null")
    view = page.locator("#compare-view").inner_text()
    assert "省发展改革委（省能源局）" in view and "市发展改革委" in view and "不同之处" in view
    assert page.locator("#compare-view tr.differ").count() >= 2
    page.screenshot(path=str(OUT / "06_compare.png"), full_page=True)
    page.wait_for_selector("#cmp-files a[href*='compare.xlsx']")
    href = page.locator("#cmp-files a[href*='compare.xlsx']").first.get_attribute("href")
    body = page.request.get(href if href.startswith("http") else page.url.split("/?")[0].rstrip("/") + "/" + href.lstrip("/")).body()
    wb = openpyxl.load_workbook(io.BytesIO(body))
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert any("非化石能源占一次能源消费比重达到24%" in c for c in cells)


def test_admin_upload_then_answer_from_it(page, tmp_path):
    page.get_by_role("tab", name="文档").click()
    f = tmp_path / "丽水市低碳试点方案.txt"
    f.write_text(NEW_DOC, encoding="utf-8")
    page.set_input_files("#upload input[type=file]", str(f))
    page.wait_for_timeout(1000)
    page.fill("#admin-token input", "browser-token")
    page.click("#upload-btn")
    page.wait_for_function("() => document.querySelector('#admin-msg').innerText.includes('已入库')", timeout=60000)
    page.screenshot(path=str(OUT / "05_upload.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    ask(page, "低碳示范村那条谁牵头？")
    page.wait_for_function("() => document.querySelector('#chat').innerText.includes('市林业局')")
    assert "丽水市低碳试点方案" in page.locator("#source-cards").inner_text()
    page.screenshot(path=str(OUT / "06_answer_from_upload.png"), full_page=True)


def test_a_new_version_uploaded_is_compared_with_the_old_one(page, tmp_path):
    from tests.app.test_changes import edited_copy

    page.get_by_role("tab", name="文档").click()
    f = edited_copy(tmp_path / "台州市减污降碳协同试点建设实施方案.txt")
    clear = page.locator("#upload button[aria-label='Clear']")
    if clear.count():  # the earlier upload's file is still shown
        clear.first.click()
    page.set_input_files("#upload input[type=file]", str(f))
    page.wait_for_timeout(1000)
    page.fill("#admin-token input", "browser-token")
    page.click("#upload-btn")
    page.wait_for_function("() => document.querySelector('#admin-msg').innerText.includes('已入库')", timeout=60000)
    page.wait_for_function("() => document.querySelector('#ver-new input').value.includes('台州')")
    page.click("#ver-btn")
    page.wait_for_function("() => document.querySelector('#changes-view') !== null")
    view = page.locator("#changes-view").inner_text()
    assert "新增 1 项，删除 1 项" in view and "市发展改革委、市生态环境局、三门县政府" in view
    assert "建立碳排放监测预警平台" in view
    page.screenshot(path=str(OUT / "09_version_changes.png"), full_page=True)
