"""The running parts, built once from settings: for the app, both command lines and the tests.

``build_runtime(settings)`` opens the store (ingesting the bundled corpus on its first start),
builds the retriever and the assistant, and warms them up, so that a wrong setting fails here,
at start-up, with the fix. The app keeps one runtime per settings (``st.cache_resource``).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .answer.assistant import Assistant
from .answer.backends import ChatBackend
from .config import Settings, load_settings
from .ingest.service import Summary, ingest_paths
from .register import RegisterCache, register_cache
from .retrieval.filters import Filters
from .retrieval.hybrid import Retriever
from .retrieval.langchain import CooperationRetriever
from .store.chroma import Store
from .store.embeddings import BaseEmbedder

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def corpus_folder(settings: Settings) -> Path:
    """The bundled corpus folder: as set when it exists (absolute, or from the working folder),
    else the same relative path inside the project."""
    folder = Path(settings.corpus_dir)
    if folder.is_absolute() or folder.is_dir():
        return folder
    return PROJECT_ROOT / folder


def seed_corpus_once(store: Store, folder: Path) -> Optional[Summary]:
    """Ingest the bundled corpus into an empty store, once per collection (first start).

    Returns the ingest summary when it ingested, else None. A flag in the collection's metadata
    records the seeding, so a store whose documents were all deleted stays empty (a deleted
    bundled document never comes back); ``python -m ingest --reset`` drops the flag with the
    collection.
    """
    if store.is_seeded() or store.has_documents():
        return None
    if not folder.is_dir():
        log.warning("the store is empty and the corpus folder %s does not exist", folder)
        return None
    log.info("empty store: ingesting the bundled corpus from %s", folder)
    summary = ingest_paths(store, [folder], bar=False)
    if store.has_documents():
        store.mark_seeded()
    return summary


@dataclass
class Runtime:
    """Everything heavy, built once per settings."""

    settings: Settings
    store: Store
    retriever: Retriever
    assistant: Assistant
    register: RegisterCache
    seeded: Optional[Summary] = field(default=None)

    def langchain_retriever(self, k: Optional[int] = None, filters: Optional[Filters] = None) -> CooperationRetriever:
        """Our hybrid, language-aware search as a LangChain ``BaseRetriever``."""
        return CooperationRetriever(retriever=self.retriever, k=k or self.settings.top_k, filters=filters)


def build_runtime(settings: Optional[Settings] = None, *, embedder: Optional[BaseEmbedder] = None,
                  backend: Optional[ChatBackend] = None, backend_name: Optional[str] = None,
                  seed: bool = True, serving: bool = True) -> Runtime:
    """Store (seeded on its first start), retriever and assistant, warmed up.

    ``serving=False`` for a process that answers one question and ends (``rag ask``, ``rag brief``):
    it skips the warm-up that only pays off over many questions (embedding every line of the record).

    Raises the component's error (StoreError, EmbeddingModelError, BackendError,
    RerankerError) with the fix in its message.
    """
    settings = settings or load_settings()
    store = Store(settings, embedder).warm_up()
    seeded = seed_corpus_once(store, corpus_folder(settings)) if seed else None
    # Warmed before the assistant loads its models: Chroma's vector index loads meanwhile. A one-question
    # process loads a word segmenter when its question needs one (the Lao one only for Lao text).
    retriever = Retriever(store, settings).warm_up(segmenters=serving)
    register = register_cache(retriever.mirror, store.embedder)  # before the assistant builds it: once, with the embedder
    assistant = Assistant(settings, retriever, backend=backend, backend_name=backend_name).warm_up(serving)
    return Runtime(settings, store, retriever, assistant, register, seeded)
