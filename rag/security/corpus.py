"""Corpus writes as the app and the command line make them: checked, then done, then recorded.

Every function here first checks, on the server side, that the user's role may change the corpus
(:func:`rag.security.roles.require`) and that the install is not read-only; a refused attempt is
recorded in the audit trail too (result ``denied``) and raises
:class:`~rag.security.roles.PermissionDenied`. Then it calls the ingest service
(:mod:`rag.ingest.service`, unchanged) and appends what changed to the audit trail: who, the
file's name and SHA-256, the document, and the fields before and after.

Other features record their own corpus changes through :func:`record_link` (a translation link
confirmed or undone) and :func:`record_metadata_edit`.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Optional

from ..config import Settings
from ..ingest.service import FileResult, Summary, ingest_bytes, ingest_paths, list_documents, remove_document
from ..records import DocumentInfo
from ..store.chroma import Store
from .audit import AuditTrail, file_sha256
from .roles import PermissionDenied, User, require

log = logging.getLogger(__name__)
TRACKED = ("title", "date", "lang", "kind", "official", "version_of", "publisher", "source", "passages")


def _fields(d: Optional[DocumentInfo]) -> dict[str, Any]:
    return {k: getattr(d, k) for k in TRACKED} if d is not None else {}


def changes(before: Optional[DocumentInfo], after: Optional[DocumentInfo]) -> dict[str, Any]:
    """What an add, update or delete changed: the document's fields, as [before, after] for an update."""
    b, a = _fields(before), _fields(after)
    if not b:
        return a
    if not a:
        return b
    return {k: [b[k], a[k]] for k in TRACKED if b[k] != a[k]}


def check_write(settings: Settings, trail: AuditTrail, user: Optional[User], what: str, doc_id: str = "",
                file: str = "") -> User:
    """The user, when they may change the corpus now; else the refusal is recorded and raised."""
    try:
        if settings.read_only:
            raise PermissionDenied(user, "write", code="read_only")
        return require(user, "write")
    except PermissionDenied as exc:
        trail.record(user, what, result="denied", doc_id=doc_id, file=file, note=str(exc))
        log.warning("refused: %s", exc)
        raise


def _document(store: Store, doc_id: str) -> Optional[DocumentInfo]:
    """The document as the manifest now records it (one small read, not its passages: an ingest of
    thousands of documents into a large store read every one back, 0.3 s each at 30k passages)."""
    rec = store.documents([doc_id]).get(doc_id) if doc_id else None
    return rec.info if rec is not None else None


def _record_result(trail: AuditTrail, user: User, res: FileResult, before: dict[str, DocumentInfo],
                   store: Store, sha: str, file: str) -> None:
    if res.status not in ("added", "updated"):
        return  # unchanged or failed: the corpus did not change
    after = _document(store, res.doc_id)
    trail.record(user, "add" if res.status == "added" else "update", doc_id=res.doc_id, file=file, sha256=sha,
                 changes=changes(before.get(res.doc_id), after))


def upload(store: Store, trail: AuditTrail, user: Optional[User], name: str, data: bytes,
           overrides: Optional[dict] = None, max_bytes: Optional[int] = None,
           progress: Optional[Callable[[int, int], None]] = None,
           before: Optional[Iterable[DocumentInfo]] = None,
           page_progress: Optional[Callable[[int, int], None]] = None) -> FileResult:
    """Add or update one uploaded file (the app). ``before``: the stored documents, if the caller has them;
    ``page_progress``: pages read by OCR, for a scan."""
    user = check_write(store.settings, trail, user, "add", file=name)
    known = {d.doc_id: d for d in (before if before is not None else list_documents(store))}
    res = ingest_bytes(store, name, data, overrides=overrides, progress=progress, max_bytes=max_bytes,
                       page_progress=page_progress)
    _record_result(trail, user, res, known, store, hashlib.sha256(data).hexdigest(), Path(name).name)
    return res


def ingest_files(store: Store, trail: AuditTrail, user: Optional[User], paths: Iterable[Path],
                 overrides: Optional[dict] = None, bar: bool = True, replace: bool = False) -> Summary:
    """Add or update files and folders (the command line), each change recorded with its file's SHA-256.
    ``replace``: a file may take the id of a document stored from another file (``--replace``)."""
    user = check_write(store.settings, trail, user, "add", file=", ".join(str(p) for p in paths))
    known = {d.doc_id: d for d in list_documents(store)}
    summary = ingest_paths(store, paths, overrides=overrides, bar=bar, replace=replace)
    for res in summary.results:
        path = Path(res.path)
        sha = file_sha256(path) if res.status in ("added", "updated") and path.is_file() else ""
        _record_result(trail, user, res, known, store, sha, str(path))
    return summary


def remove(store: Store, trail: AuditTrail, user: Optional[User], doc_id: str) -> FileResult:
    """Remove one document (one language version)."""
    user = check_write(store.settings, trail, user, "delete", doc_id=doc_id)
    before = _document(store, doc_id)
    res = remove_document(store, doc_id)
    if res.status == "removed":
        file, sha = trail.last_file_hash(doc_id)
        trail.record(user, "delete", doc_id=doc_id, file=file or (before.path if before else ""), sha256=sha,
                     changes=changes(before, None))
    return res


def reset(settings: Settings, trail: AuditTrail, user: Optional[User], embedder=None) -> Store:
    """Empty the collection (to re-index with another model); returns the new, empty store."""
    user = check_write(settings, trail, user, "reset")
    counted: dict[str, Any] = {}
    try:
        docs = list_documents(Store(settings, embedder).warm_up())
        counted = {"documents": len(docs), "passages": sum(d.passages for d in docs)}
    except Exception as exc:  # a store built by another model cannot be opened: that is why it is reset
        counted = {"documents": "unknown", "note": exc.__class__.__name__}
    store = Store.recreate(settings, embedder)
    trail.record(user, "reset", note=settings.describe_store(), changes=counted)
    return store


def record_link(settings: Settings, trail: AuditTrail, user: Optional[User], confirmed: bool, doc_id: str,
                other_id: str, evidence: Optional[dict[str, Any]] = None) -> None:
    """Check and record a translation link confirmed (or undone) between two documents.

    Call it before changing the link: it raises PermissionDenied for a reader or a read-only install."""
    action = "link_confirmed" if confirmed else "link_undone"
    user = check_write(settings, trail, user, action, doc_id=doc_id)
    trail.record(user, action, doc_id=doc_id, changes={"version_of": other_id, **(evidence or {})})


def record_metadata_edit(settings: Settings, trail: AuditTrail, user: Optional[User], doc_id: str,
                         before: dict[str, Any], after: dict[str, Any]) -> None:
    """Check and record a metadata edit of a stored document (fields as [before, after]).

    Call it before writing: it raises PermissionDenied for a reader or a read-only install."""
    user = check_write(settings, trail, user, "metadata", doc_id=doc_id)
    diff = {k: [before.get(k), after.get(k)] for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)}
    trail.record(user, "metadata", doc_id=doc_id, changes=diff)


def record_seeded(trail: AuditTrail, summary: Summary) -> None:
    """Record the bundled corpus added on a store's first start (by the system, not a user)."""
    for res in summary.results:
        if res.status in ("added", "updated"):
            path = Path(res.path)
            trail.record(None, "add", doc_id=res.doc_id, file=str(path),
                         sha256=file_sha256(path) if path.is_file() else "", note="first start: bundled corpus",
                         changes={"title": res.title, "lang": res.lang, "passages": res.passages})
