"""The corpus mirror: every stored passage in memory, caught up with every write.

One object owns the passages in memory; the keyword index, the register of the record, the
period rewrite of follow-ups and the hubness correction are views on it. Before it is read,
the mirror compares the corpus stamp with the one it last saw and, if another write (in this or
any other process) changed it, reads the manifest and catches up document by document: a
document whose revision changed is read whole (its passage count is checked against the
manifest, and read again if a writer switched it meanwhile), a removed one is dropped. Only the
revision the manifest names is ever visible, so a reader never sees half a document. Views
subscribed to it receive each change.
"""
from __future__ import annotations

import logging
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional, Protocol

from ..records import Passage, Version
from .chroma import Store
from .local import LocalIndex, index_path

log = logging.getLogger(__name__)


@dataclass
class Change:
    """What one catch-up with the store changed."""

    version: str
    added: list[Passage] = field(default_factory=list)
    removed: list[Passage] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


class View(Protocol):
    """Something derived from the mirror's passages, kept up to date change by change."""

    def apply(self, change: Change) -> None: ...


class CorpusMirror:
    """The stored passages in memory, with their families (language versions) indexed."""

    def __init__(self, store: Store):
        self.store = store
        self.version: Optional[str] = None
        self._by_id: dict[str, Passage] = {}
        self._units: dict[tuple[str, int], set[str]] = defaultdict(set)
        self._family_docs: dict[str, set[str]] = defaultdict(set)
        self._docs: dict[str, set[str]] = defaultdict(set)
        self._revs: dict[str, str] = {}  # doc_id -> the revision held
        self._langs: Counter = Counter()  # passages per language
        self._local: Optional[LocalIndex] = None
        self._views: list[View] = []
        self._lock = threading.RLock()

    # --- keeping up ----------------------------------------------------------------------
    def subscribe(self, view: View) -> None:
        """Send ``view`` every change from now on, starting with everything stored."""
        with self._lock:
            self._views.append(view)
            view.apply(Change(self.version or "", added=list(self._by_id.values())))

    def local_index(self) -> LocalIndex:
        """This node's local copy of the corpus (passages and keyword postings), opened on first use."""
        with self._lock:
            if self._local is None:
                self._local = LocalIndex(index_path(self.store.settings), self.store.identity())
            return self._local

    def refresh(self, force: bool = False) -> bool:
        """Catch up with the store if its corpus stamp changed; True when something changed.

        The node's local index is brought to the manifest first (only documents whose revision
        changed are read from Chroma, with the tokens stored at ingest); the mirror then takes
        the changed documents from it, or from Chroma when the local copy is behind.
        """
        with self._lock:
            version = self.store.sync()
            if not force and version == self.version:
                return False
            local = self.local_index()
            if local.stamp() == version:  # this node's copy is complete at this stamp: nothing to read from Chroma
                records = local.records()
            else:
                records = self.store.documents(full=False)
                local.sync(records, lambda recs: self.store.read_documents(recs), stamp=version)
            change = Change(version)
            for d in [d for d in self._revs if d not in records]:
                self._drop_doc(d, change)
            pending = [r for d, r in records.items() if self._revs.get(d) != r.rev]
            many = len(pending) > len(records) // 2
            held = local.passages(None if many else [r.doc_id for r in pending]) if pending else {}
            behind = []
            for rec in pending:
                rev, ps = held.get(rec.doc_id, ("", []))
                if rev == rec.rev and len(ps) == rec.n_passages:
                    self._replace(rec.doc_id, rev, ps, change)
                else:
                    behind.append(rec)
            got = self.store.read_documents(behind) if behind else {}
            for rec, ps in got.values():
                self._replace(rec.doc_id, rec.rev, ps, change)
            if len(got) == len(behind):
                self.version = version
            else:  # a document kept changing while it was read: keep its old version, try next time
                log.warning("documents still changing: %s", ", ".join(r.doc_id for r in behind if r.doc_id not in got))
            self.store.hidden = max(0, self.store.count() - len(self._by_id))
            for view in self._views:
                view.apply(change)
            log.debug("mirror synced: +%d -%d = %d passages", len(change.added), len(change.removed), len(self._by_id))
            return bool(change) or force

    def _replace(self, doc_id: str, rev: str, passages: list[Passage], change: Change) -> None:
        self._drop_doc(doc_id, change)
        for p in passages:
            p.meta.kw = ""  # the tokens live in the local index, not in memory
            self._add(p)
            change.added.append(p)
        self._revs[doc_id] = rev

    def _drop_doc(self, doc_id: str, change: Change) -> None:
        for pid in list(self._docs.get(doc_id, ())):
            change.removed.append(self._remove(pid))
        self._revs.pop(doc_id, None)

    def _add(self, p: Passage) -> None:
        self._by_id[p.id] = p
        self._langs[p.lang] += 1
        self._units[p.unit].add(p.id)
        self._family_docs[p.meta.family_id].add(p.doc_id)
        self._docs[p.doc_id].add(p.id)

    def _remove(self, pid: str) -> Passage:
        p = self._by_id.pop(pid)
        self._langs[p.lang] -= 1
        self._units[p.unit].discard(pid)
        docs = self._docs[p.doc_id]
        docs.discard(pid)
        if not docs:
            del self._docs[p.doc_id]
            self._family_docs[p.meta.family_id].discard(p.doc_id)
        return p

    # --- reading -------------------------------------------------------------------------
    def get(self, pid: str) -> Optional[Passage]:
        return self._by_id.get(pid)

    def __contains__(self, pid: str) -> bool:
        return pid in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def passages(self) -> list[Passage]:
        """Every passage, after catching up with the store."""
        self.refresh()
        with self._lock:
            return list(self._by_id.values())

    def languages(self) -> list[str]:
        with self._lock:
            return sorted(lang for lang, n in self._langs.items() if n > 0)

    def document(self, doc_id: str) -> list[Passage]:
        """One document's passages in order."""
        with self._lock:
            return sorted((self._by_id[i] for i in self._docs.get(doc_id, ())), key=lambda p: p.meta.position)

    def unit(self, family: str, para: int) -> list[Passage]:
        """All passages of a document family at one paragraph (its language versions)."""
        with self._lock:
            return [self._by_id[i] for i in self._units.get((family, para), ()) if i in self._by_id]

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
