"""Bounded load test: 20 concurrent clients, 500 questions through /api/ask while an admin uploads a
document — no errors, and the same answers as asked one by one."""
import shutil

from app.server import build_app
from evals.bench.load import questions, run
from evals.harness import start_server


def test_concurrent_clients_during_an_upload(corpus_index, tmp_path):
    from tests.conftest import FakeEmbedder

    home = tmp_path / "home"
    shutil.copytree(corpus_index.home, home)
    settings = corpus_index.with_(home=home, admin_token="tok", rate_limit_per_min=0)
    base, srv, th = start_server(build_app(settings, embedder=FakeEmbedder()))
    try:
        res = run(base, questions(500), clients=20, token="tok")
    finally:
        srv.should_exit = True
        th.join(10)
    assert res["upload"]["status"] == 200, res["upload"]
    assert res["errors"] == [] and res["wrong"] == []
    assert res["questions"] == 500
