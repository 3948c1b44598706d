"""Answer backends: LangChain chat models behind one tiny interface, chosen by name.

- ``extractive``: no language model (``make_backend`` returns None).
- ``llamacpp``: a local GGUF model in-process (llama-cpp-python), as a LangChain chat model.
- ``openai``: any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, a hosted API),
  through ``langchain-openai``.
- ``ollama``: a local Ollama server, through ``langchain-ollama``.

Tests and plugins add their own with :func:`register_backend` (the real seam, not a patch).
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Optional

from ...config import Settings
from .base import BackendError, ChatBackend

BackendFactory = Callable[[Settings], ChatBackend]
_REGISTRY: dict[str, BackendFactory | str] = {
    "llamacpp": "rag.answer.backends.llamacpp:make",
    "openai": "rag.answer.backends.openai:make",
    "ollama": "rag.answer.backends.ollama:make",
}


def register_backend(name: str, factory: BackendFactory) -> None:
    """Make ``RAG_BACKEND=name`` (or ``--backend name``) build ``factory(settings)``."""
    _REGISTRY[name] = factory


def backend_names() -> list[str]:
    return ["extractive", *_REGISTRY]


def make_backend(name: str, settings: Settings) -> Optional[ChatBackend]:
    """The language-model backend a setting names; ``None`` for ``extractive``."""
    if name == "extractive":
        return None
    factory = _REGISTRY.get(name)
    if factory is None:
        raise BackendError(f"unknown backend {name!r}: use {', '.join(backend_names())} (RAG_BACKEND)")
    if isinstance(factory, str):  # the built-in ones load their (optional) packages only when chosen
        module, attr = factory.split(":")
        factory = getattr(import_module(module), attr)
    return factory(settings)


__all__ = ["BackendError", "ChatBackend", "backend_names", "make_backend", "register_backend"]
