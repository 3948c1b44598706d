"""Answer backends behind one small interface, chosen by settings and imported lazily.

- ``extractive``: no language model; answers with the best-supported sentences of the passages.
- ``llamacpp``: a local GGUF model through llama-cpp-python.
- ``openai``: any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, a hosted API).
- ``ollama``: a local Ollama server.
"""
from __future__ import annotations

from importlib import import_module

from .base import BackendError, LLMBackend

_REGISTRY = {
    "llamacpp": ("rag.backends.llamacpp", "LlamaCppBackend"),
    "openai": ("rag.backends.openai_compat", "OpenAIBackend"),
    "ollama": ("rag.backends.ollama", "OllamaBackend"),
}


def make_backend(name: str, settings) -> LLMBackend | None:
    """The language-model backend a setting names; ``None`` for ``extractive``."""
    if name == "extractive":
        return None
    if name not in _REGISTRY:
        raise BackendError(f"unknown backend {name!r}: use extractive, llamacpp, openai or ollama (RAG_BACKEND)")
    module, cls = _REGISTRY[name]
    return getattr(import_module(module), cls)(settings)


__all__ = ["BackendError", "LLMBackend", "make_backend"]
