"""SectionAnswerer: a section's items counted, and only those of a kind the question qualifies."""
import pytest

from rag.answerers.section import QUALIFIED_ITEMS, titles_next
from rag.sentences import Sentence


def test_a_sections_items_are_counted_when_its_heading_holds_a_document_fact_word(qa):
    # gz:1601-1606: "发文" is the heading's word; "有几项" counts its bullet lines (it had been refused)
    ans = qa.answer("6月份市政府、市政府办公室发文目录有几项？")
    assert not ans.refused and "共4项" in ans.answer


def test_only_the_items_holding_the_qualifier_asked_are_counted_and_shown(qa):
    ans = qa.answer("本期公报6月份市政府办公室发文目录里有几份温政办文件？")
    assert not ans.refused and "其中含“温政办”的共2项" in ans.answer
    assert {c.start_line for c in ans.citations} == {1601, 1605, 1606}
    # "温政发文件": its 发文 is the kind of item, no document fact — the passage had quoted a 温政办 line
    ans = qa.answer("6月份市政府、市政府办公室发文目录里有哪些温政发文件？")
    assert "温政发〔2023〕18号" in ans.answer and "温政发〔2023〕19号" in ans.answer and "温政办" not in ans.answer.replace("“温政发”", "")


@pytest.mark.parametrize("q, word", [("发文目录里有几份温政办文件？", "温政办"), ("目录里有哪些温政发文件", "温政发"),
                                     ("发文目录有几项？", None), ("有哪些文件？", None)])
def test_the_qualifier_of_the_items_asked(q, word):
    m = QUALIFIED_ITEMS.search(q)
    assert (m.group("word") if m else None) == word


def test_a_body_paragraph_named_by_its_number_is_that_paragraph_not_a_lists_row(qa):
    # wz:73 "（二十二）构建减污降碳协同多元激励机制。…": "第二十二条" had answered 任务清单's 22nd row
    ans = qa.answer("温州方案第二十二条讲什么内容？")
    assert not ans.refused and "构建减污降碳协同多元激励机制" in ans.answer and "任务清单" not in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("wz-plan", 73)]
    # zj:248 "（九）注重污水处理减污降碳协同。": named in brackets (it had been refused)
    ans = qa.answer("省方案（九）那一条是关于什么的？")
    assert not ans.refused and "（九）注重污水处理减污降碳协同" in ans.answer
    # a list named, or a number in digits, is the list's row
    ans = qa.answer("温州政策清单第3条是什么？")
    assert "政策清单第3项" in ans.answer


def test_a_column_of_titled_news_items_lists_its_titles(qa):
    # gz:1341 "政 务 简 讯", its six items each under its own title (1343 … 1397); the headings printed after
    # the column (6月份市政府记事, 发文目录) had been listed as its parts, "共4项"
    ans = qa.answer("本期公报政务简讯一共有几条？")
    assert not ans.refused and "共6项" in ans.answer and "温州市新闻传媒中心成立" in ans.answer
    assert "6月份市政府记事" not in ans.answer
    # ... while a plan's paragraphs carrying numbered run-in titles ("（一）…") keep their sub-headings as items
    ans = qa.answer("温州规划里的净土保卫战包括哪些方面？")
    assert "共5项" in ans.answer and "着力推进地下水污染防治" in ans.answer


def test_a_paragraph_number_beyond_the_bodys_last_is_said_missing_not_a_lists_row(qa):
    # zj's body runs （一）…（二十九）; its 任务清单 has a 35th row, which the question did not name
    ans = qa.answer("省方案第三十五条讲什么？")
    assert ans.refused and "正文各条编号至（二十九）为止" in ans.answer and "任务清单第35项" not in ans.answer
    # ... and a follow-up naming another document's paragraph by its number asks that paragraph (wz:77)
    history = [{"role": "user", "content": "省方案第二十四条讲什么？"},
               {"role": "assistant", "content": qa.answer("省方案第二十四条讲什么？").answer}]
    ans = qa.answer("温州方案的第二十四条呢？", history=history)
    assert "（二十四）提升碳监测能力" in ans.answer and "目标清单" not in ans.answer


def test_an_item_of_a_section_named_by_its_place(qa):
    # gz:1363, the third of the news column's six items; an eighth is said not to be there
    ans = qa.answer("政务简讯第三条讲的是什么？")
    assert "第3项为：市政府党组传达学习贯彻习近平总书记重要批示精神" in ans.answer
    assert [c.start_line for c in ans.citations] == [1363]
    ans = qa.answer("政务简讯第八条讲的是什么？")
    assert ans.refused and "共6项，没有第8项" in ans.answer
    # a section's place does not reach into another section named alike, nor a list's row named with its list
    assert "政务简讯" not in qa.answer("省方案任务清单第35项是什么？").answer


def test_a_heading_named_by_the_words_ending_it(qa):
    # "发文目录" ends "6月份市政府、市政府办公室发文目录" (gz:1601) and no other heading of the issue: named
    ans = qa.answer("本期公报发文目录里第二份文件是什么？")
    assert "第2项为：温政发〔2023〕19号" in ans.answer and [c.start_line for c in ans.citations] == [1604]
    # ... but not by a generic ending the question writes about something else ("…完善的是什么管理体系": gz:578's
    # "1+X" sentence, not "（三）健全突发环境事件应急管理体系")
    ans = qa.answer("温州对生态环境技术服务中介机构完善的是什么管理体系？")
    assert "1+X" in ans.answer and "应急管理体系" not in ans.answer


def test_a_paragraph_named_by_its_number_with_words_of_its_own_is_still_that_paragraph(qa):
    # wz:64 "（十七）城市型减污降碳协同创新试点。…积极推动瑞安、平阳等创建…": the words name no other section
    ans = qa.answer("温州方案第十七条鼓励哪些地方创建城市型试点？")
    assert "瑞安、平阳" in ans.answer and "任务清单" not in ans.answer


def test_an_item_by_its_place_is_given_for_each_document_naming_the_section_alike(qa):
    # tz:95 "（二）完善资金保障" under 九、加强组织实施; wz:84 加强监督考核 under 十、加强组织实施: both, each labelled
    ans = qa.answer("加强组织实施第二条是什么？")
    assert "完善资金保障" in ans.answer and "加强监督考核" in ans.answer
    assert {(c.doc_id, c.start_line) for c in ans.citations} == {("tz-pilot", 95), ("wz-plan", 84)}


def test_a_news_items_title_line_is_no_heading_of_the_next_part():
    # gz:1397-1399: the title "温州市新闻传媒中心成立" stands alone (its dateline split off as a sentence of its
    # own), over "6月28日，…", which carries it as its title; "加强源头防控" over a numbered paragraph titles nothing
    def sent(text, line, title=""):
        s = Sentence("d", text, ["政务简讯"], line, line, "c")
        s.title = title
        return s
    news = [sent("要做到保障到位。", 1395, "张振丰检查…"), sent("温州市新闻传媒中心成立", 1397, "温州市新闻传媒中心成立"),
            sent("6月28日，温州市新闻传媒中心成立，这是…", 1399, "温州市新闻传媒中心成立")]
    assert titles_next(news, 1) and not titles_next(news, 0) and not titles_next(news, 2)
    plan = [sent("加强源头防控", 25), sent("（一）强化规划引领减污降碳。", 27)]
    assert not titles_next(plan, 0)


def test_numbered_entries_run_into_one_paragraph_are_counted_as_printed(qa):
    # note:15-19: 编制依据 lists three documents numbered "1、2、2、" with no full stop, read as one paragraph:
    # three entries (not the slip's "2"), each cited, counted for "有几个"; "有哪些" lists the same three
    ans = qa.answer("编制说明列了几个编制依据文件？")
    assert "“二、编制依据”[1]部分，共3项" in ans.answer
    assert "3. 《中共浙江省委浙江省人民政府关于深入打好污染防治攻坚战的实施意见》（浙委发〔2022〕16号）" in ans.answer
    assert "共3项" in qa.answer("编制说明的编制依据有哪些？").answer


def test_what_a_run_in_title_has_someone_do_is_its_paragraph(qa):
    # wz:82: "加强组织领导。" opens the paragraph; "…要求各有关部门怎么做" is answered with what follows it (各司其职…),
    # not the title alone
    ans = qa.answer("温州方案“加强组织领导”要求各有关部门怎么做？")
    assert "各司其职，各负其责，形成合力" in ans.answer


def test_a_count_in_ge_is_a_sections_size_only_after_the_word_has():
    # "有几个" after a section's name asks its size ("有" before it); "要建几个" counts what a sentence has built (h36-refusal-04)
    from rag.answerers.section import SECTION_COUNT_Q
    assert SECTION_COUNT_Q.search("编制说明的编制依据有几个？") and SECTION_COUNT_Q.search("那部分一共有几项？")
    assert not SECTION_COUNT_Q.search("省里生活垃圾焚烧飞灰综合利用项目要建几个？")
