"""Checking a model's answer in code: every sentence against the passage it cites.

A sentence survives when it is close in meaning to a sentence of the passage it cites (cosine
plus word overlap, at least ``support_threshold``) and every number in it occurs in that
passage; a passage that holds an instruction never counts as support, and a sentence that repeats
what such a passage claims is dropped (:mod:`rag.text.guard`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..records import Hit
from ..store.embeddings import BaseEmbedder
from ..text.glossary import spell_out
from ..text.guard import safe_sentences, screen
from ..text.sentences import sentences
from ..text.tokens import QUESTION_WORDS, tokenize
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
