"""Sentence-level evidence: splitting, the year a sentence speaks of, and finding it in the original lines."""
from __future__ import annotations

from types import SimpleNamespace

from ingest.types import Chunk, Span
from rag.sentences import SentenceIndex, _LineMap, clauses, split_sentences


def test_sentences_split_at_full_stops_and_semicolons():
    assert split_sentences("推进节水。建设湿地；到2025年，利用率达到35%。") == ["推进节水。", "建设湿地；", "到2025年，利用率达到35%。"]
    assert clauses("到2025年，利用率达到35%。") == ["到2025年，", "利用率达到35%。"]


def test_dated_captions_run_together_are_sentences_of_their_own():
    # a gazette's cover: photo captions with no stop, joined into one paragraph by the line wrapping
    text = "6月8日，系列活动在平阳县南麂岛启动6月12日，2023中国—东盟媒体合作论坛在温举行6月17日，双年展开幕（苏巧将/摄）6月18日，共富节开幕"
    assert split_sentences(text) == ["6月8日，系列活动在平阳县南麂岛启动", "6月12日，2023中国—东盟媒体合作论坛在温举行",
                                     "6月17日，双年展开幕（苏巧将/摄）", "6月18日，共富节开幕"]
    # a date the words before it go with stays in its sentence
    for text in ("截至6月12日，已完成80%。", "会议于6月12日，在温州召开。", "2023年6月12日，论坛开幕。"):
        assert split_sentences(text) == [text]


def test_a_passage_is_found_across_wrapped_lines_and_page_numbers():
    lines = ["到 2030年，减污降碳协同能力显著提升，非化", "", "— 10 —", "石能源占一次能源消费比重达到 30%。"]
    lm = _LineMap(lines)
    assert lm.find("非化石能源占一次能源消费比重达到30%。", 1) == (1, 4)
    assert lm.find("不在文中", 1) is None


class _Store:
    def __init__(self, lines):
        self._lines = lines

    def doc_lines(self, doc_id):
        return self._lines, None


def _index(lines, text, section):
    chunk = Chunk("d", text, section, Span("d", 1, len(lines)))
    return SentenceIndex.build(SimpleNamespace(chunks={chunk.id: chunk}, store=_Store(lines), records={}, chunk_of_record={}))


def test_each_sentence_knows_its_lines_section_and_the_year_its_paragraph_opens_with():
    lines = ["（二）主要目标", "到2030年，协同能力显著提升。非化石能源占比达到30%。", "推进节水，城区再生水利用率达到35%。"]
    idx = _index(lines, "（二）主要目标\n到2030年，协同能力显著提升。非化石能源占比达到30%。\n推进节水，城区再生水利用率达到35%。",
                 ["一、总体要求", "（二）主要目标"])
    by_text = {s.text: s for s in idx.sentences}
    share = by_text["非化石能源占比达到30%。"]
    assert share.years == [2030] and (share.start_line, share.end_line) == (2, 2) and not share.paragraph_start
    water = by_text["推进节水，城区再生水利用率达到35%。"]
    assert water.years == [] and water.start_line == 3 and water.paragraph_start
    top = idx.search("城区再生水利用率", {"d"})
    assert top[0][1] is water and top[0][0] == 1.0
    assert idx.search("城区再生水利用率", {"other"}) == []


def test_a_paragraph_s_run_in_title_finds_the_sentences_after_it():
    text = "开展活水畅水工程建设。核定生态流量。重点推进温瑞塘河、永强塘河等水系连通。\n推进节水到2025年达到35%。再生水利用。"
    idx = _index(text.split("\n"), text, ["（三）推进水生态保护修复"])
    by_text = {s.text: s for s in idx.sentences}
    assert by_text["重点推进温瑞塘河、永强塘河等水系连通。"].lead == "开展活水畅水工程建设。"
    assert by_text["开展活水畅水工程建设。"].lead == ""  # the title itself
    assert by_text["再生水利用。"].lead == ""  # a first sentence stating a figure is no title
    top = idx.search("活水畅水工程水系连通", {"d"})
    assert top[0][1].text == "重点推进温瑞塘河、永强塘河等水系连通。"


def test_a_table_of_contents_is_not_evidence():
    lines = ["温州市区声环境功能区划分方案的通知……………（65）", "划分方案已经市政府同意。"]
    idx = _index(lines, "\n".join(lines), [])
    assert [s.text for s in idx.sentences] == ["划分方案已经市政府同意。"]


def test_an_annex_s_sentences_are_found_by_its_title_words(qa):
    from rag.sentences import annex_titles

    titles = annex_titles(qa.sentences.sentences)
    assert titles[("tz-pilot", ("附件2",))] == "台州市县（市、区）减污降碳协同指数"
    ans = qa.answer("台州协同指数里季度数据获取困难的指标怎么办？")  # the note under the index table
    assert "采用前一年度指标数据替代" in ans.answer and any(c.locator == "第306行" for c in ans.citations)


def test_entries_of_a_dated_log_carry_their_day(qa):
    log = [s for s in qa.sentences.sentences if s.doc_id == "wz-gazette-2023-06" and s.section[-1:] == ["6月份市政府记事"]]
    by_line = {s.start_line: s for s in log}
    assert by_line[1463].day == "12日" and by_line[1463].day_line == 1459
    assert by_line[1467].day == "13日" and by_line[1467].text.startswith("13日")
    news = [s for s in qa.sentences.sentences if s.doc_id == "wz-gazette-2023-06" and s.start_line == 1397]
    assert news and not news[0].day  # "6月28日，温州市新闻传媒中心成立…": a date in prose, no log stamp


def test_an_unnumbered_title_line_names_the_paragraphs_under_it():
    from rag.sentences import is_title_line

    lines = ["温州市新闻传媒中心成立", "6月28日，温州市新闻传媒中心成立，这是重大举措。", "他指出要以导向为魂、内容为王。",
             "市委市政府召开重点专项工作调度会", "6月20日，市委市政府召开重点专项工作调度会。", "要聚焦道路交通。"]
    text = "要做到保障到位。\n" + "\n".join(lines)
    idx = _index(["要做到保障到位。", *lines], text, ["要闻"])
    by_text = {s.text: s for s in idx.sentences}
    assert by_text["他指出要以导向为魂、内容为王。"].title == "温州市新闻传媒中心成立"
    assert by_text["要聚焦道路交通。"].title == "市委市政府召开重点专项工作调度会"
    assert by_text["要做到保障到位。"].title == ""  # above every title: the section's own text
    assert idx.search("新闻传媒中心以为魂", {"d"})[0][1].text == "他指出要以导向为魂、内容为王。"
    # a wrapped line of prose, a table row or a caption is no title: the text after it does not repeat it
    assert not is_title_line("个减污降碳协同创新区建设", "根据生态环境部等七部委联合印发的方案")
    assert not is_title_line("13\t单位供电碳排放\t3", "13\t单位供电碳排放\t3")


def test_an_indicator_cell_holding_prose_is_a_sentence_of_its_column(qa):
    cells = [s for s in qa.sentences.sentences if "4955.11平方公里" in s.text]
    assert cells and all(s.section[-1].endswith("一栏") and "现状值" in s.section[-1] and "规划表" not in s.section[-1] for s in cells)
    assert all(s.years == [2020] for s in cells if "20" not in s.text.split("4955")[0])  # the column's year
    ans = qa.answer("温州划定的生态保护红线面积是多少？")
    assert "4955.11平方公里" in ans.answer and not ans.refused


def test_a_paragraph_s_lead_year_may_follow_its_run_in_title():
    from rag.sentences import LEAD_YEAR
    assert LEAD_YEAR.match("(二) 主要目标。到 2025 年，全市基本形成…").group(1) == "2025"
    assert LEAD_YEAR.match("到2030年，生态空间更加优化").group(1) == "2030"
    assert LEAD_YEAR.match("加强组织领导。建立2025年考核机制") is None  # a year not led by 到/至


def test_measures_after_a_year_cut_at_semicolons_are_of_that_year(qa):
    # gz:350-352 "到2030年，生态空间更加优化…；生态环境质量保持全国前列…；…"
    ss = [s for s in qa.sentences.sentences if s.doc_id == "wz-gazette-2023-06" and s.text.startswith("生态环境质量保持全国前列")]
    assert ss and ss[0].years == [2030]


def test_a_year_inside_a_title_quoted_is_not_the_sentences_year():
    text = "与《美丽温州规划纲要（2020—2035年）》相衔接。到2025年，利用率达到35%。"
    idx = _index([text], text, ["二、规划原则"])
    by_text = {s.text: s for s in idx.sentences}
    assert by_text["与《美丽温州规划纲要（2020—2035年）》相衔接。"].years == []
    assert by_text["到2025年，利用率达到35%。"].years == [2025]


def test_a_sentence_found_by_its_own_words_ranks_by_its_whole_section_path_too():
    from rag.sentences import Sentence

    air = Sentence("d", "加快推进医化、涂装等重点行业原辅物料替代。", ["四、推进大气污染减污降碳协同"], 1, 1, "c")
    water = Sentence("d", "聚焦印染、电镀等重点行业开展减污降碳协同。", ["五、推进水污染减污降碳协同", "（一）注重废水治理源头减碳"], 3, 3, "c")
    idx = SentenceIndex([air, water])
    # the chapter heading (水污染) is no word the water sentence or its own heading holds: it still ranks first
    assert [s for _, s in idx.search("行业水污染减污降碳协同重点", {"d"})] == [water, air]
    # ... but is not what finds it: a sentence of that chapter holding none of the words is not found
    assert idx.search("水污染", {"d"}, min_score=0.5) == []
