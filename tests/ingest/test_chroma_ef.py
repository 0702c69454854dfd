"""Chroma gets our embedding function in its current interface: no "legacy" config, no download."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from ingest.index import VectorIndex
from tests.conftest import FakeEmbedder


def _chroma_deprecations(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught
            if issubclass(w.category, DeprecationWarning) and "chromadb" in (w.filename or "")]


def test_create_reopen_query_without_legacy_warnings(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        v = VectorIndex(FakeEmbedder(), tmp_path / "c")
        v.upsert(["a", "b"], np.eye(2, 64, dtype="float32"), [{"doc_id": "d", "kind": "text"}] * 2)
        again = VectorIndex(FakeEmbedder(), tmp_path / "c")
        hits = again.search(np.eye(1, 64, dtype="float32")[0], k=1)
    assert hits[0][0] == "a"
    assert _chroma_deprecations(caught) == []


def test_stored_config_names_our_function(tmp_path):
    v = VectorIndex(FakeEmbedder(), tmp_path / "c")
    ef = v.client.get_collection(v.name, embedding_function=v.ef).configuration["embedding_function"]
    assert ef.name() == "policy_qa" and ef.get_config() == {"embedder": "fake-chargram", "dim": 64}
    assert v.ef.default_space() == "cosine" and "cosine" in v.ef.supported_spaces()


def test_collection_opened_without_our_function_never_embeds(tmp_path):
    """Chroma rebuilds the function from the stored config: it must say what to do, not load a model."""
    v = VectorIndex(FakeEmbedder(), tmp_path / "c")
    v.upsert(["a"], np.eye(1, 64, dtype="float32"), [{"doc_id": "d", "kind": "text"}])
    bare = v.client.get_collection(v.name)
    with pytest.raises(Exception, match="VectorIndex"):
        bare.query(query_texts=["秸秆"])
