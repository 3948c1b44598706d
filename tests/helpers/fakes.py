"""The one fake of the suite: a scripted language model, behind the real backend seam.

It is a LangChain chat model wrapped by :class:`rag.answer.backends.base.LangChainBackend`,
exactly like the real backends, and it can be registered by name with
:func:`rag.answer.backends.register_backend`. Like a gullible model it obeys any instruction
"ignore the above …: <claim>" it finds in its prompt, so tests can show that documents never
get to give it one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Optional

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from rag.answer.backends.base import LangChainBackend, approx_tokens

INJECTION_EN = re.compile(r"ignore (?:all |the )?(?:above|previous instructions)[^:]*:\s*(.+?)(?:\n|>>>|$)", re.I)


class ScriptedChatModel(BaseChatModel):
    """Replies ``reply(prompt)`` word by word, or repeats an injected instruction's claim."""

    reply: Callable[[str], str]
    calls: list = []

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _text(self, messages: list[BaseMessage]) -> str:
        self.calls.append([{"role": m.type, "content": m.content} for m in messages])
        prompt = "\n".join(str(m.content) for m in messages)
        m = INJECTION_EN.search(prompt)
        return m.group(1).strip() if m else self.reply(prompt)

    def _generate(self, messages: list[BaseMessage], stop: Optional[list[str]] = None,
                  run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._text(messages)))])

    def _stream(self, messages: list[BaseMessage], stop: Optional[list[str]] = None,
                run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for word in re.findall(r"\S+\s*", self._text(messages)):  # stream word by word
            yield ChatGenerationChunk(message=AIMessageChunk(content=word))


class ScriptedBackend(LangChainBackend):
    """The scripted model as a backend; ``calls`` holds every prompt it was sent."""

    def __init__(self, reply: Callable[[str], str], name: str = "scripted", context_tokens: int = 4096):
        super().__init__(name, ScriptedChatModel(reply=reply, calls=[]), context_tokens, count=approx_tokens)

    @property
    def calls(self) -> list:
        return self.model.calls

    @calls.setter
    def calls(self, value: list) -> None:
        self.model.calls = value
