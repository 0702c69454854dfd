"""BasisAnswerer on the real corpus: the sentence a document names its basis in."""
import pytest

from rag.answerers.base import Ask
from rag.answerers.basis import BASIS_Q, PURPOSE_Q, BasisAnswerer


def test_the_opening_sentence_naming_the_basis_answers_without_the_title_run_into_it(qa):
    # tz:7 "为贯彻落实…，根据《浙江省减污降碳协同创新区建设实施方案》等文件要求，制定本方案。" — the title
    # lines above it (tz:3-5) carry no sentence mark, so the text ran them into it; it was refused
    ans = qa.answer("台州方案的编制依据有哪些")
    assert not ans.refused and "根据《浙江省减污降碳协同创新区建设实施方案》等文件要求，制定本方案" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("tz-pilot", 7)]
    assert "“为贯彻落实全国生态环境保护大会精神" in ans.answer  # (the title is not quoted as its opening)
    zj = qa.answer("省方案是依据哪几个部门联合印发的哪个方案制定的？")  # (the basis described before the verb)
    assert "生态环境部等七部委联合印发的《减污降碳协同增效实施方案》" in zj.answer
    wz = qa.answer("温州方案是根据什么制定的")
    assert "《减污降碳协同增效实施方案》" in wz.answer and wz.citations[0].start_line == 6


def test_a_drafting_notes_basis_section_is_asked_before(qa):
    # the note's own "二、编制依据" (note:13) lists the documents: the section answers, not the plan's opening
    ans = qa.answer("省方案的编制依据是什么")
    assert "“二、编制依据”" in ans.answer and "环办综合函〔2022〕353号" in ans.answer


@pytest.mark.parametrize("q, asked", [("台州方案的编制依据有哪些", True), ("温州方案是根据什么制定的", True),
                                      ("这个规划依据哪些文件编制的", True),
                                      ("台州协同指数第5项指标的计分依据是什么", False),
                                      ("根据什么来确定优先控制化学品", False),
                                      ("省方案是依据哪几个部门联合印发的哪个方案制定的？", True),
                                      ("依据哪些标准制定排放限值并开展监测？", False)])
def test_the_basis_asked(q, asked):
    assert bool(BASIS_Q.search(q)) is asked


def test_inputs_are_checked(qa):
    with pytest.raises(TypeError):
        BasisAnswerer(object(), qa.sentences)
    with pytest.raises(ValueError):
        BasisAnswerer(qa.res, qa.sentences, quote_chars=5)


def test_a_documents_purpose_is_its_opening_sentence_from_its_first_line(qa):
    # zj:5-19 "为深入贯彻习近平总书记关于减污降碳协同增效系列指示 / 精神，…制定本实施方案": the first line has no
    # mark, yet is the sentence's, not the title's (zj:2-3); "针对什么问题" had quoted a sentence on 生态破坏问题
    ans = qa.answer("省方案的目的是什么？")
    assert "“为深入贯彻习近平总书记关于减污降碳协同增效系列指示精神" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("zj-plan", 5)]
    ans = qa.answer("台州方案主要是针对什么问题？")
    assert "制定目的" in ans.answer and [c.start_line for c in ans.citations] == [7]


@pytest.mark.parametrize("q, asked", [("省方案的目的是什么", True), ("为什么要制定这个方案", True),
                                      ("台州方案主要是针对什么问题", True), ("建设碳汇监测体系的目的是什么", False),
                                      ("台州要解决哪些问题", False)])
def test_the_purpose_asked(q, asked):
    assert bool(PURPOSE_Q.search(q)) is asked
