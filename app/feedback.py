"""Feedback on answers (correct / wrong / wrong source, optional comment), stored in SQLite.

>>> import tempfile, pathlib
>>> fb = FeedbackStore(pathlib.Path(tempfile.mkdtemp()) / "fb.sqlite")
>>> fid = fb.add("问题", "回答", "correct", "很好")
>>> fb.all()[0]["verdict"], fb.all()[0]["comment"]
('correct', '很好')
"""
from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

VERDICTS = ("correct", "wrong", "wrong_source")
VERDICT_LABELS = {"correct": "正确", "wrong": "答案错误", "wrong_source": "来源不对"}


class FeedbackStore:
    """Append-only feedback table; survives restarts (WAL, one connection guarded by a lock)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
            " question TEXT NOT NULL, answer TEXT NOT NULL, verdict TEXT NOT NULL, comment TEXT NOT NULL,"
            " citations TEXT NOT NULL)")
        self._db.commit()
        self._lock = threading.Lock()

    def add(self, question: str, answer: str, verdict: str, comment: str = "", citations: list[Any] | None = None) -> int:
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}")
        if not question or not isinstance(question, str):
            raise ValueError("feedback needs the question")
        row = (datetime.now(timezone.utc).isoformat(timespec="seconds"), question[:5000], (answer or "")[:20000],
               verdict, (comment or "")[:2000], json.dumps(citations or [], ensure_ascii=False)[:50000])
        with self._lock:
            cur = self._db.execute("INSERT INTO feedback (created_at, question, answer, verdict, comment, citations)"
                                   " VALUES (?,?,?,?,?,?)", row)
            self._db.commit()
            return int(cur.lastrowid or 0)

    def all(self) -> list[dict[str, Any]]:
        with self._lock:
            cur = self._db.execute("SELECT id, created_at, question, answer, verdict, comment, citations FROM feedback ORDER BY id")
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]
