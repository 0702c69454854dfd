"""A unit's role in one row asked as a verdict ("X是牵头还是参与？", "是否由X牵头？") is said first."""
import pytest

from ingest.types import Record, Unit
from rag.role_verdict import RoleVerdict


def _row(lead_label: str = "牵头单位") -> Record:
    return Record(doc_id="d", list_name="目标清单", item_no="12", item_no_assigned=False, text="…",
                  lead_units=[Unit("省交通运输厅", "省交通运输厅", "省")], lead_label=lead_label,
                  participant_units=[Unit("省经信厅", "省经济和信息化厅", "省")])


@pytest.mark.parametrize("question", ["省目标清单第12项中省生态环境厅是牵头还是参与？", "市经信局是参与单位吗？",
                                      "省任务清单第11项是否由省生态环境厅牵头？", "第4项是市发改委牵头的吗？",
                                      "市发改委是责任单位吗？", "第17项是不是省农业农村厅牵头的？"])
def test_a_verdict_asked(question):
    assert RoleVerdict.asked(question)


@pytest.mark.parametrize("question", ["省目标清单第12项谁牵头？", "参与单位有哪些？", "市发改委牵头了哪些？"])
def test_the_column_asked_is_no_verdict(question):
    assert not RoleVerdict.asked(question)


def test_each_unit_is_said_by_the_column_that_lists_it_as_the_row_writes_it():
    v = RoleVerdict().run(_row(), {"省经济和信息化厅": "省经信厅", "省交通运输厅": "省交通运输厅", "省财政厅": "省财政厅"})
    assert v.roles == {"省经济和信息化厅": "participant", "省交通运输厅": "lead", "省财政厅": "none"}
    assert v.sentence == ("省经信厅是该项的参与单位，不是牵头单位；省交通运输厅是该项的牵头单位；"
                          "该项的牵头单位和参与单位中未列出所问的单位。")
    assert "责任单位" in RoleVerdict().run(_row("责任单位"), {"省交通运输厅": "x"}).sentence
    with pytest.raises(TypeError):
        RoleVerdict().run(_row(), ["省交通运输厅"])  # type: ignore[arg-type]


def test_a_unit_no_column_names_is_not_said_missing_where_a_cell_holds_words():
    # (wz:94-97 目标清单第1项: 参与单位 "市直相关单位" — a unit asked may stand under it)
    row = _row()
    row.participant_units = [Unit("市直相关单位", "市直相关单位", "市")]
    v = RoleVerdict().run(row, {"省财政厅": "省财政厅"})
    assert v.sentence == "该项的牵头单位和参与单位中未列出所问的单位（另写有“市直相关单位”）。"
    row.participant_units, row.lead_units, row.lead_note = [], [], "待国家分工明确后确定"
    assert RoleVerdict().run(row, {"省财政厅": "x"}).sentence.endswith("（另写有“待国家分工明确后确定”）。")


def test_the_chain_says_the_verdict_before_the_row(qa):
    # zj:656-659: 第12项 lead 省交通运输厅, participants 省公安厅、省生态环境厅、省商务厅
    ans = qa.answer("省生态环境厅在省目标清单第12项里是牵头吗？")
    assert ans.answer.startswith("省生态环境厅是该项的参与单位，不是牵头单位。")
    assert "温州" not in ans.answer  # (省 before the list names the province's list)
    # zj:954-958: 第11项 led by 省农业农村厅 alone
    ans = qa.answer("省任务清单第11项是否由省生态环境厅牵头？")
    assert ans.answer.startswith("该项的牵头单位和参与单位中未列出所问的单位。") and "省农业农村厅" in ans.answer
