"""Running headers and footers of a PDF: a line in the top or bottom margin whose wording (digits
aside) recurs on most pages — the document title over every page, "第 3 页 共 20 页" under it — is
not text of the document. Found before the pages are read, so a table running on over a page
break is not cut by the header line above its continuation.

>>> pages = {p: [{"text": "台州市实施方案（征求意见稿）", "top": 35.0, "bottom": 46.0, "x0": 90.0, "x1": 400.0},
...              {"text": f"第{p}页", "top": 760.0, "bottom": 770.0, "x0": 280.0, "x1": 320.0}] for p in range(1, 6)}
>>> pages[2].append({"text": "一、总体要求", "top": 30.0, "bottom": 42.0, "x0": 90.0, "x1": 200.0})
>>> sorted(len(v) for v in running_boxes(pages, {p: 792.0 for p in pages}).values())
[2, 2, 2, 2, 2]
"""
from __future__ import annotations

import re
from collections import defaultdict

from .types import Box

#: The top and bottom margins, as a share of the page height (a header sits in the top 9 %).
MARGIN = 0.09
#: A margin line recurs on at least this share of the pages (and on 3 pages at least).
RUNNING_SHARE = 0.5
MIN_PAGES = 3
_DIGITS = re.compile(r"\d+")
_DASHES = re.compile(r"[—–\-－_~～]+")


def in_margin(top: float, bottom: float, height: float) -> bool:
    """Whether a line from ``top`` to ``bottom`` lies wholly in the top or bottom margin of its page
    (a title starting just below the header is not in it).

    >>> in_margin(35, 46, 792), in_margin(71, 85, 792), in_margin(742, 752, 792)
    (True, False, True)
    """
    return bottom < MARGIN * height or top > (1 - MARGIN) * height


def shape(text: str) -> str:
    """The wording with numbers blanked, dashes made one and spaces dropped ("第 3 页" and "第4页"
    are one shape; so are "— 7 —" and the "——8-" OCR reads of it).

    >>> shape("第 3 页"), shape("— 7 —") == shape("——26-")
    ('第#页', True)
    """
    return _DASHES.sub("-", _DIGITS.sub("#", re.sub(r"\s+", "", text)))


def running_boxes(lines_by_page: dict[int, list[dict]], heights: dict[int, float]) -> dict[int, list[Box]]:
    """Per page, the regions of its running header and footer lines. ``lines_by_page``: each page's
    text lines (text, x0, x1, top, bottom in PDF points); ``heights``: each page's height."""
    pages_of: dict[str, set[int]] = defaultdict(set)
    for page, lines in lines_by_page.items():
        for ln in lines:
            if in_margin(ln["top"], ln["bottom"], heights[page]) and ln["text"].strip():
                pages_of[shape(ln["text"])].add(page)
    need = max(MIN_PAGES, RUNNING_SHARE * len(heights))
    running = {s for s, pages in pages_of.items() if len(pages) >= need}
    out: dict[int, list[Box]] = {}
    for page, lines in lines_by_page.items():
        out[page] = [(ln["x0"], ln["top"], ln["x1"], ln["bottom"]) for ln in lines
                     if in_margin(ln["top"], ln["bottom"], heights[page]) and shape(ln["text"]) in running]
    return out


def outside(obj: dict, boxes: list[Box]) -> bool:
    """Whether an object's centre (chars, words: x0, x1, top, bottom) lies outside every box."""
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return not any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in boxes)
