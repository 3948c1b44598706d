"""Checking a model's answer in code: every sentence against the passage it cites.

A sentence survives when it is close in meaning to a sentence of the passage it cites (cosine
plus word overlap, at least ``support_threshold``), every number in it occurs in that passage,
and none of its facts differs from what the passage says about the same thing (:func:`conflict`):
a period, a place, or a date that the passage gives to another event ("signed in 8/2022" citing
a passage where 8/2022 is the review conference and the signing is 12/2015). A passage that holds
an instruction never counts as support, and a sentence that repeats what such a passage claims is
dropped (:mod:`rag.text.guard`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..records import Hit
from ..store.embeddings import BaseEmbedder
from ..text.dates import find_periods
from ..text.glossary import spell_out
from ..text.guard import safe_sentences, screen
from ..text.names import NAMES, PLACE_KINDS, TERMS
from ..text.sentences import sentences
from ..text.tokens import QUESTION_WORDS, tokenize
from ..text.when import find_when
from .citations import Citation, Highlight
from .patterns import MARKER, NUMBER
from .types import Answer


@dataclass
class _Row:
    text: str
    doc_id: str
    lang: str
    start: int
    end: int


def overlap(a: str, b: str, lang: str) -> float:
    ta, tb = set(tokenize(a, lang)) - QUESTION_WORDS, set(tokenize(b, lang))
    return len(ta & tb) / max(len(ta), 1)


def numbers_supported(sentence: str, passages: list[str], date: str = "") -> bool:
    """Every number in the sentence occurs as a number in the passages (or in the document's date).

    A compound date ("22/11/2022") passes when each of its parts does, so a model may add
    the year that the document's own date gives to "Hôm nay (22/11)".
    """
    found = set(re.split(r"[-/]", date)[:1]) if date else set()  # the document's year only
    for p in passages:
        for n in NUMBER.findall(p):
            found.add(n)
            if not n.endswith("%"):
                found.add(n.rstrip("%"))
            found.update(re.split(r"[/.,]", n))
    return all(n in found or (not n.endswith("%") and all(x in found for x in re.split(r"[/.,]", n) if x))
               for n in NUMBER.findall(sentence))


_GENERIC = {"social_insurance", "cooperation", "activity", "memorandum", "agreement", "delegation", "plan", "report",
            "support", "agree", "experience_sharing", "data"}


def _events(text: str) -> set[str]:
    """The events and things a sentence speaks of (vocabulary keys, generic ones left out)."""
    return TERMS.keys(text, kinds=("action", "thing", "topic")) - _GENERIC


def conflict(sentence: str, passage: list[str], doc_date: str = "") -> Optional[str]:
    """Why ``sentence`` says something the passage (its sentences, any language version) does not: a
    period or place it never names, or a date it gives to another event; None when nothing conflicts."""
    joined = " ".join(passage)
    periods = {(p.year, p.end_year) for p in find_periods(joined)}
    for p in find_periods(sentence):
        if (p.year, p.end_year) not in periods:
            return f"the period {p.year}-{p.end_year} is not in the cited passage"
    places = NAMES.keys(joined, kinds=PLACE_KINDS)
    for f in NAMES.find(sentence, kinds=PLACE_KINDS):
        if f.key not in places and not any((NAMES.entry(k) and NAMES.entry(k).parent == f.key) for k in places):
            return f"the place {f.text} is not in the cited passage"
    events = _events(sentence)
    whens = [w for w in find_when(sentence, doc_date or None, relative=False) if w.precision != "year"]
    if not whens or not events:
        return None
    dated = [(s, find_when(s, doc_date or None)) for s in passage]
    for w in whens:
        carriers = [s for s, ws in dated if any(x.covers(w) and w.covers(x) or x.iso == w.iso for x in ws)]
        if carriers and not any(events & _events(s) for s in carriers):
            same = [s for s, ws in dated if events & _events(s) and ws]
            if same:
                return f"the cited passage dates {', '.join(sorted(events))} otherwise than {w.text}"
    return None


def verify(question: str, lang: str, raw: str, given: list[Hit], embedder: BaseEmbedder, threshold: float,
           backend: str) -> Optional[Answer]:
    """Check a model's answer sentence by sentence; None when nothing supported remains."""
    checked = []
    unsupported = []
    text = raw.replace("\n", " ")
    for s in sentences(text):
        sent = text[s.start : s.end]
        refs = [int(n) for m in MARKER.finditer(sent) for n in m.group(1).split(",")]
        clean = MARKER.sub("", sent).strip()
        if len(clean) < 3:
            continue
        valid = [r for r in dict.fromkeys(refs) if 1 <= r <= len(given)]
        checked.append((clean, valid))
    if not checked:
        return None
    vecs = embedder.encode_passages([c[0] for c in checked])
    rows: dict[int, list[_Row]] = {}
    for i, h in enumerate(given, start=1):
        rows[i] = [_Row(v.text[s.start:s.end], v.doc_id, v.lang, v.start + s.start, v.start + s.end)
                   for v in h.all_versions() for s in safe_sentences(v.text)]
    mats = {i: embedder.encode_passages([r.text for r in rs]) if rs else None for i, rs in rows.items()}
    injected = screen(v.text for h in given for v in h.all_versions())
    cites: dict[int, Citation] = {}
    out = []
    for (clean, valid), vec in zip(checked, vecs):
        if injected.repeats(clean):
            unsupported.append({"sentence": clean, "reason": "it repeats text written to an AI assistant in a passage"})
            continue
        best = (0.0, None, None)
        for i in valid or list(rows):  # no marker: find the passage that supports it
            mat = mats.get(i)
            if mat is None:
                continue
            sims = mat @ vec
            j = int(sims.argmax())
            score = float(sims[j]) + 0.2 * overlap(spell_out(clean), rows[i][j].text, lang)
            if score > best[0]:
                best = (score, i, j)
        score, i, j = best
        reason = None
        if i is None or score < threshold:
            reason = "no cited passage supports it" if valid else "no passage supports it"
        elif not numbers_supported(clean, [r.text for r in rows[i]], given[i - 1].meta.date):
            reason = "a number in it is not in the cited passage"
        else:
            reason = conflict(clean, [r.text for r in rows[i]], given[i - 1].meta.date)
        if reason:
            unsupported.append({"sentence": clean, "reason": reason})
            continue
        if i not in cites:
            cites[i] = Citation.from_hit(len(cites) + 1, given[i - 1])
        r = rows[i][j]
        cites[i].highlights.append(Highlight(r.doc_id, r.lang, r.start, r.end, r.text))
        out.append(f"{clean} [{cites[i].n}]")
    if not out:
        return None
    return Answer(question, lang, " ".join(out), False, backend, list(cites.values()), unsupported=unsupported)
