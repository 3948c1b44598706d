"""Local GGUF model through llama-cpp-python (optional: requirements-llm.txt)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from .base import LLM_INSTALL, BackendError

log = logging.getLogger(__name__)

DEFAULT_MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"


def model_path(settings) -> Path:
    if settings.llm_model_path:
        return Path(settings.llm_model_path)
    found = sorted(Path(settings.models_dir).glob("*.gguf"))
    return found[0] if found else Path(settings.models_dir) / DEFAULT_MODEL_FILE


class LlamaCppBackend:
    name = "llamacpp"

    def __init__(self, settings):
        try:
            from llama_cpp import Llama
        except ImportError:
            raise BackendError(
                f"the llamacpp backend needs llama-cpp-python and a local model: {LLM_INSTALL}"
            ) from None
        path = model_path(settings)
        if not path.is_file():
            raise BackendError(
                f"no GGUF model at {path}: install it with `python scripts/install_model.py "
                f"--models-dir {settings.models_dir}` or set RAG_LLM_MODEL_PATH"
            )
        log.info("loading %s with %d threads", path, settings.llm_threads)
        self._llm = Llama(
            model_path=str(path),
            n_ctx=settings.llm_context,
            n_threads=settings.llm_threads,
            n_threads_batch=settings.llm_threads,
            n_batch=256,
            verbose=False,
            seed=0,
        )
        self.context_tokens = settings.llm_context
        self.model_file = path.name

    def count_tokens(self, text: str) -> int:
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def stream(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        for chunk in self._llm.create_chat_completion(
            messages=messages, max_tokens=max_tokens, temperature=0.1, top_p=0.9, stream=True
        ):
            piece = chunk["choices"][0].get("delta", {}).get("content")
            if piece:
                yield piece
