"""MentionsAnswerer on the real corpus: every place a document writes a term."""
import pytest

from rag.answerers.base import Ask
from rag.answerers.mentions import MentionsAnswerer, term_asked


def test_every_sentence_and_row_writing_the_term_is_listed_and_cited(qa):
    # tz writes 大陈岛 in prose (tz:37 twice, tz:87, tz:89) and in four list rows (tz:149, 171, 179, 260);
    # the passage answer gave two of them
    ans = qa.answer("台州方案哪些地方提到了大陈岛")
    assert "共有8处相关记载" in ans.answer and not ans.refused
    assert {c.start_line for c in ans.citations} == {37, 87, 89, 149, 171, 179, 260}
    assert all(c.doc_id == "tz-pilot" for c in ans.citations)


def test_a_count_of_mentions_is_the_number_listed(qa):
    # zj:201-205 (prose) and zj task list row 10 (zj:942-950) write 岸电; the count is not dropped by
    # the verifier as an unsupported number
    ans = qa.answer("省方案里有几处提到岸电")
    assert "共有2处相关记载" in ans.answer
    assert "1. " in ans.answer and "2. " in ans.answer and "任务清单第10项" in ans.answer


def test_a_term_in_another_cell_of_a_row_names_that_cell(qa):
    # gz:1246 writes 城市污水 only in the row's 主要内容 cell, not in its project name
    query = qa.parser.run("温州规划哪些地方提到了城市污水")
    draft = qa.mentions.run(Ask("温州规划哪些地方提到了城市污水", query, ["wz-gazette-2023-06"]))
    assert draft is not None and "“主要内容”一栏" in draft.text and "龙港市循环经济产业园工程" in draft.text


def test_an_unwritten_term_is_not_listed(qa):
    ans = qa.answer("省方案哪些地方提到了核聚变")
    assert ans.refused and "核聚变" in ans.answer


@pytest.mark.parametrize("q, term", [("台州方案哪些地方提到了大陈岛？", "大陈岛"), ("省方案里提到“岸电”的有哪些", "岸电"),
                                     ("温州方案里有几处提到碳普惠？", "碳普惠"), ("台州方案里提到哪些岛", "岛"),
                                     ("台州以哪个岛为试点", ""), ("温州方案提到海上风电了吗？", ""),
                                     ("省方案在哪里提到岸电", ""), ("台州方案里提到哪些海岛", "岛"), ("省方案提到哪些城市", ""),
                                     ("温州任务清单里哪几项提到了光伏？", "光伏"), ("协同治理清单里涉及医化的有几条？", "医化"),
                                     ("清单里几项是省生态环境厅牵头的？", "")])
def test_the_term_asked(q, term):
    assert term_asked(q) == term


def test_inputs_are_checked(qa):
    with pytest.raises(TypeError):
        MentionsAnswerer(object(), qa.sentences)
    with pytest.raises(ValueError):
        MentionsAnswerer(qa.res, qa.sentences, max_shown=0)


def test_the_plan_named_is_read_not_its_drafting_note_and_a_heading_is_listed_once(qa):
    # "省方案" is the plan (zj-plan), not its drafting note, whose title quotes the plan's; the heading
    # "（十八）重点产业园区减污降碳协同创新试点" (zj) is a title and a run-in sentence: one mention
    ans = qa.answer("省方案提到了哪些园区")
    assert {c.doc_id for c in ans.citations} == {"zj-plan"}
    assert ans.answer.count("“（十八）重点产业园区减污降碳协同创新试点") == 1


def test_what_a_document_asks_of_a_place_is_every_mention_of_it(qa):
    # "省方案对温州有什么要求" was refused (温州 read as a document asked, then as nothing): the plan names
    # 温州 in 4 sentences and 5 task-list rows, each listed; "省方案" is the plan, not its note
    ans = qa.answer("省方案对温州有什么要求")
    assert "写到“温州”的共有9处相关记载" in ans.answer and {c.doc_id for c in ans.citations} == {"zj-plan"}
    assert "支持温州开展红树林蓝碳试点" in ans.answer.replace("\n", "")
    ans = qa.answer("省里对台州有哪些安排")
    assert "写到“台州”的共有5处相关记载" in ans.answer
    # a place with an item of its own asks that item, not every mention
    query = qa.parser.run("省方案里宁波的光伏目标是多少")
    assert qa.mentions.run(Ask("省方案里宁波的光伏目标是多少", query, ["zj-plan"])) is None
    # a place the document never names is refused (h22-refusal-01)
    assert qa.answer("台州方案里宁波有什么任务？").refused


def test_the_rows_of_a_list_named_writing_the_term_are_counted_as_its_items(qa):
    # tz 协同治理清单 rows 10, 19, 40, 48, 49, 59 write 医化 (tz:155, 166, 192, 201, 202, 214); the prose
    # (tz:43, 53, 85) and the 协同创新清单 (tz:227, 231) are not that list. The list's size (66) had answered.
    ans = qa.answer("台州协同治理清单里涉及医化的有几条？")
    assert "“协同治理清单”中写到“医化”的共有6项" in ans.answer and "66" not in ans.answer
    assert [c.start_line for c in ans.citations] == [155, 166, 192, 201, 202, 214]
    # "哪几项提到了…": wz 任务清单 rows 4 and 42 (wz:278, 518), not the 目标清单's row (wz:125)
    ans = qa.answer("温州任务清单里哪几项提到了光伏？")
    assert "共有2项" in ans.answer and {c.start_line for c in ans.citations} == {277, 517}
