"""The one metadata schema of a document (YAML front matter or ``NAME.meta.yaml`` sidecar).

Fields: id, title, date (YYYY[-MM[-DD]]), lang (vi / lo / en), kind (mou, minutes, report,
news, other), publisher, source, version_of (id of the original), official (true for the
original, false for a working translation).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

KINDS = ("mou", "minutes", "report", "news", "other")
FIELDS = ("id", "title", "date", "lang", "kind", "publisher", "source", "version_of", "official")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
# A stray " date 2022-11 " marker before the text, as the seed article has.
_STRAY_DATE = re.compile(r"\A\s*date\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\s+")


class MetadataError(ValueError):
    """Front matter or sidecar that does not fit the schema; the message says which field."""


@dataclass
class DocMeta:
    id: str
    title: str = ""
    date: str = ""
    lang: str = ""
    kind: str = "other"
    publisher: str = ""
    source: str = ""
    version_of: str = ""
    official: bool = True
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("extra")
        return d

    @property
    def family(self) -> str:
        """The id shared by a document and all its language versions."""
        return self.version_of or self.id


def slugify(text: str) -> str:
    """ASCII slug of a path or name: 'Biên bản 2015.pdf' -> 'bien-ban-2015-pdf'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9\u0e80-\u0eff]+", "-", text).strip("-").lower()
    return text or "document"


def date_range(date: str) -> tuple[int, int]:
    """'2022' -> (20220101, 20221231); '2022-11' -> (20221101, 20221130); '' -> (0, 0)."""
    if not date:
        return 0, 0
    m = _DATE.match(date)
    if not m:
        return 0, 0
    y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if d:
        v = y * 10000 + mo * 100 + d
        return v, v
    if mo:
        last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)).day
        return y * 10000 + mo * 100 + 1, y * 10000 + mo * 100 + last
    return y * 10000 + 101, y * 10000 + 1231


def normalize_date(value: Any, where: str) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    m = _DATE.match(text)
    if not m:
        raise MetadataError(f"{where}: date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = m[1], m[2], m[3]
    try:
        if d:
            dt.date(int(y), int(mo), int(d))
            return f"{y}-{int(mo):02d}-{int(d):02d}"
        if mo:
            if not 1 <= int(mo) <= 12:
                raise ValueError
            return f"{y}-{int(mo):02d}"
    except ValueError:
        raise MetadataError(f"{where}: date {text!r} is not a real date") from None
    return y


def split_front_matter(text: str) -> tuple[dict, str]:
    """Return (front matter mapping, body) of a text file; no front matter gives ({}, text)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise MetadataError(f"front matter is not valid YAML ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise MetadataError("front matter must be a mapping of field: value")
    return data, text[m.end() :]


def strip_stray_date(body: str) -> tuple[str, str]:
    """Move a leading ' date 2022-11 ' marker out of the text: returns (date or '', body)."""
    m = _STRAY_DATE.match(body)
    if not m:
        return "", body
    return m.group(1), body[m.end() :]


def read_sidecar(path: Path) -> dict:
    """``report.pdf`` -> ``report.pdf.meta.yaml`` or ``report.meta.yaml`` if present."""
    for cand in (path.with_name(path.name + ".meta.yaml"), path.with_name(path.stem + ".meta.yaml")):
        if cand.is_file():
            try:
                data = yaml.safe_load(cand.read_text(encoding="utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                raise MetadataError(f"{cand.name}: not valid UTF-8 YAML ({exc.__class__.__name__})") from None
            if not isinstance(data, dict):
                raise MetadataError(f"{cand.name}: must be a mapping of field: value")
            return data
    return {}


def build_meta(raw: dict, default_id: str, where: str) -> DocMeta:
    """Validate a raw mapping against the schema; unknown fields are kept in ``extra``."""
    raw = dict(raw)
    doc_id = str(raw.pop("id", "") or default_id).strip()
    if not re.fullmatch(r"[\w.\-\u0e80-\u0eff]{1,200}", doc_id):
        raise MetadataError(f"{where}: id {doc_id!r} may hold only letters, digits, '.', '_' and '-'")
    lang = str(raw.pop("lang", "") or "").strip().lower()
    if lang and lang not in ("vi", "lo", "en"):
        raise MetadataError(f"{where}: lang {lang!r} must be vi, lo or en")
    kind = str(raw.pop("kind", "") or "other").strip().lower()
    if kind not in KINDS:
        raise MetadataError(f"{where}: kind {kind!r} must be one of {', '.join(KINDS)}")
    official = raw.pop("official", None)
    version_of = str(raw.pop("version_of", "") or "").strip()
    if official is None:
        official = not version_of
    if not isinstance(official, bool):
        raise MetadataError(f"{where}: official must be true or false")
    if version_of == doc_id:
        raise MetadataError(f"{where}: version_of cannot name the document itself")
    return DocMeta(
        id=doc_id,
        title=str(raw.pop("title", "") or "").strip(),
        date=normalize_date(raw.pop("date", ""), where),
        lang=lang,
        kind=kind,
        publisher=str(raw.pop("publisher", "") or "").strip(),
        source=str(raw.pop("source", "") or "").strip(),
        version_of=version_of,
        official=official,
        extra={k: v for k, v in raw.items()},
    )


def meta_with(meta: DocMeta, **changes) -> DocMeta:
    d = asdict(meta)
    d.update({k: v for k, v in changes.items() if v is not None})
    return DocMeta(**d)


def default_doc_id(path: Path, root: Optional[Path]) -> str:
    rel = path.relative_to(root) if root and path.is_relative_to(root) else Path(path.name)
    return slugify(str(rel.with_suffix("")) if rel.suffix else str(rel))
