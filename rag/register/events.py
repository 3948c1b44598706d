"""The timeline: dated sentences that name an event, one event per date and kind across the record."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..text.dates import DateMention, parse_date_arg
from . import lexicon as lx
from .corpus import Cand, Corpus, rank, shown_cands
from .happened import happenings, kind_at
from .model import Agreement, Event, Relation
from .patterns import REFERENCE, place_in


def _event_cands(corpus: Corpus) -> dict[tuple, list[Cand]]:
    """Dated sentences that report something that happened, by (family, paragraph, ISO date, approximate)."""
    groups: dict[tuple, list[Cand]] = defaultdict(list)
    for doc_id in corpus.docs:
        for key, c in corpus.per_doc(doc_events, doc_id):
            groups[key].append(c)
    return groups


def doc_events(corpus: Corpus, doc_id: str) -> list[tuple[tuple, Cand]]:
    """The dated sentences of one document that report something that happened, with their group key.

    Any sentence with a stated date on or before its document's date that it does not plan, postpone,
    ask for or set as a deadline (:func:`.happened.happenings`), whatever its verb; the kind is read
    afterwards (``event`` when none is named). A bare year is an event only for a signing or an
    establishment; a quarter or a part of a year is never one."""
    out: list[tuple[tuple, Cand]] = []
    for p in corpus.docs[doc_id]:
        doc_date = p.meta.date or None
        for a, b, sent in corpus.sentences(p):
            for h in happenings(sent, doc_date, years=True):
                m, kind = h.mention, kind_at(sent, h.start)
                if m.precision == "year" and kind not in ("signing", "establishment"):
                    continue  # "thành lập năm 1995": only the year of a signing or a founding
                c = Cand(p, a, b, sent, value=h.iso, evidence=h.text, ev_at=h.start,
                         extra={"mention": m, "kind": kind, "iso": h.iso, "end": h.end})
                out.append(((p.meta.family_id, p.meta.para, h.iso, m.approximate), c))
                break
    return out


def _cite_order(c: Cand) -> tuple:
    """A passage that reports the event before one that cites it as a basis ("Căn cứ … ký tháng 12/2015")."""
    return (bool(REFERENCE.search(c.sent)), *rank(c))


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


def _by_place(lists: list[list[Cand]]) -> list[list[list[Cand]]]:
    """Reports of one day split by where they put it: a signing in Thakhek and a meeting in Hanoi on
    the same day are two events; a report that names no place, or one of the same places, joins one."""
    parts: list[tuple[set[str], list[list[Cand]]]] = []
    for cands in sorted(lists, key=lambda cs: _cite_order(min(cs, key=rank))):
        where = set().union(*(lx.where(c.sent) for c in cands)) - set(lx.COUNTRIES)
        home = next((p for p in parts if not where or not p[0] or where & p[0]), None)
        if home is None:
            parts.append((where, [cands]))
        else:
            home[0].update(where)
            home[1].append(cands)
    return [p[1] for p in parts]


def extract_events(corpus: Corpus) -> list[Event]:
    """Every dated event of the record, oldest first, cited from the first document that reports it."""
    groups = _event_cands(corpus)
    # One event per family + date + kind (the same event told twice in one document is one event).
    merged: dict[tuple, list[list[Cand]]] = defaultdict(list)
    for (family, _para, iso, approx), cands in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        kind = min(cands, key=rank).extra["kind"]
        merged[(family, iso, approx, kind)].append(cands)
    # And across documents, one event per exact day and place (cited from the first source).
    across: dict[tuple, list[list[Cand]]] = defaultdict(list)
    for (family, iso, approx, kind), lists in merged.items():
        key = (iso,) if len(iso) == 10 and not approx else (iso, kind) if not approx else (family, iso, kind, "approx")
        across[key].append(lists[0])
    events = []
    for lists in (part for group in across.values() for part in _by_place(group)):
        lists.sort(key=lambda cs: _cite_order(min(cs, key=rank)))
        cands = lists[0]
        primary = min(cands, key=rank)
        m: DateMention = primary.extra["mention"]
        shown = shown_cands(cands)
        for other in lists[1:]:  # another document reports it in a language the first has no version in
            for lang, o in shown_cands(other).items():
                shown.setdefault(lang, o)
        events.append(Event(
            cited=primary.span(), shown={lang: c.span() for lang, c in shown.items()}, date=primary.extra["iso"],
            end=primary.extra["end"], precision=m.precision, approximate=m.approximate,
            inherited_year=m.inherited and not m.relative, kind=primary.extra["kind"], planned=False,
            place=_place(primary), places={lang: _place(c) for lang, c in shown.items()},
            counts=tuple((c.value, c.unit) for c in lx.counts(primary.sent) if c.unit != "percent"),
            also=tuple(min(other, key=rank).span() for other in lists[1:]),
        ))
    events.sort(key=lambda e: (parse_date_arg(e.date), e.approximate, e.doc_id, e.start))
    return _within_visits(_programme(_months_into_days(events)))


def _within_visits(events: list[Event]) -> list[Event]:
    """A working meeting (or an unnamed event) a document dates on a day of a visit it dates as a range
    ("from 14 to 16/3/2023 the delegation visited …"; "Thà Khẹc, ngày 16 tháng 3 năm 2023" on its minutes)
    is part of that visit: one row. A signing during the visit stays its own event."""
    visits = [e for e in events if e.kind == "visit" and e.end and e.precision == "day"]
    def inside(ev: Event) -> bool:
        return ev.kind in ("meeting", "event") and ev.precision == "day" and not ev.end and any(
            v is not ev and v.doc_id == ev.doc_id and v.date <= ev.date <= v.end for v in visits)
    return [e for e in events if not inside(e)]


def _months_into_days(events: list[Event]) -> list[Event]:
    """An event known only by its month ("Đầu tháng 8/2024", "in March 2023") is the day event of that
    month of the same kind (or, of no named kind, of the same document), when there is one: one event,
    every source kept."""
    days: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        if ev.precision == "day" and not ev.approximate:
            days[ev.date[:7]].append(ev)
    merged: dict[int, Event] = {}
    out_ids = set()
    for ev in events:
        if ev.precision != "month" or ev.approximate:
            continue
        same = [d for d in days.get(ev.date, []) if d.kind == ev.kind
                or (ev.kind == "event" and ev.doc_id in {d.doc_id} | {s.doc_id for s in d.also})]
        if len(same) != 1:
            continue
        d = same[0]
        cur = merged.get(id(d), d)
        shown = dict(cur.shown)
        for lang, span in ev.shown.items():
            shown.setdefault(lang, span)
        merged[id(d)] = replace(cur, shown=shown, also=cur.also + (ev.cited,) + ev.also)
        out_ids.add(id(ev))
    return [merged.get(id(ev), ev) for ev in events if id(ev) not in out_ids]


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
