"""Plain dataclasses for the data that flows between ingest stages.

Every record and chunk keeps a :class:`Span` back into the *original* text so a
citation can quote the document verbatim and give its line (txt) or page (pdf).

>>> span = Span(doc_id="d1", start_line=3, end_line=5)
>>> span.locator()
'第3-5行'
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


def content_hash(*parts: str, length: int = 16) -> str:
    """Stable short hash of text parts (used for ids and caches).

    >>> content_hash("a", "b") == content_hash("a", "b")
    True
    """
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata of one source document (from the corpus manifest or inferred)."""

    id: str
    title: str
    file: str
    issuer: str = ""
    level: str = ""  # 省 / 市 / 县
    region: str = ""  # 浙江省 / 温州市 / 台州市 ...
    date: str | None = None
    doc_number: str | None = None
    status: str = ""  # 征求意见稿 / 正式 / 公报
    note: str = ""

    @property
    def is_draft(self) -> bool:
        return "征求意见" in self.status or "征求意见" in self.title

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points of its page


@dataclass(frozen=True)
class Line:
    """One line of the original document text (1-based ``no``; ``page`` for PDFs). ``locator`` says
    where a .docx line is (段落12, 表2行5); ``ocr`` when it was read from a page image; ``box`` is
    its region on the PDF page, for the source view."""

    no: int
    text: str
    page: int | None = None
    locator: str = ""
    ocr: bool = False
    box: Box | None = None


def where(lines: Sequence[Line], start: int, end: int) -> str:
    """Where lines ``start..end`` (1-based, inclusive) are in the source, as a citation says it:
    pages for a PDF (marked "OCR识别" when read from a scan), paragraphs and table rows for a .docx,
    line numbers for text.

    >>> pdf = [Line(1, "a", 3), Line(2, "b", 4, ocr=True)]
    >>> where(pdf, 1, 1), where(pdf, 1, 2)
    ('第3页', '第3-4页，OCR识别')
    >>> docx = [Line(1, "a", locator="段落7"), Line(2, "b", locator="表2行5"), Line(3, "c", locator="表2行6")]
    >>> where(docx, 1, 1), where(docx, 2, 3), where([Line(1, "a"), Line(2, "b")], 1, 2)
    ('段落7', '表2行5-6', '第1-2行')
    """
    span = [ln for ln in lines[max(start, 1) - 1: end] if ln.text.strip()] or list(lines[max(start, 1) - 1: end])
    if not span:
        return f"第{start}行" if start == end else f"第{start}-{end}行"
    ocr = "，OCR识别" if any(ln.ocr for ln in span) else ""
    pages = [ln.page for ln in span if ln.page is not None]
    if pages:
        p0, p1 = min(pages), max(pages)
        return (f"第{p0}页" if p0 == p1 else f"第{p0}-{p1}页") + ocr
    locs = [ln.locator for ln in span if ln.locator]
    if locs:
        first, last = locs[0], locs[-1]
        if first == last:
            return first
        a, b = re.match(r"(.*?)(\d+)$", first), re.match(r"(.*?)(\d+)$", last)
        if a and b and a.group(1) == b.group(1):
            return f"{first}-{b.group(2)}"
        return f"{first}至{last}"
    return f"第{start}行" if start == end else f"第{start}-{end}行"


@dataclass(frozen=True)
class SourceDocument:
    """A loaded document: metadata, its original lines, and a content hash."""

    meta: DocumentMeta
    lines: tuple[Line, ...]
    sha: str
    kind: str  # "txt" | "pdf" | "docx"
    path: str = ""  # the file it was read from (the source view renders PDF pages from it)

    def text_of(self, start_line: int, end_line: int) -> str:
        """Original text of lines ``start_line..end_line`` (inclusive), blank lines dropped."""
        out = [ln.text for ln in self.lines[start_line - 1 : end_line] if ln.text.strip()]
        return "\n".join(out)

    def page_of(self, line_no: int) -> int | None:
        if 1 <= line_no <= len(self.lines):
            return self.lines[line_no - 1].page
        return None

    def span(self, start_line: int, end_line: int) -> Span:
        """The span of lines ``start_line..end_line``: its pages and how a citation names the place."""
        return Span(self.meta.id, start_line, end_line, self.page_of(start_line), self.page_of(end_line),
                    where(self.lines, start_line, end_line))


@dataclass(frozen=True)
class Span:
    """A line range of the original document (inclusive)."""

    doc_id: str
    start_line: int
    end_line: int
    start_page: int | None = None
    end_page: int | None = None
    where: str = ""  # how a citation names the place (.docx 表2行5, a PDF page read by OCR); see where()

    def locator(self) -> str:
        if self.where:
            return self.where
        if self.start_page is not None:
            if self.end_page and self.end_page != self.start_page:
                return f"第{self.start_page}-{self.end_page}页"
            return f"第{self.start_page}页"
        if self.end_line != self.start_line:
            return f"第{self.start_line}-{self.end_line}行"
        return f"第{self.start_line}行"


@dataclass
class Unit:
    """A department as written in a list cell, with a normalised key and level."""

    name: str  # the document's own wording, e.g. 省发展改革委（省能源局）
    key: str  # normalised key for lookups across documents, e.g. 省发展和改革委员会
    level: str  # 省 / 市 / 县 / ""


@dataclass
class Target:
    """A numeric target found in an item's text."""

    value: str  # as written: "98", "3400", "18.52"
    unit: str  # "%", "万千瓦", "个" ...
    comparator: str  # 以上 / 以下 / 不低于 / 达到 / ...
    text: str  # the phrase it came from, e.g. "达到98%以上"


@dataclass
class Record:
    """One row of a list or index/indicator table."""

    doc_id: str
    list_name: str  # 目标清单 / 任务清单 / 政策清单 / 协同管理清单 / 协同指数 ...
    item_no: str  # as the document numbers it (assigned in order when empty)
    item_no_assigned: bool
    text: str  # item text, normalised (line breaks joined)
    section: list[str] = field(default_factory=list)  # section path of the document
    categories: list[str] = field(default_factory=list)  # category / section rows above it
    lead_units: list[Unit] = field(default_factory=list)
    lead_label: str = "牵头单位"  # the lead column's own header: 牵头单位 / 责任单位 / 责任部门
    lead_note: str = ""
    participant_units: list[Unit] = field(default_factory=list)
    participant_note: str = ""
    shared_lead: bool = False  # "按职责分工负责"
    deadline_year: int | None = None
    deadline_source: str = ""  # "item" | "list_note" | "plan" | ""
    targets: list[Target] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # other columns as written
    kind: str = "list"  # "list" (responsibility list row) | "index" (index/indicator table row)
    weight: str = ""  # index tables: the indicator's weight or score as written
    data_sources: list[Unit] = field(default_factory=list)  # index tables: 数据来源
    parents: list[dict[str, str]] = field(default_factory=list)  # index tables: [{level,name,weight}]
    span: Span | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.doc_id, self.list_name, self.item_no, self.text)

    @property
    def lead_names(self) -> list[str]:
        return [u.name for u in self.lead_units]

    @property
    def participant_names(self) -> list[str]:
        return [u.name for u in self.participant_units]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        d = dict(d)
        d["lead_units"] = [Unit(**u) for u in d.get("lead_units", [])]
        d["participant_units"] = [Unit(**u) for u in d.get("participant_units", [])]
        d["data_sources"] = [Unit(**u) for u in d.get("data_sources", [])]
        d["targets"] = [Target(**t) for t in d.get("targets", [])]
        d["span"] = Span(**d["span"]) if d.get("span") else None
        return cls(**d)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass
class Chunk:
    """A retrievable passage: normalised text for search, span for citing the original."""

    doc_id: str
    text: str
    section: list[str]
    span: Span
    title: str = ""
    record_ids: list[str] = field(default_factory=list)
    kind: str = "text"  # "text" | "row"
    id: str = ""
    embed_text: str = ""  # what the dense index embeds (set by the chunker; see ingest.chunker)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.doc_id, self.text, str(self.span.start_line))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Chunk":
        d = dict(d)
        d["span"] = Span(**d["span"])
        return cls(**d)
