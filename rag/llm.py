"""Optional LLM phrasing through an OpenAI-compatible chat endpoint (the ``openai`` SDK).

The model sees the question, the numbered verbatim passages (as data, fenced) and the verified
deterministic draft; its answer then goes through the same verification as any other answer.

>>> class Scripted:
...     def complete(self, messages): return "省生态环境厅牵头[1]。"
>>> p = LLMPhraser(Scripted())
>>> from rag.types import Answer, Citation
>>> a = Answer("q", "草稿[1]。", False, [Citation(1, "d", "T", "s", "第1行", "省生态环境厅")])
>>> p.rephrase(a).answer
'省生态环境厅牵头[1]。'
"""
from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

from ingest.config import PROJECT_ROOT, Settings

from .types import Answer

PROMPTS = PROJECT_ROOT / "prompts"
log = logging.getLogger(__name__)


def load_prompt(name: str, directory: Path = PROMPTS) -> str:
    """The text of ``prompts/<name>.md``.

    >>> "证据" in load_prompt("answer_system")
    True
    """
    if not name.replace("_", "").isalnum():
        raise ValueError(f"bad prompt name: {name!r}")
    path = directory / f"{name}.md"
    if not path.is_file():
        raise FileNotFoundError(f"prompt not found: {path}")
    return path.read_text(encoding="utf-8")


def _fence(text: str) -> str:
    """Keep passage text from closing the evidence fence."""
    return text.replace("EVIDENCE>>>", "EVIDENCE》》》").replace("<<<EVIDENCE", "《《《EVIDENCE")


class OpenAIChat:
    """One chat completion from an OpenAI-compatible endpoint (temperature 0, bounded time, one retry).

    Usage: ``OpenAIChat("http://127.0.0.1:8000/v1", "qwen2.5").complete([{"role": "user", "content": "你好"}])``
    """

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 30.0) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"LLM base URL must be http(s): {base_url!r}")
        if not model:
            raise ValueError("LLM model name is empty")
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        from openai import OpenAI

        self.model = model
        self.client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=1)

    def complete(self, messages: list[dict[str, str]]) -> str:
        out = self.client.chat.completions.create(model=self.model, messages=messages, temperature=0)  # type: ignore[arg-type]
        return (out.choices[0].message.content or "") if out.choices else ""


class LLMPhraser:
    """Rephrase a verified answer with a chat client (``.complete(messages) -> str``); the caller
    verifies the result again, so a model that swaps roles or alters a number loses those claims."""

    def __init__(self, chat: Any, system_prompt: str | None = None, user_prompt: str | None = None) -> None:
        if not callable(getattr(chat, "complete", None)):
            raise TypeError("chat must have .complete(messages) -> str (e.g. OpenAIChat)")
        self.chat = chat
        self.system = system_prompt or load_prompt("answer_system")
        self.user = user_prompt or load_prompt("answer_user")

    @classmethod
    def from_settings(cls, settings: Settings) -> "LLMPhraser":
        return cls(OpenAIChat(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout))

    def messages(self, ans: Answer) -> list[dict[str, str]]:
        evidence = "\n\n".join(f"[{c.n}] 《{c.title}》{c.section} {c.locator}\n{_fence(c.text)}" for c in ans.citations)
        return [{"role": "system", "content": self.system},
                {"role": "user", "content": self.user.format(question=ans.question, evidence=evidence, draft=ans.answer)}]

    def rephrase(self, ans: Answer) -> Answer:
        if ans.refused or not ans.citations:
            return ans
        try:
            text = self.chat.complete(self.messages(ans))
            text = text if isinstance(text, str) else str(text)
        except Exception as exc:  # noqa: BLE001 - endpoint down or slow: keep the deterministic answer
            log.warning("LLM phrasing failed, keeping the deterministic answer: %s", exc)
            return ans
        if not text.strip():
            return ans
        new = copy.copy(ans)
        new.answer = text.strip()
        return new
