"""SectionAnswerer: a section's items counted, and only those of a kind the question qualifies."""
import pytest

from rag.answerers.section import QUALIFIED_ITEMS


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
