"""PDF tables without ruling lines, from text alignment: a header line names the columns (序号 /
指标名称 / 牵头单位 …, the same header vocabulary as every other reader); the words below that start at
those columns are the table, until a line runs across the columns (prose) or a note begins; a
larger vertical gap than the lines inside a cell starts a new row. Headers repeated on the next
page continue the table (``pdf_reader`` joins the pieces the same way as ruled ones).

Used only when a PDF has no ruled tables and its header lines really have aligned columns below
them (``MIN_ALIGNED`` of the candidate lines), so PDF flow text keeps the pypdf path.

>>> column_of(200.0, [90.0, 198.0, 306.0]), column_of(95.0, [90.0, 198.0, 306.0]), column_of(60.0, [90.0, 198.0])
(1, 0, None)
"""
from __future__ import annotations

import re
from typing import Any

from .docmodel import Block

#: Horizontal tolerance (pt) for a word to start at a column.
ALIGN_TOL = 8.0
#: A new row starts when the gap to the previous line exceeds this many times the typical line gap.
ROW_GAP = 1.35
#: Share of the lines under a header that must align with its columns for the page to count.
MIN_ALIGNED = 0.6
#: Lines that end a table: a list note, or a heading of the next part.
ENDS_TABLE = re.compile(r"^\s*(注|备注)\s*[:：]|^[一二三四五六七八九十]+、|^附件")
#: A category row: a short heading-like text in the first column running over the others.
CATEGORY = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def column_of(x0: float, starts: list[float]) -> int | None:
    """The column a word starting at ``x0`` belongs to (None: left of the table)."""
    if x0 < starts[0] - ALIGN_TOL:
        return None
    k = 0
    for i, s in enumerate(starts):
        if x0 >= s - ALIGN_TOL:
            k = i
    return k


def _lines(source: Any) -> list[list[dict]]:
    """Words grouped into lines, left to right; ``source`` is a pdfplumber page or a list of word
    dicts (x0, x1, top, bottom, text) such as OCR boxes give."""
    words = source if isinstance(source, list) else source.extract_words(keep_blank_chars=False, use_text_flow=False)
    if not words:
        return []
    # one line: boxes whose vertical centres lie within half a text height (OCR boxes of one line
    # start a little higher or lower across the columns)
    height = sorted(w["bottom"] - w["top"] for w in words)[len(words) // 2]
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if rows and abs(mid - rows[-1][0]["_mid"]) <= height / 2:
            rows[-1].append({**w, "_mid": rows[-1][0]["_mid"]})
        else:
            rows.append([{**w, "_mid": mid}])
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def _header(line: list[dict]) -> bool:
    from .structure import _role_of

    roles = [_role_of(w["text"]) for w in line]
    return "lead" in roles and sum(bool(r) for r in roles) >= 2 and len(line) >= 2


def _fits(line: list[dict], starts: list[float]) -> bool:
    """Every word starts at a column and stays inside it."""
    for w in line:
        k = column_of(w["x0"], starts)
        if k is None or abs(w["x0"] - starts[k]) > ALIGN_TOL:
            return False
        if k + 1 < len(starts) and w["x1"] > starts[k + 1] + ALIGN_TOL:
            return False
    return True


def page_tables(page: Any, pno: int, starts: list[float] | None = None) -> tuple[list[tuple[float, float, Block]], list[float] | None]:
    """(top, bottom, table block) of the aligned tables of one page (a pdfplumber page, or the word
    boxes OCR read from a page image), and the columns still open at its end (a table that runs
    on). ``starts``: the columns of a table continued from the page before."""
    lines = _lines(page)
    out: list[tuple[float, float, Block]] = []
    ocr = isinstance(page, list)
    i = 0
    open_cols: list[float] | None = None
    while i < len(lines):
        line = lines[i]
        cols: list[float] | None = None
        if _header(line):
            cols = [w["x0"] for w in line]
            below = [ln for ln in lines[i + 1: i + 8] if not ENDS_TABLE.match(ln[0]["text"])]
            left = min((w["x0"] for ln in below for w in ln), default=cols[0])
            if left < cols[0] - ALIGN_TOL:
                cols = [left] + cols  # an unnamed first column (categories) left of the first header word
            start_at = i
        elif starts is not None and i == 0 and _fits(line, starts):
            cols, start_at = starts, i - 1  # the table continues from the page before (no repeated header)
        if cols is None:
            i += 1
            continue
        rows: list[list[str]] = []
        if start_at == i:
            rows.append([" ".join(w["text"] for w in line if column_of(w["x0"], cols) == k) for k in range(len(cols))])
        tops: list[float] = []
        j = start_at + 1
        body: list[list[dict]] = []
        while j < len(lines):
            ln = lines[j]
            text = "".join(w["text"] for w in ln)
            if _header(ln) and [round(w["x0"]) for w in ln] == [round(w["x0"]) for w in line]:
                j += 1  # a repeated header
                continue
            if ENDS_TABLE.match(text) and not (CATEGORY.match(text) and len(text) <= 40 and body):
                break
            if not _fits(ln, cols) and not (CATEGORY.match(text) and len(text) <= 40):
                break
            body.append(ln)
            tops.append(ln[0]["_mid"])
            j += 1
        if len(body) < 2:
            i += 1
            continue
        gaps = sorted(b - a for a, b in zip(tops, tops[1:]))
        line_gap = gaps[len(gaps) // 4] if gaps else 0.0  # a line inside a cell (most gaps are those)
        current: list[list[str]] | None = None
        from .structure import _role_of

        # a larger gap than inside a cell starts a row, and so does a number in a 序号 column (in a
        # scanned ruled table the rows are no further apart than the lines of a cell)
        numbered = _role_of(line[0]["text"]) == "num" and column_of(line[0]["x0"], cols) == 0
        for k, ln in enumerate(body):
            text = "".join(w["text"] for w in ln)
            new_row = k == 0 or (tops[k] - tops[k - 1]) > ROW_GAP * line_gap or (numbered and any(
                column_of(w["x0"], cols) == 0 and re.fullmatch(r"\d{1,3}", w["text"]) for w in ln))
            if CATEGORY.match(text) and len(ln) == 1 and not _fits(ln, cols):
                rows.append([text] + [""] * (len(cols) - 1))  # a category row over the whole width
                current = None
                continue
            if new_row or current is None:
                current = [[] for _ in cols]
                rows.append(current)  # type: ignore[arg-type]
            for w in ln:
                col = column_of(w["x0"], cols)
                if col is not None:
                    current[col].append(w["text"])
        cells = tuple(tuple("".join(c) if isinstance(c, list) else c for c in r) for r in rows)
        out.append((line[0]["top"], body[-1][-1]["bottom"],
                    Block("table", rows=cells, page=pno, locator=f"第{pno}页", ocr=ocr)))
        open_cols = cols if j >= len(lines) else None
        i = j
    return out, open_cols


def aligned_share(pdf: Any, sample_pages: int = 60) -> float:
    """Of the lines under header lines, the share that align with the header's columns (0 when the
    PDF has no header line at all)."""
    fit = total = 0
    for page in pdf.pages[:sample_pages]:
        lines = _lines(page)
        for i, line in enumerate(lines):
            if _header(line):
                cols = [w["x0"] for w in line]
                for ln in lines[i + 1: i + 11]:
                    total += 1
                    fit += _fits(ln, cols) or (len(ln) and ln[0]["x0"] < cols[0] - ALIGN_TOL and _fits(ln[1:], cols))
    return fit / total if total else 0.0
