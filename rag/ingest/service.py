"""Adding, replacing and removing documents: files, folders, uploads and bulk loads.

Every file ends in one status of one vocabulary, **added / updated / unchanged / failed**
(and **removed** for removals); a failed file carries the reason as a code and its values,
so the command line prints it in English and the app in the interface language. A bad file
is reported and skipped; the rest of the batch goes in and nothing already stored is lost.
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
from ..store.chroma import Store
from ..text.i18n import t
from .errors import IngestError
from .linking import forget_removed, link_stored
from .loaders import SUPPORTED, RawDocument, load_file
from .metadata import build_meta, default_doc_id
from .pipeline import Progress, existing_passages, plan_document, prepare, store_document, write_plans

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


def ingest_document(store: Store, raw: RawDocument, default_id: str, overrides: Optional[dict] = None,
                    progress: Optional[Progress] = None, bar: bool = True) -> FileResult:
    """Run one loaded document through the pipeline into the store."""
    fields = dict(raw.meta)
    fields.update({k: v for k, v in (overrides or {}).items() if v not in (None, "")})
    try:
        prepared = prepare(raw, build_meta(fields, default_id), store.settings.chunk_chars)
        status = store_document(store, prepared, progress=progress, bar=bar)
    except IngestError as exc:
        return FileResult.failed(str(raw.path), default_id, exc)
    m = prepared.meta
    return FileResult(str(raw.path), status, m.id, m.title, m.lang, len(prepared.passages),
                      warnings=raw.warnings + prepared.warnings)


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
                    prepared.append((raw, prepare(raw, build_meta(dict(raw.meta), default_id),
                                                  store.settings.chunk_chars)))
                except IngestError as exc:
                    results.append(FileResult.failed(str(raw.path), default_id, exc))
            existing = existing_passages(store, [p.meta.id for _, p in prepared])
            plans = [plan_document(p.passages, existing[p.meta.id]) for _, p in prepared]
            write_plans(store, plans, bar=False)
            for (raw, p), plan in zip(prepared, plans):
                results.append(FileResult(str(raw.path), plan.status, p.meta.id, p.meta.title, p.meta.lang,
                                          len(p.passages), warnings=p.warnings))
            pbar.update(min(batch_docs, len(docs) - i))
    changed = [r.doc_id for r in results if r.status in ("added", "updated")]
    link_stored(store, changed, bar=bar)  # translations (rag/ingest/linking.py)
    if changed:
        store.bump_version()
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


def ingest_paths(store: Store, paths: Iterable[Path], overrides: Optional[dict] = None, bar: bool = True) -> Summary:
    """Ingest files and folders; a bad file is reported and skipped, the rest go in."""
    summary = Summary()
    seen: dict[str, str] = {}
    max_bytes = int(store.settings.max_file_mb * 1e6)
    for path, root in iter_files(paths):
        default_id = default_doc_id(path, root)
        if not path.exists():
            summary.results.append(FileResult.failed(str(path), "", IngestError("no_such_file")))
            continue
        if root is not None and path.suffix.lower() not in SUPPORTED:
            log.debug("skipping %s (not a document type)", path)
            continue
        try:
            raw = load_file(path, max_bytes=max_bytes)
        except IngestError as exc:
            summary.results.append(FileResult.failed(str(path), default_id, exc))
            continue
        doc_id = str(raw.meta.get("id") or (overrides or {}).get("id") or default_id)
        if doc_id in seen:
            summary.results.append(FileResult.failed(str(path), doc_id,
                                                     IngestError("id_in_batch", id=doc_id, other=seen[doc_id])))
            continue
        seen[doc_id] = str(path)
        res = ingest_document(store, raw, default_id, overrides, bar=bar)
        summary.results.append(res)
        log.info("%s: %s %s", path, res.status, res.reason or f"({res.passages} passages)")
    link_stored(store, [r.doc_id for r in summary.results if r.status in ("added", "updated")], bar=bar)
    if summary.changed:
        store.bump_version()
    return summary


def ingest_bytes(store: Store, filename: str, data: bytes, overrides: Optional[dict] = None,
                 progress: Optional[Progress] = None, max_bytes: Optional[int] = None) -> FileResult:
    """Ingest an uploaded file (the app): its default id is a slug of the file name."""
    path = Path(os.path.basename(filename))
    default_id = default_doc_id(path, None)
    try:
        raw = load_file(path, max_bytes=max_bytes, data=data)
    except IngestError as exc:
        return FileResult.failed(filename, default_id, exc)
    res = ingest_document(store, raw, default_id, overrides, progress=progress, bar=False)
    if res.status in ("added", "updated"):
        link_stored(store, [res.doc_id])  # translations (rag/ingest/linking.py)
        store.bump_version()
    return res


def remove_document(store: Store, doc_id: str) -> FileResult:
    """Remove one document (one language version); its other versions stay."""
    ids = [p.id for p in store.doc_passages(doc_id)]
    if not ids:
        return FileResult.failed(doc_id, doc_id, IngestError("no_such_document", id=doc_id))
    store.delete(ids)
    forget_removed(store, doc_id)  # its translations stand alone again (rag/ingest/linking.py)
    store.bump_version()
    return FileResult(doc_id, "removed", doc_id, passages=len(ids))


def list_documents(store: Store) -> list[DocumentInfo]:
    """One row per stored document, by date then id."""
    first: dict[str, Passage] = {}
    counts: Counter = Counter()
    for p in store.get(documents=False):
        first.setdefault(p.doc_id, p)
        counts[p.doc_id] += 1
    rows = [DocumentInfo.of(p.meta, counts[d]) for d, p in first.items()]
    return sorted(rows, key=lambda d: (d.date or "", d.doc_id))


def document_passages(store: Store, doc_id: str) -> list[Passage]:
    """The passages of one document in order (to read it in the app)."""
    return sorted(store.doc_passages(doc_id, documents=True), key=lambda p: p.meta.position)
