"""Follow-ups pointing into the previous answer's numbered entries (rag/followups.py)."""
from __future__ import annotations

import pytest

from rag.followups import listing_pointed_into, with_entry_pointed_to

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


def test_a_pointer_after_a_pointer_points_into_the_same_listing():
    # "第二条讲什么？" was answered with the entry's paragraph (no numbered lines): "第一条呢？" points into
    # the listing before it, not at a sibling of a part named by its number
    answers = [OUTLINE, "根据…“（二）增强生态系统碳汇能力”部分：“…”[1]。"]
    questions = ["台州方案第七部分有哪几条？", "第二条讲什么？"]
    assert listing_pointed_into(questions, answers) == OUTLINE
    assert with_entry_pointed_to("第一条呢？", listing_pointed_into(questions, answers), questions) == (
        "《台州市减污降碳协同试点建设实施方案（征求意见稿）》（一）扩大优质生态产品供给讲了什么？")
    # a question of its own in between ends the pointing; so does a part named by its number
    assert listing_pointed_into(["…有哪几条？", "碳汇谁牵头？"], answers) == answers[-1]
    assert with_entry_pointed_to("第四部分呢？", OUTLINE, ["台州方案第三部分讲什么？"]) == "第四部分呢？"


def test_a_place_among_rows_listed_inline_is_their_number():
    from rag.followups import with_listed_row_pointed_to
    prev = "其下共2项：第22项“VOC源头替代完成比例”（2）、第23项“低效VOCs治理设施升级改造完成比例”（2）[1]。"
    assert with_listed_row_pointed_to("第二个的数据来源呢？", prev) == "第23项的数据来源呢？"
    assert with_listed_row_pointed_to("第三个呢？", prev) == "第三个呢？"  # only two listed
    assert with_listed_row_pointed_to("第一个呢？", "根据…第1项“甲”。") == "第一个呢？"  # no inline listing


LISTING = ("市农业农村局牵头的条目共3项：\n《甲方案》目标清单第16项“建成低碳生态农场”（牵头）[1]。\n"
           "《甲方案》目标清单第20项“垃圾分类全覆盖”（牵头）[2]。\n《甲方案》目标清单第23项“畜禽粪污利用”（牵头）[3]。")


@pytest.mark.parametrize(("question", "rewritten"), [
    ("最后一个的参与单位是谁？", "《甲方案》目标清单第23项的参与单位是谁？"),
    ("第二个的参与单位是谁？", "《甲方案》目标清单第20项的参与单位是谁？"),
    ("倒数第三个谁牵头？", "《甲方案》目标清单第16项谁牵头？"),
    ("第二项谁牵头？", "第二项谁牵头？"),  # (第N项 after rows one a line: the list's own row N)
    ("第四个呢？", "第四个呢？"),  # only three listed
])
def test_a_place_pointer_after_rows_listed_one_a_line_asks_that_row(question, rewritten):
    from rag.followups import with_listed_row_pointed_to
    assert with_listed_row_pointed_to(question, LISTING) == rewritten


def test_the_last_of_a_listing_is_answered_as_that_row(qa):
    answers = _turns(qa, "市农业农村局在温州目标清单里牵头哪些目标？", "最后一个的参与单位是谁？")
    assert "目标清单第23项" in answers[1].answer and "市自然资源和规划局" in answers[1].answer


def _turns(qa, *questions):
    history, answers = [], []
    for q in questions:
        a = qa.answer(q, history=list(history))
        answers.append(a)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.answer}]
    return answers


def test_what_else_the_unit_just_named_leads(qa):
    # wz:474-495: 市电力局 leads task rows 35 and 38; "它" is the one lead the last answer gave
    first, other = _turns(qa, "温州任务清单第35项是谁牵头？", "它还牵头了哪项？")
    assert "牵头单位为市电力局" in first.answer
    assert "市电力局牵头的条目共2项" in other.answer and "任务清单第38项“探索建立碳标签制度" in other.answer


def test_a_units_role_within_the_row_just_answered(qa):
    # zj:656-659: 目标清单第12项 is led by 省交通运输厅; 省生态环境厅 is among its participants — it was refused
    # ("还是" sought as an item)
    _, role = _turns(qa, "省目标清单里老旧营运货车淘汰那项谁牵头？", "省生态环境厅在这项里是牵头还是参与？")
    assert not role.refused and "目标清单第12项" in role.answer
    assert "参与单位为省公安厅、省生态环境厅、省商务厅" in role.answer


def test_another_regions_counterpart_is_the_region_switched_to(qa):
    # wz:125 温州目标清单第7项 (风电、光伏 500万千瓦以上); the province's row 7 (zj:622) states 3400万千瓦以上 — it
    # was refused ("对应的目标" sought as an item)
    _, other = _turns(qa, "温州目标清单第7项是什么？", "省里对应的目标是多少？")
    assert not other.refused and "3400万千瓦以上" in other.answer and "目标清单第7项" in other.answer


def test_the_rows_just_answered_together_are_pointed_at():
    from rag.followups import with_rows_pointed_to
    prev = "（1）…\n根据《甲》目标清单第3项“…”：…\n（2）…\n根据《甲》目标清单第7项“…”：…"
    assert with_rows_pointed_to("这两项的完成时限各是哪年？", prev) == "《甲》目标清单第3项和第7项的完成时限各是哪年？"
    assert with_rows_pointed_to("这两项谁牵头？", prev) == "《甲》目标清单第3项和第7项谁牵头？"
    assert with_rows_pointed_to("这三项呢？", prev) == "这三项呢？"  # two rows answered, three pointed at
    assert with_rows_pointed_to("这两项呢？", "根据《甲》目标清单第3项“…”") == "这两项呢？"
    three = prev + "\n根据《乙》任务清单第5项“…”"
    assert with_rows_pointed_to("这几项呢？", three) == "《甲》目标清单第3项、《甲》目标清单第7项和《乙》任务清单第5项呢？"


def test_two_rows_then_their_deadlines(qa):
    # zj:588 and zj:621-626 (目标清单第3项, 第7项), their list's note zj:772: 2025
    answers = _turns(qa, "省目标清单第3项和第7项谁牵头？", "这两项的完成时限各是哪年？")
    assert not answers[1].refused and answers[1].answer.count("2025年") >= 2
    assert "目标清单第3项" in answers[1].answer and "目标清单第7项" in answers[1].answer


def test_a_row_asked_by_number_then_another_place_asks_the_indicator_it_states(qa):
    # wz:194-197 温州目标清单第21项 "一般工业固体废物综合利用率达到98%以上"; the province states it in its 第23项
    # (zj:712-716), not its 第21项 (用水总量, zj:688)
    answers = _turns(qa, "温州目标清单第21项是什么？", "省里呢？")
    assert "目标清单第23项" in answers[1].answer and "目标清单第21项" not in answers[1].answer
    # zj:740-741 省目标清单第29项 "全省森林覆盖率达到61.5%…"; 台州 has no 目标清单, its prose says it (tz:77)
    answers = _turns(qa, "省目标清单第29项是什么？", "台州方案里这个指标是多少？")
    assert not answers[1].refused and {c.doc_id for c in answers[1].citations} == {"tz-pilot"}


def test_a_unit_of_the_last_row_asked_what_else_it_joins_looks_past_that_list(qa):
    # wz:556-558 政策清单第2项 has 7 leads, 市科技局 among them; it joins 任务清单第4项 (wz:277-280), no 政策清单 row
    answers = _turns(qa, "温州政策清单里哪项的牵头单位最多？", "其中市科技局还参与了哪项任务？")
    assert answers[1].answer.startswith("政策清单中没有市科技局参与的条目；其他清单中")
    assert "任务清单第4项" in answers[1].answer


def test_the_two_leads_of_a_row_pointed_at_together(qa):
    # zj:1449 政策清单第8项 led by 省生态环境厅 and 浙江省银保监局: "这两个单位" names both, asked jointly
    answers = _turns(qa, "省政策清单第8项谁牵头？", "这两个单位还一起牵头了哪项任务？")
    assert answers[1].answer.startswith("省生态环境厅、浙江省银保监局共同牵头的条目")
