"""The OpenAI-compatible API, driven by the real `openai` SDK against a running server on loopback."""
from __future__ import annotations

import httpx
import pytest

from app.api import create_api
from app.service import Service
from evals.harness import start_server
from tests.conftest import FakeEmbedder

openai = pytest.importorskip("openai")


@pytest.fixture(scope="module")
def server(corpus_index, qa):
    svc = Service(corpus_index.with_(api_key="k-office", rate_limit_per_min=0), embedder=FakeEmbedder(), qa=qa)
    base, srv, th = start_server(create_api(svc))
    yield base
    srv.should_exit = True
    th.join(timeout=10)


def client(base: str, key: str = "k-office"):
    return openai.OpenAI(base_url=base + "/v1", api_key=key, max_retries=0, timeout=30)


def test_models_lists_policy_qa(server):
    assert [m.id for m in client(server).models.list().data] == ["policy-qa"]


def test_chat_completion_answers_with_numbered_sources(server):
    r = client(server).chat.completions.create(model="policy-qa",
                                               messages=[{"role": "user", "content": "温州碳标签制度谁牵头？"}])
    text = r.choices[0].message.content
    assert "市电力局" in text and "来源：\n[1] 《" in text
    extra = r.model_extra or {}
    assert extra["citations"][0]["doc_id"] == "wz-plan" and extra["refused"] is False


def test_earlier_messages_are_the_history(server):
    r = client(server).chat.completions.create(model="policy-qa", messages=[
        {"role": "system", "content": "你是助手"},
        {"role": "user", "content": "秸秆综合利用那条省里谁牵头？"},
        {"role": "assistant", "content": "省农业农村厅……"},
        {"role": "user", "content": "那温州呢？"}])
    assert "市农业农村局" in r.choices[0].message.content


def test_streaming_sends_the_same_answer_in_pieces(server):
    c = client(server)
    msgs = [{"role": "user", "content": "温州碳标签制度谁牵头？"}]
    whole = c.chat.completions.create(model="policy-qa", messages=msgs).choices[0].message.content
    pieces = [ch.choices[0].delta.content or "" for ch in c.chat.completions.create(model="policy-qa", messages=msgs,
                                                                                      stream=True)]
    assert len([p for p in pieces if p]) > 1 and "".join(pieces) == whole


def test_api_key_is_required_when_set(server):
    with pytest.raises(openai.AuthenticationError):
        client(server, key="wrong").chat.completions.create(model="policy-qa",
                                                            messages=[{"role": "user", "content": "秸秆谁牵头？"}])


def test_bad_requests_get_a_clear_4xx(server):
    h = {"Authorization": "Bearer k-office"}
    url = server + "/v1/chat/completions"
    assert httpx.post(url, content=b"{not json", headers=h).status_code == 400
    r = httpx.post(url, json={"model": "gpt-4", "messages": [{"role": "user", "content": "x"}]}, headers=h)
    assert r.status_code == 404 and "policy-qa" in r.json()["error"]["message"]
    assert httpx.post(url, json={"model": "policy-qa", "messages": []}, headers=h).status_code == 400
    r = httpx.post(url, json={"model": "policy-qa", "messages": [{"role": "assistant", "content": "x"}]}, headers=h)
    assert r.status_code == 400 and "last message" in r.json()["error"]["message"]
    big = {"model": "policy-qa", "messages": [{"role": "user", "content": "秸" * 300_000}]}
    assert httpx.post(url, json=big, headers=h).status_code == 413


def test_the_api_rate_limit_covers_v1(corpus_index, qa):
    from fastapi.testclient import TestClient

    svc = Service(corpus_index.with_(rate_limit_per_min=2), embedder=FakeEmbedder(), qa=qa)
    tc = TestClient(create_api(svc))
    codes = [tc.get("/v1/models").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
