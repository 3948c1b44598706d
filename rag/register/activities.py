"""Planned activities and requests: the items of sentences that plan ("sẽ", "will", "ຈະ") or ask.

Items are read from the document a family is cited from (its official original); each version
in another language gives the same item at the same place in its list (:func:`_align`), which
is the item's span in that language.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Optional

from ..text.dates import DateMention, find_dates, first_explicit, parse_date_arg
from ..text.langs import LANGS
from .agreements import Mentions
from .corpus import Cand, Corpus, rank
from .model import Activity, Agreement, Finding
from .patterns import CONSEQUENCE, NEED, PLAN, areas_of, clean_item, list_items


def _cands(corpus: Corpus) -> dict[tuple[str, int], dict[str, list[Cand]]]:
    """Planned items per paragraph unit and document: unit -> doc_id -> items in order."""
    out: dict[tuple[str, int], dict[str, list[Cand]]] = defaultdict(lambda: defaultdict(list))
    for doc_id in corpus.docs:
        for c in corpus.per_doc(doc_planned, doc_id):
            out[c.p.unit][doc_id].append(c)
    return out


def doc_planned(corpus: Corpus, doc_id: str) -> list[Cand]:
    """The planned or requested items of one document, in order."""
    out: list[Cand] = []
    for p in corpus.docs[doc_id]:
        last_date: Optional[DateMention] = None
        for a, b, sent in corpus.sentences(p):
            m = first_explicit(find_dates(sent, p.meta.date or None))
            if m is not None:
                last_date = m
            plan, need = PLAN.search(sent), NEED.search(sent)
            if not plan and not need:
                continue
            status = "planned" if plan else "requested"
            for item, at in list_items(sent) if (";" in sent or ":" in sent) else [(clean_item(sent), 0)]:
                if len(item) < 8:
                    continue
                areas = areas_of(item) or ["other"]
                out.append(Cand(p, a, b, sent, value=item, evidence=item, ev_at=at,
                                extra={"areas": areas, "status": status, "date": last_date}))
    return out


def _align(rep: list[Cand], other: list[Cand]) -> dict[int, Cand]:
    """Item i of the original -> the same item in a version (by position, else by area and order)."""
    if len(rep) == len(other):
        return dict(enumerate(other))
    out = {}
    seen: dict[str, int] = defaultdict(int)
    pools: dict[str, list[Cand]] = defaultdict(list)
    for c in other:
        pools[c.extra["areas"][0]].append(c)
    for i, c in enumerate(rep):
        a = c.extra["areas"][0]
        k = seen[a]
        seen[a] += 1
        if k < len(pools[a]):
            out[i] = pools[a][k]
    return out


def extract_activities(corpus: Corpus, agreements: Sequence[Agreement], doc_mentions: dict[str, Mentions]
                       ) -> tuple[list[Activity], dict[str, list[Finding]]]:
    """Every planned item of the record, by area; and the areas they add to the agreement they are filed under.

    Returns (activities, agreement key -> area findings the agreement's own sentences did not name).
    """
    keys = {a.key for a in agreements}
    known_areas = {a.key: {f.key for f in a.areas} for a in agreements}
    added: dict[str, list[Finding]] = defaultdict(list)
    out: list[Activity] = []
    reps: dict[str, str] = {}
    for unit, per_doc in _cands(corpus).items():
        family = unit[0]
        rep = reps.setdefault(family, corpus.rep_doc(family))
        rep_doc = rep if rep in per_doc else None
        if rep_doc is None:
            if any(p.doc_id == rep for p in corpus.units[unit]):
                continue  # the original has this paragraph but plans nothing in it: trust the original
            rep_doc = min(per_doc, key=lambda d: rank(per_doc[d][0]))
        items = per_doc[rep_doc]
        aligned: dict[str, dict[int, Cand]] = {}  # output language -> item i in that language's version
        for lang in LANGS:
            for doc_id, others in per_doc.items():
                if doc_id != rep_doc and others and others[0].lang == lang:
                    aligned[lang] = _align(items, others)
                    break
        first = corpus.docs[rep_doc][0] if corpus.docs.get(rep_doc) else None
        # "Theo đó / Accordingly" right after an agreement: the record files these items under it.
        linked = ""
        unit_text = next((p.text for p in corpus.units[unit] if p.doc_id == rep_doc), "")
        if CONSEQUENCE.search(unit_text):
            before = [(para, key) for para, key in doc_mentions.get(rep_doc, []) if para < unit[1]]
            if before and unit[1] - before[-1][0] <= 2:
                linked = before[-1][1]
        for i, c in enumerate(items):
            m: Optional[DateMention] = c.extra["date"]
            date, approx = (m.iso, m.approximate) if m is not None else (c.p.meta.date, False)
            areas = c.extra["areas"]
            shown = {lang: al[i].span() for lang, al in aligned.items() if i in al}
            if c.lang in LANGS:
                shown.setdefault(c.lang, c.span())
            in_force = ""
            if date:
                year = parse_date_arg(date).year
                for ag in agreements:
                    if ag.period_from and ag.period_from <= year <= ag.period_to:
                        in_force = ag.key
            out.append(Activity(
                cited=c.span(), shown=shown, area=areas[0], areas=tuple(areas), status=c.extra["status"], date=date,
                approximate=approx, document=c.p.meta.title or (first.meta.title if first else ""), agreement=linked,
                agreement_in_force=in_force,
            ))
            if linked and linked in keys and areas[0] != "other" and areas[0] not in known_areas[linked]:
                known_areas[linked].add(areas[0])
                added[linked].append(Finding(cited=c.span(), shown=shown, name="area", key=areas[0], neutral=True))
    return out, dict(added)
