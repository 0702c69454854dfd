"""Ingest pipeline with a fake embedder: idempotence, replacement, removal, manifest checks."""
from __future__ import annotations

import json
from pathlib import Path

from ingest.index import BM25Index
from ingest.pipeline import Ingestor, infer_meta
from ingest.store import Store

from ..conftest import FakeEmbedder

SMALL = ["wenzhou_jwjt_plan.txt", "zhejiang_jwjt_drafting_note.txt"]


def small_corpus(corpus_copy: Path) -> Path:
    for f in corpus_copy.iterdir():
        if f.name not in SMALL + ["manifest.json"]:
            f.unlink()
    return corpus_copy


def test_cold_then_unchanged_reingest_does_no_embedding(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    emb = FakeEmbedder()
    rep = Ingestor(settings, emb).run([corpus])
    assert sorted(rep.ingested) == ["wz-plan", "zj-note"] and not rep.failed
    assert rep.records == 80 and rep.embedded > 0
    emb2 = FakeEmbedder()
    rep2 = Ingestor(settings, emb2).run([corpus])
    assert rep2.unchanged == ["wz-plan", "zj-note"] or sorted(rep2.unchanged) == ["wz-plan", "zj-note"]
    assert rep2.ingested == [] and emb2.texts_embedded == 0


def test_changed_document_replaces_its_rows_and_vectors(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    ing = Ingestor(settings, FakeEmbedder())
    ing.run([corpus])
    before = {c.id for c in ing.store.chunks("wz-plan")}
    f = corpus / "wenzhou_jwjt_plan.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("建成80家低碳生态农场", "建成90家低碳生态农场"), encoding="utf-8")
    emb = FakeEmbedder()
    ing2 = Ingestor(settings, emb)
    rep = ing2.run([corpus])
    assert rep.ingested == ["wz-plan"] and rep.unchanged == ["zj-note"]
    assert emb.texts_embedded < 10  # only the changed chunks are embedded; the rest come from the cache
    texts = [r.text for r in ing2.store.records("wz-plan")]
    assert "建成90家低碳生态农场。" in texts and "建成80家低碳生态农场。" not in texts
    after = {c.id for c in ing2.store.chunks("wz-plan")}
    assert before - after and ing2.vectors.ids() >= {c.id for c in ing2.dense(ing2.store.chunks("wz-plan"))}
    assert not (before - after) & ing2.vectors.ids()


def test_cached_source_lines_follow_a_reingest_by_another_writer(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    Ingestor(settings, FakeEmbedder()).run([corpus])
    reader = Store(settings.db_path)  # a serving process: it parses a document's lines once
    assert any("建成80家低碳生态农场" in ln.text for ln in reader.source_lines("wz-plan"))
    f = corpus / "wenzhou_jwjt_plan.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("建成80家低碳生态农场", "建成90家低碳生态农场"), encoding="utf-8")
    Ingestor(settings, FakeEmbedder()).run([corpus])  # another writer on the same file
    texts = [ln.text for ln in reader.source_lines("wz-plan")]
    assert any("建成90家低碳生态农场" in t for t in texts) and not any("建成80家" in t for t in texts)
    assert reader.doc_lines("wz-plan") == (texts, None)  # the same parse: texts, and no pages for a .txt
    assert Ingestor(settings, FakeEmbedder()).remove("wz-plan")
    assert reader.source_lines("wz-plan") == [] and reader.doc_lines("wz-plan") == ([], None)


def test_rm_deletes_document_records_chunks_and_vectors(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    ing = Ingestor(settings, FakeEmbedder())
    ing.run([corpus])
    ids = {c.id for c in ing.store.chunks("wz-plan")}
    assert ing.remove("wz-plan")
    assert ing.store.records("wz-plan") == [] and not ids & ing.vectors.ids()
    assert not ing.remove("wz-plan")
    bm = BM25Index.load(settings.index_dir / "bm25")
    assert not ids & set(bm.ids)


def test_manifest_mismatch_rebuilds_instead_of_mixing(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    Ingestor(settings, FakeEmbedder()).run([corpus])
    st = Store(settings.db_path)
    m = st.get_manifest()
    st.set_manifest({**m, "dim": 999})
    rep = Ingestor(settings, FakeEmbedder()).run([corpus])
    assert rep.rebuilt and sorted(rep.ingested) == ["wz-plan", "zj-note"]
    assert Store(settings.db_path).get_manifest()["dim"] == FakeEmbedder.dim


def test_bad_file_is_reported_and_others_still_ingested(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    (corpus / "broken.pdf").write_bytes(b"not a pdf at all")
    (corpus / "empty.txt").write_bytes(b"")
    rep = Ingestor(settings, FakeEmbedder()).run([corpus], log=lambda m: None)
    assert sorted(rep.ingested) == ["wz-plan", "zj-note"]
    assert {Path(f).name for f, _ in rep.failed} == {"broken.pdf", "empty.txt"}
    assert all(Path(f).name in msg for f, msg in rep.failed)


def test_new_document_without_manifest_entry(settings, tmp_path):
    d = tmp_path / "new"
    d.mkdir()
    (d / "xx.txt").write_text(
        "某市减污降碳工作方案\n\n一、任务清单\n\t序号\n\t工作任务\n\t牵头单位\n\t参与单位\n\n\t1\n\t推进码头岸电建设。\n\t市交通运输局\n\t市发展改革委\n",
        encoding="utf-8",
    )
    ing = Ingestor(settings, FakeEmbedder())
    rep = ing.run([d])
    assert len(rep.ingested) == 1
    r = ing.store.records()[0]
    assert r.lead_names == ["市交通运输局"] and r.participant_names == ["市发展改革委"]
    assert ing.store.query_records(unit_key="市交通运输局", role="lead")[0].id == r.id


def test_infer_meta_reads_title_and_region():
    m = infer_meta(Path("a.txt"), ["", "台州市减污降碳协同试点建设实施方案", "(征求意见稿)", "正文"])
    assert m.region == "台州市" and m.level == "市" and m.status == "征求意见稿"
    assert m.title.startswith("台州市减污降碳协同试点建设实施方案")


def test_docs_cli_lists_documents(settings, corpus_copy, capsys, monkeypatch):
    from app import cli

    corpus = small_corpus(corpus_copy)
    Ingestor(settings, FakeEmbedder()).run([corpus])
    monkeypatch.setenv("POLICY_QA_HOME", str(settings.home))
    assert cli.main(["docs", "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert {d["id"] for d in docs} == {"wz-plan", "zj-note"}
    assert next(d for d in docs if d["id"] == "wz-plan")["n_records"] == 80


def test_a_failed_file_leaves_index_and_records_unchanged(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    ing = Ingestor(settings, FakeEmbedder())
    ing.run([corpus], log=lambda m: None)
    before = (sorted(ing.store.chunk_ids()), len(ing.store.records()), sorted(ing.vectors.ids()))
    (corpus / "wenzhou_jwjt_plan.txt").write_bytes(b"\x00\x01binary now" * 100)  # a known document goes bad
    rep = Ingestor(settings, FakeEmbedder()).run([corpus], log=lambda m: None)
    assert rep.failed and "wenzhou_jwjt_plan.txt" in rep.failed[0][1]
    after = (sorted(ing.store.chunk_ids()), len(ing.store.records()), sorted(ing.vectors.ids()))
    assert after == before


def test_html_and_script_in_a_document_stay_text(settings, tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("测试方案\n\n<script>alert(1)</script> 推进'; DROP TABLE records; -- 工作。\n", encoding="utf-8")
    ing = Ingestor(settings, FakeEmbedder())
    ing.run([p], log=lambda m: None)
    assert any("<script>" in c.text for c in ing.store.chunks())  # stored verbatim, rendered escaped by the UI
    assert ing.store.records() == [] and len(ing.store.documents()) == 1


class RecordingEmbedder(FakeEmbedder):
    """The fake embedder, keeping every passage text it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.passages: list[str] = []

    def _encode(self, texts, kind):
        if kind == "passage":
            self.passages += list(texts)
        return super()._encode(texts, kind)


def test_rows_embed_their_wording_not_their_department_columns(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    emb = RecordingEmbedder()
    ing = Ingestor(settings, emb)
    ing.run([corpus])
    rows = [c for c in ing.store.chunks("wz-plan") if c.kind == "row"]
    row = next(c for c in rows if "秸秆" in c.text)
    assert "市农业农村局" in row.text  # BM25 and record lookup still see the departments
    assert "秸秆" in row.embed_text
    assert "牵头单位" not in row.embed_text and "市农业农村局" not in row.embed_text
    assert row.embed_text not in emb.passages  # by default rows are found by record lookup and BM25
    prose = [c for c in ing.store.chunks("wz-plan") if c.kind == "text"]
    assert {c.embed_text for c in prose} <= set(emb.passages) and row.id not in ing.vectors.ids()
    with_rows = RecordingEmbedder()
    Ingestor(settings.with_(dense_rows=True), with_rows).run([corpus])
    assert row.embed_text in with_rows.passages
    title = ing.store.doc_meta("wz-plan").title
    assert not any(p.startswith(f"《{title}》") for p in emb.passages)  # no title prefix on every passage


def test_embed_chars_caps_what_is_embedded_and_a_new_cap_rebuilds(settings, corpus_copy):
    corpus = small_corpus(corpus_copy)
    emb = RecordingEmbedder()
    Ingestor(settings.with_(embed_chars=40), emb).run([corpus])
    assert emb.passages and max(map(len, emb.passages)) <= 40
    uncapped = RecordingEmbedder()
    rep = Ingestor(settings.with_(embed_chars=0), uncapped).run([corpus])
    assert rep.rebuilt and max(map(len, uncapped.passages)) > 40


def test_a_row_is_found_by_the_unit_in_its_leads_parentheses(settings, tmp_path):
    # "市发展改革委（市能源局）" leads: the row is 市能源局's too, under its own name; a sub-office in parentheses
    # ("（综合处）") names no unit of its own
    d = tmp_path / "new"
    d.mkdir()
    (d / "xx.txt").write_text(
        "某市减污降碳工作方案\n\n一、任务清单\n\t序号\n\t工作任务\n\t牵头单位\n\t参与单位\n\n"
        "\t1\n\t推进码头岸电建设。\n\t市发展改革委（市能源局）\n\t市生态环境局（综合处）\n",
        encoding="utf-8",
    )
    ing = Ingestor(settings, FakeEmbedder())
    ing.run([d])
    r = ing.store.records()[0]
    assert [x.id for x in ing.store.query_records(unit_key="市能源局", role="lead")] == [r.id]
    assert [x.id for x in ing.store.query_records(unit_key="市发展和改革委员会", role="lead")] == [r.id]
    assert ing.store.query_records(unit_key="综合处") == []
    assert ("市能源局", "市能源局", 1) in ing.store.unit_names()
