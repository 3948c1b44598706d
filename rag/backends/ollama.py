"""A local Ollama server by model name (optional package: pip install ollama)."""
from __future__ import annotations

from typing import Iterator

from .base import BackendError, approx_tokens


class OllamaBackend:
    name = "ollama"

    def __init__(self, settings):
        try:
            import ollama
        except ImportError:
            raise BackendError("the ollama backend needs the ollama client: pip install ollama==0.6.3") from None
        self._client = ollama.Client(host=settings.ollama_host)
        self.model = settings.ollama_model
        self.context_tokens = settings.llm_context
        self.host = settings.ollama_host

    def count_tokens(self, text: str) -> int:
        return approx_tokens(text)

    def stream(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        try:
            for part in self._client.chat(model=self.model, messages=messages, stream=True,
                                          options={"num_predict": max_tokens, "temperature": 0.1}):
                piece = part["message"]["content"]
                if piece:
                    yield piece
        except Exception as exc:
            raise BackendError(f"Ollama at {self.host} failed ({exc.__class__.__name__}: {exc}); "
                               "is `ollama serve` running with the model pulled?") from None
