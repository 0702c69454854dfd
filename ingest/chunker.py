"""Structure-aware chunks: one chunk per table row (never split), prose packed to 150–500 chars
within one section, split at sentence ends.

Each chunk also carries ``embed_text``, the compact text the dense index embeds. Embedding is
nearly all the cost of an ingest (cost grows with tokens), so only what dense retrieval adds
recall for is in it: the document's place (questions name places), then a row's list and item
wording (its department, deadline and value columns are matched exactly by record lookup and
BM25) or a passage's heading and body, cut to ``embed_chars`` characters (0 = all). The pipeline
embeds prose passages only unless ``dense_rows`` is set. ``evals/bench/chunking.py`` measures the
choice.

>>> from ingest.structure import Paragraph
>>> from ingest.types import DocumentMeta
>>> meta = DocumentMeta(id="d", title="T", file="t.txt")
>>> cs = Chunker(150, 500).run(meta, [], [Paragraph("甲。" * 10, 1, 1, ["一、总则"])])
>>> cs[0].section, cs[0].kind
(['一、总则'], 'text')
"""
from __future__ import annotations

import re

from .structure import Paragraph
from .types import Chunk, DocumentMeta, Record, Span


def record_text(r: Record) -> str:
    """A self-contained sentence form of one record (used for its chunk and BM25)."""
    if r.kind == "index":
        parts = [f"{r.list_name}第{r.item_no}项指标：{r.text}"]
        parts += [f"{p['level']}：{p['name']}" + (f"（权重{p['weight']}）" if p.get("weight") else "") for p in r.parents]
        if r.weight:
            parts.append(f"权重：{r.weight}")
        if r.extra.get("数据来源"):
            parts.append(f"数据来源：{r.extra['数据来源']}")
        return "。".join(parts)
    parts = [f"{r.list_name}第{r.item_no}项：{r.text}"]
    if r.categories:
        parts.insert(0, "／".join(r.categories))
    if r.lead_units or r.lead_note:
        parts.append(f"{r.lead_label}：" + "、".join(r.lead_names) + (("；" + r.lead_note) if r.lead_note else ""))
    if r.participant_units or r.participant_note:
        parts.append("参与单位：" + "、".join(r.participant_names) + (("；" + r.participant_note) if r.participant_note else ""))
    if r.deadline_year:
        parts.append(f"完成时限：{r.deadline_year}年")
    for k, v in r.extra.items():
        if not k.startswith("list_note") and isinstance(v, (str, int, float)):
            parts.append(f"{k}：{v}")
    return "。".join(p.rstrip("。") for p in parts)


def record_embed_text(r: Record) -> str:
    """The wording of a row that dense retrieval needs: categories, list name and item text.

    >>> from ingest.types import Record
    >>> record_embed_text(Record("d", "任务清单", "3", False, "推进秸秆综合利用", categories=["农业"]))
    '农业／任务清单：推进秸秆综合利用'
    """
    head = "／".join([*r.categories, r.list_name])
    if r.kind == "index" and r.parents:
        head = "／".join([*(p.get("name", "") for p in r.parents), r.list_name])
    return f"{head}：{r.text}"


def passage_embed_text(text: str, section: list[str]) -> str:
    r"""A passage as embedded: its section heading (when the text does not start with it) and body.

    >>> passage_embed_text("推进秸秆利用。", ["一、总则", "（二）农业"])
    '（二）农业\n推进秸秆利用。'
    """
    head = section[-1] if section else ""
    return text if not head or text.startswith(head) else f"{head}\n{text}"


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters (0 = no limit), at a sentence end when one is near.

    >>> clip("甲乙。丙丁戊己。", 5), clip("甲乙。丙丁戊己。", 0)
    ('甲乙。', '甲乙。丙丁戊己。')
    """
    if limit <= 0 or len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(p) for p in "。；！？")
    return cut[: end + 1] if end >= limit // 2 else cut


class Chunker:
    """Make chunks from parsed records and paragraphs.

    ``embed_chars`` caps the text each chunk gives the embedder (0 = no cap).
    """

    def __init__(self, min_chars: int = 150, max_chars: int = 500, embed_chars: int = 0) -> None:
        if not 0 < min_chars < max_chars:
            raise ValueError("need 0 < min_chars < max_chars")
        if embed_chars < 0:
            raise ValueError("embed_chars must be >= 0")
        self.min_chars, self.max_chars, self.embed_chars = min_chars, max_chars, embed_chars

    @staticmethod
    def doc_tag(meta: DocumentMeta) -> str:
        """A few tokens naming the document's place for the embedder (questions name places: 温州, 省里).

        >>> Chunker.doc_tag(DocumentMeta(id="d", title="某某方案", file="t.txt", region="温州市"))
        '温州市'
        """
        return meta.region or meta.title[:10]

    def run(self, meta: DocumentMeta, records: list[Record], paragraphs: list[Paragraph]) -> list[Chunk]:
        chunks: list[Chunk] = []
        tag = self.doc_tag(meta)
        for r in records:
            assert r.span is not None
            chunks.append(
                Chunk(doc_id=meta.id, text=record_text(r), section=r.section + [r.list_name], span=r.span,
                      title=meta.title, record_ids=[r.id], kind="row",
                      embed_text=clip(f"{tag} {record_embed_text(r)}", self.embed_chars))
            )
        buf: list[Paragraph] = []

        def flush() -> None:
            if buf:
                text = "\n".join(p.text for p in buf)
                span = Span(meta.id, buf[0].start_line, buf[-1].end_line)
                chunks.append(Chunk(doc_id=meta.id, text=text, section=buf[0].section, span=span, title=meta.title,
                                    embed_text=clip(f"{tag} {passage_embed_text(text, buf[0].section)}", self.embed_chars)))
                buf.clear()

        for p in paragraphs:
            for piece in self._split(p):
                size = sum(len(b.text) for b in buf)
                if buf and (piece.section != buf[0].section or size + len(piece.text) > self.max_chars):
                    if size >= self.min_chars or piece.section != buf[0].section:
                        flush()
                    elif size + len(piece.text) > self.max_chars:
                        flush()
                buf.append(piece)
        flush()
        return chunks

    def _split(self, p: Paragraph) -> list[Paragraph]:
        if len(p.text) <= self.max_chars:
            return [p]
        sentences = [s for s in re.split(r"(?<=[。！？；])", p.text) if s]
        out: list[Paragraph] = []
        cur = ""
        for s in sentences:
            if cur and len(cur) + len(s) > self.max_chars:
                out.append(Paragraph(cur, p.start_line, p.end_line, p.section))
                cur = ""
            while len(s) > self.max_chars:
                out.append(Paragraph(s[: self.max_chars], p.start_line, p.end_line, p.section))
                s = s[self.max_chars :]
            cur += s
        if cur:
            out.append(Paragraph(cur, p.start_line, p.end_line, p.section))
        return out
