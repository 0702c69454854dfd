"""Where a numbered row stands: the class or section its list files it under ("温州任务清单第28项属于哪一
节？" → "五、统筹保护修复和扩容增汇 › （十六）增强碳汇能力"; "它属于哪一类？" after a row of Taizhou's
capacity list → 科技创新).

A list files its rows under category rows (a section heading, "（十六）增强碳汇能力", or a class in a
column of its own, "科技创新"); the row's ``categories`` keep that path. The row answerer gives the row's
fields, not where it stands; here a question naming one row by its number (or following up on one) and
asking its class or section is answered with the path, the row cited. A list that files its rows under
no category leaves the question to the others.

Usage::

    rp = RowPlaceAnswerer(res)
    draft = rp.run(Ask("温州任务清单第28项属于哪一节？", query, ["wz-plan"]))
    # → "根据《温州市…》任务清单第28项“深入实施森林质量精准提升工程”，该项列在“五、… › （十六）增强碳汇能力”下[1]。"
"""
from __future__ import annotations

import re
from typing import Any

from ..compose import Citer, doc_label, quote
from .base import Answerer, Ask, Draft

#: the class or section asked of a row: "属于哪一节", "在哪个部分", "归哪一类", "是哪个方面的", "列在哪一章下"
CLASS_WORD = r"(?:节|部分|章|类|类别|方面|领域|板块|分类)"
PLACE_ASKED = re.compile(rf"(?:属于|归属|归入|归|列在|放在|在|是)哪(?:一|个)?{CLASS_WORD}|哪(?:一|个)?{CLASS_WORD}(?:下|里|中)(?:的|面)")


class RowPlaceAnswerer(Answerer):
    """The class or section path of the one row a question names by its number."""

    name = "row_place"

    def __init__(self, res: Any) -> None:
        if not hasattr(res, "records") or not hasattr(res, "docs"):
            raise TypeError("res must be the chain's Resources")
        self.res = res

    def run(self, ask: Ask) -> Draft | None:
        q = ask.query
        if not q.item_no.isdigit() or not PLACE_ASKED.search(ask.question):
            return None
        rows = [r for r in self.res.records.values() if r.doc_id in ask.doc_ids and r.item_no == q.item_no
                and (not q.list_name or r.list_name == q.list_name)]
        if len(rows) != 1 or not rows[0].categories:
            return None  # (several lists' rows of that number, or a list with no classes: the others answer)
        r = rows[0]
        citer = Citer(self.res)
        meta = self.res.docs.get(r.doc_id)
        path = " › ".join(r.categories)
        text = (f"根据{doc_label(meta) if meta else r.doc_id}{r.list_name}第{r.item_no}项“{quote(r.text, 40)}”，"
                f"该项列在“{path}”下[{citer.record(r)}]。")
        return Draft(self.name, 1.0, text, citer.citations)
