"""Reading a document's metadata: YAML front matter, a ``NAME.meta.yaml`` sidecar, default ids.

The schema itself is :class:`rag.records.DocumentMeta` (id, title, date, lang, kind,
publisher, source, version_of, official); :func:`build_meta` validates a raw mapping against
it and turns a wrong field into a :class:`MetadataError` naming the field.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic import ValidationError

from ..records import DocumentMeta, FieldError
from .errors import MetadataError

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
MAX_META_BYTES = 64_000  # front matter or a sidecar: metadata is a few lines


class _MetaLoader(yaml.SafeLoader):
    """YAML for metadata: no aliases (a few hundred bytes of them can expand to gigabytes), and
    dates kept as text (checked by the schema, so 2022-13-45 is a clear error, not a crash)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.events.AliasEvent):
            raise MetadataError("meta_alias")
        return super().compose_node(parent, index)


_MetaLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_meta_yaml(text: str, where: str) -> object:
    """Parse metadata YAML safely; MetadataError for anything wrong (``where`` names the place)."""
    if len(text.encode("utf-8")) > MAX_META_BYTES:
        raise MetadataError("meta_too_big", where=where, limit=MAX_META_BYTES // 1000)
    try:
        return yaml.load(text, Loader=_MetaLoader)  # noqa: S506 -- a SafeLoader subclass
    except MetadataError:
        raise
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        if where == "front matter":
            raise MetadataError("meta_yaml", error=exc.__class__.__name__) from None
        raise MetadataError("meta_sidecar_yaml", name=where, error=exc.__class__.__name__) from None
# A stray " date 2022-11 " marker before the text, as the seed article has.
_STRAY_DATE = re.compile(r"\A\s*date\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\s+")


def slugify(text: str) -> str:
    """Slug of a path or name: 'Biên bản 2015.pdf' -> 'bien-ban-2015-pdf'.

    Latin letters lose their marks and Lao stays; a name whose other letters (Chinese, Cyrillic,
    Thai...) would vanish keeps what is left plus a short hash of the whole name, so '中文' and
    '报告' get different ids.
    """
    original = unicodedata.normalize("NFC", text)
    text = original.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    lost = any(c.isalpha() and not re.match(r"[A-Za-z\u0e80-\u0eff]", c) for c in text)
    text = re.sub(r"[^A-Za-z0-9\u0e80-\u0eff]+", "-", text).strip("-").lower()
    if lost:
        tag = hashlib.sha1(original.encode("utf-8")).hexdigest()[:8]
        return f"{text or 'doc'}-{tag}"
    return text or "document"


def split_front_matter(text: str) -> tuple[dict, str]:
    """Return (front matter mapping, body) of a text file; no front matter gives ({}, text)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    data = load_meta_yaml(m.group(1), "front matter") or {}
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
            if cand.stat().st_size > MAX_META_BYTES:
                raise MetadataError("meta_too_big", where=cand.name, limit=MAX_META_BYTES // 1000)
            try:
                text = cand.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise MetadataError("meta_sidecar_yaml", name=cand.name, error=exc.__class__.__name__) from None
            data = load_meta_yaml(text, cand.name) or {}
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
