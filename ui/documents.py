"""The stored documents as the app lists them, cached until the store's next write (any process)."""
from __future__ import annotations

import logging
import threading
from typing import Optional

from rag.ingest.service import FileResult, document_passages, list_documents
from rag.records import DocumentInfo
from rag.security import corpus
from rag.security.audit import AuditTrail
from rag.security.roles import User
from rag.store.chroma import Store

log = logging.getLogger("ui")

_cache: dict[int, tuple[str, list[DocumentInfo]]] = {}
_lock = threading.Lock()


def documents(store: Store) -> list[DocumentInfo]:
    version = store.corpus_version()
    with _lock:
        hit = _cache.get(id(store))
        if hit and hit[0] == version:
            return hit[1]
    rows = list_documents(store)
    with _lock:
        _cache[id(store)] = (version, rows)
    return rows


def full_text(store: Store, doc_id: str) -> str:
    return "\n\n".join(p.text for p in document_passages(store, doc_id))


def delete(store: Store, trail: AuditTrail, user: Optional[User], doc_id: str) -> FileResult:
    """Remove a document from the store, when ``user`` may (checked here, on the server, whatever the page
    showed: else PermissionDenied) - recorded in the audit trail; every reader catches up on its next search."""
    res = corpus.remove(store, trail, user, doc_id)
    log.info("app: delete %s by %s -> %s %s", doc_id, user.name if user else "-", res.status, res.reason)
    return res
