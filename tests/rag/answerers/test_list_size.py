"""ListSizeAnswerer on the real corpus: a list named by its printed title, counted."""
import pytest

from rag.answerers.base import Ask
from rag.answerers.list_size import COUNT_ASKED, COUNT_WORDS, ListSizeAnswerer


def test_a_list_named_by_its_title_is_counted(qa):
    # 附表2 "温州市生态文明建设远期重点工程清单": rows 1–7, the last at gz:1291
    ans = qa.answer("远期重点工程有几个？")
    assert "附表2（温州市生态文明建设远期重点工程清单）共7项" in ans.answer
    assert [(c.start_line, c.end_line) for c in ans.citations] == [(1291, 1291)]
    both = qa.answer("温州重点工程有多少项")  # "重点工程" names both lists
    assert "共42项" in both.answer and "共7项" in both.answer


def test_words_besides_the_title_or_a_list_named_by_name_are_left_to_others(qa):
    ls = qa.list_size
    for q in ("近期重点工程中垃圾分类的有几个？",  # something narrower than the list
              "附表1一共多少项？",  # a list named by its name: the chain's count path
              "近期重点工程在哪里建？"):  # no count asked
        query = qa.parser.run(q)
        assert ls.run(Ask(q, query, list(qa.res.docs))) is None, q


def test_count_patterns():
    assert all(COUNT_ASKED.search(q) for q in ("一共多少项", "有几个", "数量是多少", "共有"))
    assert not COUNT_ASKED.search("投资多少亿元")
    assert COUNT_WORDS.sub("", "里一共有多少项") == ""


def test_inputs_are_checked():
    with pytest.raises(TypeError):
        ListSizeAnswerer(object(), {})


def test_a_count_of_another_thing_is_no_list_size_nor_table_count(qa):
    # "几个县" counts counties: neither 附表1/2's rows (42, 7) nor the 汇总表's 工程数量 (49) answers it
    ans = qa.answer("重点工程一共涉及几个县？")
    assert "共42项" not in ans.answer and "工程数量" not in ans.answer
    # a word for the entries ("项目") counts them
    assert "共42项" in qa.answer("近期重点工程一共有多少个项目？").answer
    assert "工程数量(个)为11" in qa.answer("生态安全领域有多少个项目？").answer
