"""Ingest progress reports the work that takes time (chunks embedded, pages read), per document,
and an unchanged re-ingest says "index unchanged" with the index totals."""
from __future__ import annotations

from ingest.pipeline import Ingestor
from ingest.progress import CallbackProgress, RecordingProgress, TqdmProgress

import pytest

from ..conftest import CORPUS, FakeEmbedder
from .test_pipeline import small_corpus


def test_progress_counts_chunks_embedded_per_document(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    rec = RecordingProgress()
    emb = FakeEmbedder()
    rep = Ingestor(settings, emb, progress=rec).run([corpus])
    docs = [e for e in rec.events if e[0] == "document"]
    assert [(e[2], e[3]) for e in docs] == [(1, 2), (2, 2)]
    embedding = [i for i, e in enumerate(rec.events) if e[:2] == ("stage", "embedding")]
    assert len(embedding) == 2 and all(rec.events[i][3] == "chunk" for i in embedding)
    # the bars count what was really embedded, not documents
    assert sum(rec.events[i][2] for i in embedding) == rep.embedded == emb.texts_embedded
    advanced = 0
    for i in embedding:  # the advances of each embedding stage, up to the next stage
        for e in rec.events[i + 1:]:
            if e[0] != "advance":
                break
            advanced += e[1]
    assert advanced == rep.embedded
    finishes = [e[1] for e in rec.events if e[0] == "finish"]
    assert len(finishes) == 2 and all("records" in f and "chunks" in f for f in finishes)


def test_unchanged_reingest_says_so_with_the_index_totals(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    first = Ingestor(settings, FakeEmbedder()).run([corpus])
    assert first.summary().startswith("ingested 2 ")
    rec = RecordingProgress()
    again = Ingestor(settings, FakeEmbedder(), progress=rec).run([corpus])
    n_docs, n_records, n_chunks = again.totals
    assert (n_docs, n_records) == (2, first.records) and n_chunks == first.chunks
    assert again.summary().startswith(f"index unchanged: 2 documents, {first.records} records, {first.chunks} chunks")
    assert [e[1] for e in rec.events if e[0] == "finish"] == ["unchanged", "unchanged"]


def test_pdf_pages_are_reported_as_read(settings, tmp_path):
    pytest.importorskip("reportlab")
    from .test_pdf_roundtrip import print_to_pdf

    pdf = tmp_path / "note.pdf"
    lines = (CORPUS / "zhejiang_jwjt_drafting_note.txt").read_text(encoding="utf-8").splitlines()
    print_to_pdf([ln[:60] for ln in lines], pdf, lines_per_page=20)
    rec = RecordingProgress()
    Ingestor(settings, FakeEmbedder(), progress=rec).run([pdf])
    stage = next(e for e in rec.events if e[0] == "stage" and e[1] == "reading pages")
    read = [e for e in rec.events[rec.events.index(stage) + 1:] if e[0] == "advance"][: stage[2]]
    assert stage[2] > 1 and len(read) == stage[2]


def test_terminal_bar_prints_one_line_per_document(capsys):
    bar = TqdmProgress()
    bar.document("a.txt", 1, 1)
    bar.stage("embedding", 3, "chunk")
    bar.advance(3)
    bar.finish("1 records, 3 chunks")
    assert "[1/1] a.txt: 1 records, 3 chunks" in capsys.readouterr().err


def test_callback_progress_fills_each_document_share():
    seen: list[tuple[float, str]] = []
    p = CallbackProgress(lambda f, d: seen.append((f, d)))
    p.document("a", 1, 2)
    p.stage("embedding", 4, "chunk")
    p.advance(2)
    p.finish("ok")
    p.document("b", 2, 2)
    assert [round(f, 3) for f, _ in seen] == [0.0, 0.0, 0.25, 0.5, 0.5]
    assert seen[2][1] == "a：embedding 2/4"
