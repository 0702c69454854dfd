"""Cold and unchanged ingest of corpus/ with the configured embedder: wall time, embedding time,
chunks/s, peak RSS. Each run is a fresh ``policy-qa ingest`` process (start-up included, as a user
sees it) into an empty POLICY_QA_HOME, then again unchanged.

Usage::

    python -m evals.bench.ingest [--runs 3]     # writes evals/bench/ingest.json and ingest.png
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from evals.bench.common import machine, pyplot, save_figure, write_json

_LINE = re.compile(r"(\d+) records, (\d+) chunks; embedded (\d+) .*?; ([\d.]+)s \(([\d.]+)s embedding\)")


def one_ingest(home: Path) -> dict[str, Any]:
    """Run ``policy-qa ingest`` once in a child process; its wall time, peak RSS and report line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "app.cli", "ingest", "--quiet"], capture_output=True, text=True,
                          env={**os.environ, "POLICY_QA_HOME": str(home)}, check=True)
    wall = time.perf_counter() - t
    m = _LINE.search(proc.stdout)
    if not m:
        raise RuntimeError(f"unexpected ingest output: {proc.stdout!r}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"wall_s": round(wall, 2), "records": int(m.group(1)), "chunks": int(m.group(2)),
            "embedded": int(m.group(3)), "pipeline_s": float(m.group(4)), "embed_s": float(m.group(5)),
            "peak_rss_mb": round(max(rss, before) / 1024, 1)}


def main() -> int:
    from ingest.config import Settings

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    settings = Settings.from_env()
    cold, unchanged = [], []
    for _ in range(args.runs):
        home = Path(tempfile.mkdtemp(prefix="pqa-ingest-"))
        try:
            cold.append(one_ingest(home))
            unchanged.append(one_ingest(home))
        finally:
            shutil.rmtree(home, ignore_errors=True)
    med = lambda runs, k: round(statistics.median(r[k] for r in runs), 2)  # noqa: E731
    res = {
        "machine": machine(settings.embedder), "runs": args.runs,
        "settings": {"embed_chars": settings.embed_chars, "dense_rows": settings.dense_rows,
                     "chunk": [settings.chunk_min, settings.chunk_max], "embed_batch": settings.embed_batch},
        "cold": {"wall_s_median": med(cold, "wall_s"), "embed_s_median": med(cold, "embed_s"),
                 "chunks": cold[0]["chunks"], "embedded": cold[0]["embedded"],
                 "chunks_per_s": round(cold[0]["chunks"] / med(cold, "wall_s"), 1),
                 "peak_rss_mb": max(r["peak_rss_mb"] for r in cold), "runs": cold},
        "unchanged": {"wall_s_median": med(unchanged, "wall_s"), "embedded": unchanged[0]["embedded"], "runs": unchanged},
        "targets": {"cold_s": 30, "unchanged_s": 2},
    }
    path = write_json("ingest.json", res)
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.5))
    c = res["cold"]
    ax.barh(["cold", "unchanged"], [c["wall_s_median"] - c["embed_s_median"], res["unchanged"]["wall_s_median"]],
            color="#3b7dd8", label="start-up, parse, store, BM25, Chroma")
    ax.barh(["cold"], [c["embed_s_median"]], left=[c["wall_s_median"] - c["embed_s_median"]], color="#e76f51",
            label="embedding")
    for y, t in ((0, 30), (1, 2)):
        ax.plot([t, t], [y - 0.4, y + 0.4], "k--")
    ax.set_xlabel("seconds (median of runs; dashed: target)")
    ax.legend(fontsize=7)
    save_figure(fig, path.with_suffix(".png"))
    print(res["cold"]["wall_s_median"], res["unchanged"]["wall_s_median"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
