"""JointLeadAnswerer: the rows led by as many departments as asked, over fake records and the corpus."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from ingest.types import Line, Record, Span, Unit
from rag.answerers.base import Ask
from rag.answerers.joint_lead import JointLeadAnswerer, asked_count
from rag.types import Query


def _unit(name: str) -> Unit:
    return Unit(name=name, key=name, level="省")


def _res(*records: Record) -> SimpleNamespace:
    lines = [Line(k, f"第{k}行") for k in range(1, 11)]
    return SimpleNamespace(records={r.id: r for r in records}, docs={}, chunk_of_record={}, chunks={},
                           store=SimpleNamespace(source_lines=lambda doc_id: lines))


def _ask(question: str, list_name: str = "", units: tuple[str, ...] = ()) -> Ask:
    return Ask(question, Query(text=question, content="", list_name=list_name, units=list(units)), ["d"])


ONE = Record(doc_id="d", list_name="政策清单", item_no="1", item_no_assigned=False, text="制定评分细则",
             lead_units=[_unit("省生态环境厅")], span=Span("d", 1, 1))
TWO = Record(doc_id="d", list_name="政策清单", item_no="2", item_no_assigned=False, text="出台气候投融资意见",
             lead_units=[_unit("省生态环境厅"), _unit("浙江省银保监局")], span=Span("d", 2, 2))
THREE = Record(doc_id="d", list_name="政策清单", item_no="3", item_no_assigned=False, text="制定达峰方案",
               lead_units=[_unit("省发展改革委"), _unit("省经信厅"), _unit("省科技厅")], span=Span("d", 3, 3))


@pytest.mark.parametrize("q,n", [("哪几项是两个单位一起牵头的？", 2), ("有几项是三个部门共同牵头的？", 3),
                                 ("哪些任务由多个部门联合牵头？", None), ("哪些是共同牵头的？", None),
                                 ("秸秆综合利用那条谁牵头？", 0), ("省生态环境厅牵头的有哪些？", 0)])
def test_the_count_of_lead_departments_asked(q, n):
    assert asked_count(q) == n


def test_rows_with_as_many_leads_as_asked_are_listed():
    with pytest.raises(ValueError):
        JointLeadAnswerer(_res(), max_rows=0)
    jl = JointLeadAnswerer(_res(ONE, TWO, THREE))
    assert jl.rows(_ask("哪几项是两个单位一起牵头的？")) == ([TWO], 2)
    assert jl.rows(_ask("哪些是多个部门共同牵头的？")) == ([TWO, THREE], None)
    assert jl.run(_ask("省经信厅和省科技厅共同牵头的有哪些？", units=("省经信厅", "省科技厅"))) is None  # the listing by unit's
    draft = jl.run(_ask("哪几项是两个单位一起牵头的？", "政策清单"))
    assert draft is not None and not draft.refused and draft.text.startswith("政策清单中由两个单位共同牵头的条目共1项")
    assert "出台气候投融资意见" in draft.text and "制定达峰方案" not in draft.text


def test_no_row_with_that_many_leads_is_said_so_not_guessed():
    draft = JointLeadAnswerer(_res(ONE, TWO)).run(_ask("哪几项是四个单位共同牵头的？"))
    assert draft is not None and draft.refused and "没有由四个单位共同牵头的条目" in draft.text


def test_over_the_corpus_the_province_policy_rows_two_units_lead(qa):
    # zj:1449 (row 8: 省生态环境厅、浙江省银保监局) and zj:1451 (row 9: 人行杭州中心支行、省地方金融监管局)
    ans = qa.answer("省方案政策清单中哪几项是两个单位一起牵头的？")
    assert not ans.refused and "共2项" in ans.answer
    assert [c.start_line for c in ans.citations] == [1449, 1451]


def test_a_list_of_who_answers_is_said_to_be_answered_for_not_led():
    # a 责任单位 column names no lead apart from who answers: the heading says 负责, not 牵头
    shared = Record(doc_id="d", list_name="协同能力清单", item_no="3", item_no_assigned=False, text="推进海洋塑料垃圾治理",
                    lead_units=[_unit("市生态环境局"), _unit("市发展改革委")], lead_label="责任单位", span=Span("d", 3, 3))
    draft = JointLeadAnswerer(_res(shared)).run(_ask("哪些是两个单位共同牵头的？", "协同能力清单"))
    assert draft is not None and draft.text.startswith("协同能力清单中由两个单位共同负责的条目共1项")
