"""The corpus mirror: every stored passage in memory, caught up with every write.

One object owns the passages in memory; the keyword index, the register of the record, the
period rewrite of follow-ups and the hubness correction are views on it. Before it is read,
the mirror compares the collection's ``corpus_version`` stamp with the one it last saw and,
if another write (in this or any other process) changed it, adds the new passage ids, drops
the removed ones and refreshes metadata; views subscribed to it receive each change.
"""
from __future__ import annotations

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional, Protocol

from ..records import Passage, Version
from .chroma import Store

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
        self._views: list[View] = []
        self._lock = threading.RLock()

    # --- keeping up ----------------------------------------------------------------------
    def subscribe(self, view: View) -> None:
        """Send ``view`` every change from now on, starting with everything stored."""
        with self._lock:
            self._views.append(view)
            view.apply(Change(self.version or "", added=list(self._by_id.values())))

    def refresh(self, force: bool = False) -> bool:
        """Catch up with the store if its corpus stamp changed; True when something changed."""
        with self._lock:
            version = self.store.corpus_version()
            if not force and version == self.version:
                return False
            ids = set(self.store.all_ids())
            change = Change(version)
            for i in [i for i in self._by_id if i not in ids]:
                change.removed.append(self._remove(i))
            new = [i for i in ids if i not in self._by_id]
            for p in self.store.get(ids=new):
                self._add(p)
                change.added.append(p)
            # Metadata (titles, dates) can change without the text: refresh it.
            kept = [i for i in ids if i in self._by_id and i not in set(new)]
            for p in self.store.get(ids=kept, documents=False):
                old = self._by_id.get(p.id)
                if old is not None and old.meta != p.meta:
                    change.removed.append(old)
                    self._remove(p.id)
                    fresh = Passage(p.id, old.text, p.meta)
                    self._add(fresh)
                    change.added.append(fresh)
            self.version = version
            for view in self._views:
                view.apply(change)
            log.debug("mirror synced: +%d -%d = %d passages", len(change.added), len(change.removed), len(self._by_id))
            return True

    def _add(self, p: Passage) -> None:
        self._by_id[p.id] = p
        self._units[p.unit].add(p.id)
        self._family_docs[p.meta.family_id].add(p.doc_id)
        self._docs[p.doc_id].add(p.id)

    def _remove(self, pid: str) -> Passage:
        p = self._by_id.pop(pid)
        self._units[p.unit].discard(pid)
        docs = self._docs[p.doc_id]
        docs.discard(pid)
        if not docs:
            del self._docs[p.doc_id]
        # A document leaves a family when none of its passages is left in it (it was removed,
        # or linked to / unlinked from another family).
        if not any(self._by_id[i].meta.family_id == p.meta.family_id for i in docs):
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
            return sorted({p.lang for p in self._by_id.values()})

    def document(self, doc_id: str) -> list[Passage]:
        """One document's passages in order."""
        with self._lock:
            return sorted((self._by_id[i] for i in self._docs.get(doc_id, ())), key=lambda p: p.meta.position)

    def unit(self, family: str, para: int) -> list[Passage]:
        """All passages of a document family at one paragraph (its language versions)."""
        with self._lock:
            return [self._by_id[i] for i in self._units.get((family, para), ()) if i in self._by_id]

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
