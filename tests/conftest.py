"""Shared fixtures: a deterministic fake embedder and settings rooted in a temp folder."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

from ingest.config import PROJECT_ROOT, Settings, apply_offline_env
from ingest.embed import Embedder
from rag.retrievers import Retriever

apply_offline_env()
CORPUS = PROJECT_ROOT / "corpus"


class FakeEmbedder(Embedder):
    """Deterministic bag-of-characters vectors: similar texts get similar vectors, no model."""

    name = "fake-chargram"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0
        self.texts_embedded = 0

    def _encode(self, texts, kind):
        self.calls += 1
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype="float32")
        for i, t in enumerate(texts):
            for ch in t:
                h = int(hashlib.md5(ch.encode("utf-8")).hexdigest()[:8], 16)
                out[i, h % self.dim] += 1.0
        return out


class StaticRetriever(Retriever):
    """A fixed ranking, as any retriever of rag.retrievers returns it (the interface is ``retrieve``)."""

    def __init__(self, name: str, ids: list[str]) -> None:
        self.name, self.ids = name, list(ids)

    def retrieve(self, query, k: int = 20, doc_ids=None):
        from rag.types import Hit

        return [Hit(i, 1.0 / (r + 1), self.name, r + 1) for r, i in enumerate(self.ids[:k])]


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", corpus_dir=CORPUS)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the corpus (files + manifest)."""
    dst = tmp_path / "corpus"
    dst.mkdir()
    for f in CORPUS.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    return dst


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> Settings:
    """The whole corpus ingested once with the fake embedder (BM25, records and a Chroma index)."""
    from ingest.pipeline import Ingestor

    home = tmp_path_factory.mktemp("corpus_index")
    s = Settings(home=home, corpus_dir=CORPUS)
    rep = Ingestor(s, FakeEmbedder()).run([CORPUS], log=lambda m: None)
    assert rep.ok and len(rep.ingested) == 5
    return s


@pytest.fixture(scope="session")
def qa(corpus_index):
    """The answer chain over the corpus (fake embedder for the dense part)."""
    from rag.chain import PolicyQA
    from rag.resources import Resources

    return PolicyQA(Resources.load(corpus_index, embedder=FakeEmbedder()))
