"""The session's interface language, its strings, and the runtime built once per settings."""
from __future__ import annotations

import logging

import streamlit as st

from rag.answer.backends import BackendError
from rag.config import SettingsError, load_settings
from rag.retrieval.hybrid import RerankerError
from rag.runtime import Runtime, build_runtime
from rag.store.chroma import StoreError
from rag.store.embeddings import EmbeddingModelError
from rag.text import i18n
from rag.text.langs import DEFAULT_LANG, LANGS

from .markdown import md_escape

log = logging.getLogger("ui")


def lang() -> str:
    """The interface language of this session."""
    value = st.session_state.get("ui_lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def tr(key: str, /, **fields) -> str:
    return i18n.t(key, lang(), **fields)


@st.cache_resource(show_spinner=False)
def _runtime(settings_key: str, _settings) -> Runtime:
    """Store, retriever and assistant, built once per distinct settings (the key)."""
    logging.basicConfig(level=_settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return build_runtime(_settings)


def runtime() -> Runtime:
    """The runtime for the current settings; a wrong setting stops the page with the fix."""
    try:
        settings = load_settings()
        with st.spinner(tr("loading")):
            return _runtime(settings.model_dump_json(), settings)
    except (SettingsError, StoreError, BackendError, RerankerError, EmbeddingModelError) as exc:
        st.error(f"**{tr('startup_error')}**\n\n```\n{exc}\n```")
        st.stop()


def upload_limit_mb(settings) -> int:
    """The smaller of our limit and Streamlit's server limit (both are enforced)."""
    try:
        server = int(st.get_option("server.maxUploadSize"))
    except Exception:
        server = settings.max_upload_mb
    return max(1, min(int(settings.max_upload_mb), server))


def page_header(key: str) -> None:
    """A page's title and (when the strings table has one) its introduction."""
    st.markdown(f"## {tr(key + '_title') if i18n.has(key + '_title') else tr('page_' + key)}")
    if i18n.has(key + "_intro"):
        st.markdown(tr(key + "_intro"))


__all__ = ["lang", "md_escape", "page_header", "runtime", "tr", "upload_limit_mb"]
