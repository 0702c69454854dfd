"""Dense search over the in-memory copy of the vectors (ingest.index.ExactVectors): the same
neighbours as the Chroma collection, the same document filter, refreshed with the documents."""
from __future__ import annotations

import numpy as np
import pytest

from ingest.config import Settings
from ingest.index import ExactVectors

from ..conftest import FakeEmbedder

QUESTIONS = ["秸秆综合利用那条谁牵头？", "码头岸电设施全覆盖那项什么时候完成？", "温州生态文明建设规划的近期目标",
             "一般工业固废综合利用率", "台州以哪个岛为试点打造零碳岛屿", "基本原则有哪些"]


@pytest.fixture(scope="module")
def res(corpus_index):
    from rag.resources import Resources

    return Resources.load(corpus_index, embedder=FakeEmbedder())


def test_the_copy_holds_every_vector_of_the_collection(res):
    assert res.exact is not None and res.dense_index is res.exact
    assert set(res.exact.ids) == res.vectors.ids() and len(res.exact) == res.vectors.col.count()


def test_the_copy_finds_what_the_collection_finds(res):
    emb = FakeEmbedder()
    for q in QUESTIONS:
        vec = emb.embed_query(q)
        for docs in (None, {"tz-pilot"}, {"wz-plan", "zj-plan"}):
            exact = res.exact.search(vec, k=5, doc_ids=docs)
            chroma = res.vectors.search(vec, k=5, doc_ids=docs)
            assert len(exact) == len(chroma) == 5
            # the same cosines (HNSW may swap near-ties, so the scores are compared, not only the ids)
            assert np.allclose([s for _, s in exact], [s for _, s in chroma], atol=1e-4)
            assert exact[0][0] == chroma[0][0]
            if docs:
                assert {res.chunks[i].doc_id for i, _ in exact} <= docs


def test_search_filters_and_orders_and_checks_its_input():
    ev = ExactVectors(["a", "b", "c", "z"], np.array([[2, 0], [0, 3], [3, 4], [0, 0]], dtype="float32"),
                      ["d1", "d2", "d2", "d1"])
    assert [(i, round(s, 3)) for i, s in ev.search(np.array([0.0, 2.0]), k=3)] == [("b", 1.0), ("c", 0.8), ("a", 0.0)]
    assert [i for i, _ in ev.search(np.array([1.0, 0.0]), k=5, doc_ids={"d2"})] == ["c", "b"]
    assert ev.search(np.array([1.0, 0.0]), k=5, doc_ids={"elsewhere"}) == []
    with pytest.raises(ValueError):
        ev.search(np.array([1.0, 0.0, 0.0]), k=1)
    with pytest.raises(ValueError):
        ev.search(np.array([1.0, 0.0]), k=0)
    with pytest.raises(ValueError):
        ExactVectors(["a", "b"], np.zeros((1, 2), dtype="float32"), ["d", "d"])


def test_the_collection_is_queried_when_it_holds_more_than_the_limit(corpus_index, res):
    from rag.chain import PolicyQA
    from rag.resources import Resources

    assert res.vectors.exact(limit=len(res.exact) - 1) is None
    assert len(res.vectors.exact(limit=len(res.exact))) == len(res.exact)
    chroma_only = Resources.load(corpus_index.with_(exact_search_max=0), embedder=FakeEmbedder())
    assert chroma_only.exact is None and chroma_only.dense_index is chroma_only.vectors
    dense = next(r for r in PolicyQA(chroma_only).retriever.retrievers if r.name == "dense")
    assert dense.inner.vectors is chroma_only.vectors


def test_the_copy_follows_documents_added_by_another_writer(tmp_path, corpus_index):
    from ingest.pipeline import Ingestor
    from rag.resources import Resources

    settings = corpus_index.with_(home=tmp_path / "home")
    first = tmp_path / "丽水市低碳试点方案.txt"
    first.write_text("丽水市低碳试点方案\n\n一、总体要求\n\n到2025年，全市建成30个低碳示范村，培育一批零碳工厂。\n",
                     encoding="utf-8")
    Ingestor(settings, FakeEmbedder()).run([first], log=lambda m: None)
    res = Resources.load(settings, embedder=FakeEmbedder())
    before = len(res.exact)
    second = tmp_path / "丽水市海绵城市方案.txt"
    second.write_text("丽水市海绵城市方案\n\n一、主要目标\n\n到2025年，海绵城市建设面积达到40平方公里，"
                      "城市内涝防治能力明显提升。\n", encoding="utf-8")
    Ingestor(settings, FakeEmbedder()).run([second], log=lambda m: None)
    assert res.refresh_if_changed()
    assert len(res.exact) > before and set(res.exact.ids) == res.vectors.ids()
    # a vector whose chunk the reader has not loaded (another writer's, before its commit) is not copied
    emb = FakeEmbedder()
    res.vectors.upsert(["orphan"], emb.embed_passages(["到2025年，全市建成30个低碳示范村。"]),
                       [{"doc_id": "elsewhere", "kind": "text"}])
    again = Resources.load(settings, embedder=FakeEmbedder())
    assert "orphan" in again.vectors.ids() and "orphan" not in again.exact.ids
    assert set(again.exact.ids) == again.vectors.ids() - {"orphan"}


def test_the_limit_comes_from_the_environment_and_is_checked():
    assert Settings.from_env({"POLICY_QA_EXACT_SEARCH_MAX": "0"}).exact_search_max == 0
    assert Settings.from_env({}).exact_search_max > 0
    with pytest.raises(ValueError):
        Settings(exact_search_max=-1)
