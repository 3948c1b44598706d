"""The manifest: one small record per document naming the revision readers see, and the corpus stamp.

It lives in a second collection beside the passages (``<collection>-manifest``), so it works the
same on a folder store and on a Chroma server. A document's passages are written under a new
revision first; one upsert then switches the document's record to that revision **and** moves
the corpus stamp, so readers see the whole new version, never a part of it, and always learn
that something changed. A removed document becomes a tombstone (a record with no passages).
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any, Optional

from ..records import DocRecord, PassageMeta

STAMP_ID = "~corpus-stamp"
REV_KEY, COUNT_KEY = "m_rev", "m_count"
_VECTOR = [1.0]  # records are never searched; Chroma still wants a vector


def manifest_name(collection: str) -> str:
    return collection[:500] + "-manifest"


def new_stamp() -> str:
    return uuid.uuid4().hex


def new_rev() -> str:
    return uuid.uuid4().hex[:10]


@dataclass
class ManifestChange:
    """Documents switched to a revision (``put``) and documents removed, in one write."""

    put: list[DocRecord]
    removed: list[str]


def _record(doc_id: str, meta: dict[str, Any], document: Optional[str]) -> Optional[DocRecord]:
    n = int(meta.get(COUNT_KEY, 0) or 0)
    if n <= 0:
        return None  # a tombstone
    pm = PassageMeta.from_store(json.loads(document) if document else {**meta, "doc_id": doc_id})
    return DocRecord(doc_id, str(meta.get(REV_KEY, "")), n, pm)


def _document(rec: DocRecord) -> str:
    return json.dumps({k: v for k, v in rec.meta.to_store().items() if k != "kw"}, ensure_ascii=False)


class Manifest:
    """Typed access to the manifest collection (a Chroma collection object)."""

    def __init__(self, col):
        self.col = col

    def stamp(self) -> str:
        got = self.col.get(ids=[STAMP_ID], include=["metadatas"])
        metas = got.get("metadatas") or []
        return str((metas[0] or {}).get("stamp", "")) if metas else ""

    def records(self, doc_ids: Optional[list[str]] = None, full: bool = True) -> dict[str, DocRecord]:
        """Current records (tombstones left out), of some documents or all; without ``full``
        only revisions and counts (the metadata of the documents is left empty)."""
        include = ["metadatas", "documents"] if full else ["metadatas"]
        out: dict[str, DocRecord] = {}

        def take(got: dict) -> None:
            docs = got.get("documents") if full else None
            for k, (d, m) in enumerate(zip(got["ids"], got["metadatas"])):
                if d != STAMP_ID:
                    rec = _record(d, m or {}, docs[k] if docs else None)
                    if rec is not None:
                        out[d] = rec

        if doc_ids is not None:
            for i in range(0, len(doc_ids), 1000):
                take(self.col.get(ids=doc_ids[i : i + 1000], include=include))
            return out
        offset = 0
        while True:
            got = self.col.get(include=include, limit=5000, offset=offset)
            take(got)
            if len(got["ids"]) < 5000:
                return out
            offset += 5000

    def any_document(self) -> bool:
        return bool(self.col.get(where={COUNT_KEY: {"$gt": 0}}, limit=1, include=[])["ids"])

    def tombstones(self) -> list[str]:
        got = self.col.get(where={COUNT_KEY: 0}, include=[])
        return [d for d in got["ids"] if d != STAMP_ID]

    def write(self, change: ManifestChange) -> str:
        """Switch and remove documents and move the stamp, in one upsert; returns the new stamp."""
        stamp = new_stamp()
        ids = [r.doc_id for r in change.put] + list(change.removed) + [STAMP_ID]
        metas = [{REV_KEY: r.rev, COUNT_KEY: r.n_passages} for r in change.put]
        metas += [{REV_KEY: "", COUNT_KEY: 0} for _ in change.removed]
        metas.append({"stamp": stamp, COUNT_KEY: 0})
        docs = [_document(r) for r in change.put] + ["" for _ in change.removed] + [""]
        self.col.upsert(ids=ids, metadatas=metas, documents=docs, embeddings=[_VECTOR] * len(ids))
        return stamp

    def forget(self, doc_ids: list[str]) -> None:
        """Drop tombstones (their passages are gone)."""
        if doc_ids:
            self.col.delete(ids=doc_ids)
