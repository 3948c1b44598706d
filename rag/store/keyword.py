"""Keyword index (BM25) over word-segmented text, kept on disk by the node's local index.

Tokens are those of :mod:`rag.text.tokens` (tone-insensitive Vietnamese with pyvi compounds,
canonical Lao words, lower-cased English), computed once at ingest and stored with each
passage; :mod:`.local` keeps their postings in SQLite, updated document by document. A query
reads only its terms' postings (cached until the corpus changes) and scores them with numpy.
Statistics (average length) are kept per language, so a short Lao passage is not penalised for
living beside long Vietnamese ones. Nothing is rebuilt per process or per query.
"""
from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import Optional

import numpy as np

from ..records import PassageMeta
from ..text.tokens import QUESTION_WORDS, query_terms, tokenize
from .local import LocalIndex, Snapshot
from .mirror import Change, CorpusMirror


def _load_segmenters() -> None:
    tokenize("bảo hiểm xã hội", "vi")
    tokenize("ປະກັນສັງຄົມ", "lo")


class KeywordIndex:
    """BM25 over the local index's postings (subscribe it to the mirror with :meth:`attach`)."""

    def __init__(self, local: LocalIndex, k1: float = 1.2, b: float = 0.75):
        self.local, self.k1, self.b = local, k1, b
        self._snap: Optional[Snapshot] = None
        self._cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._lock = threading.RLock()

    @classmethod
    def attach(cls, mirror: CorpusMirror, **kw) -> KeywordIndex:
        index = cls(mirror.local_index(), **kw)
        mirror.subscribe(index)
        return index

    def warm_up(self) -> KeywordIndex:
        """Load the word segmenters (pyvi, laonlp: seconds). Not in a background thread: their loading is
        Python work that would hold the interpreter lock against the corpus being read beside it."""
        _load_segmenters()
        return self

    def apply(self, change: Change) -> None:
        if change or self._snap is None:
            with self._lock:
                self._snap, self._cache = None, {}

    def _snapshot(self) -> Snapshot:
        with self._lock:
            if self._snap is None:
                self._snap = self.local.snapshot()
            return self._snap

    def _postings(self, tid: int) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            hit = self._cache.get(tid)
        if hit is None:
            hit = self.local.postings(tid)
            with self._lock:
                self._cache[tid] = hit
        return hit

    def _n(self, snap: Snapshot) -> int:
        return max(sum(n for n, _ in snap.stats.values()), 1)

    def _idf(self, n_all: int, df: int) -> float:
        return math.log(1 + (n_all - df + 0.5) / (df + 0.5))

    # --- queries ---------------------------------------------------------------------------
    def languages(self) -> list[str]:
        return sorted(self._snapshot().stats)

    def search(self, query: str, k: int, allow: Optional[Callable[[str], bool]] = None, lang: Optional[str] = None,
               query_lang: str = "") -> list[tuple[str, float]]:
        """BM25 top ``k`` passage ids (with scores) among those ``allow`` passes, of passage language ``lang``."""
        terms = list(dict.fromkeys(query_terms(query, query_lang)))
        if not terms:
            return []
        snap = self._snapshot()
        if lang is not None and lang not in snap.langs:
            return []
        code = snap.langs.index(lang) if lang is not None else -1
        avg = np.asarray([max(snap.stats.get(lg, (0, 0))[1] / max(snap.stats.get(lg, (1, 0))[0], 1), 1.0)
                          for lg in snap.langs] or [1.0], dtype=np.float32)
        n_all = self._n(snap)
        pids_all, scores_all = [], []
        for tid, df in self.local.terms(terms).values():
            pids, tf = self._postings(tid)
            inside = pids < len(snap.lang)
            pids, tf = pids[inside], tf[inside]
            lg = snap.lang[pids]
            keep = lg >= 0 if code < 0 else lg == code
            pids, tf, lg = pids[keep], tf[keep], lg[keep]
            if not len(pids):
                continue
            denom = tf + self.k1 * (1 - self.b + self.b * snap.length[pids] / avg[lg])
            pids_all.append(pids)
            scores_all.append(self._idf(n_all, df) * tf * (self.k1 + 1) / denom)
        if not pids_all:
            return []
        uniq, inv = np.unique(np.concatenate(pids_all), return_inverse=True)
        scores = np.bincount(inv, weights=np.concatenate(scores_all))
        order = np.argsort(-scores, kind="stable")
        out: list[tuple[str, float]] = []
        step = max(2 * k, 64)
        for start in range(0, len(order), step):  # ids looked up a slice at a time, until k are kept
            part = order[start : start + step]
            ids = snap.ids_of([int(uniq[i]) for i in part])
            for i in part:
                pid = ids.get(int(uniq[i]))
                if pid is not None and (allow is None or allow(pid)):
                    out.append((pid, float(scores[i])))
                    if len(out) >= k:
                        return out
        return out

    def query_weight(self, query: str, query_lang: str = "") -> float:
        """Sum of the query terms' IDF: the score of a passage matching every term once, at average length."""
        terms = list(set(query_terms(query, query_lang)))
        n_all = self._n(self._snapshot())
        df = {t: d for t, (_, d) in self.local.terms(terms).items()}
        return sum(self._idf(n_all, df.get(t, 0)) for t in terms)

    def has_term(self, term: str) -> bool:
        return bool(self.local.terms([term]))

    def unseen_fraction(self, query: str, query_lang: str = "") -> float:
        """Share of the query's content words that occur nowhere in the record.

        A question about an entity the record never mentions (another country, a price, a
        sport) has such words; question words ("bao nhiêu", "which", "ເທົ່າໃດ") do not count.
        Only judged when the record holds passages in the question's language: a question in
        a language the record lacks proves nothing by its words.
        """
        if query_lang and query_lang not in self.languages():
            return 0.0
        words = [t for t in tokenize(query, "") if t not in QUESTION_WORDS and len(t) > 1]
        if not words:
            return 0.0
        known = self.local.terms(list(set(words)))
        return sum(1 for t in words if t not in known) / len(words)

    def __len__(self) -> int:
        snap = self._snapshot()
        return sum(n for n, _ in snap.stats.values())


def allow_meta(mirror: CorpusMirror, accept: Callable[[PassageMeta], bool]) -> Callable[[str], bool]:
    """An id filter from a metadata filter (the keyword search filters by id). The filter may look at any
    passage: the mirror reads every passage first (once a process)."""
    mirror.passages()

    def allow(pid: str) -> bool:
        p = mirror.get(pid)
        return p is not None and accept(p.meta)

    return allow
