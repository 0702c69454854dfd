"""A newcomer's first run, timed on a fresh clone of HEAD: `make install` (what serving needs),
`make run` until the first page is served (empty index: ingest included), `make run` again (warm),
and `make test` (adds the test tools; chromium and fonts as they are on this machine).

Usage::

    python -m evals.bench.firstrun     # ≈ 6 min on 2 cores; writes evals/bench/firstrun.json
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from evals.bench.common import machine, write_json
from evals.harness import free_port, wait_http

ROOT = Path(__file__).resolve().parents[2]


def _timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str, int]:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, p.stdout + p.stderr, p.returncode


def _first_page(cwd: Path, env: dict[str, str]) -> float:
    """Seconds from `make run` to the first page served (its own port), then stop it."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(["make", "run", f"PORT={port}"], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        if not wait_http(f"http://127.0.0.1:{port}/", tries=6000):
            raise RuntimeError("make run served no page")
        return time.perf_counter() - t0
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "policy-qa"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        env = {**os.environ, "POLICY_QA_HOME": str(clone / ".policy_qa")}
        install_s, _, rc = _timed(["make", "install"], clone, env)
        if rc:
            raise SystemExit("make install failed")
        cold_s = _first_page(clone, env)
        warm_s = _first_page(clone, env)
        test_s, out, rc = _timed(["make", "test"], clone, env)
        m = re.findall(r"(\d+) passed", out)
        data = {"machine": machine(), "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                                               capture_output=True, text=True).stdout.strip(),
                "make_install_s": round(install_s, 1), "make_run_first_page_after_install_s": round(cold_s, 1),
                "make_run_fresh_to_first_page_s": round(install_s + cold_s, 1), "make_run_warm_s": round(warm_s, 1),
                "make_test_after_install_s": round(test_s, 1), "make_test_rc": rc,
                "tests_passed": int(m[-1]) if m else 0}
    write_json("firstrun.json", data)
    print(data)
    return 0 if data["make_test_rc"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
