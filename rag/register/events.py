"""The timeline: dated sentences that name an event, one event per date and kind across the record."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..text.dates import DateMention, find_dates, first_explicit, last_day, parse_date_arg, parse_iso
from .corpus import Cand, Corpus, rank, shown_cands
from .model import Agreement, Event, Relation
from .patterns import classify_event, place_in


def _event_cands(corpus: Corpus) -> dict[tuple, list[Cand]]:
    """Dated event sentences by (family, paragraph, ISO date, approximate)."""
    groups: dict[tuple, list[Cand]] = defaultdict(list)
    for p in corpus.by_id.values():
        for a, b, sent in corpus.sentences(p):
            m = first_explicit(find_dates(sent, p.meta.date or None))
            if m is None:
                continue
            kind = classify_event(sent)
            if kind is None:
                continue
            c = Cand(p, a, b, sent, value=m.iso, evidence=m.text, ev_at=m.start, extra={"mention": m, "kind": kind})
            groups[(p.meta.family_id, p.meta.para, m.iso, m.approximate)].append(c)
    return groups


def _place(c: Cand) -> str:
    found = place_in(c.sent, c.p.meta.date or None)
    return found[0] if found else ""


def extract_events(corpus: Corpus) -> list[Event]:
    """Every dated event of the record, oldest first, cited from the first document that reports it."""
    groups = _event_cands(corpus)
    # One event per family + date + kind (the same event told twice in one document is one event).
    merged: dict[tuple, list[list[Cand]]] = defaultdict(list)
    for (family, _para, iso, approx), cands in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        kind = min(cands, key=rank).extra["kind"]
        merged[(family, iso, approx, kind)].append(cands)
    # And across documents, one event per exact date + kind (cited from the first source).
    across: dict[tuple, list[list[Cand]]] = defaultdict(list)
    for (family, iso, approx, kind), lists in merged.items():
        key = (iso, kind) if not approx else (family, iso, kind, "approx")
        across[key].append(lists[0])
    events = []
    for lists in across.values():
        lists.sort(key=lambda cs: rank(min(cs, key=rank)))
        cands = lists[0]
        primary = min(cands, key=rank)
        m: DateMention = primary.extra["mention"]
        doc = parse_iso(primary.p.meta.date)
        shown = shown_cands(cands)
        events.append(Event(
            cited=primary.span(), shown={lang: c.span() for lang, c in shown.items()}, date=m.iso,
            precision=m.precision, approximate=m.approximate,
            inherited_year=m.inherited and not m.relative, kind=primary.extra["kind"],
            planned=bool(doc) and not m.relative and m.first_day() > last_day(*doc),
            place=_place(primary), places={lang: _place(c) for lang, c in shown.items()},
            also=tuple(min(other, key=rank).span() for other in lists[1:]),
        ))
    events.sort(key=lambda e: (parse_date_arg(e.date), e.approximate, e.doc_id, e.start))
    return events


def link_events(events: list[Event], agreements: Sequence[Agreement]) -> list[Event]:
    """A signing names the agreement it signed (when the period is cited from another passage) and its occasion."""
    out = []
    for ev in events:
        related: list[Relation] = []
        if ev.kind == "signing":
            for ag in agreements:
                s = ag.signed
                if s is None or s.chunk_id != ev.chunk_id or s.start != ev.start:
                    continue
                if ag.period is not None and ag.period.chunk_id != ev.chunk_id:
                    related.append(Relation("agreement", ag.key))
                if ag.occasion is not None:
                    related.append(Relation("occasion", ag.key))
        out.append(replace(ev, related=tuple(related)) if related else ev)
    return out
