"""The timeline: dated sentences that name an event, one event per date and kind across the record."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..text.dates import DateMention, find_dates, last_day, parse_date_arg, parse_iso
from . import lexicon as lx
from .corpus import Cand, Corpus, rank, shown_cands
from .model import Agreement, Event, Relation
from .patterns import classify_event, place_in
from .when import day_range, find_when, slash_ranges

_CLAUSE = re.compile(r"\s*[;]\s+|,\s+(?=sau\s+khi|after|đang|dự\s+kiến|tỉnh\s)", re.I)


def _event_cands(corpus: Corpus) -> dict[tuple, list[Cand]]:
    """Dated sentences that report an event that happened, by (family, paragraph, ISO date, approximate).

    A date after the document's own is a plan, not an event; so is a clause that plans, asks or
    postpones ("sẽ", "dự kiến", "lùi", "ຈະ"); a bare year is an event only for a signing or an
    establishment; a quarter is never one."""
    groups: dict[tuple, list[Cand]] = defaultdict(list)
    for p in corpus.by_id.values():
        doc = parse_iso(p.meta.date or "")
        for a, b, sent in corpus.sentences(p):
            kind = classify_event(sent)
            if kind is None:
                continue
            quarters = [(w.start, w.end) for w in find_when(sent, p.meta.date or None) if "Q" in w.iso]
            ranges = slash_ranges(sent)
            mentions = [m for m in find_dates(sent, p.meta.date or None)
                        if not any(x <= m.start < y for x, y in quarters)]
            for x, y, first, _last in ranges:
                fy, fm, fd = (int(v) for v in first.split("-"))
                mentions.append(DateMention(x, y, sent[x:y], fy, fm, fd))
            mentions.sort(key=lambda m: (m.relative, m.start))
            for m in mentions:
                if doc and not m.relative and m.first_day() > last_day(*doc):
                    continue  # announced, not held when written
                clause = _clause_at(sent, m.start)
                if lx.PLAN.search(clause) or lx.POSTPONE.search(clause) or lx.REQUEST.search(clause):
                    if not lx.DONE.search(clause):
                        continue
                if m.precision == "year" and kind not in ("signing", "establishment"):
                    continue
                end = next((last for x, y, first, last in ranges if x == m.start), "")
                rng = day_range(sent, m) if not end else None
                iso = m.iso
                if rng:
                    iso, end = rng
                c = Cand(p, a, b, sent, value=iso, evidence=m.text, ev_at=m.start,
                         extra={"mention": m, "kind": kind, "iso": iso, "end": end})
                groups[(p.meta.family_id, p.meta.para, iso, m.approximate)].append(c)
                break
    return groups


def _clause_at(sent: str, at: int) -> str:
    pos = 0
    for m in _CLAUSE.finditer(sent):
        if m.start() >= at:
            return sent[pos : m.start()]
        pos = m.end()
    return sent[pos:]


def _place(c: Cand) -> str:
    found = place_in(c.sent, c.p.meta.date or None)
    return found[0] if found else ""


def _programme(events: list[Event]) -> list[Event]:
    """Days of one programme ("- 20 May 2024: …", "- 21–22 May 2024: …") in one document: one event."""
    out: list[Event] = []
    for ev in events:
        prev = out[-1] if out else None
        if (prev is not None and prev.doc_id == ev.doc_id and prev.precision == ev.precision == "day"
                and lx.ITEM.match(prev.cited.sentence) and lx.ITEM.match(ev.cited.sentence)):
            gap = (parse_date_arg(ev.date) - parse_date_arg(prev.end or prev.date)).days
            if 0 <= gap <= 2:
                kind = prev.kind if prev.kind == "visit" else ev.kind if ev.kind == "visit" else prev.kind
                out[-1] = replace(prev, end=max(ev.end or ev.date, prev.end or prev.date), kind=kind)
                continue
        out.append(ev)
    return out


def extract_events(corpus: Corpus) -> list[Event]:
    """Every dated event of the record, oldest first, cited from the first document that reports it."""
    groups = _event_cands(corpus)
    # One event per family + date + kind (the same event told twice in one document is one event).
    merged: dict[tuple, list[list[Cand]]] = defaultdict(list)
    for (family, _para, iso, approx), cands in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        kind = min(cands, key=rank).extra["kind"]
        merged[(family, iso, approx, kind)].append(cands)
    # And across documents, one event per exact day (cited from the first source).
    across: dict[tuple, list[list[Cand]]] = defaultdict(list)
    for (family, iso, approx, kind), lists in merged.items():
        key = (iso,) if len(iso) == 10 and not approx else (iso, kind) if not approx else (family, iso, kind, "approx")
        across[key].append(lists[0])
    events = []
    for lists in across.values():
        lists.sort(key=lambda cs: rank(min(cs, key=rank)))
        cands = lists[0]
        primary = min(cands, key=rank)
        m: DateMention = primary.extra["mention"]
        shown = shown_cands(cands)
        for other in lists[1:]:  # another document reports it in a language the first has no version in
            o = min(other, key=rank)
            if o.lang not in shown:
                shown[o.lang] = o
        events.append(Event(
            cited=primary.span(), shown={lang: c.span() for lang, c in shown.items()}, date=primary.extra["iso"],
            end=primary.extra["end"], precision=m.precision, approximate=m.approximate,
            inherited_year=m.inherited and not m.relative, kind=primary.extra["kind"], planned=False,
            place=_place(primary), places={lang: _place(c) for lang, c in shown.items()},
            counts=tuple((c.value, c.unit) for c in lx.counts(primary.sent) if c.unit != "percent"),
            also=tuple(min(other, key=rank).span() for other in lists[1:]),
        ))
    events.sort(key=lambda e: (parse_date_arg(e.date), e.approximate, e.doc_id, e.start))
    return _programme(events)


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
