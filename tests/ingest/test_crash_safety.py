"""kill -9 during ingest leaves a usable, consistent index; the next ingest repairs and finishes."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.config import PROJECT_ROOT, Settings
from ingest.index import BM25Index, VectorIndex
from ingest.pipeline import dense_chunks
from ingest.store import Store
from tests.conftest import CORPUS, FakeEmbedder

SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from ingest.config import Settings
from ingest.pipeline import Ingestor
from tests.conftest import FakeEmbedder
s = Settings(home=Path({home!r}), corpus_dir=Path({corpus!r}))
Ingestor(s, FakeEmbedder()).run([Path({corpus!r})], log=lambda m: None)
print("DONE", flush=True)
"""


def run_ingest(home: Path, kill_after: float | None) -> bool:
    code = SCRIPT.format(root=str(PROJECT_ROOT), home=str(home), corpus=str(CORPUS))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    if kill_after is None:
        out, _ = proc.communicate(timeout=600)
        return b"DONE" in out
    time.sleep(kill_after)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return proc.returncode == 0


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


@pytest.mark.parametrize("kill_after", [0.8, 2.0, 3.5, 6.0])
def test_kill_during_ingest_then_repair(tmp_path, kill_after):
    home = tmp_path / "home"
    run_ingest(home, kill_after)
    if Settings(home=home, corpus_dir=CORPUS).db_path.exists():
        check_consistent(home)
    assert run_ingest(home, None)
    final = check_consistent(home)
    settings = Settings(home=home, corpus_dir=CORPUS)
    store = Store(settings.db_path)
    assert len(store.documents()) == 5
    assert VectorIndex(FakeEmbedder(), settings.chroma_dir).ids() == final  # no orphan vectors left
    bm25 = BM25Index.load(settings.index_dir / "bm25")
    assert set(bm25.ids) == store.chunk_ids()


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
