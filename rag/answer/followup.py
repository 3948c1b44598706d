"""Follow-up questions: carry the previous subject into a short or referring question."""
from __future__ import annotations

import re
from typing import Optional

from ..records import Passage
from ..text.detect import question_language
from ..text.tokens import QUESTION_WORDS, tokenize
from .question import Question, rank_words, understand

FOLLOW_UP = re.compile(
    r"^\s*(còn|vậy còn|thế còn|con |vay con|what about|how about|and (the|what|how|when|which|who|where|with)|"
    r"what of|ແລ້ວ|ສ່ວນ)|"
    r"(thì sao|thi sao|thế nào\?*$|the nao\?*$|\bnó\b|\bđó\b|\bnày\b|\bit\b|\bthat one\b|\bthe previous|"
    r"\bthe next|\bthe same\b|ເດ\s*[?？]?\s*$|ນັ້ນເດ)",
    re.I,
)
PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")
_PREVIOUS = re.compile(r"trước|truoc|previous|before|earlier|prior|ກ່ອນ", re.I)
_NEXT = re.compile(r"tiếp theo|tiep theo|\bsau\b|\bnext\b|following|later|ຕໍ່ໄປ|ຖັດໄປ", re.I)

Periods = dict[tuple[int, int], list[str]]


def record_periods(passages: list[Passage]) -> Periods:
    """Every year range ('2016-2020') the record mentions, with the passages that mention it."""
    found: Periods = {}
    for p in passages:
        for m in PERIOD.finditer(p.text):
            a, b = int(m.group(1)), int(m.group(2))
            if a < b <= a + 15:
                found.setdefault((a, b), []).append(p.text)
    return found


def shift_period(question: str, follow_up: str, periods: Periods) -> Optional[str]:
    """'... giai đoạn 2022-2025 ...' + 'Còn giai đoạn trước?' -> the same question about the record's previous period.

    Among the year ranges the record mentions before (or after) the one asked about, the one
    mentioned most often together with the question's subject words wins.
    """
    m = PERIOD.search(question)
    if not m or not periods:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if _PREVIOUS.search(follow_up):
        candidates = [p for p in periods if p[1] <= a and p != (a, b)]
    elif _NEXT.search(follow_up):
        candidates = [p for p in periods if p[0] >= b and p != (a, b)]
    else:
        return None
    if not candidates:
        return None
    subject = set(tokenize(question[: m.start()] + " " + question[m.end() :])) - QUESTION_WORDS

    def support(p):
        hits = sum(1 for text in periods[p] if len(subject & set(tokenize(text))) >= 0.5 * len(subject))
        near = -abs((p[1] - a) if p[1] <= a else (p[0] - b))
        return (hits, near)

    target = max(candidates, key=support)
    return question[: m.start()] + f"{target[0]}-{target[1]}" + question[m.end() :]


_REFERENT = re.compile(r"\b(?:đó|ấy|them|they|it|those|these|the draft|the same)\b|ນັ້ນ|ເຂົາເຈົ້າ", re.I)
_WH = {"vi": {"date": "khi nào", "place": "ở đâu", "count": "bao nhiêu", "actor": "ai", "period": "giai đoạn nào"},
       "lo": {"date": "ເມື່ອໃດ", "place": "ຢູ່ໃສ", "count": "ຈັກ", "actor": "ໃຜ", "period": "ໄລຍະໃດ"},
       "en": {"date": "when", "place": "where", "count": "how many", "actor": "who", "period": "which period"}}
_MARKERS = re.compile(r"^\s*(?:vậy còn|thế còn|còn|vậy|con|and|but|what about|how about|ແລ້ວ|ສ່ວນ)\s*,?\s*|"
                      r"\s*(?:thì sao|thi sao|vậy|thế|nhỉ|ເດ)\s*(?=[?？.!]*\s*$)", re.I)
_SWAP_KINDS = ("country", "org", "province", "city")


def is_follow_up(question: str, q: Question) -> bool:
    """A question that leans on the previous one: a follow-up marker or referring word, or too short to
    name its own subject (no name, date or period, at most two content words)."""
    if FOLLOW_UP.search(question) or _REFERENT.search(question):
        return True
    if q.slots and not understand(_strip_markers(question), q.lang).focus:
        return True  # nothing but question words: "Ở đâu vậy?", "Where?"
    words = [w for w in q.focus if "_" not in w]
    return not q.names and not q.whens and not q.periods and not q.numbers and bool(q.terms) and len(words) <= 4


def _strip_markers(text: str) -> str:
    out = _MARKERS.sub("", text).strip()
    return out[:1].upper() + out[1:] if out else text


def _without_wh(text: str, q: Question) -> str:
    """The question without its question words (what it asks about)."""
    for s in sorted(q.slots, key=lambda s: -s.start):
        if s.end > s.start:
            text = text[: s.start] + text[s.end :]
    return re.sub(r"\s{2,}", " ", text).strip(" ?？.,")


def rewrite_rule_based(question: str, history: list[dict], periods: Optional[Periods] = None) -> Optional[str]:
    """The follow-up as a standalone question: the previous question with what the follow-up changes.

    "Còn giai đoạn trước thì sao?" after "Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?" asks
    the same about the previous period; "Còn với Campuchia thì ký khi nào?" the same with another
    country; "Ở đâu vậy?" / "And where?" asks where about the same thing; a follow-up with its own
    predicate ("Có bao nhiêu đại biểu tham dự?", "Who led them?") keeps it and carries the previous
    subject beside it.
    """
    previous = [t.get("rewritten_question") or t.get("question") or t.get("content", "")
                for t in history if t.get("role", "user") == "user" or "question" in t]
    previous = [p for p in previous if p]
    if not previous:
        return None
    prev = previous[-1].strip()
    lang = question_language(question)
    fq, pq = understand(question, lang), understand(prev, lang)
    if not is_follow_up(question, fq):
        return None
    text = prev
    changed = False
    shifted = shift_period(prev, question, periods or {})
    if shifted:
        text, changed = shifted, True
    for f in fq.names:
        if f.kind not in _SWAP_KINDS or f.key in pq.name_keys:
            continue
        same = [g for g in understand(text, lang).names if g.kind == f.kind]
        if same:
            g = same[-1]
            text = text[: g.start] + f.text + text[g.end :]
        else:
            text = f"{text.rstrip(' ?？.')} ({f.text})?"
        changed = True
    mine, theirs = rank_words(question), rank_words(text)
    if len(mine) == 1 and len(theirs) == 1 and fq.ranks != pq.ranks:  # "And the third one?": the same, of the third
        (a, b), (c, d) = mine[0], theirs[0]
        text, changed = text[:c] + question[a:b] + text[d:], True
    tq = understand(text, lang)
    own = [s for s in fq.slots if s.kind not in ("yesno", "status", "open") and s.end > s.start]
    if own and own[0].kind != tq.kind:
        rest = _strip_markers(question)
        if _own_subject(fq, pq):  # "Còn hội thảo về điều chỉnh lương hưu thì tổ chức ngày nào?": another seminar
            return rest
        rq = understand(rest, lang)
        short = len([w for w in tokenize(_without_wh(rest, rq), lang) if w not in QUESTION_WORDS and "_" not in w]) <= 1
        wh = _WH.get(lang, _WH["en"]).get(own[0].kind, "")
        slot = tq.slots[0] if tq.slots and tq.slots[0].end > tq.slots[0].start else None
        if short and wh and slot is not None and (lang != "en" or slot.start == 0):
            end = slot.end
            if slot.kind == "count" and slot.unit and text[end:].lstrip().startswith(slot.unit):
                end = text.index(slot.unit, end) + len(slot.unit)
            body = text[: slot.start] + (wh if slot.start else wh[:1].upper() + wh[1:]) + text[end:]
            return body[:1].upper() + body[1:]
        return f"{rest.rstrip(' ?？.')} ({_without_wh(text, tq)})?"
    if changed:
        return text
    rest = _strip_markers(question)
    if _own_subject(fq, pq):  # "Còn hội thảo về điều chỉnh lương hưu thì …?": another seminar, not the last one
        return rest
    return f"{rest.rstrip(' ?？.')} ({_without_wh(text, tq)})?"


def _own_subject(fq: Question, pq: Question) -> bool:
    """The follow-up names a thing of the previous question's kind with words of its own that the previous
    one does not use (two at least): it asks about another one of them."""
    things = {f.key for f in fq.terms if f.kind in ("thing", "topic")} & {f.key for f in pq.terms}
    new = [w for w in fq.focus if w not in pq.focus and "_" not in w and not w.isdigit() and w not in QUESTION_WORDS]
    return bool(things) and len(new) >= 2
