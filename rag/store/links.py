"""Translation links and document vectors, beside the passages, in two small Chroma collections.

- :class:`LinkStore` keeps one record per pair of documents found (or confirmed, or undone) to
  be language versions of each other, with the evidence that linked them. An undone link is
  kept, so that ingesting the documents again does not link them again.
- :class:`DocumentVectors` keeps one vector per document (the normalised mean of its passages'
  vectors), so that the translation of a new document is searched among documents, not among
  thousands of passages.

Both are collections of the same Chroma client as the passages (``<collection>.links`` and
``<collection>.docs``), so they work on a folder store and on a Chroma server alike. Each
records the id of the passage collection it belongs to: after ``ingest --reset`` recreates
that collection, they are emptied too.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

import numpy as np

from .chroma import ChromaEmbeddingAdapter, Store

log = logging.getLogger(__name__)

PARENT_KEY = "passages_collection_id"
STATUSES = ("auto", "confirmed", "undone")


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def pair_key(a: str, b: str) -> str:
    """The id of the link between two documents (order does not matter; ids never hold '|')."""
    return "|".join(sorted((a, b)))


@dataclass
class Link:
    """Two documents that are language versions of one document, and why we think so.

    ``original`` is cited; ``translation`` joins its family. ``status`` is ``auto`` (found at
    ingest), ``confirmed`` (an editor said so) or ``undone`` (an editor said no: never linked
    again). Evidence: ``share`` of the shorter document's passages aligned with the other's,
    ``score`` the mean cosine of the aligned passages, ``numbers`` the share of numbers and dates
    that agree between aligned passages (-1 when there were too few to tell), ``margin`` how much
    nearer the two are to each other than to the next document in either language.
    """

    original: str
    translation: str
    status: str = "auto"
    share: float = 0.0
    score: float = 0.0
    numbers: float = -1.0
    margin: float = 0.0
    aligned: int = 0
    by: str = "ingest"  # ingest or editor
    created_at: str = ""
    updated_at: str = ""
    # The translation's own paragraph numbers and official flag before it was linked (to undo).
    own_paras: dict[int, int] = field(default_factory=dict)
    own_official: bool = True

    @property
    def key(self) -> str:
        return pair_key(self.original, self.translation)

    @property
    def active(self) -> bool:
        return self.status in ("auto", "confirmed")

    def other(self, doc_id: str) -> str:
        return self.translation if doc_id == self.original else self.original

    def involves(self, doc_id: str) -> bool:
        return doc_id in (self.original, self.translation)

    def to_store(self) -> dict[str, Any]:
        d = asdict(self)
        d["own_paras"] = json.dumps({str(k): v for k, v in self.own_paras.items()})
        return d

    @classmethod
    def from_store(cls, raw: dict[str, Any]) -> Link:
        names = {f.name for f in fields(cls)}
        d = {k: v for k, v in (raw or {}).items() if k in names}
        paras = d.get("own_paras")
        d["own_paras"] = {int(k): int(v) for k, v in json.loads(paras).items()} if isinstance(paras, str) and paras else {}
        return cls(**d)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("own_paras")
        return d


class _Side:
    """One auxiliary collection of the store's client, emptied when its passage collection is recreated."""

    suffix = ""

    def __init__(self, store: Store):
        self.store = store
        self._col = None
        self._parent: Optional[str] = None

    @property
    def name(self) -> str:
        return f"{self.store.settings.collection}.{self.suffix}"

    @property
    def collection(self):
        parent = str(self.store.collection.id)
        if self._col is None or self._parent != parent:
            client = self.store.client
            ef = ChromaEmbeddingAdapter(self.store.embedder)
            col = self._open(client, ef)
            if (col.metadata or {}).get(PARENT_KEY) != parent:
                # The passage collection was recreated (ingest --reset): what we knew is stale.
                client.delete_collection(self.name)
                col = self._open(client, ef, parent)
            self._col, self._parent = col, parent
        return self._col

    def _open(self, client, ef, parent: Optional[str] = None):
        meta = {PARENT_KEY: parent or str(self.store.collection.id)}
        s = self.store.settings
        # A wide search: a document's nearest document in one language is found under a filter.
        config = {"hnsw": {"space": "cosine", "ef_search": max(s.hnsw_ef_search, 500),
                           "ef_construction": max(s.hnsw_ef_construction, 200)}}
        return client.get_or_create_collection(self.name, embedding_function=ef, metadata=meta, configuration=config)


class LinkStore(_Side):
    """The translation links of one store."""

    suffix = "links"

    def all(self) -> list[Link]:
        res = self.collection.get(include=["metadatas"])
        return sorted((Link.from_store(m) for m in res["metadatas"]), key=lambda x: (x.original, x.translation))

    def of(self, doc_id: str) -> list[Link]:
        """Every link (any status) that involves ``doc_id``."""
        res = self.collection.get(where={"$or": [{"original": doc_id}, {"translation": doc_id}]}, include=["metadatas"])
        return [Link.from_store(m) for m in res["metadatas"]]

    def get(self, a: str, b: str) -> Optional[Link]:
        res = self.collection.get(ids=[pair_key(a, b)], include=["metadatas"])
        return Link.from_store(res["metadatas"][0]) if res["ids"] else None

    def put(self, link: Link) -> None:
        self.put_many([link])

    def put_many(self, links: list[Link]) -> None:
        stamp = now_iso()
        for link in links:
            link.updated_at = stamp
            link.created_at = link.created_at or stamp
        for i in range(0, len(links), 1000):
            part = links[i : i + 1000]
            # Chroma stores a vector with every record; a link needs none, so all share one.
            self.collection.upsert(ids=[x.key for x in part], metadatas=[x.to_store() for x in part],
                                   embeddings=[np.ones(1, dtype=np.float32)] * len(part))

    def delete(self, a: str, b: str) -> None:
        self.delete_many([pair_key(a, b)])

    def delete_many(self, keys: list[str]) -> None:
        if keys:
            self.collection.delete(ids=list(keys))

    def _open(self, client, ef, parent: Optional[str] = None):
        meta = {PARENT_KEY: parent or str(self.store.collection.id)}
        return client.get_or_create_collection(self.name, embedding_function=ef, metadata=meta)


@dataclass
class DocumentVector:
    doc_id: str
    lang: str
    family: str
    vector: np.ndarray


def mean_vector(vectors: np.ndarray) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-9)


class DocumentVectors(_Side):
    """One vector per document (the normalised mean of its passages' vectors), with its language and family."""

    suffix = "docs"

    def put_many(self, docs: list[DocumentVector]) -> None:
        for i in range(0, len(docs), 1000):
            part = docs[i : i + 1000]
            self.collection.upsert(ids=[d.doc_id for d in part], embeddings=[d.vector for d in part],
                                   metadatas=[{"lang": d.lang, "family": d.family} for d in part])

    def set_families(self, families: dict[str, str]) -> None:
        """Record new families (doc id -> family) of stored documents."""
        known = set(self.collection.get(ids=list(families), include=[])["ids"]) if families else set()
        ids = [d for d in families if d in known]
        for i in range(0, len(ids), 1000):
            part = ids[i : i + 1000]
            self.collection.update(ids=part, metadatas=[{"family": families[d]} for d in part])

    def delete(self, doc_id: str) -> None:
        self.collection.delete(ids=[doc_id])

    def count(self) -> int:
        return self.collection.count()

    def ids(self) -> set[str]:
        """The documents that have a vector (every document the linker has looked at)."""
        return set(self.collection.get(include=[])["ids"])

    def vectors(self) -> dict:
        """Every document's id, vector and metadata (Chroma's ``get`` result), read with the store's retry: the
        collection is opened again on each read, since another process's write may have reopened the client."""
        def read() -> dict:
            self._col = None
            return self.collection.get(include=["embeddings", "metadatas"])
        return self.store.read(read)

    def index(self) -> dict[str, tuple[str, str]]:
        """doc id -> (language, family) of every document."""
        res = self.collection.get(include=["metadatas"])
        return {i: (m.get("lang", ""), m.get("family") or i) for i, m in zip(res["ids"], res["metadatas"])}

    def nearest(self, vectors: list[np.ndarray], k: int, lang: str) -> list[list[tuple[str, float]]]:
        """For each vector, the ``k`` documents in ``lang`` nearest to it: (doc id, cosine), best first."""
        if not vectors:
            return []
        col = self.collection
        n = col.count()
        if n == 0:
            return [[] for _ in vectors]
        out = []
        for i in range(0, len(vectors), 500):
            res = col.query(query_embeddings=[np.asarray(v, dtype=np.float32) for v in vectors[i : i + 500]],
                            n_results=min(k, n), where={"lang": lang}, include=["distances"])
            out.extend([(d, 1.0 - float(x)) for d, x in zip(ids, dists)]
                       for ids, dists in zip(res["ids"], res["distances"]))
        return out
