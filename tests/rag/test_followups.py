"""Follow-ups pointing into the previous answer's numbered entries (rag/followups.py)."""
from __future__ import annotations

import pytest

from rag.followups import with_entry_pointed_to

OUTLINE = ("根据《台州市减污降碳协同试点建设实施方案（征求意见稿）》“七、推进生态系统保护修复，巩固提升碳汇能力”[1]部分，共3项：\n"
           "1. （一）扩大优质生态产品供给[2]\n2. （二）增强生态系统碳汇能力[3]\n3. （三）加强生态保护修复监管[4]")


@pytest.mark.parametrize("question,entry", [
    ("里面第一条是什么？", "（一）扩大优质生态产品供给"),
    ("第2个呢？", "（二）增强生态系统碳汇能力"),
    ("其中第三项讲的啥", "（三）加强生态保护修复监管"),
])
def test_the_entry_pointed_to_is_asked_in_the_answer_s_document(question, entry):
    assert with_entry_pointed_to(question, OUTLINE) == f"《台州市减污降碳协同试点建设实施方案（征求意见稿）》{entry}讲了什么？"


def test_other_questions_and_answers_without_such_entries_go_on_unchanged():
    assert with_entry_pointed_to("第3项谁牵头？", OUTLINE) == "第3项谁牵头？"  # words of its own: a row's field
    assert with_entry_pointed_to("第四条呢？", OUTLINE) == "第四条呢？"  # no fourth entry
    assert with_entry_pointed_to("第一条是什么？", "根据《温州市减污降碳协同增效实施方案》…：目标值：13%[1]。") == "第一条是什么？"
    rows = "共2项：\n1. 《温州市减污降碳协同增效实施方案》目标清单第3项“…”[1]\n2. 《台州市…》协同管理清单第9项“…”[2]"
    assert with_entry_pointed_to("第一条呢？", rows) == "第一条呢？"  # rows of several documents
    with pytest.raises(TypeError):
        with_entry_pointed_to(None, OUTLINE)  # type: ignore[arg-type]
