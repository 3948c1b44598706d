"""Translations found at ingest: a new document and a stored one become language versions of one family.

After documents are stored, :meth:`Linker.documents_stored` looks, for each, among the stored
documents of every other language for its translation: the nearest documents by their mean
vectors (:class:`rag.store.links.DocumentVectors`), then passage alignment, numbers and ranks
both ways (:mod:`.alignment`). A pair that passes is linked as ``version_of`` would link it:
the translation's passages take the original's family, the paragraph number of the passage
they are aligned with, and ``official: false``, so that retrieval groups them and a citation
shows both. Each link is recorded with its evidence (:class:`rag.store.links.Link`), keyed by
the two document ids; what it changed in the translation is keyed by passage position, so it
survives new revisions. The translation is written again as a new revision of itself (same
texts and vectors, its family and paragraph numbers changed), committed whole like any write,
so every reader (the mirror, each node's local index) catches up as with any other change.

It runs from :data:`rag.ingest.pipeline.GROUP_WRITE_HOOKS` after every committed group of
documents (the app's uploads, the command line, re-ingests, bulk loads: one call per group, by one
linker per store, built and warmed once), and from ``rag-ingest --find-links``.

- Which one is the original: the one whose metadata says it is official when only one does,
  else the earlier dated, else the one stored first.
- It works in both orders: a translation stored before its original is found when the
  original arrives.
- Metadata wins: a document that declares ``version_of`` is never linked by us, nor one whose
  family already has a document in the other's language.
- An editor confirms a link (:meth:`Linker.confirm`, which also links two documents we did
  not) or undoes it (:meth:`Linker.unlink`); an undone pair is remembered and never linked
  again, across any re-ingest.
"""
from __future__ import annotations

import functools
import logging
import threading
import weakref
from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional

import numpy as np
from tqdm import tqdm

from ..records import DocRecord, Passage
from ..store.chroma import StagedDocument, Store, StoreError
from ..store.links import DocumentVector, DocumentVectors, Link, LinkStore, mean_vector
from ..store.manifest import new_rev
from ..text.langs import LANGS
from .alignment import RANK_WITH_NUMBERS, Evidence, align, decide, numbers_in, translation_paragraphs
from .errors import IngestError
from .pipeline import GROUP_WRITE_HOOKS, DocumentWritten, passage_id

log = logging.getLogger(__name__)


@dataclass
class StoredDocument:
    """One stored document as the linker reads it: its passages in order, their vectors and numbers."""

    doc_id: str
    lang: str
    passages: list[Passage]
    vectors: np.ndarray
    numbers: list[Counter]
    rev: str = ""

    @property
    def meta(self):
        return self.passages[0].meta

    @property
    def family(self) -> str:
        return self.meta.family_id

    @property
    def declared_version(self) -> bool:
        return bool(self.meta.version_of)

    @property
    def vector(self) -> np.ndarray:
        return mean_vector(self.vectors)


def _locked(method):
    """One call of the linker at a time (a call keeps what it read in the linker)."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)
    return run


def _order_key(doc: StoredDocument) -> tuple:
    m = doc.meta
    return (m.date or "9999", m.added_at or "9999", doc.doc_id)


class Linker:
    """Finds, records, applies and undoes the translation links of one store.

    One call reads what it needs in batches (passages, vectors, the nearest documents of each
    document in each language) and keeps it for the call; links and families are kept up to
    date in memory as they change.
    """

    def __init__(self, store: Store, links: Optional[LinkStore] = None, vectors: Optional[DocumentVectors] = None):
        self.store = store
        self.links = links or LinkStore(store)
        self.vectors = vectors or DocumentVectors(store)
        self.lock = threading.RLock()  # one call at a time: a call keeps what it read in the linker
        self._ready = False
        self._forget()

    def warm_up(self) -> Linker:
        """Open the link and document-vector collections and compute the vectors of documents
        stored before linking existed (once per store)."""
        with self.lock:
            if not self._ready:
                self._backfill()
                self._ready = True
        return self

    def _forget(self) -> None:
        self._docs: dict[str, Optional[StoredDocument]] = {}
        self._index: Optional[dict[str, tuple[str, str]]] = None  # doc -> (lang, family)
        self._members: dict[str, dict[str, str]] = {}  # family -> lang -> doc
        self._near: dict[tuple[str, str], list[tuple[str, float]]] = {}
        self._links: Optional[dict[str, Link]] = None
        self._applied: set[str] = set()  # links applied in this call
        # Writes wait for the end of the call (Chroma writes are slow one by one).
        self._dirty_docs: set[str] = set()
        self._dirty_families: dict[str, str] = {}
        self._dirty_links: dict[str, Link] = {}
        self._dropped_links: set[str] = set()

    def _flush(self) -> None:
        """Write what this call changed: links and families, then the translations whose family or
        paragraph numbers changed, each as a new revision (one commit: the corpus stamp moves and
        every reader catches up)."""
        if self._dirty_families:
            self.vectors.set_families(self._dirty_families)
        if self._dirty_links:
            self.links.put_many(list(self._dirty_links.values()))
        self.links.delete_many(sorted(self._dropped_links - set(self._dirty_links)))
        self._rewrite(sorted(self._dirty_docs))
        self._dirty_docs, self._dirty_families, self._dirty_links = set(), {}, {}
        self._dropped_links = set()

    def _rewrite(self, doc_ids: list[str]) -> None:
        """Commit documents as new revisions of themselves (same texts and vectors, new metadata)."""
        if not doc_ids:
            return
        current = self.store.documents(doc_ids, full=False)
        staged = []
        for d in doc_ids:
            doc = self._docs.get(d)
            if doc is None or d not in current:
                continue
            if current[d].rev != doc.rev:  # another writer changed it meanwhile: its hook links it again
                log.info("%s changed while it was linked: left to the next write", d)
                continue
            rev = new_rev()
            ps = [Passage(passage_id(d, rev, p.meta.position, p.text), p.text, replace(p.meta, rev=rev))
                  for p in doc.passages]
            staged.append(StagedDocument(DocRecord(d, rev, len(ps), ps[0].meta), ps, doc.vectors))
            doc.passages, doc.rev = ps, rev
        if staged:
            self.store.commit(staged)

    # --- reading the store, in batches -------------------------------------------------------
    def _load(self, doc_ids) -> None:
        """Read documents whole at their visible revisions (with their passages' vectors)."""
        todo = [d for d in dict.fromkeys(doc_ids) if d not in self._docs]
        for i in range(0, len(todo), 200):
            part = todo[i : i + 200]
            got = self.store.read_documents(list(self.store.documents(part, full=False).values()))
            vecs = self.store.embeddings([p.id for _, ps in got.values() for p in ps])
            for d in part:
                rec, ps = got.get(d, (None, []))
                ps = sorted((p for p in ps if p.id in vecs), key=lambda p: p.meta.position)
                self._docs[d] = StoredDocument(d, ps[0].meta.doc_lang, ps, np.stack([vecs[p.id] for p in ps]),
                                               [numbers_in(p.text) for p in ps], rec.rev) if ps else None

    def _doc(self, doc_id: str) -> Optional[StoredDocument]:
        self._load([doc_id])
        return self._docs[doc_id]

    def _all_links(self) -> dict[str, Link]:
        if self._links is None:
            self._links = {x.key: x for x in self.links.all()}
        return self._links

    def _links_of(self, doc_id: str) -> list[Link]:
        return [x for x in self._all_links().values() if x.involves(doc_id)]

    def _put(self, link: Link) -> None:
        self._dirty_links[link.key] = link
        self._dropped_links.discard(link.key)
        self._all_links()[link.key] = link

    def _drop(self, link: Link) -> None:
        self._dirty_links.pop(link.key, None)
        self._dropped_links.add(link.key)
        self._all_links().pop(link.key, None)

    def _families(self) -> dict[str, dict[str, str]]:
        """family -> language -> document, for every stored document."""
        if self._index is None:
            self._index = self.vectors.index()
            self._members = {}
            for d, (lang, fam) in self._index.items():
                self._members.setdefault(fam, {})[lang] = d
        return self._members

    def _family_langs(self, family: str) -> dict[str, str]:
        """Language -> document, of the documents in one family."""
        return dict(self._families().get(family, {}))

    def _set_family(self, doc_id: str, family: str) -> None:
        self._dirty_families[doc_id] = family
        members = self._families()
        lang, old = self._index.get(doc_id, ("", doc_id))
        if lang:
            members.get(old, {}).pop(lang, None)
            members.setdefault(family, {})[lang] = doc_id
            self._index[doc_id] = (lang, family)

    def _nearest(self, docs: list[StoredDocument], lang: str) -> None:
        """The documents in ``lang`` nearest to each of ``docs`` (one batched query)."""
        todo = [d for d in docs if (d.doc_id, lang) not in self._near and d.lang != lang]
        found = self.vectors.nearest([d.vector for d in todo], RANK_WITH_NUMBERS + 1, lang)
        for d, near in zip(todo, found):
            self._near[(d.doc_id, lang)] = near

    def _near_of(self, doc: StoredDocument, lang: str) -> list[tuple[str, float]]:
        self._nearest([doc], lang)
        return self._near.get((doc.doc_id, lang), [])

    def _backfill(self) -> None:
        """Document vectors for documents stored before linking existed (once per store)."""
        if self.vectors.count() > 0:
            return
        ids = sorted(self.store.documents(full=False))
        if ids:
            log.info("computing document vectors of %d stored documents", len(ids))
        self._store_vectors(ids)

    def _store_vectors(self, doc_ids: list[str]) -> None:
        self._load(doc_ids)
        docs = [d for d in (self._docs[i] for i in doc_ids) if d is not None]
        self.vectors.put_many([DocumentVector(d.doc_id, d.lang, d.family, d.vector) for d in docs])
        self._index = None

    # --- the ingest hook -------------------------------------------------------------------
    @_locked
    def documents_stored(self, doc_ids: list[str], bar: bool = False) -> list[Link]:
        """After documents were added or updated: refresh their vectors, re-apply their links, find new ones."""
        self._forget()
        ids = list(dict.fromkeys(doc_ids))
        self._backfill()
        self._store_vectors(ids)
        docs = [d for d in (self._docs[i] for i in ids) if d is not None]
        # The nearest documents of each new one in every other language, then of those candidates
        # back in the new one's language: a few batched queries instead of several per document.
        for lang in LANGS:
            self._nearest(docs, lang)
        cands = {c for (_, _), near in self._near.items() for c, _ in near[:RANK_WITH_NUMBERS]}
        self._load(cands)
        for lang in LANGS:
            self._nearest([self._docs[c] for c in cands if self._docs.get(c) is not None], lang)
        made: dict[str, Link] = {}
        for d in tqdm(docs, desc="translations", unit="doc", disable=not bar or len(docs) < 50, leave=False):
            made.update((x.key, x) for x in self._settle(d.doc_id))
        self._flush()
        return list(made.values())

    @_locked
    def document_removed(self, doc_id: str) -> None:
        """After a document was removed: its vector goes, its translations stand alone again."""
        self._forget()
        self.vectors.delete(doc_id)
        for link in self._links_of(doc_id):
            if link.status == "undone":
                continue  # the editor's "no" outlives the documents
            if link.active and link.original == doc_id:
                self._unapply(link)
            self._drop(link)
        self._flush()

    def _settle(self, doc_id: str) -> list[Link]:
        made = []
        for link in [x for x in self._links_of(doc_id) if x.active]:
            if link.key in self._applied:
                made.append(link)  # made or re-applied in this call already
                continue
            kept = self._reapply(link)
            if kept:
                made.append(kept)
        doc = self._doc(doc_id)
        if doc is None or doc.declared_version:
            return made
        if any(x.translation == doc_id and x.active for x in self._links_of(doc_id)):
            return made  # already a translation of something
        for lang in LANGS:
            if lang == doc.lang or lang in self._family_langs(doc.family):
                continue
            link = self._search(doc, lang)
            if link is not None:
                made.append(link)
                doc = self._doc(doc_id)
                if doc is None or doc.family != doc_id:
                    break  # it became a translation: its family is now the other's
        return made

    # --- finding a translation -------------------------------------------------------------
    def _search(self, doc: StoredDocument, lang: str) -> Optional[Link]:
        undone = {x.other(doc.doc_id) for x in self._links_of(doc.doc_id) if x.status == "undone"}
        best: Optional[tuple[tuple, StoredDocument, Evidence]] = None
        for other_id, _ in self._near_of(doc, lang)[:RANK_WITH_NUMBERS]:
            if other_id in undone:
                continue
            other = self._doc(other_id)
            if other is None or not self._may_join(doc, other):
                continue
            ev = self.evidence(doc, other)
            ok, why = decide(ev)
            log.debug("translation? %s ~ %s: %s (%s)", doc.doc_id, other_id, ok, why)
            if ok:
                key = (why == "nearest_both", ev.numbers, ev.score)
                if best is None or key > best[0]:
                    best = (key, other, ev)
        if best is None:
            return None
        return self._create(doc, best[1], best[2], status="auto", by="ingest")

    def _may_join(self, a: StoredDocument, b: StoredDocument) -> bool:
        """Whether a and b may become versions of one family, as far as the metadata goes."""
        if a.lang == b.lang or a.family == b.family:
            return False
        fa, fb = self._family_langs(a.family), self._family_langs(b.family)
        if (a.declared_version and len(fa) < 2) or (b.declared_version and len(fb) < 2):
            return False  # a declared translation whose original is not stored: metadata says whose it is
        if len(fa) > 1 and len(fb) > 1:
            return False  # two families: an editor merges them, not us
        return not (set(fa) & set(fb))

    def evidence(self, a: StoredDocument, b: StoredDocument) -> Evidence:
        """Alignment, numbers, ranks both ways and margin of two stored documents."""
        ev = align(a.vectors @ b.vectors.T, a.numbers, b.numbers)
        if ev.aligned <= 1:  # one cosine of evidence: the two must at least be about as long
            sizes = sorted(sum(len(" ".join(p.text.split())) for p in d.passages) for d in (a, b))
            ev.length_ratio = sizes[1] / max(sizes[0], 1)
        near_ab, near_ba = self._near_of(a, b.lang), self._near_of(b, a.lang)
        ev.rank_ab = 1 + next((i for i, (d, _) in enumerate(near_ab) if d == b.doc_id), 98)
        ev.rank_ba = 1 + next((i for i, (d, _) in enumerate(near_ba) if d == a.doc_id), 98)
        rival_ab = [s for d, s in near_ab if d != b.doc_id]
        rival_ba = [s for d, s in near_ba if d != a.doc_id]
        if rival_ab and rival_ba:
            ev.margin = float(a.vector @ b.vector) - max(rival_ab[0], rival_ba[0])
        if ev.numbers < 0 and not (ev.rank_ab == ev.rank_ba == 1 and (ev.margin or 0.0) >= 0):
            ev.align_margin = self._align_margin(a, b, ev.score, near_ab, near_ba)
        return ev

    def _align_margin(self, a: StoredDocument, b: StoredDocument, score: float, near_ab, near_ba) -> Optional[float]:
        """How much better a and b align passage by passage than either aligns with its rivals
        (the other documents among the 3 nearest, both ways); None without a rival."""
        rivals = []
        for me, near, other in ((a, near_ab, b), (b, near_ba, a)):
            for d, _ in near[:RANK_WITH_NUMBERS]:
                rival = self._doc(d) if d != other.doc_id else None
                if rival is not None:
                    rivals.append(align(me.vectors @ rival.vectors.T, me.numbers, rival.numbers).score)
        return score - max(rivals) if rivals else None

    # --- making, applying and undoing links ----------------------------------------------------
    def _create(self, a: StoredDocument, b: StoredDocument, ev: Evidence, status: str, by: str) -> Link:
        fa, fb = self._family_langs(a.family), self._family_langs(b.family)
        if len(fa) > 1:  # a has versions already: b joins a's family
            original, translation = a, b
        elif len(fb) > 1:
            original, translation = b, a
        elif a.meta.official != b.meta.official:
            original, translation = (a, b) if a.meta.official else (b, a)
        else:
            original, translation = sorted((a, b), key=_order_key)
        root = self._doc(original.family) if original.family != original.doc_id else original
        link = Link((root or original).doc_id, translation.doc_id, status=status, share=round(ev.share, 4),
                    score=round(ev.score, 4), numbers=round(ev.numbers, 4),
                    margin=round(ev.margin, 4) if ev.margin is not None else 0.0, aligned=ev.aligned, by=by)
        self._apply(link)
        log.info("linked %s as a translation of %s (%s)", link.translation, link.original, status)
        return link

    def _reapply(self, link: Link) -> Optional[Link]:
        """Apply a stored link again after one of its documents changed; an automatic link that no
        longer holds is dropped."""
        original, translation = self._doc(link.original), self._doc(link.translation)
        if original is None or translation is None:
            return None
        if link.status == "auto" and not decide(self.evidence(translation, original))[0]:
            self._unapply(link)
            self._drop(link)
            log.info("link %s ~ %s no longer holds: removed", link.original, link.translation)
            return None
        self._apply(link)
        return link

    def _apply(self, link: Link) -> None:
        """Mark the translation's passages as versions of the original's paragraphs and record the link."""
        original, translation = self._doc(link.original), self._doc(link.translation)
        if original is None or translation is None:
            return
        if translation.family == translation.doc_id:  # its own values, to restore on undo
            link.own_paras = {p.meta.position: p.meta.para for p in translation.passages}
            link.own_official = translation.meta.official
        ev = align(translation.vectors @ original.vectors.T, translation.numbers, original.numbers)
        paras = translation_paragraphs(ev.path, [p.meta.para for p in original.passages], len(translation.passages))
        for p, para in zip(translation.passages, paras):
            if (p.meta.family_id, p.meta.para, p.meta.official) != (original.family, para, False):
                p.meta.family, p.meta.para, p.meta.official = original.family, para, False
                self._dirty_docs.add(translation.doc_id)
        self._set_family(translation.doc_id, original.family)
        link.aligned = ev.aligned
        self._put(link)
        self._applied.add(link.key)

    def _unapply(self, link: Link) -> None:
        translation = self._doc(link.translation)
        if translation is None or translation.family == translation.doc_id:
            return
        for p in translation.passages:
            p.meta.family = translation.doc_id
            p.meta.para = link.own_paras.get(p.meta.position, p.meta.para)
            p.meta.official = link.own_official
        self._dirty_docs.add(translation.doc_id)
        self._set_family(translation.doc_id, translation.doc_id)
        self._applied.discard(link.key)

    # --- the editor ------------------------------------------------------------------------
    def all(self) -> list[Link]:
        return self.links.all()

    @_locked
    def confirm(self, a: str, b: str) -> Link:
        """An editor says a and b are language versions: confirm our link, or make it."""
        self._forget()
        da, db = self._require(a), self._require(b)
        link = self.links.get(a, b)
        if link is not None and link.active:
            link.status, link.by = "confirmed", "editor"
            self._apply(link)
            self._flush()
            return link
        if da.lang == db.lang:
            raise IngestError("link_same_language", a=a, b=b)
        if not self._may_join(da, db):
            raise IngestError("link_other_family", a=a, b=b)
        if link is not None:
            self._drop(link)
        link = self._create(da, db, self.evidence(da, db), status="confirmed", by="editor")
        self._flush()
        return link

    @_locked
    def unlink(self, a: str, b: str) -> Link:
        """An editor says a and b are not language versions: undo the link and never make it again."""
        self._forget()
        self._require(a)
        self._require(b)
        link = self.links.get(a, b)
        if link is None:
            link = Link(a, b, status="undone", by="editor")
        elif link.active:
            self._unapply(link)
        link.status, link.by = "undone", "editor"
        self._put(link)
        self._flush()
        return link

    def _require(self, doc_id: str) -> StoredDocument:
        doc = self._doc(doc_id)
        if doc is None:
            raise IngestError("no_such_document", id=doc_id)
        return doc


_LINKERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LINKERS_LOCK = threading.Lock()


def linker_for(store: Store) -> Linker:
    """The store's linker, built and warmed once and kept as long as the store (each call still
    reads the store afresh: other writers' changes are seen)."""
    with _LINKERS_LOCK:
        linker = _LINKERS.get(store)
        if linker is None:
            linker = _LINKERS[store] = Linker(store)
    return linker.warm_up()


def link_stored(store: Store, doc_ids: list[str], bar: bool = False) -> list[Link]:
    """Find the translations of documents just added or updated (if enabled)."""
    if not doc_ids or not store.settings.link_translations:
        return []
    return linker_for(store).documents_stored(doc_ids, bar=bar)


def link_unseen(store: Store, bar: bool = False) -> list[str]:
    """Documents stored that the linker never looked at (no document vector: a run was stopped after
    committing them and before their linking) look for their translations now. Returns their ids."""
    if not store.settings.link_translations:
        return []
    linker = linker_for(store)
    unseen = sorted(set(store.documents(full=False)) - linker.vectors.ids())
    if unseen:
        log.info("%d stored documents were never looked at for translations: linking them now", len(unseen))
        linker.documents_stored(unseen, bar=bar)
    return unseen


def after_writes(store: Store, written: list[DocumentWritten]) -> None:
    """The write hook, once per committed group: the documents added or updated look for their
    translations (and keep their links), together; a removed one's translations stand alone
    again. An error is logged: the documents stay stored."""
    if not store.settings.link_translations or not written:
        return
    try:
        linker = linker_for(store)
        for w in written:
            if w.status == "removed":
                linker.document_removed(w.doc_id)
        stored = [w.doc_id for w in written if w.status != "removed"]
        if stored:
            linker.documents_stored(stored)
    except StoreError as exc:
        log.warning("translations of %s not looked for: %s", ", ".join(w.doc_id for w in written), exc)


if after_writes not in GROUP_WRITE_HOOKS:
    GROUP_WRITE_HOOKS.append(after_writes)
