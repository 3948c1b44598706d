"""The hubness correction of dense scores (CSLS, Conneau et al., 2018).

A passage in a crowded part of the embedding space (a short, generic sentence) is near every
query; subtracting how near it is to everything else leaves how near it is to *this* query.
A passage's hubness is its mean cosine to its ``k`` nearest passages of *other* documents,
measured in Chroma and cached until the corpus changes.

A process that holds the record's vectors in memory (:mod:`.vectors`: the app on a large record)
computes every passage's hubness exactly and keeps the values beside this node's local index
(:class:`KeptHubness`): the next such process starts from them instead of computing them again, and
a one-question process (``rag ask``) reads them instead of asking Chroma for the neighbours of each
candidate, and asks Chroma only for passages added since. The values are used while the record's
size stays within :data:`DRIFT` of the size they were computed at, as the in-memory ones are.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np

from ..store.chroma import Store
from ..store.kept import Kept
from ..store.mirror import CorpusMirror

DRIFT = 1.25  # hubness values are kept while the record's size stays within this factor
_KEPT = Kept("hubness", ("retrieval",))


@dataclass
class KeptHubness:
    """Passage id -> hubness, computed on a record of ``size`` passages."""

    size: int
    values: dict[str, float]

    def holds_for(self, size: int) -> bool:
        return bool(self.size) and self.size / DRIFT <= size <= self.size * DRIFT

    @staticmethod
    def path(mirror: CorpusMirror) -> Path:
        return _KEPT.path(mirror.local_index().path)

    @classmethod
    def load(cls, mirror: CorpusMirror, model: str) -> Optional[KeptHubness]:
        """What this node keeps for ``model`` (any corpus version), or None."""
        return _KEPT.load(cls.path(mirror), "", model, cls)

    def save(self, mirror: CorpusMirror, model: str) -> None:
        _KEPT.save(self.path(mirror), self, "", model)


class HubnessCorrection:
    def __init__(self, store: Store, mirror: CorpusMirror, k: int = 30):
        self.store, self.mirror, self.k = store, mirror, k
        self._lock = threading.Lock()
        self._cache: dict[str, float] = {}
        self._version: Optional[str] = None
        self._kept: Optional[KeptHubness] = None
        self._kept_read = False

    def _from_kept(self) -> dict[str, float]:
        """The values a process with the vectors in memory kept, if they hold for the record's size now."""
        if not self._kept_read:
            self._kept = KeptHubness.load(self.mirror, self.store.embedder.fingerprint)
            self._kept_read = True
        kept = self._kept
        return kept.values if kept is not None and kept.holds_for(len(self.mirror)) else {}

    def scores(self, found: list[tuple[str, np.ndarray]], version: Optional[str]) -> dict[str, float]:
        """Hubness of each (passage id, stored vector), cached per corpus version."""
        with self._lock:
            if self._version != version:
                self._cache, self._version = dict(self._from_kept()), version
            cache = self._cache
            todo = [(pid, v) for pid, v in found if pid not in cache]
        got = self._neighbour_similarity(todo) if todo else {}
        with self._lock:
            if self._version == version:
                cache.update(got)
        return {pid: got.get(pid, cache.get(pid, 0.0)) for pid, _ in found}

    def _neighbour_similarity(self, found: list[tuple[str, np.ndarray]], spare: int = 10) -> dict[str, float]:
        """Mean cosine of each passage to its ``k`` nearest passages of *other* documents.

        Passages of its own document are skipped (a long document is not a crowded one);
        ``spare`` extra neighbours make up for them.
        """
        out = {}
        for (pid, _), near in zip(found, self.store.neighbours([v for _, v in found], self.k + spare, len(self.mirror))):
            own = self.mirror.doc_of(pid)
            sims = []
            for i, s in near:
                other = self.mirror.doc_of(i)
                if i != pid and (other is None or other != own):
                    sims.append(s)
            out[pid] = float(np.mean(sims[: self.k])) if sims else 0.0
        return out
