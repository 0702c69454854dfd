"""REST API over HTTP (FastAPI TestClient) on the corpus index."""
import re

import pytest
from fastapi.testclient import TestClient

from app.api import create_api
from app.service import Service


@pytest.fixture
def client(corpus_index, tmp_path, qa):
    from tests.conftest import FakeEmbedder

    settings = corpus_index.with_(admin_token="s3cret")
    svc = Service(settings, embedder=FakeEmbedder(), qa=qa)
    svc.feedback = type(svc.feedback)(tmp_path / "feedback.sqlite")
    return TestClient(create_api(svc))


def test_ask_returns_the_cli_json_contract(client):
    r = client.post("/api/ask", json={"question": "温州碳标签制度谁牵头？"})
    assert r.status_code == 200
    d = r.json()
    assert list(d) == ["question", "answer", "refused", "citations", "records"]
    assert "市电力局" in d["answer"] and d["citations"][0]["doc_id"] == "wz-plan"


def test_ask_with_history_and_filters(client):
    r = client.post("/api/ask", json={"question": "那温州呢？", "history": ["秸秆综合利用那条省里谁牵头？"]})
    assert "市农业农村局" in r.json()["answer"]
    r = client.post("/api/ask", json={"question": "秸秆综合利用那条谁牵头？", "filters": {"doc_id": "zj-plan"}})
    assert "省农业农村厅" in r.json()["answer"] and "市农业农村局" not in r.json()["answer"]


def test_ask_validates_the_body(client):
    assert client.post("/api/ask", json={}).status_code == 422
    assert client.post("/api/ask", content=b"x" * 300_000, headers={"content-type": "application/json"}).status_code == 413


def test_departments_and_records(client):
    deps = client.get("/api/departments").json()
    assert any(d["name"] == "省生态环境厅" and d["lead"] > 10 for d in deps)
    rows = client.get("/api/records", params={"department": "省建设厅", "year": 2025}).json()
    assert rows and all(r["deadline"] == 2025 for r in rows)
    assert any(r["item_no"] == "24" and r["list"] == "目标清单" and r["role"] == "牵头" for r in rows)
    rows = client.get("/api/records", params={"region": "台州市"}).json()
    assert len(rows) == 122 + 32 and {r["doc_id"] for r in rows} == {"tz-pilot"}
    assert client.get("/api/records", params={"department": "不存在的局"}).json() == []


def test_docs_and_text(client):
    docs = client.get("/api/docs").json()
    assert {d["id"] for d in docs} == {"zj-plan", "zj-note", "wz-plan", "tz-pilot", "wz-gazette-2023-06"}
    assert "目标清单" in client.get("/api/docs/wz-plan/text").text
    assert client.get("/api/docs/nope/text").status_code == 404


def test_health_and_openapi(client):
    assert client.get("/healthz").json()["documents"] == 5
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/ask", "/api/departments", "/api/records", "/api/docs", "/healthz"} <= set(paths)


def test_feedback_is_stored_and_exported(client):
    r = client.post("/api/feedback", json={"question": "q", "answer": "a", "verdict": "wrong_source", "comment": "出处不对"})
    assert r.status_code == 200
    assert client.post("/api/feedback", json={"question": "q", "verdict": "maybe"}).status_code == 400
    assert client.get("/api/feedback.csv").status_code == 403
    csv_text = client.get("/api/feedback.csv", headers={"X-Admin-Token": "s3cret"}).text
    assert "wrong_source" in csv_text and "出处不对" in csv_text


def test_upload_and_delete_need_the_admin_token(client, tmp_path):
    files = {"file": ("丽水方案.txt", "丽水市方案\n\n一、目标清单\n\t序号\n\t指标目标\n\t牵头单位\n\t参与单位\n\n\t1\n\t建成30个低碳示范村。\n\t市农业农村局\n\t市生态环境局\n".encode(), "text/plain")}
    assert client.post("/api/docs", files=files).status_code == 403
    assert client.post("/api/docs", files=files, headers={"X-Admin-Token": "wrong"}).status_code == 403
    assert client.delete("/api/docs/wz-plan").status_code == 403
    bad = {"file": ("evil.pdf", b"not a pdf at all", "application/pdf")}
    assert client.post("/api/docs", files=bad, headers={"X-Admin-Token": "s3cret"}).status_code == 400


def test_tables_download_as_excel_ready_csv_and_xlsx(client):
    import io

    import openpyxl

    csv_resp = client.get("/api/records", params={"department": "省生态环境厅", "format": "csv"})
    assert csv_resp.status_code == 200 and csv_resp.headers["content-type"].startswith("text/csv")
    assert csv_resp.content.startswith(b"\xef\xbb\xbf") and "牵头单位".encode() in csv_resp.content
    x = client.get("/api/records", params={"department": "省生态环境厅", "format": "xlsx"})
    assert x.status_code == 200 and "attachment" in x.headers["content-disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(x.content))
    ws = wb.worksheets[0]
    head = [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold and "牵头单位" in head and "原文位置" in head
    rows = client.get("/api/records", params={"department": "省生态环境厅"}).json()
    assert sum(w.max_row - 1 for w in wb.worksheets) == len(rows)  # every row, one sheet per document
    assert client.get("/api/records", params={"format": "pdf"}).status_code == 422
    fb = client.get("/api/feedback.xlsx", headers={"X-Admin-Token": "s3cret"})
    assert fb.status_code == 200 and openpyxl.load_workbook(io.BytesIO(fb.content)).active["A1"].value == "编号"


def test_compare_puts_one_item_side_by_side(client):
    import io

    import openpyxl

    d = client.get("/api/compare", params={"q": "一般工业固体废物综合利用率"}).json()
    docs = [r["doc_id"] for r in d["rows"]]
    assert docs[0] == "zj-plan" and "wz-plan" in docs and len(set(docs)) == len(docs)
    assert all("一般工业固体废物综合利用" in r["item"] for r in d["rows"])
    assert "lead" in d["differ"]  # 省生态环境厅 vs 市生态环境局
    x = client.get("/api/compare", params={"q": "一般工业固体废物综合利用率", "format": "xlsx"})
    ws = openpyxl.load_workbook(io.BytesIO(x.content)).active
    assert ws.max_row - 1 == len(d["rows"]) and "各文件不同的字段" in [c.value for c in ws[1]]
    empty = client.get("/api/compare", params={"q": "ABCDEFG"}).json()
    assert empty["rows"] == [] and empty["message"]
    assert client.get("/api/compare", params={"q": ""}).status_code == 422


def test_bad_office_files_are_refused_one_line_each_and_nothing_changes(client, tmp_path):
    """Each bad input the format issue lists, uploaded through the API: a 400 with one line that
    names the problem; the documents and answers are the same afterwards."""
    import io

    from PIL import Image
    from pypdf import PdfWriter

    from tests.ingest.test_docx import _docx_bytes

    enc = PdfWriter()
    enc.add_blank_page(200, 200)
    enc.encrypt("secret")
    enc_buf = io.BytesIO()
    enc.write(enc_buf)
    page = Image.new("L", (60, 80), 255)  # a 300-page scan: pages without a text layer
    scan = io.BytesIO()
    page.save(scan, "PDF", save_all=True, append_images=[page] * 299)

    def bomb(name, data):
        return data if name != "word/document.xml" else data + b"<!--" + b"0" * 60_000_000 + b"-->"

    def xxe(name, data):
        if name != "word/document.xml":
            return data
        head, rest = data.decode("utf-8").split("?>", 1)
        return (head + '?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                + rest.replace("温州市方案", "温州市方案&x;")).encode("utf-8")

    cases = [("加密.pdf", enc_buf.getvalue(), "encrypted"), ("坏.docx", b"PK\x03\x04 not a zip", "broken zip"),
             ("炸弹.docx", _docx_bytes(bomb), "zip bomb"), ("宏.docm", _docx_bytes(), "macros|unsupported"),
             ("扫描.pdf", scan.getvalue(), "over the limit")]
    before = client.get("/api/docs").json()
    answer = client.post("/api/ask", json={"question": "温州碳标签制度谁牵头？"}).json()["answer"]
    for name, data, why in cases:
        r = client.post("/api/docs", files={"file": (name, data, "application/octet-stream")},
                        headers={"X-Admin-Token": "s3cret"})
        assert r.status_code == 400, (name, r.status_code)
        detail = r.json()["detail"]
        assert "\n" not in detail and re.search(why, detail), (name, detail)
    r = client.post("/api/docs", files={"file": ("外部实体.docx", _docx_bytes(xxe), "application/octet-stream")},
                    headers={"X-Admin-Token": "s3cret"})
    if r.status_code == 200:  # read without resolving the entity
        assert "root:" not in client.get(f"/api/docs/{r.json()['ingested'][0]}/text").text
        client.delete(f"/api/docs/{r.json()['ingested'][0]}", headers={"X-Admin-Token": "s3cret"})
    assert client.get("/api/docs").json() == before
    assert client.get("/healthz").status_code == 200
    assert client.post("/api/ask", json={"question": "温州碳标签制度谁牵头？"}).json()["answer"] == answer
