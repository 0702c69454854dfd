"""Lists the rows of a list picked by how many units a role column names ("温州任务清单里没有参与单位
的有几项？", "“水”这一类里只有一个责任单位的是哪项？", "参与单位超过5个的有哪些？").

No row is named — the rows are what is asked —, and no cell holds the number compared: it is the count
of the units the lead (牵头单位 / 责任单位) or participant (参与单位) column names. The lists read are
the list named, else the lists of the classes named ("“水”这一类"), else each list in scope with that
column; a class named, or a range of rows ("第1到10项里"), narrows the rows. A list without a participant column is not said to have rows
"without participants": it is said to have no such column. A lead written as a note and no unit ("按
《…》确定的职责分工负责", "待国家分工明确后确定") is counted as no number, not as none.

Usage::

    rc = RoleCountAnswerer(res, {doc: lines}, max_rows=40)
    draft = rc.run(Ask("温州任务清单里没有参与单位的有几项？", query, ["wz-plan"]))
    # → "根据《温州市…》任务清单，未列参与单位的共32项：第1项“…”[1]；…"
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ingest.types import Record, Unit
from ingest.values import cn_number, numeral_value

from ..compose import Citer, gist, quote
from ..row_range import in_range
from .base import Ask, Draft
from .column_value import LISTING
from .list_tables import ListKey, ListTableAnswerer

#: the rows are asked: a listing or count ("有哪些", "有几项"), or the one row ("是哪项")
ROWS_ASKED = re.compile(LISTING.pattern + r"|哪[项个条一]")
#: the participant column as questions name it
PARTICIPANT_WORDS = ("参与单位", "参与部门", "配合单位", "配合部门")
#: the lead column as questions name it (besides the list's own header, "责任单位"), and the verbs of the role
LEAD_WORDS = ("牵头单位", "牵头部门", "责任单位", "责任部门", "负责单位")
LEAD_VERBS = ("牵头", "负责")
#: a count in digits or Chinese numerals ("3", "三", "十二")
COUNT = r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})"
#: none in the column: "没有参与单位", "未列参与单位", "无参与单位", "参与单位为空" ({role}: the column's words)
NONE_ASKED = r"(?:没有|没|未列|未写|无|不设)(?:列)?(?:出)?{role}|{role}(?:为空|空缺|空白|是空的|一栏空着)"
#: exactly one: "只有一个责任单位", "责任单位只有一个", "只由一个单位牵头", "单独牵头", "一家牵头"
ONE_ASKED = (r"(?:只有|仅有|只由|仅由|只是)(?:一|1)(?:个|家)(?:{role}|单位|部门)|{role}(?:只有|仅有|仅|就)(?:一|1)(?:个|家)"
             r"|(?:单独|独家|一家单位|一个单位|一家)(?:{verb})")
#: a comparison with a count: "参与单位超过5个", "参与单位在3个以上", "参与单位不少于三个"
MORE_ASKED = r"{role}(?:有|数量)?(?P<op>超过|多于|大于|不少于|至少|少于|不足|不到|不超过)" + COUNT + r"(?:个|家)"
AROUND_ASKED = r"{role}(?:有|数量)?在?" + COUNT + r"(?:个|家)(?P<after>及以上|以上|及以下|以下)"
#: an exact count: "牵头单位有三个的", "有两个参与单位的", "参与单位为4个" (a bound after it is AROUND_ASKED's)
EXACT_ASKED = (r"{role}(?:有|为|是|共|共有)" + COUNT + r"(?:个|家)(?!及?以上|及?以下)"
               r"|(?:有|由)" + COUNT.replace("?P<n>", "?P<n2>") + r"(?:个|家)(?:{role}|单位|部门)")
#: any at all: "有参与单位的有几项", "列有参与单位的" (not "没有参与单位", which is NONE_ASKED's, read first)
ANY_ASKED = r"(?<![没未无])(?:有|列有|列了|写有|写了){role}(?:的|[？?]|$)"
#: a lead shared by several units as the list writes it ("按职责分工负责"), or as officials say it ("共同牵头")
SHARED_ASKED = re.compile(r"按职责分工负责|职责分工负责|分工负责|共同牵头|联合牵头|多家(?:单位)?(?:共同)?牵头")
#: each operator, and how the condition is said back (the count in Chinese numerals: no cited row holds it)
OPS: dict[str, Callable[[int, int], bool]] = {
    ">": lambda v, n: v > n, ">=": lambda v, n: v >= n, "<": lambda v, n: v < n, "<=": lambda v, n: v <= n,
    "==": lambda v, n: v == n}
WORD_OPS = {"超过": ">", "多于": ">", "大于": ">", "不少于": ">=", "至少": ">=", "少于": "<", "不足": "<", "不到": "<",
            "不超过": "<=", "及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<="}
SAID = {">": "超过", ">=": "不少于", "<": "少于", "<=": "不超过"}
#: a class named by a label of one character or more: quoted ("“水”"), or before a class word ("水这一类")
CLASS_NAMED = "“{label}”|{label}(?:这一?类|一类|类|方面|领域|板块)"


@dataclass(frozen=True)
class RoleCondition:
    """How many units the role column must name: ``op`` on ``n`` (or "shared": a lead the list marks
    按职责分工负责); ``role`` "lead" or "participant"."""

    role: str
    op: str
    n: int

    def holds(self, count: int | None, shared: bool = False) -> bool:
        """Whether a row naming ``count`` units (``shared``: its lead marked 按职责分工负责) passes."""
        if self.op == "shared":
            return shared
        return count is not None and OPS[self.op](count, self.n)

    def said(self, header: str) -> str:
        if self.op == "shared":
            return f"{header}注明“按职责分工负责”"
        if self.op == "==" and self.n == 0:
            return f"未列{header}"
        if self.op == "==" and self.n == 1:
            return f"{header}只有一个"
        if self.op == ">=" and self.n == 1:
            return f"列有{header}"
        many = "两" if self.n == 2 else cn_number(self.n)  # ("两个", not "二个")
        return f"{header}{'有' if self.op == '==' else SAID[self.op]}{many}个"


def role_asked(question: str, words: Sequence[str], verbs: Sequence[str], role: str) -> RoleCondition | None:
    """The count condition ``question`` asks of the role named by ``words`` (or done as ``verbs``), or None.

    >>> role_asked("温州任务清单里没有参与单位的有几项？", PARTICIPANT_WORDS, (), "participant")
    RoleCondition(role='participant', op='==', n=0)
    >>> role_asked("只有一个责任单位的是哪项", LEAD_WORDS, LEAD_VERBS, "lead").n, role_asked("单独牵头的有哪些", LEAD_WORDS, LEAD_VERBS, "lead").op
    (1, '==')
    >>> role_asked("参与单位超过5个的有哪些", PARTICIPANT_WORDS, (), "participant"), role_asked("参与单位最多的是哪项", PARTICIPANT_WORDS, (), "participant")
    (RoleCondition(role='participant', op='>', n=5), None)
    >>> role_asked("牵头单位有三个的是哪几项", LEAD_WORDS, LEAD_VERBS, "lead"), role_asked("有两个参与单位的", PARTICIPANT_WORDS, (), "participant").n
    (RoleCondition(role='lead', op='==', n=3), 2)
    >>> role_asked("第11到20项里有参与单位的有几项", PARTICIPANT_WORDS, (), "participant"), role_asked("没有参与单位的", PARTICIPANT_WORDS, (), "participant").n
    (RoleCondition(role='participant', op='>=', n=1), 0)
    """
    alt = "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"
    verb = "(?:" + "|".join(map(re.escape, verbs)) + ")" if verbs else "(?!)"
    q = re.sub(r"\s", "", question)
    if re.search(NONE_ASKED.replace("{role}", alt), q):
        return RoleCondition(role, "==", 0)
    if re.search(ONE_ASKED.replace("{role}", alt).replace("{verb}", verb), q):
        return RoleCondition(role, "==", 1)
    if m := re.search(MORE_ASKED.replace("{role}", alt), q):
        return RoleCondition(role, WORD_OPS[m.group("op")], _count(m.group("n")))
    if m := re.search(AROUND_ASKED.replace("{role}", alt), q):
        return RoleCondition(role, WORD_OPS[m.group("after")], _count(m.group("n")))
    if m := re.search(EXACT_ASKED.replace("{role}", alt), q):
        return RoleCondition(role, "==", _count(m.group("n") or m.group("n2")))
    if re.search(ANY_ASKED.replace("{role}", alt), q):
        return RoleCondition(role, ">=", 1)
    return None


def _count(text: str) -> int:
    return numeral_value(text)


def classes_named(question: str, rows: Sequence[Record]) -> set[str]:
    """The category labels of ``rows`` the question names as a class ("“水”这一类", "固废方面").

    >>> r = Record(doc_id="d", list_name="清单", item_no="1", item_no_assigned=False, text="t", categories=["任务协同", "水"])
    >>> classes_named("任务协同清单“水”这一类里只有一个责任单位的是哪项", [r])
    {'水'}
    """
    q = re.sub(r"\s", "", question)
    labels = {c for r in rows for c in r.categories if c}
    return {lb for lb in labels if re.search(CLASS_NAMED.replace("{label}", re.escape(lb)), q)}


class RoleCountAnswerer(ListTableAnswerer):
    """The rows of a list whose lead or participant column names as many units as the question asks."""

    name = "role_count"

    def __init__(self, res: Any, texts: dict[str, list[str]], max_rows: int = 40) -> None:
        super().__init__(res, texts)
        if not isinstance(max_rows, int) or max_rows < 1:
            raise ValueError("max_rows must be a positive integer")
        self.max_rows = max_rows
        #: the lists with a participant column (some row names a participant or a note in it)
        self.with_participants = {k for k, rows in self.tables.rows.items()
                                  if any(r.participant_units or r.participant_note for r in rows)}

    @staticmethod
    def _units(r: Record, role: str) -> list[Unit]:
        return r.lead_units if role == "lead" else r.participant_units

    @staticmethod
    def _count(r: Record, role: str) -> int | None:
        """How many units the row's column names; None for a lead written only as a note."""
        if role == "lead":
            return len(r.lead_units) if r.lead_units or not r.lead_note else None
        return len(r.participant_units)

    def _condition(self, question: str, key: ListKey) -> tuple[RoleCondition, str] | None:
        """The condition asked and the column's header in this list ("责任单位")."""
        label = next((r.lead_label for r in self.tables.rows[key] if r.lead_label), "牵头单位")
        if SHARED_ASKED.search(question) and any(r.shared_lead for r in self.tables.rows[key]):
            return RoleCondition("lead", "shared", 0), label
        if c := role_asked(question, PARTICIPANT_WORDS, (), "participant"):
            return c, "参与单位"
        if c := role_asked(question, (label, *LEAD_WORDS), LEAD_VERBS, "lead"):
            return c, label
        return None

    def run(self, ask: Ask) -> Draft | None:
        q = ask.query
        if q.item_no or q.units or not ROWS_ASKED.search(ask.question):
            return None  # ("市生态环境局牵头、只有一个参与单位的": a department's rows, the listing path's)
        keys = [k for k in self.tables.rows if k[0] in ask.doc_ids]
        asked = {k: c for k in keys if (c := self._condition(ask.question, k))}
        if not asked:
            return None
        classes = {k: classes_named(ask.question, self.tables.rows[k]) for k in asked}
        named = self.tables.named(ask.question, list(asked), q.list_name) or [k for k in asked if classes[k]]
        if not named:
            return None  # (no list named: which list's rows are asked is not said)
        citer = Citer(self.res)
        blocks, absent = [], []
        for key in named:
            (cond, header), where = asked[key], self.where(key)
            if cond.role == "participant" and key not in self.with_participants:
                absent.append(f"{where}没有参与单位一栏")
                continue
            rows = [r for r in self.tables.rows[key] if all(lb in r.categories for lb in classes[key])]
            within = "".join(f"“{lb}”类" for lb in sorted(classes[key]))
            rows, numbered = in_range(rows, q.item_range)  # "第1到10项里没有参与单位的": that range's rows only
            within += numbered
            rows = [r for r in rows if cond.holds(self._count(r, cond.role), r.shared_lead)]
            if not rows:
                absent.append(f"{where}{within}中没有{cond.said(header)}的条目")
                continue
            blocks.append(self._block(where + within, cond, header, rows, citer))
        return self.picked(blocks, absent, citer.citations)

    def _block(self, where: str, cond: RoleCondition, header: str, rows: list[Record], citer: Citer) -> str:
        shown = rows[: self.max_rows]
        cut = len(shown) < len(rows)
        items = []
        for r in shown:
            units = "、".join(u.name for u in self._units(r, cond.role))
            text = quote(r.text, len(r.text)) if len(rows) <= 3 else gist(r.text, 30)
            items.append(f"第{r.item_no}项“{text}”" + (f"（{units}）" if units else "") + f"[{citer.record(r)}]")
        more = f"（列出前{len(shown)}项）" if cut else ""
        return f"根据{where}，{cond.said(header)}的共{len(rows)}项{more}：" + "；".join(items) + "。"
