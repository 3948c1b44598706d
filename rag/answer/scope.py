"""Is a line of the time, period and place in a series that the question asks about?

A question that asks no date but names one ("how much for 2026", "… in November 2023") is not answered by a line
that names only other times ("480 triệu đồng cho năm 2024 và năm 2025"); the year that names an agreement ("theo
thỏa thuận năm 2019") is the agreement's, not a time of what is asked. A line on another agreement period, or on
another of a series ("the first exchange" for "the second"), holds none of its facts.
"""
from __future__ import annotations

import re

from ..text.names import TERMS
from ..text.when import When
from .lines import Line
from .question import Question, ranks


def other_times(ln: Line, qw: When) -> bool:
    """The line names times of its own (not a document's date, not "this year"), none of them within the time
    asked, and no period that holds its year."""
    own = [x for x in ln.whens if not x.relative and not x.inherited]
    return bool(own) and not any(qw.covers(x) for x in own) and \
        not any(p.year <= qw.year <= (p.end_year or p.year) for p in ln.periods)


def own_times(q: Question) -> list[When]:
    """The times of a question that asks no date or period ("how much for 2026", "… in November 2023"); not the
    year that names an agreement or a document ("theo thỏa thuận năm 2019", "the 2019 agreement")."""
    if q.kind in ("date", "period") or any(s.kind in ("date", "period") for s in q.slots):
        return []
    return [w for w in q.whens if not w.relative and not _names_a_document(q.text, w)]


_DOCUMENT_TERMS = frozenset({"agreement", "memorandum", "minutes", "report"})


def _names_a_document(text: str, w: When) -> bool:
    """The time is the one of an agreement or document named right before or after it."""
    before = TERMS.find(text[max(0, w.start - 30) : w.start])
    if before and before[-1].key in _DOCUMENT_TERMS and \
            re.fullmatch(r"[\s,]*(?:năm|nam|of|in|ປີ|ໃນປີ)?[\s,]*", text[max(0, w.start - 30) + before[-1].end : w.start], re.I):
        return True
    after = TERMS.find(text[w.end : w.end + 30])
    return bool(after) and after[0].key in _DOCUMENT_TERMS and not text[w.end : w.end + after[0].start].strip()


def names_other_time(ln: Line, q: Question) -> bool:
    """The line names only times other than the one a question that asks no date is about (a year, a month,
    a day)."""
    return any(other_times(ln, w) for w in own_times(q))


def other_period(ln: Line, q: Question) -> bool:
    """The line names periods, none of them the one the question asks about."""
    asked = set(q.period_texts())
    return bool(asked) and bool(ln.periods) and not asked & {f"{p.year}-{p.end_year}" for p in ln.periods}


def own_ranks(ln: Line) -> frozenset[int]:
    """The places in a series a line is about: its own ("lần thứ hai"), else its heading's or its document's
    ("Minutes of the second video meeting" over "27 people took part")."""
    return ranks(ln.text) or ranks(ln.heading) or ranks(ln.title)
