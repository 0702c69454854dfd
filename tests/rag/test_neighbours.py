"""The row next to another: the anchor resolved as any row is, then the neighbour asked."""
import pytest

from rag.neighbours import Neighbours

WZ = "《温州市减污降碳协同增效实施方案》"


def _n() -> Neighbours:
    return Neighbours({("wz-plan", "任务清单"): set(range(1, 46)), ("wz-plan", "政策清单"): {1, 2, 3, 4, 5}},
                      {"温州市减污降碳协同增效实施方案": "wz-plan"})


def test_the_pointer_and_what_is_asked_are_read():
    n = _n()
    m = n.asked("台州清单里推进天台、温岭活性炭再生工程那项的上一项是什么？")
    assert (m.anchor, m.step, m.rest) == ("台州清单里推进天台、温岭活性炭再生工程", -1, "是什么？")
    assert n.asked("下一条谁牵头").anchor == "" and n.asked("后一项呢？").step == 1
    for q in ("最后一项呢？", "下一步怎么推进？", "上一年完成了吗？", "第一项是什么？"):
        assert n.asked(q) is None, q


def test_the_neighbour_of_one_cited_row_is_asked():
    n = _n()
    assert n.run(n.asked("那项的下一项"), f"根据{WZ}任务清单第10项“…”[1]。").question == f"{WZ}任务清单第11项"
    # a follow-up keeps its 呢 (the field the last question asked goes on); an anchored pointer asking nothing asks the row
    assert n.run(n.asked("上一项呢？"), f"根据{WZ}任务清单第20项“…”[1]。").question == f"{WZ}任务清单第19项呢？"
    assert n.run(n.asked("秸秆那项的下一项呢？"), f"根据{WZ}任务清单第11项“…”[1]。").question == f"{WZ}任务清单第12项是什么？"


def test_no_neighbour_is_said_and_several_rows_are_no_anchor():
    n = _n()
    assert n.run(n.asked("下一项呢？"), f"{WZ}政策清单第5项“…”").refusal == f"{WZ}政策清单第5项是该清单的最后一项，其后没有下一项。"
    assert "第一项，其前没有上一项" in n.run(n.asked("上一项呢？"), f"{WZ}任务清单第1项“…”").refusal
    two = f"{WZ}任务清单第5项“…”[1]\n{WZ}任务清单第6项“…”[2]"
    assert n.run(n.asked("下一项呢？"), two).question == "" and n.run(n.asked("下一项呢？"), two).refusal == ""
    assert n.run(n.asked("下一项呢？"), "《别的文件》任务清单第5项").question == ""  # a title no document has
    with pytest.raises(ValueError):
        Neighbours({("d", "l"): {0}}, {})


def test_the_row_after_one_named_by_its_words(qa):
    # 温州任务清单 row 10 ends "沿海五类专业化码头岸电设施全覆盖" (wz:316); row 11 is led by 市农业农村局 (wz:323-324)
    ans = qa.answer("码头岸电设施全覆盖那项的下一项谁牵头？")
    assert "任务清单第11项" in ans.answer and "牵头单位为市农业农村局" in ans.answer


def test_the_row_before_as_a_follow_up_keeps_the_field_asked(qa):
    first = qa.answer("温州任务清单第20项谁牵头？")
    ans = qa.answer("上一项呢？", history=[{"role": "user", "content": "温州任务清单第20项谁牵头？"},
                                        {"role": "assistant", "content": first.answer}])
    assert "任务清单第19项" in ans.answer and "牵头单位为市发展改革委、市经信局、市生态环境局、市住建局" in ans.answer


def test_past_the_last_row_is_refused_with_why(qa):
    ans = qa.answer("温州政策清单第5项的下一项是什么？")
    assert ans.refused and "政策清单第5项是该清单的最后一项" in ans.answer


def test_both_neighbours_at_once(qa):
    # 省目标清单 row 11 (zj:645-654) and row 9 (zj:633-637) around row 10
    ans = qa.answer("省目标清单第10项的下一项和上一项分别是什么？")
    assert "目标清单第11项“除保留的应急" in ans.answer and "目标清单第9项“溶剂型工业涂料" in ans.answer
    n = _n()
    both = n.run(n.asked("下一项和上一项呢？"), f"{WZ}政策清单第5项“…”")
    assert both.question == f"{WZ}政策清单第4项呢？"  # (no row after the last: the one before is still asked)
