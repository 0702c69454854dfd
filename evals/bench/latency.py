"""Warm query latency of the full answer chain over a few hundred varied questions, and process RSS.

Usage::

    python -m evals.bench.latency [--questions 300]    # index under POLICY_QA_HOME; writes latency.json/.png
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent


def percentile(sorted_ms: list[float], p: float) -> float:
    return round(sorted_ms[min(len(sorted_ms) - 1, int(p * (len(sorted_ms) - 1)))], 2)


def main() -> int:
    from evals.bench.load import questions
    from ingest.config import Settings
    from rag.chain import PolicyQA

    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=300)
    args = ap.parse_args()
    settings = Settings.from_env()
    t0 = time.perf_counter()
    qa = PolicyQA.from_settings(settings)
    load_s = time.perf_counter() - t0
    qs = questions(args.questions)
    for q in qs[:20]:  # warm-up
        qa.answer(q)
    ms = []
    for q in qs:
        t = time.perf_counter()
        qa.answer(q)
        ms.append((time.perf_counter() - t) * 1000)
    s = sorted(ms)
    res = {
        "questions": len(qs), "chain_load_s": round(load_s, 2),
        "p50_ms": round(statistics.median(s), 2), "p95_ms": percentile(s, 0.95), "p99_ms": percentile(s, 0.99),
        "max_ms": round(s[-1], 2), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": f"{os.cpu_count()} CPU, Python {platform.python_version()}, embedder {settings.embedder}",
    }
    (OUT / "latency.json").write_text(json.dumps(res, indent=1), encoding="utf-8")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.hist(ms, bins=40, color="#3b7dd8")
    for p, c in (("p50_ms", "green"), ("p95_ms", "red")):
        ax.axvline(res[p], color=c, ls="--", label=f"{p} {res[p]}")
    ax.set_xlabel("ms per question (warm, full chain)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(OUT / "latency.png", dpi=110)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
