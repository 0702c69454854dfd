"""Numbers in item text: deadline years and numeric targets.

>>> find_deadline("编制融合清单（完成期限为 2023年）。")
2023
>>> find_deadline("用水量较2020年下降16%") is None
True
>>> [t.text for t in find_targets("一般工业固体废物综合利用率达到98%以上。")]
['达到98%以上']
>>> find_list_default_year("注：上表中未注明的，完成时限均为 2025年。")
2025
"""
from __future__ import annotations

import re

from .types import Target

#: the Chinese digits, 一 … 十 (两 is 二 in a count: "两个")
CN_DIGITS = "一二三四五六七八九十"


def cn_value(numeral: str) -> int:
    """The value of a Chinese numeral up to 99 ("十二" → 12, "两" → 2), 0 if it is none.

    >>> cn_value("四"), cn_value("十二"), cn_value("二十三"), cn_value("两"), cn_value("甲")
    (4, 12, 23, 2, 0)
    """
    numeral = numeral.replace("两", "二")
    if not numeral or any(c not in CN_DIGITS for c in numeral):
        return 0
    if "十" not in numeral:
        return CN_DIGITS.index(numeral) + 1 if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)


def cn_numeral(value: int) -> str:
    """The Chinese numeral of 1 … 99.

    >>> cn_numeral(3), cn_numeral(10), cn_numeral(12), cn_numeral(20)
    ('三', '十', '十二', '二十')
    """
    tens, ones = divmod(value, 10)
    return (("" if tens == 1 else CN_DIGITS[tens - 1]) + "十" if tens else "") + (CN_DIGITS[ones - 1] if ones else "")


def numeral_value(text: str) -> int:
    """A count or ordinal written in digits or Chinese numerals ("12", "十二", "两"), 0 if it is neither.

    >>> numeral_value("12"), numeral_value("十二"), numeral_value("两"), numeral_value("几")
    (12, 12, 2, 0)
    """
    return int(text) if text.isdigit() else cn_value(text)


def cn_year(year: int) -> str:
    """A year written digit by digit in Chinese numerals, as official texts date ("二〇二五"): a year a
    question names, said back without digits no cited passage holds.

    >>> cn_year(2025), cn_year(2030)
    ('二〇二五', '二〇三〇')
    """
    if not isinstance(year, int) or not 1000 <= year <= 9999:
        raise ValueError("a year of four digits")
    return "".join("〇" if d == "0" else CN_DIGITS[int(d) - 1] for d in str(year))


def cn_number(value: float) -> str | None:
    """The Chinese numeral of a number from 0 to 9999 with at most two decimals (a threshold a
    question names, said back in words), else None.

    >>> [cn_number(v) for v in (100, 105, 120, 12, 1000, 2.5, 0.5, 376.6, 10000, 1.234)]
    ['一百', '一百零五', '一百二十', '十二', '一千', '二点五', '零点五', '三百七十六点六', None, None]
    """
    if value < 0 or value >= 10000 or round(value, 2) != value:
        return None
    whole, frac = f"{value:.2f}".rstrip("0").rstrip(".").partition(".")[::2]
    n = int(whole)
    if n == 0:
        out = "零"
    elif n < 100:
        out = cn_numeral(n)
    else:
        out, zero = "", False
        for digit, place in zip(f"{n:04d}", ("千", "百", "十", "")):
            if digit == "0":
                zero = bool(out)
                continue
            out += ("零" if zero else "") + CN_DIGITS[int(digit) - 1] + place
            zero = False
    return out + ("点" + "".join("零" if d == "0" else CN_DIGITS[int(d) - 1] for d in frac) if frac else "")


_Y = r"(20\d\d)\s*年"
_DEADLINE_PATTERNS = (
    re.compile(r"(完成期限|完成时限|期限|时限)(为|是)?\s*" + _Y),
    re.compile(_Y + r"\s*(年底|底|末)?\s*(前|以前)(完成|建成|实现)?"),
    re.compile(r"(到|至|于)\s*" + _Y + r"(底|末)?"),
)
_LIST_NOTE = re.compile(r"未注明的?[，,]?\s*完成(时限|期限)均为\s*(20\d\d)\s*年")

UNITS = (
    "个百分点", "万千瓦时", "万千瓦", "千瓦", "万吨/年", "万吨", "吨/年", "吨", "亿立方米", "万立方米", "万立方",
    "立方米", "公里", "千米", "万亩", "亩", "公顷", "平方公里", "万辆", "辆", "家", "条（个）", "条", "个", "处",
    "项", "亿元", "万元", "座", "台", "套", "微克/立方米", "毫米", "%", "％",
)
_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_TARGET = re.compile(
    r"(力争达到|力争|达到|达|不低于|不少于|不高于|超过|高于|低于|提高|提升|降低|下降|减少|控制在|保持在|保持|为|实现|建成|创建|打造|新增|完成|淘汰|修复|建设)?"
    r"\s*(\d+(?:\.\d+)?)\s*(" + _UNIT_RE + r")\s*(以上|以下|以内|左右|及以上)?"
)


def _strip_quoted(text: str) -> str:
    return re.sub(r"《[^》]*》", "", text)


def find_deadline(text: str) -> int | None:
    """The completion year an item states for itself, or None."""
    t = _strip_quoted(text)
    for pat in _DEADLINE_PATTERNS:
        for m in pat.finditer(t):
            start = m.start()
            if t[max(0, start - 1) : start] == "较" or t[max(0, start - 2) : start].endswith("较"):
                continue
            year = next(g for g in m.groups() if g and g.isdigit() and len(g) == 4)
            return int(year)
    return None


#: a year closing one sentence of a row ("编制…融合清单（完成期限为 2023年）。初步构建…"): it is that
#: sentence's deadline; the row's other sentences take the list's default
_SCOPED = re.compile(r"([^。；;]+?)[（(]\s*(?:完成期限|完成时限)\s*(?:为|是)?\s*(20\d\d)\s*年\s*[)）]")
_SCOPED_REST = 8  # CJK characters the rest of the row needs to hold a task of its own


def scoped_deadline(text: str) -> tuple[str, int] | None:
    """(the sentence, its year) when a row's stated year belongs to one of its sentences only.

    >>> scoped_deadline("编制融合清单（完成期限为 2023年）。初步构建碳监测网络。建设“减污降碳在线”应用场景。")
    ('编制融合清单', 2023)
    >>> scoped_deadline("编制融合清单（完成期限为 2023年）。") is None
    True
    """
    m = _SCOPED.search(text)
    if not m:
        return None
    rest = text[:m.start()] + text[m.end():]
    if len(re.findall(r"[\u4e00-\u9fff]", rest)) < _SCOPED_REST:
        return None
    return m.group(1).strip(), int(m.group(2))


def find_list_default_year(line: str) -> int | None:
    """The default year of a list's closing note ("注：上表中未注明的，完成时限均为2025年")."""
    m = _LIST_NOTE.search(line.replace(" ", ""))
    return int(m.group(2)) if m else None


def find_targets(text: str) -> list[Target]:
    """Numeric targets (value, unit, comparator) in an item's text; years are not targets."""
    out: list[Target] = []
    t = _strip_quoted(text)
    for m in _TARGET.finditer(t):
        verb, value, unit, post = m.group(1) or "", m.group(2), m.group(3), m.group(4) or ""
        before = t[max(0, m.start(2) - 1) : m.start(2)]
        if before == "较":
            continue
        comparator = post or verb
        phrase = (verb + value + unit.replace("％", "%") + post).replace(" ", "")
        out.append(Target(value=value, unit=unit.replace("％", "%"), comparator=comparator, text=phrase))
    return out
