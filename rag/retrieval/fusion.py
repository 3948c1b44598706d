"""Fusing ranked lists: reciprocal rank fusion, and score fusion that is fair across languages."""
from __future__ import annotations

import numpy as np

from ..records import Ranked


def _merge(scores: dict[str, float], info: dict[str, Ranked]) -> list[Ranked]:
    return [Ranked(info[pid].passage, scores[pid]) for pid in sorted(scores, key=lambda c: -scores[c])]


def fuse_rrf(lists: list[list[Ranked]], rrf_k: int = 60) -> list[Ranked]:
    """Reciprocal rank fusion: a passage scores 1 / (k + rank) in every list it is in."""
    scores: dict[str, float] = {}
    info: dict[str, Ranked] = {}
    for ranked in lists:
        for rank, r in enumerate(ranked):
            pid = r.passage.id
            scores[pid] = scores.get(pid, 0.0) + 1.0 / (rrf_k + rank + 1)
            info[pid] = r
    return _merge(scores, info)


def fuse_calibrated(dense_lists: list[list[Ranked]], keyword_lists: list[list[Ranked]], query_weight: float,
                    global_weight: float = 0.5, keyword_weight: float = 4.0) -> list[Ranked]:
    """Score fusion that is fair across languages.

    A dense similarity counts by how far it stands out from the other candidates *of its own
    language* (a z-score within that language's list), because a question is always nearer, in
    the embedding space, to anything written in its own language; a smaller share of the
    z-score over all languages keeps genuinely closer passages ahead. A keyword score counts as
    the share of the query's term weight (sum of IDF) it matched.
    """
    scores: dict[str, float] = {}
    info: dict[str, Ranked] = {}
    pooled = np.array([r.score for lst in dense_lists for r in lst], dtype=np.float64)
    g_mu, g_sd = (pooled.mean(), max(pooled.std(), 1e-3)) if pooled.size else (0.0, 1.0)
    for lst in dense_lists:
        if not lst:
            continue
        sims = np.array([r.score for r in lst], dtype=np.float64)
        mu, sd = sims.mean(), max(sims.std(), 1e-3)
        for r in lst:
            z = float((r.score - mu) / sd + global_weight * (r.score - g_mu) / g_sd)
            scores[r.passage.id] = scores.get(r.passage.id, 0.0) + z
            info[r.passage.id] = r
    w = keyword_weight / max(query_weight, 1e-6)
    for lst in keyword_lists:
        for r in lst:
            scores[r.passage.id] = scores.get(r.passage.id, 0.0) + w * r.score
            info[r.passage.id] = r
    return _merge(scores, info)


def calibrate(lists: list[list[tuple[str, float]]], global_weight: float = 0.5) -> dict[str, float]:
    """Similarities of several per-language lists (id, cosine) as calibrated scores, the same way
    :func:`fuse_calibrated` scores dense passages: the z-score within the item's own list plus
    ``global_weight`` times the z-score over all lists."""
    pooled = np.array([s for lst in lists for _, s in lst], dtype=np.float64)
    if not pooled.size:
        return {}
    g_mu, g_sd = pooled.mean(), max(pooled.std(), 1e-3)
    out: dict[str, float] = {}
    for lst in lists:
        if not lst:
            continue
        sims = np.array([s for _, s in lst], dtype=np.float64)
        mu, sd = sims.mean(), max(sims.std(), 1e-3)
        for (item, s) in lst:
            out[item] = float((s - mu) / sd + global_weight * (s - g_mu) / g_sd)
    return out
