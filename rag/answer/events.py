"""Is a line about the event asked? Checks of the evidence against what the question says happened.

:func:`narrow_to_event` keeps the lines that can date, place or name the event the question asks about, or
says why none can:

- the **action** asked must be the line's ("when was the action programme signed": a review conference of that
  August is no signing; "who chaired": a line that does not say who chaired names nobody for it), with what it
  is done to (the action plan signed, not the memorandum);
- a **part of the year** the question names ("the second half of 2025") is not answered by a line on another
  part of that year;
- an event asked as **past** ("when was the yearbook published") is not dated by a line that only plans,
  postpones or cancels it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..text.dates import YearPart, find_year_parts
from ..text.names import TERMS
from ..text.when import when_of_iso
from . import facts as F
from .evidence import GENERIC_TERMS, PLAN_WORDS, Evidence, Scored
from .lines import Line, LineIndex
from .question import Question
from .scope import own_ranks
from .status import classify_item, reports_done

# Roles: who chaired, led, hosted is named by a line that says so.
ROLE_ACTIONS = frozenset({"lead", "host", "in_charge"})
# Actions that make an event: the line answering when, where or by whom it was done must say it was done.
DECISIVE_ACTIONS = frozenset({"sign", "adopt", "launch", "establish_relations", "award", "accession", "review",
                              "translation", "data_migration", "digitization", "archiving", "install", "publish"})
# A question about plans ("planned for 2025", "dự kiến", "ວາງແຜນ")
ASKS_PLAN = re.compile(PLAN_WORDS.pattern + r"|kế\s+hoạch|ວາງແຜນ|ແຜນການ", re.I)


@dataclass(frozen=True)
class Refusal:
    """Why no line answers for the event: ``reason`` (unmet:action, absent:term, planned) and the value named."""

    reason: str
    value: str = ""


def narrow_to_event(q: Question, sat: list[Scored], evidence: Evidence, margin: float
                    ) -> tuple[list[Scored], Optional[Refusal]]:
    """The lines of ``sat`` (best first) about the event asked, or a refusal. ``margin``: how much weaker than
    the best line the best one left by a check may be before it is taken to be about something else."""
    top = sat[0].score if sat else 0.0

    def kept(left: list[Scored]) -> bool:  # what is left is about the question, not something else far weaker
        # (a line in another language than the best scores lower for its language alone: twice the margin)
        return bool(left) and left[0].score >= top - margin * (2 if left[0].line.lang != sat[0].line.lang else 1)

    roles = {f.key for f in q.terms if f.key in ROLE_ACTIONS} if q.kind == "actor" else set()
    acts = roles or {f.key for f in q.terms if f.key in DECISIVE_ACTIONS}  # "who led …": the leading is asked
    if acts and q.kind in ("date", "place", "actor"):
        things = {f.key for f in q.terms if f.kind in ("thing", "topic")} - GENERIC_TERMS - {"ceremony"}
        thing = max(things, key=lambda k: (evidence.idf(f"t:{k}"), k)) if things else ""
        doing = [s for s in sat if does(s.line, acts, "" if roles else thing)]
        if not kept(doing):
            return sat, Refusal("unmet:action", next(f.key for f in q.terms if f.key in acts))
        sat = doing
    parts = find_year_parts(q.text)
    if parts:  # "in the second half of 2025": a line on the first half of 2025 does not answer
        inside = [s for s in sat if not other_part(s.line, parts)]
        if not kept(inside):
            return sat, Refusal("absent:term", parts[0].text)
        sat = inside
    if q.past and q.kind in ("date", "place") and not ASKS_PLAN.search(q.text):
        held = [s for s in sat if not only_planned(s.line, evidence.lines) and not F.other_event(s.line, q)]
        if not kept(held):  # nothing left, or what is left after the plan is about something else
            return sat, Refusal("planned")
        sat = held
    return sat, None


# What an event that took place produced: "what did it conclude / agree / adopt", "đã thống nhất những gì"
ASKS_OUTCOME = re.compile(r"\b(?:conclu\w*|agree[ds]?|adopt(?:ed)?|decide[ds]?|discuss(?:ed)?|learn(?:ed|t)?|"
                          r"(?:da )?thong nhat|ket luan|quyet dinh|(?:da )?thao luan|hoc (?:duoc )?(?:gi|nhung gi))\b|"
                          r"ໄດ້ຕົກລົງ|ໄດ້ສະຫຼຸບ|ໄດ້ຮຽນ|ໄດ້ປຶກສາຫາລື|ໄດ້ຮັບຮອງ", re.I)
# Events a question can ask the outcome of (an exchange of experience is one)
OUTCOME_EVENTS = F.EVENT_TERMS | {"experience_sharing"}


def never_held(q: Question, sat: list[Scored], lines: LineIndex, probe: str) -> bool:
    """A question about what an event produced ("what did the third exchange conclude") where the record only
    plans, postpones or cancels that event: the lines naming it (and, when the question names its place in a
    series, that place) all do, and no document among the best is an account of it (titled or headed by it)."""
    if ASKS_PLAN.search(q.text) or not ASKS_OUTCOME.search(probe):
        return False
    events = {f.key for f in q.terms if f.key in OUTCOME_EVENTS}
    if not events:
        return False
    top = sat[:8]

    def same_one(ln: Line) -> bool:  # of "the second exchange", a line that says which one it is about
        return not q.ranks or bool(q.ranks & own_ranks(ln))

    naming = [s.line for s in top if events & s.line.term_keys and same_one(s.line)]
    if not naming:
        return False
    accounts = [s.line for s in top if events & TERMS.keys(s.line.title + " " + s.line.heading)
                and same_one(s.line) and not only_planned(s.line, lines)]
    return not accounts and all(only_planned(ln, lines) for ln in naming)


def does(line: Line, acts: set[str], thing: str = "") -> bool:
    """The line, its heading or list lead names one of the actions ``acts`` and what it is done to (``thing``,
    the rarest the question names: the action plan signed, not the memorandum); the date may sit in the
    sentence before; a document titled "signing of …" does not make each of its lines a signing, though an
    agreement titled "on information technology" is what its lines sign."""
    around = TERMS.keys(line.context(), kinds=("action", "thing", "topic"))
    return bool(acts & (line.term_keys | around)) and (not thing or thing in line.ctx_terms | around)


def only_planned(line: Line, lines: LineIndex) -> bool:
    """The line plans ("will", "dự kiến", a plan's row), postpones or cancels what it is about, or dates it after
    its own document; "hai bên thống nhất ký kết …" is an agreement, not a plan."""
    lead = lines.lead_line(line) if line.item else None
    st = classify_item(line, lead)
    if st is not None:
        if st.key == "postponed":  # "… đã được tổ chức ngày 20/11/2025, sau một lần lùi lịch" was held
            return not reports_done(line.text) and (
                st.when is None or not line.doc_date or st.when.first >= doc_day(line.doc_date))
        if st.key == "cancelled":
            return True
        if st.key == "planned" and (PLAN_WORDS.search(line.text) or (lead is not None and PLAN_WORDS.search(
                lead.text)) or (line.cells and re.search(r"\bplanned\b|kế hoạch|ແຜນ", " ".join(line.cells), re.I))):
            return True
    ws = [w for w in line.whens if not w.relative]
    return bool(ws) and bool(line.doc_date) and all(w.first > doc_day(line.doc_date) for w in ws)


def other_part(line: Line, parts: list[YearPart]) -> bool:
    """The line dates what it says in another part of the asked year ("6 tháng đầu năm 2025" for the second
    half of 2025; "tháng 3/2025" for "the second half of 2025"), and never inside the asked part."""
    for p in parts:
        own = [x for x in find_year_parts(line.text) if x.year == p.year]
        months = [(x.first_month, x.last_month) for x in own] + [
            (w.first.month, w.last.month) for w in line.whens
            if w.year == p.year and w.precision in ("day", "range", "month", "quarter") and not w.relative]
        if months and all(b < p.first_month or a > p.last_month for a, b in months):
            return True
    return False


def doc_day(doc_date: str) -> dt.date:
    """A document's date as a day (the last day of its month or year when only that is known)."""
    w = when_of_iso(doc_date)
    return w.last if w is not None else dt.date.max
