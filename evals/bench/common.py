"""Helpers the benchmarks share: percentiles, the machine line, result files, two embedders and an
in-memory dense retriever for experiments.

>>> percentile([1.0, 2.0, 3.0, 4.0], 0.5)
2.0
>>> e = HashingEmbedder()
>>> v = e.embed_passages(["秸秆综合利用", "秸秆综合利用率"])
>>> v.shape, bool(v[0] @ v[1] > 0.5)
((2, 384), True)
"""
from __future__ import annotations

import json
import os
import platform
import resource
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ingest.embed import Embedder
from rag.retrievers import bigrams

OUT = Path(__file__).resolve().parent


def percentile(sorted_ms: Sequence[float], p: float) -> float:
    """The ``p`` quantile (nearest rank below) of already sorted values."""
    if not sorted_ms:
        return 0.0
    return round(float(sorted_ms[min(len(sorted_ms) - 1, int(p * (len(sorted_ms) - 1)))]), 2)


def summary_ms(ms: Sequence[float]) -> dict[str, float]:
    """p50 / p95 / p99 / max of latencies in milliseconds."""
    s = sorted(ms)
    return {"n": len(s), "p50_ms": percentile(s, 0.5), "p95_ms": percentile(s, 0.95),
            "p99_ms": percentile(s, 0.99), "max_ms": round(float(s[-1]), 2) if s else 0.0}


def middle_pass(summaries: Sequence[dict[str, float]]) -> int:
    """Index of the middle pass by p95 (of an even number, the lower middle): the headline of a
    benchmark run several times over, neither its luckiest nor its unluckiest pass.

    >>> middle_pass([{"p95_ms": 52.0}, {"p95_ms": 38.0}, {"p95_ms": 41.0}])
    2
    """
    if not summaries:
        raise ValueError("no passes")
    order = sorted(range(len(summaries)), key=lambda i: summaries[i]["p95_ms"])
    return order[(len(order) - 1) // 2]


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (MB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def machine(embedder: str = "") -> str:
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo", encoding="utf-8") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} CPU ({cpu or platform.machine()}), {mem:.0f} GiB, Python {platform.python_version()}"
            + (f", embedder {embedder}" if embedder else ""))


def write_json(name: str, data: dict[str, Any]) -> Path:
    path = OUT / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_figure(fig: Any, path: Path) -> Path:
    """Lay out, write as PNG next to the JSON, close."""
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    pyplot().close(fig)
    return path


def warm_latencies(qa: Any, questions: Sequence[str], warmup: int = 20) -> list[float]:
    """Milliseconds per question through ``qa.answer``, one by one, after ``warmup`` questions."""
    import time

    for q in questions[:warmup]:
        qa.answer(q)
    ms = []
    for q in questions:
        t = time.perf_counter()
        qa.answer(q)
        ms.append((time.perf_counter() - t) * 1000)
    return ms


def dense_skip_share(qa: Any) -> float | None:
    """Share of questions whose dense search the chain skipped (record lookup was sure)."""
    gate = next((r for r in qa.retriever.retrievers if hasattr(r, "skipped")), None)
    return round(gate.skipped / gate.calls, 3) if gate and gate.calls else None


class HashingEmbedder(Embedder):
    """Cheap lexical vectors (sum of fixed random vectors of the text's character bigrams), 384-d like
    e5-small. Similar texts get similar vectors, so an HNSW index over them is shaped like a real one;
    used where a benchmark needs vectors for more chunks than the model can embed here."""

    name = "hash-bigram-384"
    dim = 384

    def __init__(self, buckets: int = 1 << 15, seed: int = 7) -> None:
        self.table = np.random.default_rng(seed).standard_normal((buckets, self.dim)).astype("float32")
        self.buckets = buckets

    def _encode(self, texts: list[str], kind: str) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype="float32")
        for i, t in enumerate(texts):
            idx = [zlib.crc32(b.encode("utf-8")) % self.buckets for b in bigrams(t)]
            if idx:
                out[i] = self.table[idx].sum(axis=0)
        return out


class MemoEmbedder(Embedder):
    """Wraps an embedder and remembers query vectors (experiments ask the same questions many times)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self._queries: dict[str, np.ndarray] = {}

    def _encode(self, texts: list[str], kind: str) -> np.ndarray:
        return self.inner._encode(texts, kind)  # noqa: SLF001 - same interface

    def embed_query(self, text: str) -> np.ndarray:
        if text not in self._queries:
            self._queries[text] = self.inner.embed_query(text)
        return self._queries[text]


def plot_load_runs(runs: Sequence[dict[str, Any]], labels: Sequence[str], path: Path) -> Path:
    """Questions/s and p50/p95 latency of load runs side by side (load.png, workers.png)."""
    plt = pyplot()
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8, 3.5))
    x = list(range(len(runs)))
    a1.bar(x, [r["throughput_qps"] for r in runs], color="#3b7dd8")
    a1.set_xticks(x, labels)
    a1.set_title("questions / s")
    a2.bar([i - 0.2 for i in x], [r["latency_ms_p50"] for r in runs], 0.4, color="#3b7dd8", label="p50")
    a2.bar([i + 0.2 for i in x], [r["latency_ms_p95"] for r in runs], 0.4, color="#e76f51", label="p95")
    a2.set_xticks(x, labels)
    a2.set_title("ms per request under load")
    a2.legend(fontsize=7)
    return save_figure(fig, path)
