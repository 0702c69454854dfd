"""The served app: FastAPI (REST API) with the gradio page mounted at "/".

Usage::

    app = build_app(Settings.from_env())          # ingests corpus/ first if the index is empty
    uvicorn.run(app, host="127.0.0.1", port=7860)
"""
from __future__ import annotations

import sys
from typing import Any

from ingest.config import Settings, apply_offline_env
from ingest.embed import Embedder

from .api import create_api
from .service import Service


def ensure_index(settings: Settings, embedder: Embedder | None = None, progress: bool = True) -> None:
    """Build the index from the corpus folder on first run (progress bar on the terminal)."""
    from ingest.store import Store

    if settings.db_path.exists() and Store(settings.db_path).documents():
        return
    from ingest.pipeline import Ingestor

    print(f"首次运行：正在为 {settings.corpus_dir} 建立索引…", file=sys.stderr, flush=True)
    rep = Ingestor(settings, embedder, progress=progress).run([settings.corpus_dir])
    print(f"索引完成：{len(rep.ingested)} 份文件，{rep.records} 个条目，{rep.chunks} 个段落，{rep.seconds:.0f} 秒",
          file=sys.stderr, flush=True)


def build_app(settings: Settings, embedder: Embedder | None = None, service: Service | None = None) -> Any:
    apply_offline_env()
    import gradio as gr

    from .web import CSS, build_ui

    ensure_index(settings, embedder)
    service = service or Service(settings, embedder=embedder)
    api = create_api(service)
    theme = gr.themes.Default(font=["system-ui", "PingFang SC", "Microsoft YaHei", "sans-serif"],
                              font_mono=["ui-monospace", "monospace"])
    return gr.mount_gradio_app(api, build_ui(service), path="/", theme=theme, css=CSS, footer_links=["api"],
                               ssr_mode=False, mcp_server=False)


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> None:
    import uvicorn

    app = build_app(settings)
    print(f"policy-qa: http://{host}:{port}", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
