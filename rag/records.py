"""Typed records that cross modules: document metadata, passages, language versions, ranked hits.

- :class:`DocumentMeta` is the one metadata schema of a document (front matter, sidecar, the
  upload form, eval corpora), validated by pydantic; a wrong field raises :class:`FieldError`
  with a code and the values, which the ingest step turns into a "failed" line.
- :class:`PassageMeta` is what the store keeps beside each passage (flat, Chroma-safe).
- :class:`Passage` is a stored passage; :class:`Version` the same paragraph in another
  language version of its document; :class:`Hit` a retrieved passage with its versions.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from .text.dates import date_bounds, parse_iso
from .text.langs import LANGS, UND

KINDS = ("mou", "minutes", "report", "news", "other")
Kind = Literal["mou", "minutes", "report", "news", "other"]
_ID = re.compile(r"[\w.\-\u0e80-\u0eff]{1,200}")


class FieldError(ValueError):
    """A metadata field that does not fit the schema: ``code`` names the problem (a key of the
    strings table, ``reason_<code>``) and ``params`` its values."""

    def __init__(self, code: str, **params: Any):
        self.code, self.params = code, params
        super().__init__(f"{code}: {params}")


def normalize_date(value: Any) -> str:
    """A metadata date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' ('' when empty); FieldError when wrong."""
    if value in (None, ""):
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    p = parse_iso(text) if re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", text) else None
    if p is None:
        raise FieldError("meta_date_format", value=text)
    y, mo, d = p
    try:
        if d:
            dt.date(y, mo, d)
            return f"{y:04d}-{mo:02d}-{d:02d}"
        if mo:
            if not 1 <= mo <= 12:
                raise ValueError
            return f"{y:04d}-{mo:02d}"
    except ValueError:
        raise FieldError("meta_date_real", value=text) from None
    return f"{y:04d}"


class DocumentMeta(BaseModel):
    """The metadata of one document. All fields are optional in a file; ``id`` is then derived
    from the file name. Unknown fields are kept in ``extra``."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str
    title: str = ""
    date: str = ""
    lang: str = ""
    kind: Kind = "other"
    publisher: str = ""
    source: str = ""
    version_of: str = ""
    official: Optional[bool] = None
    extra: dict[str, Any] = {}

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, v: Any) -> str:
        v = str(v or "").strip()
        if not _ID.fullmatch(v):
            raise FieldError("meta_id", value=v)
        return v

    @field_validator("title", "publisher", "source", "version_of", mode="before")
    @classmethod
    def _text(cls, v: Any) -> str:
        return str(v if v is not None else "").strip()

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, v: Any) -> str:
        return normalize_date(v)

    @field_validator("lang", mode="before")
    @classmethod
    def _lang(cls, v: Any) -> str:
        v = str(v or "").strip().lower()
        if v and v not in LANGS:
            raise FieldError("meta_lang", value=v)
        return v

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, v: Any) -> str:
        v = str(v or "other").strip().lower()
        if v not in KINDS:
            raise FieldError("meta_kind", value=v, kinds=", ".join(KINDS))
        return v

    @field_validator("official", mode="before")
    @classmethod
    def _official(cls, v: Any) -> Optional[bool]:
        if v is None or isinstance(v, bool):
            return v
        raise FieldError("meta_official", value=str(v))

    @model_validator(mode="after")
    def _versions(self) -> DocumentMeta:
        if self.version_of and self.version_of == self.id:
            raise FieldError("meta_version_self", value=self.id)
        return self

    @classmethod
    def from_fields(cls, raw: dict[str, Any], default_id: str) -> DocumentMeta:
        """Validate a raw mapping (front matter, sidecar, form); unknown keys go to ``extra``."""
        known = set(cls.model_fields) - {"extra"}
        data = {k: v for k, v in raw.items() if k in known}
        data["id"] = raw.get("id") or default_id
        data["extra"] = {k: v for k, v in raw.items() if k not in known}
        return cls(**data)

    @property
    def is_official(self) -> bool:
        """True for an original; a translation (``version_of`` set) is a working version by default."""
        return self.official if self.official is not None else not self.version_of

    @property
    def family(self) -> str:
        """The id shared by a document and all its language versions."""
        return self.version_of or self.id


@dataclass
class PassageMeta:
    """What the store keeps beside each passage: flat values only (Chroma metadata)."""

    doc_id: str
    family: str = ""
    title: str = ""
    title_derived: bool = False
    date: str = ""
    date_from: int = 0  # YYYYMMDD bounds of the document's date (store filters)
    date_to: int = 0
    lang: str = UND  # the passage's own language (mixed documents)
    doc_lang: str = UND
    kind: str = "other"
    publisher: str = ""
    source: str = ""
    version_of: str = ""
    official: bool = True
    position: int = 0  # passage number in its document
    para: int = 0  # paragraph number (language versions share it)
    start: int = 0  # end-exclusive code-point offsets into the document's NFC text
    end: int = 0
    page: int = -1  # PDF page, -1 when none
    doc_hash: str = ""
    path: str = ""
    n_passages: int = 0
    added_at: str = ""
    updated_at: str = ""
    rev: str = ""  # the document revision it belongs to: visible only while the manifest names it
    kw: str = ""  # keyword tokens (space-separated), segmented once at ingest
    # read by OCR from a scanned page (rag/ingest/scan_ocr.py); defaults for every other passage
    ocr: bool = False
    ocr_conf: float = -1.0  # mean word confidence 0-100 of the passage's words, -1 when not OCR'd
    ocr_box: str = ""  # "x0,y0,x1,y1": the passage on its page image, in that image's pixels
    ocr_image: str = ""  # the page image, relative to Settings.files_path

    @classmethod
    def for_document(cls, meta: DocumentMeta, **passage: Any) -> PassageMeta:
        lo, hi = date_bounds(meta.date)
        doc = dict(doc_id=meta.id, family=meta.family, title=meta.title, date=meta.date, date_from=lo, date_to=hi,
                   doc_lang=meta.lang or UND, kind=meta.kind, publisher=meta.publisher, source=meta.source,
                   version_of=meta.version_of, official=meta.is_official)
        return cls(**{**doc, **passage})

    @classmethod
    def from_store(cls, raw: dict[str, Any]) -> PassageMeta:
        """From Chroma metadata (unknown keys ignored, missing ones defaulted)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (raw or {}).items() if k in names})

    def to_store(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def family_id(self) -> str:
        return self.family or self.doc_id

    @property
    def page_number(self) -> Optional[int]:
        return self.page if self.page and self.page > 0 else None


@dataclass
class DocRecord:
    """One document's entry in the store's manifest: which revision of it readers see.

    Passages are written under a new ``rev`` first (invisible), then this record is switched
    to that ``rev`` in one write, so a document appears whole or not at all. ``n_passages``
    lets a reader check it read the whole revision; ``meta`` is the first passage's metadata
    (title, date, path... for document lists without reading passages).
    """

    doc_id: str
    rev: str
    n_passages: int
    meta: PassageMeta

    @property
    def info(self) -> DocumentInfo:
        return DocumentInfo.of(self.meta, self.n_passages)


@dataclass
class Passage:
    """A stored passage: id (``doc_id:position:hash``), text and metadata."""

    id: str
    text: str
    meta: PassageMeta

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id

    @property
    def lang(self) -> str:
        return self.meta.lang

    @property
    def unit(self) -> tuple[str, int]:
        """(family, paragraph): the key its language versions share."""
        return self.meta.family_id, self.meta.para


@dataclass
class Version:
    """One language version of a retrieved paragraph (several passages of it joined)."""

    doc_id: str
    chunk_id: str
    lang: str
    official: bool
    title: str
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, passages: list[Passage]) -> Version:
        passages = sorted(passages, key=lambda p: p.meta.position)
        first, last = passages[0], passages[-1]
        return cls(first.doc_id, first.id, first.lang, first.meta.official, first.meta.title,
                   "\n".join(p.text for p in passages), first.meta.start, last.meta.end)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Ranked:
    """A passage in a ranked list, with the score that ranked it."""

    passage: Passage
    score: float


@dataclass
class Hit:
    """One retrieved passage (with its language versions) and how it scored."""

    passage: Passage
    score: float
    similarity: float = 0.0  # query-passage cosine of the best version (for the refusal gate)
    versions: list[Version] = field(default_factory=list)

    @property
    def chunk_id(self) -> str:
        return self.passage.id

    @property
    def text(self) -> str:
        return self.passage.text

    @property
    def meta(self) -> PassageMeta:
        return self.passage.meta

    @property
    def doc_id(self) -> str:
        return self.passage.doc_id

    def texts(self) -> list[str]:
        """The passage and all its versions' texts."""
        return [self.text] + [v.text for v in self.versions]

    def own_version(self) -> Version:
        m = self.meta
        return Version(m.doc_id, self.chunk_id, m.lang, m.official, m.title, self.text, m.start, m.end)

    def version_in(self, lang: str) -> Optional[Version]:
        """This passage in ``lang`` (itself or a version), or None."""
        if self.meta.lang == lang:
            return self.own_version()
        return next((v for v in self.versions if v.lang == lang), None)

    def all_versions(self) -> list[Version]:
        return [self.own_version()] + self.versions


@dataclass
class DocumentInfo:
    """One stored document, as the corpus page and ``ingest --list`` show it."""

    doc_id: str
    title: str
    date: str
    lang: str
    kind: str
    official: bool
    version_of: str
    publisher: str
    source: str
    added_at: str
    path: str
    passages: int

    @classmethod
    def of(cls, meta: PassageMeta, passages: int) -> DocumentInfo:
        return cls(meta.doc_id, meta.title, meta.date, meta.doc_lang, meta.kind, meta.official, meta.version_of,
                   meta.publisher, meta.source, meta.added_at, meta.path, passages)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
