"""SeriesCountAnswerer: a count of what a sentence enumerates, when the text states no number for it."""
import pytest

from rag.answerers.base import Ask
from rag.answerers.series_count import SeriesCountAnswerer, series_members


def test_the_members_of_a_series_naming_the_thing_counted_are_counted_and_named(qa):
    # tz:306 "备注说明：指标9、指标10、…和指标31，因季度数据获取困难，季度考核评价时采用前一年度指标数据替代。"
    ans = qa.answer("台州指数季度考核时有几个指标用前一年度数据替代？")
    assert not ans.refused and "共9个：指标9、指标10、指标11、指标12、指标15、指标16、指标18、指标20、指标31" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("tz-pilot", 306)]
    # ... the last member is its number, not what the sentence goes on to say of the series
    ans = qa.answer("台州协同指数里有几个指标采用各年度累计得分？")
    assert "共4个：指标27、指标28、指标29、指标30[" in ans.answer


def test_a_series_left_open_or_not_naming_the_thing_is_not_counted():
    assert series_members("聚焦造纸行业、印染行业和电镀行业等行业", "行业") == []  # 等: more than it names
    assert series_members("聚焦造纸、印染和电镀行业", "行业") == []  # members not each naming 行业
    assert series_members("指标9和指标10", "指标") == []  # two: nothing to count
    # a last member running on far beyond the others: where it ends is unsure
    assert series_members("化工、医化和电镀园区因排放强度高而纳入重点监管范围园区", "园区") == []
    # ... while members ending alike end the last one alike
    assert series_members("化工园区、医化园区和电镀园区纳入", "园区") == ["化工园区", "医化园区", "电镀园区"]


def test_a_question_asking_no_count_or_naming_a_row_is_not_its(qa):
    sc = SeriesCountAnswerer(qa.passage)
    q = qa.parser.run("台州协同指数哪些指标季度考核时用前一年度数据替代？", [])
    assert sc.run(Ask(q.text, q, ["tz-pilot"])) is None


def test_inputs_are_checked(qa):
    with pytest.raises(TypeError):
        SeriesCountAnswerer(object())
    with pytest.raises(TypeError):
        SeriesCountAnswerer(qa.passage).run("台州指数有几个指标？")
