"""Each language's stored vectors in memory, for dense search on a large record.

Chroma's search restricted to one language grows with the record (about 100 ms a language at
100,000 passages on this machine, against 5 ms unrestricted), and the hubness correction asks
Chroma for the neighbours of every new candidate. Past ``RAG_MEMORY_VECTORS_FROM`` passages, a
process that searches more than once (the app, an evaluation) keeps the vectors of the visible
passages in one matrix per language, loaded from Chroma in the background: exact cosine search
is then a matrix product (a few milliseconds), and the hubness of every passage is computed once,
block by block, in the same background thread. Until the matrices are ready, and in a one-question
process, search goes to Chroma as before. When the corpus changes, only new passages' vectors are
read; hubness values are kept while the record has grown or shrunk by less than a quarter since
they were computed (a passage's neighbourhood barely moves), and computed for new passages. They
are also kept beside the node's local index (:class:`~.hubness.KeptHubness`): the next process starts
from them, and a one-question process reads them instead of asking Chroma.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Optional

import numpy as np

from ..records import Passage
from ..store.chroma import Store
from ..store.mirror import CorpusMirror
from .filters import Filters
from .hubness import DRIFT, KeptHubness

log = logging.getLogger(__name__)

_BLOCK = 256  # rows of the hubness computation at a time (256 x 100k similarities: 100 MB)


class _Matrices:
    """One corpus version's vectors: per language the ids, their passages and a row-normalized matrix."""

    def __init__(self, version: str, by_lang: dict[str, tuple[list[Passage], np.ndarray]]):
        self.version = version
        self.by_lang = by_lang
        self.size = sum(len(ps) for ps, _ in by_lang.values())


class LanguageVectors:
    def __init__(self, store: Store, mirror: CorpusMirror, min_passages: int, hubness_k: int = 30):
        self.store, self.mirror, self.min_passages, self.k = store, mirror, min_passages, hubness_k
        self._lock = threading.Lock()
        self._cur: Optional[_Matrices] = None
        self._vecs: dict[str, np.ndarray] = {}  # passage id -> vector, across versions
        self._hub: dict[str, float] = {}  # passage id -> hubness
        self._hub_size = 0  # record size the hubness values were computed at
        self._thread: Optional[threading.Thread] = None
        self._searches = 0

    # --- state --------------------------------------------------------------------------------
    def usable(self) -> bool:
        """The matrices are of the mirror's current version (and hubness is computed for it)."""
        cur = self._cur
        return cur is not None and cur.version == self.mirror.version

    def note_search(self) -> None:
        """Called on each search: from the second one on, a large record's vectors are loaded in the
        background (a process that asks once never pays for it)."""
        if not self._wanted() or self.usable():
            return
        self._searches += 1
        if self._searches < 2:
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._load_quietly, name="vectors", daemon=True)
                self._thread.start()

    def _wanted(self) -> bool:
        return bool(self.min_passages) and len(self.mirror) >= self.min_passages

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Load now (or wait for the background load) if the record is large enough to search in
        memory; True when the matrices are usable."""
        if self._wanted() and not self.usable():
            with self._lock:
                thread = self._thread
            if thread is not None and thread.is_alive():
                thread.join(timeout)
            else:
                self._load()
        return self.usable()

    def _load_quietly(self) -> None:
        try:
            self._load()
        except Exception as exc:  # search keeps using Chroma
            log.warning("vectors could not be loaded into memory (%s): dense search stays on Chroma", exc)

    def _load(self) -> None:
        t0 = time.perf_counter()
        self.mirror.refresh()
        version, passages = self.mirror.version or "", self.mirror.passages()
        need = [p.id for p in passages if p.id not in self._vecs]
        got = self.store.embeddings(need)
        live = {p.id for p in passages}
        vecs = {pid: v for pid, v in self._vecs.items() if pid in live}
        vecs.update(got)
        groups: dict[str, list[Passage]] = {}
        for p in passages:
            if p.id in vecs:
                groups.setdefault(p.lang, []).append(p)
        by_lang = {}
        for lang, ps in groups.items():
            m = np.stack([vecs[p.id] for p in ps]).astype(np.float32)
            m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
            by_lang[lang] = (ps, m)
        cur = _Matrices(version, by_lang)
        hub = self._hubness(cur)
        with self._lock:
            self._vecs, self._hub, self._cur = vecs, hub, cur
        log.info("vectors of %d passages in memory (%d read) with their hubness in %.1f s", cur.size, len(got),
                 time.perf_counter() - t0)

    def _hubness(self, cur: _Matrices) -> dict[str, float]:
        """Each passage's mean cosine to its ``k`` nearest passages of other documents (exact)."""
        model = self.store.embedder.fingerprint
        if not self._hub_size:  # a new process: what this node kept, if it holds for this record's size
            kept = KeptHubness.load(self.mirror, model)
            if kept is not None and kept.holds_for(cur.size):
                self._hub, self._hub_size = kept.values, kept.size
        keep = self._hub_size and cur.size <= self._hub_size * DRIFT and cur.size >= self._hub_size / DRIFT
        hub = dict(self._hub) if keep else {}
        ps_all = [p for ps, _ in cur.by_lang.values() for p in ps]
        m_all = np.concatenate([m for _, m in cur.by_lang.values()]) if ps_all else np.zeros((0, 1), np.float32)
        docs = {d: i for i, d in enumerate(sorted({p.doc_id for p in ps_all}))}
        doc_of = np.array([docs[p.doc_id] for p in ps_all], dtype=np.int64)
        todo = [i for i, p in enumerate(ps_all) if p.id not in hub]
        k = min(self.k, max(1, len(ps_all) - 1))
        for a in range(0, len(todo), _BLOCK):
            rows = np.array(todo[a : a + _BLOCK])
            sims = m_all[rows] @ m_all.T
            sims[doc_of[rows][:, None] == doc_of[None, :]] = -np.inf  # itself and its own document
            top = -np.partition(-sims, k - 1, axis=1)[:, :k]
            finite = np.isfinite(top)
            means = np.where(finite, top, 0.0).sum(axis=1) / np.maximum(finite.sum(axis=1), 1)
            for i, v in zip(rows, means):
                hub[ps_all[i].id] = float(v)
        if not keep:
            self._hub_size = cur.size
        hub = {p.id: hub[p.id] for p in ps_all}  # the passages of this version only
        if todo:  # kept for the next process (and a cold ``rag ask``: :class:`.hubness.HubnessCorrection`)
            KeptHubness(self._hub_size, hub).save(self.mirror, model)
        return hub

    # --- search -------------------------------------------------------------------------------
    def search(self, qvec: np.ndarray, n: int, filters: Filters, lang: Optional[str],
               alpha: float) -> Optional[list[tuple[Passage, float]]]:
        """The ``n`` nearest passages of ``lang`` (all languages when None) less ``alpha`` times their
        hubness, best first; None when the matrices are not ready (the caller asks Chroma)."""
        cur = self._cur
        if cur is None or cur.version != self.mirror.version:
            return None
        if lang and lang not in cur.by_lang:
            return []
        hub = self._hub
        parts = [cur.by_lang[lang]] if lang else list(cur.by_lang.values())
        q = np.asarray(qvec, dtype=np.float32)  # as given: unit length, or less the record's centroid
        out: list[tuple[Passage, float]] = []
        for ps, m in parts:
            sims = m @ q
            if filters.active:
                sims = np.where([filters.allows(p.meta) for p in ps], sims, -np.inf)
            take = min(len(ps), 2 * n if alpha else n)
            idx = np.argpartition(-sims, take - 1)[:take] if take < len(ps) else np.arange(len(ps))
            out += [(ps[i], float(sims[i]) - alpha * hub.get(ps[i].id, 0.0)) for i in idx if np.isfinite(sims[i])]
        out.sort(key=lambda x: -x[1])
        return out[:n]
