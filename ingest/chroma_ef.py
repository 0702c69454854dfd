"""Our embedder in Chroma's current embedding-function interface (chromadb >= 1.x).

Chroma falls back to a default function that downloads a model, so every collection is created and
reopened with this one. It implements the whole interface (name, config, spaces), so Chroma stores a
"known" configuration instead of a deprecated "legacy" one that a later chromadb may refuse to open.
Imported lazily by :class:`ingest.index.VectorIndex` (importing chromadb costs ~1.5 s).

>>> from ingest.embed import Embedder
>>> import numpy as np
>>> class Toy(Embedder):
...     name, dim = "toy", 2
...     def _encode(self, texts, kind): return np.ones((len(texts), 2), dtype="float32")
>>> ef = ChromaEmbeddingFunction(Toy())
>>> ef.is_legacy(), ef.default_space(), ef.get_config()
(False, 'cosine', {'embedder': 'toy', 'dim': 2})
>>> len(ef(["甲", "乙"])), ef.name()
(2, 'policy_qa')
"""
from __future__ import annotations

from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space

from .embed import Embedder, Kind


class _NotLoaded(Embedder):
    """Stands in when Chroma rebuilds the function from a stored config without us: says what to do."""

    def __init__(self, name: str, dim: int) -> None:
        self.name, self.dim = name, dim

    def _encode(self, texts: list[str], kind: Kind) -> np.ndarray:
        raise RuntimeError(f"policy-qa collection made with embedder {self.name!r}: open it through "
                           "ingest.index.VectorIndex, which passes the embedding function explicitly")


class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
    """Adapter from :class:`ingest.embed.Embedder` to Chroma; passages via ``__call__``, queries via
    ``embed_query`` (e5 models embed the two differently)."""

    def __init__(self, embedder: Embedder) -> None:
        if not isinstance(embedder, Embedder):
            raise TypeError("embedder must be an ingest.embed.Embedder")
        self._e = embedder

    def __call__(self, input: Documents) -> Embeddings:  # noqa: A002 - chroma's signature
        return list(self._e.embed_passages(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:  # noqa: A002
        return [self._e.embed_query(t) for t in input]

    @staticmethod
    def name() -> str:
        return "policy_qa"

    def default_space(self) -> Space:
        return "cosine"  # vectors are L2-normalised; the collections are created with hnsw:space cosine

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip"]

    def is_legacy(self) -> bool:
        return False

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self._e.name, "dim": int(self._e.dim)}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "ChromaEmbeddingFunction":
        # Chroma calls this when it deserialises a stored collection config; the model itself is
        # never rebuilt behind our back (that is what would download one): calls say what to do.
        return ChromaEmbeddingFunction(_NotLoaded(str(config.get("embedder", "?")), int(config.get("dim", 0))))

    @staticmethod
    def validate_config(config: dict[str, Any]) -> None:
        if not isinstance(config.get("embedder"), str):
            raise ValueError("policy_qa embedding-function config needs the embedder name")
