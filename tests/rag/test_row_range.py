"""A range of rows named ("前十项里", "第1至第8项中", "第11到20项中") narrows every listing by a condition."""
from ingest.types import Record
from rag.row_range import in_range


def _rows(*numbers: str) -> list[Record]:
    return [Record(doc_id="d", list_name="任务清单", item_no=n, item_no_assigned=False, text="…") for n in numbers]


def test_only_rows_numbered_in_the_range_are_kept_and_the_range_is_named():
    kept, where = in_range(_rows("1", "10", "11", "（一）"), range(1, 11))
    assert [r.item_no for r in kept] == ["1", "10"] and where == "第1—10项"
    assert in_range(_rows("1", "2"), ()) == (_rows("1", "2"), "")


def test_a_departments_rows_within_the_first_rows_of_a_list(qa):
    # 温州任务清单 rows 1-10 (wz:258-318): 市发展改革委 leads 1, 3, 4, 7, 9 — not 17, 19, 20, … after row 10
    ans = qa.answer("温州任务清单前十项里市发展改革委牵头的有哪些？")
    assert "第1—10项中市发展改革委牵头的条目共5项" in ans.answer
    assert [f"任务清单第{k}项" in ans.answer for k in (1, 3, 4, 7, 9, 17)] == [True] * 5 + [False]
    # as participant within rows 1-8: 4, 5, 6, 7 (wz:280, 289, 296, 301), not 13 or 23
    part = qa.answer("温州任务清单第1至第8项中，市经信局作为参与单位的有哪几项？")
    assert "共4项" in part.answer and "任务清单第13项" not in part.answer


def test_a_count_within_a_range_counts_that_range(qa):
    # 省目标清单 rows 11-20 (zj:645-686): 省生态环境厅 leads 15, 16 and 19 only (16 rows in the whole list)
    ans = qa.answer("省目标清单第11到20项中有几项是省生态环境厅牵头的？")
    assert "第11—20项中省生态环境厅牵头的条目共3项" in ans.answer and "目标清单第1项" not in ans.answer


def test_none_in_the_range_is_said_of_that_range_with_the_unit_as_asked(qa):
    # 市住建局 leads 温州 task rows 15, 16, 19, 20, 22 — none of 1-10; the documents' key is also 市建设局 (台州)
    ans = qa.answer("温州任务清单前十项里市住建局牵头的有哪些？")
    assert ans.refused and "第1—10项中市住建局牵头的条目" in ans.answer


def test_a_year_and_a_column_threshold_within_a_range(qa):
    # 省目标清单第31项 is the one row due in 2023 (zj:772 note; the row says 完成期限为2023年)
    assert "第25—35项中完成时限为2023年的条目共1项" in qa.answer("省方案第25到35项里完成时限为2023年的有哪些？").answer
    # 附表1 rows 1-10 above 5亿元: 4, 5, 7 … ; row 14 (龙湾区) is outside rows 1-10
    ans = qa.answer("近期重点工程第1到10项里投资超过5亿元的有哪些？")
    assert "第1—10项" in ans.answer and "第14项" not in ans.answer
    place = qa.answer("近期重点工程第1到13项里建设地点在龙湾区的有哪些？")
    assert "第6项" in place.answer and "第13项" in place.answer and "第14项" not in place.answer


def test_a_unit_leading_alone_within_a_range(qa):
    # 温州任务清单: 市生态环境局 is the only lead of rows 5, 6, 12, 13, 21, 32, 33, 34, 36, 37, 39, 42 (wz:288-519);
    # rows 1, 3, 7, … it shares (按职责分工负责) are not its alone — 24 rows name it as a lead
    assert "市生态环境局单独牵头的条目共12项" in qa.answer("温州任务清单里由市生态环境局单独牵头的有几项？").answer
    ans = qa.answer("温州任务清单第30到40项里市生态环境局单独牵头的有几项？")
    assert "第30—40项中市生态环境局单独牵头的条目共6项" in ans.answer and "任务清单第42项" not in ans.answer


def test_the_largest_or_earliest_within_a_range(qa):
    # 附表1 rows 1-10 (gz:1209-1223): the largest budget is row 4 (56), not row 29 (376.6) of the whole table;
    # rows 15-25: the smallest is row 15 (0.19), not row 14 (0.1)
    most = qa.answer("近期重点工程第1到10项里投资最多的是哪个？")
    assert "第1—10项中，投资总预算(亿元)最多的是" in most.answer and "附表1第4项" in most.answer and "三澳" not in most.answer
    least = qa.answer("近期重点工程第15到25项里投资最少的是哪个？")
    assert "附表1第15项“重要生态空间建设保护”" in least.answer and "异位修复中心" not in least.answer
    # rows 42-44: row 42's budget is "待定" (gz:1271) and the table ends there — no figure to compare, said so
    # (not that the table has no such column)
    none = qa.answer("近期重点工程第42到44项里投资最多的是哪个？")
    assert none.refused and "第42—44项中没有写明投资总预算(亿元)的项目" in none.answer and "一栏" not in none.answer
    # 省目标清单 rows 25-32: row 31 is due in 2023 (its own note), the others 2025
    assert "第25—32项中，完成时限最早的是" in qa.answer("省目标清单第25到32项里完成时限最早的是哪项？").answer


def test_rows_with_any_participant_within_a_range_are_counted(qa):
    # 温州目标清单 rows 11-20 (wz:144-192): rows 11, 16 and 20 list no participant — 7 do
    ans = qa.answer("温州目标清单第11到20项里有参与单位的有几项？")
    assert "第11—20项，列有参与单位的共7项" in ans.answer and "第11项“" not in ans.answer


def test_a_range_of_rows_to_look_in_is_one_question_not_a_part_per_row(qa):
    # "第36项到第39项里哪几项…": row 38 is the one 市电力局 leads there (wz:493-495); row 35 is outside the range
    ans = qa.answer("温州任务清单第36项到第39项里哪几项是市电力局牵头的？")
    assert "第36—39项中市电力局牵头的条目共1项" in ans.answer and "任务清单第35项" not in ans.answer


def test_shared_leads_within_a_range_show_each_rows_first_sentence(qa):
    # rows 1-10 led "按职责分工负责": 1, 3, 7, 8, 9, 10; row 8's first sentence holds "公转铁" after 30 characters
    ans = qa.answer("温州任务清单第1到10项中牵头单位写着“按职责分工负责”的有哪些？")
    assert "共6项" in ans.answer and "“公转铁”线路建设" in ans.answer
