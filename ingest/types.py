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


@dataclass(frozen=True)
class Line:
    """One line of the original document text (1-based ``no``; ``page`` for PDFs)."""

    no: int
    text: str
    page: int | None = None


@dataclass(frozen=True)
class SourceDocument:
    """A loaded document: metadata, its original lines, and a content hash."""

    meta: DocumentMeta
    lines: tuple[Line, ...]
    sha: str
    kind: str  # "txt" | "pdf" | "docx"

    def text_of(self, start_line: int, end_line: int) -> str:
        """Original text of lines ``start_line..end_line`` (inclusive), blank lines dropped."""
        out = [ln.text for ln in self.lines[start_line - 1 : end_line] if ln.text.strip()]
        return "\n".join(out)

    def page_of(self, line_no: int) -> int | None:
        if 1 <= line_no <= len(self.lines):
            return self.lines[line_no - 1].page
        return None


@dataclass(frozen=True)
class Span:
    """A line range of the original document (inclusive)."""

    doc_id: str
    start_line: int
    end_line: int
    start_page: int | None = None
    end_page: int | None = None

    def locator(self) -> str:
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
