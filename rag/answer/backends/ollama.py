"""A local Ollama server by model name, via langchain-ollama."""
from __future__ import annotations

from ...config import Settings
from .base import BackendError, LangChainBackend


def make(settings: Settings) -> LangChainBackend:
    try:
        from langchain_ollama import ChatOllama
    except ImportError:
        raise BackendError("the ollama backend needs langchain-ollama: pip install '.[llm]'") from None
    model = ChatOllama(model=settings.ollama_model, base_url=settings.ollama_host, temperature=0.1,
                       num_predict=settings.llm_max_tokens)
    return LangChainBackend("ollama", model, settings.llm_context,
                            limit=lambda n: {"options": {"num_predict": n, "temperature": 0.1}}, where=settings.ollama_host)
