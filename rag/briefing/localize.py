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
from ..register import lexicon as lx
from ..register.model import Commitment, FollowUp, status_finding
from ..register.when import due_order, due_span, parse_due
from ..text.dates import format_iso, parse_date_arg
from ..text.i18n import t
from .labels import lang_name, quoted
from .model import Activity, Agreement, Cited, Fact, FollowItem, TimelineEvent

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def due_display(iso: str, lang: str) -> str:
    """'2025-Q4' -> 'quý IV/2025' (vi), 'ໄຕມາດທີ 4 ປີ 2025' (lo), 'Q4 2025' (en); other dates dd/mm/yyyy."""
    p = parse_due(iso)
    if p and p[3]:
        return t("brief_quarter", lang, q=_ROMAN[p[3]] if lang == "vi" else p[3], y=p[0])
    return format_iso(iso)


def place_label(key: str, lang: str) -> str:
    return t(f"place_{key}", lang)


def count_text(counts: tuple[tuple[str, str], ...], lang: str) -> str:
    return ", ".join(f"{v}{'' if u == 'percent' else ' '}{t(f'unit_{u}', lang)}" for v, u in counts)


def from_source(src: str, lang: str) -> str:
    """"(theo văn bản tiếng Lào)": a row written from the fields of a source in another language."""
    return t("brief_from_source", lang, lang=lang_name(src, lang))


def _same_lang(span: reg.Span, lang: str) -> bool:
    return span.lang in (lang, "und")


def event_text(ev: reg.Event, lang: str) -> str:
    """The event in ``lang``: the version's sentence, or (a source in another language) its fields:
    kind, place, counts. Nothing beyond what was extracted."""
    span = ev.span_in(lang)
    if _same_lang(span, lang):
        return trim(span.sentence, span.at, 200)
    places = [place_label(k, lang) for k in lx.places(ev.cited.sentence)]
    parts = [t(f"event_{ev.kind}", lang)]  # the timeline shows the kind once, before this text
    if places:
        parts.append(", ".join(dict.fromkeys(places)))
    if ev.counts:
        parts.append(count_text(ev.counts[:3], lang))
    return " — ".join(parts) + " " + from_source(span.lang, lang)


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
    the one that follows an expired agreement), the status's reason and the passage that decides it."""
    span = ag.span_in(lang)
    status, note = reg.agreement_status(ag, as_of)
    later = reg.successor(ag, agreements) if status == "expired" else None
    decides = status_finding(ag, as_of)
    d = ""
    if note in ("planned", "planned_passed") and ag.planned:
        d = due_display(ag.planned.key, lang)
    elif note in ("valid_until", "expired_on") and ag.valid_until:
        d = format_iso(ag.valid_until.key)
    return Agreement(
        key=ag.key, kind=ag.kind, name=agreement_name(ag, lang), period_from=ag.period_from, period_to=ag.period_to,
        signed_date=ag.signed_date, signed=_opt(ag.signed, lang), place=_opt(ag.place, lang),
        parties=_opt(ag.parties, lang), period=_opt(ag.period, lang), articles=_opt(ag.articles, lang),
        occasion=_opt(ag.occasion, lang), areas=[fact(f, lang) for f in ag.areas], status=status,
        status_label=t(f"status_{status}", lang), status_note=t(f"brief_note_{note}", lang, p=ag.period_text, d=d),
        followed_by=later.key if later else "", renewal_mentioned=ag.renewal_mentioned,
        status_fact=_decides(decides, lang), planned=_decides(ag.planned, lang) if status == "planned" else None,
        **_cited(ag.cited, span, quoted(trim(span.sentence, span.at), span.lang, lang)),
    )


def _decides(f: Optional[reg.Finding], lang: str) -> Optional[Fact]:
    if f is None:
        return None
    out = fact(f, lang)
    if f.name == "planned":
        out.value = out.text = due_display(f.key, lang)
    elif f.name in ("valid_until", "signed"):
        out.value = out.text = format_iso(f.key)
    return out


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
        kind_label=t(f"event_{ev.kind}", lang), place=ev.place_in(lang), related=related, end_date=ev.end,
        also=[{"doc_id": s.doc_id, "chunk_id": s.chunk_id, "start": s.start, "end": s.end} for s in ev.also],
        **_cited(ev.cited, span, event_text(ev, lang)),
    )


def _what(c: Commitment, lang: str) -> str:
    """The commitment in ``lang``: a version's wording, else its activity terms, counts and places."""
    span = c.span_in(lang)
    if _same_lang(span, lang):
        return trim(span.value or c.what, 0, 200)
    weights = {k: lx.CONCEPTS[k][0] for k in c.terms if k in lx.CONCEPTS}
    keys = sorted(weights, key=lambda k: (-weights[k], list(lx.CONCEPTS).index(k)))[:3]
    words = [t(f"concept_{k}", lang) for k in keys] or [t("row_commitment", lang)]  # no activity term: say what it is
    words = words[:1] + [w[:1].lower() + w[1:] for w in words[1:]]
    text = ", ".join(words)
    text = text[:1].upper() + text[1:]
    if c.counts:
        text += ": " + count_text(c.counts[:1], lang)
    return text + " " + from_source(span.lang, lang)


def _report(f: Optional[FollowUp], lang: str) -> Optional[Fact]:
    if f is None:
        return None
    span = f.span_in(lang)
    return Fact(name="report", value=f.state, key=f.date, **_cited(f.cited, span, format_iso(f.date)))


def commitment(c: Commitment, lang: str, as_of: dt.date, visit: dt.date) -> FollowItem:
    """A commitment in ``lang`` with its state on ``as_of``; open when overdue or due by ``visit``."""
    fs = c.state_on(as_of)
    span = c.span_in(lang)
    note = []
    if fs.report is not None:
        note.append(t("brief_reported", lang, d=format_iso(fs.report.date)))
    if fs.due != c.due:
        note.append(t("brief_due_moved", lang, d=due_display(fs.due, lang)))
    lead = t(f"org_{c.lead}", lang) if c.lead else ""
    if not lead and c.lead_text and c.cited.lang == lang:
        lead = c.lead_text
    open_item = fs.state == "overdue" or (fs.state not in ("done", "cancelled") and due_span(fs.due)[1] <= visit)
    out = FollowItem(
        key=c.key, kind=c.kind, due=c.due, due_display=due_display(c.due, lang), made=c.made, lead=lead,
        places=[place_label(k, lang) for k in c.places], state=fs.state, state_label=t(f"fu_state_{fs.state}", lang),
        state_note="; ".join(note), effective_due=fs.due, effective_due_display=due_display(fs.due, lang),
        report=_report(fs.report, lang), document=span.title or c.document, open_item=open_item,
        effective_due_order=due_order(fs.due), **_cited(c.cited, span, _what(c, lang)),
    )
    out.evidence = c.due_text or c.cited.value
    return out


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
    commitments: list[FollowItem] = field(default_factory=list)


def _written_by(span: reg.Span, as_of: dt.date) -> bool:
    return not span.doc_date or parse_date_arg(span.doc_date) <= as_of


def localize(register: reg.Register, lang: str, as_of: dt.date, date_from: Optional[dt.date] = None,
             date_to: Optional[dt.date] = None, visit: Optional[dt.date] = None) -> Localized:
    """The register's items of the period ``date_from``-``date_to`` in ``lang``, statuses on ``as_of``.

    A signing outside the period's agreements still names the agreement it signed: every
    agreement is put in ``lang`` before the period is applied.
    """
    agreements = {a.key: agreement(a, lang, as_of, register.agreements) for a in register.agreements}
    visit = visit or as_of
    return Localized(
        [event(e, lang, agreements) for e in register.events if e.overlaps(date_from, date_to)],
        [agreements[a.key] for a in register.agreements
         if a.overlaps(date_from, date_to) and (a.signed is not None or a.known_on(as_of))],
        [activity(a, lang) for a in register.activities if a.overlaps(date_from, date_to)],
        [commitment(c, lang, as_of, visit) for c in register.commitments
         if c.overlaps(date_from, date_to) and _written_by(c.cited, as_of)],
    )
