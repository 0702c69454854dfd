"""Verification: every number, year and department name an answer asserts must occur in a cited
passage, and every department it gives a role (牵头 / 参与 / 责任 / 数据来源) and every deadline year
must hold that role or year in the cited row — or, for prose, in the clause of the passage that names
it. A clause that fails is dropped; if nothing with substance is left, the answer refuses.

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

from ingest.vocab import STRONG_UNIT_SUFFIXES, WEAK_UNIT_SUFFIXES

MARK = re.compile(r"\[(\d+)\]")
#: "根据《…》“（一）近期目标（2021—2025年）”部分：": the section a quote stands under — a locator when
#: it is the cited passage's own section, else a claim like any other; a title may quote a word itself
#: ("“凝聚共识 突破“瓶颈”制约 …”部分")
SECTION_LABEL = re.compile(r"“((?:[^“”\n]|“[^“”\n]{0,20}”){1,60})”部分")
#: Things that are locators or structure, not claims: 《titles》, [n], 第N项/行/页, 附件N, 表2-1, item counts,
#: and the answer's own count of the documents or mentions it goes on to list ("共有3份文件载有该事项",
#: "共有8处相关记载，以下列出前5处").
EXEMPT = re.compile(r"《[^》]*》|\[\d+\]|第\s*\d+(?:\s*[-–—]\s*\d+)?\s*[项条行页期]|附件\s*\d+|附?表\s*\d+(?:[-－.]\d+)?|\d+\s*项|总第\d+期"
                    r"|共有\d+(?:份文件|处相关记载|段相关表述)|以下列出前\d+处|(?m:^\d+\.\s)"  # "1. " numbers an outline's items
                    r"|(?:现状值|规划值|目标值|预期值)\s*[（(]\s*\d{4}\s*年?\s*[)）]")  # a table's column name
NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: the answer's own count of the departments or things it goes on to name ("参与单位共4个：A、B、C、D",
#: "列出的指标共9个：指标9、…"): structure when it agrees with the names listed after it, else a claim checked
#: like any other number
UNIT_COUNT = re.compile(r"共(\d+)个：([^；。\[\n]+)")
#: a 、 between two names (not one inside brackets: "各县（市、区）")
NAME_SEP = re.compile(r"、(?![^（(]*[）)])")


def mask_unit_counts(clause: str) -> str:
    """``clause`` with each count of departments blanked when it equals the number of names listed after it.

    >>> mask_unit_counts("参与单位共3个：市经信局、各县（市、区）政府、市住建局[1]")
    '参与单位共个：市经信局、各县（市、区）政府、市住建局[1]'
    >>> mask_unit_counts("参与单位共5个：市经信局、市住建局")
    '参与单位共5个：市经信局、市住建局'
    """
    def agreed(m: re.Match[str]) -> str:
        listed = [n for n in NAME_SEP.split(m.group(2)) if n.strip()]
        return "共个：" + m.group(2) if int(m.group(1)) == len(listed) else m.group(0)
    return UNIT_COUNT.sub(agreed, clause)


#: A number cut off where a long quoted item is shortened with "…".
CUT_NUMBER = re.compile(r"\d+(?:\.\d*)?…")
#: Department-like names not in the known list (e.g. invented by a model), matched from a word start:
#: a level or place, then a name ending as units end (ingest/vocab.py); everyday one-character
#: endings (所 站 队 处) need a name of two characters or more before them.
GENERIC_UNIT = re.compile(r"(?:^|(?<=[\W为由是和与及]))(?:[\u4e00-\u9fff]{2,3}(?:市|县|区)|省|市|县|区)"
                          r"(?:[\u4e00-\u9fff]{1,10}?(?:" + "|".join(sorted(STRONG_UNIT_SUFFIXES, key=len, reverse=True)) + ")"
                          r"|[\u4e00-\u9fff]{2,10}?(?:" + "|".join(WEAK_UNIT_SUFFIXES) + "))")


#: Role words. A label before the units ("牵头单位为A、B", "数据来源：C") gives its role to the units
#: that follow it in the same phrase; a verb after them ("由A牵头", "B参与") to the units before it.
#: 责任单位 (Taizhou's lists) and 主责 are the lead role; 配合/协同/协助/协办 take part.
ROLE_OF = {"牵头": "lead", "责任": "lead", "主责": "lead", "负责": "lead",
           "参与": "participants", "配合": "participants", "协同": "participants", "协助": "participants",
           "协办": "participants", "数据来源": "data_source", "数据由": "data_source", "提供数据": "data_source"}
ROLE_LABEL = re.compile(r"(牵头|责任|主责|参与|配合|协同|协助|协办)(?:单位|部门)\s*(?:为|是|包括|有|：|:)?"
                        r"|(数据来源|数据由)\s*(?:为|是|：|:)?")
ROLE_VERB = re.compile(r"(提供数据|牵头|主责|负责|参与|配合|协助|协办)")
#: Where a role stops carrying over: a new phrase.
PHRASE_END = re.compile(r"[，,；;。\n]")
#: A deadline claim: "完成时限为2027年", "2027年前完成", "于2027年底完成".
#: A weight claim of an index-table row: "权重为4", "权重：4分".
WEIGHT = re.compile(r"权重\s*(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)")
DEADLINE = re.compile(r"(?:完成时限|时限|期限)\s*(?:为|是|：|:)?\s*(20\d\d)\s*年|(20\d\d)\s*年\s*(?:前|底|年底)?\s*完成")


def mask_verbatim(text: str, passages: Iterable[str]) -> str:
    """``text`` with each outermost “…” quote blanked when its words stand verbatim (whitespace
    aside) in one of ``passages``.

    >>> mask_verbatim("主要内容为“其中2022年完成600个。”[1]", ["其中2022年完成600个。"])
    '主要内容为 [1]'
    >>> mask_verbatim("时限为“2024年”", ["2025年"])
    '时限为“2024年”'
    """
    flat = [re.sub(r"\s+", "", p) for p in passages]
    out, depth, start, last = [], 0, 0, 0
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                inner = re.sub(r"\s+", "", text[start + 1:i])
                if inner and any(inner in f for f in flat):
                    out.append(text[last:start] + " ")
                    last = i + 1
    out.append(text[last:])
    return "".join(out)


@dataclass(frozen=True)
class CitedRow:
    """What a cited table row says, field by field: a role or deadline claim is checked against these.

    >>> CitedRow(lead=("省生态环境厅",), participants=("省经信厅",)).holds("省经信厅", "lead")
    False
    """

    lead: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    data_source: tuple[str, ...] = ()
    deadline_year: int | None = None
    weight: str = ""
    other_years: tuple[int, ...] = ()  # the list's default, for a row whose year is one sentence's

    def holds(self, name: str, role: str) -> bool:
        names: tuple[str, ...] = getattr(self, role)
        joined = _norm("、".join(names))
        n = _norm(name)
        return any(_norm(x) == n for x in names) or (len(n) >= 3 and n in joined) or _enumerated(n, joined)


def _norm(text: str) -> str:
    """White space dropped (names wrap over lines), except between two digits, where it separates
    two numbers of adjacent cells ("2022-2025\t1.46" must not read as "2022-20251.46")."""
    return re.sub(r"\s+", "", re.sub(r"(?<=\d)\s+(?=\d)", "|", text or ""))


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


def _occurs(claim: str, hay: str) -> bool:
    """A department occurs as written (or in a list sharing its suffix); a number occurs as a whole
    number — "25" is not in "2025", "8" is not in "98".

    >>> _occurs("25", "完成时限均为2025年"), _occurs("25", "达到25%"), _occurs("98", "98.5%")
    (False, True, False)
    """
    c = _norm(claim)
    if NUMBER.fullmatch(c):
        return re.search(r"(?<![\d.])" + re.escape(c) + r"(?!\.?\d)", hay) is not None
    return c in hay or _enumerated(c, hay)


def _prose_role(name: str, role: str, passage: str) -> bool | None:
    """A prose passage supports "name has role" when a clause of it names the department and the
    role word nearest after it (or, failing one, the label before it) is of that role; it
    contradicts it when the clauses naming it give it only other roles; None when they give none.

    >>> _prose_role("市发展改革委", "lead", "由市发展改革委牵头，市自然资源和规划局参与。")
    True
    >>> _prose_role("市自然资源和规划局", "lead", "由市发展改革委牵头，市自然资源和规划局参与。")
    False
    """
    n = _norm(name)
    verdict: bool | None = None
    for clause in PHRASE_END.split(passage):
        c = _norm(clause)
        i = c.find(n)
        if i < 0:
            continue
        after = ROLE_VERB.search(c, i + len(n))
        labels = [ROLE_OF[m.group(1) or m.group(2)] for m in ROLE_LABEL.finditer(c[:i])]
        said = ROLE_OF[after.group(1)] if after else (labels[-1] if labels else None)
        if said == role:
            return True
        if said is not None:
            verdict = False
    return verdict


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
        """Numbers and department names asserted by ``clause`` (locators, titles and a count of the
        departments listed excluded)."""
        body = EXEMPT.sub(" ", mask_unit_counts(clause))
        out: list[str] = []
        if self._units:
            for m in self._units.finditer(body):
                out.append(m.group(0))
            body = self._units.sub(" ", body)
        out += [m.group(0) for m in GENERIC_UNIT.finditer(body)]
        body = GENERIC_UNIT.sub(" ", body)
        body = CUT_NUMBER.sub(" ", body)  # a quote cut short ("较202…") asserts no number "202"
        out += NUMBER.findall(body)
        return out

    def unit_mentions(self, clause: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of the department names in ``clause`` (locators and titles excluded)."""
        body = EXEMPT.sub(lambda m: " " * len(m.group(0)), clause)
        found: list[tuple[int, int, str]] = []
        if self._units:
            found += [(m.start(), m.end(), m.group(0)) for m in self._units.finditer(body)]
            body = self._units.sub(lambda m: " " * len(m.group(0)), body)
        found += [(m.start(), m.end(), m.group(0)) for m in GENERIC_UNIT.finditer(body)]
        return sorted(found)

    def role_claims(self, clause: str) -> list[tuple[str, str]]:
        """(department, role) pairs ``clause`` asserts.

        >>> Verifier(["市发展改革委", "市自然资源和规划局"]).role_claims("该项由市发展改革委牵头，市自然资源和规划局参与")
        [('市发展改革委', 'lead'), ('市自然资源和规划局', 'participants')]
        """
        found = self.unit_mentions(clause)
        events: list[tuple[int, str, str]] = [(a, "unit", name) for a, _, name in found]
        mentions = [(a, b) for a, b, _ in found]

        def inside_unit(pos: int) -> bool:
            return any(a <= pos < b for a, b in mentions)

        for m in ROLE_LABEL.finditer(clause):
            if not inside_unit(m.start()):
                events.append((m.start(), "label", ROLE_OF[m.group(1) or m.group(2)]))
        for m in ROLE_VERB.finditer(clause):
            if not inside_unit(m.start()) and not ROLE_LABEL.match(clause, m.start()):
                events.append((m.start(), "verb", ROLE_OF[m.group(1)]))
        for m in PHRASE_END.finditer(clause):
            events.append((m.start(), "end", ""))
        claims: list[tuple[str, str]] = []
        label, pending = "", []
        for _, kind, value in sorted(events, key=lambda e: e[0]):
            if kind == "end":
                label, pending = "", []
            elif kind == "label":
                label, pending = value, []
            elif kind == "unit":
                if label:
                    claims.append((value, label))
                else:
                    pending.append(value)
            elif pending:  # a verb after the units it speaks of
                claims += [(u, value) for u in pending]
                pending = []
        return claims

    def wrong_roles(self, clause: str, rows: Iterable[CitedRow], passages: Iterable[str]) -> list[str]:
        """Role and deadline claims the cited rows (or, without rows, the passages' clauses) contradict."""
        rows = list(rows)
        bad: list[str] = []
        for name, role in self.role_claims(clause):
            if rows:
                if not any(r.holds(name, role) for r in rows):
                    bad.append(f"{name}（{role}）")
            else:
                verdicts = [_prose_role(name, role, p) for p in passages]
                if True not in verdicts and False in verdicts:
                    bad.append(f"{name}（{role}）")
        # a deadline the answer asserts, not one standing in a verbatim quote of a cited passage
        # (“…其中2022年完成600个…” quotes a cell; it claims no deadline of the row)
        years = {int(a or b) for a, b in DEADLINE.findall(EXEMPT.sub(" ", mask_verbatim(clause, passages)))}
        stated = {r.deadline_year for r in rows if r.deadline_year} | {y for r in rows for y in r.other_years}
        if stated:
            bad += [f"{y}年（完成时限）" for y in sorted(years - stated)]
        weights = {r.weight for r in rows if r.weight}
        if weights:
            bad += [f"权重{w}" for w in WEIGHT.findall(EXEMPT.sub(" ", clause)) if w not in weights]
        return bad

    def unsupported(self, clause: str, passages: Iterable[str], rows: Iterable[CitedRow] = ()) -> list[str]:
        passages = list(passages)
        hay = [v for p in passages for v in views(p)]
        missing = [a for a in self.assertions(clause) if not any(_occurs(a, h) for h in hay)]
        return missing + self.wrong_roles(clause, rows, passages)

    @staticmethod
    def mask_sections(clause: str, sections: Iterable[str]) -> str:
        """``clause`` with the section labels that name a cited passage's section blanked (their years
        and numbers locate the quote; they claim nothing).

        >>> Verifier.mask_sections("根据“（一）近期目标（2021—2025年）”部分：", ["规划 / （一）近期目标（2021—2025年）"])
        '根据“”部分：'
        """
        sections = [s for s in sections if s]
        return SECTION_LABEL.sub(lambda m: "“”部分" if any(m.group(1) in s for s in sections) else m.group(0), clause)

    def run(self, text: str, passages: Mapping[int, str], rows: Mapping[int, CitedRow] | None = None,
            sections: Mapping[int, str] | None = None) -> VerifyResult:
        """Drop clauses (split on ；/。/newline) whose assertions are not in their cited passages, or
        whose roles and deadlines the cited rows (``rows``: citation number → fields) contradict.
        ``sections``: citation number → the section path of its passage (a label naming it is a locator)."""
        if not isinstance(passages, Mapping):
            raise TypeError("passages must map citation number → passage text")
        rows = rows or {}
        sections = sections or {}
        res = VerifyResult(text="")
        out_sentences: list[str] = []
        for sentence in split_sentences(text):
            if not sentence.strip():
                out_sentences.append(sentence)  # line breaks between sentences stay
                continue
            marks = [int(m) for m in MARK.findall(sentence)]
            cited_marks = [m for m in marks if m in passages] or list(passages)
            cited = [passages[m] for m in cited_marks]
            cited_rows = [rows[m] for m in cited_marks if m in rows]
            cited_sections = [sections[m] for m in cited_marks if m in sections]
            tail_marks = "".join(f"[{m}]" for m in dict.fromkeys(marks))
            ending = "\n" if sentence.endswith("\n") else ("。" if sentence.rstrip().endswith("。") else "")
            core = MARK.sub("", sentence).rstrip("\n").rstrip("。")
            clauses = split_sentences(core, "；", keep=False)
            kept = []
            for i, c in enumerate(clauses):
                bad = self.unsupported(self.mask_sections(c, cited_sections), cited, cited_rows)
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
