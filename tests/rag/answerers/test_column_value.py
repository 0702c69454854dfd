"""ColumnValueAnswerer on the real corpus: the rows of a list whose categorical column holds a value."""
import pytest

from rag.answerers.base import Ask
from rag.answerers.column_value import ColumnValueAnswerer

GZ = "wz-gazette-2023-06"


def test_the_rows_built_in_a_county_of_the_list_whose_title_is_named(qa):
    # 附表1 "…近期重点工程清单" (gz:1203): 建设地点 holds 泰顺县 in rows 6, 16, 24 (gz:1217, 1232, 1243)
    ans = qa.answer("在泰顺县建的近期重点工程有哪些？")
    assert "建设地点为“泰顺县”的共3项" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [(GZ, 1217), (GZ, 1232), (GZ, 1243)]
    assert "泰顺抽水蓄能电站" not in ans.answer  # a row of 附表2, the 远期 list


def test_both_lists_answer_when_the_title_words_name_both(qa):
    # "重点工程" is in both titles: each list's rows, labelled; 泰顺 is written without 县
    ans = qa.answer("在泰顺建的重点工程有哪些？")
    assert "附表1（" in ans.answer and "附表2（" in ans.answer and "泰顺抽水蓄能电站" in ans.answer


def test_a_category_is_counted_and_each_row_shown(qa):
    # 建设性质 续建类: 11 rows of 附表1 (gz:1215 … 1271)
    ans = qa.answer("近期重点工程里续建类有几个？")
    assert "建设性质为“续建类”的共11项" in ans.answer and len(ans.citations) == 11


def test_a_value_the_named_list_lacks_is_said_to_be_absent(qa):
    # 文成县 builds in 附表1 only; 附表2 (远期) has no such row
    ans = qa.answer("远期重点工程里在文成县建的有哪些？")
    assert ans.refused and "附表2（温州市生态文明建设远期重点工程清单）中没有建设地点为“文成县”的项目" in ans.answer


def test_a_question_naming_a_row_or_no_list_is_left_to_others(qa):
    cv = qa.column_value
    for q in ("近期重点工程里泰顺县生物多样性保护与可持续利用工程包括哪些内容？",  # one row's cell
              "泰顺县有哪些项目？",  # no list named
              "瓯江引水工程投资多少？"):
        assert cv.run(Ask(q, qa.parser.run(q), [GZ])) is None, q


def test_words_narrower_than_the_value_leave_the_rows_to_others(qa):
    # "全市垃圾分类": 22 rows are built 全市, and none of them is what is asked — not listed
    q = "近期重点工程里有哪些是关于全市垃圾分类的？"
    assert qa.column_value.run(Ask(q, qa.parser.run(q), [GZ])) is None
    # ... while words only saying a row has the value, or naming its column, are no narrower item
    assert "建设地点为“苍南县”" in qa.answer("近期重点工程里位于苍南县的有哪些？").answer
    assert "建设地点为“泰顺县”的共2项" in qa.answer("建设地点在泰顺县的远期重点工程有哪些？").answer


def test_lists_whose_titles_differ_only_by_a_misprint_are_both_named(qa):
    # gz:1206 titles 附表1 "…生态文明建建设近期重点工程清单" (建设 misprinted), gz:1278 附表2 "…生态文明建设远期…":
    # "生态文明建设规划里…重点工程" names neither period — both answer; 附表1 has 洞头区 at gz:1234, 1239, 1253
    ans = qa.answer("温州生态文明建设规划里洞头区有哪些重点工程？")
    assert "附表1" in ans.answer and "建设地点为“洞头区”的共3项" in ans.answer
    assert [c.start_line for c in ans.citations] == [1234, 1239, 1253]
    assert "附表2（温州市生态文明建设远期重点工程清单）中没有建设地点为“洞头区”的项目" in ans.answer
    # a period named still picks its list alone
    assert "附表1" not in qa.answer("温州远期重点工程里哪些建在洞头区？").answer


def test_inputs_are_checked(qa):
    with pytest.raises(TypeError):
        ColumnValueAnswerer(object(), {})
    with pytest.raises(TypeError):
        ColumnValueAnswerer(qa.res, [])
