"""RoleCountAnswerer on the real corpus: the rows of a list picked by how many units its lead or
participant column names."""
from ingest.types import Record
from rag.answerers.base import Ask
from rag.answerers.role_count import PARTICIPANT_WORDS, RoleCondition, classes_named, role_asked


def test_rows_without_participants_are_counted_and_each_cited(qa):
    # 温州任务清单 (wz:255-545): 13 of its 45 rows list participants (4-10, 13, 14, 17, 20, 23, 33); 32 do not
    ans = qa.answer("温州任务清单里没有参与单位的有几项？")
    assert "未列参与单位的共32项" in ans.answer and not ans.refused
    assert "第1项" in ans.answer and "第45项" in ans.answer and "第4项" not in ans.answer
    assert len(ans.citations) == 32


def test_the_province_target_list_counts_a_row_with_only_a_lead(qa):
    # 省目标清单: rows 3, 7-11, 14, 17, 25, 27-29, 31, 32 have no participant (zj:562-770; row 25 at zj:723)
    ans = qa.answer("省目标清单里没有参与单位的指标有几项？")
    assert "未列参与单位的共14项" in ans.answer and "第25项" in ans.answer


def test_a_class_named_narrows_and_one_unit_is_asked(qa):
    # 台州协同治理清单 "水" rows 38-46 (tz:190-198): only row 39 names one 责任单位 (市农业农村局)
    ans = qa.answer("台州任务协同清单“水”这一类里只有一个责任单位的是哪项？")
    assert "“水”类，责任单位只有一个的共1项" in ans.answer and "畜禽养殖生产清洁化" in ans.answer
    assert "市农业农村局" in ans.answer and [c.start_line for c in ans.citations] == [191]


def test_a_count_compared_is_said_in_words(qa):
    # rows 4 (5 participants), 9 (4) and 23 (4) of 温州任务清单 name more than three participants
    ans = qa.answer("温州任务清单里参与单位超过3个的有哪些？")
    assert "参与单位超过三个的共3项" in ans.answer
    assert [c.start_line for c in ans.citations] == [277, 310, 398]  # (each row from its number line)


def test_a_list_without_a_participant_column_says_so(qa):
    ans = qa.answer("台州协同治理清单里没有参与单位的有哪些？")
    assert ans.refused and "没有参与单位一栏" in ans.answer


def test_questions_of_a_department_or_a_superlative_are_left_to_others(qa):
    rc = qa.role_count
    for q in ("温州任务清单里市生态环境局牵头、没有参与单位的有哪些？",  # a department named
              "省目标清单里参与单位最多的是哪一项？",  # a superlative
              "温州任务清单第9项有几个参与单位？",  # one row
              "没有参与单位的有几项？"):  # no list named
        assert rc.run(Ask(q, qa.parser.run(q), ["wz-plan", "zj-plan"])) is None, q


def test_the_condition_read_from_the_question():
    assert role_asked("参与单位在3个以上的", PARTICIPANT_WORDS, (), "participant") == RoleCondition("participant", ">=", 3)
    assert role_asked("参与单位不少于两个的", PARTICIPANT_WORDS, (), "participant") == RoleCondition("participant", ">=", 2)
    assert role_asked("参与单位有哪些", PARTICIPANT_WORDS, (), "participant") is None
    assert RoleCondition("lead", "==", 1).said("责任单位") == "责任单位只有一个"
    assert RoleCondition("participant", ">", 3).holds(4) and not RoleCondition("lead", "==", 0).holds(None)
    r = Record(doc_id="d", list_name="清单", item_no="1", item_no_assigned=False, text="t", categories=["大气"])
    assert classes_named("大气方面只有一个责任单位的", [r]) == {"大气"} and classes_named("大气污染", [r]) == set()


def test_an_exact_count_of_leads(qa):
    # 省目标清单 rows 11 (省交通运输厅、省机关事务局、省邮政管理局, zj:645-654) and 22 (zj:702-710) name three leads
    ans = qa.answer("省目标清单里牵头单位有三个的是哪几项？")
    assert "牵头单位有三个的共2项" in ans.answer and [c.start_line for c in ans.citations] == [645, 702]
    assert RoleCondition("participant", "==", 2).said("参与单位") == "参与单位有两个"


def test_rows_whose_lead_is_shared(qa):
    # 温州任务清单: rows 1, 3, 7-10, 15, 16, 18-20, 22, 23, 25, 27, 31, 41 write 按职责分工负责 after their leads
    # (rows 43 and 45 refer to another plan's division of duties: no shared lead of their own)
    ans = qa.answer("温州任务清单中牵头单位写着“按职责分工负责”的有几项？")
    assert "牵头单位注明“按职责分工负责”的共17项" in ans.answer
    assert "第41项" in ans.answer and "第43项" not in ans.answer
    assert RoleCondition("lead", "shared", 0).holds(None, True) and not RoleCondition("lead", "shared", 0).holds(3, False)


def test_a_range_of_rows_narrows_and_no_row_outside_it_is_listed(qa):
    # 温州任务清单 rows 1-3 have no participant, rows 4-10 have (wz:255-318); rows 11+ are outside the range asked
    ans = qa.answer("温州任务清单第1到10项里没有参与单位的有哪几项？")
    assert "任务清单第1—10项，未列参与单位的共3项" in ans.answer
    assert [c.start_line for c in ans.citations] == [258, 263, 270] and "第11项" not in ans.answer
