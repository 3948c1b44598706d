"""Every document's whole-document vector in memory, one matrix per language, for the cross-language pull.

The vectors are the ones ingest keeps for linking translations (:class:`~rag.store.links.DocumentVectors`,
the normalised mean of a document's passages). Asking Chroma for each language's nearest documents
took ~25 ms per question on eval-dev (three filtered queries); a matrix product takes well under
one. The matrices are read once per corpus version (the mirror's), on the first question after a
change, and kept beside this node's local index (:class:`~rag.store.kept.Kept`): at 10k documents
reading them from Chroma takes about 0.8 s, from the kept file a few milliseconds, so a cold
``rag ask`` on a record this node has seen does not pay it.
"""
from __future__ import annotations

import threading
from typing import Optional

import numpy as np

from ..store.chroma import Store
from ..store.kept import Kept
from ..store.links import DocumentVectors
from ..store.mirror import CorpusMirror

KEPT = Kept("document-matrices", ("retrieval",))
Matrices = dict[str, tuple[list[str], np.ndarray]]


class DocumentMatrix:
    """Exact nearest documents by whole-document vector, per language. Cheap to construct; the
    vectors are read on the first :meth:`nearest` of each corpus version."""

    def __init__(self, store: Store, mirror: CorpusMirror):
        self.side = DocumentVectors(store)
        self.mirror = mirror
        self._lock = threading.Lock()
        self._version: Optional[str] = None
        self._by_lang: Matrices = {}
        self._centroid: Optional[np.ndarray] = None
        self._centroid_of: Optional[Matrices] = None
        self._count = 0.0

    def nearest(self, qvec, k: int, lang: str) -> list[tuple[str, float]]:
        """The ``k`` documents of ``lang`` nearest to ``qvec``: (doc id, cosine), best first."""
        ids, matrix = self._matrices().get(lang, ([], None))
        if matrix is None or not ids:
            return []
        sims = matrix @ np.asarray(qvec, dtype=np.float32)
        k = min(k, len(ids))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(ids[i], float(sims[i])) for i in top]

    def centroid(self, min_documents: int = 1) -> Optional[np.ndarray]:
        """The mean of the documents' vectors, all languages together, each distinct document once
        (:func:`distinct_mean`: near-duplicates share one weight): the direction every passage of the record
        shares, which :class:`~.hybrid.Retriever` takes off the question's vector (``RAG_CENTROID_WEIGHT``).
        None when the record holds fewer than ``min_documents`` distinct documents: the mean of a few
        documents is what they say, not what all share, and the mean of one template's many copies is
        that template."""
        by_lang = self._matrices()
        with self._lock:
            if self._centroid_of is not by_lang:  # once per reading of the matrices
                rows = [m for _, m in by_lang.values() if m is not None and len(m)]
                self._centroid, self._count = distinct_mean(np.concatenate(rows)) if rows else (None, 0.0)
                self._centroid_of = by_lang
            return self._centroid if self._count >= max(1, min_documents) else None

    def typicality(self, lang: str) -> float:
        """The mean cosine of ``lang``'s documents to the record's centroid (0 without one)."""
        centroid = self.centroid()
        ids, matrix = self._matrices().get(lang, ([], None))
        if centroid is None or matrix is None or not len(matrix):
            return 0.0
        return float((matrix @ centroid).mean())

    def _matrices(self) -> Matrices:
        version = self.mirror.version
        with self._lock:
            if self._version != version or version is None:
                kept = KEPT.path(self.mirror.local_index().path) if version else None
                by_lang = KEPT.load(kept, version, "", dict) if kept else None
                if by_lang is None:
                    by_lang = self._read()
                    if kept and self.side.store.sync() == version:  # nothing changed while it was read
                        KEPT.save(kept, by_lang, version, "")
                self._by_lang, self._version = by_lang, version
            return self._by_lang

    def _read(self) -> Matrices:
        """Every document's vector from the store, by language."""
        res = self.side.vectors()  # with the store's retry: another process may be writing
        rows: dict[str, tuple[list[str], list]] = {}
        for doc_id, vec, meta in zip(res["ids"], res["embeddings"], res["metadatas"]):
            ids, vecs = rows.setdefault((meta or {}).get("lang", ""), ([], []))
            ids.append(doc_id)
            vecs.append(vec)
        return {lang: (ids, np.asarray(vecs, dtype=np.float32)) for lang, (ids, vecs) in rows.items()}


DUPLICATE_COSINE = 0.95  # eval-dev's documents: 1% have a neighbour this close; a template's copies: all (0.98-0.99)
CENTROID_SAMPLE = 2500  # documents the centroid is computed from (evenly spaced): a 25 MB similarity matrix


def distinct_mean(matrix: np.ndarray) -> tuple[np.ndarray, float]:
    """The mean of ``matrix``'s rows (unit vectors), each weighted by one over the number of rows at
    cosine ``DUPLICATE_COSINE`` or more to it (itself included), and the weights' sum: how many
    distinct documents there are. A template's hundred copies weigh as one document, so they neither
    make the record look large nor make the centroid their own. Above ``CENTROID_SAMPLE`` rows, an
    evenly spaced sample stands for them (the count scaled to the whole)."""
    total = len(matrix)
    if total > CENTROID_SAMPLE:
        matrix = matrix[np.linspace(0, total - 1, CENTROID_SAMPLE).astype(int)]
    close = (matrix @ matrix.T >= DUPLICATE_COSINE).sum(axis=1)
    weights = 1.0 / np.maximum(close, 1)
    mean = (weights[:, None] * matrix).sum(axis=0) / weights.sum()
    return mean.astype(np.float32), float(weights.sum()) * total / len(matrix)
