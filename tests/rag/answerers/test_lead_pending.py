"""LeadPendingAnswerer: the rows whose lead cell leaves the lead to be set, over fake records and the corpus."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from ingest.types import Record, Span, Unit
from rag.answerers.base import Ask
from rag.answerers.lead_pending import PENDING_ASKED, LeadPendingAnswerer
from rag.types import Query


def _res(*records: Record) -> SimpleNamespace:
    lines = [SimpleNamespace(text=f"第{k}行", page=None) for k in range(1, 11)]
    return SimpleNamespace(records={r.id: r for r in records}, docs={}, chunk_of_record={}, chunks={},
                           store=SimpleNamespace(source_lines=lambda doc_id: lines))


def _ask(question: str, list_name: str = "") -> Ask:
    return Ask(question, Query(text=question, content="", list_name=list_name), ["d"])


OPEN = Record(doc_id="d", list_name="政策清单", item_no="2", item_no_assigned=False, text="出台总量控制实施意见",
              lead_note="待国家分工明确后确定", span=Span("d", 2, 2))
SET = Record(doc_id="d", list_name="政策清单", item_no="1", item_no_assigned=False, text="制定评分细则",
             lead_units=[Unit(name="省生态环境厅", key="省生态环境厅", level="省")], span=Span("d", 1, 1))


@pytest.mark.parametrize("q,asked", [("政策清单里哪一项牵头单位还没确定？", True), ("哪些任务的牵头部门还未明确？", True),
                                     ("有没有牵头单位待定的？", True), ("评分细则谁牵头？", False),
                                     ("哪几项的牵头单位写的是待国家分工明确后确定？", True),
                                     ("牵头单位是省生态环境厅的有哪些？", False),
                                     ("哪些任务还没完成？", False), ("省政策清单里哪项还没有明确牵头单位？", True),
                                     ("尚未确定牵头部门的任务有哪些？", True)])
def test_the_question_asks_for_rows_without_a_lead(q, asked):
    assert bool(PENDING_ASKED.search(q)) is asked


def test_only_rows_whose_lead_cell_leaves_it_open_are_listed():
    with pytest.raises(ValueError):
        LeadPendingAnswerer(_res(), max_rows=0)
    lp = LeadPendingAnswerer(_res(OPEN, SET))
    assert lp.run(_ask("评分细则谁牵头？")) is None
    assert lp.rows(_ask("政策清单里哪一项牵头单位还没确定？", "政策清单")) == [OPEN]
    assert lp.rows(_ask("目标清单里哪一项牵头单位还没确定？", "目标清单")) is None  # no such list in scope


def test_a_list_leaving_no_lead_open_is_said_so_not_guessed():
    draft = LeadPendingAnswerer(_res(SET)).run(_ask("政策清单里有牵头单位待定的吗？", "政策清单"))
    assert draft is not None and draft.refused and "各项均已列明" in draft.text and not draft.citations


def test_over_the_corpus_the_province_policy_list_row_with_no_lead_yet(qa):
    ans = qa.answer("省政策清单里哪一项牵头单位还没确定？")
    assert not ans.refused and "出台浙江省二氧化碳总量控制实施意见" in ans.answer
    assert "待国家分工明确后确定" in ans.answer and "气候投融资" not in ans.answer
    assert qa.answer("温州政策清单里有牵头单位待定的吗？").refused
