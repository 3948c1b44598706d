"""Reading a document's metadata: YAML front matter, a ``NAME.meta.yaml`` sidecar, default ids.

The schema itself is :class:`rag.records.DocumentMeta` (id, title, date, lang, kind,
publisher, source, version_of, official); :func:`build_meta` validates a raw mapping against
it and turns a wrong field into a :class:`MetadataError` naming the field.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic import ValidationError

from ..records import DocumentMeta, FieldError
from .errors import MetadataError

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
# A stray " date 2022-11 " marker before the text, as the seed article has.
_STRAY_DATE = re.compile(r"\A\s*date\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\s+")


def slugify(text: str) -> str:
    """ASCII slug of a path or name: 'Biên bản 2015.pdf' -> 'bien-ban-2015-pdf'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9\u0e80-\u0eff]+", "-", text).strip("-").lower()
    return text or "document"


def split_front_matter(text: str) -> tuple[dict, str]:
    """Return (front matter mapping, body) of a text file; no front matter gives ({}, text)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise MetadataError("meta_yaml", error=exc.__class__.__name__) from None
    if not isinstance(data, dict):
        raise MetadataError("meta_mapping")
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
                raise MetadataError("meta_sidecar_yaml", name=cand.name, error=exc.__class__.__name__) from None
            if not isinstance(data, dict):
                raise MetadataError("meta_sidecar_mapping", name=cand.name)
            return data
    return {}


def build_meta(raw: dict[str, Any], default_id: str) -> DocumentMeta:
    """Validate a raw mapping against the schema; a wrong field raises MetadataError."""
    try:
        return DocumentMeta.from_fields(raw, default_id)
    except ValidationError as exc:
        err = exc.errors()[0]
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, FieldError):
            raise MetadataError(cause.code, **cause.params) from None
        field = ".".join(str(x) for x in err.get("loc", ())) or "metadata"
        raise MetadataError("meta_field", field=field, error=err.get("msg", "")) from None
    except FieldError as exc:
        raise MetadataError(exc.code, **exc.params) from None


def default_doc_id(path: Path, root: Optional[Path]) -> str:
    rel = path.relative_to(root) if root and path.is_relative_to(root) else Path(path.name)
    return slugify(str(rel.with_suffix("")) if rel.suffix else str(rel))
