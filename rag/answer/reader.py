"""Reading the evidence: is the question answerable, and with which facts, items or status.

:class:`Reader` turns a question and its retrieved passages into a :class:`Reading`: either a
refusal with its reason (a name, period, year or number the record never mentions or never
mentions together with the rest of the question; no fact of the asked kind; an event the record
only plans; nothing relevant) or the facts of each asked slot with the lines that carry them, the
items of a list, or a status. Agreements are read from the register of the record (period,
signing date and place, articles), checked against the evidence.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Optional

import numpy as np

from ..records import Hit
from ..register import Agreement, Register, agreement_status
from ..retrieval.filters import Filters
from ..text.names import NAMES, TERMS
from ..text.normalize import fold_latin
from ..text.when import When, when_of_iso
from . import counting, spans
from . import facts as F
from .actors import actors, signer
from .events import ASKS_PLAN, doc_day, narrow_to_event, never_held
from .evidence import (
    GENERIC_TERMS,
    Constraint,
    Evidence,
    Scored,
    constraints,
    mark_in_period,
    subject_terms,
)
from .lines import Line
from .lists import best_list
from .question import Question, Slot, rank_text, ranks
from .scope import names_other_time, other_period, own_ranks
from .status import ASKS_HELD, ASKS_POSTPONED, LineStatus, answer_is_yes, classify, verdict


@dataclass
class Thresholds:
    """Gate settings (tuned on the ``tune`` half of eval/questions.jsonl)."""

    min_sim: float = 0.80  # (cross-language cosines are raised by their offset first)
    max_unseen: float = 0.4  # a question with no word of the record's vocabulary and this share of words the
    # record never uses is about something else  # the best line's cosine to the question, below which nothing is relevant
    min_score: float = 0.95  # the best line's whole score, below which nothing is relevant
    fact_weight: float = 0.4  # how much a fact's fit counts beside its line's score
    margin: float = 0.3  # lines within this of the best one count as evidence for a status


@dataclass
class Reading:
    """What the evidence says for one question."""

    q: Question
    refused: bool = False
    reason: str = ""  # name, period, when, number, unmet, kind, planned, relevance
    value: str = ""  # the constraint that is not met, as the question writes it
    facts: list[tuple[Slot, F.Fact]] = field(default_factory=list)
    support: list[Scored] = field(default_factory=list)  # lines to quote and cite, best first
    items: list[tuple[Line, int, int]] = field(default_factory=list)  # list items: line and span in it
    lead: Optional[Line] = None
    status: Optional[LineStatus] = None
    yes: Optional[bool] = None
    agreement: Optional[Agreement] = None
    scored: list[Scored] = field(default_factory=list)
    filters: Optional[Filters] = None  # the asker's documents, languages, dates: what may be cited


class Reader:
    def __init__(self, evidence: Evidence, thresholds: Optional[Thresholds] = None):
        self.evidence = evidence
        self.th = thresholds or Thresholds()

    # --- public ----------------------------------------------------------------------------------
    def read(self, q: Question, hits: list[Hit], qvec: np.ndarray, register: Optional[Register] = None,
             today: Optional[dt.date] = None, filters: Optional[Filters] = None) -> Reading:
        """``filters`` (the asker's documents, languages, dates) bound the evidence read beyond ``hits``;
        the register, which speaks for the whole record, is not used when they are active."""
        if filters is not None and filters.active:
            register = None
        today = today or dt.date.today()
        r = Reading(q, filters=filters if filters is not None and filters.active else None)
        info = self.evidence.record()
        cons = constraints(q, info["common"])
        signed = {(a.period_from, a.period_to) for a in (register.agreements if register is not None else ())
                  if a.period_from and a.period_to and a.signed_date
                  and agreement_status(a, today)[0] in ("in_force", "expired")} if ASKS_PLAN.search(q.text) else set()
        absent = self._absent(cons, info, signed)
        if absent is not None:
            return self._refuse(r, "absent", absent)
        cons = mark_in_period(cons, info)
        # a word every record may use ("dự kiến", a plan) says how, not what: its absence refuses nothing
        foreign = [f for f in q.terms if f.kind in ("thing", "measure") and f.key not in info["terms"]
                   and f.key not in GENERIC_TERMS]
        if foreign:
            r.value = foreign[0].text
            return self._refuse(r, "absent:term")
        unknown = self.evidence.unknown_names(q)
        if unknown:  # a place or body the record never names, in any spelling ("Phnom Penh")
            r.value = unknown[0]
            return self._refuse(r, "absent:term")
        known = [f for f in q.terms if f.key in info["terms"] and f.kind in ("thing", "topic", "action", "measure")
                 and f.key not in GENERIC_TERMS]
        if not known and self.evidence.unseen_share(q) >= self.th.max_unseen:
            return self._refuse(r, "relevance")
        scored = self.evidence.score(q, hits, qvec, filters)
        r.scored = scored
        if not scored:
            return self._refuse(r, "relevance")
        sat = [s for s in scored if s.satisfied and s.about] or self._about_in_docs(q, scored, cons)
        if not sat:
            missing = Counter(m for s in scored[:8] for m in s.missing())
            key = missing.most_common(1)[0][0] if missing else ""
            c = next((c for c in cons if f"{c.kind}:{c.key}" == key), None)
            if c is None:  # every constraint is met somewhere, but never with what the question is about
                c = next((c for c in cons if c.kind == "name"), None) or (cons[0] if cons else None)
            return self._refuse(r, "unmet", c)
        if q.ranks and not any(q.ranks & ranks(s.line.text) for s in sat[:10]) and \
                any(ranks(s.line.text) for s in sat[:10]):
            r.value = rank_text(q.text)  # "the third exchange" where the record names only the second
            return self._refuse(r, "absent:term")
        best = sat[0]
        # a short best line (a heading, "Hiệu lực") may be less like the question than its neighbours in the lead
        sim = max(s.sim for s in sat[:4] if s.score >= best.score - 0.1)
        if sim < self.th.min_sim or best.score < self.th.min_score:
            return self._refuse(r, "relevance")
        ag = self._agreement(q, register, sat) if register is not None else None
        r.agreement = ag
        if ag is None:  # the register speaks for an agreement; otherwise the lines must be about the event asked
            sat, refusal = narrow_to_event(q, sat, self.evidence, 2 * self.th.margin)
            if refusal is not None:
                r.value = refusal.value
                return self._refuse(r, refusal.reason)
        if ag is not None and q.past and not ASKS_PLAN.search(q.text) and "sign" in q.term_keys and q.sub not in ("until", "deadline") and \
                not self._signed(ag) and {s.kind for s in q.slots} & {"date", "place"}:
            return self._refuse(r, "planned")  # "when was the 2026-2030 memorandum signed": the record only plans it
        kind = q.kind
        if kind in ("list", "event", "open") and never_held(q, sat, self.evidence.lines,
                                                            fold_latin(q.text) if q.lang != "lo" else q.text):
            return self._refuse(r, "planned")  # "what did the third exchange conclude": the record only plans it
        if kind in ("yesno", "status"):
            return self._status(r, sat, ag, today)
        if kind == "list":
            if self._list(r, sat):
                return r
            kind = "open"
        if kind in ("event", "open"):
            return self._open(r, sat, today)
        for slot in q.slots or [Slot(kind, 0, 0)]:
            if slot.kind in ("yesno", "status", "event", "list", "open"):
                continue
            fact = self._signer(q, sat, ag) if slot.kind == "actor" and "sign" in q.term_keys else None
            fact = fact or (self._from_register(slot, ag, q) if ag is not None else None)
            if fact is None and slot.kind == "date" and q.sub == "until":
                fact = self._until_fact(sat)
            fact = fact or self._best_fact(slot, sat, q, r.facts[0][1].line if r.facts else None)
            if fact is None and slot.kind == "period" and not spans.ASKS_DURATION.search(q.text):
                # "ໃນໄລຍະໃດ" of an activity, not of an agreement: the quarter or months it is dated by
                dated = self._best_fact(Slot("date", slot.start, slot.end), sat, q)
                fact = dated if dated is not None and dated.value.precision in ("quarter", "month", "range") else None
            if fact is None and slot.kind == "date" and q.exact_day and not r.facts:
                coarse = self._best_fact(slot, sat, replace(q, exact_day=False))
                if coarse is not None:
                    r.value = coarse.say(q.lang)  # "on which day": the record gives only "quý IV/2025"
                    return self._refuse(r, "unmet:day")
            if fact is None:
                if not r.facts and q.side and slot.kind in ("actor", "count") and \
                        self._best_fact(slot, sat, replace(q, side="")) is not None:
                    r.value = q.side  # "who signed for the Lao side" where the record names only Vietnam's
                    return self._refuse(r, "unmet:side")
                times = [c for c in cons if c.own_year]
                if not r.facts and times and any(names_other_time(s.line, q) and self._facts_of(slot, s, q)
                                                 for s in scored[:8]):
                    return self._refuse(r, "unmet", times[0])  # the record gives it for 2024, not for 2025
                if not r.facts:
                    loose = [c for c in cons if c.kind == "name" and all(s.met.get(f"name:{c.key}", 0) < 1.0
                                                                          for s in sat[:5])]
                    return self._refuse(r, "unmet", loose[0]) if loose else self._refuse(r, "kind")
                continue
            r.facts.append((slot, fact))
        r.support = self._support(r, sat)
        return r

    def _about_in_docs(self, q: Question, scored: list[Scored], cons: list[Constraint]) -> list[Scored]:
        """When the lines that meet the constraints are not about the question's subject, the lines of their
        documents that name it ("ຄວາມຫຍຸ້ງຍາກ: …" in the report on Sekong that retrieval cut short)."""
        subjects = subject_terms(q)
        out: list[Scored] = []
        for doc_id in list(dict.fromkeys(s.line.doc_id for s in scored[:8] if s.satisfied))[:2] if subjects else []:
            anchor = next(s for s in scored if s.line.doc_id == doc_id)
            out += [replace(anchor, line=ln, about=True, score=anchor.score - 0.2)
                    for ln in self.evidence.lines.document(doc_id) if subjects & ln.term_keys and not ln.is_heading
                    and all(self.evidence.meets(ln, anchor.hit, c) > 0 for c in cons)]
        return out

    # --- gate --------------------------------------------------------------------------------------
    @staticmethod
    def _absent(cons: list[Constraint], info: dict, signed: set = frozenset()) -> Optional[Constraint]:
        """The first constraint the record never names. ``signed``: (from, to) years of the signed
        agreements, whose plans cover each year of their period ("2025" of the 2022-2025 memorandum; a
        draft's period covers nothing)."""
        for c in cons:
            if c.kind == "name" and c.key not in info["names"] and not any(
                    (NAMES.entry(k) and NAMES.entry(k).parent == c.key) for k in info["names"]):
                return c
            if c.kind == "period" and c.key not in info["periods"]:
                return c
            if c.kind == "when" and c.when is not None and c.when.year not in info["years"] and not any(
                    int(a) <= c.when.year <= int(b) for a, b in signed):
                return c
        return None

    @staticmethod
    def _refuse(r: Reading, reason: str, c: Optional[Constraint] = None) -> Reading:
        r.refused, r.reason = True, reason
        if c is not None:
            r.value = c.key if c.kind != "when" else c.text
            r.reason = f"{reason}:{c.kind}"
        return r

    # --- facts ------------------------------------------------------------------------------------
    @staticmethod
    def _facts_of(slot: Slot, s: Scored, qq: Question) -> list[F.Fact]:
        ln = s.line
        if slot.kind == "date" and qq.exact_day:  # "ngày nào": only a day (or days) answers
            return [f for f in F.dates(ln, qq) if f.value.precision in ("day", "range")]
        if slot.kind == "date":
            return F.dates(ln, qq)
        if slot.kind == "place":
            return F.places(ln, qq)
        if slot.kind == "count":
            return counting.counts(ln, qq, slot)
        if slot.kind == "period" and spans.ASKS_DURATION.search(qq.text):
            return spans.durations(ln, qq)  # "kéo dài bao lâu": 24 tháng
        if slot.kind == "period":
            return spans.periods(ln, qq)
        if slot.kind == "actor":
            return actors(ln, qq)
        return []

    def _best_fact(self, slot: Slot, sat: list[Scored], q: Question, near: Optional[Line] = None) -> Optional[F.Fact]:
        """The fact of ``slot``'s kind that best fits, from the best lines (from ``near``'s line first: the
        place of "when and where" is the place of that event)."""
        best, best_score = None, -9.0
        top = sat[0].score
        for s in sat[:14]:
            if s.score < top - 0.6:
                break
            if q.ranks and (own := own_ranks(s.line)) and not q.ranks & own:
                continue  # "lần thứ hai": a line about the first one holds none of its facts
            if other_period(s.line, q):
                continue  # "the 2026-2030 memorandum": a line on the 2022-2025 one holds none of its dates
            if slot.kind == "count" and F.other_action(s.line, q):
                continue  # "about 40% of the pensioners": not how much pensions were raised
            if slot.kind == "count" and (F.names_other_event(s.line, q) or F.other_event(s.line, q) and
                                         self._after_other_event(s.line, q)):
                continue  # "Đoàn … gồm 20 thành viên" right after the sports exchange: not the seminar's delegates
            if slot.kind in ("date", "place") and (F.other_event(s.line, q) or F.names_other_event(s.line, q)):
                continue  # "the action plan was reviewed on 2 June": not the date of the seminar asked
            if slot.money and self._paid_by_other(s.line, q):
                continue  # "… do BHXH Việt Nam tài trợ. Mỗi suất trị giá 150 triệu đồng": not what LSSO grants
            for f in self._facts_of(slot, s, q):
                same = near is not None and (s.line is near or (s.line.family == near.family and s.line.para == near.para
                                                                 and s.line.doc_id != near.doc_id))
                total = s.score + self.th.fact_weight * f.score + (0.5 if same else 0.0)
                if q.sub in ("until", "deadline") and f.kind == "date" and f.value.qualifier in ("until", "before"):
                    total += 0.4  # "valid until when": the date a line gives as an end, not the signing date
                if total > best_score:
                    best, best_score = f, total
        if best is None:
            # The fact may sit in a sentence near the best one ("Hôm nay (22/11)" two paragraphs up); an amount
            # also in the sentence after one that names who pays ("… do BHXH Việt Nam tài trợ cho cán bộ LSSO.
            # Mỗi suất học bổng trị giá 180 triệu đồng"), when the question's side pays there.
            for s in sat[:3] + [s for s in sat[3:8] if slot.money and s.score >= top - 0.3]:
                if slot.money and counting.other_side(s.line, q):
                    continue
                for ln in self.evidence.lines.near(s.line, before=6, after=2 if slot.money else 0):
                    if ln is s.line or (slot.kind == "count" and F.other_action(ln, q)) or (
                            slot.kind == "count" and F.other_event(ln, q) and (
                            F.names_other_event(ln, q) or self._after_other_event(ln, q))) \
                            or (slot.kind in ("date", "place") and (F.names_other_event(ln, q) or (
                                F.other_event(ln, q) and ln.row != s.line.row))) \
                            or (q.ranks and (own := own_ranks(ln)) and not q.ranks & own) or other_period(ln, q) \
                            or names_other_time(ln, q):
                        continue
                    shadow = Scored(ln, s.hit, s.rank, s.sim, s.score - 0.3)
                    shared = len(ln.term_keys & s.line.term_keys) or \
                        (slot.money and ln.index > s.line.index and ln.para == s.line.para)  # the payer's paragraph
                    for f in self._facts_of(slot, shadow, q):
                        total = shadow.score + self.th.fact_weight * f.score + 0.1 * shared
                        if shared and total > best_score:
                            best, best_score = f, total
        return best

    def _signer(self, q: Question, sat: list[Scored], ag: Optional[Agreement]) -> Optional[F.Fact]:
        """"Who signed for …": the person of the signature block of the agreement asked (the register's, else
        the best lines' documents)."""
        docs = [ag.parties.cited.doc_id] if ag is not None and ag.parties is not None else []
        docs += [s.line.doc_id for s in sat[:14] if {"agreement", "memorandum"} & TERMS.keys(s.line.title)]
        found = [f for doc_id in dict.fromkeys(docs) for f in signer(self.evidence.lines.document(doc_id), q)]
        return max(found, key=lambda f: f.score) if found else None  # the first of the best

    def _until_fact(self, sat: list[Scored]) -> Optional[F.Fact]:
        """'Valid until when': the date after "hiệu lực / valid / in force / ມີຜົນສັກສິດ" in the documents of the
        best lines (the clause on validity sits anywhere in an agreement, seldom among the best lines)."""
        docs = list(dict.fromkeys(s.line.doc_id for s in sat[:6]))
        for doc_id in docs:
            for ln in self.evidence.lines.document(doc_id):
                m = _VALIDITY.search(ln.text)
                ends = [w for w in ln.whens if m and w.start >= m.end() and not w.relative]
                if ends:
                    return F.Fact("date", ln, ends[-1].start, ends[-1].end, ends[-1], 1.0)
        return None

    def _paid_by_other(self, line: Line, q: Question) -> bool:
        """An amount whose sentence names no payer, after one in its paragraph that names the other side's."""
        if counting.other_side(line, q):
            return True
        if not q.side:
            return False
        before = [ln for ln in self.evidence.lines.near(line, before=3) if ln.index < line.index and ln.para == line.para]
        return any(counting.other_side(ln, q) for ln in before)

    def _after_other_event(self, line: Line, q: Question) -> bool:
        """The sentence just before ``line`` names another kind of event than the question's (and none of it)."""
        doc = self.evidence.lines.document(line.doc_id)
        prev = doc[line.index - 1] if line.index > 0 else None
        return prev is not None and not prev.is_heading and F.names_other_event(prev, q)

    def _support(self, r: Reading, sat: list[Scored]) -> list[Scored]:
        """The lines that carry the stated facts (their own scored entries), best first."""
        by_line = {id(s.line): s for s in sat}
        out = []
        for _, f in r.facts:
            s = by_line.get(id(f.line))
            if s is None:
                s = next((x for x in r.scored if x.line is f.line), None) or Scored(f.line, sat[0].hit, 0)
            if s not in out:
                out.append(s)
        return out or sat[:1]

    # --- agreements from the register ------------------------------------------------------------
    def _agreement(self, q: Question, register: Register, sat: list[Scored]) -> Optional[Agreement]:
        if not q.agreement and not ("sign" in q.term_keys and q.whens):
            return None  # about an agreement, or about what was signed on a date
        ags = [a for a in register.agreements if a.period_from]
        if q.periods:
            want = set(q.period_texts())
            return next((a for a in ags if a.period_text in want), None)
        signed = [a for a in ags if self._signed(a)]
        if q.whens:
            for a in signed:
                sw = when_of_iso(a.signed_date)
                if sw is not None and any(w.covers(sw) for w in q.whens):
                    return a
            return None
        if not q.ordinal or not signed:
            return None
        signed.sort(key=lambda a: a.period_from)
        latest = signed[-1]
        planning = bool(_PLANNING.search(fold_latin(q.text) if q.lang != "lo" else q.text))
        if q.ordinal == "new" and planning:  # "the new memorandum they are drafting": the next one
            later = [a for a in ags if a.period_from > latest.period_from]
            return min(later, key=lambda a: a.period_from) if later else None
        if q.ordinal == "new":
            return latest
        if q.ordinal == "previous":
            return signed[-2] if len(signed) > 1 else None
        if q.ordinal == "next":
            later = [a for a in ags if a.period_from > latest.period_from]
            return min(later, key=lambda a: a.period_from) if later else None
        return None

    def _signed(self, a: Agreement) -> bool:
        """Signed per the evidence: a signing date in a sentence that does not plan it."""
        if not a.signed_date or a.signed is None:
            return False
        ln = self._line_at(a.signed.cited.doc_id, a.signed.cited.start)
        if ln is None:
            return False
        st = classify(ln)
        if st is not None and st.key == "planned" and ln.doc_date and a.signed_date == ln.doc_date[: len(a.signed_date)]:
            return True  # "Hôm nay, ngày 09/10/2019, hai bên thống nhất ký …": the agreement's own text, signed that day
        return st is None or st.key not in ("planned", "postponed")

    def _line_at(self, doc_id: str, start: int) -> Optional[Line]:
        for ln in self.evidence.lines.document(doc_id):
            if ln.start <= start < max(ln.end, ln.start + 1):
                return ln
        return None

    def _from_register(self, slot: Slot, ag: Agreement, q: Question) -> Optional[F.Fact]:
        if slot.kind == "date" and q.sub == "until" and ag.valid_until is not None and self._signed(ag):
            ln = self._line_at(ag.valid_until.cited.doc_id, ag.valid_until.cited.start)
            w = when_of_iso(ag.valid_until.key)
            if ln is not None and w is not None:
                m = next((x for x in ln.whens if x.iso == ag.valid_until.key), None)
                a, b = (m.start, m.end) if m else (0, len(ln.text))
                return F.Fact("date", ln, a, b, m or w, 1.0)
        if slot.kind == "date" and self._signed(ag) and q.sub not in ("until", "deadline"):
            ln = self._line_at(ag.signed.cited.doc_id, ag.signed.cited.start)
            w = when_of_iso(ag.signed_date)
            if ln is not None and w is not None:
                m = next((x for x in ln.whens if x.iso == ag.signed_date), None)
                a, b = (m.start, m.end) if m else (0, len(ln.text))
                return F.Fact("date", ln, a, b, m or w, 1.0)
        if slot.kind == "place" and ag.place is not None and self._signed(ag):
            ln = self._line_at(ag.place.cited.doc_id, ag.place.cited.start)
            if ln is not None:
                places = F.places(ln, q)
                if places:
                    return max(places, key=lambda f: f.score)
        if slot.kind == "period" and ag.period is not None:
            ln = self._line_at(ag.period.cited.doc_id, ag.period.cited.start)
            if ln is not None:
                p = next((x for x in ln.periods if (x.year, x.end_year) == (ag.period_from, ag.period_to)), None)
                a, b = (p.start, p.end) if p else (0, len(ln.text))
                return F.Fact("period", ln, a, b, (ag.period_from, ag.period_to), 1.0)
        if slot.kind == "actor" and ag.parties is not None and self._signed(ag) and "sign" in q.term_keys:
            ln = self._line_at(ag.parties.cited.doc_id, ag.parties.cited.start)
            if ln is not None:
                found = [f for f in actors(ln, q) if f.value and not set(f.value) & set(q.name_keys)]
                if found:
                    return max(found, key=lambda f: f.score)
        if slot.kind == "count" and ag.articles is not None and (slot.unit_key == "article" or "article" in
                                                                  q.term_keys):
            ln = self._line_at(ag.articles.cited.doc_id, ag.articles.cited.start)
            if ln is not None:
                qs = [f for f in counting.counts(ln, q, slot) if f.value.unit == "article"]
                if qs:
                    return qs[0]
        return None

    # --- lists --------------------------------------------------------------------------------------
    def _list(self, r: Reading, sat: list[Scored]) -> bool:
        found = best_list(self.evidence.lines, r.q, sat, r.scored)
        if found is None:
            return False
        r.items, r.lead, r.support = found.items, found.lead, [found.support]
        return True

    # --- status -------------------------------------------------------------------------------------
    def _status(self, r: Reading, sat: list[Scored], ag: Optional[Agreement], today: dt.date) -> Reading:
        q = r.q
        probe = fold_latin(q.text) if q.lang != "lo" else q.text
        if ag is not None and re.search(r"hieu luc|in force|valid|ຜົນສັກສິດ", probe, re.I) and ag.period_from and \
                self._signed(ag):
            key, _ = agreement_status(ag, today)
            ln = self._line_at(ag.period.cited.doc_id, ag.period.cited.start) if ag.period else None
            ln = ln or self._line_at(ag.cited.doc_id, ag.cited.start) or sat[0].line
            when = When(0, 0, str(ag.period_to), "year", ag.period_to) if key in ("expired", "in_force") else None
            st = LineStatus(key if key in ("in_force", "expired") else "not_yet", ln, when)
            r.status, r.yes = st, answer_is_yes(st.key, probe)
            r.support = [next((s for s in sat if s.line is st.line), sat[0])]
            return r
        top = sat[0].score
        subject = [s for s in sat if s.score >= top - self.th.margin][:8]
        inline = [s for s in subject if s.met and all(v >= 1.0 for v in s.met.values())]
        subject = inline or subject
        actions = {k for k in q.term_keys if k in _ACTION_TERMS}
        acting = [s for s in subject if actions & s.line.term_keys]
        subject = acting or subject
        subjects = subject_terms(q)
        if subjects:  # the lines naming most of what the question is about
            # a term the line itself names counts more than one only its heading gives
            def about(x: Scored) -> float:
                return len(subjects & x.line.term_keys) + 0.5 * len(subjects & (x.line.ctx_terms - x.line.term_keys))

            most = max(about(s) for s in subject)
            # a line a little further down that names more of it ("the website" itself, not the agreement)
            closer = [s for s in sat[:20] if s not in subject and s.score >= top - 2 * self.th.margin
                      and about(s) > most and s.about and (not inline or (s.met and all(v >= 1.0 for v in
                                                                                         s.met.values())))]
            if closer:
                subject, most = closer, max(about(s) for s in closer)
            subject = [s for s in subject if about(s) == most]
        # … with the sentences that continue them ("… chưa thực hiện được. Hai bên thống nhất lùi … sang quý II/2026.")
        lines = []
        for s in subject:
            lines.append(s.line)
            for ln in self.evidence.lines.document(s.line.doc_id)[s.line.index + 1 : s.line.index + 4]:
                if ln.row != s.line.row:
                    break
                own = {k for k in ln.term_keys if TERMS.kind(k) == "thing"} - GENERIC_TERMS
                if subjects and own and not own & subjects and not ln.term_keys & subjects:
                    break  # "… Giải bóng đá … đã bị hủy": the next sentence is about another thing
                lines.append(ln)
        lines = list({id(ln): ln for ln in lines}.values())
        leads = {id(ln): lead for ln in lines if ln.item and (lead := self.evidence.lines.lead_line(ln)) is not None}
        st = verdict(lines, today, asks_postponed=bool(ASKS_POSTPONED.search(probe)), leads=leads)
        if st is None:
            return self._open(r, sat, today)
        if st.key in ("planned", "overdue", "postponed") and q.past and q.whens and st.line.doc_date and \
                ASKS_HELD.search(probe) and all(w.first > doc_day(st.line.doc_date) for w in q.whens) and \
                (st.key != "postponed" or st.when is None or any(w.covers(st.when) for w in q.whens)):
            return self._refuse(r, "planned")  # "was the dialogue planned for March 2026 held?": no later document
        r.status, r.yes = st, answer_is_yes(st.key, probe)
        r.support = [next((s for s in r.scored if s.line is st.line), subject[0])]
        return r

    # --- open questions ------------------------------------------------------------------------------
    def _open(self, r: Reading, sat: list[Scored], today: dt.date) -> Reading:
        q = r.q
        best = sat[0]
        if q.past and q.whens and q.kind in ("event", "open"):
            dated = [s.line for s in sat[:6] if s.met and s.about and
                     all(v >= 1.0 for k, v in s.met.items() if k.startswith("when"))]
            lines = dated[:3] or [s.line for s in sat[:2]]
            statuses = [classify(ln) for ln in lines]
            planned = all(st is not None and st.key == "planned" for st in statuses)
            later = all(w.first > doc_day(ln.doc_date) for w in q.whens for ln in lines if ln.doc_date)
            if planned and later:
                return self._refuse(r, "planned")
        ag = r.agreement
        probe = fold_latin(q.text) if q.lang != "lo" else q.text
        if ag is not None and "sign" in q.term_keys and self._signed(ag) and (q.agreement or _WHAT_SIGNED.search(probe)):
            # "what did they sign", "on what occasion was it signed": the agreement's own sentences
            lines = [self._line_at(ag.signed.cited.doc_id, ag.signed.cited.start)]
            if not q.agreement and ag.period is not None:
                lines.insert(0, self._line_at(ag.period.cited.doc_id, ag.period.cited.start))
            found = [next((s for s in r.scored if s.line is ln), None) or Scored(ln, sat[0].hit, 0)
                     for ln in lines if ln is not None]
            if found:
                r.support = list({id(s.line): s for s in found}.values())
                return r
        # An open question is often answered by two sentences of one account ("what did they agree", "để làm gì").
        subjects = subject_terms(q)
        second = [s for s in sat[1:6] if s.line.doc_id == best.line.doc_id and s.line is not best.line and
                  s.score > best.score - 0.12 and (not subjects or subjects & (s.line.term_keys | s.line.ctx_terms))]
        r.support = [best] + second[:1]
        return r


_VALIDITY = re.compile(r"hiệu\s+lực|\bvalid\b|\bin\s+force\b|ມີຜົນສັກສິດ", re.I)
_WHAT_SIGNED = re.compile(r"\bky(?: ket)?(?: \w+){0,2} (?:gi|nao)\b|what did .{0,60}\bsign|signed what|"
                          r"ລົງນາມ.{0,12}(?:ຫຍັງ|ໃດ)", re.I)
_ACTION_TERMS = {"sign", "launch", "review", "training", "seminar", "conference", "visit", "survey", "award",
                 "postpone", "complete", "translation", "support", "expand", "data_migration"}
_PLANNING = re.compile(r"chuan bi|du thao|soan thao|draft|prepar|se ky|sap ky|will (?:be )?sign|plann|"
                       r"ກະກຽມ|ຮ່າງ|ຈະລົງນາມ", re.I)
