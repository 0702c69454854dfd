"""Index tables (指标体系 / 协同指数): hierarchical indicators with weights and data sources.

Two extracted layouts occur and are handled without per-document rules:

* **tab rows** – one row a line, tab-separated; the leaf indicator is a number cell followed by
  its name, weight and data source; parent indicators are cells marked ``(一)`` / ``1.``
  (weight in parentheses) or plain labels (评价内容); a fragment in the column a parent was set
  in on the previous row continues that parent (a row split over a page).
* **flow** – PDF text; every indicator starts with a marker (``（一）``, ``1.``, ``（1）``,
  ``①``); its name may wrap over lines; the weight is the first stand-alone number after it;
  for a leaf, the data source follows the weight.

>>> text = "一级指标 二级指标 权重 数据来源\\n1.环境质\\n量\\n0.4\\n①PM2.5浓度 0.2 省生态\\n环境厅"
>>> rows = parse_index_flow(text.split("\\n")[1:], first_line_no=2)
>>> [(r.no, r.name, r.weight, r.source, [p["name"] for p in r.parents]) for r in rows]
[('1', 'PM2.5浓度', '0.2', '省生态环境厅', ['环境质量'])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vocab import VALUE_COLUMN

CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟"
M_CN = re.compile(r"[（(]\s*[" + CN + r"]+\s*[）)]")
M_DOT = re.compile(r"\d{1,2}\s*[.．]\s*(?=[\u4e00-\u9fff])")
M_PAREN = re.compile(r"[（(]\s*\d{1,2}\s*[）)]")
M_LEAF = re.compile("[" + CIRCLED + "]")
NUMBER = re.compile(r"(?<![\w.．/])(\d+(?:\.\d+)?|\.\d+)(?![\w.．%/])")
TRAILING_WEIGHT = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*[）)]\s*$")
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")

LEVEL_WORDS = re.compile(r"评价内容|评价方向|[一二三四五]级指标")
DEFAULT_LEVELS = ["评价内容", "一级指标", "二级指标", "三级指标"]


def header_levels(header_text: str) -> list[str]:
    """Indicator level names in the order the header gives them (the last is the leaf level).

    >>> header_levels("评价内\\n容\\n一级指标 二级指标 三级指标 数据来\\n源名称 权重")
    ['评价内容', '一级指标', '二级指标', '三级指标']
    """
    found = LEVEL_WORDS.findall(re.sub(r"\s+", "", header_text))
    return list(dict.fromkeys(found)) or DEFAULT_LEVELS


def _level(levels: list[str], depth: int) -> str:
    return levels[depth] if depth < len(levels) - 1 else f"第{depth + 1}层"


def is_index_header(line: str) -> bool:
    """A header line of an index table: names at least two indicator levels, or levels and 权重.

    >>> is_index_header("评价内容\\t一级指标\\t二级指标\\t三级指标\\t\\t\\t数据来源"), is_index_header("一级指标")
    (True, False)
    """
    hits = sum(w in line for w in ("一级指标", "二级指标", "三级指标", "权重", "分值"))
    return hits >= 2


@dataclass
class IndexRow:
    """One leaf indicator of an index table."""

    no: str
    name: str
    weight: str
    source: str
    parents: list[dict[str, str]] = field(default_factory=list)
    start_line: int = 0
    end_line: int = 0


def _squash(text: str) -> str:
    return _CJK_SPACE.sub("", text.strip())


def _split_weight(text: str) -> tuple[str, str, str]:
    """(name, weight, rest) where weight is the first stand-alone number of ``text``."""
    m = NUMBER.search(text)
    if not m:
        return _squash(text), "", ""
    return _squash(text[: m.start()]), m.group(1), _squash(text[m.end():])


def _circled_no(ch: str) -> str:
    return str(CIRCLED.index(ch) + 1)


def parse_index_flow(lines: list[str], first_line_no: int, levels: list[str] | None = None) -> list[IndexRow]:
    """Parse PDF flow text of an index table (header lines already removed).

    ``lines[i]`` is line ``first_line_no + i`` of the document; empty strings keep numbering.
    """
    # one string with a line map; markers found anywhere except inside a word
    text_parts: list[str] = []
    line_at: list[int] = []
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        text_parts.append(s)
        line_at.extend([first_line_no + i] * (len(s) + 1))
    text = "\n".join(text_parts) + "\n"
    markers: list[tuple[int, int, str]] = []  # (start, end, kind)
    for kind, rx in (("cn", M_CN), ("paren", M_PAREN), ("leaf", M_LEAF)):
        markers += [(m.start(), m.end(), kind) for m in rx.finditer(text)]
    markers += [(m.start(), m.end(), "dot") for m in M_DOT.finditer(text)
                if m.start() == 0 or text[m.start() - 1] in "\n \t"]
    markers.sort()
    levels = levels or DEFAULT_LEVELS
    rows: list[IndexRow] = []
    parents: dict[str, dict[str, str]] = {}
    order = ["cn", "dot", "paren"]
    for i, (start, end, kind) in enumerate(markers):
        stop = markers[i + 1][0] if i + 1 < len(markers) else len(text)
        body = text[end:stop]
        name, weight, rest = _split_weight(body)
        if kind == "leaf":
            no = _circled_no(text[start])
            rows.append(IndexRow(no=no, name=name, weight=weight, source=_squash(rest.replace("\n", "")),
                                 parents=[parents[k] for k in order if k in parents],
                                 start_line=line_at[start], end_line=line_at[max(start, stop - 2)]))
        else:
            parents[kind] = {"level": _level(levels, order.index(kind)), "name": _squash(name.replace("\n", "")),
                             "weight": weight}
            for k in order[order.index(kind) + 1:]:
                parents.pop(k, None)
    return rows


def _parent_from_cell(cell: str, levels: list[str], order: list[str]) -> tuple[str, dict[str, str]]:
    c = cell.strip()
    kind = "cn" if M_CN.match(c) else "dot" if M_DOT.match(c) else "label"
    m = TRAILING_WEIGHT.search(c)
    weight = m.group(1) if m else ""
    name = c[: m.start()] if m else c
    if kind == "cn":
        name = M_CN.sub("", name, count=1)
    elif kind == "dot":
        name = M_DOT.sub("", name, count=1)
    return kind, {"level": _level(levels, order.index(kind)), "name": _squash(name), "weight": weight}


def parse_index_rows(lines: list[str], first_line_no: int, levels: list[str] | None = None) -> list[IndexRow]:
    """Parse tab-separated rows of an index table (header lines already removed)."""
    levels = levels or DEFAULT_LEVELS
    rows: list[IndexRow] = []
    parents: dict[str, dict[str, str]] = {}
    order = ["label", "cn", "dot"]
    prev_cols: dict[int, str] = {}  # column → parent kind set on the previous non-empty row
    for i, raw in enumerate(lines):
        if not raw.strip():
            continue
        cells = raw.split("\t")
        leaf = next((x for x, c in enumerate(cells) if re.fullmatch(r"\s*\d{1,3}\s*", c)
                     and any(not re.fullmatch(r"\s*[\d.]*\s*", d) for d in cells[x + 1:])), None)
        cols: dict[int, str] = {}
        for x, c in enumerate(cells[: leaf if leaf is not None else len(cells)]):
            if not c.strip():
                continue
            kind, info = _parent_from_cell(c, levels, order)
            if kind == "label" and x in prev_cols and prev_cols[x] in parents:
                p = parents[prev_cols[x]]  # continuation of a parent split over a page
                _, frag = _parent_from_cell(c, levels, order)
                p["name"] = _squash(p["name"] + frag["name"])
                p["weight"] = p["weight"] or frag["weight"]
                cols[x] = prev_cols[x]
                continue
            parents[kind] = info
            for k in order[order.index(kind) + 1:]:
                parents.pop(k, None)
            cols[x] = kind
        prev_cols = cols
        if leaf is None:
            continue
        rest = [c.strip() for c in cells[leaf + 1:] if c.strip()]
        name = rest[0] if rest else ""
        weight = rest[1] if len(rest) > 1 and re.fullmatch(r"\d+(?:\.\d+)?", rest[1]) else ""
        source = rest[2] if weight and len(rest) > 2 else ""
        line_no = first_line_no + i
        rows.append(IndexRow(no=cells[leaf].strip(), name=_squash(name), weight=weight, source=source,
                             parents=[parents[k] for k in order if k in parents],  # shared: later fragments extend
                             start_line=line_no, end_line=line_no))
    return rows


# ---- indicator tables (指标名称 / 指标属性 / 现状值 / 规划值 …) -------------------------------
ATTRIBUTE = re.compile(r"^(约束性|参考性|预期性|引导性)$")
VALUE_HEADER = VALUE_COLUMN  # ingest/vocab.py


def is_indicator_header(line: str) -> bool:
    """A tab row naming an indicator column and current/planned value columns.

    >>> is_indicator_header("领域\\t任务\\t序号\\t指标名称\\t单位\\t参照值\\t指标属性\\t现状值(2020年)\\t规划值(2025年)")
    True
    """
    cells = [c.strip() for c in line.split("\t")]
    return "\t" in line and any(c == "指标名称" for c in cells) and sum(bool(VALUE_HEADER.search(c)) for c in cells) >= 2


@dataclass
class IndicatorRow:
    """One indicator: number, name, unit, reference value, attribute, and the value columns by header name."""

    no: str
    name: str
    unit: str
    reference: str
    attribute: str
    values: dict[str, str]
    categories: list[str]
    line: int
    extra_values: list[str] = field(default_factory=list)  # cells beyond the header's value columns
    end_line: int = 0
    parts: list[str] = field(default_factory=list)  # sub-rows (②③…) continuing this indicator


def collapse_repeats(cells: list[str], want: int) -> list[str]:
    """Drop one cell of an adjacent repeated pair while there are more cells than columns (a merged
    cell that extraction wrote twice).

    >>> collapse_repeats(["97.5", "≥98", "≥98.5", "≥98.5"], 3), collapse_repeats(["82.05", "≥85", "≥85", "≥87"], 3)
    (['97.5', '≥98', '≥98.5'], ['82.05', '≥85', '≥87'])
    >>> collapse_repeats(["—", "≥50", "100", "保持"], 3)
    ['—', '≥50', '100', '保持']
    """
    out = list(cells)
    while len(out) > want:
        k = next((x for x in range(len(out) - 1) if out[x] == out[x + 1]), None)
        if k is None:
            break
        del out[k + 1]
    return out


def parse_indicator_rows(header: list[str], lines: list[str], first_line_no: int) -> list[IndicatorRow]:
    """Rows of an indicator table, anchored on the 指标属性 cell (约束性/参考性): number, name, unit and
    reference value are read before it, the value columns (as the header names them) after it.

    >>> h = "领域\\t任务\\t序号\\t指标名称\\t单位\\t参照值\\t指标属性\\t现状值(2020年)\\t规划值(2025年)\\t规划值(2030年)\\t是否达标".split("\\t")
    >>> r = parse_indicator_rows(h, ["生态\\t(一) 制度\\t3\\t考核比例\\t%\\t≥25\\t约束性\\t28.3\\t不下降\\t不下降\\t是"], 10)[0]
    >>> r.no, r.name, r.values["规划值(2025年)"], r.values["是否达标"], r.categories
    ('3', '考核比例', '不下降', '是', ['生态', '(一)制度'])
    """
    hdr = [re.sub(r"\s+", "", c) for c in header]
    try:
        a_col = next(i for i, c in enumerate(hdr) if "属性" in c)
    except StopIteration:
        return []
    value_names = [c for c in hdr[a_col + 1:] if c]
    check_name = next((c for c in value_names if "达标" in c), "")
    plain_names = [c for c in value_names if c != check_name]
    rows: list[IndicatorRow] = []
    cats: dict[int, str] = {}
    last_no = 0
    for i, raw in enumerate(lines):
        cells = [c.strip() for c in raw.split("\t")]
        anchor = next((x for x, c in enumerate(cells) if ATTRIBUTE.match(c)), None)
        if anchor is None or anchor < 2:
            continue
        before, after = cells[:anchor], cells[anchor + 1:]
        while after and not after[-1]:
            after.pop()
        values: dict[str, str] = {}
        if check_name and after and after[-1] in ("是", "否"):
            values[check_name] = after.pop()
        after = collapse_repeats(after, len(plain_names))
        for name, v in zip(plain_names, after):
            values[name] = v
        extra = after[len(plain_names):]
        no_idx = next((x for x, c in enumerate(before) if re.fullmatch(r"\d{1,3}", c)), None)
        named = [c for c in before if c]
        if no_idx is None and rows and named and re.match("[" + CIRCLED + "]", named[0]):
            rows[-1].parts.append(" ".join(c for c in cells if c))  # ②③… of the indicator above
            rows[-1].end_line = first_line_no + i
            continue
        if no_idx is not None:
            no = before[no_idx]
            last_no = int(no)
            rest = [c for c in before[no_idx + 1:]]
            lead = before[:no_idx]
        else:
            last_no += 1
            no = str(last_no)
            lead = []
            rest = [c for c in before if c][-3:] if len([c for c in before if c]) >= 3 else [c for c in before if c]
        for x, c in enumerate(lead[:2]):
            if c:
                cats[x] = re.sub(r"\s+", "", c)
                for y in list(cats):
                    if y > x:
                        del cats[y]
        rest = rest + [""] * (3 - len(rest)) if len(rest) < 3 else rest
        name, unit, reference = rest[0], rest[1], "".join(rest[2:])
        rows.append(IndicatorRow(no=no, name=re.sub(r"\s+", "", name), unit=unit, reference=reference,
                                 attribute=cells[anchor], values=values, categories=[cats[k] for k in sorted(cats)],
                                 line=first_line_no + i, extra_values=extra, end_line=first_line_no + i))
    return rows
