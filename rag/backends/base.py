"""The one interface every language-model backend implements."""
from __future__ import annotations

from typing import Iterator, Protocol, runtime_checkable


class BackendError(RuntimeError):
    """A backend that cannot run as configured; the message names the fix (often an install command)."""


LLM_INSTALL = "pip install -r requirements-llm.txt && python scripts/install_model.py"


@runtime_checkable
class LLMBackend(Protocol):
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
