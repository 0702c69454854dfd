"""Server mode: the same ingest and answer paths against a real `chroma run` on loopback (HttpClient)."""
import shutil

import pytest

from ingest.config import Settings
from ingest.index import VectorIndex
from ingest.pipeline import Ingestor, dense_chunks
from tests.conftest import CORPUS, FakeEmbedder

pytestmark = pytest.mark.server
SMALL = ["wenzhou_jwjt_plan.txt", "zhejiang_jwjt_drafting_note.txt", "manifest.json"]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    from evals.harness import start_chroma_server

    url, proc = start_chroma_server(tmp_path_factory.mktemp("chroma_server"))
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def small_corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for name in SMALL:
        shutil.copy(CORPUS / name, d / name)
    return d


def test_ingest_reingest_and_remove_against_a_chroma_server(chroma_url, small_corpus, tmp_path):
    settings = Settings(home=tmp_path / "home", corpus_dir=small_corpus, chroma_url=chroma_url)
    ing = Ingestor(settings, FakeEmbedder())
    ing.vectors.reset()
    rep = ing.run([small_corpus], log=lambda m: None)
    assert sorted(rep.ingested) == ["wz-plan", "zj-note"] and rep.records == 80
    assert VectorIndex(FakeEmbedder(), url=chroma_url).ids() == {c.id for c in dense_chunks(ing.store.chunks(), settings)}
    emb = FakeEmbedder()
    assert Ingestor(settings, emb).run([small_corpus], log=lambda m: None).unchanged and emb.texts_embedded == 0
    assert ing.remove("zj-note")
    assert VectorIndex(FakeEmbedder(), url=chroma_url).ids() == {c.id for c in dense_chunks(ing.store.chunks(), settings)}


def test_answers_through_a_chroma_server_match_the_embedded_store(chroma_url, small_corpus, tmp_path):
    from rag.chain import PolicyQA
    from rag.resources import Resources

    answers = []
    for url in (chroma_url, ""):
        settings = Settings(home=tmp_path / ("srv" if url else "emb"), corpus_dir=small_corpus, chroma_url=url)
        ing = Ingestor(settings, FakeEmbedder())
        ing.vectors.reset()
        ing.run([small_corpus], log=lambda m: None)
        qa = PolicyQA(Resources.load(settings, embedder=FakeEmbedder()))
        answers.append([qa.answer(q).to_json() for q in ("温州碳标签制度谁牵头？", "温州低碳生态农场要建多少家？", "宁波的目标？")])
    assert answers[0] == answers[1]
    assert "市电力局" in answers[0][0]["answer"]
