"""TableRowsAnswerer: a plain table's rows counted, and the row with a column's extreme value."""
import pytest

from rag.answerers.table_rows import TableRowsAnswerer, number


def test_a_summary_tables_labelled_rows_are_counted_without_its_total(qa):
    # gz:1138-1147 "表9.1-1 …重点工程汇总表": six 领域 and a 总计 row (49 工程, which had been answered)
    ans = qa.answer("重点工程汇总表一共分了几个领域？")
    assert not ans.refused and "领域共6个：生态制度、生态安全、生态空间、生态经济、生态生活、生态文化" in ans.answer
    assert "49" not in ans.answer


def test_the_row_with_a_columns_extreme_is_named_with_its_value(qa):
    ans = qa.answer("温州重点工程汇总表里哪个领域工程数量最多？")
    assert "工程数量(个)最多的是“生态空间”（14）" in ans.answer and 1143 in [c.start_line for c in ans.citations]
    ans = qa.answer("重点工程汇总表里投资最少的是哪个领域？")  # (the kind asked: 投资 → the money column)
    assert "最少的是“生态制度”（1.94）" in ans.answer and "附表" not in ans.answer
    # a list named by its title keeps its own extreme (the column-extreme answerer's)
    assert "浙江三澳核电一期" in qa.answer("近期重点工程里投资总预算最多的是哪个？").answer


def test_numbers_and_inputs(qa):
    assert number("1,282.58") == 1282.58 and number("—") is None and number("生态文化") is None
    with pytest.raises(TypeError):
        TableRowsAnswerer(object())
    with pytest.raises(TypeError):
        TableRowsAnswerer(qa.table_cells).run("几个领域")
