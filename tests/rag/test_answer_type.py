"""The kind of value a question asks for, and the question words that are no item words."""
from __future__ import annotations

import pytest

from rag.answer_type import QUESTION_CHARS, WHICH_HIGHER, asks_a_count, class_verb, expected_type, person_names, satisfies, with_day_pointed_to


@pytest.mark.parametrize("question,kind", [
    ("台州城区再生水利用率到2025年达到多少？", "number"),
    ("温州市区声环境功能区划分为几类区？", "number"),
    ("《温州市支持新能源汽车产业发展及推广应用若干政策措施》文号是多少？", "what"),
    ("温州市生态文明建设规划的规划期限是多少年？", "time"),
    ("生态环境部什么时候复函同意？", "time"),
    ("省生态环境厅组织哪些单位成立了编制工作组？", "who"),
    ("台州到2025年要建成哪几个美丽海湾？", "name"),
    ("台州对秸秆有什么要求？", "what"),
    ("哪位副市长参加了少先队员代表大会？", "who"),
    ("要实现几大行业碳评价全覆盖？", "fields"),  # 几大: a count ("9 大重点行业")
    ("台州协同指数里森林覆盖率占几分？", "score"),  # an index score, not a percent
    ("低碳生活践行的分值是多少？", "score"),
    ("地表水达标比例提高百分之几？", "number"),
])
def test_expected_type(question, kind):
    assert expected_type(question) == kind


def test_a_year_is_not_a_quantity_but_a_count_with_its_unit_is():
    assert not satisfies("number", "温州市区声环境功能区划分方案（2023年）的通知")
    assert satisfies("number", "实现9大重点行业建设项目碳排放评价全覆盖")
    assert satisfies("number", "“绿色家庭”600户,")  # households (gz:1046)
    assert satisfies("number", "保护修复红树林湿地不少于400公顷。")  # an area in hectares (gz:746)
    assert satisfies("number", "昼间55分贝") and satisfies("number", "一次性消费品人均使用量12千克")
    assert satisfies("number", "全面开展“13+X”个重点行业整治提升工作")  # a count written as a quoted formula (tz:29)
    assert not satisfies("number", "推进汽车、医化、船舶等“5+N”传统产业创新提升")  # … which names, not counts, without a counting word
    # a count of fields in Chinese numerals (gz:842), not "一大" ("a big …")
    assert expected_type("温州围绕几大领域实施新品种选育重大科技专项？") == "fields"
    assert satisfies("fields", "围绕五大领域实施新品种选育重大科技专项") and not satisfies("fields", "打造一大批精品")
    assert not satisfies("number", "绿色商场等十大绿色示范行动。")  # … a count of fields is no target value
    # a share is a number asked ("多少县（市）": "1/3以上的县（市）", "三分之一"); a date or a range of
    # years written with slashes is not
    assert satisfies("number", "到2022年全市1/3以上的县（市）成为国家森林城市，") and satisfies("number", "约三分之一的县")
    assert not satisfies("number", "2020/2021年度") and not satisfies("number", "到2022年全市县（市）成为国家森林城市")
    assert satisfies("time", "规划期限为2021—2030年") and not satisfies("time", "推进节水")
    assert satisfies("name", "任何文字")


def test_question_words_leave_no_residue_in_the_item_words():
    assert QUESTION_CHARS.sub("", "基准哪一年") == "基准"
    assert QUESTION_CHARS.sub("", "创建几个协同试点") == "创建协同试点"
    assert QUESTION_CHARS.sub("", "联动建设五大临港产业城是") == "联动建设五大临港产业城"
    assert QUESTION_CHARS.sub("", "地方石化行业") == "石化行业"
    assert QUESTION_CHARS.sub("", "哪位副市长参加") == "副市长参加"


def test_a_month_the_question_names_must_be_the_month_the_sentence_or_its_heading_speaks_of(qa):
    from rag.answer_type import named_months

    assert named_months("温州6月份的地区生产总值是多少？") == ["6月"] and named_months("每年几月？") == []
    # no sentence speaks of June's GDP: the 单位GDP用水量 goal of 2025 does not answer it
    assert qa.answer("温州6月份的地区生产总值是多少？").refused


def test_a_score_is_stated_only_by_a_number_of_points():
    assert satisfies("score", "9.低碳生活践行(3)，生活垃圾分类处理比例3分")
    assert not satisfies("score", "到2025年，全市森林覆盖率达到61.5%。")
    assert not satisfies("score", "力争三分之一的县（市、区）建成")


def test_money_asked_is_a_unit_the_answer_must_state():
    from rag.answer_type import asked_unit
    assert asked_unit("省里对建成清新园区的企业奖励多少钱？") == "元"
    assert asked_unit("补贴多少？") == "元" and asked_unit("达到多少？") == ""
    assert asked_unit("温州活性炭集中再生中心总投资多少？") == "元" and asked_unit("投资额是多少？") == "元"
    assert asked_unit("投资项目有多少个？") == ""  # (投资 naming the item, not the quantity asked)


def test_a_target_for_a_year_does_not_state_the_current_value():
    from rag.answer_type import states_target_only
    assert states_target_only("城区再生水利用率现状是多少？", "到2025年，城区再生水利用率达到35%。")
    assert not states_target_only("城区再生水利用率现状是多少？", "全市已建成森林康养基地53处")
    assert not states_target_only("城区再生水利用率是多少？", "到2025年，城区再生水利用率达到35%。")


def test_a_count_of_kinds_is_a_number():
    assert satisfies("number", "现有国家一级重点保护野生动物植物56种，")
    assert not satisfies("number", "国家一级重点保护野生动物植物")


def test_people_are_named_by_post_or_by_a_personnel_notice():
    texts = ["△ 市长张振丰，市委常委、副市长李无文参加市委常委会会议。", "王云师任温州市住房公积金管理中心副主任；",
             "免去池晓荣的指挥长职务；", "上级任务分解落实。"]
    assert person_names(texts) == {"张振丰", "李无文", "王云师", "池晓荣"}


def test_a_day_pointed_back_to_is_the_date_an_earlier_question_names():
    earlier = ["6月9日谁参加了全省现代社区建设工作推进会？", "谁主持的？"]
    assert with_day_pointed_to("杨胜杰那天参加了什么？", earlier) == "杨胜杰6月9日参加了什么？"
    assert with_day_pointed_to("杨胜杰参加了什么？", earlier) == "杨胜杰参加了什么？"


@pytest.mark.parametrize("q, claim", [("会议是6月6日开的吧？", True), ("程鸿伟被任命为副局长了吗？", True),
                                      ("这样理解对吗？", True), ("会议是哪天开的？", False), ("吧台在哪？", False)])
def test_a_confirmation_asked(q, claim):
    from rag.answer_type import CONFIRMATION
    assert bool(CONFIRMATION.search(q)) is claim


def test_asking_what_something_targets_names_no_item_word():
    # "“三清零”是针对哪些对象": 针对…对象 asks the target (gz:1002 writes "…城中村和…工业企业搬迁“三清零”")
    assert QUESTION_CHARS.sub("", "中心城区三清零是针对哪些对象") == "中心城区三清零"



def test_a_count_of_places_is_a_number_and_findall_gives_whole_values():
    from rag.answer_type import NUMBER_VALUE

    # every alternative of NUMBER_VALUE is non-capturing: the chain compares findall()'s whole values
    assert NUMBER_VALUE.findall("涵盖龙港市等在内的1市10镇，淘汰60%的柴油货车") == ["1市", "10镇", "60%"]
    assert NUMBER_VALUE.findall("碳排放\t3\t市统计局") == []  # a weight cell beside a department


def test_a_count_stated_with_the_thing_counted_or_after_the_verb_asked():
    from rag.answer_type import states_count_asked

    s = "瑞安市区、乐清市区、永嘉县城等在内的75个街镇，构建温州1小时都市圈，强化城区间的交通联系。"
    assert states_count_asked(s, "温州1小时都市圈包括多少个街镇？")
    assert not states_count_asked(s, "温州1小时都市圈包括多少条线路？")
    assert not states_count_asked("完成国家下达的控制目标，非化石能源占比达到24%。", "国家下达的控制目标是多少？")


def test_a_count_of_people_asked_needs_a_sentence_stating_one():
    from rag.answer_type import states_headcount_asked
    assert not states_headcount_asked("温州市新闻传媒中心有多少工作人员？", "推进“四大振兴”的浓墨重彩")
    assert states_headcount_asked("有几名干部参加？", "共有12名干部参加。")
    assert not states_headcount_asked("多少人参加？", "温州市人民政府")  # (人民 is no count of people)
    assert states_headcount_asked("投资多少？", "落实三个“一号工程”")  # no count of people asked


def test_a_count_of_things_is_told_from_a_rate_or_its_change():
    assert asks_a_count("近期重点工程里垃圾分类工程有几个？") and asks_a_count("建成多少家绿色工厂")
    assert not asks_a_count("提高多少个百分点？") and not asks_a_count("覆盖率是多少？")


def test_class_verb_is_the_act_done_with_the_class_asked():
    assert class_verb("温州利用哪些节日开展减污降碳宣传教育？") == "利用"
    assert class_verb("推广哪种模式？") == "推广" and class_verb("哪些节日？") == ""  # nothing before it


def test_which_higher_is_a_comparison_at_the_clause_end_only():
    assert WHICH_HIGHER.search("一般工业固废综合利用率省里和台州哪个目标更高？").group(0) == "哪个目标更高"
    assert WHICH_HIGHER.search("温州要打通哪个大堤的潮汐通道？") is None  # the 大 of 大堤
    assert expected_type("城区再生水利用率温州和台州谁的目标更高？") == "number"  # "谁的" asks no one


def test_which_of_several_asks_no_unit_and_members_asked_name_no_item_word():
    from rag.answer_type import asked_act, asked_unit
    # "哪几家单位" asks which ones, not how many: no sentence need write 家 (a count of 家 still asks it)
    assert asked_unit("工作组由哪几家单位组成？") == "" and asked_unit("有几家企业？") == "家"
    # "由…组成" asks the members: 组成 is the answer's relation, no word of the item
    assert asked_act("工作组由哪几家单位组成？") == "组成" and asked_act("专班由哪些部门构成？") == "构成"
    assert asked_act("调度会由谁主持？") == "主持" and asked_act("工作组怎么组成的？") == ""


def test_one_direction_against_the_other_asks_the_values():
    # "比2019年高了还是低了": the comparing words name no item
    assert WHICH_HIGHER.search("比2019年高了还是低了？").group(0) == "高了还是低了"
    assert WHICH_HIGHER.search("是增加还是减少了？") is None  # (two-character verbs: not this form)


def test_a_number_of_years_asked_is_a_count_written_not_a_year():
    # "几年内不迁出" is answered by "5年内", never by a year; "规划期限是多少年" still asks the years it runs
    assert expected_type("被投资企业几年内不迁出温州？") == "years"
    assert expected_type("用多少年时间完成？") == "years"
    assert expected_type("规划期限是多少年？") == "time"
    assert satisfies("years", "都应承诺5年内不迁出温州") and satisfies("years", "用三年时间")
    assert not satisfies("years", "到2025年，完成改造") and not satisfies("years", "温政办〔2021〕73号")
