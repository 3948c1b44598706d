"""Commitments and their follow-up: every dated plan of the record, matched with what later documents report.

A document is read line by line (a PDF line, a paragraph, a DOCX table row "1 | … | … | 30/6/2024 |
…", a numbered or lettered list item), each line cut into sentences. A unit is a **commitment**
when it puts an activity at a date after its own document's date (a quarter, a month, a day, a
deadline "trước / before / ກ່ອນ", a year — also the current one, in the future tense —, or the year of
a plan section's heading) and is neither a report, a postponement, a budget line nor an agreement's
validity.

The same commitment made again (a translation, a later plan for a time that overlaps its own) is one
commitment; a later passage that matches it (shared activity terms, places of the shared name table,
counts, the date of the document that made it, and for one language shared word pairs; not another
agreement period, other third parties or only other places) is a :class:`~.model.FollowUp` that
reports it done, under way, postponed or only restates it. Matching uses no words of one language
only, so a Lao note can close a Vietnamese minute's item.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Optional

from ..records import Passage
from ..text.dates import find_dates, parse_date_arg
from ..text.langs import LANGS
from ..text.sentences import whole_sentences
from . import lexicon as lx
from .corpus import Corpus
from .matching import THRESHOLD, DatedPostings, Features, Postings, Unit, features, report_state, reportish, score
from .meaning import Meaning
from .model import Commitment, FollowUp
from .patterns import MEMO, areas_of, clean_item
from .when import When, due_order, due_span, find_when

_HEADER = {
    "what": re.compile(r"hoạt\s+động|nội\s+dung|activit|\btask|ກິດຈະກຳ|ເນື້ອໃນ|ວຽກງານ", re.I),
    "lead": re.compile(r"chủ\s+trì|thực\s+hiện|\blead|responsib|ຮັບຜິດຊອບ|ຜູ້ປະຕິບັດ", re.I),
    "due": re.compile(r"thời\s+hạn|thời\s+gian|deadline|\bdue\b|\btime|\bdate|ກຳນົດ|ເວລາ", re.I),
    "place": re.compile(r"địa\s+điểm|\bplace|venue|location|ສະຖານທີ່", re.I),
}
_UPPER_HEAD = re.compile(r"^((?:[IVX]{1,4}|\d{1,2})\.\s+[^.;:]{3,80}?)\s+(?=(?:\d{1,2}|[a-zđ])[.)]\s)")
_NUMBERED_HEAD = re.compile(r"^\s*(?:[IVX]{1,4}|\d{1,2})\.\s+\S")
# --- reading documents into units -----------------------------------------------------------------
def _doc_text(corpus: Corpus, doc_id: str) -> str:
    ps = corpus.docs[doc_id]
    end = max(p.meta.start + len(p.text) for p in ps)
    chars = ["\n"] * end
    for p in ps:
        chars[p.meta.start : p.meta.start + len(p.text)] = list(p.text)
    return "".join(chars)


def _passage_at(corpus: Corpus, doc_id: str, a: int, b: int) -> tuple[Passage, int, int]:
    best = max(corpus.docs[doc_id], key=lambda p: min(b, p.meta.start + len(p.text)) - max(a, p.meta.start))
    s, e = best.meta.start, best.meta.start + len(best.text)
    return best, max(a, s), min(b, e)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        a = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        a += len(line) - len(line.lstrip())
        m = _UPPER_HEAD.match(stripped)
        if m and m.group(1) == m.group(1).upper():  # "III. CÁC NỘI DUNG ĐÃ THỐNG NHẤT 1. BHXH …": the heading, then the item
            out.append((a, m.group(1)))
            rest = stripped[m.end():]
            out.append((a + m.end(), rest))
        else:
            out.append((a, stripped))
    return out


_TOPIC = re.compile(r"^([^.:;]{4,80}):\s")


def _topic(line: str, skip: int) -> str:
    """"1. Thí điểm thu BHXH điện tử: …" -> "Thí điểm thu BHXH điện tử" (a numbered item's heading)."""
    if not skip:
        return ""
    m = _TOPIC.match(line[skip:])
    return m.group(1) if m else ""


_SECTION_HEAD = re.compile(r"^\s*[IVX]{1,4}\.\s+[^.;]{2,80}?(?:\s+\d{1,2}\.)?$")  # a PDF line may end with the first item's "1."


def _upper_line(line: str) -> bool:
    """A heading typed in capitals (a cased script only: Lao has no capitals)."""
    return len(line) <= 90 and any(ch.isupper() for ch in line) and line == line.upper() and not line.rstrip().endswith(".")


def read_units(corpus: Corpus, doc_id: str) -> list[Unit]:
    """The units of one document, in order, with the year of the plan section they stand in."""
    first = corpus.docs[doc_id][0]
    doc_date = first.meta.date or ""
    text = _doc_text(corpus, doc_id)
    units: list[Unit] = []
    header: list[str] = []
    section_year = ""
    lead_cue, listing = False, False  # a lead-in "…thống nhất:" plans the list items after it
    led = False  # the line before was the lead-in: this one is the first item, numbered or not (a PDF line)
    for a, line in _lines(text):
        in_list = listing
        listing = listing and bool(lx.ITEM.match(line) or line.rstrip().endswith(";") or led)
        led = False
        if line.rstrip().endswith(":") or _SECTION_HEAD.match(line) or _upper_line(line):
            # a lead-in "…thống nhất:" or a section heading "II. CÁC NỘI DUNG HAI BÊN THỐNG NHẤT THỰC HIỆN"
            lead_cue, listing, led = bool(lx.PLAN.search(line)), True, True
        cue = lead_cue and in_list
        if " | " in line:
            cells = [c.strip() for c in line.split("|")]
            roles = [next((k for k, rx in _HEADER.items() if rx.search(c)), "") for c in cells]
            if sum(1 for r in roles if r) >= 2 and not find_when(line, doc_date):
                header = roles
                continue
            row = {r: c for r, c in zip(header, cells) if r} if header else {}
            p, s, e = _passage_at(corpus, doc_id, a, a + len(line))
            units.append(Unit(p, s, e, text[s:e], line, doc_date, section_year, row))
            continue
        short = len(line) <= 90 and not line.rstrip().endswith(".")
        letters = re.sub(r"[^\w]|\d", "", line)
        if short and (_NUMBERED_HEAD.match(line) or (letters and letters == letters.upper()) or line.endswith(":")):
            if lx.PLAN_SECTION.search(line):
                years = [w.iso for w in find_when(line, doc_date) if len(w.iso) == 4]
                section_year = years[-1] if years else ""
            else:
                section_year = ""
        if short and letters != letters.lower() and letters == letters.upper():
            continue  # a title in capitals ("II. PHƯƠNG HƯỚNG NĂM 2025") plans nothing itself
        if line.startswith("#"):
            continue  # nor does a Markdown title ("# … gia hạn Thỏa thuận hợp tác đến năm 2027")
        marker = lx.ITEM.match(line)
        skip = marker.end() if marker else 0
        for s in whole_sentences(line[skip:]):
            sa, sb = a + skip + s.start, a + skip + s.end
            p, ca, cb = _passage_at(corpus, doc_id, sa, sb)
            ctx = line if (lx.ITEM.match(line) or len(line) <= 600) else text[sa:sb]
            units.append(Unit(p, ca, cb, text[ca:cb], ctx, doc_date, section_year, topic=_topic(line, skip), cue=cue))
    return units


# --- commitments ----------------------------------------------------------------------------------
def _due(u: Unit) -> Optional[When]:
    """The due date of a planning unit, or None when it plans nothing after its document's date."""
    if not u.doc_date or lx.BUDGET.search(u.text) or lx.POSTPONE.search(u.text) or lx.NOT_DONE.search(u.text):
        return None
    doc = parse_date_arg(u.doc_date)
    memo_at = tuple(m.start() for m in MEMO.finditer(u.text))
    source = u.row.get("due") or u.text
    found = [w for w in find_when(source, u.doc_date, memo_at) if not w.relative]
    if u.row.get("due") and not found:
        found = [w for w in find_when(u.text, u.doc_date, memo_at) if not w.relative]
    t = u.text
    future = []
    for w in found:
        head = _clause_before(t, w.start) if source is t else ""
        if lx.VALIDITY.search(head):
            continue  # "có hiệu lực kể từ ngày ký đến hết ngày 31/12/2021": how long an agreement lasts
        if w.range_first and w.range_first <= u.doc_date:
            continue  # "(5/9/1962 - 5/9/2024)": a span from the past, not something due
        cue = lx.PLAN.search(t) or lx.REQUEST.search(t) or u.cue
        if w.period and not cue:
            continue
        if w.last_day() > doc and (w.first_day() > doc or ((w.by or u.cue or lx.WILL.search(_clause_before(t, w.start))) and cue)
                                    or u.row):
            future.append(w)
    if (not future and u.section_year and int(u.section_year) >= doc.year and (lx.ITEM.match(u.ctx) or u.row)
            and not lx.DONE.search(t) and not lx.PROGRESS.search(t)):
        own = [w for w in found if w.iso[:4] == u.section_year]
        return own[0] if own else When(u.section_year, 0, 0, u.section_year, by=True)
    if not future:
        return None
    if lx.DONE.search(t) and not lx.PLAN.search(t):
        return None
    return max(future, key=lambda w: due_order(w.iso))


def _clause_before(text: str, at: int) -> str:
    """The text of ``text`` before ``at`` back to the last clause break (";", ". ", ":")."""
    head = text[:at]
    cut = max(head.rfind(";"), head.rfind(". "), head.rfind(":"))
    return head[cut + 1 :]


def _lead(u: Unit) -> tuple[str, str]:
    if u.row.get("lead"):
        keys = lx.orgs(u.row["lead"])
        return (keys[0][1] if keys else ""), u.row["lead"]
    m = lx.LEAD_LABEL.search(u.ctx)
    if m:
        keys = lx.orgs(m.group(1))
        return (keys[0][1] if keys else ""), m.group(1).strip()
    body = lx.ITEM.sub("", u.text, count=1)
    found = [(at, k) for at, k in lx.orgs(body) if at <= 12]
    return (found[0][1], "") if found else ("", "")


def _what(u: Unit) -> str:
    if u.row.get("what"):
        return clean_item(u.row["what"])
    return clean_item(lx.ITEM.sub("", u.text, count=1))


def _span(w: When, made: str = "") -> tuple[dt.date, dt.date]:
    """The days a due date covers; a deadline ("before 30/6/2024") runs from the day it was set."""
    w0, w1 = due_span(w.iso)
    if w.by and made:
        w0 = min(w0, parse_date_arg(made))
    return w0, w1


def _spans_meet(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """True when two due dates' spans (:func:`_span`) share a day ("2025" and "2025-Q4" do; "2025-Q2" and
    "2025-Q4" do not)."""
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass
class _Read:
    """A unit with what it says on its own (kept between builds with its document: see
    :meth:`.corpus.Corpus.per_doc`)."""

    unit: Unit
    due: Optional[When]  # when it plans something after its document's date
    f: Optional[Features]  # what it is about, as a commitment (units with a due date only)
    about: Features  # what it is about, as a possible report of a commitment (with its topic)
    dates: tuple[tuple[str, int], ...]  # the dates it states (ISO, offset): documents it may cite
    reporting: bool = False  # a unit with a due date that could also report (see :func:`.matching.reportish`)


def doc_units(corpus: Corpus, doc_id: str) -> list[_Read]:
    out = []
    for u in read_units(corpus, doc_id):
        due = _due(u)
        out.append(_Read(u, due, features(u.ctx if u.row else u.text, u.lang) if due is not None else None,
                         features(f"{u.topic} {u.text}", u.lang),
                         tuple((d.iso, d.start) for d in find_dates(u.text, None, relative=False)),
                         due is not None and reportish(u)))
    return out


FOLLOW_UP_YEARS = 3  # a report more than this many years after an item was due does not follow it up


def _horizon(due: str) -> str:
    """The last document date (ISO) that can still report on an item due on ``due``: without it, matching
    reports grew with the square of a record spanning many years."""
    last = due_span(due)[1]
    return "9999" if last.year > 9000 else f"{last.year + FOLLOW_UP_YEARS:04d}{last.isoformat()[4:]}"


def _about(f: Features) -> tuple:
    """What :func:`.matching.report_state` reads of a commitment's features (a key of its results)."""
    return tuple(sorted(f.terms)), tuple(sorted(f.places)), tuple(sorted(f.numbers)), tuple(sorted(f.pairs))


def _cited_dates(reads: list[_Read], made_on: frozenset[str], by_month: dict[str, set[str]]) -> frozenset[str]:
    """Dates of commitment-making documents a document cites ("under the minutes of 15/3/2023", "the
    working session in March 2023"): it follows up those documents' items. ``by_month``: the dates of
    ``made_on`` by their month ("2023-03"), so a date is looked up, not compared with every one."""
    out = set()
    for r in reads:
        u = r.unit
        for iso, start in r.dates:
            if iso in made_on and iso != u.doc_date:
                out.add(iso)
            # a day cites its document; a month only just after a meeting word ("the working session in
            # March 2023"), not any month a report gives ("4 officers trained in April 2025")
            if len(iso) == 7 and lx.MEETING_REF.search(u.text[max(0, start - 60):start]):
                out |= {m for m in by_month.get(iso, ()) if m != u.doc_date}
    return frozenset(out)


def _by_meaning(meaning: Optional[Meaning], made: list[dict], units: list[Unit]) -> set[tuple[int, int]]:
    """(id of a report unit, index of a commitment in ``made``) pairs the embedding model puts together."""
    if meaning is None or not made:
        return set()
    reports = [v for v in units if v.doc_date and reportish(v)]
    own = [{m["unit"].p.doc_id} | {v.p.doc_id for v in m["versions"]} for m in made]
    allowed = [[j for j, m in enumerate(made) if m["unit"].doc_date < v.doc_date and v.p.doc_id not in own[j]]
               for v in reports]
    pairs = meaning.closest([f"{v.topic} {v.text}".strip() for v in reports], [_what(m["unit"]) for m in made],
                            [m["unit"].lang for m in made], allowed)
    return {(id(reports[i]), j) for i, j in pairs}


def extract_commitments(corpus: Corpus, meaning: Optional[Meaning] = None) -> list[Commitment]:
    """Every dated commitment of the record (oldest first), each with the later passages about it
    (``meaning``: the tuned embedding model, which adds a "same activity" signal across languages)."""
    reads = {doc_id: corpus.per_doc(doc_units, doc_id) for doc_id in corpus.docs}
    units_by_doc = {doc_id: [r.unit for r in rs] for doc_id, rs in reads.items()}
    order = sorted(units_by_doc, key=lambda d: (corpus.docs[d][0].meta.date or "9999", not corpus.docs[d][0].meta.official,
                                                 corpus.docs[d][0].lang != "vi", d))
    made: list[dict] = []
    made_index = Postings(strong_terms_only=True)
    # dates of documents that make commitments (those read so far): one set, added to after each unit's
    # candidates are scored (a new set per commitment grew with the square of the record)
    others: set[str] = set()
    for doc_id in order:
        for r in reads[doc_id]:
            u, due, f = r.unit, r.due, r.f
            if due is None or f is None:
                continue
            if lx.REQUEST.search(u.text) and not lx.PLAN.search(u.text) and not lx.orgs(u.text):
                continue  # an internal request ("Đề nghị Tổng Giám đốc …"), not one to the other side
            if len(re.sub(r"\W|\d", "", _what(u))) < 12:
                continue  # a date with nothing to do
            span = _span(due, u.doc_date)
            moved = r.reporting or bool(lx.POSTPONE.search(u.ctx))  # a report, or said to be moved
            best, best_s = None, 0
            for j in sorted(made_index.candidates(f)):
                m = made[j]
                if m["doc"] == doc_id:
                    continue
                # a later plan of the same kind for another time, not said to be moved, is another one (unless it
                # is surely the same item, a little later in the same year, of no other period); what the score
                # cannot change is tested before it is computed
                later = not moved and m["unit"].doc_date != u.doc_date and not _spans_meet(m["span"], span)
                if later and (m["span"][1].year != span[1].year or m["f"].periods != f.periods):
                    continue
                s = score(m["f"], f, m["unit"].doc_date, others)
                if not s or (later and s < 2 * THRESHOLD):
                    continue  # (0 never beats the best)
                s += 2 if m["due"].iso == due.iso else 0  # the same activity due on the same day, month, quarter or year
                if s > best_s:
                    best, best_s = m, s
            if best is not None and best_s >= THRESHOLD:
                if best["unit"].doc_date == u.doc_date and (u.lang != best["unit"].lang
                                                            or u.p.meta.family_id != best["unit"].p.meta.family_id):
                    best["versions"].append(u)  # the same item in another language version (linked or not)
                else:
                    best["also"].append(u)
                    best["also_reporting"].append(r.reporting)  # (it has a due date: reportish as read)
                continue
            made_index.add(len(made), f)
            made.append({"unit": u, "due": due, "f": f, "versions": [], "also": [], "also_reporting": [],
                         "doc": doc_id, "span": span})
            others.add(u.doc_date)

    out = []
    all_units = [u for us in units_by_doc.values() for u in us]
    unit_docs = [u.p.doc_id for u in all_units]
    at = [j for rs in reads.values() for j in range(len(rs))]  # a unit's place in its document
    made_on = frozenset(m["unit"].doc_date for m in made)
    by_month: dict[str, set[str]] = defaultdict(set)
    for d in made_on:
        if len(d) >= 7:
            by_month[d[:7]].add(d)
    # the oldest commitment-making document each document cites: it follows up those made from then on
    oldest_cited = {doc_id: min(cites) for doc_id, rs in reads.items() if (cites := _cited_dates(rs, made_on, by_month))}
    meant = _by_meaning(meaning, made, all_units)
    unit_features = [r.about for rs in reads.values() for r in rs]
    unit_index = DatedPostings(unit_features, [v.doc_date for v in all_units])
    meant_units: dict[int, set[int]] = defaultdict(set)  # commitment -> positions of units close by meaning
    position = {id(v): n for n, v in enumerate(all_units)}
    for unit_id, j in meant:
        meant_units[j].add(position[unit_id])
    for i, m in enumerate(made):
        u: Unit = m["unit"]
        for v, reporting in zip(m["also"], m["also_reporting"]):
            if not reporting:  # a later, more detailed wording names more places (a report names others too)
                m["f"].places |= lx.where(v.row.get("place", "") + " " + (v.ctx if v.row else v.text))
        own_docs = {u.p.doc_id} | {v.p.doc_id for v in m["versions"]}
        reports: dict[str, list[FollowUp]] = defaultdict(list)
        horizon = _horizon(m["due"].iso)
        about = _about(m["f"])  # (its places added to above: read after)
        for n in sorted(unit_index.candidates(m["f"], u.doc_date, horizon) | meant_units[i]):
            v, doc = all_units[n], unit_docs[n]
            if doc in own_docs or not v.doc_date or v.doc_date <= u.doc_date or v.doc_date > horizon:
                continue
            cited = oldest_cited.get(doc)  # it follows up documents made after this commitment: not this one
            older = cited is not None and u.doc_date < cited
            close = (id(v), i) in meant
            fv = unit_features[n]
            s = score(m["f"], fv, u.doc_date, made_on, close)  # (score leaves the commitment's own date out)
            s -= 4 if older else 0
            if s < THRESHOLD:
                continue
            whole = close and not (fv.terms.keys() & m["f"].terms.keys())
            # what a unit reports of a commitment, kept with the unit's document between builds
            known = corpus.memo("follow-ups", doc)
            key = (at[n], about, u.doc_date, whole)
            if key not in known:
                known[key] = report_state(v, m["f"], u.doc_date, whole=whole)
            st, new_due = known[key]
            reports[doc].append(FollowUp(cited=v.span(), shown={v.lang: v.span()}, state=st,
                                         date=v.doc_date, new_due=new_due, score=s))
        followups = []
        for doc_reports in reports.values():  # one report per document: its strongest statement
            order_key = ("done", "cancelled", "postponed", "in_progress", "restated", "mention")
            followups.append(min(doc_reports, key=lambda f: (order_key.index(f.state), -f.score)))
        lead, lead_text = _lead(u)
        what = _what(u)
        shown = {u.lang: u.span(what)}
        for v in m["versions"]:
            if v.lang in LANGS:
                shown.setdefault(v.lang, v.span(_what(v)))
        place_src = u.row.get("place", "") + " " + (u.ctx if u.row else u.text)
        counts = tuple((c.value, c.unit) for c in lx.counts(what if u.row else u.text))
        out.append(Commitment(
            cited=u.span(what), shown=shown, key=f"c{i + 1:02d}",
            kind="request" if lx.REQUEST.search(u.text) and not lx.PLAN.search(u.text) else "commitment",
            due=m["due"].iso, due_text=m["due"].text, made=u.doc_date, what=what, lead=lead, lead_text=lead_text,
            places=tuple(dict.fromkeys(lx.places(place_src))), counts=counts, terms=tuple(m["f"].terms),
            area=(areas_of(what) or ["other"])[0], document=u.p.meta.title,
            also=tuple(v.span(_what(v)) for v in m["versions"] + m["also"]),
            followups=tuple(sorted(followups, key=lambda f: f.date)),
        ))
    return sorted(out, key=lambda c: (due_order(c.due), c.made, c.key))


def renumber(items: list[Commitment]) -> list[Commitment]:
    """Keys in due order (c01, c02, …)."""
    return [replace(c, key=f"c{i + 1:02d}") for i, c in enumerate(items)]
