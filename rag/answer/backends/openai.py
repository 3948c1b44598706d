"""Any OpenAI-compatible chat server (vLLM, llama.cpp server, LM Studio, a hosted API), via langchain-openai."""
from __future__ import annotations

from ...config import Settings
from .base import BackendError, LangChainBackend


def make(settings: Settings) -> LangChainBackend:
    try:
        from langchain_openai import ChatOpenAI
    except ImportError:
        raise BackendError("the openai backend needs langchain-openai: pip install '.[llm]'") from None
    model = ChatOpenAI(model=settings.openai_model, base_url=settings.openai_base_url,
                       api_key=settings.openai_api_key, temperature=0.1, timeout=120, max_retries=0,
                       max_tokens=settings.llm_max_tokens)
    return LangChainBackend("openai", model, settings.llm_context, where=settings.openai_base_url)
