"""``policy-qa ask``: JSON contract, batch order, readable text."""
import json

import pytest

from app.cli import main


@pytest.fixture
def cli_env(corpus_index, monkeypatch):
    from tests.conftest import FakeEmbedder

    monkeypatch.setenv("POLICY_QA_HOME", str(corpus_index.home))
    monkeypatch.setattr("rag.resources.make_embedder", lambda settings: FakeEmbedder())
    return corpus_index


def test_ask_json_prints_the_contract(cli_env, capsys):
    assert main(["ask", "温州碳标签制度谁牵头？", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert list(d) == ["question", "answer", "refused", "citations", "records"]
    assert d["refused"] is False and "市电力局" in d["answer"]
    assert d["citations"][0]["locator"].startswith("第") and d["citations"][0]["doc_id"] == "wz-plan"


def test_batch_answers_in_order_one_object_per_line(cli_env, capsys, tmp_path):
    qs = ["温州碳标签制度谁牵头？", "宁波的减污降碳目标是什么？", "省里政策清单一共几项？"]
    f = tmp_path / "q.txt"
    f.write_text("\n".join(qs) + "\n\n", encoding="utf-8")
    assert main(["ask", "--batch", str(f), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    objs = [json.loads(x) for x in lines]
    assert [o["question"] for o in objs] == qs
    assert [o["refused"] for o in objs] == [False, True, False]


def test_text_output_numbers_sources(cli_env, capsys):
    assert main(["ask", "温州低碳生态农场要建多少家？"]) == 0
    out = capsys.readouterr().out
    assert "80家" in out and "来源：" in out and "[1] 《温州市减污降碳协同增效实施方案》" in out


def test_ask_without_index_says_how_to_fix(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POLICY_QA_HOME", str(tmp_path / "empty"))
    assert main(["ask", "问题"]) == 2
    assert "policy-qa ingest" in capsys.readouterr().err
