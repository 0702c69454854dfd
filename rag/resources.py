"""Everything the answer chain reads from the index, loaded once and refreshed when the index changes.

Usage::

    res = Resources.load(Settings.from_env())     # raises IndexNotReady if nothing is ingested
    res.refresh_if_changed()                       # after an upload: picks up new documents
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from ingest.config import Settings
from ingest.embed import Embedder, make_embedder
from ingest.index import BM25Index, ExactVectors, VectorIndex
from ingest.store import Store
from ingest.types import Chunk, DocumentMeta, Record
from ingest.units import unit_aliases, unit_key


class IndexNotReady(RuntimeError):
    """No usable index under POLICY_QA_HOME (run ``policy-qa ingest``), or it was built differently."""


@dataclass
class Resources:
    settings: Settings
    store: Store
    embedder: Embedder
    vectors: VectorIndex | None
    bm25: BM25Index | None
    docs: dict[str, DocumentMeta] = field(default_factory=dict)
    doc_info: dict[str, dict] = field(default_factory=dict)
    records: dict[str, Record] = field(default_factory=dict)
    chunks: dict[str, Chunk] = field(default_factory=dict)
    chunk_of_record: dict[str, str] = field(default_factory=dict)
    unit_forms: dict[str, str] = field(default_factory=dict)
    unit_display: dict[str, str] = field(default_factory=dict)
    version: str = ""
    exact: ExactVectors | None = None  # the vectors in memory, when few enough (Settings.exact_search_max)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(cls, settings: Settings, embedder: Embedder | None = None, dense: bool = True) -> "Resources":
        if not settings.db_path.exists():
            raise IndexNotReady(f"no index under {settings.home} (run: policy-qa ingest)")
        store = Store(settings.db_path)
        manifest = store.get_manifest()
        embedder = embedder or make_embedder(settings)
        if manifest and (manifest.get("embedder") != embedder.name or int(manifest.get("dim", 0)) != embedder.dim):
            raise IndexNotReady(
                f"index was built with {manifest.get('embedder')} (dim {manifest.get('dim')}), "
                f"not {embedder.name} (dim {embedder.dim}): run policy-qa ingest to rebuild")
        vectors = VectorIndex(embedder, settings.chroma_dir, settings.chroma_url) if dense else None
        res = cls(settings=settings, store=store, embedder=embedder, vectors=vectors, bm25=None)
        res._reload()
        if not res.chunks:
            raise IndexNotReady(f"the index under {settings.home} is empty (run: policy-qa ingest)")
        return res


    def _reload(self) -> None:
        bm25_dir = self.settings.index_dir / "bm25"
        self.bm25 = BM25Index.load(bm25_dir) if (bm25_dir / "bm25.json").exists() else None
        infos = self.store.documents()
        self.doc_info = {d["id"]: d for d in infos}
        self.docs = {d["id"]: m for d in infos if (m := self.store.doc_meta(d["id"])) is not None}
        self.records = {r.id: r for r in self.store.records()}
        self.chunks = {c.id: c for c in self.store.chunks()}
        self.chunk_of_record = {rid: c.id for c in self.chunks.values() for rid in c.record_ids}
        forms: dict[str, str] = {}
        display: dict[str, str] = {}
        for r in self.records.values():
            for u in [*r.lead_units, *r.participant_units, *r.data_sources]:
                display.setdefault(u.key, u.name)
                for f in unit_aliases(u.name):
                    if len(f) >= 3:
                        forms.setdefault(f, u.key)
        self.unit_forms, self.unit_display = forms, display
        self.exact = (self.vectors.exact(self.settings.exact_search_max, keep=self.chunks.keys())
                      if self.vectors is not None else None)
        self.version = self.store.state()

    @property
    def dense_index(self) -> VectorIndex | ExactVectors | None:
        """What dense search reads: the in-memory snapshot when there is one, else the Chroma collection."""
        return self.exact if self.exact is not None else self.vectors

    def refresh_if_changed(self) -> bool:
        """Reload records, chunks and BM25 when documents were added, changed or removed.

        Another process may be ingesting: its documents are committed before it rebuilds BM25, so
        this waits (keeps answering from the loaded snapshot) until the BM25 index on disk was built
        from the current documents, and retries later if it catches the index mid-swap."""
        with self._lock:
            state = self.store.state()
            if state == self.version:
                return False
            built = BM25Index.built_from_on_disk(self.settings.index_dir / "bm25")
            if built is None or (built and built != state):
                return False
            try:
                self._reload()
            except FileNotFoundError:  # the BM25 directory was swapped while being read
                return False
            return True

    def key_of(self, name: str) -> str:
        return self.unit_forms.get(name, unit_key(name))
