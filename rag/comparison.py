"""Which of the regions' values is higher, when a question asks it ("省里和温州的非化石能源占比目标哪个更高？").

The chain answers such a question side by side, each document's row or sentence cited; this component
reads the value each region's cited passages state for the item and says which is higher — only when
every region compared states one value, all in one unit. A region whose documents state several values
for the item (a plan's 2025 target beside a gazette table's 62), or a passage stating none, gets no
verdict: the side-by-side answer stands alone rather than a comparison of the wrong values.

Usage::

    cmp = ValueComparer()
    verdict = cmp.run("省里和温州的非化石能源占比目标哪个更高？", "非化石能源占比", citations,
                      {"zj-plan": "浙江省", "wz-plan": "温州市"})
    verdict.text  # → "比较：按以上原文，浙江省（达到24%）高于温州市（达到13%）。" ("哪个更低": "温州市（…）低于浙江省（…）")
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from .answer_type import SIZE_COMPARED, WHICH_EARLIER, WHICH_HIGHER
from .retrievers import coverage
from .types import Citation, Fact

#: a value with its unit and the word bounding it ("98%以上", "500万千瓦", "不低于30%"); years are no value
VALUE = re.compile(r"(?:不低于|不少于|不超过|超过|达到?|保持在?|控制在)?(\d+(?:\.\d+)?)\s*"
                   r"(%|个百分点|万千瓦|千瓦|万吨|吨|公里|公顷|万亩|亩|亿元|万元|万辆|辆|个|家|条|项|座|处)"
                   r"(?:以上|以下|以内|左右)?")
#: the clauses of a passage a value is read in (a value belongs to the item its clause names)
CLAUSE = re.compile(r"[，,；;。：:\n]")
#: the comparing word asked → the word saying the first of two is more or less, as asked ("哪个更多" → 多于,
#: "哪个更低" → 低于: the lower named first), and whether the larger comes first
MORE_WORD = {"高": ("高于", True), "低": ("低于", False), "多": ("多于", True), "少": ("少于", False),
             "大": ("大于", True), "小": ("小于", False)}


@dataclass(frozen=True)
class Verdict:
    """Which region's value is higher: the line said after the side-by-side answer."""

    text: str
    values: dict[str, str]  # region → the value as written


def ranked_verdict(stated: Mapping[str, tuple[float, str]], larger_first: bool, source: str, word: str, same: str,
                   orders: tuple[str, str]) -> Verdict:
    """The verdict line on each region's one value (region → (number, as written)): equal values said equal,
    two regions with ``word`` between them (the one asked first: larger when ``larger_first``), more in order
    (``orders``: the words for larger-first and smaller-first).

    >>> ranked_verdict({"浙江省": (24.0, "24%"), "温州市": (13.0, "13%")}, False, "原文", "低于", "所写数值相同", ("由高到低", "由低到高")).text
    '比较：按以上原文，温州市（13%）低于浙江省（24%）。'
    """
    ranked = sorted(stated.items(), key=lambda kv: -kv[1][0] if larger_first else kv[1][0])
    shown = {region: written for region, (_, written) in ranked}
    said = "、".join(f"{r}（{w}）" for r, w in shown.items())
    if len({number for number, _ in stated.values()}) == 1:
        text = f"比较：按以上{source}，{said}{same}。"
    elif len(ranked) == 2:
        (a, wa), (b, wb) = shown.items()
        text = f"比较：按以上{source}，{a}（{wa}）{word}{b}（{wb}）。"
    else:
        text = f"比较：按以上{source}，{orders[0] if larger_first else orders[1]}为{said}。"
    return Verdict(text, shown)


class ValueComparer:
    """Says which region's value is higher, when each region compared states one value in one unit."""

    def __init__(self, min_cover: float = 0.7) -> None:
        """``min_cover``: the share of the item's character pairs a clause must write to state its value
        (a clause on another item of the same sentence — "建筑垃圾综合利用率达到90%以上" beside the
        固废 rate — states none)."""
        if not 0 < min_cover <= 1:
            raise ValueError("min_cover in (0, 1]")
        self.min_cover = min_cover

    def run(self, question: str, content: str, citations: Sequence[Citation],
            regions: Mapping[str, str], facts: Sequence[Fact] = ()) -> Verdict | None:
        """The verdict on ``question`` (asking which is higher), read from ``citations`` of the documents
        ``regions`` maps to their region; None when not asked, or when some region states no single value.
        Which is earlier or later is read from the rows' deadlines among ``facts``."""
        m = WHICH_HIGHER.search(question)
        if m and WHICH_EARLIER.search(m.group(0)):
            return self.earlier(m.group(0), facts, regions)
        if (size := SIZE_COMPARED.search(question)) and any(f.field == "count" for f in facts):
            return self.sizes(size.group(0), facts, regions)
        if not m or not content:
            return None
        word, larger_first = next((w for c in reversed(m.group(0)) if (w := MORE_WORD.get(c))), ("", True))
        if not word:
            return None  # (严, 宽, 快, 慢: which way is "more" the question alone does not say)
        found: dict[str, dict[tuple[float, str], str]] = {}
        for c in citations:
            region = regions.get(c.doc_id, "")
            if region:
                for key, written in self.values(c.text, content).items():
                    found.setdefault(region, {}).setdefault(key, written)
        if len(found) < 2 or any(len(v) != 1 for v in found.values()):
            return None
        stated = {region: next(iter(v.items())) for region, v in found.items()}
        if len({unit for (_, unit), _ in stated.values()}) != 1:
            return None
        return ranked_verdict({region: (number, written) for region, ((number, _), written) in stated.items()},
                              larger_first, "原文", word, "所写数值相同", ("由高到低", "由低到高"))

    @staticmethod
    def earlier(asked: str, facts: Sequence[Fact], regions: Mapping[str, str]) -> Verdict | None:
        """Which region's row is due earlier ("哪个完成得更早"; "更晚": the later named first), when each region's
        rows cited state one completion year; None otherwise.

        >>> from rag.types import Fact
        >>> fs = [Fact("p", "目标清单", "31", "deadline", 2023), Fact("w", "任务清单", "5", "deadline", 2025)]
        >>> ValueComparer.earlier("哪个更早", fs, {"p": "浙江省", "w": "温州市"}).text
        '比较：按以上条目，浙江省（2023年）早于温州市（2025年）。'
        """
        years: dict[str, set[int]] = {}
        for f in facts:
            if f.field == "deadline" and isinstance(f.value, int) and (region := regions.get(f.doc_id, "")):
                years.setdefault(region, set()).add(f.value)
        if len(years) < 2 or any(len(v) != 1 for v in years.values()):
            return None
        later_first = "晚" in asked
        return ranked_verdict({region: (float(y := next(iter(v))), f"{y}年") for region, v in years.items()},
                              later_first, "条目", "晚于" if later_first else "早于", "完成时限相同", ("由晚到早", "由早到晚"))

    @staticmethod
    def sizes(asked: str, facts: Sequence[Fact], regions: Mapping[str, str]) -> Verdict | None:
        """Which region's list has more rows ("哪个条目多"; "少": the smaller named first), when each region
        has one list counted among ``facts``; None otherwise.

        >>> from rag.types import Fact
        >>> fs = [Fact("w", "政策清单", "", "count", 5), Fact("p", "政策清单", "", "count", 9)]
        >>> ValueComparer.sizes("哪个条目多", fs, {"p": "浙江省", "w": "温州市"}).text
        '比较：按以上清单，浙江省（9项）多于温州市（5项）。'
        """
        word, larger_first = next((w for c in reversed(asked) if (w := MORE_WORD.get(c))), ("", True))
        counts: dict[str, list[int]] = {}
        for f in facts:
            if f.field == "count" and isinstance(f.value, int) and (region := regions.get(f.doc_id, "")):
                counts.setdefault(region, []).append(f.value)
        if not word or len(counts) < 2 or any(len(v) != 1 for v in counts.values()):
            return None
        return ranked_verdict({region: (float(v[0]), f"{v[0]}项") for region, v in counts.items()},
                              larger_first, "清单", word, "项数相同", ("由多到少", "由少到多"))

    def values(self, text: str, content: str) -> dict[tuple[float, str], str]:
        """The values ``text`` states in clauses writing the item ``content`` → as written.

        >>> ValueComparer().values("到2025年，一般工业固体废物综合利用率达到98%以上，建筑垃圾综合利用率达到90%以上。", "一般工业固废综合利用率")
        {(98.0, '%'): '达到98%以上'}
        >>> ValueComparer().values("\\t".join(["25", "提高建筑垃圾综合利用率指标", "建筑垃圾(1000吨/日)"]), "建筑垃圾综合利用率")
        {}
        """
        out: dict[tuple[float, str], str] = {}
        # (a table row's cells are read apart: the item named in one cell, the figures of another —
        # "提高…综合利用率指标\t餐厨垃圾(200吨/日)…" — state no value of the item)
        for clause in (c for cell in text.split("\t") for c in CLAUSE.split(re.sub(r"\s", "", cell))):
            if coverage(content, clause) >= self.min_cover:
                for m in VALUE.finditer(clause):
                    out.setdefault((float(m.group(1)), m.group(2)), m.group(0))
        return out
