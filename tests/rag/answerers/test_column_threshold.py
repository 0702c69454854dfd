"""ColumnThresholdAnswerer on the real corpus: the rows of a list whose number (or period) in a column
passes the comparison a question names."""
from rag.answerers.base import Ask
from rag.answerers.column_threshold import Condition, compared, period_asked

GZ = "wz-gazette-2023-06"


def test_rows_over_a_budget_threshold_are_each_listed_and_cited(qa):
    # 附表1 投资总预算(亿元) over 100: rows 28 (123.4), 29 (376.6), 30 (134), 37 (273), 40 (200) — gz:1249, 1250,
    # 1253, 1263, 1268; the threshold is said back in words (no row writes "100")
    ans = qa.answer("近期重点工程里投资总预算超过100亿元的有哪些？")
    assert "投资总预算(亿元)超过一百的共5项" in ans.answer
    assert [c.start_line for c in ans.citations] == [1249, 1250, 1253, 1263, 1268]
    assert "376.6" in ans.answer and not ans.dropped_claims


def test_a_threshold_after_the_number_and_one_below_are_read(qa):
    # 附表2 (远期): 420, 649, 200 are 100 or more (gz:1281, 1287, 1289); 附表1 below 0.2: 0.11, 0.1, 0.19 — 待定 is no number
    ans = qa.answer("远期重点工程里投资在100亿元以上的有几个？")
    assert "不少于一百的共3项" in ans.answer and [c.start_line for c in ans.citations] == [1281, 1287, 1289]
    low = qa.answer("近期重点工程里投资不到0.2亿元的有哪些？")
    assert "低于零点二的共3项" in low.answer and [c.start_line for c in low.citations] == [1211, 1229, 1231]


def test_a_threshold_no_row_passes_is_refused_not_answered_from_the_nearest(qa):
    ans = qa.answer("近期重点工程里投资总预算超过500亿元的有哪些？")
    assert ans.refused and "中没有投资总预算(亿元)超过五百的项目" in ans.answer


def test_rows_whose_period_ends_in_the_year_named(qa):
    # 实施期限 ending 2023: rows 10, 12, 21, 30, 33, 37 (gz:1223 … 1263); 2023-2025 (row 24) starts then, not ends
    ans = qa.answer("近期重点工程里实施期限到2023年结束的有哪几个？")
    assert "于2023年结束的共6项" in ans.answer
    assert [c.start_line for c in ans.citations] == [1223, 1225, 1239, 1253, 1256, 1263]


def test_rows_whose_period_starts_in_the_year_named_the_column_named_after_it(qa):
    # 实施期限 starting 2022: 12 rows of 附表1, from row 1 (gz:1209) to row 40 (gz:1268)
    ans = qa.answer("近期重点工程里2022年开始实施的有哪些？")
    assert "于2022年开始的共12项" in ans.answer and ans.citations[0].start_line == 1209
    assert ans.citations[-1].start_line == 1268


def test_no_list_named_another_scale_or_no_comparison_is_left_to_others(qa):
    ct = qa.column_threshold
    for q in ("投资超过100亿元的项目有哪些？",  # no list named
              "近期重点工程里投资100万元以上的有哪些？",  # 万元: not the column's 亿元
              "近期重点工程里投资总预算最多的是哪个？",  # a superlative, the extreme answerer's
              "近期重点工程第29项投资多少？"):
        assert ct.run(Ask(q, qa.parser.run(q), [GZ])) is None, q


def test_the_comparison_read_from_the_question():
    assert compared("投资总预算不超过5亿元的", "投资总预算(亿元)") == Condition("投资总预算(亿元)", "<=", 5.0)
    assert compared("投资总预算5亿元的", "投资总预算(亿元)") is None  # a value, not a comparison
    assert period_asked("实施期限2025年前完成的", "实施期限") == Condition("实施期限", "ends<=", 2025.0)
    assert Condition("实施期限", "ends<=", 2025.0).holds("2021-2024") and not Condition("实施期限", "ends", 2023.0).holds("2023-2025")
    assert Condition("x", ">", 1.0).said() == "超过一" and Condition("x", ">", 12345.0).said() is None


def test_a_budget_between_two_totals(qa):
    # 附表1 between 6 and 10 (亿元): rows 12 (7.01, gz:1225) and 21 (9, gz:1239); 5.8 and 5.46 fall below
    ans = qa.answer("近期重点工程里投资在6亿到10亿元之间的有哪些？")
    assert "投资总预算(亿元)在六到十之间的共2项" in ans.answer
    assert [c.start_line for c in ans.citations] == [1225, 1239]
    assert compared("投资总预算在10到6亿元之间", "投资总预算(亿元)") is None  # bounds reversed
    assert compared("投资在6到10万元之间", "投资总预算(亿元)") is None  # another scale


def test_a_categorical_value_named_besides_narrows_the_rows(qa):
    # over 100 亿元 and 新建类: row 28 alone (gz:1249; 29, 30, 37, 40 are 续建类)
    ans = qa.answer("近期重点工程里投资超过100亿元的新建类有哪些？")
    assert "超过一百、建设性质为“新建类”的共1项" in ans.answer and [c.start_line for c in ans.citations] == [1249]
    # a list's one period column is what a year ending asks of, unnamed: 续建类 rows ending by 2025
    ended = qa.answer("近期重点工程里2025年以前结束的有几个是续建类？")
    assert "不晚于2025年结束、建设性质为“续建类”的共10项" in ended.answer


def test_a_year_negated_picks_the_rows_ending_in_another_year(qa):
    # 附表1 实施期限 not ending 2025: rows 5 (2021-2026), 10, 12, 21, 25, 28, 30, 32, 33, 37, 40 (gz:1213 … 1268);
    # the year is said back in words (a cited row need not write it), not read as "ending in 2025"
    ans = qa.answer("近期重点工程里哪些不是2025年完成的？")
    assert "不在二〇二五年结束的共11项" in ans.answer and not ans.refused
    assert "（2021-2026）" in ans.answer and "（2021-2025）" not in ans.answer
    assert period_asked("不在2023年结束的", "实施期限", named=False) == Condition("实施期限", "ends!=", 2023.0)
    assert Condition("实施期限", "ends!=", 2025.0).holds("2020-2023") and not Condition("实施期限", "ends!=", 2025.0).holds("2021-2025")
