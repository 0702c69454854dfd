"""kill -9 during ingest leaves a usable, consistent index; the next ingest repairs and finishes."""
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.config import PROJECT_ROOT, Settings
from ingest.index import BM25Index, VectorIndex
from ingest.pipeline import dense_chunks
from ingest.store import Store
from tests.conftest import CORPUS, FakeEmbedder

SCRIPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from ingest.config import Settings
from ingest.pipeline import Ingestor
from ingest.progress import Progress
from tests.conftest import FakeEmbedder

class StopAt(Progress):
    \"\"\"Halts the ingest at a named step of a named file and says so: the kill lands there.\"\"\"
    def __init__(self, what, doc_index):
        self.what, self.doc_index, self.current = what, doc_index, 0
    def document(self, name, index, total):
        self.current = index
    def stage(self, what, total, unit):
        if what == self.what and self.current >= self.doc_index:
            print("AT", what, self.current, flush=True)
            time.sleep(600)

s = Settings(home=Path({home!r}), corpus_dir=Path({corpus!r}))
stop = StopAt({what!r}, {doc_index!r}) if {what!r} else Progress()
Ingestor(s, FakeEmbedder(), progress=stop).run([Path({corpus!r})], log=lambda m: None)
print("DONE", flush=True)
"""


def run_ingest(home: Path, stop_at: tuple[str, int] | None) -> str:
    """Run an ingest in a child process. With ``stop_at=(step, file number)`` the child halts at that
    step and is killed with SIGKILL there; returns the child's last line ("AT …" or "DONE")."""
    what, doc_index = stop_at or ("", 0)
    code = SCRIPT.format(root=str(PROJECT_ROOT), home=str(home), corpus=str(CORPUS), what=what, doc_index=doc_index)
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          start_new_session=True, text=True) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()  # blocks until the child reaches the step (or finishes)
        if stop_at is not None and line.startswith("AT"):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=600)
    return line


def check_consistent(home: Path) -> set[str]:
    """Every stored document is whole: its chunk count matches, its dense chunks have vectors.
    Returns the ids of the chunks that must have a vector."""
    settings = Settings(home=home, corpus_dir=CORPUS)
    store = Store(settings.db_path)
    vec_ids = VectorIndex(FakeEmbedder(), settings.chroma_dir).ids()
    for d in store.documents():
        chunks = store.chunks(d["id"])
        assert len(chunks) == d["n_chunks"], d["id"]
        assert len(store.records(d["id"])) == d["n_records"], d["id"]
        assert {c.id for c in dense_chunks(chunks, settings)} <= vec_ids, d["id"]
    return {c.id for c in dense_chunks(store.chunks(), settings)}


def _interrupted_state(home: Path) -> tuple[int, set[str], bool]:
    """(documents committed, vectors without a stored chunk, whether BM25 matches the store)."""
    settings = Settings(home=home, corpus_dir=CORPUS)
    store = Store(settings.db_path)
    orphans = VectorIndex(FakeEmbedder(), settings.chroma_dir).ids() - store.chunk_ids()
    bm25_ok = BM25Index.built_from_on_disk(settings.index_dir / "bm25") == store.state()
    return len(store.documents()), orphans, bm25_ok


@pytest.mark.parametrize("stop_at, where, committed, orphans", [
    # killed while embedding the 2nd file: the 1st is whole, nothing half-written
    (("embedding", 2), "AT embedding 2", 1, False),
    # killed after the 3rd file's vectors were written, before its rows commit: orphan vectors
    (("storing", 3), "AT storing 3", 2, True),
    # every file committed (the 5th was the last), killed while the BM25 index is rebuilt
    (("building BM25", 1), "AT building BM25 5", 5, False),
])
def test_kill_during_ingest_then_repair(tmp_path, stop_at, where, committed, orphans):
    home = tmp_path / "home"
    assert run_ingest(home, stop_at) == where
    n_docs, orphan_ids, bm25_ok = _interrupted_state(home)
    assert n_docs == committed and bool(orphan_ids) == orphans and not bm25_ok  # the kill landed mid-ingest
    check_consistent(home)
    assert run_ingest(home, None) == "DONE"
    final = check_consistent(home)
    settings = Settings(home=home, corpus_dir=CORPUS)
    store = Store(settings.db_path)
    assert len(store.documents()) == 5
    assert VectorIndex(FakeEmbedder(), settings.chroma_dir).ids() == final  # no orphan vectors left
    bm25 = BM25Index.load(settings.index_dir / "bm25")
    assert set(bm25.ids) == store.chunk_ids() and bm25.built_from == store.state()


def test_an_interrupted_bm25_swap_is_recovered(tmp_path):
    from ingest.pipeline import Ingestor

    settings = Settings(home=tmp_path / "home", corpus_dir=CORPUS)
    small = tmp_path / "c"
    small.mkdir()
    (small / "d.txt").write_text((CORPUS / "zhejiang_jwjt_drafting_note.txt").read_text(encoding="utf-8"), encoding="utf-8")
    ing = Ingestor(settings, FakeEmbedder())
    ing.run([small], log=lambda m: None)
    final = settings.index_dir / "bm25"
    final.rename(settings.index_dir / "bm25.old")  # as if killed between the two renames
    ing.run([small], log=lambda m: None)
    assert (final / "bm25.json").exists() and json.loads((final / "bm25.json").read_text())["ids"]
