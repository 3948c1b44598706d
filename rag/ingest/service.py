"""Adding, replacing and removing documents: files, folders, uploads and bulk loads.

Every file ends in one status of one vocabulary, **added / updated / unchanged / failed**
(and **removed** for removals); a failed file carries the reason as a code and its values,
so the command line prints it in English and the app in the interface language. A bad file
-- whatever goes wrong with it -- is reported and skipped; the rest of the batch goes in and
nothing already stored is lost. Each document is committed whole (:mod:`.pipeline`), and the
corpus stamp moves with each commit, so readers follow a long batch as it goes.
"""
from __future__ import annotations

import json
import logging
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from tqdm import tqdm

from ..records import DocumentInfo, Passage
from ..store.chroma import Store, StoreError
from ..text.i18n import t
from .errors import IngestError
from .loaders import SUPPORTED, RawDocument, load_file
from .metadata import build_meta, default_doc_id
from .pipeline import (
    COMMIT_PASSAGES,
    Prepared,
    Progress,
    plan_documents,
    prepare,
    remove_documents,
    store_document,
    write_plans,
)
from .scan_ocr import forget_page_images, keep_page_images, mark_passages, read_scans, record_vocabulary

log = logging.getLogger(__name__)

STATUSES = ("added", "updated", "unchanged", "failed")


@dataclass
class FileResult:
    """What happened to one file: ``status`` and, when it failed, ``code`` and ``params`` of the reason."""

    path: str
    status: str
    doc_id: str = ""
    title: str = ""
    lang: str = ""
    passages: int = 0
    reason: str = ""  # the reason in English
    warnings: list[str] = field(default_factory=list)
    code: str = ""  # reason_<code> in the strings table
    params: dict[str, Any] = field(default_factory=dict)
    embedded: int = 0  # passages whose vectors were computed (the others' were copied or unchanged)

    @classmethod
    def failed(cls, path: str, doc_id: str, error: IngestError) -> FileResult:
        return cls(path, "failed", doc_id, reason=str(error), code=error.code, params=dict(error.params))

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang`` (the English one if the code is unknown)."""
        return t(f"reason_{self.code}", lang, **self.params) if self.code else self.reason


@dataclass
class Summary:
    results: list[FileResult] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(r.status for r in self.results)
        return {s: c.get(s, 0) for s in STATUSES + ("removed",) if s in STATUSES or c.get(s)}

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def changed(self) -> bool:
        return any(r.status in ("added", "updated", "removed") for r in self.results)

    def as_dict(self) -> dict:
        return {"counts": self.counts, "files": [asdict(r) for r in self.results]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


def _fields(raw: RawDocument, overrides: Optional[dict]) -> dict:
    fields = dict(raw.meta)
    fields.update({k: v for k, v in (overrides or {}).items() if v not in (None, "")})
    return fields


def _read_scans(store: Store, raw: RawDocument, overrides: Optional[dict], page_progress: Optional[Progress],
                bar: bool) -> RawDocument:
    """OCR (issue 16): the scanned pages of a document become text before the pipeline."""
    if raw.scan is None:
        return raw
    lang = _fields(raw, overrides).get("lang")
    vocab = record_vocabulary(store) if lang in (None, "", "lo") else []
    return read_scans(raw, lang, vocab, progress=page_progress, bar=bar)


def _prepare(store: Store, raw: RawDocument, default_id: str, overrides: Optional[dict] = None) -> Prepared:
    """``raw`` (already OCR'd) split into passages ready to store; passages read by OCR keep their
    page, box and confidence."""
    prepared = prepare(raw, build_meta(_fields(raw, overrides), default_id), store.settings.chunk_chars,
                       store.settings.max_passages)
    mark_passages(prepared.passages, raw, store.settings)
    return prepared


def _unexpected(exc: Exception) -> IngestError:
    log.exception("unexpected error while ingesting")
    return IngestError("unexpected", error=f"{exc.__class__.__name__}: {str(exc)[:200]}")


def ingest_document(store: Store, raw: RawDocument, default_id: str, overrides: Optional[dict] = None,
                    progress: Optional[Progress] = None, bar: bool = True,
                    page_progress: Optional[Progress] = None) -> FileResult:
    """Run one loaded document through the pipeline into the store (whole or not at all).

    Scanned pages are read by OCR first (``page_progress(done, total)`` after each page).
    """
    try:
        raw = _read_scans(store, raw, overrides, page_progress, bar)
        prepared = _prepare(store, raw, default_id, overrides)
        plan = store_document(store, prepared, progress=progress, bar=bar)
        keep_page_images(store.settings, prepared.meta.id, raw)
    except IngestError as exc:
        return FileResult.failed(str(raw.path), default_id, exc)
    except StoreError as exc:
        return FileResult.failed(str(raw.path), default_id, IngestError("store_failed", error=str(exc)))
    m = prepared.meta
    return FileResult(str(raw.path), plan.status, m.id, m.title, m.lang, len(prepared.passages),
                      warnings=raw.warnings + prepared.warnings, embedded=len(plan.to_embed))


def ingest_many(store: Store, docs: Iterable[tuple[RawDocument, str]], batch_docs: int = 256,
                bar: bool = True) -> list[FileResult]:
    """Ingest many loaded documents with batched embedding (bulk loads such as eval corpora)."""
    results: list[FileResult] = []
    docs = list(docs)
    with tqdm(total=len(docs), desc="ingest", unit="doc", disable=not bar) as pbar:
        for i in range(0, len(docs), batch_docs):
            prepared = []
            for raw, default_id in docs[i : i + batch_docs]:
                try:
                    prepared.append((raw, _prepare(store, raw, default_id)))
                except IngestError as exc:
                    results.append(FileResult.failed(str(raw.path), default_id, exc))
                except Exception as exc:  # one bad document never stops the rest
                    results.append(FileResult.failed(str(raw.path), default_id, _unexpected(exc)))
            plans = plan_documents(store, [p for _, p in prepared])
            write_plans(store, plans, bar=False)
            for (raw, p), plan in zip(prepared, plans):
                results.append(FileResult(str(raw.path), plan.status, p.meta.id, p.meta.title, p.meta.lang,
                                          len(p.passages), warnings=p.warnings, embedded=len(plan.to_embed)))
            pbar.update(min(batch_docs, len(docs) - i))
    return results


def iter_files(paths: Iterable[Path]) -> Iterable[tuple[Path, Optional[Path]]]:
    """Files to ingest with the folder they were found under (for default ids)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and not f.name.endswith(".meta.yaml") \
                        and f.name != "README.md":
                    yield f, p
        else:
            yield p, None


def _same_file(stored: str, path: Path) -> bool:
    if not stored:
        return True  # an older store did not keep paths: nothing to compare
    try:
        return Path(stored).resolve() == path.resolve()
    except OSError:
        return stored == str(path)


def collision(store: Store, doc_id: str, path: Path, raw: RawDocument, default_id: str) -> Optional[IngestError]:
    """The error for a file that would take the id of a document stored from another file, or None."""
    rec = store.documents([doc_id]).get(doc_id)
    if rec is None or _same_file(rec.meta.path, path):
        return None
    if raw.meta.get("id"):
        code = "id_taken_meta"
    elif Path(rec.meta.path).stem == path.stem and Path(rec.meta.path).suffix.lower() != path.suffix.lower():
        code = "id_taken_ext"
    else:
        code = "id_taken_name"
    return IngestError(code, id=doc_id, path=str(path), other=rec.meta.path)


@dataclass
class _Pending:
    path: Path
    raw: RawDocument
    prepared: Prepared


def _write_pending(store: Store, pending: list[_Pending], bar: bool) -> list[FileResult]:
    """Plan and write several prepared files together (embedding batched across them); each
    document is still committed whole. A store failure fails these files, not the batch."""
    if not pending:
        return []
    try:
        plans = plan_documents(store, [p.prepared for p in pending])
        write_plans(store, plans, bar=bar)
    except StoreError as exc:
        err = IngestError("store_failed", error=str(exc))
        return [FileResult.failed(str(p.path), p.prepared.meta.id, err) for p in pending]
    except Exception as exc:  # e.g. the embedding model failed: these files fail, the batch goes on
        err = _unexpected(exc)
        return [FileResult.failed(str(p.path), p.prepared.meta.id, err) for p in pending]
    out = []
    for p, plan in zip(pending, plans):
        m = p.prepared.meta
        keep_page_images(store.settings, m.id, p.raw)
        out.append(FileResult(str(p.path), plan.status, m.id, m.title, m.lang, len(p.prepared.passages),
                              warnings=p.raw.warnings + p.prepared.warnings, embedded=len(plan.to_embed)))
    return out


def ingest_paths(store: Store, paths: Iterable[Path], overrides: Optional[dict] = None, bar: bool = True,
                 replace: bool = False, batch_passages: int = COMMIT_PASSAGES) -> Summary:
    """Ingest files and folders; a bad file is reported and skipped, the rest go in.

    A file whose id is already taken by a document stored from another file is refused unless
    ``replace`` (the command line's ``--replace``); a file that is the same path as the stored
    document updates it. Files are read and split one by one and written a few hundred passages
    at a time (embedding batched across files), each document committed whole, so a stopped
    ingest keeps what it committed and the next run goes on from there.
    """
    summary = Summary()
    seen: dict[str, str] = {}
    max_bytes = int(store.settings.max_file_mb * 1e6)
    pending: list[_Pending] = []
    files = list(iter_files(paths))
    with tqdm(total=len(files), desc="files", unit="file", disable=not bar or len(files) < 2) as pbar:
        for path, root in files:
            pbar.update(1)
            default_id = ""
            res: Optional[FileResult] = None
            try:
                default_id = default_doc_id(path, root)
                if not path.exists():
                    raise IngestError("no_such_file")
                if root is not None and path.suffix.lower() not in SUPPORTED:
                    log.debug("skipping %s (not a document type)", path)
                    continue
                raw = load_file(path.resolve(), max_bytes=max_bytes)
                doc_id = str(raw.meta.get("id") or (overrides or {}).get("id") or default_id)
                if doc_id in seen:
                    raise IngestError("id_in_batch", id=doc_id, other=seen[doc_id])
                seen[doc_id] = str(path)
                clash = None if replace else collision(store, doc_id, path, raw, default_id)
                if clash is not None:
                    raise clash
                raw = _read_scans(store, raw, overrides, None, bar)
                pending.append(_Pending(path, raw, _prepare(store, raw, default_id, overrides)))
            except IngestError as exc:
                res = FileResult.failed(str(path), default_id, exc)
            except StoreError as exc:
                res = FileResult.failed(str(path), default_id, IngestError("store_failed", error=str(exc)))
            except Exception as exc:  # one bad file never stops the rest
                res = FileResult.failed(str(path), default_id, _unexpected(exc))
            if res is not None:
                summary.results.append(res)
                log.info("%s: failed %s", path, res.reason)
            if sum(len(p.prepared.passages) for p in pending) >= batch_passages:
                summary.results += _write_pending(store, pending, bar)
                pending = []
        summary.results += _write_pending(store, pending, bar)
    order = {str(p): i for i, (p, _) in enumerate(files)}
    summary.results.sort(key=lambda r: order.get(r.path, len(order)))
    return summary


def ingest_bytes(store: Store, filename: str, data: bytes, overrides: Optional[dict] = None,
                 progress: Optional[Progress] = None, max_bytes: Optional[int] = None,
                 page_progress: Optional[Progress] = None) -> FileResult:
    """Ingest an uploaded file (the app asks about id collisions first): its default id is a slug
    of the file name; ``page_progress``: pages read by OCR, for a scan."""
    path = Path(os.path.basename(filename))
    default_id = ""
    try:
        default_id = default_doc_id(path, None)
        raw = load_file(path, max_bytes=max_bytes, data=data)
    except IngestError as exc:
        return FileResult.failed(filename, default_id, exc)
    except Exception as exc:
        return FileResult.failed(filename, default_id, _unexpected(exc))
    try:
        return ingest_document(store, raw, default_id, overrides, progress=progress, bar=False,
                               page_progress=page_progress)
    except Exception as exc:
        return FileResult.failed(filename, default_id, _unexpected(exc))


def remove_document(store: Store, doc_id: str) -> FileResult:
    """Remove one document (one language version) whole; its other versions stay."""
    removed = remove_documents(store, [doc_id])
    if doc_id not in removed:
        return FileResult.failed(doc_id, doc_id, IngestError("no_such_document", id=doc_id))
    forget_page_images(store.settings, doc_id)
    return FileResult(doc_id, "removed", doc_id, passages=removed[doc_id].n_passages)


def list_documents(store: Store) -> list[DocumentInfo]:
    """One row per stored (visible) document, by date then id."""
    rows = [rec.info for rec in store.documents().values()]
    return sorted(rows, key=lambda d: (d.date or "", d.doc_id))


def document_passages(store: Store, doc_id: str) -> list[Passage]:
    """The passages of one document in order (to read it in the app)."""
    return sorted(store.doc_passages(doc_id, documents=True), key=lambda p: p.meta.position)
