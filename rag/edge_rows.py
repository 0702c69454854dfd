"""A list's first or last few rows ("温州政策清单前三项是什么？", "省政策清单最后两项是什么？",
"协同创新清单前两项的责任单位是谁？").

The rows are named by their place, not their numbers: once the list is known (the chain reads it from
the rest of the question, as for any row), the question becomes one question per row, each naming
its row the way the chain reads a row ("《title》list第N项…？"), and the parts are answered and
composed as any several-part question. More than ``MAX_ROWS`` rows are a listing, not parts: left as
asked. "前一项" and "最后一项" are one row (the neighbour and last-row paths), not this.

>>> e = EdgeRows.asked("省政策清单最后两项是什么？")
>>> (e.n, e.from_end, e.probe, e.rest)
(2, True, '省政策清单第1项是什么？', '是什么？')
>>> EdgeRows.run(e, [1, 2, 3, 4, 5, 6, 7, 8, 9], "《方案》政策清单")
'《方案》政策清单第8项是什么？《方案》政策清单第9项是什么？'
>>> EdgeRows.run(EdgeRows.asked("协同创新清单前两项的责任单位是谁？"), [1, 2, 3], "《方案》协同创新清单")
'《方案》协同创新清单第1项的责任单位是谁？《方案》协同创新清单第2项的责任单位是谁？'
>>> EdgeRows.asked("前一项呢？") is None and EdgeRows.asked("目前三项任务进展如何") is None
True
>>> EdgeRows.run(EdgeRows.asked("温州目标清单前五项里哪项没有参与单位？"), range(1, 31), "《方案》目标清单")
'温州目标清单第1到5项里哪项没有参与单位？'
>>> EdgeRows.asked("排名前三个县是哪些") is None
True
>>> EdgeRows.run(EdgeRows.asked("温州任务清单前十项里市发展改革委牵头的有哪些？"), range(1, 46), "《方案》任务清单")
'温州任务清单第1到10项里市发展改革委牵头的有哪些？'
>>> EdgeRows.run(EdgeRows.asked("政策清单前十项是什么？"), range(1, 46), "《方案》政策清单")
''
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.values import numeral_value

#: at most this many rows are asked as parts (more is a listing, the list's own answer)
MAX_ROWS = 5
#: "前三项", "最后两项", "后2条", "末三个", "前三个项目", "前十项里": the first or last N rows (N from 2: one
#: row is the neighbour's or the last row's; more than ``MAX_ROWS`` only as a range to look in, "前十项里…");
#: not "目前三项" / "之前两项", nor "前两个月" (a time)
EDGE = re.compile(r"(?<![目之以此])(?P<end>前|最后|末|后)\s*(?P<n>[二两三四五六七八九]|[二三四五]?十[一二三四五六七八九]?|[2-9]|[1-5]\d)"
                  r"\s*(?:个|项|条)"
                  r"(?P<kind>项目|工程|指标|任务|目标|政策|事项|条目)?"
                  # (what follows asks of them or looks within them: not "前三个县", "前两个月")
                  r"(?=的|是|分别|各|有|呢|谁|什么|哪|都|里|中|当中|之中|[？?，,。\s]|$)")
#: the rows as the place to look in ("前五项里哪项没有参与单位"): a range of rows, not a question per row
WITHIN = re.compile(r"^\s*(?:里面|里|中|当中|之中)")
#: what is asked of each row besides its place: nothing but the row ("分别是什么", "是什么", "有哪些")
ROW_ITSELF = re.compile(r"^\s*(?:的)?(?:分别|各自)?(?:是|为)?(?:什么|哪些|哪几[项个条]|啥)?(?:内容)?\s*[？?。]?\s*$")
#: "分别" before what is asked of each ("分别谁牵头"): each part asks it of its own row
EACH = re.compile(r"^(\s*的?)(?:分别|各自)")


@dataclass
class EdgeAsked:
    """The first (``from_end`` False) or last ``n`` rows asked; ``probe`` the question naming one row of
    the list in their place (for the chain to find the list); ``rest`` what is asked of each row."""

    n: int
    from_end: bool
    probe: str
    rest: str
    head: str
    within: bool = False  # "前五项里…": the rows are where to look, asked as a range


class EdgeRows:
    """Turns "…前三项…" into one question per row, once the list's row numbers are known."""

    @staticmethod
    def asked(question: str) -> EdgeAsked | None:
        """The first or last rows ``question`` asks, or None."""
        if not isinstance(question, str):
            raise TypeError("question must be a string")
        m = EDGE.search(question)
        if m is None:
            return None
        n = numeral_value(m.group("n"))
        head, rest = question[: m.start()], question[m.end():]
        if within := bool(WITHIN.match(rest)):
            return EdgeAsked(n=n, from_end=m.group("end") != "前", probe=f"{head}第1项", rest=rest, head=head, within=True)
        rest = "是什么？" if ROW_ITSELF.match(rest) else EACH.sub(r"\1", rest, count=1)
        return EdgeAsked(n=n, from_end=m.group("end") != "前", probe=f"{head}第1项{rest}", rest=rest, head=head)

    @staticmethod
    def run(asked: EdgeAsked, numbers: Sequence[int], where: str) -> str:
        """One question per row of the list at ``where`` ("《title》list") with row ``numbers``; "" when the
        list has fewer rows than asked, numbers some twice (it numbers its categories afresh), or more than
        ``MAX_ROWS`` are asked."""
        ordered = sorted(numbers)
        if (not 2 <= asked.n <= (len(ordered) if asked.within else MAX_ROWS) or asked.n > len(ordered)
                or len(set(ordered)) < len(ordered)):
            return ""
        picked = ordered[-asked.n:] if asked.from_end else ordered[: asked.n]
        if asked.within:  # (the question as asked, of the rows' range: "温州目标清单第1到5项里哪项…")
            return f"{asked.head}第{picked[0]}到{picked[-1]}项{asked.rest}"
        rest = asked.rest if re.search(r"[？?。]\s*$", asked.rest) else asked.rest + "？"
        return "".join(f"{where}第{k}项{rest}" for k in picked)
