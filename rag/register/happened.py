"""What a sentence reports as having happened, and on which day: the dated core of the timeline.

A sentence reports something that happened on a date when the date is stated (a day, a range of
days, a month, or "Hôm nay" / "today" / "ມື້ນີ້": the document's date), falls on or before its
document's date, and is not a deadline ("trước", "by", "ກ່ອນ", "ພາຍໃນ"), a validity ("có hiệu lực
đến …"), a part of a year ("6 tháng đầu năm 2024") nor a date the sentence plans, postpones or asks
for. Whatever the verb: the kind of event is read afterwards (:func:`kind_at`), and a sentence of
no known kind is an ``event``.

A plan cue counts only in the stretch of the sentence that belongs to the date: from the previous
date (or the start of the clause) to the next one, so "the course planned (ຈະ) in Hanoi in 2020
was held online from 7 to 11 June 2021" reports 7-11 June 2021 as having happened.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..text.dates import DateMention, find_dates, find_ranges, find_year_parts, last_day, parse_iso
from ..text.normalize import canonical_lao
from . import lexicon as lx
from .patterns import EVENT_RX
from .when import find_when, is_deadline

_CLAUSE = re.compile(r"\s*;\s+|\s+(?:nhưng|tuy\s+nhiên|but|however|ແຕ່)\s+|,\s+(?=sau\s+khi|after|đang|dự\s+kiến)", re.I)
_KIND_CLAUSE = re.compile(r"\s*[,;:(]\s*|\s+[–—-]\s+")


@dataclass(frozen=True)
class Happening:
    """A date in a sentence on which something happened: ``iso`` (first day, or the month / year),
    ``end`` (last day of a range, else ''), the mention (precision, approximate, inherited year)
    and its span in the sentence."""

    iso: str
    end: str
    start: int
    stop: int
    text: str
    mention: DateMention


def _clauses(sent: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _CLAUSE.finditer(sent):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(sent)))
    return out


_DATELINE_REST = re.compile(r"[\W\d_]+")


def is_dateline(sent: str, m: DateMention, doc_date: Optional[str]) -> bool:
    """"Hà Nội, ngày 20 tháng 2 năm 2025", "Hanoi, 3 June 2024": a document's own date line, not an event."""
    if not doc_date or m.iso != doc_date or m.relative:
        return False
    rest = _DATELINE_REST.sub("", sent[: m.start] + sent[m.end :])
    return len(rest) <= 30


def happenings(sent: str, doc_date: Optional[str], years: bool = False) -> list[Happening]:
    """The dates of ``sent`` on which it reports something that happened, written-out dates first
    (``years``: a bare year too, which the timeline keeps only for a signing or a founding)."""
    doc = parse_iso(doc_date or "")
    doc_last = last_day(*doc) if doc else None
    whens = find_when(sent, doc_date)
    parts = [(p.start, p.end) for p in find_year_parts(sent)]
    quarters = [(w.start, w.end) for w in whens if "Q" in w.iso]
    ranges = find_ranges(sent, doc_date)
    bounds = sorted({(w.start, w.end) for w in whens} | {(r.start, r.end) for r in ranges})
    mentions: list[tuple[DateMention, str]] = []
    for r in ranges:
        y, mo, d = (int(v) for v in r.first.split("-"))
        mentions.append((DateMention(r.start, r.end, r.text, y, mo, d), r.last))
    for m in find_dates(sent, doc_date):
        inside = [(a, b) for a, b in quarters + parts + [(r.start, r.end) for r in ranges] if a <= m.start < b]
        if not inside:
            mentions.append((m, ""))
    mentions.sort(key=lambda x: (x[0].relative, x[0].start))
    clauses = _clauses(sent)
    out = []
    for m, end in mentions:
        last = parse_iso(end) if end else None
        if doc_last and not m.relative and (last_day(*last) if last else m.first_day()) > doc_last:
            continue  # announced, not held when written
        if (m.precision == "year" and not years) or is_deadline(sent, m.start) or is_dateline(sent, m, doc_date):
            continue
        ca, cb = next(((a, b) for a, b in clauses if a <= m.start <= b), (0, len(sent)))
        prev_end = max([b for a, b in bounds if b <= m.start and b > ca] + [ca])
        next_start = min([a for a, b in bounds if a >= m.end and a < cb] + [cb])
        stretch = sent[prev_end:next_start]
        if lx.VALIDITY.search(sent[ca : m.start]):
            continue
        if (lx.FUTURE.search(stretch) or lx.POSTPONE.search(stretch) or lx.NOT_DONE.search(stretch)
                or (lx.REQUEST.search(stretch) and not lx.DONE.search(stretch))):
            if not lx.DONE.search(stretch) or lx.NOT_DONE.search(stretch):
                continue
        out.append(Happening(m.iso, end, m.start, m.end, m.text, m))
    return out


def kind_at(sent: str, at: int = 0) -> str:
    """The kind of event a sentence reports about its date at ``at``: the first clause from the date's
    own onwards that names a kind, else the sentence's first kind, else ``event``."""
    s = canonical_lao(sent)
    cuts = [0] + [m.end() for m in _KIND_CLAUSE.finditer(s)] + [len(s)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    here = next((i for i, (a, b) in enumerate(spans) if a <= at < b), 0)
    bare = lx.toneless_vi(sent)  # decided on the whole sentence: a clause is too short to tell
    for a, b in spans[here:] + spans[:here]:
        for kind, words in EVENT_RX:
            if (words.bare if bare else words.rx).search(s[a:b]):
                return kind
    return "event"
