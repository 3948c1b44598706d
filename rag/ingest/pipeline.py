"""The ingest pipeline: load -> normalize -> detect language -> split -> embed -> store.

A document is written whole or not at all (:func:`write_plans`): its passages are staged
under a new revision (ids ``<doc_id>:<rev>:<position>:<content hash>``; vectors of passages
whose embedded text is already stored are copied, not computed again), then one manifest write
switches the document to that revision, and the old revision is deleted. Readers never see a
partial or doubled document; a killed write leaves only invisible staged passages, reused by
the next run and collected by it. Ingesting an unchanged document changes nothing. After each
commit, every hook in :data:`WRITE_HOOKS` gets a :class:`DocumentWritten`, and every hook in
:data:`GROUP_WRITE_HOOKS` the list of a committed group's.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from tqdm import tqdm

from ..records import DocRecord, DocumentMeta, Passage, PassageMeta
from ..store.chroma import StagedDocument, Store
from ..store.manifest import new_rev
from ..store.writes import crash_point
from ..text.detect import detect_language
from ..text.langs import UND
from ..text.normalize import normalize_text
from ..text.sentences import Segment, split_passages
from ..text.tokens import tokenize
from .errors import IngestError
from .loaders import RawDocument

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
COMMIT_PASSAGES = 256  # passages embedded, then committed, per step (a stopped ingest keeps the steps done)


def _hash(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def passage_id(doc_id: str, rev: str, position: int, text: str) -> str:
    """Unique: document id + revision + position + content hash."""
    return f"{doc_id}:{rev}:{position:04d}:{_hash(text, 8)}"


def keyword_tokens(text: str, lang: str) -> str:
    """A passage's keyword tokens, segmented once here and stored with it (space-separated)."""
    return " ".join(t.replace(" ", "_") for t in tokenize(text, lang))


def document_language(segments: list[Segment], text: str) -> str:
    """The language most of the text is in (by characters)."""
    weight: Counter = Counter()
    for p in segments:
        weight[p.lang] += len(p.text)
    if not weight:
        return detect_language(text)
    known = [(n, lang) for lang, n in weight.items() if lang != UND]
    return max(known)[1] if known else UND


@dataclass
class Prepared:
    """A document ready to store: its validated metadata, passages and notes for the user."""

    meta: DocumentMeta
    passages: list[Passage]
    warnings: list[str]


def prepare(raw: RawDocument, meta: DocumentMeta, max_chars: int, max_passages: int = 5000) -> Prepared:
    """Normalize, detect language and split a loaded document into passages ready to store.

    A document longer than ``max_passages`` passages is refused here, before anything is stored
    (by its length first, so a huge text is not split for nothing).
    """
    text = normalize_text(raw.text)
    if not text:
        raise IngestError("no_text")
    if len(text) > max_passages * max_chars:
        raise IngestError("too_many_passages", n=f"> {max_passages}", limit=max_passages)
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
    segments = split_passages(text, max_chars=max_chars, page_spans=spans, doc_lang=meta.lang or None)
    if not segments:
        raise IngestError("no_text")
    if len(segments) > max_passages:
        raise IngestError("too_many_passages", n=len(segments), limit=max_passages)
    warnings = []
    detected = document_language(segments, text)
    lang = meta.lang or detected
    if meta.lang and detected not in (UND, meta.lang):
        warnings.append(f"metadata says lang {meta.lang}, but the text reads as {detected}")
    if lang == UND:
        warnings.append("language not recognised as Vietnamese, Lao or English: stored as 'und'")
    updates = {"lang": lang if lang != UND else ""}
    title_derived = not meta.title
    if title_derived:
        first = segments[0].text.split("\n")[0]
        updates["title"] = first[:120] + ("…" if len(first) > 120 else "")
    meta = meta.model_copy(update=updates)
    doc_hash = _hash(json.dumps(meta.model_dump(exclude={"extra"}), sort_keys=True, ensure_ascii=False)
                     + "\x00" + text, 16)
    passages = []
    for s in segments:
        plang = s.lang if s.lang != UND else lang
        passages.append(Passage("", s.text, PassageMeta.for_document(
            meta, title_derived=title_derived, lang=plang, doc_lang=lang,
            position=s.position, para=s.para, start=s.start, end=s.end,
            page=s.page if s.page is not None else -1, doc_hash=doc_hash, path=str(raw.path),
            n_passages=len(segments), kw=keyword_tokens(s.text, plang))))
    return Prepared(meta, passages, warnings)


def embedding_text(p: Passage, title_context: str = "lead") -> str:
    """What is embedded for a passage: its text, after its document's title for the lead passage.

    A headline names what an article is about ("… sign the 2022-2025 memorandum"), which its
    lead often only implies ("Today (22/11) … the signing ceremony"). Given to every passage
    ("all"), the title pulls later paragraphs about other periods towards the headline's; given
    to the lead only, it helps headline and "when was it signed" questions without that cost.
    A title that was not given (derived from the first line) is never added.
    """
    title = "" if p.meta.title_derived else p.meta.title
    if title and not p.text.startswith(title[:40]) and (
        title_context == "all" or (title_context == "lead" and p.meta.position == 0)
    ):
        return f"{title}\n\n{p.text}"
    return p.text


def embedding_key(p: Passage, title_context: str) -> str:
    """What identifies a passage's vector: the hash of the text that was embedded for it."""
    return _hash(embedding_text(p, title_context), 16)


@dataclass
class Plan:
    """What writing one prepared document will do: its new revision, and which vectors to compute."""

    doc_id: str
    status: str  # added, updated, unchanged
    record: Optional[DocRecord] = None  # the manifest record to switch to (None when unchanged)
    passages: list[Passage] = field(default_factory=list)
    reuse: dict[str, str] = field(default_factory=dict)  # new passage id -> stored passage id with its vector
    to_embed: list[Passage] = field(default_factory=list)
    leftover: bool = False  # unchanged, but a stopped write left invisible passages of it


@dataclass
class DocumentWritten:
    """What a hook after a document write receives: the document's new visible passages."""

    doc_id: str
    rev: str
    status: str  # added, updated, removed
    passages: list[Passage]
    previous_rev: str = ""


WRITE_HOOKS: list[Callable[[Store, DocumentWritten], None]] = []
"""Called after each committed document (outside the store's locks); an error is logged, not raised."""

GROUP_WRITE_HOOKS: list[Callable[[Store, list[DocumentWritten]], None]] = []
"""Called once after each committed group of documents, with all of them (a hook whose work is
cheaper per group than per document, such as translation linking); an error is logged, not raised."""


def plan_document(prepared: Prepared, current: Optional[DocRecord], stored: list[Passage],
                  title_context: str = "lead") -> Plan:
    """Compare a prepared document with what is stored: unchanged, or a new revision to write.

    ``stored`` are the document's stored passages of any revision (with texts): a passage whose
    embedded text is among them gets its vector copied instead of computed.
    """
    passages = prepared.passages
    doc_id = prepared.meta.id
    doc_hash = passages[0].meta.doc_hash
    if current is not None and current.meta.doc_hash == doc_hash and current.n_passages == len(passages):
        return Plan(doc_id, "unchanged", leftover=any(p.meta.rev != current.rev for p in stored))
    rev = new_rev()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    added_at = (current.meta.added_at if current is not None else "") or now
    have = {embedding_key(p, title_context): p.id for p in stored}
    plan = Plan(doc_id, "added" if current is None else "updated")
    for p in passages:
        p.meta.added_at, p.meta.updated_at, p.meta.rev = added_at, now, rev
        p.id = passage_id(doc_id, rev, p.meta.position, p.text)
        source = have.get(embedding_key(p, title_context))
        if source is not None:
            plan.reuse[p.id] = source
        else:
            plan.to_embed.append(p)
    plan.passages = passages
    plan.record = DocRecord(doc_id, rev, len(passages), passages[0].meta)
    return plan


def plan_documents(store: Store, prepared: list[Prepared]) -> list[Plan]:
    """Plans for several prepared documents, reading what the store holds of them in one go."""
    ids = [p.meta.id for p in prepared]
    current = store.documents(ids)
    stored: dict[str, list[Passage]] = {d: [] for d in ids}
    for i in range(0, len(ids), 200):
        part = ids[i : i + 200]
        cond = {"doc_id": part[0]} if len(part) == 1 else {"doc_id": {"$in": part}}
        for p in store.get(where=cond, documents=True):
            stored.setdefault(p.doc_id, []).append(p)
    tc = store.settings.title_context
    return [plan_document(p, current.get(p.meta.id), stored[p.meta.id], tc) for p in prepared]


def _run_hooks(store: Store, written: list[DocumentWritten]) -> None:
    for w in written:
        for hook in WRITE_HOOKS:
            try:
                hook(store, w)
            except Exception:
                log.exception("a hook after writing %s failed (the document is stored)", w.doc_id)
    for group_hook in GROUP_WRITE_HOOKS:
        try:
            group_hook(store, written)
        except Exception:
            log.exception("a hook after writing %d documents failed (they are stored)", len(written))


def _embed(store: Store, passages: list[Passage], tick: Callable[[int], None]) -> dict[str, np.ndarray]:
    """Vectors of passages, in batches of ``embedding_batch`` (across documents)."""
    tc, batch = store.settings.title_context, store.settings.embedding_batch
    out: dict[str, np.ndarray] = {}
    for i in range(0, len(passages), batch):
        part = passages[i : i + batch]
        for p, v in zip(part, store.embedder.encode_passages([embedding_text(p, tc) for p in part])):
            out[p.id] = np.asarray(v, dtype=np.float32)
        tick(len(part))
        crash_point("embedded")
    return out


def _commit_group(store: Store, plans: list[Plan], tick: Callable[[int], None]) -> list[DocumentWritten]:
    """Embed what must be, copy the other vectors, and commit these documents (each whole)."""
    copied = store.embeddings([s for plan in plans for s in plan.reuse.values()])
    # A vector to copy that was deleted meanwhile (another writer) is computed instead.
    to_embed = [p for plan in plans for p in plan.passages
                if p.id not in plan.reuse or plan.reuse[p.id] not in copied]
    fresh = _embed(store, to_embed, tick)
    staged = [StagedDocument(plan.record, plan.passages, np.asarray(
        [fresh[p.id] if p.id in fresh else copied[plan.reuse[p.id]] for p in plan.passages], dtype=np.float32))
        for plan in plans]
    previous = store.documents([plan.doc_id for plan in plans])
    store.commit(staged)
    return [DocumentWritten(plan.doc_id, plan.record.rev, plan.status, plan.passages,
                            previous[plan.doc_id].rev if plan.doc_id in previous else "") for plan in plans]


def write_plans(store: Store, plans: list[Plan], progress: Optional[Progress] = None, bar: bool = True) -> None:
    """Write the changed documents, a few hundred passages per step: each step embeds its new
    passages (in batches across documents) and commits its documents, each whole."""
    store.collect_documents([p.doc_id for p in plans if p.leftover])
    todo = [p for p in plans if p.status != "unchanged"]
    total = sum(len(p.to_embed) for p in todo)
    done = [0]
    with tqdm(total=total, desc="embed", unit="passage", disable=not bar or not total, leave=False) as pbar:
        def tick(n: int) -> None:
            done[0] += n
            pbar.update(n)
            if progress:
                progress(min(done[0], total), total)

        group: list[Plan] = []
        size = 0
        for i, plan in enumerate(todo):
            group.append(plan)
            size += len(plan.to_embed)
            if size >= COMMIT_PASSAGES or i == len(todo) - 1:
                _run_hooks(store, _commit_group(store, group, tick))
                group, size = [], 0


def store_document(store: Store, prepared: Prepared, progress: Optional[Progress] = None, bar: bool = True) -> Plan:
    """Write one document whole; returns its plan (status added / updated / unchanged, and the
    passages that had to be embedded). Never loses stored data on failure."""
    plan = plan_documents(store, [prepared])[0]
    write_plans(store, [plan], progress, bar)
    if progress and plan.status == "unchanged":
        progress(len(prepared.passages), len(prepared.passages))
    return plan


def remove_documents(store: Store, doc_ids: list[str]) -> dict[str, DocRecord]:
    """Remove documents whole (one switch); returns the records removed (unknown ids left out)."""
    current = store.documents(doc_ids)
    if current:
        store.commit([], removed=list(current))
        _run_hooks(store, [DocumentWritten(d, "", "removed", [], r.rev) for d, r in current.items()])
    return current
