"""Non-UI helpers of the Streamlit app: building the running parts, seeding, uploads, rendering text.

Nothing here imports Streamlit, so every helper can be used (and tested) on its own. The app
(``app.py``) stays a thin layer: it draws widgets and calls these functions, which call the
ingest pipeline and the retrieval / answer code; no retrieval logic lives in the app.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .config import Settings
from .retrieval import Filters

log = logging.getLogger(__name__)

APP_ROOT = Path(__file__).resolve().parent.parent
# Collection-metadata flag: the bundled corpus was seeded once into this collection. With it
# set, an empty store is never re-seeded, so deleted bundled documents stay deleted.
SEED_KEY = "bundled_corpus_seeded"
UPLOAD_TYPES = ("pdf", "docx", "html", "htm", "txt", "md")
MARK_OPEN = '<mark style="background:#ffe98f;padding:0 2px;border-radius:3px">'


# --- running parts ---------------------------------------------------------------------------
@dataclass
class Runtime:
    """Everything heavy the app builds once per settings."""

    settings: Settings
    store: Any
    retriever: Any
    assistant: Any
    seeded: Optional[Any] = None  # ingest Summary when the bundled corpus was added at this start


def corpus_folder(settings: Settings) -> Path:
    """The bundled corpus folder; a relative setting falls back to the app's own folder."""
    folder = Path(settings.corpus_dir)
    if folder.is_absolute() or folder.is_dir():
        return folder
    return APP_ROOT / folder


def is_seeded(store) -> bool:
    col = store.client.get_collection(store.settings.collection)
    return bool((col.metadata or {}).get(SEED_KEY))


def mark_seeded(store) -> None:
    col = store.client.get_collection(store.settings.collection)
    meta = dict(col.metadata or {})
    if not meta.get(SEED_KEY):
        meta[SEED_KEY] = True
        col.modify(metadata=meta)


def seed_corpus_once(store, folder: Optional[Path] = None):
    """Ingest the bundled corpus into an empty store, once per collection.

    Returns the ingest summary when it ingested, else None. After the first start the flag
    in the collection's metadata keeps an emptied store empty (deleting every document in
    the app must not bring the bundled ones back). ``Store.recreate`` (``python -m ingest --reset``) drops the collection and
    with it the flag, so a reset store is seeded again.
    """
    from .service import ensure_corpus

    if is_seeded(store):
        return None
    summary = ensure_corpus(store, folder or corpus_folder(store.settings))
    if store.count() > 0:
        mark_seeded(store)
    return summary


def build_runtime(settings: Settings) -> Runtime:
    """Store (seeded on first start), retriever and assistant for these settings."""
    from .service import build_assistant, build_retriever, build_store

    store = build_store(settings)
    seeded = seed_corpus_once(store)
    retriever = build_retriever(settings, store)
    assistant = build_assistant(settings, retriever)
    return Runtime(settings, store, retriever, assistant, seeded)


# --- documents -------------------------------------------------------------------------------
_doc_cache: dict[int, tuple[str, list[dict]]] = {}
_doc_lock = threading.Lock()


def documents(store) -> list[dict]:
    """``ingest.pipeline.list_documents`` cached until the store's next write (any process)."""
    from ingest.pipeline import list_documents

    version = store.corpus_version()
    with _doc_lock:
        hit = _doc_cache.get(id(store))
        if hit and hit[0] == version:
            return hit[1]
    rows = list_documents(store)
    with _doc_lock:
        _doc_cache[id(store)] = (version, rows)
    return rows


def document_full_text(store, doc_id: str) -> str:
    from ingest.pipeline import document_text

    return "\n\n".join(c.text for c in document_text(store, doc_id))


def delete_document(store, doc_id: str):
    """Remove a document from the store (vectors); the keyword index follows on its next search."""
    from ingest.pipeline import remove_document

    res = remove_document(store, doc_id)
    log.info("app: delete %s -> %s %s", doc_id, res.status, res.reason)
    return res


# --- chat ------------------------------------------------------------------------------------
def make_filters(langs: Iterable[str] = (), doc_ids: Iterable[str] = (), date_from: Optional[dt.date] = None,
                 date_to: Optional[dt.date] = None) -> Filters:
    """Sidebar choices as retrieval :class:`Filters` (empty choices mean no restriction)."""
    def day(d: Optional[dt.date]) -> Optional[int]:
        return int(d.strftime("%Y%m%d")) if d else None

    return Filters(list(langs) or None, list(doc_ids) or None, day(date_from), day(date_to))


def history_for_assistant(turns: list[dict]) -> list[dict]:
    """The session's turns in the shape ``Assistant.stream`` reads."""
    return [
        {"question": t["question"], "rewritten_question": t.get("rewritten_question"),
         "answer": (t.get("answer") or {}).get("answer", "")}
        for t in turns
    ]


def make_turn(question: str, answer) -> dict:
    d = answer.as_dict()
    return {"question": question, "rewritten_question": d.get("rewritten_question"), "answer": d}


def cited_doc_ids(turn: dict) -> set[str]:
    """Every document a turn's answer cites (including the versions shown beside its passages)."""
    out = set()
    for c in (turn.get("answer") or {}).get("citations", []):
        out.add(c["doc_id"])
        out.update(v["doc_id"] for v in c.get("versions", []))
    return out


# --- markdown rendering ----------------------------------------------------------------------
_INLINE = set("\\`*_[]~$|:!")
_LINE_START = set("#-+=")
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


def _escaped_chars(text: str) -> list[str]:
    """Each character of ``text`` as markdown/HTML-safe source (one entry per character)."""
    out: list[str] = []
    line_start = True
    digits_only = True  # the line so far is only digits ("1." would start an ordered list)
    for ch in text:
        if ch == "\n":
            out.append("  \n")
            line_start, digits_only = True, True
            continue
        if line_start and ch in " \t":
            out.append("")  # no indented code blocks
            continue
        e = html.escape(ch, quote=False)
        if ch in _INLINE or (line_start and ch in _LINE_START) or (digits_only and not line_start and ch in ".)"):
            e = "\\" + e
        out.append(e)
        digits_only = digits_only and ch.isdigit()
        line_start = False
    return out


def md_escape(text: str) -> str:
    """Text shown literally by ``st.markdown`` (also with ``unsafe_allow_html``)."""
    return "".join(_escaped_chars(text or ""))


def answer_markdown(text: str) -> str:
    """An answer with its [n] markers in bold, so they stand out and match the card numbers."""
    text = text or ""
    chars = _escaped_chars(text)
    out, pos = [], 0
    for m in _MARKER.finditer(text):
        out.append("".join(chars[pos : m.start()]))
        out.append(f"**[{m.group(1)}]**")
        pos = m.end()
    out.append("".join(chars[pos:]))
    return "".join(out)


def highlight_spans(text: str, base: int, highlights: Iterable[dict], doc_id: str) -> list[tuple[int, int]]:
    """Offsets in ``text`` (a passage starting at document offset ``base``) of its highlighted sentences."""
    spans = []
    for h in highlights:
        if h.get("doc_id") != doc_id:
            continue
        sent = h.get("sentence") or ""
        a, b = int(h.get("start", 0)) - base, int(h.get("end", 0)) - base
        if not (0 <= a < b <= len(text)) or (sent and text[a:b] != sent):
            i = text.find(sent) if sent else -1
            if i < 0:
                continue
            a, b = i, i + len(sent)
        spans.append((a, b))
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def marked_passage(text: str, base: int, highlights: Iterable[dict], doc_id: str) -> str:
    """A passage as markdown with its supporting sentences in ``<mark>`` (needs ``unsafe_allow_html``)."""
    chars = _escaped_chars(text or "")
    out, pos = [], 0
    for a, b in highlight_spans(text or "", base, highlights, doc_id):
        out.append("".join(chars[pos:a]))
        out.append(MARK_OPEN + "".join(chars[a:b]) + "</mark>")
        pos = b
    out.append("".join(chars[pos:]))
    return "".join(out)


# --- uploads ---------------------------------------------------------------------------------
@dataclass
class UploadPreview:
    """What the app knows about an uploaded file before ingesting it."""

    name: str
    data: bytes = field(repr=False)
    key: str
    error: str = ""  # "" | too_big | bad_type | unreadable
    reason: str = ""
    title: str = ""
    date: str = ""
    lang: str = ""  # detected (or from the file's metadata): vi / lo / en / und
    kind: str = "other"
    version_of: str = ""
    doc_id: str = ""
    collision: Optional[dict] = None  # the existing document with the same id
    new_id: str = ""  # a free id for "new document"

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


def preview_upload(name: str, data: bytes, max_bytes: int, existing: dict[str, dict]) -> UploadPreview:
    """Check an uploaded file (size, type, readable) and read its default metadata; stores nothing."""
    from ingest.language import detect_language
    from ingest.loaders import SUPPORTED, IngestError, load_file
    from ingest.metadata import MetadataError, default_doc_id
    from ingest.normalize import normalize_text

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
    except (IngestError, MetadataError) as exc:
        p.error, p.reason = "unreadable", str(exc)
        return p
    meta = raw.meta
    p.title = str(meta.get("title") or "").strip()
    if not p.title:
        first = normalize_text(raw.text).strip().split("\n")[0]
        p.title = first[:120].lstrip("# ").strip()
    p.date = str(meta.get("date") or "")
    lang = str(meta.get("lang") or "").lower()
    p.lang = lang if lang in ("vi", "lo", "en") else detect_language(normalize_text(raw.text[:6000]))
    kind = str(meta.get("kind") or "other").lower()
    p.kind = kind
    p.version_of = str(meta.get("version_of") or "")
    p.doc_id = str(meta.get("id") or default_doc_id(Path(name), None))
    if p.doc_id in existing:
        p.collision = existing[p.doc_id]
        p.new_id = unique_doc_id(p.doc_id, existing)
    return p


def check_date(value: str) -> Optional[str]:
    """The date normalized (YYYY[-MM[-DD]]), '' when empty, None when it is not a valid date."""
    from ingest.metadata import MetadataError, normalize_date

    try:
        return normalize_date((value or "").strip(), "date")
    except MetadataError:
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


def ingest_upload(store, preview: UploadPreview, overrides: dict, max_bytes: int,
                  progress: Optional[Callable[[int, int], None]] = None):
    """Ingest one confirmed upload with ``ingest.pipeline.ingest_bytes``; returns its FileResult."""
    from ingest.pipeline import ingest_bytes

    res = ingest_bytes(store, preview.name, preview.data, overrides=overrides, progress=progress, max_bytes=max_bytes)
    log.info("app upload %s: %s %s", preview.name, res.status, res.reason or res.doc_id)
    return res


# --- optional features (rag/briefing.py) -------------------------------------------------------
def load_briefing_module():
    """``rag.briefing`` or the import error (it is optional for the rest of the app)."""
    try:
        from . import briefing
    except ImportError as exc:  # pragma: no cover - depends on the installation
        return None, exc
    return briefing, None
