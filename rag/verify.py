"""Verification: every number, year and department name an answer asserts must occur in a cited
passage. A clause that fails is dropped; if nothing with substance is left, the answer refuses.

>>> v = Verifier(["省生态环境厅", "省经信厅"])
>>> passages = {1: "23 一般工业固体废物综合利用率达到 98%以上。 省生态环境厅 省经信厅、省建设厅"}
>>> r = v.run("牵头单位为省生态环境厅；目标为达到99%以上[1]。", passages)
>>> r.text, r.dropped
('牵头单位为省生态环境厅[1]。', ['目标为达到99%以上'])
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

MARK = re.compile(r"\[(\d+)\]")
#: Things that are locators or structure, not claims: 《titles》, [n], 第N项/行/页, 附件N, 表2-1, item counts.
EXEMPT = re.compile(r"《[^》]*》|\[\d+\]|第\s*\d+(?:\s*[-–]\s*\d+)?\s*[项条行页期]|附件\s*\d+|附?表\s*\d+(?:[-－.]\d+)?|\d+\s*项|总第\d+期"
                    r"|(?:现状值|规划值|目标值|预期值)\s*[（(]\s*\d{4}\s*年?\s*[)）]")  # a table's column name
NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: Department-like names not in the known list (e.g. invented by a model), matched from a word start.
GENERIC_UNIT = re.compile(r"(?:^|(?<=[\W为由是和与及]))(?:[\u4e00-\u9fff]{2,3}(?:市|县|区)|省|市|县|区)"
                          r"[\u4e00-\u9fff]{1,10}?(?:厅|局|委|办|中心|支行|管委会|政府)")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def views(passage: str) -> list[str]:
    r"""Ways to read a verbatim passage: as written (spaces dropped), and column by column for table
    rows whose cells wrap over lines ("市生态" on one line, "环境局" on the next).

    >>> "市生态环境局" in views("52、推动\t\t市建设局、市生态\t\n综合整治\t扩容\t环境局按职责分工负责")[1]
    True
    """
    lines = [ln for ln in passage.split("\n") if ln.strip()]
    out = [_norm(passage)]
    if any("\t" in ln for ln in lines):
        cells = [[c for c in ln.split("\t") if c.strip()] for ln in lines]
        out.append(_norm("".join(c[-1] for c in cells if c)))
        out.append(_norm("".join(c[0] for c in cells if c)))
    return out


def split_sentences(text: str, enders: str = "。\n", keep: bool = True) -> list[str]:
    """Split after sentence enders that are outside “quotes” (a quoted item may contain 。).

    >>> split_sentences("第1项“甲。乙”：牵头单位为A[1]。第2项：B[2]。")
    ['第1项“甲。乙”：牵头单位为A[1]。', '第2项：B[2]。']
    """
    out, cur, depth = [], [], 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        if ch in enders and depth == 0:
            if keep:
                cur.append(ch)
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


def _enumerated(name: str, hay: str) -> bool:
    """"临海市人民政府" is supported by "临海市、温岭市、三门县人民政府" (a suffix shared by a list).

    >>> _enumerated("临海市人民政府", "市生态环境局、临海市、温岭市、三门县人民政府")
    True
    """
    m = re.match(r"^([\u4e00-\u9fff]{2,3}(?:市|县|区))(人民政府|政府|管委会)$", name)
    if not m:
        return False
    pat = re.escape(m.group(1)) + r"(?:[、，][\u4e00-\u9fff]{2,3}(?:市|县|区))*[、，][\u4e00-\u9fff]{2,3}(?:市|县|区)" + re.escape(m.group(2))
    return re.search(pat, hay) is not None


@dataclass
class VerifyResult:
    text: str
    dropped: list[str] = field(default_factory=list)
    kept_claims: int = 0


class Verifier:
    """Check an answer's clauses against the passages they cite (by [n] marker)."""

    def __init__(self, unit_names: Iterable[str] = ()) -> None:
        names = sorted({n for n in unit_names if len(n) >= 3}, key=len, reverse=True)
        self._units = re.compile("|".join(map(re.escape, names))) if names else None

    def assertions(self, clause: str) -> list[str]:
        """Numbers and department names asserted by ``clause`` (locators and titles excluded)."""
        body = EXEMPT.sub(" ", clause)
        out: list[str] = []
        if self._units:
            for m in self._units.finditer(body):
                out.append(m.group(0))
            body = self._units.sub(" ", body)
        out += [m.group(0) for m in GENERIC_UNIT.finditer(body)]
        body = GENERIC_UNIT.sub(" ", body)
        out += NUMBER.findall(body)
        return out

    def unsupported(self, clause: str, passages: Iterable[str]) -> list[str]:
        hay = [v for p in passages for v in views(p)]
        return [a for a in self.assertions(clause) if not any(_norm(a) in h or _enumerated(a, h) for h in hay)]

    def run(self, text: str, passages: Mapping[int, str]) -> VerifyResult:
        """Drop clauses (split on ；/。/newline) whose assertions are not in their cited passages."""
        if not isinstance(passages, Mapping):
            raise TypeError("passages must map citation number → passage text")
        res = VerifyResult(text="")
        out_sentences: list[str] = []
        for sentence in split_sentences(text):
            if not sentence.strip():
                continue
            marks = [int(m) for m in MARK.findall(sentence)]
            cited = [passages[m] for m in marks if m in passages] or list(passages.values())
            tail_marks = "".join(f"[{m}]" for m in dict.fromkeys(marks))
            ending = "\n" if sentence.endswith("\n") else ("。" if sentence.rstrip().endswith("。") else "")
            core = MARK.sub("", sentence).rstrip("\n").rstrip("。")
            clauses = split_sentences(core, "；", keep=False)
            kept = []
            for i, c in enumerate(clauses):
                bad = self.unsupported(c, cited)
                if bad and i > 0:
                    res.dropped.append(c.strip())
                    continue
                if bad:  # the lead clause itself fails: the whole sentence goes
                    res.dropped.append(core.strip())
                    kept = []
                    break
                kept.append(c)
                if self.assertions(c):
                    res.kept_claims += 1
            if kept:
                out_sentences.append("；".join(kept) + (tail_marks if marks else "") + ending)
        res.text = "".join(out_sentences).strip()
        return res
