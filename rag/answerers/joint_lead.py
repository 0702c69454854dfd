"""Answers "政策清单中哪几项是两个单位一起牵头的": the rows whose lead cell names several departments.

A question asking which rows are led jointly names no department and shares no words with the rows:
the number of lead departments a row lists finds them — exactly the number asked ("两个单位"), or two
or more ("多个部门共同牵头"). A question naming a department ("…和省林业局共同牵头的") is the chain's
listing by department, not this.

Usage::

    jl = JointLeadAnswerer(res)
    draft = jl.run(Ask("省方案政策清单中哪几项是两个单位一起牵头的？", query, ["zj-plan"]))
    # → "政策清单中由两个单位共同牵头的条目共2项：
    #    根据《…》政策清单第8项“出台支持气候投融资试点的意见”：牵头单位为省生态环境厅、浙江省银保监局[1]。 …"
"""
from __future__ import annotations

import re
from typing import Any

from ingest.types import Record
from ingest.values import cn_numeral, numeral_value

from ..compose import Citer, compose_record
from ..types import Fact
from .base import Answerer, Ask, Draft, list_rows_in_scope

#: several departments leading one row asked with their count ("两个单位一起牵头", "多个部门共同牵头", "由几个单位
#: 联合牵头的"): a numeral, or 多/几 for two or more, before 单位/部门, then 共同/一起/联合 + 牵头
JOINT_COUNTED = re.compile(r"(?P<n>\d{1,2}|[两二三四五六七八九十]|多|几)\s*(?:个|家)?(?:单位|部门)\s*(?:共同|一起|联合)\s*牵头")
#: ... or asked of rows with no count ("哪些是共同牵头的", "共同牵头的有几项")
JOINT_ASKED = re.compile(r"(?:共同|一起|联合)牵头的(?:有|是)?(?:哪|几|多少)|(?:哪|几|多少)[^，。？?]{0,8}(?:共同|一起|联合)牵头")


def asked_count(question: str) -> int | None:
    """The number of lead departments asked (None: two or more), or 0 when the question asks no joint lead.

    >>> asked_count("政策清单中哪几项是两个单位一起牵头的？"), asked_count("哪些任务由多个部门共同牵头？")
    (2, None)
    >>> asked_count("哪些是共同牵头的？"), asked_count("秸秆综合利用那条谁牵头？")
    (None, 0)
    """
    flat = re.sub(r"\s", "", question)
    if (m := JOINT_COUNTED.search(flat)) is None:
        return None if JOINT_ASKED.search(flat) else 0
    n = m.group("n")
    if n in ("多", "几"):
        return None
    return numeral_value(n)


class JointLeadAnswerer(Answerer):
    """Lists the rows of the lists in scope led by several departments (as many as asked)."""

    name = "joint_lead"

    def __init__(self, res: Any, max_rows: int = 40) -> None:
        if max_rows < 1:
            raise ValueError("max_rows must be >= 1")
        self.res = res
        self.max_rows = max_rows

    def rows(self, ask: Ask) -> tuple[list[Record], int | None] | None:
        """The rows of the lists in scope (the list the question names, or every list) whose lead cell names
        the number of departments asked, in document order, with that number; None when the question does not
        ask for them, names a department or a row, or no list is in scope."""
        n = asked_count(ask.question)
        if n == 0 or ask.query.units or ask.query.item_no:
            return None
        in_scope = list_rows_in_scope(self.res, ask)
        if not in_scope:
            return None
        held = [r for r in in_scope if (len(r.lead_units) == n if n else len(r.lead_units) >= 2)]
        return sorted(held, key=lambda r: (r.doc_id, r.span.start_line if r.span else 0))[: self.max_rows], n

    def run(self, ask: Ask) -> Draft | None:
        found = self.rows(ask)
        if found is None:
            return None
        rows, n = found
        where = ask.query.list_name or "清单"
        # (the count asked in words: a digit in the answer would be a value for the verifier to find cited)
        how = f"由{'两' if n == 2 else cn_numeral(n)}个单位" if n else "由多个单位"
        if not rows:
            return Draft(self.name, 1.0, f"所问{where}中没有{how}共同牵头的条目。", [], refused=True)
        citer = Citer(self.res)
        facts: list[Fact] = []
        # (a list whose one who-column is 责任单位 names no lead apart: its rows are answered for, not led)
        role = "牵头" if all(r.lead_label in ("", "牵头单位") for r in rows) else "负责"
        head = f"{where}中{how}共同{role}的条目共{len(rows)}项：\n"
        text = head + "\n".join(compose_record(r, ["lead"], citer, self.res, facts) for r in rows)
        return Draft(self.name, 1.0, text, citer.citations, facts=facts)
