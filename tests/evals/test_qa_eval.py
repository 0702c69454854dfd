"""The answer chain meets the required accuracy, citation precision and refusal P/R on the QA sets
(generated from the gold rows and hand-written), with the fake embedder for the dense part."""
import pytest

from evals.qa_eval import REQUIRED, evaluate, score_item
from evals.qa_sets import all_sets, handwritten
from rag.types import Answer, Citation, Fact


@pytest.fixture(scope="module")
def result(qa):
    return evaluate(qa, all_sets(), with_retrieval=False)


def test_sets_are_large_and_varied():
    items = all_sets()
    cats = {i.category for i in items}
    assert {"lead", "participants", "deadline", "target", "weight", "data_source", "compare", "count",
            "doc_fact", "followup", "refusal"} <= cats
    assert sum(1 for i in handwritten() if i.expect.get("refuse")) >= 30
    assert len(items) > 1000


def test_required_scores(result):
    t = result["totals"]
    for k, v in REQUIRED.items():
        assert t[k] >= v, (k, t[k], [f["question"] for f in result["failures"][:10]])


def test_scoring_catches_a_wrong_department_and_an_unsupported_value():
    from evals.qa_sets import QAItem

    item = QAItem("x", "lead", "q", expect={"facts": [{"doc_id": "d", "field": "lead", "value": ["省建设厅"]}]})
    wrong = Answer("q", "a", False, [Citation(1, "d", "T", "s", "第1行", "省生态环境厅")],
                   facts=[Fact("d", "目标清单", "1", "lead", ["省生态环境厅"], 1)])
    row = score_item(item, wrong)
    assert not row["correct"] and row["supported_values"] == 1
    unsupported = Answer("q", "a", False, [Citation(1, "d", "T", "s", "第1行", "省经信厅")],
                         facts=[Fact("d", "目标清单", "1", "lead", ["省建设厅"], 1)])
    row = score_item(item, unsupported)
    assert row["correct"] and row["cited_values"] == 1 and row["supported_values"] == 0
    refused = Answer("q", "文件中未找到", True)
    assert not score_item(item, refused)["correct"]


def test_heldout_files_are_frozen_once_scored(tmp_path):
    """Editing a scored held-out file fails loudly instead of quietly improving its score."""
    import shutil

    import pytest

    from evals.qa_sets import HELDOUT_DIR, HeldoutEdited, frozen_status

    assert frozen_status()  # the committed files match their recorded hashes
    copy = tmp_path / "h"
    shutil.copytree(HELDOUT_DIR, copy)
    f = copy / "heldout.jsonl"
    f.write_text(f.read_text(encoding="utf-8").replace("？", "?", 1), encoding="utf-8")
    with pytest.raises(HeldoutEdited):
        frozen_status(copy)
    (copy / "new.jsonl").write_text("", encoding="utf-8")
    f.write_text((HELDOUT_DIR / "heldout.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(HeldoutEdited, match="new.jsonl"):
        frozen_status(copy)  # a new file must be recorded when it is first scored
