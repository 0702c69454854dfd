"""Warm query latency of the full answer chain over a few hundred varied questions, and process RSS.

Usage::

    python -m evals.bench.latency [--questions 300] [--passes 3]   # index under POLICY_QA_HOME; writes latency.json/.png

The questions are asked ``--passes`` times over; the headline numbers are those of the middle pass by
p95 (:func:`evals.bench.common.middle_pass`), and every pass's p50/p95/p99 is written beside them: on a
shared virtual machine one pass's p95 moves by tens of milliseconds from run to run with the same code.
"""
from __future__ import annotations

import argparse
import time

from evals.bench.common import (dense_skip_share, machine, middle_pass, peak_rss_mb, pyplot, save_figure,
                                summary_ms, warm_latencies, write_json)


def main() -> int:
    from evals.bench.load import questions
    from ingest.config import Settings
    from rag.chain import PolicyQA

    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=300)
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    if args.passes < 1 or args.questions < 1:
        ap.error("--passes and --questions must be >= 1")
    settings = Settings.from_env()
    t0 = time.perf_counter()
    qa = PolicyQA.from_settings(settings)
    load_s = time.perf_counter() - t0
    qs = questions(args.questions)
    runs = [warm_latencies(qa, qs, warmup=20 if i == 0 else 0) for i in range(args.passes)]
    summaries = [summary_ms(r) for r in runs]
    mid = middle_pass(summaries)
    ms = runs[mid]
    res = {"questions": len(qs), "chain_load_s": round(load_s, 2), **summaries[mid],
           "passes": [{k: s[k] for k in ("p50_ms", "p95_ms", "p99_ms")} for s in summaries],
           "peak_rss_mb": peak_rss_mb(), "dense_searches_skipped": dense_skip_share(qa),
           "machine": machine(settings.embedder)}
    path = write_json("latency.json", res)
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.hist(ms, bins=40, color="#3b7dd8")
    for p, c in (("p50_ms", "green"), ("p95_ms", "red")):
        ax.axvline(res[p], color=c, ls="--", label=f"{p} {res[p]}")
    ax.set_xlabel("ms per question (warm, full chain)")
    ax.legend()
    save_figure(fig, path.with_suffix(".png"))
    print(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
