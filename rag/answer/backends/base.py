"""The one interface every answer backend implements, and its LangChain implementation."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol, runtime_checkable

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage


class BackendError(RuntimeError):
    """A backend that cannot run as configured; the message names the fix (often an install command)."""


LLM_INSTALL = "pip install '.[llm]' && python scripts/install_model.py"


@runtime_checkable
class ChatBackend(Protocol):
    """Chat completion, streamed, plus a token counter for prompt budgeting."""

    name: str
    context_tokens: int

    def stream(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        """Yield the answer text piece by piece for OpenAI-style ``messages``."""
        ...

    def count_tokens(self, text: str) -> int:
        """Tokens ``text`` costs in this model's own tokenizer."""
        ...


def approx_tokens(text: str) -> int:
    """A cautious estimate for servers whose tokenizer we cannot call: Lao costs far more."""
    lao = sum(1 for c in text if "\u0e80" <= c <= "\u0eff")
    return int((len(text) - lao) / 3.0 + lao / 1.2) + 4


_ROLES = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}


def to_messages(messages: list[dict[str, str]]) -> list[BaseMessage]:
    return [_ROLES[m["role"]](content=m["content"]) for m in messages]


class LangChainBackend:
    """A LangChain chat model as a :class:`ChatBackend`.

    ``limit`` turns a token budget into the model's own call arguments (``max_tokens`` for
    OpenAI and llama.cpp, Ollama's ``options``); ``where`` names the server in error messages.
    """

    def __init__(self, name: str, model: BaseChatModel, context_tokens: int,
                 count: Callable[[str], int] = approx_tokens,
                 limit: Callable[[int], dict[str, Any]] = lambda n: {"max_tokens": n}, where: str = ""):
        self.name, self.model, self.context_tokens = name, model, context_tokens
        self._count, self._limit, self._where = count, limit, where

    def count_tokens(self, text: str) -> int:
        return self._count(text)

    def stream(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        try:
            for chunk in self.model.stream(to_messages(messages), **self._limit(max_tokens)):
                piece = chunk.content if isinstance(chunk.content, str) else ""
                if piece:
                    yield piece
        except BackendError:
            raise
        except Exception as exc:
            raise BackendError(f"the {self.name} backend{' at ' + self._where if self._where else ''} failed "
                               f"({exc.__class__.__name__}: {str(exc)[:200]}); check that it is running and "
                               "its settings (see the README, 'The local model').") from None
