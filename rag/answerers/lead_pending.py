"""Answers "政策清单里哪一项牵头单位还没确定": the rows whose lead cell names no department yet.

A list sometimes leaves a row's lead open and says so in the cell ("待国家分工明确后确定", "待定"). A question
asking which rows these are shares no words with the rows: the cell's wording finds them. Where the
documents in scope leave no lead open, the answer says so (the rows are not guessed).

Usage::

    lp = LeadPendingAnswerer(res)
    draft = lp.run(Ask("省政策清单里哪一项牵头单位还没确定？", query, ["zj-plan"]))
    # → "政策清单中牵头单位待定的条目共1项：
    #    根据《…》政策清单第2项“出台浙江省二氧化碳总量控制实施意见”：牵头单位：待国家分工明确后确定[1]。"
"""
from __future__ import annotations

import re
from typing import Any

from ingest.types import Record

from ..compose import Citer, compose_record
from ..types import Fact
from .base import Answerer, Ask, Draft, list_rows_in_scope

#: a lead cell saying the lead is still to be set ("待国家分工明确后确定", "待定", "另行确定")
PENDING_CELL = re.compile(r"待.{0,16}?(?:确定|明确)|待定|另行(?:确定|明确)")
#: the question asks which rows have no lead yet ("牵头单位还没确定", "谁牵头还未明确", "牵头部门待定"), or
#: quotes such a cell as the lead ("牵头单位写的是待国家分工明确后确定"), or says it the other way round ("还没有明确
#: 牵头单位", "尚未确定牵头部门")
PENDING_ASKED = re.compile(r"(?:牵头|负责|责任)(?:单位|部门)?(?:还|尚|仍|都)?(?:没有?|未)(?:确定|定|明确|落实)"
                           r"|(?:还|尚|仍)?(?:没有?|未)(?:确定|明确|落实)(?:下来)?的?(?:牵头|负责|责任)(?:单位|部门)"
                           r"|(?:牵头|负责|责任)(?:单位|部门)?(?:是)?(?:待定|未定)"
                           r"|(?:牵头|负责|责任)(?:单位|部门)(?:写的?是|写着|标注为|标为|是|为)(?:" + PENDING_CELL.pattern + ")")


class LeadPendingAnswerer(Answerer):
    """Lists the rows of the lists in scope whose lead the list leaves to be set."""

    name = "lead_pending"

    def __init__(self, res: Any, max_rows: int = 40) -> None:
        if max_rows < 1:
            raise ValueError("max_rows must be >= 1")
        self.res = res
        self.max_rows = max_rows

    @staticmethod
    def pending(r: Record) -> bool:
        """Whether a row names no lead department and its lead cell says one is still to be set.

        >>> r = Record(doc_id="d", list_name="政策清单", item_no="2", item_no_assigned=False, text="出台…意见",
        ...            lead_note="待国家分工明确后确定")
        >>> LeadPendingAnswerer.pending(r), LeadPendingAnswerer.pending(Record(doc_id="d", list_name="l", item_no="1",
        ...     item_no_assigned=False, text="x", lead_note="按职责分工负责"))
        (True, False)
        """
        return r.kind == "list" and not r.lead_units and bool(PENDING_CELL.search(r.lead_note))

    def rows(self, ask: Ask) -> list[Record] | None:
        """The rows of the lists in scope (the list the question names, or every list) whose lead is left
        to be set, in document order; None when the question does not ask for them or no list is in scope."""
        if not PENDING_ASKED.search(re.sub(r"\s", "", ask.question)) or ask.query.item_no:
            return None
        in_scope = list_rows_in_scope(self.res, ask)
        if not in_scope:
            return None
        return sorted((r for r in in_scope if self.pending(r)),
                      key=lambda r: (r.doc_id, r.span.start_line if r.span else 0))[: self.max_rows]

    def run(self, ask: Ask) -> Draft | None:
        rows = self.rows(ask)
        if rows is None:
            return None
        if not rows:
            where = ask.query.list_name or "清单"
            return Draft(self.name, 1.0, f"牵头单位待定的条目：所问{where}的各项均已列明牵头单位或负责方式。",
                         [], refused=True)
        citer = Citer(self.res)
        facts: list[Fact] = []
        head = f"{ask.query.list_name or '清单'}中牵头单位待定的条目共{len(rows)}项：\n"  # (counted: "有几项" too)
        text = head + "\n".join(compose_record(r, ["lead"], citer, self.res, facts) for r in rows)
        return Draft(self.name, 1.0, text, citer.citations, facts=facts)
