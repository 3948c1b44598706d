"""Follow-up questions: carry the previous subject into a short or referring question."""
from __future__ import annotations

import re
from typing import Optional

from ..records import Passage
from ..text.tokens import QUESTION_WORDS, tokenize

FOLLOW_UP = re.compile(
    r"^\s*(còn|vậy còn|thế còn|con |vay con|what about|how about|and (the|what|how|when|which|who)|"
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


def rewrite_rule_based(question: str, history: list[dict], periods: Optional[Periods] = None) -> Optional[str]:
    """Carry the previous question's subject into a short or referring follow-up."""
    previous = [t.get("rewritten_question") or t.get("question") or t.get("content", "")
                for t in history if t.get("role", "user") == "user" or "question" in t]
    previous = [p for p in previous if p]
    if not previous:
        return None
    if not FOLLOW_UP.search(question):
        return None
    shifted = shift_period(previous[-1], question, periods or {})
    if shifted:
        return shifted
    return f"{previous[-1].rstrip('?.! ')}? {question}"
