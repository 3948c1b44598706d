"""The hubness correction of dense scores (CSLS, Conneau et al., 2018).

A passage in a crowded part of the embedding space (a short, generic sentence) is near every
query; subtracting how near it is to everything else leaves how near it is to *this* query.
A passage's hubness is its mean cosine to its ``k`` nearest passages of *other* documents,
measured in Chroma and cached until the corpus changes.
"""
from __future__ import annotations

import threading
from typing import Optional

import numpy as np

from ..store.chroma import Store
from ..store.mirror import CorpusMirror


class HubnessCorrection:
    def __init__(self, store: Store, mirror: CorpusMirror, k: int = 30):
        self.store, self.mirror, self.k = store, mirror, k
        self._lock = threading.Lock()
        self._cache: dict[str, float] = {}
        self._version: Optional[str] = None

    def scores(self, found: list[tuple[str, np.ndarray]], version: Optional[str]) -> dict[str, float]:
        """Hubness of each (passage id, stored vector), cached per corpus version."""
        with self._lock:
            if self._version != version:
                self._cache, self._version = {}, version
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
