"""The briefing's words, all from the one strings table (:func:`rag.text.i18n.t`).

Briefing words are the ``brief_<name>`` keys, event kinds ``event_<kind>``, areas
``area_<key>`` and statuses ``status_<key>``; :func:`labels` gives a language's briefing words
by name, and :data:`LABELS` the same for every language, read from the table.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..register import AREAS, FOLLOW_STATES, STATUSES
from ..text.i18n import has, strings, t
from ..text.langs import LANGS, check_lang

PREFIX = "brief_"


def check(lang: str | None) -> str:
    """``lang`` if a briefing can be written in it (vi, lo, en), else ValueError."""
    return check_lang(lang, "briefing language")


def labels(lang: str) -> dict[str, str]:
    """Name -> the briefing's word in ``lang`` ('timeline' -> '1. Diễn tiến hợp tác')."""
    check(lang)
    return {key[len(PREFIX):]: t(key, lang) for key in strings() if key.startswith(PREFIX)}


class _Labels(Mapping[str, dict[str, str]]):
    """Language -> :func:`labels` of that language."""

    def __getitem__(self, lang: str) -> dict[str, str]:
        if lang not in LANGS:
            raise KeyError(lang)
        return labels(lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


LABELS: Mapping[str, dict[str, str]] = _Labels()


def area_labels(lang: str = "vi") -> dict[str, str]:
    """Area key -> label in ``lang`` (vi, lo, en), in the order the briefing lists them."""
    check(lang)
    return {key: t(f"area_{key}", lang) for key in AREAS}


def status_labels(lang: str = "vi") -> dict[str, str]:
    """Status key -> label in ``lang`` (agreements: in_force, expired, not_yet_in_force, planned, unknown;
    activities: planned, requested; commitments: done, in_progress, postponed, cancelled, overdue, no_news)."""
    check(lang)
    out = {key: t(f"status_{key}", lang) for key in STATUSES}
    out.update({key: t(f"fu_state_{key}", lang) for key in FOLLOW_STATES})
    return out


def lang_name(code: str, lang: str) -> str:
    """A language code named in ``lang`` as the briefing writes it in a sentence ("tiếng Lào")."""
    key = f"{PREFIX}lang_{code}"
    return t(key, lang) if has(key) else code


def quoted(text: str, span_lang: str, lang: str) -> str:
    """``text`` with the "(original wording)" note when it is not in ``lang`` (nor undetermined)."""
    return text + (f" {t('brief_quoted', lang)}" if span_lang not in ("und", lang) else "")
