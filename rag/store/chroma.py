"""The one module that talks to Chroma: the single source of truth for passages and vectors.

An embedded ``PersistentClient`` in a folder by default, or a Chroma server when
``chroma_host`` is set. The collection uses cosine distance and records the embedding model
(name and version) that built it; opening it with another model fails with the command to
re-index. We always hand Chroma our own embedding function: its default one would download a model.

Integrity (see :mod:`.manifest` and :mod:`.locks`): a document is written by
:meth:`Store.commit` -- passages under a new revision, then one manifest write that switches the
document to it and moves the corpus stamp, then the old revision deleted. Readers see only the
revision the manifest names. A folder store is reopened when another process wrote to it (an
embedded client keeps a stale vector index otherwise), under the folder's write lock, and a read
that fails is retried once on a reopened client before it becomes a clear :class:`StoreError`.
"""
from __future__ import annotations

import contextlib
import logging
import shlex
import time
from collections.abc import Callable
from typing import Any, Optional, TypeVar

import numpy as np

from ..config import Settings
from ..records import DocRecord, Passage, PassageMeta
from .client import (
    BATCH,
    ChromaEmbeddingAdapter,
    StoreError,
    _Folder,
    _folder,
    make_client,
)
from .embeddings import BaseEmbedder, get_embedder
from .locks import LockTimeout
from .manifest import Manifest, ManifestChange, manifest_name
from .writes import StagedDocument, StoreWrites

__all__ = ["ChromaEmbeddingAdapter", "StagedDocument", "Store", "StoreError", "make_client"]

log = logging.getLogger(__name__)

MODEL_KEY = "embedding_model"
MODEL_VERSION_KEY = "embedding_model_version"
MODEL_ID_KEY = "embedding_model_id"
SEED_KEY = "bundled_corpus_seeded"
MIGRATED_KEY = "manifest_built"
READ_ATTEMPTS = 3
T = TypeVar("T")


def _fingerprint(embedder: BaseEmbedder) -> str:
    return getattr(embedder, "fingerprint", None) or embedder.name


def _passages(res: dict, documents: bool) -> list[Passage]:
    docs = res.get("documents") if documents else None
    return [Passage(i, docs[k] if docs else "", PassageMeta.from_store(m))
            for k, (i, m) in enumerate(zip(res["ids"], res["metadatas"]))]


class Store(StoreWrites):
    """One Chroma collection, typed: passages in, passages out.

    The constructor is cheap; the client connects on first use (or :meth:`warm_up`), where a
    wrong setting fails with the fix.
    """

    def __init__(self, settings: Settings, embedder: Optional[BaseEmbedder] = None):
        self.settings = settings
        self.embedder = embedder or get_embedder(settings.embedding_model, settings.embedding_threads)
        self._client = None
        self._collection = None
        self._manifest: Optional[Manifest] = None
        self._generation = -1
        self.hidden = 0  # passages stored but not visible (staged or old revisions), set by the mirror

    # --- connection ----------------------------------------------------------------------
    @property
    def _shared(self) -> Optional[_Folder]:
        return None if self.settings.uses_server else _folder(self.settings.store_path)

    def warm_up(self) -> Store:
        """Connect and open (or create) the collection; raises StoreError with the fix."""
        if self._collection is None:
            self._connect()
        return self

    def _lock_timeout(self) -> float:
        return float(self.settings.lock_wait_s)

    def _connect(self, fresh: bool = False) -> None:
        shared = self._shared
        if shared is None:
            self._client = make_client(self.settings)
            self._open_all()
            return
        with shared.guard:
            if shared.client is None or fresh:
                try:
                    with shared.lock.held(self._lock_timeout(), "open"):
                        shared.client = make_client(self.settings, fresh=shared.client is not None)
                        shared.generation += 1
                        self._client, self._generation = shared.client, shared.generation
                        self._open_all()
                        shared.seen = self._manifest.stamp()
                except LockTimeout as exc:
                    raise StoreError(str(exc)) from None
                return
            self._client, self._generation = shared.client, shared.generation
            self._open_all()

    def _open_all(self) -> None:
        self._collection = self._open_collection()
        self._manifest = Manifest(self._client.get_or_create_collection(
            manifest_name(self.settings.collection), embedding_function=ChromaEmbeddingAdapter(self.embedder),
            metadata={"role": "manifest"}))
        self._migrate()

    def _current(self) -> None:
        """Follow a reopening done by another Store object of this process."""
        if self._collection is None:
            self._connect()
        shared = self._shared
        if shared is not None and self._generation != shared.generation:
            self._connect()

    @property
    def client(self):
        self._current()
        return self._client

    @property
    def collection(self):
        self._current()
        return self._collection

    @property
    def manifest(self) -> Manifest:
        self._current()
        return self._manifest

    def reopen(self) -> None:
        """A fresh client (an embedded one reloads the folder's vector index, under the write lock)."""
        self._connect(fresh=True)

    def sync(self) -> str:
        """The corpus stamp, after reopening a folder store that another process changed."""
        stamp = self._read(lambda: self.manifest.stamp())
        shared = self._shared
        if shared is not None and stamp != shared.seen:
            self.reopen()
            stamp = self._read(lambda: self.manifest.stamp())
        return stamp

    def read(self, fn: Callable[[], T]) -> T:
        """Run a read of this store's client (an auxiliary collection's too) with the same reopen-and-retry as
        the store's own reads: another process may be writing."""
        return self._read(fn)

    def _read(self, fn: Callable[[], T]) -> T:
        """Run a read; on a Chroma error reopen the client and retry, then fail with a clear message."""
        last: Optional[Exception] = None
        for attempt in range(READ_ATTEMPTS):
            try:
                self._current()
                return fn()
            except (StoreError, LockTimeout):
                raise
            except Exception as exc:  # chromadb raises many types on a stale or busy store
                last = exc
                log.warning("store read failed (%s: %s); reopening and retrying", exc.__class__.__name__, exc)
                time.sleep(0.2 * attempt)
                try:
                    self.reopen()
                except StoreError:
                    raise
                except Exception as again:
                    last = again
        raise StoreError(
            f"reading the {self.settings.describe_store()} failed ({last.__class__.__name__}: {last}). "
            "Try again; if it keeps failing, run `python -m ingest --check` on this store."
        )

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
                MIGRATED_KEY: True,
            },
        )

    def _migrate(self) -> None:
        """A store written before the manifest existed: its documents become manifest records."""
        meta = dict(self._collection.metadata or {})
        if meta.get(MIGRATED_KEY):
            return
        if self._collection.count() and not self._manifest.records():
            first: dict[str, PassageMeta] = {}
            counts: dict[str, int] = {}
            for p in self._all_passages(documents=False):
                if not p.meta.rev:
                    first.setdefault(p.doc_id, p.meta)
                    counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
            if first:
                self._manifest.write(ManifestChange(
                    [DocRecord(d, "", counts[d], m) for d, m in first.items()], []))
                log.info("built the manifest of %d documents of an older store", len(first))
        self._collection.modify(metadata={**meta, MIGRATED_KEY: True})

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
        shared = None if settings.uses_server else _folder(settings.store_path)
        with shared.lock.held(float(settings.lock_wait_s), "reset") if shared else contextlib.nullcontext():
            client = make_client(settings, fresh=True)
            for name in (settings.collection, manifest_name(settings.collection)):
                try:
                    client.delete_collection(name)
                except Exception:  # nothing to drop
                    pass
            if shared is not None:
                shared.client, shared.seen = None, None
        return cls(settings, embedder).warm_up()

    def corpus_version(self) -> str:
        """The corpus stamp, read fresh: it moves with every committed document (any process)."""
        return self._read(lambda: self.manifest.stamp())

    def is_seeded(self) -> bool:
        """True once the bundled corpus was added to this collection (an emptied store stays empty)."""
        return bool(self._read(self._metadata).get(SEED_KEY))

    def mark_seeded(self) -> None:
        self._set_metadata(**{SEED_KEY: True})

    # --- reads ---------------------------------------------------------------------------
    def count(self) -> int:
        """Passages stored, including any not (yet, or no longer) visible."""
        return self._read(lambda: self.collection.count())

    def documents(self, doc_ids: Optional[list[str]] = None, full: bool = True) -> dict[str, DocRecord]:
        """The manifest: each stored document's visible revision (of some documents, or all);
        ``full=False`` reads only revisions and passage counts (faster)."""
        return self._read(lambda: self.manifest.records(doc_ids, full))

    def has_documents(self) -> bool:
        return self._read(lambda: self.manifest.any_document())

    def get(self, ids: Optional[list[str]] = None, where: Optional[dict] = None, documents: bool = True) -> list[Passage]:
        """Stored passages (every revision: filter with :meth:`documents` for what readers see)."""
        if ids is None:
            return self._read(lambda: self._all_passages(where, documents))
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        out: list[Passage] = []
        for i in range(0, len(ids), BATCH):
            part = ids[i : i + BATCH]
            out.extend(self._read(lambda part=part: _passages(self.collection.get(ids=part, include=include), documents)))
        return out

    def _all_passages(self, where: Optional[dict] = None, documents: bool = True) -> list[Passage]:
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        out: list[Passage] = []
        offset = 0
        while True:
            got = _passages(self.collection.get(where=where, include=include, limit=BATCH, offset=offset), documents)
            out.extend(got)
            if len(got) < BATCH:
                return out
            offset += BATCH

    def all_ids(self) -> list[str]:
        def read() -> list[str]:
            ids: list[str] = []
            offset, batch = 0, 5000
            while True:
                got = self.collection.get(include=[], limit=batch, offset=offset)["ids"]
                ids.extend(got)
                if len(got) < batch:
                    return ids
                offset += batch

        return self._read(read)

    def embeddings(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors of some passages, by id (ids no longer stored are left out)."""
        if not ids:
            return {}
        out: dict[str, np.ndarray] = {}
        uniq = list(dict.fromkeys(ids))
        for i in range(0, len(uniq), BATCH):
            part = uniq[i : i + BATCH]
            res = self._read(lambda part=part: self.collection.get(ids=part, include=["embeddings"]))
            out.update({k: np.asarray(v, dtype=np.float32) for k, v in zip(res["ids"], res["embeddings"])})
        return out

    def revision_passages(self, records: list[DocRecord], documents: bool = True) -> dict[str, list[Passage]]:
        """The visible passages of some documents (their manifest revisions), by document.

        A document whose revision was replaced while it was read comes back short; the caller
        reads the manifest again (see :meth:`doc_passages`).
        """
        out: dict[str, list[Passage]] = {r.doc_id: [] for r in records}
        want = {r.doc_id: r.rev for r in records}
        ids = list(want)
        for i in range(0, len(ids), 200):
            part = ids[i : i + 200]
            cond = {"doc_id": part[0]} if len(part) == 1 else {"doc_id": {"$in": part}}
            for p in self.get(where=cond, documents=documents):
                if want.get(p.doc_id) == p.meta.rev:
                    out[p.doc_id].append(p)
        return out

    def read_documents(self, records: list[DocRecord], documents: bool = True,
                       attempts: int = 5) -> dict[str, tuple[DocRecord, list[Passage]]]:
        """Documents read whole: {doc_id: (the record read, its passages)}. A document a writer
        switched while it was read is read again at its new revision; one removed meanwhile, or
        still changing after ``attempts``, is left out."""
        out: dict[str, tuple[DocRecord, list[Passage]]] = {}
        pending = list(records)
        for _ in range(attempts):
            if not pending:
                break
            got = self.revision_passages(pending, documents)
            short = []
            for rec in pending:
                ps = got[rec.doc_id]
                if len(ps) == rec.n_passages:
                    out[rec.doc_id] = (rec, ps)
                else:
                    short.append(rec.doc_id)
            pending = list(self.documents(short).values()) if short else []
        if pending:
            log.warning("documents still changing while read: %s", ", ".join(r.doc_id for r in pending))
        return out

    def identity(self) -> str:
        """The collection's id: a local copy of another collection (or of a recreated one) is rebuilt."""
        return str(self._read(lambda: self.collection.id))

    def doc_passages(self, doc_id: str, documents: bool = False) -> list[Passage]:
        """One document's visible passages (whole: re-read if a writer switched it meanwhile)."""
        for _ in range(5):
            rec = self.documents([doc_id]).get(doc_id)
            if rec is None:
                return []
            got = self.revision_passages([rec], documents)[doc_id]
            if len(got) == rec.n_passages:
                return got
        raise StoreError(f"document '{doc_id}' kept changing while it was read; try again")

    def load_vectors(self) -> None:
        """Have Chroma load its vector index now (it does on the first search); a failure is logged only."""
        dim = getattr(self.embedder, "dim", None)
        if not dim:
            return
        try:
            self.collection.query(query_embeddings=[np.zeros(dim, dtype=np.float32)], n_results=1, include=[])
        except Exception as exc:  # an empty store, or one the first real search reports with the fix
            log.debug("vector index not loaded ahead (%s)", exc)

    def dense_search(self, query_vec: np.ndarray, k: int, where: Optional[dict] = None, n: Optional[int] = None,
                     vectors: bool = False, visible: Optional[Callable[[str], bool]] = None
                     ) -> list[tuple[str, float, Optional[np.ndarray]]]:
        """Nearest passages as (id, cosine similarity, stored vector if asked), best first.

        ``n`` is the number of passages visible, when the caller knows it (saves a round trip).
        Chroma may also hold passages that are not visible (staged or replaced ones, while a write
        is under way): with ``visible`` (the caller's test, say its mirror) only visible ones are
        returned, and when they are too few the search is made again asking for as many more as
        there are hidden passages (counting them costs a second at 100,000 passages, so it is done
        only then, and remembered in ``hidden``). Texts and metadata come from the corpus mirror.
        """
        n = self.count() if n is None else n
        if n == 0:
            return []
        include = ["distances"] + (["embeddings"] if vectors else [])
        want = min(k, n)
        for again in (False, True):
            asked = want + self.hidden
            res = self._read(lambda asked=asked: self.collection.query(
                query_embeddings=[np.asarray(query_vec, dtype=np.float32)],
                n_results=asked, where=where, include=include))
            vecs = res.get("embeddings") if vectors else None
            found = [(i, 1.0 - float(d), np.asarray(vecs[0][j], dtype=np.float32) if vectors else None)
                     for j, (i, d) in enumerate(zip(res["ids"][0], res["distances"][0]))]
            if visible is None:
                return found
            shown = [f for f in found if visible(f[0])]
            if len(shown) >= want or len(found) < asked or again:
                return shown
            self.hidden = max(0, self.count() - n)
        return shown

    def neighbours(self, vectors: list[np.ndarray], k: int, n: Optional[int] = None) -> list[list[tuple[str, float]]]:
        """The ``k`` nearest passages (id, cosine similarity) of each vector, in one batched query
        over the whole collection (filters do not apply); ``n``: the passages visible, when known."""
        if not vectors:
            return []
        n = self.count() if n is None else n
        res = self._read(lambda: self.collection.query(
            query_embeddings=[np.asarray(v, dtype=np.float32) for v in vectors],
            n_results=max(1, min(k, n) + self.hidden),
            include=["distances"],
        ))
        return [[(i, 1.0 - float(d)) for i, d in zip(ids, dists)] for ids, dists in zip(res["ids"], res["distances"])]

