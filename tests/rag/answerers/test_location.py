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


def test_a_place_the_item_names_stands_in_the_sentence_shown(qa):
    # zj:224-228 "聚焦绍兴、嘉兴纺织，衢州、嘉兴造纸，温州电镀等行业开展减污降碳协同" stands under "（八）深化水环境
    # 治理与温室气体减排协同"; the Wenzhou plan had been answered first, then the province's enterprise-pilot heading
    ans = qa.answer("温州电镀行业的减污降碳协同写在省方案哪一部分？")
    assert "深化水环境治理与温室气体减排协同" in ans.answer and [c.start_line for c in ans.citations] == [224]
    assert {c.doc_id for c in ans.citations} == {"zj-plan"}
