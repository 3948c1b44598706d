"""Writing to the store: documents committed whole, garbage collected, writers taking turns.

A mixin of :class:`rag.store.chroma.Store` (kept apart to keep each file short).
"""
from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..records import DocRecord, Passage
from .client import BATCH, ChromaEmbeddingAdapter, StoreError
from .locks import LockTimeout, ServerDocLock
from .manifest import ManifestChange

log = logging.getLogger(__name__)

CRASH_ENV = "INGEST_CRASH_AT"
_crash_counts: dict[str, int] = {}


def crash_point(name: str) -> None:
    """Fault injection for the crash tests: ``INGEST_CRASH_AT=staged:2`` kills this process with
    SIGKILL the 2nd time it reaches point ``staged`` (points: embedded, staged, switched)."""
    want = os.environ.get(CRASH_ENV)
    if not want:
        return
    point, _, nth = want.partition(":")
    if point != name:
        return
    _crash_counts[name] = _crash_counts.get(name, 0) + 1
    if _crash_counts[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass
class StagedDocument:
    """One document ready to commit: its manifest record and its passages with their vectors."""

    record: DocRecord
    passages: list[Passage]
    vectors: np.ndarray

    @property
    def doc_id(self) -> str:
        return self.record.doc_id


class StoreWrites:
    """Writes of :class:`~rag.store.chroma.Store` (it provides the connection and the reads)."""

    # --- writes --------------------------------------------------------------------------
    def _saw(self, stamp: str) -> None:
        shared = self._shared
        if shared is not None:
            shared.seen = stamp

    @contextlib.contextmanager
    def writing(self):
        """Hold the folder's write lock (a server needs none); reopen first if another process wrote."""
        shared = self._shared
        if shared is None:
            self.warm_up()
            yield self
            return
        try:
            held = shared.lock.held(self._lock_timeout(), "ingest")
            held.__enter__()
        except LockTimeout as exc:
            raise StoreError(str(exc)) from None
        try:
            self._current()
            if self._manifest.stamp() != shared.seen:
                # Another process committed since we opened: our vector index is stale, and saving
                # it would lose their vectors.
                self._connect(fresh=True)
            yield self
        finally:
            held.__exit__(None, None, None)

    def _doc_locks(self, doc_ids: Iterable[str]) -> contextlib.ExitStack:
        stack = contextlib.ExitStack()
        if self.settings.uses_server:
            ef = ChromaEmbeddingAdapter(self.embedder)
            try:
                for d in sorted(set(doc_ids)):
                    stack.enter_context(ServerDocLock(self._client, self.settings.collection, d, ef,
                                                      self._lock_timeout()))
            except LockTimeout as exc:
                stack.close()
                raise StoreError(str(exc)) from None
        return stack

    def add(self, passages: list[Passage], embeddings: np.ndarray) -> None:
        """Write passages with their vectors (an id already stored is overwritten). Low level:
        documents are written with :meth:`commit`."""
        if not passages:
            return
        vecs = np.asarray(embeddings, dtype=np.float32)
        for i in range(0, len(passages), BATCH):
            part = passages[i : i + BATCH]
            self.collection.upsert(
                ids=[p.id for p in part],
                documents=[p.text for p in part],
                metadatas=[p.meta.to_store() for p in part],
                embeddings=vecs[i : i + BATCH],
            )

    def _drop_other_revisions(self, keep: dict[str, str]) -> int:
        """Delete the passages of these documents whose revision is not ``keep[doc_id]``."""
        ids: list[str] = []
        docs = list(keep)
        for i in range(0, len(docs), 200):
            part = docs[i : i + 200]
            cond = {"doc_id": part[0]} if len(part) == 1 else {"doc_id": {"$in": part}}
            ids += [p.id for p in self._all_passages(cond, documents=False) if p.meta.rev != keep.get(p.doc_id)]
        for i in range(0, len(ids), BATCH):
            self.collection.delete(ids=ids[i : i + BATCH])
        return len(ids)

    def commit(self, docs: list[StagedDocument], removed: Iterable[str] = ()) -> str:
        """Write documents whole: stage their passages under their new revision, switch the manifest
        (and the corpus stamp) in one write, then delete every other revision of them. Documents in
        ``removed`` disappear in the same switch. Returns the new stamp."""
        removed = list(removed)
        with self.writing(), self._doc_locks([d.doc_id for d in docs] + removed):
            # One upsert for all the documents (in BATCH slices): each call to Chroma costs about a fifth
            # of a second whatever its size, so writing document by document made ingest ten times slower.
            written = [d for d in docs if d.passages]
            if written:
                self.add([p for d in written for p in d.passages],
                         np.concatenate([np.asarray(d.vectors, dtype=np.float32).reshape(len(d.passages), -1)
                                         for d in written]))
            crash_point("staged")
            stamp = self.manifest.write(ManifestChange([d.record for d in docs], removed))
            self._saw(stamp)
            crash_point("switched")
            self._drop_other_revisions({**{d: "\x00none" for d in removed}, **{d.doc_id: d.record.rev for d in docs}})
            if removed:
                self.manifest.forget(removed)
        return stamp

    def collect_garbage(self, dry_run: bool = False) -> dict[str, int]:
        """Passages no reader can see (a killed write's staged revision, a replaced revision not yet
        deleted, a removed document's rest) and leftover tombstones: counted, and deleted unless
        ``dry_run``. Returns {doc_id: passages}."""
        with self.writing() if not dry_run else contextlib.nullcontext():
            records = self.documents()
            found: dict[str, int] = {}
            for p in self.get(documents=False):
                rec = records.get(p.doc_id)
                if rec is None or rec.rev != p.meta.rev:
                    found[p.doc_id] = found.get(p.doc_id, 0) + 1
            if dry_run or not found:
                return found
            with self._doc_locks(found):
                records = self.documents(list(found))  # again, under the documents' locks
                self._drop_other_revisions({d: records[d].rev if d in records else "\x00none" for d in found})
                self.manifest.forget(self.manifest.tombstones())
        return found

    def collect_documents(self, doc_ids: list[str]) -> int:
        """Delete the invisible passages of these documents (a stopped write's), under their locks."""
        if not doc_ids:
            return 0
        with self.writing(), self._doc_locks(doc_ids):
            records = self.documents(doc_ids)
            return self._drop_other_revisions({d: records[d].rev if d in records else "\x00none" for d in doc_ids})

    def update_metadata(self, passages: Iterable[Passage]) -> None:
        passages = list(passages)
        for i in range(0, len(passages), BATCH):
            part = passages[i : i + BATCH]
            self.collection.update(ids=[p.id for p in part], metadatas=[p.meta.to_store() for p in part])

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), BATCH):
            self.collection.delete(ids=ids[i : i + BATCH])

    def bump_version(self) -> str:
        """Move the corpus stamp without changing a document (readers catch up)."""
        with self.writing():
            stamp = self.manifest.write(ManifestChange([], []))
            self._saw(stamp)
        return stamp

