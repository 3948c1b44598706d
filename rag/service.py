"""Build the running parts from settings once: store, retriever, assistant; bundled corpus on first start."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from .answer import Assistant
from .config import Settings
from .retrieval import Retriever
from .store import Store

log = logging.getLogger(__name__)


def build_store(settings: Settings) -> Store:
    return Store(settings)


def build_retriever(settings: Settings, store: Optional[Store] = None) -> Retriever:
    return Retriever(store or build_store(settings), settings)


def build_assistant(settings: Settings, retriever: Optional[Retriever] = None, backend_name: Optional[str] = None,
                    backend=None) -> Assistant:
    return Assistant(settings, retriever or build_retriever(settings), backend=backend, backend_name=backend_name)


def ensure_corpus(store: Store, corpus_dir: Optional[Path] = None):
    """Ingest the bundled corpus when the store is empty (first start); returns the summary or None."""
    if store.count() > 0:
        return None
    folder = Path(corpus_dir or store.settings.corpus_dir)
    if not folder.is_dir():
        log.warning("the store is empty and the corpus folder %s does not exist", folder)
        return None
    from ingest.pipeline import ingest_paths

    log.info("empty store: ingesting the bundled corpus from %s", folder)
    return ingest_paths(store, [folder], bar=False)
