"""Several app instances against one Chroma server: throughput and latency under load for 1 and 2
single-process instances (each `policy-qa serve` on its own port, as behind a reverse proxy with
sticky sessions), 20 clients spread over them, an admin upload during the run.

The index (SQLite records store + BM25 files) is a copy shared by the instances; vectors live in a
real `chroma run` on loopback, which is what lets several processes share them.

Usage::

    python -m evals.bench.workers [--instances 1 2] [--clients 20] [--questions 500]
    # writes evals/bench/workers.json
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from evals.bench.common import machine, plot_load_runs, write_json
from evals.harness import free_port, spawn_http, start_chroma_server


def start_instance(home: Path, chroma_url: str, token: str) -> tuple[str, Any]:
    port = free_port()
    env = {**os.environ, "POLICY_QA_HOME": str(home), "POLICY_QA_CHROMA_URL": chroma_url,
           "POLICY_QA_ADMIN_TOKEN": token, "POLICY_QA_RATE_LIMIT": "0"}
    url = f"http://127.0.0.1:{port}"
    return url, spawn_http([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], url + "/healthz",
                           env=env, tries=1200)


def peak_rss_of(pid: int) -> float | None:
    """Peak resident set size (VmHWM) of a running process, MB (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def main() -> int:
    from evals.bench.load import questions, run
    from ingest.config import Settings
    from ingest.pipeline import Ingestor

    ap = argparse.ArgumentParser()
    ap.add_argument("--instances", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--questions", type=int, default=500)
    args = ap.parse_args()
    base = Settings.from_env()
    results = []
    for n in args.instances:
        work = Path(tempfile.mkdtemp(prefix="pqa-workers-"))
        procs: list[Any] = []
        try:
            home = work / "home"
            shutil.copytree(base.home, home)
            shutil.rmtree(home / "index" / "chroma", ignore_errors=True)
            url, chroma = start_chroma_server(work / "chroma")
            procs.append(chroma)
            settings = base.with_(home=home, chroma_url=url)
            Ingestor(settings).run([settings.corpus_dir], log=lambda m: None)  # vectors into the server (cache hits)
            bases = []
            for _ in range(n):
                b, p = start_instance(home, url, "load-test")
                bases.append(b)
                procs.append(p)
            res = run(bases, questions(args.questions), args.clients, "load-test")
            res["instances"] = n
            res["serve_peak_rss_mb"] = [peak_rss_of(p.pid) for p in procs[1:]]
            results.append(res)
            print({k: (v[:5] if isinstance(v, list) else v) for k, v in res.items() if k != "upload"}, flush=True)
        finally:
            for p in reversed(procs):
                p.terminate()
                p.wait(20)
            shutil.rmtree(work, ignore_errors=True)
    path = write_json("workers.json", {"machine": machine(base.embedder), "runs": results})
    plot_load_runs(results, [f"{r['instances']} instance(s)" for r in results], path.with_suffix(".png"))
    return 0 if not any(r["errors"] or r["wrong"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
