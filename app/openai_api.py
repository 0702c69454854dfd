"""OpenAI-compatible chat API: ``POST /v1/chat/completions`` and ``GET /v1/models``, so chat clients an
office already runs (and the ``openai`` SDK) can ask policy-qa. The model is ``policy-qa``; the last
user message is the question and the earlier turns are the history; the answer text ends with its
numbered sources, and the citations also come as an extra ``citations`` field. ``stream: true``
sends the answer as server-sent events. With ``POLICY_QA_API_KEY`` set, it is the bearer token.

>>> format_sources([{"n": 1, "title": "温州方案", "section": "目标清单", "locator": "第712行"}])
'来源：\\n[1] 《温州方案》目标清单 第712行'
"""
from __future__ import annotations

import hmac
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, Header, Request
from fastapi.responses import JSONResponse, StreamingResponse

MODEL = "policy-qa"
STREAM_PIECE = 24  # characters per streamed chunk


def _error(status: int, message: str, kind: str = "invalid_request_error") -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": kind, "code": status}}, status_code=status)


def format_sources(citations: list[dict[str, Any]]) -> str:
    """Numbered sources as an official cites them, one per line."""
    if not citations:
        return ""
    lines = [f"[{c['n']}] 《{c['title']}》{c.get('section', '')} {c.get('locator', '')}".rstrip() for c in citations]
    return "来源：\n" + "\n".join(lines)


def _parse(body: Any) -> tuple[str, list[dict[str, str]], bool] | JSONResponse:
    """(question, history, stream) from a chat request, or the 4xx that says what is wrong."""
    if not isinstance(body, dict):
        return _error(400, "the request body must be a JSON object")
    model = body.get("model")
    if model != MODEL:
        return _error(404, f"model {model!r} not found; use {MODEL!r} (GET /v1/models)", "model_not_found")
    msgs = body.get("messages")
    if not isinstance(msgs, list) or not msgs:
        return _error(400, "messages must be a non-empty list of {role, content}")
    turns: list[dict[str, str]] = []
    for m in msgs:
        if not isinstance(m, dict) or m.get("role") not in ("system", "user", "assistant") or not isinstance(m.get("content"), str):
            return _error(400, "each message needs a role (system, user or assistant) and text content")
        if m["role"] != "system":
            turns.append({"role": m["role"], "content": m["content"]})
    if not turns or turns[-1]["role"] != "user" or not turns[-1]["content"].strip():
        return _error(400, "the last message must be the user's question")
    return turns[-1]["content"], turns[:-1], bool(body.get("stream", False))


def add_openai_routes(app: FastAPI, service: Any) -> None:
    """Mount /v1/models and /v1/chat/completions on ``app`` (the API's rate and size limits apply)."""

    def authorised(authorization: str | None) -> bool:
        key = service.settings.api_key
        if not key:
            return True
        given = (authorization or "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode("utf-8"), key.encode("utf-8"))

    @app.get("/v1/models")
    def models(authorization: str | None = Header(None)) -> Any:
        if not authorised(authorization):
            return _error(401, "missing or wrong API key (Authorization: Bearer …)", "authentication_error")
        return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "policy-qa"}]}

    @app.post("/v1/chat/completions")
    async def chat(request: Request, authorization: str | None = Header(None)) -> Any:
        if not authorised(authorization):
            return _error(401, "missing or wrong API key (Authorization: Bearer …)", "authentication_error")
        try:
            body = json.loads(await request.body() or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError):
            return _error(400, "the request body is not valid JSON")
        parsed = _parse(body)
        if isinstance(parsed, JSONResponse):
            return parsed
        question, history, stream = parsed
        ans = service.ask(question, history=history)
        data = ans.to_json()
        sources = format_sources(data["citations"])
        text = data["answer"] + ("\n\n" + sources if sources else "")
        cid, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
        extra = {"citations": data["citations"], "refused": data["refused"]}
        if not stream:
            return {"id": cid, "object": "chat.completion", "created": created, "model": MODEL,
                    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
                    "usage": {"prompt_tokens": len(question), "completion_tokens": len(text),
                              "total_tokens": len(question) + len(text)}, **extra}

        def events() -> Iterator[str]:
            def chunk(delta: dict[str, Any], finish: str | None = None, **more: Any) -> str:
                return "data: " + json.dumps({"id": cid, "object": "chat.completion.chunk", "created": created,
                                              "model": MODEL, "choices": [{"index": 0, "delta": delta,
                                                                           "finish_reason": finish}], **more},
                                             ensure_ascii=False) + "\n\n"

            yield chunk({"role": "assistant", "content": ""})
            for i in range(0, len(text), STREAM_PIECE):
                yield chunk({"content": text[i: i + STREAM_PIECE]})
            yield chunk({}, "stop", **extra)
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")
