"""Building the register from passages, and keeping one register per corpus version.

:func:`build_register` reads a list of passages; :class:`RegisterCache` is a view on the corpus
mirror that hands out the register of the mirror's current version and builds it only when the
version changed, so the briefing, the agreements page (in any interface language) and the chat
read one register, built once per corpus version. :func:`register_cache` finds (or makes) the
one cache of a mirror. A register built is kept beside the node's local index (:mod:`rag.store.kept`), so
the next process on the same corpus version reads it instead of building it.
"""
from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Iterable
from dataclasses import replace
from typing import Optional

from ..records import Passage
from ..store.embeddings import BaseEmbedder
from ..store.kept import Kept, KeptDocuments
from ..store.mirror import Change, CorpusMirror
from .activities import doc_planned, extract_activities
from .agreements import doc_agreements, extract_agreements
from .commitments import doc_units, extract_commitments, renumber
from .corpus import Corpus
from .events import doc_events, extract_events, link_events
from .meaning import meaning_for
from .model import AREAS, Register

log = logging.getLogger(__name__)

KEPT = Kept("register", ("register", "text"))
AGREEMENTS = Kept("agreements", ("register", "text"))  # the agreements alone: all an answer reads of the register
READINGS = "register-readings"  # what each document says on its own (a file of rows by document)


def build_register(passages: Iterable[Passage], version: str = "", embedder: Optional[BaseEmbedder] = None,
                   kept: Optional[KeptDocuments] = None) -> Register:
    """The events, agreements and planned activities of ``passages`` (any order), at corpus ``version``.

    ``embedder`` (optional, the store's): commitments are also matched with later reports by meaning.
    ``kept`` (optional): what each document says on its own is read from there when it was kept for exactly
    its passages, and kept there when it was read again, so a build after a change reads only the documents
    that changed and then puts the record together (see :meth:`.corpus.Corpus.per_doc`)."""
    corpus = Corpus(passages)
    keys = {doc_id: kept.key(*(f"{p.id}\x00{p.text}\x00{p.meta!r}" for p in ps)) for doc_id, ps in corpus.docs.items()} \
        if kept is not None else {}
    if kept is not None:
        corpus.kept = kept.read(keys)
        _read_new_documents(corpus, kept, keys)
    register = _build(corpus, version, embedder)
    if kept is not None and corpus.grown():
        kept.write({doc_id: (keys[doc_id], {**corpus.kept.get(doc_id, {}), **stages})
                    for doc_id, stages in corpus.derived.items()})
        log.info("register: what %d of %d documents report of the record's items kept", len(corpus.derived),
                 len(corpus.docs))
    return register


PER_DOCUMENT = (doc_events, doc_planned, doc_agreements, doc_units)  # what is read from each document on its own
BATCH = 200  # documents read between two writes: a first build of a large record is kept as it goes


def _read_new_documents(corpus: Corpus, kept: KeptDocuments, keys: dict[str, str]) -> None:
    """Read the documents nothing is kept for, keeping them in batches: a first build of a large record that
    is stopped resumes where it was, and its progress is logged."""
    new = [doc_id for doc_id in corpus.docs if doc_id not in corpus.kept]
    t0 = time.perf_counter()
    for i in range(0, len(new), BATCH):
        part = new[i : i + BATCH]
        for doc_id in part:
            for derive in PER_DOCUMENT:
                corpus.per_doc(derive, doc_id)
        kept.write({doc_id: (keys[doc_id], corpus.derived[doc_id]) for doc_id in part})
        for doc_id in part:  # kept now: read back from there by the extractors
            corpus.kept[doc_id] = corpus.derived.pop(doc_id)
        if len(new) > BATCH:
            log.info("register: %d of %d new documents read (%.0f s)", i + len(part), len(new), time.perf_counter() - t0)


def _build(corpus: Corpus, version: str, embedder: Optional[BaseEmbedder]) -> Register:
    agreements, doc_mentions = extract_agreements(corpus)
    activities, added = extract_activities(corpus, agreements, doc_mentions)
    # Items the record files under an agreement ("Theo đó …") add their areas to it.
    agreements = [replace(ag, areas=tuple(sorted((*ag.areas, *added[ag.key]), key=lambda f: AREAS.index(f.key))))
                  if ag.key in added else ag for ag in agreements]
    events = link_events(extract_events(corpus), agreements)
    activities.sort(key=lambda a: (AREAS.index(a.area), a.date or "9999", a.doc_id, a.start))
    commitments = renumber(extract_commitments(corpus, meaning_for(embedder)))
    return Register(version, tuple(events), tuple(agreements), tuple(activities), tuple(commitments))


class RegisterCache:
    """The register of a mirror's current corpus version, built once per version.

    It follows the mirror's version (a :class:`~rag.store.mirror.View`) and builds from the
    mirror's passages taken under the mirror's lock, so they are exactly those of the version it
    records.
    """

    def __init__(self, mirror: CorpusMirror, embedder: Optional[BaseEmbedder] = None):
        self._mirror = weakref.ref(mirror)  # the mirror keeps this view alive, not the reverse
        self.embedder = embedder  # the store's model: commitments also matched by meaning (when tuned for it)
        self._version: Optional[str] = None
        self._register: Optional[Register] = None
        self._agreements: Optional[Register] = None  # a register of the agreements alone (see agreements())
        self._lock = threading.Lock()  # the passages and the register
        self._build_lock = threading.Lock()  # one build at a time
        self.builds = 0  # how many registers were built (one per corpus version read)
        mirror.subscribe(self)

    def apply(self, change: Change) -> None:
        with self._lock:
            self._version = change.version

    def get(self) -> Register:
        """The register of the corpus as stored now (after catching up with the store)."""
        mirror = self._mirror()
        if mirror is None:  # nothing left to build from
            return self._register or Register()
        mirror.refresh()
        with self._build_lock:
            with self._lock:
                if self._register is not None and self._register.version == self._version:
                    return self._register
                version = self._version or ""
            t0 = time.perf_counter()
            kept = KEPT.path(mirror.local_index().path)
            model = self.embedder.fingerprint if self.embedder is not None else ""
            register = KEPT.load(kept, version, model, Register) if version else None
            if register is not None:
                log.info("register of corpus version %s read from %s in %.2f s", version, kept,
                         time.perf_counter() - t0)
            else:
                readings = KeptDocuments(READINGS, ("register", "text"), mirror.local_index().path)
                with mirror.lock:  # the passages of one version, and that version
                    passages = mirror.passages()
                    version = mirror.version or ""
                register = build_register(passages, version, self.embedder, readings)
                if mirror.version == version:
                    readings.keep_only({p.doc_id for p in passages})
                self.builds += 1
                log.info("register of corpus version %s built in %.2f s: %d events, %d agreements, %d activities",
                         version, time.perf_counter() - t0, len(register.events), len(register.agreements),
                         len(register.activities))
                if version and mirror.version == version:  # a whole version only
                    KEPT.save(kept, register, version, model)
            if version and mirror.version == version:
                alone = AGREEMENTS.path(mirror.local_index().path)
                if AGREEMENTS.load(alone, version, model, tuple) is None:
                    AGREEMENTS.save(alone, register.agreements, version, model)
            with self._lock:
                self._register = register
            return register

    def agreements(self) -> Register:
        """A register of the corpus as stored now that holds its agreements only: read from their own small
        file when it is kept, so a question does not load the events, activities and commitments of a
        large record (seconds at 30,000 passages); else the whole register is read or built."""
        mirror = self._mirror()
        if mirror is not None:
            mirror.refresh()
        with self._lock:
            version = self._version or ""
            if self._register is not None and self._register.version == version:
                return Register(version, agreements=self._register.agreements)
            if self._agreements is not None and self._agreements.version == version:
                return self._agreements
        found = None
        if mirror is not None and version:
            model = self.embedder.fingerprint if self.embedder is not None else ""
            found = AGREEMENTS.load(AGREEMENTS.path(mirror.local_index().path), version, model, tuple)
        if found is not None:
            log.info("agreements of corpus version %s read from their own file", version)
        alone = Register(version, agreements=found) if found is not None else \
            Register(version, agreements=self.get().agreements)
        with self._lock:
            self._agreements = alone
        return alone


_CACHES: weakref.WeakKeyDictionary[CorpusMirror, RegisterCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def register_cache(mirror: CorpusMirror, embedder: Optional[BaseEmbedder] = None) -> RegisterCache:
    """The one register cache of ``mirror`` (made on first use); ``embedder`` (the store's, passed by
    the runtime) is kept for the builds from then on."""
    with _CACHES_LOCK:
        cache = _CACHES.get(mirror)
        if cache is None:
            cache = _CACHES[mirror] = RegisterCache(mirror, embedder)
        elif embedder is not None and cache.embedder is None:
            with cache._lock:
                cache.embedder, cache._register = embedder, None  # the next build uses it
        return cache


def current_register(mirror: CorpusMirror) -> Register:
    """The register of the record as ``mirror``'s store holds it now, built once per corpus version."""
    return register_cache(mirror).get()


def current_agreements(mirror: CorpusMirror) -> Register:
    """The agreements of the record as ``mirror``'s store holds it now (a register of them alone)."""
    return register_cache(mirror).agreements()
