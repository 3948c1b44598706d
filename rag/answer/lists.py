"""Lists in the evidence: which items answer a list question ("what did they agree", "what does it cover").

A list is items under a line that introduces them ("Hai bên thống nhất:", a heading "Điều 2. Nội dung hợp
tác"), table rows, sentences that enumerate ("Thứ nhất, …"), or the items of one sentence. Candidates come from
the best lines and from the lists their documents introduce (items need not repeat the meeting's date); a
block is scored by its lines, its lead's fit to the question (shared verb, date, period, words) and whether it
is the asked agreement's own list.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from ..text.names import TERMS
from ..text.when import find_when
from .evidence import Scored, question_bigrams, subject_terms
from .items import inline_items
from .lines import Line, LineIndex
from .question import Question


@dataclass
class FoundList:
    """The items that answer a list question (line, start, end within the line), their lead and the line
    that led to them."""

    items: list[tuple[Line, int, int]]
    lead: Optional[Line]
    support: Scored

def best_list(lines: LineIndex, q: Question, sat: list[Scored], scored: list[Scored]) -> Optional[FoundList]:
    """The list that answers ``q``: items under a lead or heading, table rows, enumerated sentences or the
    items of one sentence, in the best lines or in the lists their documents introduce."""
    best = None
    seen_blocks: set = set()
    for s in sat[:40] + _doc_leads(lines, sat):
        ln = s.line
        items: list[tuple[Line, int, int]] = []
        lead = None
        doc = lines.document(ln.doc_id)
        nxt = doc[ln.index + 1 : ln.index + 2]
        if ln.text.rstrip().endswith(":") and nxt and nxt[0].item:
            items, lead = [(b, 0, len(b.text)) for b in lines.item_block(nxt[0])], ln
        elif ln.item or ln.cells:
            block = [b for b in lines.item_block(ln) if not b.is_heading]
            if ln.cells:
                block = [b for b in block if _row_fits(b, q)]
            items = [(b, 0, len(b.text)) for b in block]
            lead = lines.lead_line(ln) if ln.item else None
        if len(items) < 2:
            block, first = lines.enumerated(ln)
            if block:
                items, lead = [(b, 0, len(b.text)) for b in block], first
        if len(items) < 2:
            spans = inline_items(ln.text)
            if len(spans) >= 2:
                items, lead = [(ln, a, b) for a, b in spans], ln
        if len(items) < 2:
            continue
        key = (ln.doc_id, items[0][0].index, items[0][1])
        if key in seen_blocks:
            continue
        seen_blocks.add(key)
        score = _block_score(q, s, items, lead, sat, scored)
        if best is None or score > best[0]:
            best = (score, items, lead, s)
    if best is None:
        return None
    _, items, lead, s = best
    subjects = subject_terms(q)
    held = set().union(*(ln.term_keys for ln, _, _ in items), lead.ctx_terms if lead else set())
    asked = {f.key for f in q.terms if f.kind in ("thing", "topic", "action")}
    if subjects and not asked & held and any(subjects & x.line.term_keys for x in sat[:5]):
        return None  # "what difficulties": a sentence naming them answers, not the agreed items next to it
    naming = [ln for ln, _, _ in items if subjects & ln.term_keys]
    if subjects and len(naming) == 1 and len(items) > 2 and len(spans := inline_items(naming[0].text)) >= 2:
        return FoundList([(naming[0], a, b) for a, b in spans], naming[0], s)  # "ຈ. ຄວາມຫຍຸ້ງຍາກ: A; B"
    return FoundList(items[:12], lead, s)


def _doc_leads(lines: LineIndex, sat: list[Scored]) -> list[Scored]:
    """The lists introduced in the documents the best lines come from ("Hai bên thống nhất:" and its
    items): their items need not repeat the meeting's date or parties that the document states once."""
    out = []
    for doc_id in list(dict.fromkeys(s.line.doc_id for s in sat[:8] if s.about))[:3]:
        anchor = next(s for s in sat if s.line.doc_id == doc_id)
        doc = lines.document(doc_id)
        for ln, nxt in zip(doc, doc[1:]):
            if (ln.text.rstrip().endswith(":") or ln.is_heading) and nxt.item and ln is not anchor.line:
                out.append(replace(anchor, line=ln, score=anchor.score - 0.3))
    return out


def _block_score(q: Question, s: Scored, items: list[tuple[Line, int, int]], lead: Optional[Line],
                 sat: list[Scored], scored: list[Scored]) -> float:
    """A list's fit: its best items' scores or its lead's, and how well the lead fits the question."""
    by_line = {id(x.line): x.score for x in sat}
    scores = sorted((by_line.get(id(ln), s.score - 0.3) for ln, _, _ in items), reverse=True)[:3]
    score = sum(scores) / len(scores)
    if lead is not None:
        lead_score = next((x.score for x in scored if x.line is lead), None)
        if lead_score is not None:
            score = max(score, lead_score)
    score += 0.2 * sum(1 for ln, _, _ in items if id(ln) in by_line) / len(items)
    if q.list_size and len(items) == q.list_size:
        score += 0.3
    if items[0][0].lang == q.lang:
        score += 0.1  # the asker's own language: its items are quoted, not glossed
    asked = {k for k in q.term_keys if k in ("memorandum", "agreement")}
    named = sorted(TERMS.find(items[0][0].title, kinds=("thing",)), key=lambda f: f.start)
    if named and named[0].key in asked:
        score += 0.25  # "what does the agreement cover": the agreement's own list, not a report about it
    if lead is not None:
        shared = set(q.term_keys) & (lead.term_keys | TERMS.keys(lead.heading) | TERMS.keys(lead.frame))
        score += 0.08 * len(shared)
        # "what did they agree / plan": the list its lead introduces as agreed / planned ("đã thống nhất:")
        score += 0.25 * len({k for k in shared if TERMS.kind(k) == "action"} & set(TERMS.keys(lead.text)))
        lw = lead.whens or find_when(lead.heading)
        if any(w.covers(x) or x.covers(w) for w in q.whens for x in lw):
            score += 0.15
        if any(p in lead.text or p in lead.frame for p in q.period_texts()):
            score += 0.15
        pairs = question_bigrams(q)
        if pairs and lead.lang == q.lang:  # "gồm những nội dung cụ thể nào" under "Điều 3. Nội dung cụ thể"
            low = (lead.text + " " + lead.heading).lower()
            score += 0.6 * sum(1 for b in pairs if b in low) / len(pairs)
    return score


def _row_fits(row: Line, q: Question) -> bool:
    for w in q.whens:
        if row.whens and not any(w.covers(x) or x.covers(w) for x in row.whens):
            return False
    return True
