"""Matching a later passage with a commitment: the units a document is read into, what a text is about
(:class:`Features`), how surely a passage speaks of a commitment (:func:`score`) and what it reports of
it (:func:`report_state`: done, under way, postponed, cancelled, restated, or a mention).

Split from :mod:`.commitments` (which finds the commitments and links them with these reports).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..records import Passage
from ..text.dates import find_dates, parse_date_arg
from . import lexicon as lx
from .happened import happenings
from .model import Span
from .patterns import classify_event
from .when import due_order, find_when

_CLAUSE = re.compile(r"\s*[,;]\s+|\s+(?=sau\s+khi\b|after\b)", re.I)
THRESHOLD = 4
COUNTRY_KEYS = frozenset(lx.COUNTRIES)


@dataclass
class Unit:
    """A sentence of a line, with its line (``ctx``: the list item or table row) and what it says."""

    p: Passage
    a: int  # document offsets of the cited sentence
    b: int
    text: str
    ctx: str
    doc_date: str
    section_year: str = ""
    row: dict[str, str] = field(default_factory=dict)  # table row: column -> cell
    topic: str = ""  # the heading of its list item ("໑. ໂປຣແກຣມຄຸ້ມຄອງການຈ່າຍເງິນບຳນານ: …"), for matching
    cue: bool = False  # an item of a list whose lead-in plans ("hai bên thống nhất:", "ສອງຝ່າຍ … ຕົກລົງກັນດັ່ງນີ້:")

    @property
    def lang(self) -> str:
        return self.p.lang

    def span(self, value: str = "") -> Span:
        m = self.p.meta
        return Span(m.doc_id, self.p.id, m.lang, self.a, self.b, self.text, value or self.text, 0, value, m.title,
                    m.date or "")


@dataclass
class Features:
    terms: dict[str, int]
    places: set[str]
    numbers: set[str]
    periods: set[str]
    dates: set[str]
    pairs: set[str]
    lang: str
    whens: set[str] = field(default_factory=set)  # months, days, quarters, parts of a year it names
    parties: set[str] = field(default_factory=set)  # organisations other than the two social-security sides
    counted: set[tuple[str, str]] = field(default_factory=set)  # (number, what it counts): "10 computers"


def features(text: str, lang: str) -> Features:
    """What a text is about (a fresh record: callers may add to its sets)."""
    terms, places, numbers, periods, dates, pairs, whens, parties, counted = _features(text, lang)
    return Features(dict(terms), set(places), set(numbers), set(periods), set(dates), set(pairs), lang, set(whens),
                    set(parties), set(counted))


@lru_cache(maxsize=20_000)
def _features(t: str, lang: str) -> tuple:
    return (tuple(lx.terms(t).items()), tuple(lx.where(t)), frozenset(lx.numbers(t)),
            frozenset(m.group() for m in re.finditer(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d", t)),
            frozenset(m.iso for m in find_dates(t, None, relative=False)),
            frozenset(lx.bigrams(t)) if lang in ("vi", "en") else frozenset(),
            frozenset(w.iso for w in find_when(t) if not w.relative and len(w.iso) > 4), frozenset(lx.third_parties(t)),
            frozenset((re.sub(r"[.,]", "", c.value), c.unit) for c in lx.counts(t) if c.unit != "percent"))


def score(c: Features, u: Features, made: str = "", others: Set[str] = frozenset(), meant: bool = False) -> int:
    """How surely ``u`` speaks of the activity ``c`` (0 when they share no activity term, in one
    language not most of their word pairs, no count at a shared place, and ``u`` is not closest to ``c``
    by meaning: ``meant``, see :mod:`.meaning`). ``made``: the date of the document that made ``c``; ``others``: dates of the
    other documents that make commitments (a report "under the minutes of 15/3/2023" follows up those
    minutes, not an item made elsewhere)."""
    shared = c.terms.keys() & u.terms.keys()
    ratio = 0.0
    if c.lang == u.lang and c.pairs and u.pairs:
        ratio = len(c.pairs & u.pairs) / min(len(c.pairs), len(u.pairs))
    if not (meant or ratio >= 0.5 or any(c.terms[k] >= 2 for k in shared)
            or (c.counted & u.counted and c.places & u.places)):  # the same count of the same things at the same place
        return 0
    if c.periods and u.periods and not c.periods & u.periods:
        return 0  # the memorandum of 2026-2030 is not that of 2024-2026
    if c.parties and u.parties and not c.parties & u.parties:
        return 0  # same activity, other parties: a course with the Ministry of Health is not one with the ILO
    for group in lx.EXCLUSIVE:  # drafting is not signing
        if (c.terms.keys() & group) and (u.terms.keys() & group) and not (c.terms.keys() & u.terms.keys() & group):
            return 0
    if "extension" in u.terms and "extension" not in c.terms:  # extending a pilot is not the pilot
        return 0
    if "extension" in c.terms and "extension" not in u.terms and len(c.places & u.places) < 2:
        return 0  # a report of the extension names it, or the places it reaches
    if (c.terms.keys() & lx.OBJECTS) - u.terms.keys() and (u.terms.keys() & lx.OBJECTS) - c.terms.keys():
        return 0  # each about something the other does not name
    if c.terms.keys() & lx.EVENTS - {"exchange"} and not (shared & lx.EVENTS):
        if sum(1 for k in shared if c.terms[k] >= 2) < 2:
            return 0  # a course, a seminar, a visit is reported as such, or by two other things it is about
    s = sum(c.terms[k] for k in shared)
    s += 2 * len(c.places & u.places) + 2 * len(c.numbers & u.numbers) + 2 * len(c.periods & u.periods)
    if c.numbers and u.numbers and not (c.numbers & u.numbers):
        s -= 3  # 30 staff is not 120 staff
    if c.places - COUNTRY_KEYS and u.places - COUNTRY_KEYS and not (c.places & u.places):
        s -= 2  # held in Luang Prabang is not the course due in Savannakhet
    if made and any(d == made or (len(d) == 7 and made.startswith(d)) for d in u.dates):
        s += 2  # "under the minutes of 15/3/2023"
    elif any(d in others and d != made for d in u.dates):
        s -= 4  # it follows up another document's items
    s += 4 if ratio >= 0.5 else 2 if ratio >= 0.3 else 0
    s += 2 if meant else 0
    s += 2 if c.whens & u.whens else 0  # the same month, day or quarter: "by mid-2025" / "ກາງປີ 2025"
    return s


class Postings:
    """Which of many features could score above 0 against one (the first test of :func:`score`, read
    from an index instead of tried pair by pair): those sharing an activity term counted twice on the
    commitment's side, half the word pairs of the one with fewer in the same language, or a count of the
    same things (score then asks for a shared place). Without it the build grew with the square of the
    record; and a common word pair ("hai bên") shared with most units made scoring those most of it."""

    def __init__(self, strong_terms_only: bool):
        self.strong = strong_terms_only  # index the commitment side (True) or the reporting side (False)
        self.by_term: dict[str, list[int]] = defaultdict(list)
        self.by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_count: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.pairs: dict[int, int] = {}  # id -> how many word pairs it has

    def add(self, i: int, f: Features) -> None:
        by_term, by_pair, lang = self.by_term, self.by_pair, f.lang  # (once per unit of the record)
        for k, n in f.terms.items():
            if n >= 2 or not self.strong:
                by_term[k].append(i)
        for pair in f.pairs:
            by_pair[(lang, pair)].append(i)
        for counted in f.counted:
            self.by_count[counted].append(i)
        self.pairs[i] = len(f.pairs)

    def candidates(self, f: Features, lo: int = 0, hi: Optional[int] = None) -> set[int]:
        """The ids that could score above 0 against ``f``; with ``hi``, those with ``lo <= id < hi`` only (ids
        added in rising order: each posting is cut by bisection)."""
        def within(ids: list[int]) -> list[int]:
            return ids if hi is None else ids[bisect_left(ids, lo) : bisect_left(ids, hi)]

        out: set[int] = set()
        for k, n in f.terms.items():
            if self.strong or n >= 2:
                out.update(within(self.by_term.get(k, [])))
        for counted in f.counted:
            out.update(within(self.by_count.get(counted, [])))
        shared: Counter[int] = Counter()  # id -> how many of f's word pairs it has
        for pair in f.pairs:
            shared.update(within(self.by_pair.get((f.lang, pair), [])))
        out.update(i for i, k in shared.items() if k / min(len(f.pairs), self.pairs[i]) >= 0.5)  # as score reckons
        return out


class DatedPostings:
    """:class:`Postings` of the reporting side, numbered in the order of their documents' dates, so the
    candidates of a commitment dated after one day and up to another are cut from each posting by
    bisection: a commitment is followed up only for a few years after it was made, and visiting every
    unit of a record spanning decades that shares a term with it, to drop most for their date, made
    that step grow with the square of the record."""

    def __init__(self, features: Sequence[Features], dates: Sequence[str]):
        self.order = sorted(range(len(dates)), key=dates.__getitem__)  # stable: one date's units in their order
        self.dates = [dates[n] for n in self.order]
        self.index = Postings(strong_terms_only=False)
        for rank, n in enumerate(self.order):  # each posting in rising rank, so in date order
            self.index.add(rank, features[n])

    def candidates(self, f: Features, after: str, until: str) -> set[int]:
        """Positions (as given) of the units :meth:`Postings.candidates` finds for ``f`` whose date ``d`` is
        ``after < d <= until`` (units close to it by meaning the caller adds)."""
        lo, hi = bisect_right(self.dates, after), bisect_right(self.dates, until)
        if lo >= hi:
            return set()
        return {self.order[r] for r in self.index.candidates(f, lo, hi)}


# What report_state reads of a unit's text depends on the text alone, not on the commitment: read once per
# text, not once per (unit, commitment) pair (at 100k passages the first build made hundreds of thousands
# of pairs, and re-reading the same texts' dates took most of it). Tuples: callers only read them.
@lru_cache(maxsize=1 << 15)
def _whens(text: str, doc_date: Optional[str]) -> tuple:
    return tuple(find_when(text, doc_date))


@lru_cache(maxsize=1 << 15)
def _told(text: str, doc_date: Optional[str]) -> tuple:
    return tuple(happenings(text, doc_date))


def report_state(u: Unit, c: Features, made: str = "", whole: bool = False) -> tuple[str, str]:
    """(report state, new due) of a unit that speaks of a commitment with features ``c`` made on ``made``
    (``whole``: matched by meaning, so every clause speaks of it, shared terms or not).

    What a report says happened on a day before the commitment was made is history, not its follow-up
    (the first exchange told in a report of the second one)."""
    doc = parse_date_arg(u.doc_date) if u.doc_date else None
    # a table row or list item speaks of one item throughout; a paragraph of prose of several ("… vẫn theo
    # lịch quý II/2026 như đã thống nhất lùi lại. Quy chế … vẫn chưa được xây dựng."): its own sentence only
    ctx = u.ctx if (u.row or lx.ITEM.match(u.ctx)) and len(u.ctx) <= 600 else u.text
    whens = [w for w in _whens(ctx, u.doc_date) if not w.relative]
    future = [w for w in whens if doc and w.last_day() > doc and not (w.range_first and w.range_first <= u.doc_date)]
    new_due = max(future, key=lambda w: due_order(w.iso)).iso if future else ""
    if lx.POSTPONE.search(ctx) and future:
        return "postponed", new_due
    if lx.CANCELLED.search(u.text) and not future:
        return "cancelled", ""  # "was cancelled …; the two sides decided not to reschedule it"
    told = _told(u.text, u.doc_date)
    if (made and told and all(h.mention.first_day().isoformat() <= made for h in told)
            and not any(w.first_day() > doc for w in future)
            and not lx.NOW.search(u.text) and not lx.PROGRESS.search(u.text)):
        return "mention", ""  # it tells what happened by the day the commitment was made
    states, done_places, progress = [], set(), False
    named_progress = False  # a clause that names the item says it is still under way
    for clause in _CLAUSE.split(u.text):
        f = features(clause, u.lang)
        about = set(f.terms) & set(c.terms) or f.numbers & c.numbers or (not c.terms and f.pairs & c.pairs)
        predicate = not f.terms and not f.numbers and not (f.places - c.places)  # "…, vận hành chính thức từ …"
        if not whole and not about and not (predicate and states):
            ahead = lx.PLAN.search(clause) and any(doc and w.last_day() > doc for w in _whens(clause, u.doc_date))
            if f.places & c.places and (lx.PROGRESS.search(clause) or ahead):
                progress = True  # "tỉnh Chăm-pa-xắc và tỉnh Khăm Muộn đang chuẩn bị / dự kiến hoàn thành trong năm 2026"
            continue
        past = [w for w in _whens(clause, u.doc_date) if doc and w.last_day() <= doc]
        pct = [int(x) for x in re.findall(r"(\d{1,3})\s*%", clause)]
        held_only = lx.HELD.search(clause) and not lx.DONE.search(lx.HELD.sub(" ", clause))
        if lx.done_in(clause) and not lx.NOT_DONE.search(clause) and not (held_only and not (c.terms.keys() & lx.EVENTS)):
            st = "in_progress" if pct and max(pct) < 100 else "done"
        elif lx.EXISTS.search(clause) and "draft" in c.terms and "draft" in f.terms:
            st = "done"  # "Dự thảo Biên bản ghi nhớ gồm 9 điều": the draft exists
        elif lx.AFTER.search(clause) and past and not lx.PLAN.search(clause):
            st = "done"
        elif (c.terms.keys() & lx.EVENTS or not c.terms) and _told(clause, u.doc_date):
            st = "done"  # "… ໄດ້ປ່ຽນມາຈັດທາງອອນລາຍ ແຕ່ວັນທີ 7 ຫາ 11 ມິຖຸນາ 2021": it took place on a stated day
        elif lx.STARTED.search(clause) or lx.PROGRESS.search(clause):
            st = "in_progress"
        elif lx.PLAN.search(clause):
            st = "restated"
        else:
            st = "mention"
        if st == "done":
            done_places |= f.places
        ahead = st == "restated" and any(doc and w.last_day() > doc for w in _whens(clause, u.doc_date))
        progress |= st == "in_progress" or bool(ahead and f.places & c.places)
        states.append(st if about or whole or st != "done" or not named_progress else "mention")
        named_progress |= st == "in_progress" and bool(about)  # "… is still being translated; part 1 was sent"
    if not states:
        return "mention", ""
    if "done" in states:
        if progress and c.places - done_places and future:
            return "in_progress", new_due
        return "done", ""
    if "in_progress" in states:
        return "in_progress", new_due
    dated_past = [w for w in whens if doc and w.last_day() <= doc]
    if dated_past and classify_event(u.text) and not lx.PLAN.search(u.text) and c.terms.keys() & lx.EVENTS:
        return "done", ""  # "Trong hai ngày 18 và 19/6/2024, … tổ chức Hội thảo …"
    return "restated" if "restated" in states else "mention", new_due


def reportish(u: Unit) -> bool:
    """A unit that could report a commitment's state: it says something was done, is under way,
    postponed or not done, or that something happened on a stated day."""
    t = u.text
    return bool(lx.DONE.search(t) or lx.PROGRESS.search(t) or lx.POSTPONE.search(t) or lx.STARTED.search(t)
                or lx.NOT_DONE.search(t) or happenings(t, u.doc_date))

