"""The one translation table: every string the product shows, in Vietnamese, Lao and English.

The strings live in ``strings.toml`` beside this module (data, not code). ``t(key, lang,
**fields)`` returns the string in ``lang`` with its fields filled in, falling back to
Vietnamese and then to the key itself, so a missing translation never breaks a page.
Errors and statuses travel through the code as keys (``reason_pdf_encrypted``,
``status_in_force``) and become words here, at the edge.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from .langs import DEFAULT_LANG, LANGS, LANGUAGES

STRINGS_FILE = Path(__file__).with_name("strings.toml")


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    with STRINGS_FILE.open("rb") as f:
        return tomllib.load(f)


def has(key: str) -> bool:
    return key in strings()


def t(key: str, lang: str = DEFAULT_LANG, /, **fields) -> str:
    """The string ``key`` in ``lang`` with ``fields`` filled in."""
    entry = strings().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANG) or key
    return text.format(**fields) if fields else text


def all_langs(key: str, **fields) -> dict[str, str]:
    """The string ``key`` in every language of the record."""
    return {lang: t(key, lang, **fields) for lang in LANGS}


def named(prefix: str, code: str, lang: str) -> str:
    """A code named in ``lang`` (``named("kind", "news", "vi")`` -> "Tin tức"); the code itself if unknown."""
    key = f"{prefix}_{code}"
    return t(key, lang) if key in strings() else (code or "?")


def lang_name(code: str, lang: str) -> str:
    """A language code (vi / lo / en / und) named in ``lang``."""
    return named("lang", code, lang)


def native_name(code: str) -> str:
    """A language named in its own script (the language selector)."""
    return LANGUAGES[code].native if code in LANGUAGES else code


def missing_translations() -> list[str]:
    """Keys lacking one of the languages (the tests keep this empty)."""
    return [f"{k}:{lang}" for k, v in strings().items() for lang in LANGS if not v.get(lang)]
