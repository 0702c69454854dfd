"""Document structure: headings → section paths, prose paragraphs, and list tables → records.

Three table layouts occur in extracted policy text and are handled generically:

* **cell-per-line** – a header of one tab-cell per line, then rows as groups of tab-cells
  separated by blank lines (Word → text export);
* **row-per-line** – tab-separated cells, one row a line, with merged (empty) cells and wrapped
  rows (Word → text export of nested tables);
* **flow** – PDF text: cells separated by spaces or wrapped over several lines at fixed
  column widths, rows split over pages with repeated header rows.

>>> from ingest.types import DocumentMeta, Line, SourceDocument
>>> text = "一、目标清单\\n\\t序号\\n\\t指标目标\\n\\t牵头单位\\n\\t参与单位\\n\\n\\t1\\n\\t建成80家农场。\\n\\t市农业农村局\\n\\t\\n\\n注：上表中未注明的，完成时限均为2025年。"
>>> lines = tuple(Line(i + 1, t) for i, t in enumerate(text.split("\\n")))
>>> doc = SourceDocument(DocumentMeta(id="d", title="T", file="t.txt", level="市"), lines, "x", "txt")
>>> rec = parse_document(doc).records[0]
>>> rec.list_name, rec.item_no, rec.lead_names, rec.deadline_year, rec.deadline_source
('目标清单', '1', ['市农业农村局'], 2025, 'list_note')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .index_tables import (
    header_levels,
    is_index_header,
    is_indicator_header,
    parse_index_flow,
    parse_index_rows,
    parse_indicator_rows,
)
from .types import Record, SourceDocument
from .units import clean_cell, is_unit_name, looks_incomplete, make_units, split_units, starts_unit_cell
from .values import cn_numeral, cn_value, find_deadline, find_list_default_year, find_targets
from .vocab import HEADER_PATTERNS, HEADER_ROLES

PAGE_NO = re.compile(r"^\s*[—\-－–一]{1,3}\s*\d{1,4}\s*[—\-－–一]{1,3}\s*$")
CN_NUM = "一二三四五六七八九十"
H_ANNEX = re.compile(r"^附\s*件\s*(\d+|[" + CN_NUM + r"]+)?\s*[:：]?\s*$")
H_CHAPTER = re.compile(r"^第[" + CN_NUM + r"百\d]+[章节]")
H_L1 = re.compile(r"^([" + CN_NUM + r"]+)、\s*(\S.*)$")
H_L2 = re.compile(r"^[（(]\s*([" + CN_NUM + r"]+)\s*[）)]\s*(\S.*)$")
H_TABLE = re.compile(r"^(附?表\s*\d+(?:[.\-－]\d+)*)\s*[:：]?\s*(\S.*)?$")
LIST_HEADING = re.compile(r"^(?:[" + CN_NUM + r"]+、)?\s*(\S*清单)$")
#: a table-of-contents entry of a compilation: "6月份市政府人事任免……………（66）", or a line
#: holding only the 文号 of the title line above it ("（温政发〔2023〕18号）……………（02）")
TOC_ENTRY = re.compile(r"^(.*?)\s*[…．.·]{3,}\s*[（(]\s*\d{1,4}\s*[)）]\s*$")
TOC_NUMBER_ONLY = re.compile(r"^\([^()]*〔\d{4}〕\d+号\)$")
ROW_NO = re.compile(r"^(\d{1,3})(?:\s+(.*))?$")
INLINE_NO = re.compile(r"^\s*(\d{1,3})\s*[、.．]\s*")
NOTE_LINE = re.compile(r"^\s*(注|备注|备注说明)\s*[:：]")

ROLE_WORDS = HEADER_ROLES  # table-header words → column (ingest/vocab.py)


def _role_of(cell: str) -> str:
    c = clean_cell(cell)
    for role, words in ROLE_WORDS.items():
        if c in words:
            return role
    for role, pattern in HEADER_PATTERNS.items():  # a header word no document so far has used
        if pattern.match(c):
            return role
    return ""


def _header_roles(cells: list[str]) -> list[str]:
    return [_role_of(c) for c in cells]


def is_resp_header(cells: list[str]) -> bool:
    """A header row of a responsibility list: has a lead column and an item or number column."""
    roles = _header_roles(cells)
    return "lead" in roles and ("item" in roles or "num" in roles)


@dataclass
class Paragraph:
    text: str
    start_line: int
    end_line: int
    section: list[str]


@dataclass
class ParsedDocument:
    records: list[Record] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class _RowBuf:
    no: str
    start: int
    end: int
    text_parts: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)  # unit cells in column order
    categories: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # other named columns

    def add_text(self, t: str, line_no: int) -> None:
        t = t.strip()
        if t:
            self.text_parts.append(t)
        self.end = max(self.end, line_no)


def _join_text(parts: list[str]) -> str:
    """Join wrapped pieces; drop spaces PDF extraction put next to CJK characters."""
    s = "".join(p.strip() for p in parts)
    s = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])", "", s)
    return s.strip()


#: bracket pairs a title closes: a line that opens one and does not close it is a sentence wrapped
#: onto the next line ("二、对《温州市人民政府办公室关于进一步" / "加强地下水管理的实施意见》…予以废止。")
BRACKETS = ("《》", "（）", "()", "“”")


#: a line of a list under a lead-in ending in "：" ("温州市档案馆", "城市书房"): short, and no sentence
#: or clause mark in it — a wrapped piece of prose is a full page line, or holds one
LIST_ITEM_CHARS = 24  # "各县（市、区）档案馆、图书馆、行政审批服务中心" (23); a wrapped PDF line is a full page line
CLAUSE_MARK = re.compile(r"[。！？；，,;：:]")
#: a lead-in ends in "：": it opens what follows it ("集中赠阅点：", "赠阅范围：")
LEAD_IN_END = re.compile(r"[：:]\s*$")
#: ... and a lead-in line is a label that does only that
LEAD_IN_LINE = re.compile(r"^[^。！？；;：:]{2,40}[：:]$")
#: a line opening with a bullet mark is one item of a bulleted list ("- 温政发〔2023〕18号 …的决定"): it
#: starts a paragraph of its own (a wrapped item's next line still joins it)
BULLET = re.compile(r"^[-•·●▪]\s+\S")
#: a headline is one or two short lines with no clause mark ("凝聚共识 突破“瓶颈”制约" / "市应急管理局
#: 积极探索安全管理自治共治新途径"), then prose: after a bulleted list it heads the next part, which
#: no table of contents lists (an article printed after a compilation's list of documents)
HEADLINE_CHARS = 30
HEADLINE_LINES = 2


def is_list_item(line: str) -> bool:
    """Whether ``line`` can be one item of a list set one item a line.

    >>> is_list_item("温州市档案馆"), is_list_item("精神，落实党中央、国务院重大战略部署，高水平推进全国首")
    (True, False)
    """
    s = re.sub(r"\s+", "", line)
    return 0 < len(s) <= LIST_ITEM_CHARS and not CLAUSE_MARK.search(s)


def _balanced(s: str) -> bool:
    """Whether every bracket ``s`` opens is closed in it.

    >>> _balanced("二、对《温州市人民政府办公室关于进一步"), _balanced("二、《实施方案》主要内容")
    (False, True)
    """
    return all(s.count(a) <= s.count(b) for a, b in BRACKETS)


def _heading(line: str) -> tuple[int, str] | None:
    """(level, title) of a heading line, else None. Body paragraphs that open with (一)… count
    as headings with the title cut at the first full stop."""
    s = line.strip()
    if not s or len(s) > 300:
        return None
    if H_ANNEX.match(s) or re.match(r"^附\s*件\s*\d+", s) and len(s) <= 40:
        return 0, re.sub(r"\s+", "", s)
    if H_CHAPTER.match(s):
        return 0, s[:40]  # a chapter holds "一、…" sections
    m = H_L1.match(s)
    if m and len(s) <= 60 and "。" not in s[:-1] and _balanced(s) and not (s.endswith("。") and "，" in s):
        return 1, s  # (a numbered line of clauses closed by a full stop is a sentence: "一、对…，予以修改。")
    m = H_L2.match(s)
    if m:
        title = re.split(r"[。：:]", s, maxsplit=1)[0]
        return 2, title[:40]
    m = H_TABLE.match(s)
    if m and len(s) <= 60:
        return 3, re.sub(r"\s+", " ", s)
    return None


#: a chapter heading that lost its number (Word's automatic numbering, dropped by the export: "加强
#:源头防控" between "一、总体要求" and "四、…"): a short line with no clause mark, opening a chapter —
#: the next text line is a section heading "（一）…"
LOST_NUMBER_CHARS = 20
def lost_chapter_numbers(lines: list[str]) -> dict[int, str]:
    """Line index → the number a chapter heading lost: where the chapters "一、…" skip numbers
    ("一、" then "四、") and exactly as many unnumbered chapter-opening lines stand between them.
    Nothing is guessed when the count differs.

    >>> lost_chapter_numbers(["一、总体要求", "（一）原则。…", "加强源头防控", "（二）强化规划。…",
    ...                       "推进大气污染防治", "", "（三）推进行业。…", "四、推进水环境治理"])
    {2: '二', 4: '三'}
    """
    chapters = [(i, cn_value(m.group(1))) for i, line in enumerate(lines)
                if (m := H_L1.match(line.strip())) and (_heading(line) or (0, ""))[0] == 1]
    out: dict[int, str] = {}
    for (a, na), (b, nb) in zip(chapters, chapters[1:]):
        if not na or nb - na < 2:
            continue
        found = [i for i in range(a + 1, b) if _opens_chapter(lines, i)]
        if len(found) == nb - na - 1:
            out.update({i: cn_numeral(na + k) for k, i in enumerate(found, 1)})
    return out


def _opens_chapter(lines: list[str], i: int) -> bool:
    """Line ``i`` is a short title with no clause mark and no numbering, and a section "（一）…" follows."""
    flat = re.sub(r"\s+", "", lines[i])
    if not (4 <= len(flat) <= LOST_NUMBER_CHARS) or CLAUSE_MARK.search(flat) or _heading(flat) or "\t" in lines[i].strip():
        return False
    nxt = next((x.strip() for x in lines[i + 1:] if x.strip() and not PAGE_NO.match(x.strip())), "")
    return bool(H_L2.match(nxt))


def toc_key(line: str) -> str:
    """A title as compared between a table of contents and the body: no white space, half-width brackets.

    >>> toc_key("关于印发 方案 （2023年）的通知")
    '关于印发方案(2023年)的通知'
    """
    return re.sub(r"\s+", "", line).replace("（", "(").replace("）", ")")


def toc_titles(lines: list[str]) -> dict[str, int]:
    """The titles a compilation's table of contents lists (white space removed) → the TOC line's
    index; the part printed under each title is its own top-level section.

    >>> toc_titles(["机构人事", "6月份市政府人事任免……………（66）", "规划的通知", "（温政发〔2023〕19号）……………（05）"])
    {'6月份市政府人事任免': 1, '机构人事': 1, '规划的通知': 3}
    """
    out: dict[str, int] = {}
    for i, line in enumerate(lines):
        m = TOC_ENTRY.match(line.strip())
        if not m:
            continue
        title = toc_key(m.group(1))
        prev = next((toc_key(x) for x in reversed(lines[:i]) if x.strip()), "")
        prev = "" if TOC_ENTRY.match(prev) else prev
        if TOC_NUMBER_ONLY.match(title) or not title:
            title = prev
        # an entry wrapped over two lines ("…领导小组会议召开" / "简讯6则……（67）"): the body prints
        # the part under either line
        for t in (title, prev):
            t = re.sub(r"等$", "", t)  # "…会议召开等 / 简讯6则": the body heads the first item "…会议召开"
            if 4 <= len(t) <= 80:
                out.setdefault(t, i)
    return out


class StructureParser:
    """Parse a :class:`SourceDocument` into records (list rows) and prose paragraphs.

    >>> StructureParser().run  # doctest: +ELLIPSIS
    <bound method StructureParser.run of ...>
    """

    def run(self, doc: SourceDocument) -> ParsedDocument:
        self.doc = doc
        self.lines = [ln.text for ln in doc.lines]
        self.out = ParsedDocument()
        self.section: list[tuple[int, str]] = []
        self.list_name = ""
        self._para: list[tuple[int, str]] = []
        self._in_list = False  # the last paragraph was a lead-in ending in "：" or an item of its list
        toc = toc_titles(self.lines)
        lost = lost_chapter_numbers(self.lines)
        i = 0
        n = len(self.lines)
        while i < n:
            raw = self.lines[i]
            s = raw.strip()
            if not s or PAGE_NO.match(s):
                i += 1
                continue
            if is_indicator_header(raw):
                self._flush_para()
                i = self._parse_indicator_table(i)
                continue
            if is_index_header(s):
                self._flush_para()
                i = self._parse_index_table(i)
                continue
            header = self._detect_header(i)
            if header is not None:
                self._flush_para()
                kind, cells, j = header
                if kind == "cells":
                    i = self._parse_cell_per_line(j, cells)
                elif kind == "rows":
                    i = self._parse_row_per_line(j, cells)
                else:
                    i = self._parse_flow(j, cells)
                continue
            flat = toc_key(s)
            if flat in toc and i > toc[flat] and _heading(s) is None:
                # a part of a compilation begins: its title heads everything printed under it (a
                # numbered heading a plan's own contents list — "一、总体要求……（3）" — keeps its level)
                self._flush_para()
                self._push_section(-1, flat, line_no=i + 1)
                i += 1
                continue
            if i in lost:  # a chapter heading whose number the export dropped: its section is numbered
                self._flush_para()
                self._push_section(1, f"{lost[i]}、{s}", line_no=i + 1, text=s)
                i += 1
                continue
            h = _heading(s)
            if h is not None:
                self._flush_para()
                self._push_section(*h, line_no=i + 1)
                if len(re.sub(r"\s+", "", s)) > len(re.sub(r"\s+", "", h[1])) + 1:
                    # "（三）推进非二氧化碳温室气体协同控制。控制农业领域甲烷…": the body after the
                    # title is text of that section (it used to be dropped from the prose)
                    self._add_para_line(i + 1, s)
                i += 1
                continue
            if "\t" in raw.strip():
                # a row of a table no list parser reads (its cells tab-separated: "2\t《…》\t温政办〔2022〕5号"):
                # a paragraph of its own, not run on into the text or the rows around it
                self._flush_para()
                self._add_para_line(i + 1, s)
                self._flush_para()
                i += 1
                continue
            if BULLET.match(s):
                self._flush_para()
            elif self._para and BULLET.match(self._para[0][1]):
                title = self._headline(i)
                if title:
                    self._flush_para()
                    self._push_section(-1, " ".join(t for _, t in title), line_no=i + 1)
                    i = title[-1][0]
                    continue
            self._add_para_line(i + 1, s)
            i += 1
        self._flush_para()
        return self.out

    def _headline(self, i: int) -> list[tuple[int, str]]:
        """The headline starting at line index ``i`` — (line number, text) of its one or two short
        lines with no clause mark, followed by a prose line — or [] when these lines are none."""
        title: list[tuple[int, str]] = []
        for k in range(i, len(self.lines)):
            s = self.lines[k].strip()
            if not s or PAGE_NO.match(s):
                continue
            flat = re.sub(r"\s+", "", s)
            if len(flat) <= HEADLINE_CHARS and not CLAUSE_MARK.search(flat) and not BULLET.match(s):
                title.append((k + 1, s))
                if len(title) > HEADLINE_LINES:
                    return []
                continue
            prose = len(flat) > HEADLINE_CHARS and CLAUSE_MARK.search(flat) is not None
            return title if prose and title else []
        return []

    # ---- sections and prose -------------------------------------------------
    def _push_section(self, level: int, title: str, line_no: int, text: str = "") -> None:
        """Open a section at ``level`` titled ``title``; its heading paragraph holds ``text`` as printed
        (the title unless a lost number was restored)."""
        while self.section and self.section[-1][0] >= level:
            self.section.pop()
        self.section.append((level, title))
        m = LIST_HEADING.match(re.sub(r"\s+", "", title))
        if m:
            self.list_name = m.group(1)
        elif level <= 1:
            self.list_name = ""
        if level == 3:
            self.list_name = title
        self.out.paragraphs.append(Paragraph(text or title, line_no, line_no, self.section_path()))

    def section_path(self) -> list[str]:
        return [t for _, t in self.section]

    def _add_para_line(self, line_no: int, s: str) -> None:
        if self._para:
            prev = self._para[-1][1]
            if prev.endswith(("。", "！", "？", "；", "：", ":")) or len("".join(t for _, t in self._para)) > 400:
                self._flush_para()
            elif is_list_item(prev) and (self._in_list or LEAD_IN_LINE.match(s.strip())):
                # a short line with no clause mark was not wrapped: under a lead-in it is an item of
                # its list ("集中赠阅点：" / "温州市档案馆" / "温州市图书馆"), and a lead-in after it
                # starts afresh ("…指挥中心" / "《温州市人民政府公报》赠阅范围：")
                self._flush_para()
        self._para.append((line_no, s))

    def _flush_para(self) -> None:
        if self._para:
            text = _join_text([t for _, t in self._para])
            self.out.paragraphs.append(Paragraph(text, self._para[0][0], self._para[-1][0], self.section_path()))
            # a lead-in ending in "：" opens a list; each one-line item keeps it open
            self._in_list = bool(LEAD_IN_END.search(text)) or self._in_list and len(self._para) == 1 and is_list_item(text)
            self._para = []

    # ---- table detection ------------------------------------------------------
    def _detect_header(self, i: int) -> tuple[str, list[str], int] | None:
        raw = self.lines[i]
        if raw.startswith("\t") and raw.count("\t") == 1 and _role_of(raw) in ("num", "cat", "item"):
            cells: list[str] = []
            j = i
            while j < len(self.lines) and self.lines[j].startswith("\t") and self.lines[j].count("\t") == 1:
                if not _role_of(self.lines[j]):
                    break
                cells.append(self.lines[j].strip())
                j += 1
            if is_resp_header(cells):
                return "cells", cells, j
            return None
        if "\t" in raw:
            cells = raw.split("\t")
            if is_resp_header(cells):
                return "rows", cells, i + 1
            return None
        cells = raw.split()
        if len(cells) >= 3 and is_resp_header(cells):
            return "flow", cells, i + 1
        return None

    def _list_name_for(self, header: list[str]) -> str:
        self._lead_label = next((clean_cell(c) for c in header if _role_of(c) == "lead"), "牵头单位")
        name = self.list_name or (self.section[-1][1] if self.section else "表格")
        return name.rstrip(":： ")

    def _emit(self, buf: _RowBuf, roles: list[str], list_name: str, assigned: bool) -> Record:
        lead_cell, part_cell = "", ""
        cells = [c for c in buf.cells if clean_cell(c)]
        if "part" in roles:
            lead_cell = cells[0] if cells else ""
            part_cell = "、".join(cells[1:]) if len(cells) > 1 else ""
        else:
            lead_cell = "、".join(cells)
        lead, lead_note, shared = split_units(lead_cell)
        part, part_note, _ = split_units(part_cell)
        text = _join_text(buf.text_parts)
        text = INLINE_NO.sub("", text) if INLINE_NO.match(text) else text
        year = find_deadline(text)
        for name, value in buf.extra.items():
            if re.search(r"期限|时限", name):
                years = re.findall(r"20\d\d", value)
                if years:
                    year = int(years[-1])
        level = self.doc.meta.level
        rec = Record(
            doc_id=self.doc.meta.id,
            list_name=list_name,
            item_no=buf.no,
            item_no_assigned=assigned,
            text=text,
            section=self.section_path(),
            categories=list(buf.categories),
            lead_units=make_units(lead, level),
            lead_label=getattr(self, "_lead_label", "牵头单位"),
            lead_note=lead_note,
            participant_units=make_units(part, level),
            participant_note=part_note,
            shared_lead=shared,
            deadline_year=year,
            deadline_source="item" if year else "",
            targets=find_targets(text),
            span=self.doc.span(buf.start, buf.end),
            extra={k: _join_text([v]) for k, v in buf.extra.items()},
        )
        self.out.records.append(rec)
        return rec

    def _apply_list_note(self, records: list[Record], line: str, line_no: int) -> bool:
        year = find_list_default_year(line)
        if year is None:
            return False
        for r in records:
            r.extra["list_note"] = _join_text([line])
            r.extra["list_note_line"] = line_no
            if r.deadline_year is None:
                r.deadline_year = year
                r.deadline_source = "list_note"
        return True

    def _end_table(self, records: list[Record], k: int) -> int:
        """After a table: consume a closing note line if present; return next index."""
        j = k
        while j < len(self.lines) and not self.lines[j].strip():
            j += 1
        if j < len(self.lines) and NOTE_LINE.match(self.lines[j]):
            self._apply_list_note(records, self.lines[j], j + 1)
            self.out.paragraphs.append(
                Paragraph(_join_text([self.lines[j]]), j + 1, j + 1, self.section_path())
            )
            return j + 1
        return k

    # ---- index tables (指标体系 / 协同指数) -------------------------------------
    def _parse_index_table(self, i: int) -> int:
        """Parse an index table whose header line is ``lines[i]``; return the next index."""
        n = len(self.lines)
        head = [i]
        x = i - 1
        while x >= 0 and len(self.lines[x].strip()) <= 4 and i - x <= 6:
            if self.lines[x].strip():
                head.insert(0, x)  # wrapped header words above, e.g. 评价内 / 容
            x -= 1
        k = i + 1
        while k < n and (not self.lines[k].strip() or re.search(r"名称|权重|序号|分值", self.lines[k])
                         and not re.search(r"[\u4e00-\u9fff]{6,}", re.sub(r"名称|权重|序号|分值|数据来源?|源", "", self.lines[k]))):
            if self.lines[k].strip():
                head.append(k)
            k += 1
        header_texts = {self.lines[h].strip() for h in head}
        levels = header_levels("".join(self.lines[h].strip() for h in head))
        title = self._table_title(head[0])
        end = k
        while end < n:
            s = self.lines[end].strip()
            if H_ANNEX.match(s) or NOTE_LINE.match(s) or H_CHAPTER.match(s):
                break
            end += 1
        body = ["" if (self.lines[x].strip() in header_texts or PAGE_NO.match(self.lines[x].strip())
                       or is_index_header(self.lines[x])) else self.lines[x] for x in range(k, end)]
        tabbed = sum("\t" in b for b in body) > len([b for b in body if b.strip()]) / 2
        rows = (parse_index_rows if tabbed else parse_index_flow)(body, k + 1, levels)
        level = self.doc.meta.level
        for r in rows:
            self.out.records.append(Record(
                doc_id=self.doc.meta.id, list_name=title, item_no=r.no, item_no_assigned=False, text=r.name,
                section=self.section_path(), categories=[p["name"] for p in r.parents], kind="index",
                weight=r.weight, data_sources=make_units(split_units(r.source)[0], level), parents=r.parents,
                extra={"数据来源": r.source, "指标层级": levels[-1] if levels else ""},
                span=self.doc.span(r.start_line, r.end_line),
            ))
        return end

    def _parse_indicator_table(self, i: int) -> int:
        """An indicator table (现状值 / 规划值 columns) whose header is ``lines[i]``; returns the next index."""
        header = self.lines[i].split("\t")
        title = self._table_title(i)
        k = i + 1
        n = len(self.lines)
        while k < n and ("\t" in self.lines[k] or not self.lines[k].strip()):
            k += 1
        body = ["" if is_indicator_header(self.lines[x]) else self.lines[x] for x in range(i + 1, k)]
        for r in parse_indicator_rows(header, body, i + 2):
            extra: dict[str, object] = {"单位": r.unit, "参照值": r.reference, "指标属性": r.attribute, **r.values}
            if r.extra_values:  # more value cells than the header has columns: which is which is unclear
                extra["其余列"] = "、".join(r.extra_values)
            if r.parts:
                extra["分项"] = "；".join(r.parts)
            self.out.records.append(Record(
                doc_id=self.doc.meta.id, list_name=title, item_no=r.no, item_no_assigned=False, text=r.name,
                section=self.section_path(), categories=r.categories, kind="indicator", extra=extra,
                span=self.doc.span(r.line, r.end_line),
            ))
        return k

    def _table_title(self, before: int) -> str:
        """The short line above a table (its title), else the current section or list name."""
        for x in range(before - 1, max(-1, before - 4), -1):
            s = re.sub(r"\s+", "", self.lines[x])
            if s and len(s) <= 40 and not H_ANNEX.match(s) and not PAGE_NO.match(s):
                return s
        return self._list_name_for([])

    # ---- layout 1: cell per line ----------------------------------------------
    def _parse_cell_per_line(self, j: int, header: list[str]) -> int:
        roles = _header_roles(header)
        ncols = len(header)
        list_name = self._list_name_for(header)
        cats: list[tuple[int, str]] = []
        records: list[Record] = []
        counter = 0
        k = j
        n = len(self.lines)
        while k < n:
            if not self.lines[k].strip() and not self.lines[k].startswith("\t"):
                k += 1
                continue
            if not self.lines[k].startswith("\t"):
                break
            start = k
            group: list[str] = []
            while k < n and self.lines[k].startswith("\t"):
                group.append(self.lines[k][1:])
                k += 1
            if len(group) == 1 or (len(group) < ncols and sum(1 for g in group if g.strip()) == 1):
                title = next(g.strip() for g in group if g.strip()) if any(g.strip() for g in group) else ""
                h = _heading(title)
                if title:
                    lvl = h[0] if h else 9
                    while cats and cats[-1][0] >= lvl:
                        cats.pop()
                    cats.append((lvl, title))
                continue
            if any(PAGE_NO.match(g) for g in group):
                continue
            cells = dict(zip(roles, group))
            counter += 1
            no = clean_cell(cells.get("num", ""))
            assigned = not no
            buf = _RowBuf(no=no or str(counter), start=start + 1, end=k, categories=[t for _, t in cats])
            extra_cells = group[len(roles):]
            buf.add_text(cells.get("item", ""), start + 1)
            for role in ("lead", "part"):
                if role in roles:
                    buf.cells.append(cells.get(role, ""))
            if "part" not in roles and extra_cells:
                buf.cells.extend(extra_cells)
            records.append(self._emit(buf, roles if "part" in roles else [r for r in roles], list_name, assigned))
        return self._end_table(records, k)

    # ---- layout 2: row per line (tab-separated) -------------------------------
    def _parse_row_per_line(self, j: int, header: list[str]) -> int:
        roles = _header_roles(header)
        header_cells = [clean_cell(c) for c in header]
        list_name = self._list_name_for(header)
        records: list[Record] = []
        cur: _RowBuf | None = None
        cats: dict[int, str] = {}
        k = j
        n = len(self.lines)
        counter = 0

        def finish() -> None:
            nonlocal cur
            if cur is not None:
                records.append(self._emit(cur, roles, list_name, False))
                cur = None

        while k < n:
            raw = self.lines[k]
            if not raw.strip():
                k += 1
                continue
            if "\t" not in raw:
                break
            cells = raw.split("\t")
            if is_resp_header(cells):  # a sub-header row: first cell names the outer category
                finish()
                if clean_cell(cells[0]) and not _role_of(cells[0]):
                    cats = {0: clean_cell(cells[0])}
                roles = _header_roles(cells)
                header_cells = [clean_cell(c) for c in cells]
                k += 1
                continue
            if "num" in roles and roles.index("num") == 0:
                # positional layout: 序号 in the first column
                first = clean_cell(cells[0])
                if re.fullmatch(r"\d{1,3}", first):
                    finish()
                    cur = _RowBuf(no=first, start=k + 1, end=k + 1, categories=[cats[x] for x in sorted(cats)])
                    self._fill_positional(cur, header_cells, cells, k + 1)
                elif cur is None or (first and len([c for c in cells if clean_cell(c)]) == 1):
                    finish()
                    if first:
                        cats = {0: first}
                elif cur is not None:
                    self._fill_positional(cur, header_cells, cells, k + 1, append=True)
                k += 1
                continue
            item_idx = next((x for x, c in enumerate(cells) if INLINE_NO.match(c) and len(clean_cell(c)) > 3), None)
            if item_idx is not None:
                finish()
                counter += 1
                m = INLINE_NO.match(cells[item_idx])
                no = m.group(1) if m else str(counter)
                for x in range(item_idx):
                    if clean_cell(cells[x]):
                        cats[x] = clean_cell(cells[x])
                        for y in list(cats):
                            if y > x:
                                del cats[y]
                cur = _RowBuf(no=no, start=k + 1, end=k + 1, categories=[cats[x] for x in sorted(cats)])
                cur.add_text(cells[item_idx], k + 1)
                for c in cells[item_idx + 1 :]:
                    if clean_cell(c):
                        cur.cells.append(c.strip())
            elif cur is not None:
                # continuation of a wrapped row: unit fragments extend the unit cell,
                # short label-like first cells are categories for later rows, the rest is item text
                filled = [(x, c.strip()) for x, c in enumerate(cells) if c.strip()]
                last_x = filled[-1][0] if filled else -1
                for x, c in filled:
                    if x == last_x and "。" not in c and cur.cells and looks_incomplete(cur.cells[-1]):
                        cur.cells[-1] += c
                    elif x == last_x and self._unit_like_token(c):
                        cur.cells.append(c)
                    elif x == 0 and len(c) <= 8 and "。" not in c:
                        cats = {0: c}
                    else:
                        cur.add_text(c, k + 1)
                cur.end = k + 1
            k += 1
        finish()
        return self._end_table(records, k)

    def _fill_positional(self, buf: _RowBuf, header: list[str], cells: list[str], line_no: int, append: bool = False) -> None:
        """Put the cells of a positional row into item text, unit cells and extra columns."""
        buf.end = line_no
        for name, cell in zip(header, cells):
            role = _role_of(name)
            c = cell.strip()
            if not c or role == "num":
                continue
            if role == "item":
                buf.add_text(c, line_no)
            elif role in ("lead", "part"):
                idx = 0 if role == "lead" else 1
                while len(buf.cells) <= idx:
                    buf.cells.append("")
                buf.cells[idx] += c
            elif name:
                buf.extra[name] = (buf.extra.get(name, "") + c) if append else c

    # ---- layout 3: flow (PDF) --------------------------------------------------
    def _is_repeat_header(self, s: str) -> bool:
        return is_resp_header(s.split())

    def _unit_like_token(self, tok: str) -> bool:
        t = clean_cell(tok)
        if not t or "。" in t:
            return False
        units, note, _ = split_units(t)
        return is_unit_name(t) or (bool(units) and not note) or bool(re.match(r"^(待|具体参照|按《)", t))

    def _parse_flow(self, j: int, header: list[str]) -> int:
        roles = _header_roles(header)
        list_name = self._list_name_for(header)
        records: list[Record] = []
        cats: list[tuple[int, str]] = []
        cur: _RowBuf | None = None
        last_no = 0
        k = j
        n = len(self.lines)
        max_unit_line = 18

        def finish() -> None:
            nonlocal cur
            if cur is not None:
                records.append(self._emit(cur, roles, list_name, False))
                cur = None

        def add_unit(piece: str, new_cell: bool) -> None:
            assert cur is not None
            piece = clean_cell(piece)
            if not cur.cells or new_cell:
                cur.cells.append(piece)
            elif looks_incomplete(cur.cells[-1]) or not starts_unit_cell(piece):
                cur.cells[-1] += piece
            else:
                cur.cells.append(piece)

        while k < n:
            raw = self.lines[k]
            s = raw.strip()
            k += 1
            if not s or PAGE_NO.match(s) or self._is_repeat_header(s):
                continue
            if NOTE_LINE.match(s) or re.match(r"^附\s*件", s) or LIST_HEADING.match(re.sub(r"\s+", "", s)):
                k -= 1
                break
            m = ROW_NO.match(s)
            if m and int(m.group(1)) == last_no + 1:
                finish()
                last_no = int(m.group(1))
                cur = _RowBuf(no=m.group(1), start=k, end=k, categories=[t for _, t in cats])
                s = (m.group(2) or "").strip()
                if not s:
                    continue
            elif (H_L1.match(s) or H_L2.match(s)) and "。" not in s and len(s) <= 40:
                finish()
                lvl = 1 if H_L1.match(s) else 2
                while cats and cats[-1][0] >= lvl:
                    cats.pop()
                cats.append((lvl, re.sub(r"\s+", "", s)))
                continue
            if cur is None:
                continue
            cur.end = k
            tokens = s.split()
            tail: list[str] = []
            while len(tokens) > 1 and self._unit_like_token(tokens[-1]):
                tail.insert(0, tokens.pop())
            if tail and len(tokens) == 1 and self._unit_like_token(tokens[0]):
                tail.insert(0, tokens.pop())
            if tail:
                cur.add_text(" ".join(tokens), k)
                for t in tail:
                    add_unit(t, new_cell=True)
                continue
            compact = clean_cell(s)
            if compact.endswith(("。", "；", "？", "！")) or len(compact) > max_unit_line:
                cur.add_text(s, k)
            elif cur.cells and (looks_incomplete(cur.cells[-1]) or not starts_unit_cell(compact)):
                add_unit(compact, new_cell=False)
            elif starts_unit_cell(compact) or self._unit_like_token(compact):
                add_unit(compact, new_cell=bool(cur.cells))
            else:
                cur.add_text(s, k)
        finish()
        return self._end_table(records, k)


def parse_document(doc: SourceDocument) -> ParsedDocument:
    """Convenience wrapper: ``StructureParser().run(doc)``."""
    return StructureParser().run(doc)
