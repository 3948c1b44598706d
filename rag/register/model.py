"""The register's records: events, agreements and planned activities, as keys, ISO dates and spans.

Nothing here is worded for a reader: an event has a kind key (``signing``), an agreement a
period and a signing date, an activity area keys and a status key; every item points at the
sentence it was found in (:class:`Span`). Where a document has language versions, an item
keeps the cited span of the official original (``cited``) and, per output language, the
matching span of the version in that language (``shown``); :meth:`Sourced.span_in` is the
span to show in a language (the original's own when no version in that language has it).
Words for these keys come from the strings table, in :mod:`rag.briefing.localize`.

Records are frozen: one register is shared by every page and language of the app.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from ..text.dates import last_day, parse_date_arg, parse_iso
from .when import due_span

EVENT_KINDS: tuple[str, ...] = ("award", "launch", "signing", "review", "establishment", "conference", "visit", "meeting",
                                 "training", "milestone", "event")
"""Kinds of timeline events (first match wins in :data:`.patterns.EVENT_RX`); ``event``: a dated
happening of no named kind."""

AREAS: tuple[str, ...] = (
    "admin_reform", "digital", "inspection", "coverage", "fund", "database", "expansion", "legislation",
    "capacity", "organisation", "communication", "policy", "exchange", "recognition", "other",
)
"""Areas of cooperation, in the order a briefing lists them (labels: ``area_<key>``)."""

AGREEMENT_STATUSES: tuple[str, ...] = ("in_force", "expired", "not_yet_in_force", "planned", "unknown")
ACTIVITY_STATUSES: tuple[str, ...] = ("planned", "requested")
STATUSES: tuple[str, ...] = AGREEMENT_STATUSES + ACTIVITY_STATUSES
"""Status keys (labels: ``status_<key>``); an agreement's depends on the day, see :func:`agreement_status`."""

NOTES: tuple[str, ...] = ("not_signed", "no_period", "not_yet", "in_force", "renewal", "expired", "planned",
                          "planned_passed", "valid_until", "expired_on", "no_signing", "draft")
"""Keys of the note that explains an agreement's status (labels: ``brief_note_<key>``)."""


@dataclass(frozen=True)
class Span:
    """A sentence of one stored passage that carries an item.

    ``start``/``end`` are code-point offsets of the sentence in its document; ``evidence`` is the
    part of it that carries the item's date or figure, at offset ``at`` in ``sentence``;
    ``value`` is what was found there (a place, the parties, an activity, an ISO date);
    ``title`` is the title of the passage's document.
    """

    doc_id: str
    chunk_id: str
    lang: str
    start: int
    end: int
    sentence: str
    evidence: str = ""
    at: int = 0
    value: str = ""
    title: str = ""
    doc_date: str = ""  # ISO date of the document ('' when it has none)


@dataclass(frozen=True)
class Sourced:
    """An item cited from ``cited`` (the official original), with its span in each language version."""

    cited: Span
    shown: dict[str, Span] = field(default_factory=dict)  # output language -> the version's span

    def span_in(self, lang: str) -> Span:
        """The span to show in ``lang``: a version in that language where one has the item, else the cited one."""
        return self.shown.get(lang, self.cited)

    @property
    def chunk_id(self) -> str:
        return self.cited.chunk_id

    @property
    def doc_id(self) -> str:
        return self.cited.doc_id

    @property
    def start(self) -> int:
        return self.cited.start


@dataclass(frozen=True)
class Finding(Sourced):
    """One field of an agreement: signed, place, parties, period, articles, occasion or area.

    A ``neutral`` finding (a date, a period, a number, an area) reads the same in every language:
    it is shown from the cited span. ``key`` is the ISO date of ``signed`` and the area key of
    ``area``; other findings have their value in each span (``span_in(lang).value``).
    """

    name: str = ""
    key: str = ""
    neutral: bool = False


@dataclass(frozen=True)
class Relation:
    """An agreement a timeline event refers to: ``agreement`` (the one signed) or its ``occasion``."""

    name: str
    agreement: str  # agreement key


@dataclass(frozen=True)
class Event(Sourced):
    """A dated event of the timeline. The cited span's ``evidence`` is the date as written."""

    date: str = ""  # ISO: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    precision: str = ""  # year, month, day
    approximate: bool = False  # dated only vaguely ("Vừa qua"): the document's date
    inherited_year: bool = False  # written without a year ("22/11"): the document's year
    kind: str = ""  # one of EVENT_KINDS
    end: str = ""  # last day of an event over several days (ISO), else ''
    counts: tuple[tuple[str, str], ...] = ()  # (value, unit key) the sentence gives
    planned: bool = False  # dated after its own document: announced, not yet held when written
    place: str = ""  # the place the cited sentence names ('' if none)
    places: dict[str, str] = field(default_factory=dict)  # output language -> place in the shown sentence
    related: tuple[Relation, ...] = ()  # the agreement signed, its occasion
    also: tuple[Span, ...] = ()  # other documents reporting the event

    def place_in(self, lang: str) -> str:
        return self.places.get(lang, self.place)

    def overlaps(self, date_from: Optional[dt.date], date_to: Optional[dt.date]) -> bool:
        return in_range(*iso_span(self.date), date_from, date_to)


@dataclass(frozen=True)
class Agreement(Sourced):
    """A memorandum or agreement, merged across documents and language versions.

    ``key`` names it language-neutrally: 'mou:2016-2020', 'agreement:2022-2025',
    'mou:signed-2023-03-15'. The cited span is the sentence naming its period (else its signing,
    else a mention of it).
    """

    key: str = ""
    kind: str = "mou"  # mou or agreement
    period_from: Optional[int] = None
    period_to: Optional[int] = None
    signed_date: str = ""  # ISO, '' when not stated
    signed: Optional[Finding] = None
    place: Optional[Finding] = None
    parties: Optional[Finding] = None
    period: Optional[Finding] = None
    articles: Optional[Finding] = None
    occasion: Optional[Finding] = None
    areas: tuple[Finding, ...] = ()
    renewal_mentioned: bool = False  # a sentence about it speaks of extension or renewal
    planned: Optional[Finding] = None  # "sẽ ký … vào quý IV/2025": key = the planned date (ISO, 'YYYY-Qn' too)
    planned_place: Optional[Finding] = None
    valid_until: Optional[Finding] = None  # "có hiệu lực đến hết ngày 31/12/2025": key = ISO date
    draft: Optional[Finding] = None  # "dự thảo Thỏa thuận … 2027-2029": still being drafted, no signing date given

    def known_on(self, as_of: dt.date) -> bool:
        """True when a document dated by ``as_of`` mentions it."""
        return not self.cited.doc_date or parse_date_arg(self.cited.doc_date) <= as_of or any(
            f.cited.doc_date and parse_date_arg(f.cited.doc_date) <= as_of for f in self.findings())

    @property
    def period_text(self) -> str:
        """'2022-2025', or '' when the record does not state the period."""
        return f"{self.period_from}-{self.period_to}" if self.period_from else ""

    def findings(self) -> list[Finding]:
        """Every cited field, in the order a briefing numbers them."""
        return [f for f in (self.signed, self.place, self.parties, self.period, self.articles, self.occasion,
                            self.planned, self.planned_place, self.valid_until, self.draft) if f] + list(self.areas)

    def overlaps(self, date_from: Optional[dt.date], date_to: Optional[dt.date]) -> bool:
        """True when its period or its signing date falls in the period (always, when neither is known)."""
        spans = []
        if self.period_from:
            spans.append((dt.date(self.period_from, 1, 1), dt.date(self.period_to, 12, 31)))
        if self.signed_date:
            spans.append(iso_span(self.signed_date))
        if not spans:
            return True
        return any(in_range(a, b, date_from, date_to) for a, b in spans)


@dataclass(frozen=True)
class Activity(Sourced):
    """A planned activity or a request; each span's ``value`` is the item as that version words it."""

    area: str = "other"
    areas: tuple[str, ...] = ()  # every area the item names (first = ``area``)
    status: str = "planned"  # planned or requested
    date: str = ""  # when it was planned (ISO): the dated sentence before it, else the document's date
    approximate: bool = False
    document: str = ""  # title of the cited document (a shown span's own title comes first)
    agreement: str = ""  # key of the agreement the record files it under ("Theo đó" after a signing)
    agreement_in_force: str = ""  # key of the agreement whose period covers ``date``

    def overlaps(self, date_from: Optional[dt.date], date_to: Optional[dt.date]) -> bool:
        """An undated item belongs to every period."""
        return not self.date or in_range(*iso_span(self.date), date_from, date_to)


@dataclass(frozen=True)
class Register:
    """The record's events, agreements and planned activities at one corpus version."""

    version: str = ""
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    activities: tuple[Activity, ...] = ()
    commitments: tuple[Commitment, ...] = ()  # dated commitments with their follow-up

    def agreement(self, key: str) -> Optional[Agreement]:
        return next((a for a in self.agreements if a.key == key), None)

    def between(self, date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None) -> Register:
        """The items of a period (``None`` = open end)."""
        return Register(
            self.version,
            tuple(e for e in self.events if e.overlaps(date_from, date_to)),
            tuple(a for a in self.agreements if a.overlaps(date_from, date_to)),
            tuple(a for a in self.activities if a.overlaps(date_from, date_to)),
            tuple(c for c in self.commitments if c.overlaps(date_from, date_to)),
        )


# --- statuses and periods ----------------------------------------------------------------------
def _known(f: Optional[Finding], as_of: dt.date) -> Optional[Finding]:
    """``f`` if its document is dated by ``as_of`` (a briefing as of a day reads only what was written by then)."""
    if f is None or (f.cited.doc_date and parse_date_arg(f.cited.doc_date) > as_of):
        return None
    return f


def agreement_status(ag: Agreement, as_of: dt.date) -> tuple[str, str]:
    """(status key, note key) of an agreement on ``as_of``: the note says why (see :data:`NOTES`).

    Signed only where a passage says it was signed (with its date); a signing a passage announces
    is ``planned`` (with its planned date), never in force; in force and expired follow from the
    stated validity, else the period, and ``as_of``."""
    signed = parse_date_arg(ag.signed_date) if ag.signed_date else None  # a signing is dated by itself
    planned = _known(ag.planned, as_of)
    if signed is None and planned is not None:
        return "planned", "planned_passed" if due_span(planned.key)[1] < as_of else "planned"
    if signed and as_of < signed:
        return "not_yet_in_force", "not_signed"
    if signed is None and ag.signed is None and _known(ag.draft, as_of) is not None:
        return "planned", "draft"  # a draft no passage reports signed: being prepared, whatever its period
    valid = _known(ag.valid_until, as_of)
    if signed is None and ag.signed is None and (ag.period_from or valid):
        return "unknown", "no_signing"
    if valid is not None:
        end = parse_date_arg(valid.key, end=True)
        return ("in_force", "valid_until") if as_of <= end else ("expired", "expired_on")
    if not ag.period_from:
        return "unknown", "no_period"
    if as_of < dt.date(ag.period_from, 1, 1):
        return "not_yet_in_force", "not_yet"
    if as_of <= dt.date(ag.period_to, 12, 31):
        return "in_force", "in_force"
    if ag.renewal_mentioned:
        return "unknown", "renewal"
    return "expired", "expired"


def status_finding(ag: Agreement, as_of: dt.date) -> Optional[Finding]:
    """The finding whose passage decides the status on ``as_of`` (planned date, validity, signing, period)."""
    status, note = agreement_status(ag, as_of)
    if note == "draft":
        return ag.draft
    if status == "planned":
        return ag.planned
    if note in ("valid_until", "expired_on"):
        return ag.valid_until
    if note == "not_signed":
        return ag.signed
    return ag.period or ag.signed


def successor(ag: Agreement, agreements: tuple[Agreement, ...] | list[Agreement]) -> Optional[Agreement]:
    """The next signed agreement of the same kind by period (the one that follows ``ag`` when it has expired),
    or None: a provincial cooperation agreement does not follow a memorandum between the two ministries."""
    later = [o for o in agreements if o.period_from and ag.period_from and o.period_from > ag.period_from
             and o.signed is not None and o.kind == ag.kind]
    return min(later, key=lambda o: o.period_from) if later else None


def iso_span(iso: str) -> tuple[dt.date, dt.date]:
    """First and last day an ISO date names (the whole calendar when it is not a date)."""
    p = parse_iso(iso)
    if not p:
        return dt.date.min, dt.date.max
    return dt.date(p[0], p[1] or 1, p[2] or 1), last_day(*p)


def in_range(first: dt.date, last: dt.date, date_from: Optional[dt.date], date_to: Optional[dt.date]) -> bool:
    if date_from and last < date_from:
        return False
    if date_to and first > date_to:
        return False
    return True


# --- commitments and their follow-up -----------------------------------------------------------
FOLLOW_STATES: tuple[str, ...] = ("done", "in_progress", "postponed", "cancelled", "overdue", "no_news")
"""A commitment's state on a day (labels: ``fu_state_<key>``), see :meth:`Commitment.state_on`."""
REPORT_STATES: tuple[str, ...] = ("done", "cancelled", "postponed", "in_progress", "restated", "mention")
"""What one later passage says of a commitment, strongest first."""


@dataclass(frozen=True)
class FollowUp(Sourced):
    """A later passage about a commitment: what it reports (``state``: one of :data:`REPORT_STATES`),
    on its document's date, with the new due date it gives (a postponement, an expected end)."""

    state: str = ""
    date: str = ""  # ISO date of the reporting document
    new_due: str = ""  # ISO ('YYYY-Qn' too) or ''
    score: int = 0  # how well it matched (terms, places, counts)


@dataclass(frozen=True)
class FollowState:
    """A commitment's state on a day, the report that decides it (None: no report) and the due date then."""

    state: str
    due: str
    report: Optional[FollowUp] = None
    history: tuple[FollowUp, ...] = ()


@dataclass(frozen=True)
class Commitment(Sourced):
    """A dated commitment or request: who, what, when, where, as the record states them.

    ``due`` is ISO ('YYYY-MM-DD', 'YYYY-MM', 'YYYY-Qn', 'YYYY'); ``made`` the date of the document
    that makes it; ``what`` the item as that document words it (each span's ``value`` is the
    item in that version); ``lead`` an organisation key (``org_<key>``) and ``lead_text`` the lead
    as written; ``places`` place keys; ``counts`` (value, unit key) pairs; ``terms`` activity keys.
    """

    key: str = ""
    kind: str = "commitment"  # commitment or request
    due: str = ""
    due_text: str = ""
    made: str = ""
    what: str = ""
    lead: str = ""
    lead_text: str = ""
    places: tuple[str, ...] = ()
    counts: tuple[tuple[str, str], ...] = ()
    terms: tuple[str, ...] = ()
    area: str = "other"
    document: str = ""
    also: tuple[Span, ...] = ()  # other documents (translations, later plans) that make it again
    followups: tuple[FollowUp, ...] = ()

    def state_on(self, as_of: dt.date) -> FollowState:
        """Done / in progress / postponed / cancelled / overdue / no news on ``as_of``, from the reports dated by then.

        A report of completion is final (cited to the earliest one that matches the commitment at least half
        as well as the best one: a vague early match does not decide); otherwise the latest report that moves the date or says the
        work is under way counts, and its date decides whether the item is now overdue."""
        reports = sorted((f for f in self.followups if f.date and parse_date_arg(f.date) <= as_of),
                         key=lambda f: (f.date, REPORT_STATES.index(f.state)))
        state, due, decided = "", self.due, None
        for f in reports:
            if f.state == "done":
                done = [g for g in reports if g.state == "done"]
                best = max(g.score for g in done)
                return FollowState("done", due, next(g for g in done if 2 * g.score >= best), tuple(reports))
            if f.state in ("postponed", "in_progress"):
                state, decided = f.state, f
                due = f.new_due or due
            elif f.state == "cancelled":
                state, decided = f.state, f  # called off: no longer due (a later move or start revives it)
        if state == "cancelled":
            return FollowState(state, due, decided, tuple(reports))
        if state and due_span(due)[1] >= as_of:
            return FollowState(state, due, decided, tuple(reports))
        return FollowState("overdue" if due_span(due)[1] < as_of else "no_news", due, decided, tuple(reports))

    def overlaps(self, date_from: Optional[dt.date], date_to: Optional[dt.date]) -> bool:
        """Made or due within the period."""
        made = iso_span(self.made) if self.made else (dt.date.min, dt.date.max)
        return in_range(*due_span(self.due), date_from, date_to) or in_range(*made, date_from, date_to)
