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


SEED_KEY = "bundled_corpus_seeded"


def ensure_corpus(store: Store, corpus_dir: Optional[Path] = None):
    """Ingest the bundled corpus into an empty store, once per collection (first start).

    Returns the ingest summary when it ingested, else None. A flag in the collection metadata
    records the seeding, so a store whose documents were all deleted stays empty (a deleted
    bundled document never comes back); ``python -m ingest --reset`` drops the flag with the
    collection.
    """
    meta = store.client.get_collection(store.settings.collection).metadata or {}
    if meta.get(SEED_KEY) or store.count() > 0:
        return None
    folder = Path(corpus_dir or store.settings.corpus_dir)
    if not folder.is_dir():
        log.warning("the store is empty and the corpus folder %s does not exist", folder)
        return None
    from ingest.pipeline import ingest_paths

    log.info("empty store: ingesting the bundled corpus from %s", folder)
    summary = ingest_paths(store, [folder], bar=False)
    if store.count() > 0:
        col = store.client.get_collection(store.settings.collection)
        col.modify(metadata={**(col.metadata or {}), SEED_KEY: True})
    return summary
