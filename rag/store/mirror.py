"""The corpus mirror: where every stored passage sits, in memory, caught up with every write; the
passages themselves read when first asked for.

One object owns the record's layout in memory (documents, language versions, paragraphs,
languages); the keyword index, the register of the record, the period rewrite of follow-ups and
the hubness correction are views on it. Before it is read, the mirror compares the corpus stamp
with the one it last saw and, if another write (in this or any other process) changed it, reads
the manifest and catches up document by document: a document whose revision changed is outlined
again from this node's local index (read whole from Chroma when the local copy is behind; its
passage count is checked against the manifest, and read again if a writer switched it
meanwhile), a removed one is dropped. Only the revision the manifest names is ever visible, so a
reader never sees half a document.

A document's passages (text and metadata) are read from the local index on first use
(:meth:`get`, :meth:`document`, :meth:`unit`; :meth:`passages` reads them all), so a process that
answers one question on a large record reads the documents it cites, not the record. Should the
local index have moved on meanwhile (another process caught it up), the mirror catches up first.
Views subscribed to it receive each change.
"""
from __future__ import annotations

import logging
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Optional, Protocol

from ..records import Passage, Version
from .chroma import Store
from .local import LocalIndex, Outline, index_path

log = logging.getLogger(__name__)


@dataclass
class Change:
    """What one catch-up with the store changed: passage ids added and removed."""

    version: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


class View(Protocol):
    """Something derived from the mirror's passages, kept up to date change by change."""

    def apply(self, change: Change) -> None: ...


class CorpusMirror:
    """The stored passages' layout in memory, their families (language versions) indexed, and the
    passages read so far."""

    def __init__(self, store: Store):
        self.store = store
        self.version: Optional[str] = None
        self._doc_of: dict[str, str] = {}  # every passage held: its document
        self._lang_of: dict[str, str] = {}  # every passage held: its own language
        self._by_id: dict[str, Passage] = {}  # the passages read so far
        self._unread: set[str] = set()  # documents whose passages are not read yet
        self._family_docs: dict[str, set[str]] = defaultdict(set)
        self._docs: dict[str, Outline] = {}
        self._revs: dict[str, str] = {}  # doc_id -> the revision held
        self._langs: Counter = Counter()  # passages per language
        self._local: Optional[LocalIndex] = None
        self._views: list[View] = []
        self._lock = threading.RLock()

    @property
    def lock(self) -> threading.RLock:
        """Held while the mirror changes: hold it to read several things of one corpus version."""
        return self._lock

    # --- keeping up ----------------------------------------------------------------------
    def subscribe(self, view: View) -> None:
        """Send ``view`` every change from now on, starting with everything stored."""
        with self._lock:
            self._views.append(view)
            view.apply(Change(self.version or "", added=list(self._doc_of)))

    def local_index(self) -> LocalIndex:
        """This node's local copy of the corpus (passages and keyword postings), opened on first use."""
        with self._lock:
            if self._local is None:
                self._local = LocalIndex(index_path(self.store.settings), self.store.identity())
            return self._local

    def refresh(self, force: bool = False) -> bool:
        """Catch up with the store if its corpus stamp changed; True when something changed.

        The node's local index is brought to the manifest first (only documents whose revision
        changed are read from Chroma, with the tokens stored at ingest); the mirror then outlines
        the changed documents from it, or reads them from Chroma when the local copy is behind.
        """
        with self._lock:
            version = self.store.sync()
            if not force and version == self.version:
                return False
            local = self.local_index()
            change = Change(version)
            if not self._docs and local.stamp() == version:  # a cold start on a complete copy: outline it whole
                for out in local.outlines().values():
                    self._outline(out, change)
                self.version = version
            else:
                self._catch_up(local, version, change)
            for view in self._views:
                view.apply(change)
            log.debug("mirror synced: +%d -%d = %d passages", len(change.added), len(change.removed), len(self._doc_of))
            return bool(change) or force

    def _catch_up(self, local: LocalIndex, version: str, change: Change) -> None:
        """Bring what is held to corpus ``version``: the documents whose revision changed."""
        if local.stamp() == version:  # this node's copy is complete at this stamp: nothing to read from Chroma
            records = local.records()
        else:
            records = self.store.documents(full=False)
            local.sync(records, lambda recs: self.store.read_documents(recs), stamp=version)
        for d in [d for d in self._revs if d not in records]:
            self._drop_doc(d, change)
        pending = [r for d, r in records.items() if self._revs.get(d) != r.rev]
        many = len(pending) > len(records) // 2
        held = local.outlines(None if many else [r.doc_id for r in pending]) if pending else {}
        behind = []
        for rec in pending:
            out = held.get(rec.doc_id)
            if out is not None and out.rev == rec.rev and len(out.ids) == rec.n_passages:
                self._outline(out, change)
            else:
                behind.append(rec)
        got = self.store.read_documents(behind) if behind else {}
        for rec, ps in got.values():
            self._replace(rec.doc_id, rec.rev, ps, change)
        if len(got) == len(behind):
            self.version = version
        else:  # a document kept changing while it was read: keep its old version, try next time
            log.warning("documents still changing: %s", ", ".join(r.doc_id for r in behind if r.doc_id not in got))

    def _outline(self, out: Outline, change: Change) -> None:
        """Hold a document's outline; its passages are read on first use."""
        self._drop_doc(out.doc_id, change)
        self._docs[out.doc_id] = out
        self._doc_of.update(dict.fromkeys(out.ids, out.doc_id))
        self._lang_of.update(zip(out.ids, out.langs))
        self._langs.update(out.langs)
        self._family_docs[out.family_id].add(out.doc_id)
        change.added += out.ids
        self._revs[out.doc_id] = out.rev
        self._unread.add(out.doc_id)

    def _replace(self, doc_id: str, rev: str, passages: list[Passage], change: Change) -> None:
        """Hold a document read whole."""
        for p in passages:
            p.meta.kw = ""  # the tokens live in the local index, not in memory
        self._outline(Outline.of(doc_id, rev, passages), change)
        self._by_id.update((p.id, p) for p in passages)
        self._unread.discard(doc_id)

    def _drop_doc(self, doc_id: str, change: Change) -> None:
        out = self._docs.pop(doc_id, None)
        if out is not None:
            for pid in out.ids:
                self._doc_of.pop(pid, None)
                self._lang_of.pop(pid, None)
                self._by_id.pop(pid, None)
            self._langs.subtract(out.langs)
            family = self._family_docs.get(out.family_id)
            if family is not None:
                family.discard(doc_id)
                if not family:
                    del self._family_docs[out.family_id]
            change.removed += out.ids
        self._revs.pop(doc_id, None)
        self._unread.discard(doc_id)

    def _read(self, doc_ids: Iterable[str], again: bool = True) -> None:
        """Read the passages of these documents if they are not read yet (from the local index, at the
        revision outlined). A document the local index holds at another revision by now was changed by
        another process: the mirror catches up with the store (views are told), then reads it."""
        with self._lock:
            want = [d for d in dict.fromkeys(doc_ids) if d in self._unread]
            if not want:
                return
            many = len(want) > max(1, len(self._unread) // 2)
            held = self.local_index().passages(None if many else want)
            moved = []
            for d in want:
                rev, ps = held.get(d, ("", []))
                out = self._docs.get(d)
                if out is not None and rev == out.rev and sorted(p.id for p in ps) == sorted(out.ids):
                    for p in ps:
                        p.meta.kw = ""
                        self._by_id[p.id] = p
                    self._unread.discard(d)
                else:
                    moved.append(d)
            if moved and again:
                log.info("%d document(s) changed since this process outlined them: catching up", len(moved))
                self.refresh(force=True)
                self._read(moved, again=False)
            elif moved:  # changing faster than it can be read: served without them until the next catch-up
                log.warning("documents still changing: %s", ", ".join(moved))

    # --- reading -------------------------------------------------------------------------
    def get(self, pid: str) -> Optional[Passage]:
        with self._lock:
            doc_id = self._doc_of.get(pid)
            if doc_id is None:
                return None
            if pid not in self._by_id:
                self._read([doc_id])
            return self._by_id.get(pid)

    def prefetch(self, pids: Iterable[str]) -> None:
        """Read the documents of these passages now, in one go (before a loop of :meth:`get`)."""
        with self._lock:
            self._read(self._doc_of[i] for i in pids if i in self._doc_of)

    def read_documents(self) -> set[str]:
        """The documents whose passages are in memory (the others are outlined only)."""
        with self._lock:
            return set(self._docs) - self._unread

    def doc_of(self, pid: str) -> Optional[str]:
        """The document a passage belongs to (None if not held), without reading it."""
        return self._doc_of.get(pid)

    def lang_of(self, pid: str) -> Optional[str]:
        """A passage's own language (None if not held), without reading it."""
        return self._lang_of.get(pid)

    def doc_language(self, doc_id: str) -> str:
        """A document's language ('' if not held), without reading it."""
        out = self._docs.get(doc_id)
        return out.doc_lang if out is not None else ""

    def __contains__(self, pid: str) -> bool:
        return pid in self._doc_of

    def __len__(self) -> int:
        return len(self._doc_of)

    def passages(self) -> list[Passage]:
        """Every passage, after catching up with the store (reads those not read yet)."""
        self.refresh()
        with self._lock:
            self._read(list(self._unread))
            return list(self._by_id.values())

    def languages(self) -> list[str]:
        with self._lock:
            return sorted(lang for lang, n in self._langs.items() if n > 0)

    def document(self, doc_id: str) -> list[Passage]:
        """One document's passages in order."""
        with self._lock:
            self._read([doc_id])
            out = self._docs.get(doc_id)
            return sorted((self._by_id[i] for i in (out.ids if out else ()) if i in self._by_id),
                          key=lambda p: p.meta.position)

    def unit(self, family: str, para: int) -> list[Passage]:
        """All passages of a document family at one paragraph (its language versions)."""
        with self._lock:
            docs = list(self._family_docs.get(family, ()))
            self._read(docs)
            return [p for d in docs if d in self._docs for i in self._docs[d].ids  # (one removed meanwhile: gone)
                    if (p := self._by_id.get(i)) is not None and p.unit == (family, para)]

    def family_documents(self, family: str) -> list[str]:
        """The documents (language versions) of one family, by id."""
        with self._lock:
            return sorted(self._family_docs.get(family, ()))

    def has_versions(self, family: str) -> bool:
        """True when more than one document (language version) shares this family."""
        return len(self._family_docs.get(family, ())) > 1

    def versions_of(self, p: Passage, exclude_doc: Optional[str] = None) -> list[Version]:
        """The same paragraph in the other documents of its family, one Version per document."""
        by_doc: dict[str, list[Passage]] = defaultdict(list)
        for q in self.unit(*p.unit):
            if q.doc_id != (exclude_doc or p.doc_id):
                by_doc[q.doc_id].append(q)
        return [Version.of(qs) for qs in by_doc.values()]
