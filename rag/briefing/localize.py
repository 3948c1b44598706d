"""Register items in one language: labels from the strings table, the sentence shown in that language.

The register keeps, per item, the cited span of the official original and the matching span
of each language version. Here an item takes the span of the version in the briefing language
(the original's, with the "(original wording)" note, when no version in that language has it),
its labels (event kind, area, status, agreement name) and, for an agreement, its status on the
day the briefing is written for. Nothing is extracted again.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from .. import register as reg
from ..text.dates import format_iso
from ..text.i18n import t
from .labels import quoted
from .model import Activity, Agreement, Cited, Fact, TimelineEvent


def trim(text: str, keep_at: int = 0, limit: int = 300) -> str:
    """One line: whitespace collapsed, cut at a space near ``limit`` keeping position ``keep_at``."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    a = 0
    if keep_at > limit - 60:
        a = text.rfind(", ", 0, keep_at)
        a = a + 2 if a > 0 else max(0, keep_at - 40)
    cut = text.rfind(" ", a, a + limit)
    cut = cut if cut > a + limit // 2 else a + limit
    return ("… " if a else "") + text[a:cut].rstrip(" ,;:") + " …"


def _cited(cited: reg.Span, shown: reg.Span, text: str) -> dict[str, Any]:
    """The Cited fields of an item: the original's sentence cited, the version's sentence shown."""
    return dict(
        doc_id=cited.doc_id, chunk_id=cited.chunk_id, start=cited.start, end=cited.end, source_lang=cited.lang,
        quote=cited.sentence, evidence=cited.evidence, text=text, text_lang=shown.lang,
        shown={"doc_id": shown.doc_id, "chunk_id": shown.chunk_id, "lang": shown.lang, "start": shown.start,
               "end": shown.end},
    )


def fact(f: reg.Finding, lang: str) -> Fact:
    """A field of an agreement in ``lang``: a neutral value as the original writes it (areas by label)."""
    span = f.cited if f.neutral else f.span_in(lang)
    if f.name == "area":
        value = t(f"area_{f.key}", lang)
    elif f.name == "signed":
        value = format_iso(f.key)
    else:
        value = span.value
    text = value if f.neutral else quoted(value, span.lang, lang)
    return Fact(name=f.name, value=value, key=f.key, **_cited(f.cited, span, text))


def agreement_name(ag: reg.Agreement, lang: str) -> str:
    if ag.period_from:
        return t("brief_name_agreement" if ag.kind == "agreement" else "brief_name_mou", lang, p=ag.period_text)
    if ag.signed_date:
        return t("brief_name_agreement_signed" if ag.kind == "agreement" else "brief_name_mou_signed", lang,
                 d=format_iso(ag.signed_date))
    return t("brief_name_mou_unknown", lang)


def agreement(ag: reg.Agreement, lang: str, as_of: dt.date, agreements: tuple[reg.Agreement, ...]) -> Agreement:
    """An agreement in ``lang`` with its status on ``as_of`` (``agreements``: the whole register's, for
    the one that follows an expired agreement)."""
    span = ag.span_in(lang)
    status, note = reg.agreement_status(ag, as_of)
    later = reg.successor(ag, agreements) if status == "expired" else None
    return Agreement(
        key=ag.key, kind=ag.kind, name=agreement_name(ag, lang), period_from=ag.period_from, period_to=ag.period_to,
        signed_date=ag.signed_date, signed=_opt(ag.signed, lang), place=_opt(ag.place, lang),
        parties=_opt(ag.parties, lang), period=_opt(ag.period, lang), articles=_opt(ag.articles, lang),
        occasion=_opt(ag.occasion, lang), areas=[fact(f, lang) for f in ag.areas], status=status,
        status_label=t(f"status_{status}", lang), status_note=t(f"brief_note_{note}", lang, p=ag.period_text),
        followed_by=later.key if later else "", renewal_mentioned=ag.renewal_mentioned,
        **_cited(ag.cited, span, quoted(trim(span.sentence, span.at), span.lang, lang)),
    )


def _opt(f: Optional[reg.Finding], lang: str) -> Optional[Fact]:
    return fact(f, lang) if f is not None else None


_CITE_KEYS = ("n", "doc_id", "chunk_id", "start", "end", "source_lang", "quote", "evidence", "text_lang")


def _copy(f: Cited, **fields: Any) -> Fact:
    """A Fact cited like ``f``."""
    return Fact(**{k: getattr(f, k) for k in _CITE_KEYS}, shown=dict(f.shown), **fields)


def event(ev: reg.Event, lang: str, agreements: dict[str, Agreement]) -> TimelineEvent:
    """A timeline event in ``lang``; ``agreements`` (key -> localized) name what a signing signed."""
    span = ev.span_in(lang)
    related = []
    for rel in ev.related:
        ag = agreements[rel.agreement]
        if rel.name == "agreement" and ag.period is not None:
            related.append(_copy(ag.period, name="agreement", value=ag.name, key=ag.key, text=ag.name))
        elif rel.name == "occasion" and ag.occasion is not None:
            o = ag.occasion
            related.append(_copy(o, name=o.name, value=o.value, key=o.key, text=o.text))
    return TimelineEvent(
        planned=ev.planned, date=ev.date, date_display=format_iso(ev.date), precision=ev.precision,
        approximate=ev.approximate, inherited_year=ev.inherited_year, kind=ev.kind,
        kind_label=t(f"event_{ev.kind}", lang), place=ev.place_in(lang), related=related,
        also=[{"doc_id": s.doc_id, "chunk_id": s.chunk_id, "start": s.start, "end": s.end} for s in ev.also],
        **_cited(ev.cited, span, quoted(trim(span.sentence, span.at), span.lang, lang)),
    )


def activity(act: reg.Activity, lang: str) -> Activity:
    """A planned activity in ``lang``: the item as the version in ``lang`` words it."""
    span = act.span_in(lang)
    display = (("≈ " if act.approximate else "") + format_iso(act.date)) if act.date else ""
    out = Activity(
        area=act.area, area_label=t(f"area_{act.area}", lang), areas=list(act.areas), status=act.status,
        status_label=t(f"status_{act.status}", lang), date=act.date, date_display=display,
        approximate=act.approximate, document=span.title or act.document, agreement=act.agreement,
        agreement_in_force=act.agreement_in_force, **_cited(act.cited, span, quoted(span.value, span.lang, lang)),
    )
    out.evidence = act.cited.value  # the item as the original words it
    return out


@dataclass
class Localized:
    """The register of a period in one language, on one day."""

    timeline: list[TimelineEvent] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)


def localize(register: reg.Register, lang: str, as_of: dt.date, date_from: Optional[dt.date] = None,
             date_to: Optional[dt.date] = None) -> Localized:
    """The register's items of the period ``date_from``-``date_to`` in ``lang``, statuses on ``as_of``.

    A signing outside the period's agreements still names the agreement it signed: every
    agreement is put in ``lang`` before the period is applied.
    """
    agreements = {a.key: agreement(a, lang, as_of, register.agreements) for a in register.agreements}
    return Localized(
        [event(e, lang, agreements) for e in register.events if e.overlaps(date_from, date_to)],
        [agreements[a.key] for a in register.agreements if a.overlaps(date_from, date_to)],
        [activity(a, lang) for a in register.activities if a.overlaps(date_from, date_to)],
    )
