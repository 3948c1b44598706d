"""The ingest pipeline: load -> normalize -> detect language -> split -> embed -> store.

Passage ids are ``<doc_id>:<position>:<content hash>``, so ingesting an unchanged file changes
nothing, a changed file replaces its passages completely (new ones are written first, stale
ones removed after), and a failure never touches what is already stored.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Optional

from tqdm import tqdm

from ..records import DocumentMeta, Passage, PassageMeta
from ..store.chroma import Store
from ..text.detect import detect_language
from ..text.langs import UND
from ..text.normalize import normalize_text
from ..text.sentences import Segment, split_passages
from .errors import IngestError
from .loaders import RawDocument

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def _hash(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def passage_id(doc_id: str, position: int, text: str) -> str:
    """Stable and unique: document id + position + content hash."""
    return f"{doc_id}:{position:04d}:{_hash(text)}"


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


def prepare(raw: RawDocument, meta: DocumentMeta, max_chars: int) -> Prepared:
    """Normalize, detect language and split a loaded document into passages ready to store."""
    text = normalize_text(raw.text)
    if not text:
        raise IngestError("no_text")
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
    passages = [
        Passage(passage_id(meta.id, s.position, s.text), s.text, PassageMeta.for_document(
            meta, title_derived=title_derived, lang=s.lang if s.lang != UND else lang, doc_lang=lang,
            position=s.position, para=s.para, start=s.start, end=s.end,
            page=s.page if s.page is not None else -1, doc_hash=doc_hash, path=str(raw.path),
            n_passages=len(segments)))
        for s in segments
    ]
    return Prepared(meta, passages, warnings)


@dataclass
class Plan:
    """What writing one prepared document will do to the store."""

    doc_id: str
    status: str  # added, updated, unchanged
    to_embed: list[Passage]
    to_update: list[Passage]
    stale: list[str]


def plan_document(passages: list[Passage], existing: dict[str, PassageMeta]) -> Plan:
    """Compare a document's new passages with what is stored: added / updated / unchanged."""
    doc_id = passages[0].doc_id
    new = {p.id: p for p in passages}
    doc_hash = passages[0].meta.doc_hash
    if set(existing) == set(new) and all(m.doc_hash == doc_hash for m in existing.values()):
        return Plan(doc_id, "unchanged", [], [], [])
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    added_at = min((m.added_at or now for m in existing.values()), default=now)
    for p in passages:
        p.meta.added_at = added_at
        p.meta.updated_at = now
    return Plan(
        doc_id,
        "added" if not existing else "updated",
        [p for i, p in new.items() if i not in existing],
        [p for i, p in new.items() if i in existing],
        [i for i in existing if i not in new],
    )


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


def write_plans(store: Store, plans: list[Plan], progress: Optional[Progress] = None, bar: bool = True) -> None:
    """Embed new passages in batches (across documents), then write; stale passages go last."""
    to_embed = [p for plan in plans for p in plan.to_embed]
    batch = store.settings.embedding_batch
    with tqdm(total=len(to_embed), desc="embed", unit="passage", disable=not bar or not to_embed, leave=False) as pbar:
        for i in range(0, len(to_embed), batch):
            part = to_embed[i : i + batch]
            texts = [embedding_text(p, store.settings.title_context) for p in part]
            store.add(part, store.embedder.encode_passages(texts))
            pbar.update(len(part))
            if progress:
                progress(i + len(part), len(to_embed))
    store.update_metadata([p for plan in plans for p in plan.to_update])
    store.delete([i for plan in plans for i in plan.stale])


def existing_passages(store: Store, doc_ids: list[str]) -> dict[str, dict[str, PassageMeta]]:
    """What the store holds now of some documents: doc_id -> passage id -> metadata."""
    out: dict[str, dict[str, PassageMeta]] = {d: {} for d in doc_ids}
    if doc_ids:
        for p in store.get(where={"doc_id": {"$in": doc_ids}}, documents=False):
            out.setdefault(p.doc_id, {})[p.id] = p.meta
    return out


def store_document(store: Store, prepared: Prepared, progress: Optional[Progress] = None, bar: bool = True) -> str:
    """Write one document's passages; returns added / updated / unchanged. Never loses stored data on failure."""
    plan = plan_document(prepared.passages, existing_passages(store, [prepared.meta.id])[prepared.meta.id])
    write_plans(store, [plan], progress, bar)
    if progress and plan.status == "unchanged":
        progress(len(prepared.passages), len(prepared.passages))
    return plan.status
