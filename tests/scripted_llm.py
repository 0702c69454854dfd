"""A scripted OpenAI-compatible chat server on loopback, for tests of the LLM path end to end.

``ScriptedLLM(reply)`` serves ``POST /v1/chat/completions``: ``reply(messages) -> str`` writes the
answer (it can read the draft and swap roles, alter a number …); ``delay`` makes it slow.

>>> with ScriptedLLM(lambda m: "好[1]。") as srv:
...     srv.base_url.startswith("http://127.0.0.1:")
True
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


class ScriptedLLM:
    def __init__(self, reply: Callable[[list[dict]], str], delay: float = 0.0, status: int = 200) -> None:
        self.reply, self.delay, self.status = reply, delay, status
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):  # quiet
                pass

            def do_POST(self):  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                outer.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization", "")})
                if outer.delay:
                    time.sleep(outer.delay)
                if outer.status != 200:
                    self.send_response(outer.status)
                    self.end_headers()
                    return
                text = outer.reply(body.get("messages", []))
                data = json.dumps({
                    "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body.get("model", ""),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": text}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }, ensure_ascii=False).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except BrokenPipeError:  # the client gave up (timeout test)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "ScriptedLLM":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def draft_of(messages: list[dict]) -> str:
    """The deterministic draft inside the user message (what a faithful model would rephrase)."""
    user = next(m["content"] for m in messages if m["role"] == "user")
    return user.split("参考答案草稿", 1)[1].split("\n", 1)[1].split("\n\n请给出最终答案", 1)[0].strip()
