"""The ingest pipeline: load -> normalize -> detect language -> split -> embed -> store.

Chunk ids are ``<doc_id>:<position>:<content hash>``, so ingesting an unchanged file changes
nothing, a changed file replaces its passages completely (new ones are written first, stale
ones removed after), and a failure never touches what is already stored.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from rag.store import Chunk, Store

from .language import detect_language
from .loaders import SUPPORTED, IngestError, RawDocument, load_file
from .metadata import DocMeta, MetadataError, build_meta, date_range, default_doc_id
from .normalize import normalize_text
from .split import Passage, split_passages

log = logging.getLogger(__name__)

STATUSES = ("added", "updated", "unchanged", "failed")
Progress = Callable[[int, int], None]


@dataclass
class FileResult:
    """What happened to one file, in the one vocabulary: added / updated / unchanged / failed."""

    path: str
    status: str
    doc_id: str = ""
    title: str = ""
    lang: str = ""
    passages: int = 0
    reason: str = ""
    warnings: list[str] = field(default_factory=list)


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

    def as_dict(self) -> dict:
        return {"counts": self.counts, "files": [asdict(r) for r in self.results]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


def _hash(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def chunk_id(doc_id: str, position: int, text: str) -> str:
    """Stable and unique: document id + position + content hash."""
    return f"{doc_id}:{position:04d}:{_hash(text)}"


def document_language(passages: list[Passage], text: str) -> str:
    """The language most of the text is in (by characters)."""
    weight: Counter = Counter()
    for p in passages:
        weight[p.lang] += len(p.text)
    if not weight:
        return detect_language(text)
    known = [(n, lang) for lang, n in weight.items() if lang != "und"]
    return max(known)[1] if known else "und"


def prepare(raw: RawDocument, meta: DocMeta, max_chars: int) -> tuple[DocMeta, list[Chunk], list[str]]:
    """Normalize, detect language and split a loaded document into chunks ready to store."""
    text = normalize_text(raw.text)
    if not text:
        raise IngestError("the document has no text after cleaning")
    spans = None
    if raw.page_spans:
        # Normalization may shift offsets; re-locate each page's text in the normalized text.
        spans, pos = [], 0
        for a, b, page in raw.page_spans:
            page_text = normalize_text(raw.text[a:b])
            at = text.find(page_text[:50], pos) if page_text else -1
            if at < 0:
                continue
            spans.append((at, at + len(page_text), page))
            pos = at + len(page_text)
    passages = split_passages(text, max_chars=max_chars, page_spans=spans, doc_lang=meta.lang or None)
    if not passages:
        raise IngestError("the document has no text after cleaning")
    warnings = []
    detected = document_language(passages, text)
    lang = meta.lang or detected
    if meta.lang and detected not in ("und", meta.lang):
        warnings.append(f"metadata says lang {meta.lang}, but the text reads as {detected}")
    if lang == "und":
        warnings.append("language not recognised as Vietnamese, Lao or English: stored as 'und'")
    meta.lang = lang
    title_derived = not meta.title
    if title_derived:
        first = passages[0].text.split("\n")[0]
        meta.title = first[:120] + ("…" if len(first) > 120 else "")
    d_from, d_to = date_range(meta.date)
    doc_hash = _hash(json.dumps(meta.as_dict(), sort_keys=True, ensure_ascii=False) + "\x00" + text, 16)
    chunks = []
    for p in passages:
        chunks.append(
            Chunk(
                chunk_id(meta.id, p.position, p.text),
                p.text,
                {
                    "doc_id": meta.id,
                    "family": meta.family,
                    "title": meta.title,
                    "title_derived": title_derived,
                    "date": meta.date,
                    "date_from": d_from,
                    "date_to": d_to,
                    "lang": p.lang if p.lang != "und" else lang,
                    "doc_lang": lang,
                    "kind": meta.kind,
                    "publisher": meta.publisher,
                    "source": meta.source,
                    "version_of": meta.version_of,
                    "official": meta.official,
                    "position": p.position,
                    "para": p.para,
                    "start": p.start,
                    "end": p.end,
                    "page": p.page if p.page is not None else -1,
                    "doc_hash": doc_hash,
                    "path": str(raw.path),
                    "n_passages": len(passages),
                },
            )
        )
    return meta, chunks, warnings


@dataclass
class Plan:
    """What writing one prepared document will do to the store."""

    doc_id: str
    status: str
    to_embed: list[Chunk]
    to_update: list[Chunk]
    stale: list[str]


def plan_document(chunks: list[Chunk], existing: dict[str, dict]) -> Plan:
    """Compare a document's new chunks with what is stored: added / updated / unchanged."""
    doc_id = chunks[0].meta["doc_id"]
    new = {c.id: c for c in chunks}
    doc_hash = chunks[0].meta["doc_hash"]
    if set(existing) == set(new) and all(m.get("doc_hash") == doc_hash for m in existing.values()):
        return Plan(doc_id, "unchanged", [], [], [])
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    added_at = min((m.get("added_at", now) for m in existing.values()), default=now)
    for c in chunks:
        c.meta["added_at"] = added_at
        c.meta["updated_at"] = now
    return Plan(
        doc_id,
        "added" if not existing else "updated",
        [c for i, c in new.items() if i not in existing],
        [c for i, c in new.items() if i in existing],
        [i for i in existing if i not in new],
    )


def embedding_text(chunk: Chunk, title_context: str = "lead") -> str:
    """What is embedded for a passage: its text, after its document's title for the lead passage.

    A headline names what an article is about ("… sign the 2022-2025 memorandum"), which its
    lead often only implies ("Today (22/11) … the signing ceremony"). Given to every passage
    ("all"), the title pulls later paragraphs about other periods towards the headline's; given
    to the lead only, it helps headline and "when was it signed" questions without that cost.
    A title that was not given (derived from the first line) is never added.
    """
    title = "" if chunk.meta.get("title_derived") else chunk.meta.get("title", "")
    if title and not chunk.text.startswith(title[:40]) and (
        title_context == "all" or (title_context == "lead" and chunk.meta.get("position") == 0)
    ):
        return f"{title}\n\n{chunk.text}"
    return chunk.text


def write_plans(store: Store, plans: list[Plan], progress: Optional[Progress] = None, bar: bool = True) -> None:
    """Embed new passages in batches (across documents), then write; stale passages go last."""
    from tqdm import tqdm

    to_embed = [c for p in plans for c in p.to_embed]
    batch = store.settings.embedding_batch
    with tqdm(total=len(to_embed), desc="embed", unit="passage", disable=not bar or not to_embed, leave=False) as pbar:
        for i in range(0, len(to_embed), batch):
            part = to_embed[i : i + batch]
            store.add(part, store.embedder.encode_passages([embedding_text(c, store.settings.title_context) for c in part]))
            pbar.update(len(part))
            if progress:
                progress(i + len(part), len(to_embed))
    store.update_metadata([c for p in plans for c in p.to_update])
    store.delete([i for p in plans for i in p.stale])


def store_document(store: Store, chunks: list[Chunk], progress: Optional[Progress] = None, bar: bool = True) -> str:
    """Write one document's chunks; returns added / updated / unchanged. Never loses stored data on failure."""
    plan = plan_document(chunks, {c.id: c.meta for c in store.doc_chunks(chunks[0].meta["doc_id"])})
    write_plans(store, [plan], progress, bar)
    if progress and plan.status == "unchanged":
        progress(len(chunks), len(chunks))
    return plan.status


def ingest_many(store: Store, docs: Iterable[tuple[RawDocument, str]], batch_docs: int = 256,
                bar: bool = True) -> list[FileResult]:
    """Ingest many loaded documents with batched embedding (bulk loads such as eval corpora)."""
    from tqdm import tqdm

    results: list[FileResult] = []
    docs = list(docs)
    with tqdm(total=len(docs), desc="ingest", unit="doc", disable=not bar) as pbar:
        for i in range(0, len(docs), batch_docs):
            prepared = []
            for raw, default_id in docs[i : i + batch_docs]:
                try:
                    meta = build_meta(dict(raw.meta), default_id, raw.path.name)
                    meta, chunks, warnings = prepare(raw, meta, store.settings.chunk_chars)
                    prepared.append((raw, meta, chunks, warnings))
                except (IngestError, MetadataError) as exc:
                    results.append(FileResult(str(raw.path), "failed", default_id, reason=str(exc)))
            ids = [m.id for _, m, _, _ in prepared]
            existing: dict[str, dict[str, dict]] = {d: {} for d in ids}
            for c in store.get(where={"doc_id": {"$in": ids}}, documents=False) if ids else []:
                existing[c.meta["doc_id"]][c.id] = c.meta
            plans = [plan_document(chunks, existing[m.id]) for _, m, chunks, _ in prepared]
            write_plans(store, plans, bar=False)
            for (raw, meta, chunks, warnings), plan in zip(prepared, plans):
                results.append(FileResult(str(raw.path), plan.status, meta.id, meta.title, meta.lang, len(chunks),
                                          warnings=warnings))
            pbar.update(min(batch_docs, len(docs) - i))
    if any(r.status in ("added", "updated") for r in results):
        store.bump_version()
    return results


def ingest_document(
    store: Store,
    raw: RawDocument,
    default_id: str,
    overrides: Optional[dict] = None,
    progress: Optional[Progress] = None,
    bar: bool = True,
) -> FileResult:
    """Run one loaded document through the pipeline into the store."""
    fields = dict(raw.meta)
    fields.update({k: v for k, v in (overrides or {}).items() if v not in (None, "")})
    try:
        meta = build_meta(fields, default_id, raw.path.name)
        meta, chunks, warnings = prepare(raw, meta, store.settings.chunk_chars)
        status = store_document(store, chunks, progress=progress, bar=bar)
    except (IngestError, MetadataError) as exc:
        return FileResult(str(raw.path), "failed", default_id, reason=str(exc))
    return FileResult(
        str(raw.path), status, meta.id, meta.title, meta.lang, len(chunks), warnings=raw.warnings + warnings
    )


def iter_files(paths: Iterable[Path]) -> Iterable[tuple[Path, Optional[Path]]]:
    """Files to ingest with the folder they were found under (for default ids)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and not f.name.endswith(".meta.yaml") and f.name != "README.md":
                    yield f, p
        else:
            yield p, None


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    overrides: Optional[dict] = None,
    bar: bool = True,
) -> Summary:
    """Ingest files and folders; a bad file is reported and skipped, the rest go in."""
    summary = Summary()
    seen: dict[str, str] = {}
    max_bytes = int(store.settings.max_file_mb * 1e6)
    changed = False
    for path, root in iter_files(paths):
        default_id = default_doc_id(path, root)
        if not path.exists():
            summary.results.append(FileResult(str(path), "failed", reason="no such file or folder"))
            continue
        if root is not None and path.suffix.lower() not in SUPPORTED:
            log.debug("skipping %s (not a document type)", path)
            continue
        try:
            raw = load_file(path, max_bytes=max_bytes)
        except IngestError as exc:
            summary.results.append(FileResult(str(path), "failed", default_id, reason=str(exc)))
            continue
        except MetadataError as exc:
            summary.results.append(FileResult(str(path), "failed", default_id, reason=str(exc)))
            continue
        doc_id = str(raw.meta.get("id") or (overrides or {}).get("id") or default_id)
        if doc_id in seen:
            summary.results.append(
                FileResult(str(path), "failed", doc_id, reason=f"its id '{doc_id}' is also used by {seen[doc_id]} "
                           "in this batch; give one of them another `id` in its metadata")
            )
            continue
        seen[doc_id] = str(path)
        res = ingest_document(store, raw, default_id, overrides, bar=bar)
        summary.results.append(res)
        changed |= res.status in ("added", "updated")
        log.info("%s: %s %s", path, res.status, res.reason or f"({res.passages} passages)")
    if changed:
        store.bump_version()
    return summary


def ingest_bytes(
    store: Store,
    filename: str,
    data: bytes,
    overrides: Optional[dict] = None,
    progress: Optional[Progress] = None,
    max_bytes: Optional[int] = None,
) -> FileResult:
    """Ingest an uploaded file (the app): its default id is a slug of the file name."""
    path = Path(os.path.basename(filename))
    default_id = default_doc_id(path, None)
    try:
        raw = load_file(path, max_bytes=max_bytes, data=data)
    except (IngestError, MetadataError) as exc:
        return FileResult(filename, "failed", default_id, reason=str(exc))
    res = ingest_document(store, raw, default_id, overrides, progress=progress, bar=False)
    if res.status in ("added", "updated"):
        store.bump_version()
    return res


def remove_document(store: Store, doc_id: str) -> FileResult:
    """Remove one document (one language version); its other versions stay."""
    ids = [c.id for c in store.doc_chunks(doc_id)]
    if not ids:
        return FileResult(doc_id, "failed", doc_id, reason=f"no document with id '{doc_id}' in the store (see: python -m ingest --list)")
    store.delete(ids)
    store.bump_version()
    return FileResult(doc_id, "removed", doc_id, passages=len(ids))


def list_documents(store: Store) -> list[dict]:
    """One row per document: id, title, date, lang, kind, official, version_of, passages, added_at."""
    docs: dict[str, dict] = {}
    for c in store.get(documents=False):
        m = c.meta
        d = docs.setdefault(
            m["doc_id"],
            {k: m.get(k, "") for k in ("doc_id", "title", "date", "doc_lang", "kind", "official", "version_of",
                                       "publisher", "source", "added_at", "path")} | {"passages": 0},
        )
        d["passages"] += 1
    rows = sorted(docs.values(), key=lambda d: (d["date"] or "", d["doc_id"]))
    for r in rows:
        r["lang"] = r.pop("doc_lang")
    return rows


def document_text(store: Store, doc_id: str) -> list[Chunk]:
    """The passages of one document in order (to read it in the app)."""
    return sorted(store.doc_chunks(doc_id, documents=True), key=lambda c: c.meta.get("position", 0))
