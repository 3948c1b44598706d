"""Memoranda and agreements: what the record says of each (period, signing, place, parties, articles,
occasion, areas, renewal), merged across documents and language versions.

A document is read in order: a sentence naming a memorandum with a period opens (or reopens)
that agreement, and the sentences that follow within three paragraphs and speak of "the
memorandum" add to it. A signing the document never ties to a period is an agreement of its own,
keyed by its signing date.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Optional

from ..text.dates import find_dates, first_explicit, parse_date_arg
from ..text.normalize import lao_to_arabic
from . import lexicon as lx
from .corpus import Cand, Corpus, rank, shown_spans
from .model import AREAS, Agreement, Finding
from .patterns import (
    ANAPHOR,
    ARTICLES,
    DATED,
    INSTRUMENT,
    MEMO,
    REFERENCE,
    RENEW,
    SIGN,
    agreement_period,
    anaphor_kind,
    areas_of,
    list_items,
    occasion_in,
    parties_in,
    place_in,
)
from .when import due_order, find_when

_UNTIL = re.compile(r"(?:đến|tới|\buntil|\btill|\bthrough|\bto|ຈົນຮອດ|ຈົນເຖິງ|ຮອດ|ເຖິງ)\s*(?:hết\s+)?(?:ngày\s*|ວັນທີ\s*|"
                    r"(?:the\s+)?end\s+of\s+)?$", re.I)
_VALID_FOR = re.compile(r"(?:hiệu\s+lực|\bvalid\b|\bin\s+force\b|ມີຜົນສັກສິດ)\D{0,24}?(\d{1,2})\s*(?:năm|years?\b|ປີ)", re.I)
PLAN_SIGN = re.compile(r"\bsẽ\b|dự\s+kiến|chuẩn\s+bị\s+ký|\bwill\b|\bto\s+be\s+signed|\bplan|ຈະ|ເພື່ອລົງນາມ|ກະກຽມ",
                       re.I)
DRAFT = re.compile(r"dự\s+thảo|\bdraft(?:ed|s)?\b|ຮ່າງ(?!ກາຍ)", re.I)
_VALID = re.compile(r"hiệu\s+lực|\bvalid\b|\bin\s+force\b|ມີຜົນສັກສິດ|ມີຜົນບັງຄັບໃຊ້", re.I)
Fields = dict[str, list[Cand]]  # field name -> candidates (signed, place, parties, period, ...)
Mentions = list[tuple[int, str]]  # (paragraph, agreement key) in document order


def doc_agreements(corpus: Corpus, doc_id: str) -> tuple[dict[str, Fields], dict[str, str], Mentions]:
    """One document, in order: memorandum mentions and what they say, by agreement key.

    Returns (facts: key -> field -> candidates, kinds: key -> mou/agreement, mentions: (para, key)).
    """
    facts: dict[str, Fields] = defaultdict(lambda: defaultdict(list))
    kinds: dict[str, str] = {}
    mentions: Mentions = []
    current: dict[str, tuple[str, int]] = {}  # kind -> (key, paragraph) of the instrument last spoken of
    last: Optional[tuple[str, int]] = None
    own: list[tuple[int, str, str]] = []  # (paragraph, key, kind) named with its period, not as a reference
    pending: list[tuple[int, list[tuple[str, Cand]], str]] = []
    first = corpus.docs[doc_id][0].meta
    titled = _titled(first.title)  # the instrument the document's title names ("Thỏa thuận … 2019-2021")

    for p in corpus.docs[doc_id]:
        para = p.meta.para
        for a, b, sent in corpus.sentences(p):
            direct = MEMO.search(sent) or next((m for m in INSTRUMENT.finditer(sent)
                                                if agreement_period(sent, m.start()) is not None), None)
            named = direct or INSTRUMENT.search(sent)  # "ký Phụ lục", "the Protocol": an instrument, no period
            hit = named or ANAPHOR.search(sent)
            if not hit:
                continue
            reference = bool(REFERENCE.search(sent))
            doc_date = p.meta.date or None
            found: list[tuple[str, Cand]] = []
            dates = [m for m in find_dates(sent, doc_date) if not m.approximate]
            sign = SIGN.search(sent)
            dated = DATED.search(sent)
            if not sign and dated and any(0 <= m.start - dated.end() <= 12 for m in dates):
                sign = dated  # "ຂໍ້ຕົກລົງ … ລົງວັນທີ ໙/໑໐/໒໐໑໙": the day it bears
            date = first_explicit(dates)
            memo_at = tuple(m.start() for m in MEMO.finditer(sent))
            whens = [w for w in find_when(sent, doc_date, memo_at) if not w.relative]
            doc_day = parse_date_arg(doc_date) if doc_date else None
            later = [w for w in whens if doc_day and w.last_day() > doc_day and not _VALID.search(sent[:w.start])]
            if sign and (PLAN_SIGN.search(sent) or (date and doc_day and date.first_day() > doc_day)):
                if later:  # "sẽ ký … vào quý IV/2025": announced, not signed
                    w = max(later, key=lambda w: due_order(w.iso))
                    found.append(("planned", Cand(p, a, b, sent, value=w.iso, evidence=w.text, ev_at=w.start,
                                                  extra={"key": w.iso})))
                    place = place_in(sent, doc_date)
                    if place:
                        found.append(("planned_place", Cand(p, a, b, sent, value=place[0], evidence=place[0],
                                                            ev_at=place[1])))
                sign, date = None, None
            valid = _VALID.search(sent)
            renewed = RENEW.search(sent) if not lx.FUTURE.search(sent) else None  # "đã thống nhất gia hạn … đến hết năm 2027"
            if valid or renewed:  # "có hiệu lực kể từ ngày ký đến hết ngày 31/12/2021", "valid until the end of 2025"
                at = (valid or renewed).end()
                until = [w for w in find_when(sent, doc_date) if w.start >= at and not w.relative and "Q" not in w.iso
                         and _UNTIL.search(sent[max(at, w.start - 24) : w.start])]
                years = _VALID_FOR.search(lao_to_arabic(sent)) if valid else None
                if until:
                    w0 = until[0]
                    key = w0.last_day().isoformat()
                    found.append(("valid_until", Cand(p, a, b, sent, value=key, evidence=w0.text, ev_at=w0.start,
                                                      extra={"key": key})))
                elif years:  # "có hiệu lực 5 năm kể từ ngày ký": counted from the signing
                    found.append(("valid_for", Cand(p, a, b, sent, value=years.group(1), evidence=years.group(),
                                                    ev_at=years.start(), extra={"key": years.group(1)})))
            if sign and date:
                found.append(("signed", Cand(p, a, b, sent, value=date.iso, evidence=date.text, ev_at=date.start,
                                             extra={"mention": date})))
                place = place_in(sent, doc_date)
                if place:
                    found.append(("place", Cand(p, a, b, sent, value=place[0], evidence=place[0], ev_at=place[1])))
            if sign:
                parties = parties_in(sent)
                if parties:
                    found.append(("parties", Cand(p, a, b, sent, value=parties[0], evidence=parties[0],
                                                  ev_at=parties[1])))
            arts = ARTICLES.search(lao_to_arabic(sent))
            if arts:
                found.append(("articles", Cand(p, a, b, sent, value=str(int(arts.group(1))),
                                               evidence=sent[arts.start() : arts.end()], ev_at=arts.start())))
            for item, at in list_items(sent):
                for key in areas_of(item)[:1]:
                    found.append(("area", Cand(p, a, b, sent, value=key, evidence=item, ev_at=at, extra={"key": key})))
            if RENEW.search(sent):
                found.append(("renewal", Cand(p, a, b, sent)))
            drafted = DRAFT.search(sent)
            if drafted and not (sign and date):  # "dự thảo Thỏa thuận … giai đoạn 2027-2029", "the draft MoU"
                found.append(("draft", Cand(p, a, b, sent, value="draft", evidence=drafted.group(), ev_at=drafted.start())))
            found.append(("mention", Cand(p, a, b, sent, evidence=hit.group(), ev_at=hit.start())))

            period = agreement_period(sent, hit.start())
            key = None
            if period is not None:
                kind = anaphor_kind((direct or hit).group())
                key = f"{kind}:{period.year}-{period.end_year}"
                kinds[key] = kind
                found.append(("period", Cand(p, a, b, sent, value=f"{period.year}-{period.end_year}",
                                             evidence=period.text, ev_at=period.start)))
                if not reference:
                    own.append((para, key, kind))
                if sign and not date and pending and para - pending[-1][0] <= 3:
                    for _para, pfound, _kind in pending:
                        for name, c in pfound:
                            facts[key][name].append(c)
                    pending.clear()
            elif named and sign and date:
                pending.append((para, found, anaphor_kind(named.group())))
                continue
            else:  # "the agreement", "Thỏa thuận": the instrument of that kind last spoken of
                near = current.get(anaphor_kind(hit.group()))
                near = near if near is not None and para - near[1] <= 3 else last
                if near is not None and para - near[1] <= 3:
                    key = near[0]
            if key is None:
                continue
            for name, c in found:
                c.extra["reference"] = reference
                facts[key][name].append(c)
            mentions.append((para, key))
            if not reference:
                current[kinds.get(key, "mou")] = last = (key, para)

    for pend_para, pfound, kind in pending:  # signings the document never ties to a period
        signed = next(c for name, c in pfound if name == "signed")
        key = f"{kind}:signed-{signed.value}"
        if titled == kind and any(k == kind for _p, _k, k in own):  # the document is that instrument
            key = min((abs(pp - pend_para), pp, k) for pp, k, kk in own if kk == kind)[2]
        kinds[key] = kind
        for name, c in pfound:
            facts[key][name].append(c)
        mentions.append((pend_para, key))
    # The occasion of a signing: an undated "on the occasion of / as part of" clause near it.
    for fields in facts.values():
        for s in fields.get("signed", []):
            for p in corpus.docs[doc_id]:
                if abs(p.meta.para - s.p.meta.para) > 2:
                    continue
                for a, b, sent in corpus.sentences(p):
                    occ = occasion_in(sent)
                    if occ and not find_dates(occ[0], None, relative=False):
                        fields["occasion"].append(Cand(p, a, b, sent, value=occ[0], evidence=occ[0], ev_at=occ[1]))
    return {key: dict(fields) for key, fields in facts.items()}, kinds, mentions


def _titled(title: str) -> str:
    """The kind of instrument a document's title names with its period ('agreement', 'mou'), or ''."""
    m = MEMO.search(title or "") or next((m for m in INSTRUMENT.finditer(title or "")
                                         if agreement_period(title, m.start()) is not None), None)
    return anaphor_kind(m.group()) if m and agreement_period(title, m.start()) is not None else ""


def _cite_order(c: Cand) -> tuple:
    """A passage that reports a fact before one that only cites the instrument as its basis ("Căn cứ …")."""
    return (bool(c.extra.get("reference")), *rank(c))


def finding(name: str, cands: Sequence[Cand], key: str = "", neutral: bool = False) -> Finding:
    """A field found in one or more versions, cited from the original."""
    primary = min(cands, key=_cite_order)
    return Finding(cited=primary.span(), shown=shown_spans(cands), name=name,
                   key=key or primary.extra.get("key", ""), neutral=neutral)


def extract_agreements(corpus: Corpus) -> tuple[list[Agreement], dict[str, Mentions]]:
    """Every memorandum or agreement in the record, and where each document mentions which."""
    all_facts: dict[str, Fields] = defaultdict(lambda: defaultdict(list))
    kinds: dict[str, str] = {}
    doc_mentions: dict[str, Mentions] = {}
    for doc_id in corpus.docs:
        facts, k, mentions = corpus.per_doc(doc_agreements, doc_id)
        kinds.update(k)
        doc_mentions[doc_id] = mentions
        for key, fields in facts.items():
            for name, cands in fields.items():
                all_facts[key][name].extend(cands)

    out: list[Agreement] = []
    for key, fields in all_facts.items():
        period = finding("period", fields["period"], neutral=True) if fields.get("period") else None
        signed = None
        if fields.get("signed"):
            signed = finding("signed", fields["signed"], key=min(fields["signed"], key=_cite_order).value, neutral=True)
        pf = pt = None
        if period:
            pf, pt = (int(x) for x in period.cited.value.split("-"))
        anchor = fields.get("period") or fields.get("signed") or fields["mention"]
        by_area: dict[str, list[Cand]] = defaultdict(list)
        for c in _from_originals(corpus, fields.get("area", [])):
            by_area[c.extra["key"]].append(c)
        out.append(Agreement(
            cited=min(anchor, key=_cite_order).span(), shown=shown_spans(anchor), key=key, kind=kinds.get(key, "mou"),
            period_from=pf, period_to=pt, signed_date=signed.key if signed else "", signed=signed, period=period,
            place=finding("place", _same_unit(fields["place"], fields.get("signed"))) if fields.get("place") else None,
            parties=finding("parties", fields["parties"]) if fields.get("parties") else None,
            articles=finding("articles", fields["articles"], neutral=True) if fields.get("articles") else None,
            occasion=finding("occasion", fields["occasion"]) if fields.get("occasion") else None,
            areas=tuple(finding("area", by_area[k], key=k, neutral=True) for k in AREAS if k in by_area),
            renewal_mentioned=bool(fields.get("renewal")),
            planned=_latest("planned", fields.get("planned")),
            valid_until=_latest("valid_until", fields.get("valid_until")) or _valid_for(fields, signed),
            planned_place=finding("planned_place", fields["planned_place"]) if fields.get("planned_place") else None,
            draft=_latest("draft", fields.get("draft")),
        ))
    out.sort(key=lambda a: (a.period_from or 9999, a.signed_date or "9999", a.key))
    return out, doc_mentions


def _latest(name: str, cands: Optional[list[Cand]]) -> Optional[Finding]:
    """The finding of the latest document (a later announcement or validity replaces an earlier one)."""
    if not cands:
        return None
    last = max(cands, key=lambda c: (c.p.meta.date or "", -rank(c)[0]))
    same = [c for c in cands if c.value == last.value]
    return finding(name, same, key=last.value, neutral=True)


def _valid_for(fields: Fields, signed: Optional[Finding]) -> Optional[Finding]:
    """"có hiệu lực 5 năm kể từ ngày ký": valid until the day before the signing's anniversary, cited there."""
    cands = fields.get("valid_for")
    if not cands or signed is None or len(signed.key) != 10:
        return None
    c = min(cands, key=rank)
    day = parse_date_arg(signed.key)
    try:
        until = day.replace(year=day.year + int(c.value)) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        until = day.replace(day=28, year=day.year + int(c.value))
    return Finding(cited=c.span(), shown=shown_spans(cands), name="valid_until", key=until.isoformat(), neutral=True)


def _from_originals(corpus: Corpus, cands: list[Cand]) -> list[Cand]:
    """Keyword findings (areas) count only in the original where it has the paragraph: a translation's
    wording ("legal basis" -> law) must not add an area the original does not name."""
    out = []
    for c in cands:
        rep = corpus.rep_doc(c.p.meta.family_id)
        if c.p.doc_id == rep or not any(q.doc_id == rep for q in corpus.units.get(c.p.unit, ())):
            out.append(c)
    return out


def _same_unit(cands: list[Cand], anchors: Optional[list[Cand]]) -> list[Cand]:
    """Places found in the signing sentence's paragraph, where there is one."""
    if not anchors:
        return cands
    units = {c.p.unit for c in anchors}
    return [c for c in cands if c.p.unit in units] or cands
