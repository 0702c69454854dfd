"""LocationAnswerer on the real corpus: where in a document a topic is treated."""
import pytest

from rag.answerers.base import Ask
from rag.answerers.location import LocationAnswerer


def test_the_headings_above_the_topic_are_named_and_cited(qa):
    # wz:35 stands under "三、推进大气污染防治协同控制 › （六）强化移动源大气污染物与温室气体协同控制"
    ans = qa.answer("温州方案哪一部分讲清洁柴油车？")
    assert "（六）强化移动源大气污染物与温室气体协同控制”部分" in ans.answer and "牵头单位" not in ans.answer
    assert ("wz-plan", 35) in [(c.doc_id, c.start_line) for c in ans.citations]
    # zj:363 "（十六）增强碳汇能力" (was refused: "碳汇一节" taken for item words)
    assert "（十六）增强碳汇能力" in qa.answer("省方案里碳汇的内容在哪一节？").answer


def test_other_questions_are_left_to_other_answerers(qa):
    for q in ("温州方案第三部分讲什么？", "病死畜禽无害化处理那个工程建在哪几个县？", "温州方案讲了哪几方面？"):
        query = qa.parser.run(q)
        assert qa.location.run(Ask(q, query, query.doc_ids or list(qa.res.docs))) is None, q


def test_inputs_are_checked(qa):
    with pytest.raises(TypeError):
        LocationAnswerer(object(), qa.sentences)
    with pytest.raises(ValueError):
        LocationAnswerer(qa.res, qa.sentences, accept=0)
