"""Splitting a question that asks several things."""
from __future__ import annotations

import pytest

from rag.parts import JOIN_STRONG, split_parts


def test_several_questions_in_one_message():
    assert split_parts("一般工业固废综合利用率省里目标多少？台州呢？") == ["一般工业固废综合利用率省里目标多少？", "台州呢？"]


def test_several_years_become_one_part_each():
    assert split_parts("温州非化石能源占比2025年和2030年目标分别是多少？") == [
        "温州非化石能源占比2025年目标是多少？", "温州非化石能源占比2030年目标是多少？"]


def test_several_items_asked_with_fenbie_keep_the_region():
    assert split_parts("省里城市污水处理率和农村生活污水治理行政村覆盖率目标分别是多少？", ["省里"]) == [
        "省里城市污水处理率是多少？", "省里农村生活污水治理行政村覆盖率目标是多少？"]


def test_a_dun_inside_one_item_name_does_not_split_it():
    parts = split_parts("省里溶剂型工业涂料、油墨使用比例和溶剂型胶粘剂使用量分别降多少？", ["省里"])
    assert parts == ["省里溶剂型工业涂料、油墨使用比例降多少？", "省里溶剂型胶粘剂使用量降多少？"]


def test_the_field_of_each_item_keeps_its_words_and_the_list_named():
    # "参与单位" is no "参" joined by 与 to "单位"; a three-character item with the field after it is an item; the
    # items' count ("两项") is no item word; the list named before the items is each part's list
    assert split_parts("温州目标清单里森林覆盖率和红树林两项的参与单位分别是？", ["温州"]) == [
        "温州目标清单里森林覆盖率的参与单位是？", "温州目标清单里红树林的参与单位是？"]
    assert [JOIN_STRONG.split(w) for w in ("参与单位", "涉及VOCs", "普及")] == [["参与单位"], ["涉及VOCs"], ["普及"]]


def test_both_rows_of_a_split_are_answered_with_their_participants(qa):
    # wz:225-232: 目标清单第27项 (森林覆盖率; participant 市水利局) and 第28项 (红树林; 市发展改革委、市生态环境局、市水利局);
    # it was refused ("森林覆盖率红树林两项" sought as one item)
    ans = qa.answer("温州目标清单里森林覆盖率和红树林两项的参与单位分别是？")
    assert not ans.refused and "目标清单第27项" in ans.answer and "目标清单第28项" in ans.answer
    assert "参与单位为市发展改革委、市生态环境局、市水利局" in ans.answer and "附表1" not in ans.answer


@pytest.mark.parametrize("question", ["秸秆综合利用那条谁牵头？", "畜禽粪污资源化利用和无害化处理率是多少？",
                                      "风电和光伏分别多少？"])
def test_one_thing_asked_is_one_part(question):
    assert split_parts(question) == [question]


def test_bad_input():
    with pytest.raises(TypeError):
        split_parts(None)  # type: ignore[arg-type]


def test_a_field_after_the_last_item_is_asked_of_each():
    assert split_parts("城市资源再生利用项目和异位修复中心建设的实施期限分别是？") == [
        "城市资源再生利用项目的实施期限是？", "异位修复中心建设的实施期限是？"]
    # a short word after 的 in an item's own name is no field ("X的Y" too short before it)
    assert split_parts("规划的期限和基准年分别是什么？") == ["规划的期限是什么？", "规划的基准年是什么？"]


def test_a_later_item_naming_only_a_value_column_asks_it_of_the_first_indicator():
    assert split_parts("温州蓝湾指数现状和2025年规划值分别是多少？", ["温州"])[1] == "温州蓝湾指数2025年规划值是多少？"
    # two indicators, each named whole, stay as they are
    assert split_parts("绿色贷款余额占比现状和森林覆盖率现状分别是多少？")[1] == "森林覆盖率现状是多少？"


def test_a_topic_only_part_referred_to_by_a_pronoun_joins_the_next_part():
    assert split_parts("陈应许呢？6月30日他参加了什么？") == ["6月30日陈应许参加了什么？"]
    assert split_parts("台州呢？规划期限是多少？") == ["台州呢？", "规划期限是多少？"]  # no pronoun: two parts


def test_levels_of_one_indicator_s_standard_each_keep_the_indicator_and_the_column():
    assert split_parts("城镇新建绿色建筑比例省级和国家级创建参照值分别是多少？") == [
        "城镇新建绿色建筑比例省级创建参照值是多少？", "城镇新建绿色建筑比例国家级创建参照值是多少？"]
    # an indicator whose name holds 的 is no owner of two fields: the column goes to each level
    assert split_parts("生态文明建设工作占党政实绩考核的比例，省级和国家级参照值分别是多少？") == [
        "生态文明建设工作占党政实绩考核的比例，省级参照值是多少？", "生态文明建设工作占党政实绩考核的比例，国家级参照值是多少？"]
    # levels that are the items' own words (two kinds of park) are two items, split as before
    assert split_parts("省级园区和国家级园区分别有多少个？") == ["省级园区有多少个？", "国家级园区有多少个？"]


def test_people_named_are_items_however_short():
    assert split_parts("程鸿伟和苏志炜分别被免去什么职务？", people=["程鸿伟", "苏志炜"]) == [
        "程鸿伟被免去什么职务？", "苏志炜被免去什么职务？"]
    assert split_parts("程鸿伟和苏志炜分别被免去什么职务？") == ["程鸿伟和苏志炜分别被免去什么职务？"]  # short words otherwise


def test_two_fields_of_one_owner_are_two_parts_without_fenbie():
    assert split_parts("温州规划的规划期限和基准年？") == ["温州规划的规划期限？", "温州规划的基准年？"]
    assert split_parts("秸秆综合利用那条的牵头单位和参与单位？") == [
        "秸秆综合利用那条的牵头单位？", "秸秆综合利用那条的参与单位？"]  # 与 in 参与 joins nothing
    # a short first word before a long second one shares its tail: one item
    assert split_parts("省里的风电和光伏装机目标是多少？") == ["省里的风电和光伏装机目标是多少？"]
    assert split_parts("水环境治理和温室气体减排协同是什么？") == ["水环境治理和温室气体减排协同是什么？"]  # no owner


def test_two_number_questions_joined_by_a_comma_are_two_parts_sharing_the_subject():
    assert split_parts("温州要整治修复多少个沙滩、保护修复多少红树林湿地？") == [
        "温州要整治修复多少个沙滩？", "温州要保护修复多少红树林湿地？"]
    # one item's fields ("谁牵头、谁参与") and one item's name ("涂料、油墨") stay one question
    assert split_parts("省里铁路货运量占比那条谁牵头、谁参与？") == ["省里铁路货运量占比那条谁牵头、谁参与？"]
    assert split_parts("涂料、油墨要削减多少？") == ["涂料、油墨要削减多少？"]


def test_a_second_question_opening_with_its_own_region_is_its_own_part():
    regions = ["台州", "省"]
    assert split_parts("台州活性炭再生工程谁牵头，省里活性炭再生处置规模目标多少？", regions) == [
        "台州活性炭再生工程谁牵头？", "省里活性炭再生处置规模目标多少？"]
    assert split_parts("台州温室气体监测功能站谁建，那省里自愿减排交易试点谁牵头？", regions)[1] == "省里自愿减排交易试点谁牵头？"
    # a region alone after the comma follows the first question; a second field of one item stays with it
    assert split_parts("秸秆综合利用谁牵头，台州呢？", regions) == ["秸秆综合利用谁牵头，台州呢？"]
    assert split_parts("台州秸秆综合利用谁牵头，什么时候完成？", regions) == ["台州秸秆综合利用谁牵头，什么时候完成？"]


def test_a_subject_in_places_joined_with_a_field_after_them_is_each_places():
    # the subject before 在 and the field after 里 belong to both places, not to the first and last alone
    assert split_parts("PM2.5浓度在省协同指数和台州协同指数里权重分别是多少？", regions=["省", "台州"]) == [
        "PM2.5浓度在省协同指数里权重是多少？", "PM2.5浓度在台州协同指数里权重是多少？"]


def test_three_rows_joined_are_a_part_each():
    assert split_parts("目标清单第16项、第20项和第23项有哪些参与单位？") == [
        "目标清单第16项有哪些参与单位？", "目标清单第20项有哪些参与单位？", "目标清单第23项有哪些参与单位？"]


def test_rows_of_two_lists_each_named_with_its_list_are_a_part_each():
    assert split_parts("温州目标清单第25项和省目标清单第27项的目标有什么不同？") == [
        "温州目标清单第25项的目标有什么不同？", "省目标清单第27项的目标有什么不同？"]
