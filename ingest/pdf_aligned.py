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

from .docmodel import Block, union_box
from .types import Box

#: Horizontal tolerance (pt) for a word to start at a column.
ALIGN_TOL = 8.0
#: Widest space (pt) between two words of one cell on one line ("（PM 2.5）"); a wider gap is
#: another column.
WORD_GAP = 12.0
#: A new row starts when the gap to the previous line exceeds this many times the typical line gap.
ROW_GAP = 1.35
#: Share of the lines under a header that must align with its columns for the page to count.
MIN_ALIGNED = 0.6
#: A 序号 cell: a row number alone.
NUMBER_CELL = re.compile(r"\d{1,3}")
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


def word_box(words: list[dict]) -> Box | None:
    """The region of some word boxes (x0, top, x1, bottom), None for none.

    >>> word_box([{"x0": 1, "top": 2, "x1": 3, "bottom": 4}, {"x0": 0, "top": 5, "x1": 2, "bottom": 6}])
    (0, 2, 3, 6)
    """
    return union_box([(w["x0"], w["top"], w["x1"], w["bottom"]) for w in words])


def line_box(line: list[dict]) -> dict:
    """A line of word boxes as one text line (text, x0, x1, top, bottom), as pdfplumber gives them."""
    box = word_box(line) or (0.0, 0.0, 0.0, 0.0)
    return {"text": "".join(w["text"] for w in line), "x0": box[0], "top": box[1], "x1": box[2], "bottom": box[3]}


def _words(line: list[dict]) -> list[str]:
    return [w["text"] for w in line]


def _same_columns(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= ALIGN_TOL for x, y in zip(a, b))


def _header(line: list[dict]) -> bool:
    """A line of column names: a list's (牵头单位 and one more header word) or an index table's
    (two indicator levels, or levels and 权重)."""
    from .index_tables import is_index_header
    from .structure import _role_of

    roles = [_role_of(w["text"]) for w in line]
    if len(line) >= 2 and "lead" in roles and sum(bool(r) for r in roles) >= 2:
        return True
    return len(line) >= 3 and is_index_header(" ".join(_words(line)))


#: The second line of a two-line header (an index table's "名称 名称 序号 名称 权重"): short names,
#: one of them a column word.
SUB_HEADER_WORDS = {"名称", "序号", "权重", "分值", "单位", "编号"}


def _sub_header(line: list[dict]) -> bool:
    words = _words(line)
    return (len(words) >= 2 and all(len(w) <= 4 and not re.search(r"\d", w) for w in words)
            and any(w in SUB_HEADER_WORDS for w in words))


def _merge_starts(a: list[float], b: list[float]) -> list[float]:
    """Column starts of two header lines together (a start within the tolerance of another is one).

    >>> _merge_starts([90, 152, 275, 460], [152, 214, 276, 337])
    [90, 152, 214, 275, 337, 460]
    """
    out: list[float] = []
    for x in sorted(a + b):
        if not out or x - out[-1] > ALIGN_TOL:
            out.append(x)
    return out


def _fits(line: list[dict], starts: list[float]) -> bool:
    """Every word stays inside a column, and the first word of each column starts at it (a later
    word of the same cell, after a space such as "（PM 2.5）", may start anywhere inside it).

    >>> w = lambda x0, x1: {"x0": x0, "x1": x1}
    >>> _fits([w(306, 336), w(339, 398)], [90, 198, 306, 414]), _fits([w(339, 398)], [90, 198, 306, 414])
    (True, False)
    """
    last_x1: dict[int, float] = {}
    for w in line:
        k = column_of(w["x0"], starts)
        if k is None:
            return False
        if k not in last_x1 and abs(w["x0"] - starts[k]) > ALIGN_TOL:
            return False
        if k in last_x1 and w["x0"] - last_x1[k] > WORD_GAP:
            return False  # far from the word before it: a column this table does not have
        if k + 1 < len(starts) and w["x1"] > starts[k + 1] + ALIGN_TOL:
            return False
        last_x1[k] = w["x1"]
    return True


def number_column(body: list[list[dict]], cols: list[float], header: list[list[dict]]) -> int | None:
    """The column that numbers the rows: the one a header word names 序号, or (a table continued
    without its header) the column whose lone numbers count up by one (a weight column's 4, 2, 4
    does not).

    >>> w = lambda x0, t: {"x0": x0, "x1": x0 + 10, "text": t}
    >>> body = [[w(0, "甲"), w(50, "1"), w(90, "4")], [w(50, "2"), w(90, "2")], [w(50, "3"), w(90, "4")]]
    >>> number_column(body, [0, 50, 90], []), number_column(body, [0, 50, 90], [[w(0, "序号")]])
    (1, 0)
    """
    from .structure import _role_of

    for hl in header:
        for wd in hl:
            if _role_of(wd["text"]) == "num":
                return column_of(wd["x0"], cols)
    for c in range(len(cols)):
        nums = [int(wd["text"]) for ln in body for wd in ln
                if column_of(wd["x0"], cols) == c and NUMBER_CELL.fullmatch(wd["text"])]
        steps = [b - a for a, b in zip(nums, nums[1:])]
        if steps and sum(s == 1 for s in steps) >= 0.8 * len(steps):
            return c
    return None


def _rows_follow(lines: list[list[dict]], cols: list[float]) -> bool:
    """Whether table rows come after some category lines ("一、加强源头防控" right under a header)."""
    for ln in lines[:4]:
        if not CATEGORY.match(ln[0]["text"]):
            return _fits(ln, cols)
    return False


def _columns_below(lines: list[list[dict]], n_cols: int) -> list[float] | None:
    """The columns of a table that goes on right below the previous one without a header, laid out
    with other column widths (a table split in two in the source): its first line has a word in
    about as many columns as the table above, and the lines after it fit those columns."""
    if not lines:
        return None
    cols = [w["x0"] for w in lines[0]]
    if not (max(2, n_cols - 1) <= len(cols) <= n_cols + 1):
        return None
    if any(b - a <= ALIGN_TOL for a, b in zip(cols, cols[1:])):
        return None
    return cols if all(_fits(ln, cols) for ln in lines[1:]) else None


def page_tables(page: Any, pno: int, starts: list[float] | None = None) -> tuple[list[tuple[float, float, Block]], list[float] | None]:
    """(top, bottom, table block) of the aligned tables of one page (a pdfplumber page, or the word
    boxes OCR read from a page image), and the columns still open at its end (a table that runs
    on). ``starts``: the columns of a table continued from the page before."""
    lines = _lines(page)
    out: list[tuple[float, float, Block]] = []
    ocr = isinstance(page, list)
    i = 0
    after_table = -1  # the line right after the last table found
    open_cols: list[float] | None = None
    while i < len(lines):
        line = lines[i]
        cols: list[float] | None = None
        if _header(line):
            cols = [w["x0"] for w in line]
            if starts is not None and i == 0 and _same_columns(cols, starts[-len(cols):]):
                cols = starts  # the header repeated on the next page: the table's columns go on
            below = [ln for ln in lines[i + 1: i + 8] if not ENDS_TABLE.match(ln[0]["text"])]
            left = min((w["x0"] for ln in below for w in ln), default=cols[0])
            if cols is not starts and left < cols[0] - ALIGN_TOL:
                cols = [left] + cols  # an unnamed first column (categories) left of the first header word
            start_at = i
            if i + 1 < len(lines) and _sub_header(lines[i + 1]):
                cols = _merge_starts(cols, [w["x0"] for w in lines[i + 1]])
                start_at = i + 1  # a two-line header (index tables)
        elif starts is not None and i == 0 and _fits(line, starts):
            cols, start_at = starts, i - 1  # the table continues from the page before (no repeated header)
        elif out and i == after_table and (below := _columns_below(lines[i:i + 4], len(out[-1][2].rows[0]))):
            cols, start_at = below, i - 1  # the table goes on below with other column widths, no header
        if cols is None:
            i += 1
            continue
        rows: list[list[str]] = [[" ".join(w["text"] for w in hl if column_of(w["x0"], cols) == k) for k in range(len(cols))]
                                 for hl in lines[i:start_at + 1]]  # the header line(s)
        row_words: list[list[dict]] = [list(hl) for hl in lines[i:start_at + 1]]  # each row's words (its region)
        tops: list[float] = []
        j = start_at + 1
        body: list[list[dict]] = []
        while j < len(lines):
            ln = lines[j]
            text = "".join(w["text"] for w in ln)
            if _header(ln):
                if _words(ln) == _words(line):
                    j += 1  # a repeated header
                    continue
                break  # the header of the next table
            if CATEGORY.match(text) and j + 1 < len(lines) and _header(lines[j + 1]) and _words(lines[j + 1]) != _words(line):
                break  # "二、协同治理清单" over a table of its own: the heading of the next table
            if ENDS_TABLE.match(text) and not (CATEGORY.match(text) and len(text) <= 40
                                               and (body or _rows_follow(lines[j + 1:], cols))):
                break
            if not _fits(ln, cols) and not (CATEGORY.match(text) and len(text) <= 40):
                break
            body.append(ln)
            tops.append(ln[0]["_mid"])
            j += 1
        if len(body) < 2 and not (body and j >= len(lines)):  # one line is a table only when the page cuts it
            i += 1
            continue
        gaps = sorted(b - a for a, b in zip(tops, tops[1:]))
        line_gap = gaps[len(gaps) // 4] if gaps else 0.0  # a line inside a cell (most gaps are those)
        current: list[list[str]] | None = None
        # a larger gap than inside a cell starts a row, and so does a number in the 序号 column (in a
        # scanned ruled table the rows are no further apart than the lines of a cell)
        num_col = number_column(body, cols, lines[i:start_at + 1])
        for k, ln in enumerate(body):
            text = "".join(w["text"] for w in ln)
            new_row = k == 0 or (tops[k] - tops[k - 1]) > ROW_GAP * line_gap or (num_col is not None and any(
                column_of(w["x0"], cols) == num_col and NUMBER_CELL.fullmatch(w["text"]) for w in ln))
            if CATEGORY.match(text) and len(ln) == 1 and not _fits(ln, cols):
                rows.append([text] + [""] * (len(cols) - 1))  # a category row over the whole width
                row_words.append(list(ln))
                current = None
                continue
            if new_row or current is None:
                current = [[] for _ in cols]
                rows.append(current)  # type: ignore[arg-type]
                row_words.append([])
            row_words[-1].extend(ln)
            for col in range(len(cols)):  # a cell's words on this line, as one line of the cell
                part = " ".join(w["text"] for w in ln if column_of(w["x0"], cols) == col)
                if part:
                    current[col].append(part)
        cells = tuple(tuple("\n".join(c) if isinstance(c, list) else c for c in r) for r in rows)
        out.append((line[0]["top"], body[-1][-1]["bottom"],
                    Block("table", rows=cells, page=pno, locator=f"第{pno}页", ocr=ocr,
                          row_boxes=tuple(word_box(ws) for ws in row_words))))
        from .pdf_reader import PAGE_NUMBER

        rest = ["".join(_words(ln)) for ln in lines[j:]]
        open_cols = cols if all(PAGE_NUMBER.match(t) for t in rest) else None  # the table reaches the page's end
        i = after_table = j
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
