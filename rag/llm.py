"""Optional LLM phrasing through an OpenAI-compatible chat endpoint (langchain-openai).

The model sees the question, the numbered verbatim passages (as data, fenced) and the verified
deterministic draft; its answer then goes through the same verification as any other answer.

>>> from langchain_core.language_models.fake_chat_models import FakeListChatModel
>>> p = LLMPhraser(FakeListChatModel(responses=["省生态环境厅牵头[1]。"]))
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


class LLMPhraser:
    """Rephrase a verified answer with a chat model; the caller verifies the result again."""

    def __init__(self, chat_model: Any, system_prompt: str | None = None, user_prompt: str | None = None) -> None:
        if not hasattr(chat_model, "invoke"):
            raise TypeError("chat_model must be a LangChain chat model (has .invoke)")
        self.model = chat_model
        self.system = system_prompt or load_prompt("answer_system")
        self.user = user_prompt or load_prompt("answer_user")

    @classmethod
    def from_settings(cls, settings: Settings) -> "LLMPhraser":
        from langchain_openai import ChatOpenAI

        model = ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model,
                           api_key=settings.llm_api_key or "not-needed", temperature=0, timeout=30, max_retries=1)
        return cls(model)

    def messages(self, ans: Answer) -> list[tuple[str, str]]:
        evidence = "\n\n".join(f"[{c.n}] 《{c.title}》{c.section} {c.locator}\n{_fence(c.text)}" for c in ans.citations)
        return [("system", self.system),
                ("human", self.user.format(question=ans.question, evidence=evidence, draft=ans.answer))]

    def rephrase(self, ans: Answer) -> Answer:
        if ans.refused or not ans.citations:
            return ans
        try:
            out = self.model.invoke(self.messages(ans))
            text = getattr(out, "content", out)
            text = text if isinstance(text, str) else str(text)
        except Exception as exc:  # noqa: BLE001 - endpoint down: keep the deterministic answer
            log.warning("LLM phrasing failed, keeping the deterministic answer: %s", exc)
            return ans
        if not text.strip():
            return ans
        new = copy.copy(ans)
        new.answer = text.strip()
        return new
