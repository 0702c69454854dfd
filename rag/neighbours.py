"""The row next to another ("码头岸电设施全覆盖那项的下一项谁牵头？", "上一项呢？").

A question may name a row only by its place beside another: the row before or after one it names by
its words or number, or — as a follow-up — beside the row the last answer gave. The anchor row is
resolved as any row is (by answering the words before 下一项), and the question is then asked of the
row next to it, named the way the chain reads a row: "《title》list第N项…". The row must be one: an
anchor answer citing several rows (or none) leaves the question as it is.

>>> n = Neighbours({("wz-plan", "任务清单"): set(range(1, 46))}, {"温州市减污降碳协同增效实施方案": "wz-plan"})
>>> m = n.asked("码头岸电设施全覆盖那项的下一项谁牵头？")
>>> m.anchor, m.step, m.rest
('码头岸电设施全覆盖', 1, '谁牵头？')
>>> n.asked("最后一项呢？") is None  # (the last row: no neighbour of another)
True
>>> n.run(n.asked("第10项的下一项和上一项分别是什么？"), "《温州市减污降碳协同增效实施方案》任务清单第10项“…”").question
'《温州市减污降碳协同增效实施方案》任务清单第11项是什么？《温州市减污降碳协同增效实施方案》任务清单第9项是什么？'
>>> n.run(m, "根据《温州市减污降碳协同增效实施方案》任务清单第10项“…”：牵头单位为…[1]。").question
'《温州市减污降碳协同增效实施方案》任务清单第11项谁牵头？'
>>> n.run(n.asked("下一项呢？"), "根据《温州市减污降碳协同增效实施方案》任务清单第45项“…”[1]。").refusal
'《温州市减污降碳协同增效实施方案》任务清单第45项是该清单的最后一项，其后没有下一项。'
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .question import ANSWER_ROW

#: "的下一项", "那项的上一条", "前一项", "后一条": the row one step from the row named before it (项/条
#: only: "上一年", "下一步" name no row; "最后一项" is the last row, not one after); the words before it
#: may end in the anchor's own pointer ("那项", "这一条") and a 的, which are no part of the anchor's words
NEIGHBOUR = re.compile(r"(?:(?:那|这)(?:一)?(?:项|条))?的?(?<![最])(?P<dir>[上下前后])一\s*(?:项|条)")
#: what an anchor keeps that names nothing of its own ("那", "里", punctuation)
ANCHOR_FILLER = re.compile(r"[\s，,、。？?的那这里中]+")
#: a question asking nothing besides the pointer ("下一项呢？", "上一条是什么"): the row itself is asked
NOTHING_ASKED = re.compile(r"^[\s呢吗？?。，,]*$")


#: a second pointer joined to the first ("下一项和上一项分别是什么"): each neighbour asked
JOINED = re.compile(r"^\s*(?:和|与|及|以及|、)\s*的?(?P<dir>[上下前后])一\s*(?:项|条)")


@dataclass
class NeighbourAsked:
    """A question pointing at the row next to another: ``anchor`` the words naming that row ("" for the
    last answer's row), ``step`` +1 (下/后) or -1 (上/前), ``rest`` what is asked of the neighbour;
    ``steps``: every neighbour asked when two are joined ("下一项和上一项"), else ``(step,)``."""

    anchor: str
    step: int
    rest: str
    steps: tuple[int, ...] = ()


@dataclass
class NeighbourResolved:
    """The question to ask of the neighbour row (``question``), or why there is none (``refusal``); both
    empty when the anchor is not one row."""

    question: str = ""
    refusal: str = ""


class Neighbours:
    """Turns "X的下一项…" into the question of the row after (before) X's row.

    ``numbers`` maps (doc_id, list_name) to the row numbers the list prints; ``titles`` a document title
    (as answers write it in 《》) to its doc_id.
    """

    def __init__(self, numbers: Mapping[tuple[str, str], Collection[int]], titles: Mapping[str, str]) -> None:
        if not all(isinstance(n, int) and n > 0 for ns in numbers.values() for n in ns):
            raise ValueError("row numbers must be positive integers")
        self.numbers = {k: frozenset(v) for k, v in numbers.items()}
        self.titles = dict(titles)

    @staticmethod
    def asked(question: str) -> NeighbourAsked | None:
        """The pointer ``question`` holds, or None."""
        if not isinstance(question, str):
            raise TypeError("question must be a string")
        m = NEIGHBOUR.search(question)
        if m is None:
            return None
        anchor = question[: m.start()]
        anchor = "" if not ANCHOR_FILLER.sub("", anchor) else anchor.rstrip(" ，,的")
        steps, rest = [1 if m.group("dir") in "下后" else -1], question[m.end():]
        if j := JOINED.match(rest):
            steps.append(1 if j.group("dir") in "下后" else -1)
            rest = re.sub(r"^(\s*的?)(?:分别|各自)", r"\1", rest[j.end():], count=1)
        return NeighbourAsked(anchor=anchor, step=steps[0], rest=rest, steps=tuple(dict.fromkeys(steps)))

    def run(self, asked: NeighbourAsked, anchor_answer: str) -> NeighbourResolved:
        """The neighbour's question, given the answer that resolved the anchor (or the last answer)."""
        # (a row an answer gives, "《title》任务清单第10项“…”", read as the follow-ups read it)
        rows = {(title, list_name, int(n)) for title, list_name, n in ANSWER_ROW.findall(anchor_answer or "")}
        if len(rows) != 1:
            return NeighbourResolved()
        title, list_name, n = next(iter(rows))
        doc_id = self.titles.get(title)
        numbers = self.numbers.get((doc_id, list_name), frozenset()) if doc_id else frozenset()
        if n not in numbers:
            return NeighbourResolved()
        # (a follow-up's "呢" keeps the field the last question asked; an anchored pointer asking nothing asks the row)
        rest = "是什么？" if asked.anchor and NOTHING_ASKED.match(asked.rest) else asked.rest
        rest = rest if len(asked.steps) < 2 or re.search(r"[？?]\s*$", rest) else rest + "？"
        questions, missing = [], []
        for step in asked.steps or (asked.step,):
            if n + step in numbers:
                questions.append(f"《{title}》{list_name}第{n + step}项{rest}")
                continue
            where = "最后一项，其后没有下一项" if n == max(numbers) else "第一项，其前没有上一项" if n == min(numbers) else ""
            missing.append(f"《{title}》{list_name}第{n}项是该清单的{where}。" if where
                           else f"《{title}》{list_name}没有第{n + step}项。")
        if not questions:
            return NeighbourResolved(refusal="".join(missing))
        return NeighbourResolved(question="".join(questions))
