"""Version changes: a corpus document and an edited copy of it (征求意见稿 → 正式稿)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api import create_api
from app.changes import change_rows, similar_title
from app.service import Service

ROOT = Path(__file__).resolve().parents[2]


def edited_copy(dst: Path) -> Path:
    lines = (ROOT / "corpus" / "taizhou_jwjt_pilot_draft.txt").read_text(encoding="utf-8").split("\n")
    lines[4] = ""  # "(征求意见稿)" dropped: the final version
    lines[145] = lines[145].replace("市发展改革委、三门县政府", "市发展改革委、市生态环境局、三门县政府")  # row 2: lead
    lines[185] = lines[185].replace("1000 家", "1200 家")  # row 34: target
    del lines[187]  # row 36 removed
    i = next(k for k, ln in enumerate(lines) if "6、建立温室气体监测功能站" in ln)
    lines.insert(i + 1, "\t7、建立碳排放监测预警平台。\t市生态环境局")  # a new row in 协同能力清单
    dst.write_text("\n".join(lines), encoding="utf-8")
    return dst


@pytest.fixture(scope="module")
def versioned(corpus_index, tmp_path_factory):
    from tests.conftest import FakeEmbedder

    home = tmp_path_factory.mktemp("versions_home")
    shutil.copytree(corpus_index.home, home, dirs_exist_ok=True)
    settings = corpus_index.with_(home=home, admin_token="t0k")
    svc = Service(settings, embedder=FakeEmbedder())
    src = edited_copy(tmp_path_factory.mktemp("src") / "台州市减污降碳协同试点建设实施方案.txt")
    svc.upload(src, src.name, "t0k")
    new_id = next(d["id"] for d in svc.docs() if d["id"] not in {"zj-plan", "zj-note", "wz-plan", "tz-pilot", "wz-gazette-2023-06"})
    return svc, new_id


def test_titles_of_versions():
    assert similar_title("台州市减污降碳协同试点建设实施方案（征求意见稿）", "台州市减污降碳协同试点建设实施方案")
    assert not similar_title("温州市减污降碳协同增效实施方案", "台州市减污降碳协同试点建设实施方案")


def test_the_new_version_is_found_and_its_changes_listed_field_by_field(versioned):
    svc, new = versioned
    assert {"old": "tz-pilot", "new": new} in [{k: v[k] for k in ("old", "new")} for v in svc.versions()]
    res = svc.changes("tz-pilot", new)
    changed = {(c["new"]["list"], c["new"]["item_no"]): {f["field"]: (f["old"], f["new"]) for f in c["fields"]}
               for c in res["changed"]}
    assert changed[("协同治理清单", "2")]["lead"] == ("市发展改革委、三门县政府", "市发展改革委、市生态环境局、三门县政府")
    assert "1200" in changed[("协同治理清单", "34")]["targets"][1] and "1000" in changed[("协同治理清单", "34")]["targets"][0]
    assert [r["item_no"] for r in res["removed"]] == ["36"] and "活性炭再生工程" in res["removed"][0]["text"]
    assert [a["text"] for a in res["added"]] == ["建立碳排放监测预警平台。"]
    assert res["unchanged"] > 140
    for c in res["changed"]:
        assert c["old"]["doc_id"] == "tz-pilot" and c["new"]["doc_id"] == new and c["old"]["locator"] and c["new"]["locator"]
    flat = change_rows(res)
    assert {r["change"] for r in flat} == {"新增", "删除", "修改"}


def test_changes_api_json_xlsx_and_bad_ids(versioned):
    import io

    import openpyxl

    svc, new = versioned
    client = TestClient(create_api(svc))
    r = client.get(f"/api/docs/tz-pilot/changes/{new}")
    assert r.status_code == 200 and r.json()["removed"][0]["item_no"] == "36"
    x = client.get(f"/api/docs/tz-pilot/changes/{new}", params={"format": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(x.content))
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert "旧版本" in cells and "建立碳排放监测预警平台。" in cells
    assert client.get(f"/api/docs/nope/changes/{new}").status_code == 404
    assert client.get("/api/docs/tz-pilot/changes/tz-pilot").status_code == 400
    assert client.get("/api/versions").json()[0]["old"] == "tz-pilot"


def test_changes_view_lists_each_change_in_both_versions(versioned):
    from app.compare_view import changes_html

    svc, new = versioned
    html_ = changes_html(svc.changes("tz-pilot", new))
    assert "新增 1 项，删除 1 项" in html_ and "市发展改革委、市生态环境局、三门县政府" in html_
    assert html_.count('class="differ"') >= 2


def test_answers_come_from_the_newest_version_and_say_so(versioned):
    svc, new = versioned
    ans = svc.ask("台州1000家低效VOCs治理设施改造升级由谁负责？")  # the final version says 1200
    assert {c.doc_id for c in ans.citations} == {new} and "新版本" in ans.answer
    old = svc.ask("台州征求意见稿里低效VOCs治理设施改造升级目标多少家？")
    assert "tz-pilot" in {c.doc_id for c in old.citations}
