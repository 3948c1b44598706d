"""Uploads: check a file before it is added (size, type, readable), and add it once confirmed."""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from rag.ingest.errors import IngestError
from rag.ingest.loaders import SUPPORTED, load_file
from rag.ingest.metadata import default_doc_id
from rag.ingest.service import FileResult
from rag.records import DocumentInfo, FieldError, normalize_date
from rag.security import corpus
from rag.security.audit import AuditTrail
from rag.security.roles import User
from rag.store.chroma import Store
from rag.text.detect import detect_language
from rag.text.langs import LANGS
from rag.text.normalize import normalize_text

log = logging.getLogger("ui")

UPLOAD_TYPES = ("pdf", "docx", "html", "htm", "txt", "md", "png", "jpg", "jpeg", "tif", "tiff")


@dataclass
class UploadPreview:
    """What the app knows about an uploaded file before ingesting it."""

    name: str
    data: bytes = field(repr=False)
    key: str
    error: str = ""  # "" | too_big | bad_type | unreadable
    error_code: str = ""  # the ingest reason code when unreadable
    error_params: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    date: str = ""
    lang: str = ""  # detected (or from the file's metadata): vi / lo / en / und
    kind: str = "other"
    version_of: str = ""
    doc_id: str = ""
    collision: Optional[DocumentInfo] = None  # the existing document with the same id
    new_id: str = ""  # a free id for "new document"
    scan_pages: int = 0  # pages without a text layer, to be read by OCR in a background job

    @property
    def size_mb(self) -> float:
        return len(self.data) / 1e6

    @property
    def ext(self) -> str:
        return Path(self.name).suffix.lower() or "(none)"


def upload_key(name: str, data: bytes) -> str:
    return hashlib.sha1(name.encode("utf-8") + b"\x00" + data).hexdigest()[:12]


def unique_doc_id(base: str, taken: Iterable[str]) -> str:
    taken = set(taken)
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def preview_upload(name: str, data: bytes, max_bytes: int, existing: dict[str, DocumentInfo]) -> UploadPreview:
    """Check an uploaded file (size, type, readable) and read its default metadata; stores nothing."""
    name = os.path.basename(name)
    p = UploadPreview(name, data, upload_key(name, data))
    if len(data) > max_bytes:
        p.error = "too_big"
        return p
    if Path(name).suffix.lower() not in SUPPORTED:
        p.error = "bad_type"
        return p
    try:
        raw = load_file(Path(name), data=data)
    except IngestError as exc:
        p.error, p.error_code, p.error_params = "unreadable", exc.code, dict(exc.params)
        return p
    meta = raw.meta
    p.scan_pages = len(raw.scan.pages) if raw.scan else 0
    p.title = str(meta.get("title") or "").strip()
    if not p.title:
        first = normalize_text(raw.text).strip().split("\n")[0]
        p.title = first[:120].lstrip("# ").strip()
    p.date = str(meta.get("date") or "")
    lang = str(meta.get("lang") or "").lower()
    p.lang = lang if lang in LANGS else (detect_language(normalize_text(raw.text[:6000])) if raw.text.strip() else "")
    p.kind = str(meta.get("kind") or "other").lower()
    p.version_of = str(meta.get("version_of") or "")
    p.doc_id = str(meta.get("id") or default_doc_id(Path(name), None))
    if p.doc_id in existing:
        p.collision = existing[p.doc_id]
        p.new_id = unique_doc_id(p.doc_id, existing)
    return p


def check_date(value: str) -> Optional[str]:
    """The date normalized (YYYY[-MM[-DD]]), '' when empty, None when it is not a valid date."""
    try:
        return normalize_date((value or "").strip())
    except FieldError:
        return None


def upload_overrides(preview: UploadPreview, title: str, date: str, lang: Optional[str], kind: str,
                     version_of: Optional[str], mode: Optional[str]) -> dict:
    """The metadata the user confirmed, as ingest overrides; ``mode`` is 'new' or 'revision' on a collision."""
    o: dict[str, Any] = {"title": title.strip(), "date": (date or "").strip(), "lang": lang or "", "kind": kind}
    if version_of:
        o["version_of"] = version_of
        o["official"] = False
    if preview.collision is not None:
        if mode == "new":
            o["id"] = preview.new_id
        elif mode == "revision":
            o["id"] = preview.doc_id
        else:
            raise ValueError(f"{preview.name}: choose a new document or a new revision")
    return o


def ingest_upload(store: Store, trail: AuditTrail, user: Optional[User], preview: UploadPreview, overrides: dict,
                  max_bytes: int, progress: Optional[Callable[[int, int], None]] = None,
                  before: Optional[Iterable[DocumentInfo]] = None,
                  page_progress: Optional[Callable[[int, int], None]] = None) -> FileResult:
    """Ingest one confirmed upload when ``user`` may change the corpus (checked here: else PermissionDenied);
    recorded in the audit trail with the file's SHA-256. ``page_progress``: pages read by OCR.
    Returns its FileResult."""
    res = corpus.upload(store, trail, user, preview.name, preview.data, overrides=overrides, max_bytes=max_bytes,
                        progress=progress, before=before, page_progress=page_progress)
    log.info("app upload %s by %s: %s %s", preview.name, user.name if user else "-", res.status,
             res.reason or res.doc_id)
    return res
