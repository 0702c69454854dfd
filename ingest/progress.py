"""Ingest progress: what takes time (pages read, chunks embedded), per document, with an ETA.

The pipeline reports stages through one small interface; the CLI shows tqdm bars on the terminal,
the web upload maps the same calls onto its own progress bar, tests record them.

>>> rec = RecordingProgress()
>>> rec.document("a.pdf", 1, 2); rec.stage("embedding", 10, "chunk"); rec.advance(10); rec.finish("10 chunks")
>>> rec.events
[('document', 'a.pdf', 1, 2), ('stage', 'embedding', 10, 'chunk'), ('advance', 10), ('finish', '10 chunks')]
"""
from __future__ import annotations

import sys
from typing import Any, Callable, TextIO


class Progress:
    """No-op base: ``document`` starts a file, ``stage`` a measured step of it, ``advance`` moves that
    step on, ``finish`` closes the file with a one-line summary."""

    def document(self, name: str, index: int, total: int) -> None:
        """File ``index`` of ``total`` (1-based) starts."""

    def stage(self, what: str, total: int, unit: str) -> None:
        """A step of the current file with ``total`` units of work (pages, chunks)."""

    def advance(self, n: int = 1) -> None:
        """``n`` more units of the current step are done."""

    def finish(self, summary: str) -> None:
        """The current file is done (``summary`` says what it yielded)."""


class TqdmProgress(Progress):
    """Terminal bars: one line per file, a bar with rate and ETA for each step that takes time."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self._bar: Any = None
        self._prefix = ""

    def document(self, name: str, index: int, total: int) -> None:
        self._close()
        self._prefix = f"[{index}/{total}] {name}"

    def stage(self, what: str, total: int, unit: str) -> None:
        from tqdm import tqdm

        self._close()
        self._bar = tqdm(total=total, desc=f"{self._prefix}: {what}", unit=f" {unit}", file=self.stream,
                         dynamic_ncols=True, leave=False)

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def finish(self, summary: str) -> None:
        self._close()
        print(f"{self._prefix}: {summary}", file=self.stream, flush=True)
        self._prefix = "index"  # steps after the last file (BM25) are the whole index's

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class CallbackProgress(Progress):
    """Reports a fraction of the whole run to ``callback(fraction, description)`` (e.g. gradio's
    ``gr.Progress``): each file is an equal share, its current step fills that share."""

    def __init__(self, callback: Callable[[float, str], Any]) -> None:
        if not callable(callback):
            raise TypeError("callback must be callable")
        self.cb = callback
        self._i, self._n, self._done, self._total, self._what, self._name = 0, 1, 0, 0, "", ""

    def document(self, name: str, index: int, total: int) -> None:
        self._i, self._n, self._name = index - 1, max(total, 1), name
        self.cb(self._i / self._n, f"{name}：读取")

    def stage(self, what: str, total: int, unit: str) -> None:
        self._done, self._total, self._what = 0, max(total, 1), what
        self.cb(self._i / self._n, f"{self._name}：{what} 0/{total}")

    def advance(self, n: int = 1) -> None:
        self._done += n
        frac = (self._i + min(self._done / self._total, 1.0)) / self._n
        self.cb(frac, f"{self._name}：{self._what} {self._done}/{self._total}")

    def finish(self, summary: str) -> None:
        self.cb((self._i + 1) / self._n, f"{self._name}：{summary}")


class RecordingProgress(Progress):
    """Keeps every call (tests, and checks that a step reported its real amount of work)."""

    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []

    def document(self, name: str, index: int, total: int) -> None:
        self.events.append(("document", name, index, total))

    def stage(self, what: str, total: int, unit: str) -> None:
        self.events.append(("stage", what, total, unit))

    def advance(self, n: int = 1) -> None:
        self.events.append(("advance", n))

    def finish(self, summary: str) -> None:
        self.events.append(("finish", summary))
