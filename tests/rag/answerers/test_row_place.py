"""RowPlaceAnswerer on the real corpus: the class or section a numbered row is filed under."""
from rag.answerers.base import Ask
from rag.answerers.row_place import PLACE_ASKED


def test_a_rows_section_path(qa):
    ans = qa.answer("温州任务清单第28项属于哪一节？")  # wz:429 (十六) under 五、 (wz:405)
    assert "任务清单第28项“深入实施森林质量精准提升工程”，该项列在“五、统筹保护修复和扩容增汇 › （十六）增强碳汇能力”下" in ans.answer
    assert [c.start_line for c in ans.citations] == [431]


def test_a_rows_class_as_a_follow_up(qa):
    first = qa.answer("台州协同能力清单第3项谁负责？")
    ans = qa.answer("它属于哪一类？", history=[{"role": "user", "content": "台州协同能力清单第3项谁负责？"},
                                          {"role": "assistant", "content": first.answer}])
    assert "协同能力清单第3项" in ans.answer and "该项列在“科技创新”下" in ans.answer  # tz:259


def test_other_questions_and_lists_without_classes_are_left(qa):
    assert PLACE_ASKED.search("近期重点工程第14项属于哪个领域？") and PLACE_ASKED.search("第3项是哪一类的")
    assert not PLACE_ASKED.search("第5项涉及哪个领域的减排？")
    rp = qa.row_place
    for q in ("省目标清单第5项属于哪一类？",  # the target list files its rows under no class
              "温州任务清单第28项谁牵头？"):
        assert rp.run(Ask(q, qa.parser.run(q), ["zj-plan", "wz-plan"])) is None, q
