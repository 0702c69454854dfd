"""Search indexes: BM25 over jieba tokens (persisted sparse matrix) and a Chroma dense collection.

>>> tok = Tokenizer(["市综合行政执法局"])
>>> "市综合行政执法局" in tok.tokens("市综合行政执法局牵头")
True
"""
from __future__ import annotations

import json
import logging
import math
import re
from pathlib import Path
from typing import Any, Collection, Sequence

import numpy as np

from .config import apply_offline_env
from .embed import Embedder

_STOP = set("的 了 和 与 及 等 在 为 对 将 是 由 把 被 之 其 或 并 而 以 于 中 上 下 这 那 哪 什么 谁 吗 呢 啊 吧 多少 几 项 条 那条 一条 请问".split())
_PUNCT = re.compile(r"^[\s\W_]+$", re.UNICODE)


class Tokenizer:
    """jieba with a user dictionary (department names, list names, indicator names) kept whole."""

    def __init__(self, user_words: Sequence[str] = ()) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize() if hasattr(self._jieba, "initialize") else None
        for w in sorted(set(user_words)):
            w = w.strip()
            if 1 < len(w) <= 40 and not re.search(r"\s", w):
                self._jieba.add_word(w, freq=200000)
        self.user_words = sorted(set(user_words))

    def tokens(self, text: str) -> list[str]:
        out = []
        for t in self._jieba.cut_for_search(text):
            t = t.strip().lower()
            if not t or t in _STOP or _PUNCT.match(t):
                continue
            out.append(t)
        return out


class BM25Index:
    """Okapi BM25 as a sparse doc×term weight matrix; a query is one sparse dot product."""

    def __init__(self, tokenizer: Tokenizer, k1: float = 1.5, b: float = 0.75) -> None:
        self.tok, self.k1, self.b = tokenizer, k1, b
        self.ids: list[str] = []
        self.vocab: dict[str, int] = {}
        self.matrix: Any = None
        self.built_from = ""  # the store state (Store.state()) this index was built from

    def build(self, ids: Sequence[str], texts: Sequence[str]) -> "BM25Index":
        from scipy import sparse

        self.ids = list(ids)
        docs = [self.tok.tokens(t) for t in texts]
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        lengths = np.array([len(d) for d in docs], dtype="float32")
        avg = float(lengths.mean()) if len(docs) else 1.0
        df: dict[int, int] = {}
        tfs: list[dict[int, int]] = []
        for d in docs:
            tf: dict[int, int] = {}
            for t in d:
                j = vocab.setdefault(t, len(vocab))
                tf[j] = tf.get(j, 0) + 1
            for j in tf:
                df[j] = df.get(j, 0) + 1
            tfs.append(tf)
        n = max(len(docs), 1)
        for i, tf in enumerate(tfs):
            norm = self.k1 * (1 - self.b + self.b * (lengths[i] / (avg or 1.0)))
            for j, f in tf.items():
                idf = math.log(1 + (n - df[j] + 0.5) / (df[j] + 0.5))
                rows.append(i); cols.append(j); vals.append(idf * f * (self.k1 + 1) / (f + norm))
        self.vocab = vocab
        self.matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), max(len(vocab), 1)), dtype="float32")
        return self

    def search(self, query: str, k: int = 20) -> list[tuple[str, float]]:
        if self.matrix is None or not self.ids:
            return []
        q = [self.vocab[t] for t in self.tok.tokens(query) if t in self.vocab]
        if not q:
            return []
        qv = np.zeros(self.matrix.shape[1], dtype="float32")
        for j in q:
            qv[j] += 1.0
        scores = self.matrix @ qv
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def save(self, directory: Path) -> None:
        from scipy import sparse

        directory.mkdir(parents=True, exist_ok=True)
        sparse.save_npz(directory / "bm25.npz", self.matrix)
        (directory / "bm25.json").write_text(
            json.dumps({"built_from": self.built_from, "ids": self.ids, "vocab": self.vocab, "k1": self.k1,
                        "b": self.b, "user_words": self.tok.user_words}, ensure_ascii=False),
            encoding="utf-8",
        )

    @classmethod
    def load(cls, directory: Path) -> "BM25Index":
        from scipy import sparse

        meta = json.loads((directory / "bm25.json").read_text(encoding="utf-8"))
        idx = cls(Tokenizer(meta["user_words"]), meta["k1"], meta["b"])
        idx.ids, idx.vocab, idx.built_from = meta["ids"], meta["vocab"], meta.get("built_from", "")
        idx.matrix = sparse.load_npz(directory / "bm25.npz").tocsr()
        return idx

    @staticmethod
    def built_from_on_disk(directory: Path) -> str | None:
        """The store state the saved index was built from ("" for indexes saved before it was
        recorded; None when no index is there, e.g. in the middle of a swap). Reads only the head
        of bm25.json: :meth:`save` writes ``built_from`` as its first key."""
        try:
            with open(directory / "bm25.json", encoding="utf-8") as fh:
                head = fh.read(4096)
        except FileNotFoundError:
            return None
        m = re.match(r'\{"built_from": "((?:[^"\\]|\\.)*)"', head)
        return json.loads(f'"{m.group(1)}"') if m else ""


def collection_name(embedder_name: str) -> str:
    slug = re.sub(r"[^a-zA-Z0-9._-]", "-", embedder_name)[:48]
    return f"policy_qa_{slug}"


class VectorIndex:
    """A Chroma collection (embedded PersistentClient, or a server when ``url`` is set)."""

    def __init__(self, embedder: Embedder, path: Path | None = None, url: str = "") -> None:
        apply_offline_env()
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        cs = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
        if url:
            m = re.match(r"^(https?)://([^:/]+)(?::(\d+))?", url)
            if not m:
                raise ValueError(f"bad POLICY_QA_CHROMA_URL: {url}")
            self.client = chromadb.HttpClient(host=m.group(2), port=int(m.group(3) or 8000),
                                              ssl=m.group(1) == "https", settings=cs)
        else:
            assert path is not None
            path.mkdir(parents=True, exist_ok=True)
            self.client = chromadb.PersistentClient(path=str(path), settings=cs)
        from .chroma_ef import ChromaEmbeddingFunction

        self.embedder = embedder
        self.ef = ChromaEmbeddingFunction(embedder)
        self.name = collection_name(embedder.name)
        self.col = self.client.get_or_create_collection(
            self.name, embedding_function=self.ef, metadata={"hnsw:space": "cosine"}  # type: ignore[arg-type]
        )

    def reset(self) -> None:
        try:
            self.client.delete_collection(self.name)
        except Exception:  # noqa: BLE001 - absent collection
            pass
        self.col = self.client.get_or_create_collection(
            self.name, embedding_function=self.ef, metadata={"hnsw:space": "cosine"}  # type: ignore[arg-type]
        )

    def ids(self) -> set[str]:
        got = self.col.get(include=[])
        return set(got["ids"])

    def upsert(self, ids: list[str], vectors: np.ndarray, metadatas: list[dict[str, Any]]) -> None:
        if len(ids) != len(vectors) or len(ids) != len(metadatas):
            raise ValueError("one vector and one metadata per id")
        for i in range(0, len(ids), 1000):
            self.col.upsert(ids=ids[i : i + 1000], embeddings=vectors[i : i + 1000].tolist(),
                            metadatas=metadatas[i : i + 1000])

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 1000):
            self.col.delete(ids=ids[i : i + 1000])

    def search(self, query_vec: np.ndarray, k: int = 20,
               doc_ids: Collection[str] | None = None) -> list[tuple[str, float]]:
        """(id, cosine) of the ``k`` nearest vectors, best first; ``doc_ids`` keeps those documents' only."""
        n = self.col.count()
        if n == 0:
            return []
        where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids else None
        res = self.col.query(query_embeddings=[query_vec.tolist()], n_results=min(k, n), where=where, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0])]

    def exact(self, limit: int, keep: Collection[str] | None = None) -> "ExactVectors | None":
        """The collection's vectors in memory for :class:`ExactVectors` search, or None when it holds
        more than ``limit`` (or nothing): past that size Chroma's HNSW graph is the faster search.
        ``keep``: the ids to copy (a reader's loaded chunks — not a vector another writer has upserted
        before committing its document, nor one it is about to delete; those would hold a place among
        the nearest and be dropped)."""
        n = self.col.count()
        if n == 0 or n > limit:
            return None
        ids: list[str] = []
        rows: list[np.ndarray] = []
        docs: list[str] = []
        for offset in range(0, n, 5000):
            got = self.col.get(include=["embeddings", "metadatas"], limit=5000, offset=offset)
            picked = [k for k, i in enumerate(got["ids"]) if keep is None or i in keep]
            ids += [got["ids"][k] for k in picked]
            rows.append(np.asarray(got["embeddings"], dtype="float32").reshape(len(got["ids"]), -1)[picked])
            docs += [str((got["metadatas"][k] or {}).get("doc_id", "")) for k in picked]
        return ExactVectors(ids, np.vstack(rows), docs) if ids else None


class ExactVectors:
    """Vectors held in memory and searched exactly (cosine: dot product of unit vectors).

    A snapshot of a :class:`VectorIndex` (:meth:`VectorIndex.exact`) with the same ``search``. For the
    few thousand prose chunks of a bureau's documents one matrix product costs well under a
    millisecond, where a Chroma query pays several for its count, filter and graph walk, and it never
    misses a neighbour the graph would (evals/bench/README.md).

    >>> ev = ExactVectors(["a", "b", "c"], np.array([[1, 0], [0, 1], [0.6, 0.8]], dtype="float32"), ["d1", "d2", "d2"])
    >>> [i for i, _ in ev.search(np.array([0.0, 1.0], dtype="float32"), k=2)]
    ['b', 'c']
    >>> [i for i, _ in ev.search(np.array([0.0, 1.0], dtype="float32"), k=2, doc_ids={"d1"})]
    ['a']
    """

    def __init__(self, ids: Sequence[str], matrix: np.ndarray, doc_ids: Sequence[str]) -> None:
        if matrix.ndim != 2 or len(ids) != len(matrix) or len(doc_ids) != len(ids):
            raise ValueError("one vector row and one document id per id")
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.ids = list(ids)
        self.matrix = (matrix / np.where(norms == 0, 1, norms)).astype("float32")
        by_doc: dict[str, list[int]] = {}
        for i, d in enumerate(doc_ids):
            by_doc.setdefault(d, []).append(i)
        self._rows_of = {d: np.asarray(rows) for d, rows in by_doc.items()}

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, query_vec: np.ndarray, k: int = 20,
               doc_ids: Collection[str] | None = None) -> list[tuple[str, float]]:
        """(id, cosine) of the ``k`` nearest vectors, best first; ``doc_ids`` keeps those documents' only."""
        if k < 1:
            raise ValueError("k must be >= 1")
        q = np.asarray(query_vec, dtype="float32").ravel()
        if q.shape[0] != self.matrix.shape[1]:
            raise ValueError(f"query has {q.shape[0]} dimensions, the vectors {self.matrix.shape[1]}")
        scores = self.matrix @ (q / (np.linalg.norm(q) or 1.0))
        if doc_ids:
            picked = [self._rows_of[d] for d in doc_ids if d in self._rows_of]
            if not picked:
                return []
            rows = np.concatenate(picked)
        else:
            rows = np.arange(len(self.ids))
        top = rows[np.argsort(-scores[rows], kind="stable")[:k]]
        return [(self.ids[i], float(scores[i])) for i in top]
