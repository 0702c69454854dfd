"""Process and server helpers shared by the benchmarks and the tests (loopback only): a free port,
waiting for an HTTP endpoint, the app served in a thread, a real ``chroma run``.

>>> 1024 <= free_port() <= 65535
True
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any


def start_server(app: Any) -> tuple[str, Any, threading.Thread]:
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    for _ in range(600):
        if srv.started:
            break
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", srv, th



def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, tries: int = 600) -> bool:
    """Poll ``url`` until it answers 200 (0.1 s apart)."""
    import time

    import httpx

    for _ in range(tries):
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False


def spawn_http(cmd: list[str], ready_url: str, env: dict[str, str] | None = None, tries: int = 600) -> Any:
    """Start ``cmd`` and wait until ``ready_url`` answers 200; returns the process (killed on failure)."""
    import subprocess

    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_http(ready_url, tries=tries):
        proc.kill()
        raise RuntimeError(f"{' '.join(cmd[:3])} … did not start")
    return proc


def start_chroma_server(path: Path) -> tuple[str, Any]:
    """A real ``chroma run`` on loopback storing under ``path``; returns (url, process)."""
    import shutil
    import sys

    exe = Path(sys.executable).with_name("chroma")
    exe_s = str(exe) if exe.exists() else (shutil.which("chroma") or "")
    if not exe_s:
        raise RuntimeError("the chroma CLI (chromadb) is not installed")
    url = f"http://127.0.0.1:{free_port()}"
    port = url.rsplit(":", 1)[1]
    return url, spawn_http([exe_s, "run", "--path", str(path), "--host", "127.0.0.1", "--port", port],
                           url + "/api/v2/heartbeat", tries=200)
