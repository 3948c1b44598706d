"""A local GGUF model in-process through llama-cpp-python, as a LangChain chat model.

LangChain's own ``ChatLlamaCpp`` lives in ``langchain-community``, which is sunset (no longer
maintained); this is the same integration in a few lines, on ``langchain-core`` only.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from ...config import Settings
from .base import LLM_INSTALL, BackendError, LangChainBackend

log = logging.getLogger(__name__)

DEFAULT_MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
_ROLE = {"system": "system", "human": "user", "ai": "assistant"}


def model_path(settings: Settings) -> Path:
    if settings.llm_model_path:
        return Path(settings.llm_model_path)
    found = sorted(Path(settings.models_dir).glob("*.gguf"))
    return found[0] if found else Path(settings.models_dir) / DEFAULT_MODEL_FILE


class ChatLlamaCppLocal(BaseChatModel):
    """``llama_cpp.Llama.create_chat_completion`` as a LangChain chat model (streams tokens)."""

    llm: Any  # llama_cpp.Llama
    temperature: float = 0.1
    top_p: float = 0.9
    max_tokens: int = 320

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-local"

    def _params(self, messages: list[BaseMessage], stop: Optional[list[str]], **kwargs: Any) -> dict[str, Any]:
        return {"messages": [{"role": _ROLE.get(m.type, "user"), "content": m.content} for m in messages],
                "temperature": self.temperature, "top_p": self.top_p, "stop": stop or [],
                "max_tokens": kwargs.get("max_tokens", self.max_tokens)}

    def _generate(self, messages: list[BaseMessage], stop: Optional[list[str]] = None,
                  run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> ChatResult:
        out = self.llm.create_chat_completion(**self._params(messages, stop, **kwargs))
        text = out["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages: list[BaseMessage], stop: Optional[list[str]] = None,
                run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for part in self.llm.create_chat_completion(stream=True, **self._params(messages, stop, **kwargs)):
            piece = part["choices"][0].get("delta", {}).get("content")
            if piece:
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
                if run_manager:
                    run_manager.on_llm_new_token(piece, chunk=chunk)
                yield chunk


def make(settings: Settings) -> LangChainBackend:
    try:
        from llama_cpp import Llama
    except ImportError:
        raise BackendError(f"the llamacpp backend needs llama-cpp-python and a local model: {LLM_INSTALL}") from None
    path = model_path(settings)
    if not path.is_file():
        raise BackendError(f"no GGUF model at {path}: install it with `python scripts/install_model.py "
                           f"--models-dir {settings.models_dir}` or set RAG_LLM_MODEL_PATH")
    log.info("loading %s with %d threads", path, settings.llm_threads)
    llm = Llama(model_path=str(path), n_ctx=settings.llm_context, n_threads=settings.llm_threads,
                n_threads_batch=settings.llm_threads, n_batch=256, verbose=False, seed=0)
    backend = LangChainBackend(
        "llamacpp", ChatLlamaCppLocal(llm=llm, max_tokens=settings.llm_max_tokens), settings.llm_context,
        count=lambda text: len(llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)),
    )
    backend.model_file = path.name
    return backend
