"""ColumnExtremeAnswerer on the real corpus: the row of a list with the largest or smallest number in a column."""
import pytest

from rag.answerers.base import Ask
from rag.answerers.column_extreme import ColumnExtremeAnswerer

GZ = "wz-gazette-2023-06"


def test_the_largest_budget_of_the_list_whose_title_is_named(qa):
    # gz:1203 titles 附表1 "…近期重点工程清单"; its largest 投资总预算 is row 29, 376.6 (gz:1250)
    ans = qa.answer("近期重点工程里投资总预算最多的是哪个？")
    assert ("附表1（温州市生态文明建建设近期重点工程清单）中，投资总预算(亿元)最多的是"
            "《温州市人民政府公报 2023年第6期（总第250期）》附表1第29项“浙江三澳核电一期”（376.6）") in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [(GZ, 1250)]
    # 附表2 "…远期重点工程清单": row 4, 649 (gz:1287); "投资" names the column 投资总预算
    far = qa.answer("远期重点工程里哪个投资最大？")
    assert "第4项" in far.answer and "（649）" in far.answer and "376.6" not in far.answer


def test_the_smallest_skips_cells_holding_no_number_and_unnamed_lists_are_each_answered(qa):
    # 附表1's smallest budget is row 14, 0.1 (gz:1229); rows 17 and 42 write 待定
    assert "最少的是《温州市人民政府公报 2023年第6期（总第250期）》附表1第14项“异位修复中心建设”（0.1）" in qa.answer("附表1里投资最少的工程是哪个？").answer
    both = qa.answer("重点工程里哪个投资最大？")  # neither list named: each answered, labelled
    assert "附表1（" in both.answer and "附表2（" in both.answer


def test_a_question_naming_no_numeric_column_is_left_to_others(qa):
    ce = qa.column_extreme
    for q in ("近期重点工程里建设地点最多的是哪个？", "瓯江引水工程投资多少？"):
        query = qa.parser.run(q)
        assert ce.run(Ask(q, query, [GZ])) is None, q


def test_inputs_are_checked(qa):
    with pytest.raises(TypeError):
        ColumnExtremeAnswerer(object(), {})
    with pytest.raises(TypeError):
        ColumnExtremeAnswerer(qa.res, [])


def test_a_list_named_without_the_column_is_said_to_lack_it(qa):
    # the province's and Wenzhou's 政策清单 have no budget column; 附表1/附表2 have
    ans = qa.answer("政策清单里投资最多的是哪个？")
    assert ans.refused and "“政策清单”中没有“投资总预算(亿元)”一栏" in ans.answer


def test_a_period_column_is_compared_by_its_span(qa):
    # 附表2 实施期限: 2018-2028 (row 5, gz:1289) spans longest; in 附表1 four rows span two years, the shortest
    ans = qa.answer("远期重点工程里实施期限最长的是哪个？")
    assert "实施期限最长的是《温州市人民政府公报 2023年第6期（总第250期）》附表2第5项“*历史文化街区改造项目”（2018-2028）" in ans.answer
    assert [c.start_line for c in ans.citations] == [1289]
    short = qa.answer("近期重点工程里实施期限最短的是哪个？")
    assert [c.start_line for c in short.citations] == [1243, 1255, 1256, 1268]
    # a budget's superlative stays a number's: 最长 is not asked of 投资
    assert "投资总预算(亿元)最大的是《温州市人民政府公报 2023年第6期（总第250期）》附表2第4项" in qa.answer("远期重点工程里哪个投资最大？").answer


def test_a_role_column_is_compared_by_the_units_it_names(qa):
    # zj 目标清单 row 6 (zj:609) names 10 participants, more than any other row; the count agrees with the names,
    # so the verifier keeps it. Taizhou's 协同创新清单 rows 11 and 24 name three 责任单位 each (tz:237, 251): a tie
    ans = qa.answer("省目标清单里参与单位最多的是哪一项？")
    assert "参与单位最多的是《浙江省减污降碳协同创新区建设实施方案（征求意见稿）》目标清单第6项“创建20个创新城市" in ans.answer and "参与单位共10个：" in ans.answer
    assert [c.start_line for c in ans.citations] == [609] and not ans.dropped_claims
    tie = qa.answer("台州协同创新清单里责任单位最多的是哪一项？")
    assert [c.start_line for c in tie.citations] == [237, 251] and "责任单位共3个：" in tie.answer
