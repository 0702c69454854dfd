"""Department (单位) names: recognise, split a list cell, normalise, alias, level.

Generic Chinese government naming rules only (prefixes 省/市/县…, suffixes 厅/局/委…);
the alias table in ``data/dept_aliases.json`` maps common abbreviations to full names.

>>> split_units("市发展改革委、市生态环境局按职责分工负责")
(['市发展改革委', '市生态环境局'], '', True)
>>> split_units("省生态环境厅，以下各项工作均需各市、县（市、区）落实，以下不再列出")
(['省生态环境厅'], '以下各项工作均需各市、县（市、区）落实，以下不再列出', False)
>>> unit_key("省建设厅") == unit_key("省住房和城乡建设厅")
True
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .types import Unit
from .vocab import PROVINCE_PREFIX, UNIT_SUFFIX

_DATA = Path(__file__).parent / "data" / "dept_aliases.json"

#: How a unit name may start (administrative level or a well-known issuer prefix).
LEVEL_PREFIX = re.compile(r"^(?:省|市|县|区|全省|全市|各|国家|人行|人民银行|中国|国网)")


def _starts_as_unit(text: str) -> bool:
    """An administrative level, an issuer prefix, or a province's name (the gazetteer's) starts it."""
    return bool(LEVEL_PREFIX.match(text) or PROVINCE_PREFIX.match(text))
#: Place-name prefix like 温州市 / 玉环市 / 椒江区 / 天台县 (2-4 CJK chars then 省市县区).
PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,5}?(省|市|县|区|新区)")
SHARED_RE = re.compile(r"(按)?职责分工负责$")
#: how answers and row tables write a shared lead: after the names, in the lists' own words
SHARED_LEAD = "按职责分工负责"
NOTE_START = re.compile(r"^(按《|按照《|具体参照|参照《|待|以下|根据)")
_SPLIT_SEPS = "、，,;；/／"  # ("市统计局/市生态环境局": two sources of one index row)
_WS = re.compile(r"\s+")


def clean_cell(text: str) -> str:
    """Remove whitespace (PDF wrap artifacts) inside a unit cell."""
    return _WS.sub("", text)


def _split_top(text: str) -> list[tuple[str, str]]:
    """Split on separators outside parentheses/brackets; returns (segment, separator)."""
    out: list[tuple[str, str]] = []
    depth = 0
    cur = []
    for ch in text:
        if ch in "（(《“[【":
            depth += 1
        elif ch in "）)》”]】":
            depth = max(0, depth - 1)
        if ch in _SPLIT_SEPS and depth == 0:
            out.append(("".join(cur), ch))
            cur = []
        else:
            cur.append(ch)
    out.append(("".join(cur), ""))
    return out


def is_unit_name(seg: str) -> bool:
    """True when ``seg`` reads as one department / organisation name.

    >>> is_unit_name("温州铁管中心"), is_unit_name("以下不再列出"), is_unit_name("市综合行政执法")
    (True, False, True)
    """
    seg = seg.strip()
    if not seg or len(seg) > 30 or "。" in seg or NOTE_START.match(seg):
        return False
    if UNIT_SUFFIX.search(seg):
        return True
    if re.match(r"^[\u4e00-\u9fff]{2,3}(市|县|区)$", seg) and not re.search(r"[各均需的等全本该]", seg):
        return True  # a county-level place standing for its government, e.g. 临海市
    # a truncated or unusual name that still starts like a unit, e.g. 市综合行政执法
    return _starts_as_unit(seg) and 3 <= len(seg) <= 12


def looks_incomplete(text: str) -> bool:
    """True when a unit cell's text stops in the middle of a name (a PDF wrap).

    >>> looks_incomplete("省经信厅、省交通运输厅、省农"), looks_incomplete("省经信厅、"), looks_incomplete("省经信厅")
    (True, True, False)
    """
    text = clean_cell(text)
    if not text:
        return False
    if text[-1] in _SPLIT_SEPS + "（(《“":
        return True
    if text.count("（") + text.count("(") > text.count("）") + text.count(")"):
        return True
    if text.count("《") > text.count("》"):
        return True
    tail = _split_top(text)[-1][0]
    if SHARED_RE.search(text) or re.search(r"(确定|列出|分工|单位|部门)$", text):
        return False
    if UNIT_SUFFIX.search(tail):
        return False
    if re.search(r"(按职责分|按职责|按|职责分工负|分工负|负)$", text):
        return True
    return bool(_starts_as_unit(tail) or PLACE_PREFIX.match(tail)) or len(tail) <= 2


def starts_unit_cell(text: str) -> bool:
    """True when a line can begin a new unit cell (a name or a note phrase)."""
    text = clean_cell(text)
    if re.match(r"^(市场|市县|县域|区域|市、县|省级|市级|县级|省内|市内)", text):
        return False
    if _starts_as_unit(text) or NOTE_START.match(text):
        return True
    first = _split_top(text)[0][0]
    return bool(PLACE_PREFIX.match(first)) and is_unit_name(first)


_BARE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,3}(市|县|区)$")
_PLACE_ORG = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:市|县|区)(人民政府|政府|管委会)$")


def distribute_suffix(units: list[str]) -> list[str]:
    """Give bare place names before "X县人民政府" the same suffix ("临海市、三门县人民政府").

    >>> distribute_suffix(["市生态环境局", "临海市", "温岭市", "三门县人民政府"])
    ['市生态环境局', '临海市人民政府', '温岭市人民政府', '三门县人民政府']
    """
    out = list(units)
    for j in range(len(out) - 1, 0, -1):
        m = _PLACE_ORG.match(out[j])
        if not m:
            continue
        i = j - 1
        while i >= 0 and _BARE_PLACE.match(out[i]):
            out[i] += m.group(1)
            i -= 1
    return out


def as_written(units: list[str], written: str) -> list[str]:
    """Undo :func:`distribute_suffix` for display where ``written`` (the row's source text) gives the
    shared suffix once: the names stay four units for lookups, the answer quotes the cell's wording.

    >>> as_written(["市生态环境局", "临海市人民政府", "温岭市人民政府", "三门县人民政府"],
    ...            "…尾水零直排。\t市生态环境局、临海市、温岭市、三门县人民政府")
    ['市生态环境局', '临海市', '温岭市', '三门县人民政府']
    >>> as_written(["临海市人民政府", "温岭市人民政府"], "临海市人民政府、温岭市人民政府")
    ['临海市人民政府', '温岭市人民政府']
    """
    flat = re.sub(r"\s+", "", written or "")
    out = list(units)
    e = len(out) - 1
    while e > 0:
        m = _PLACE_ORG.match(out[e])
        if not m:
            e -= 1
            continue
        bare = [u[: -len(m.group(1))] if _PLACE_ORG.match(u) and u.endswith(m.group(1)) else None for u in out[:e]]
        # the longest run of names before ``e`` sharing its suffix that the text writes bare
        s = e
        while s > 0 and bare[s - 1] is not None:
            s -= 1
        while s < e and "、".join([*bare[s:e], out[e]]) not in flat:
            s += 1
        if s < e and "、".join(out[s:e + 1]) not in flat:
            out[s:e] = bare[s:e]
            e = s - 1
        else:
            e -= 1
    return out


def split_units(cell: str) -> tuple[list[str], str, bool]:
    """Split a lead/participant cell into (unit names, note, shared-by-duty flag)."""
    units, note, shared = _split_units(cell)
    return distribute_suffix(units), note, shared


#: Two unit names run together where a separator was lost (OCR drops a "、" at a line end; some PDF
#: exports too): a unit ending (厅/局/委/办/政府, or a closing bracket after one) directly followed by
#: a level prefix (省/市/县) starts a new name. "省水利厅省林业局" → "省水利厅、省林业局".
RUN_TOGETHER = re.compile(r"(?<=[厅局委办府）)])(?=[省市县][\u4e00-\u9fff]{2,})")


def _split_units(cell: str) -> tuple[list[str], str, bool]:
    text = RUN_TOGETHER.sub("、", clean_cell(cell))
    if NOTE_START.match(text):
        return [], text, False
    shared = bool(SHARED_RE.search(text))
    if shared:
        text = SHARED_RE.sub("", text)
    if not text:
        return [], "", shared
    units: list[str] = []
    parts = _split_top(text)
    for i, (seg, _sep) in enumerate(parts):
        if not seg:
            continue
        m = re.match(r"^(.+?)(等.+)$", seg)
        if m and is_unit_name(m.group(1)) and re.match(r"等(省级|市级|县级|相关|有关|部门|单位|各)", m.group(2)):
            units.append(m.group(1))
            note = m.group(2) + _sep + "".join(s + p for s, p in parts[i + 1 :])
            return units, note.rstrip(_SPLIT_SEPS), shared
        after_slash = i > 0 and parts[i - 1][1] in "/／"
        if is_unit_name(seg) and not (after_slash and looks_incomplete(seg)):
            units.append(seg)
            continue
        # (a name after "/" the page cut short — "市统计局/市生态" — is kept as written, no unit: "市生态"
        # would be read as a department inside "温州市生态文明建设规划")
        note = "".join(s + p for s, p in parts[i:]).rstrip(_SPLIT_SEPS)
        return units, note, shared
    return units, "", shared


@lru_cache(maxsize=1)
def _aliases() -> dict[str, list[str]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data["abbreviations"].items()}


def _strip_notes(name: str) -> str:
    return re.sub(r"（[^（）]*）|\([^()]*\)", "", name)


def unit_key(name: str) -> str:
    """Normalised key: parenthetical notes removed, abbreviations expanded.

    >>> unit_key("省发展改革委（省能源局）")
    '省发展和改革委员会'
    """
    base = _strip_notes(clean_cell(name))
    province = PROVINCE_PREFIX.match(base)
    if province and province.group(0).endswith("省") and len(base) > province.end():  # 浙江省生态环境厅 → 省生态环境厅
        # (not "浙江海事局": a central agency in the province keeps its own name)
        prefix, body = "省", base[province.end():]
    else:
        m = re.match(r"^(省|市|县|区|[\u4e00-\u9fff]{2,4}?(?:市|县|区))(.+)$", base)
        prefix, body = (m.group(1), m.group(2)) if m else ("", base)
    for full, shorts in _aliases().items():
        if body == full or body in shorts:
            return prefix + full
    return prefix + body


#: a unit named in a unit's parentheses: the body that houses or is housed by it ("省发展改革委（省能源局）")
_PAREN_BODY = re.compile(r"（([^（）]*)）|\(([^()]*)\)")


def paren_units(name: str) -> list[str]:
    """The units a unit's parentheses name, as written: a row led by "省发展改革委（省能源局）" is led by
    省能源局 too — a sub-office ("市生态环境局（综合处）") names no unit of its own.

    >>> paren_units("省发展改革委（省能源局）"), paren_units("市生态环境局（综合处）")
    (['省能源局'], [])
    """
    return [b for m in _PAREN_BODY.finditer(clean_cell(name))
            if (b := m.group(1) or m.group(2) or "") and _starts_as_unit(b) and is_unit_name(b)]


def held_keys(units: Iterable[Unit]) -> set[str]:
    """The keys of ``units`` and of the units their parentheses name (:func:`paren_units`).

    >>> sorted(held_keys(make_units(["省发展改革委（省能源局）", "省经信厅"])))
    ['省发展和改革委员会', '省经济和信息化厅', '省能源局']
    """
    return {k for u in units for k in (u.key, *(unit_key(b) for b in paren_units(u.name)))}


def unit_aliases(name: str) -> list[str]:
    """All surface forms that should find this unit (for search and the jieba dictionary)."""
    key = unit_key(name)
    forms = {clean_cell(name), _strip_notes(clean_cell(name)), key}
    m = re.match(r"^(省|市|县|区)(.+)$", key)
    if m:
        for full, shorts in _aliases().items():
            if m.group(2) == full:
                forms.update(m.group(1) + s for s in shorts)
    return sorted(f for f in forms if f)


def unit_level(name: str, default: str = "") -> str:
    """省 / 市 / 县 from the name's prefix, else ``default`` (the document's level)."""
    n = clean_cell(name)
    if PROVINCE_PREFIX.match(n):
        return "省"
    if n.startswith("市") or re.match(r"^[\u4e00-\u9fff]{2,3}市(?!政府)", n):
        return "市"
    if re.match(r"^[\u4e00-\u9fff]{1,4}(县|区)", n) or n.startswith("县"):
        return "县"
    return default


def make_units(names: list[str], default_level: str = "") -> list[Unit]:
    return [Unit(name=n, key=unit_key(n), level=unit_level(n, default_level)) for n in names]
