"""Any OpenAI-compatible chat server (vLLM, llama.cpp server, LM Studio, a hosted API), over HTTP.

Uses ``httpx`` (installed with chromadb), so no extra package is needed.
"""
from __future__ import annotations

import json
from typing import Iterator

from .base import BackendError, approx_tokens


class OpenAIBackend:
    name = "openai"

    def __init__(self, settings):
        try:
            import httpx
        except ImportError:
            raise BackendError("the openai backend needs httpx: pip install httpx") from None
        self._httpx = httpx
        self.base_url = settings.openai_base_url.rstrip("/")
        self.model = settings.openai_model
        self.key = settings.openai_api_key
        self.context_tokens = settings.llm_context

    def count_tokens(self, text: str) -> int:
        return approx_tokens(text)

    def stream(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        body = {"model": self.model, "messages": messages, "max_tokens": max_tokens, "temperature": 0.1, "stream": True}
        headers = {"Authorization": f"Bearer {self.key}"}
        try:
            with self._httpx.stream("POST", f"{self.base_url}/chat/completions", json=body, headers=headers,
                                    timeout=120) as r:
                if r.status_code != 200:
                    r.read()
                    raise BackendError(f"OpenAI-compatible server answered {r.status_code}: {r.text[:200]}")
                for line in r.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    delta = json.loads(data)["choices"][0].get("delta", {}).get("content")
                    if delta:
                        yield delta
        except self._httpx.HTTPError as exc:
            raise BackendError(
                f"cannot reach the OpenAI-compatible server at {self.base_url} ({exc.__class__.__name__}); "
                "check RAG_OPENAI_BASE_URL"
            ) from None
