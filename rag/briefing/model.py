"""What a briefing hands to the app and the renderers: register items in one language, numbered.

Every item carries the passage it came from (``chunk_id``, ``doc_id``) and the character span
of its sentence in that document (``start``, ``end``), cited from the official original of a
translated document; ``text`` is the sentence of the version in the briefing's language where
one exists. ``n`` is the item's number in the briefing's one list of sources.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from ..answer.citations import Citation
from ..register import AREAS
from .labels import labels


@dataclass(kw_only=True)
class Cited:
    """Where an item comes from: citation number, the cited passage and the span of its sentence.

    ``chunk_id``/``doc_id`` name the cited passage (the official original where the document
    has language versions); ``start``/``end`` are the code-point offsets of the supporting
    sentence in that document; ``quote`` is that sentence and ``evidence`` the words in it that
    carry the item's date or figure. ``text`` is what the briefing shows, in ``text_lang`` (the
    briefing language where a version exists), and ``shown`` locates that sentence
    (doc_id, chunk_id, lang, start, end).
    """

    n: int = 0
    doc_id: str = ""
    chunk_id: str = ""
    start: int = 0
    end: int = 0
    source_lang: str = ""
    quote: str = ""
    evidence: str = ""
    text: str = ""
    text_lang: str = ""
    shown: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Fact(Cited):
    """One cited field of an agreement (or a detail of an event): ``value`` is what is shown."""

    name: str = ""  # signed, place, parties, period, articles, area, occasion, agreement
    value: str = ""
    key: str = ""  # area key, agreement key or ISO date, when the value has one


@dataclass(kw_only=True)
class TimelineEvent(Cited):
    date: str = ""  # ISO: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    date_display: str = ""  # '1998', '12/2015', '22/11/2022'
    precision: str = ""  # year, month, day
    approximate: bool = False  # dated only vaguely ("Vừa qua"): the document's date
    inherited_year: bool = False  # written without a year ("22/11"): the document's year
    kind: str = ""  # signing, review, establishment, conference, visit, meeting, training
    kind_label: str = ""
    place: str = ""
    planned: bool = False  # dated after its own document: announced, not yet held when written
    end_date: str = ""  # last day of an event over several days (ISO)
    related: list[Fact] = field(default_factory=list)  # the agreement signed, the occasion
    also: list[dict[str, Any]] = field(default_factory=list)  # other documents reporting the event


@dataclass(kw_only=True)
class Agreement(Cited):
    key: str = ""  # 'mou:2016-2020', 'agreement:2022-2025', 'mou:signed-2023-03-15'
    kind: str = "mou"  # mou or agreement
    name: str = ""
    period_from: Optional[int] = None
    period_to: Optional[int] = None
    signed_date: str = ""  # ISO, '' when not stated
    signed: Optional[Fact] = None
    place: Optional[Fact] = None
    parties: Optional[Fact] = None
    period: Optional[Fact] = None
    articles: Optional[Fact] = None
    occasion: Optional[Fact] = None
    areas: list[Fact] = field(default_factory=list)
    status: str = "unknown"  # in_force, expired, not_yet_in_force, unknown
    status_label: str = ""
    status_note: str = ""
    followed_by: str = ""  # key of a later agreement, if the record has one
    renewal_mentioned: bool = False  # a sentence about it speaks of extension or renewal
    status_fact: Optional[Fact] = None  # the passage that decides the status (planned date, validity, period)
    planned: Optional[Fact] = None  # an announced signing: value = its planned date, as shown

    def facts(self) -> list[Fact]:
        """Every cited field, in the order the briefing numbers them."""
        return [f for f in (self.signed, self.place, self.parties, self.period, self.articles, self.occasion)
                if f] + self.areas


@dataclass(kw_only=True)
class Activity(Cited):
    area: str = "other"
    area_label: str = ""
    areas: list[str] = field(default_factory=list)  # every area the item names (first = ``area``)
    status: str = "planned"  # planned or requested
    status_label: str = ""
    date: str = ""  # when it was planned (ISO): the dated sentence before it, else the document's date
    date_display: str = ""
    approximate: bool = False
    document: str = ""  # title of the cited document
    agreement: str = ""  # key of the agreement the record files it under ("Theo đó" after a signing)
    agreement_in_force: str = ""  # key of the agreement whose period covers ``date``


@dataclass(kw_only=True)
class FollowItem(Cited):
    """A dated commitment in the briefing language, with its state on the as-of day.

    ``text`` is the item in the briefing language: the version's own wording where the document
    has one in that language, else built from its fields (activity terms, counts, places); the
    original is quoted in the sources. ``report`` cites the passage that decides the state.
    """

    key: str = ""
    kind: str = "commitment"  # commitment or request
    due: str = ""  # ISO ('YYYY-Qn' too)
    due_display: str = ""
    made: str = ""  # ISO date of the document that makes it
    lead: str = ""  # who leads, in the briefing language ('' when the record does not say)
    places: list[str] = field(default_factory=list)  # place names in the briefing language
    state: str = ""  # done, in_progress, postponed, cancelled, overdue, no_news
    state_label: str = ""
    state_note: str = ""  # "theo báo cáo ngày …", "hạn mới …"
    effective_due: str = ""  # the due date after postponements (ISO)
    effective_due_display: str = ""
    report: Optional[Fact] = None
    document: str = ""
    open_item: bool = False  # overdue, or due by the delegation's date and neither done nor cancelled
    effective_due_order: tuple = ()


@dataclass(kw_only=True)
class TalkingPoint(Cited):
    pass


@dataclass
class Briefing:
    topic: str
    lang: str
    as_of: str  # ISO date
    date_from: str = ""  # ISO date or ''
    date_to: str = ""
    generated_at: str = ""
    backend: str = "extractive"
    talking_points_mode: str = "extractive"  # 'model' when a language model phrased them
    timeline: list[TimelineEvent] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    talking_points: list[TalkingPoint] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)
    commitments: list[FollowItem] = field(default_factory=list)
    delegation: str = ""  # who the briefing is for ('' when not given)
    visit_date: str = ""  # ISO date of the meeting (open items are those due by then); default: as_of

    def open_items(self) -> list[FollowItem]:
        """Overdue, or due by the delegation's date and not done; soonest first."""
        return sorted((c for c in self.commitments if c.open_item), key=lambda c: c.effective_due_order)

    def next_dates(self) -> list[FollowItem]:
        """Commitments not done and not open whose (moved) date is still ahead, soonest first."""
        later = [c for c in self.commitments if c.state in ("in_progress", "postponed", "no_news") and not c.open_item]
        return sorted(later, key=lambda c: c.effective_due_order)

    @property
    def labels(self) -> dict[str, str]:
        """The briefing's words in its language (``brief_<name>`` strings, by name)."""
        return labels(self.lang)

    def source(self, n: int) -> Citation:
        """The citation numbered ``n``."""
        for c in self.sources:
            if c.n == n:
                return c
        raise KeyError(n)

    def activities_by_area(self) -> dict[str, list[Activity]]:
        out: dict[str, list[Activity]] = {}
        for key in AREAS:
            items = [a for a in self.activities if a.area == key]
            if items:
                out[key] = items
        return out

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Row:
    """One row of the "Agreements and activities" table (one agreement, or one planned activity)."""

    kind: str  # agreement or activity
    area: str  # area key ('' for an agreement whose areas are not stated)
    area_label: str
    areas: list[str]
    activity: str  # the activity, or the agreement's name
    document: str  # title of the cited document
    doc_id: str
    date: str  # ISO; activity: when planned; agreement: signing date ('' if not stated)
    date_display: str
    status: str
    status_label: str
    agreement: str  # name of the agreement the row belongs to ('' if none)
    period: str  # '2022-2025': the agreement's period, or the period in force at the row's date
    period_from: Optional[int]
    period_to: Optional[int]
    n: int
    chunk_id: str
    start: int
    end: int
    lang: str  # language of the cited passage
    text_lang: str
    quote: str  # the cited sentence
    passage: str  # the cited passage
