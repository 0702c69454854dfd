"""Load test on loopback: concurrent clients ask varied questions through POST /api/ask while an
admin uploads a document; answers are compared with the same questions asked serially.

Usage::

    python -m evals.bench.load [--clients 20] [--questions 500]   # index under POLICY_QA_HOME
    # writes evals/bench/load.json and prints p50/p95
"""
from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from evals.bench.common import plot_load_runs
from evals.harness import start_server

OUT = Path(__file__).resolve().parent
UPLOAD = ("海绵城市试点方案.txt", "海绵城市试点方案\n\n一、目标清单\n\t序号\n\t指标目标\n\t牵头单位\n\t参与单位\n\n"
          "\t1\n\t海绵城市建设面积达到40平方公里。\n\t市园林局\n\t市水利局\n")


#: the share of the benchmark's questions taken from the dev set (prose, sections, multi-part …), the rest
#: from the QA sets (table rows): the share the sample held until session 48, when the old drawing — every
#: k-th of an interleaving — began to step over every dev question once the tune part reached 1,039 items
DEV_SHARE = 1 / 3


def questions(n: int) -> list[str]:
    """``n`` questions: the QA sets' (table rows) and the dev set's (prose, sections, multi-part …),
    ``DEV_SHARE`` of them the dev set's, each kind spread evenly over its set and the two interleaved,
    so latency covers every answerer whatever the sets' sizes."""
    from evals.devset import load
    from evals.qa_sets import all_sets

    if n < 1:
        raise ValueError("n must be >= 1")
    rows = [i.question for i in all_sets() if not i.history]
    dev = [it.turns[0].question for it in load("tune")]  # the held-out part is only ever scored, once
    k_dev = min(len(dev), round(n * DEV_SHARE))
    picked_dev = _spread(dev, k_dev)
    picked_rows = _spread(rows, n - k_dev) if rows else []
    out: list[str] = []
    for k, q in enumerate(picked_rows):  # (a dev question after every other row question, while they last)
        out.append(q)
        if k % 2 == 1 and picked_dev:
            out.append(picked_dev.pop(0))
    out += picked_dev
    while len(out) < n:  # (sets smaller than n: asked again)
        out += out[: n - len(out)]
    return out[:n]


def _spread(items: list[str], k: int) -> list[str]:
    """``k`` of ``items`` evenly spread over it (repeating when it holds fewer)."""
    return [items[(i * len(items)) // k % len(items)] for i in range(k)] if items and k > 0 else []


def run(base: str | list[str], qs: list[str], clients: int, token: str) -> dict[str, Any]:
    """Ask ``qs`` from ``clients`` threads; several ``base`` URLs (instances) are used in turn."""
    bases = [base] if isinstance(base, str) else list(base)
    base = bases[0]
    serial: dict[str, str] = {}
    with httpx.Client(base_url=base, timeout=60) as c:
        for q in dict.fromkeys(qs):
            serial[q] = c.post("/api/ask", json={"question": q}).json()["answer"]
    latencies: list[float] = []
    errors: list[str] = []
    wrong: list[str] = []
    lock = threading.Lock()

    def ask(iq: tuple[int, str]) -> None:
        i, q = iq
        with httpx.Client(base_url=bases[i % len(bases)], timeout=60) as c:
            t = time.perf_counter()
            try:
                r = c.post("/api/ask", json={"question": q})
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    latencies.append(dt)
                    if r.status_code != 200:
                        errors.append(f"{r.status_code}: {q}")
                    elif r.json()["answer"] != serial[q]:
                        wrong.append(q)
            except Exception as exc:  # noqa: BLE001 - counted as an error
                with lock:
                    errors.append(f"{exc.__class__.__name__}: {q}")

    def upload() -> dict[str, Any]:
        time.sleep(0.5)
        with httpx.Client(base_url=base, timeout=300) as c:
            r = c.post("/api/docs", files={"file": (UPLOAD[0], UPLOAD[1].encode("utf-8"), "text/plain")},
                       headers={"X-Admin-Token": token})
            return {"status": r.status_code, "body": r.json()}

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients + 1) as pool:
        up = pool.submit(upload)
        list(pool.map(ask, enumerate(qs)))
        upload_result = up.result()
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    return {
        "clients": clients, "questions": len(qs), "errors": errors, "wrong": wrong, "upload": upload_result,
        "wall_s": round(wall, 2), "throughput_qps": round(len(qs) / wall, 1),
        "latency_ms_p50": round(statistics.median(lat), 1) if lat else None,
        "latency_ms_p95": round(lat[int(0.95 * (len(lat) - 1))], 1) if lat else None,
    }


def main() -> int:
    import os
    import platform

    from app.server import build_app
    from ingest.config import Settings

    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--questions", type=int, default=500)
    args = ap.parse_args()
    import shutil
    import tempfile

    base_settings = Settings.from_env()
    home = Path(tempfile.mkdtemp(prefix="policy_qa_load_"))
    shutil.copytree(base_settings.home, home, dirs_exist_ok=True)  # the upload must not touch the real index
    settings = base_settings.with_(home=home, admin_token="load-test", rate_limit_per_min=0)
    base, srv, th = start_server(build_app(settings))
    try:
        res = run(base, questions(args.questions), args.clients, "load-test")
    finally:
        srv.should_exit = True
        th.join(10)
        shutil.rmtree(home, ignore_errors=True)
    res["machine"] = f"{os.cpu_count()} CPU, Python {platform.python_version()}, embedder {settings.embedder}"
    (OUT / "load.json").write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    plot_load_runs([res], [f"{res['clients']} clients"], OUT / "load.png")
    print(json.dumps({k: v for k, v in res.items() if k not in ("errors", "wrong")}, ensure_ascii=False))
    print(f"errors {len(res['errors'])}, wrong {len(res['wrong'])}")
    return 0 if not res["errors"] and not res["wrong"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
