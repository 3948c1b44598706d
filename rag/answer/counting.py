"""Counts and amounts of a line that answer "how many / how much": the figure of what the question counts, in
the unit it asks (a number of people, of months, an amount in the currency asked), of the side it names.

Split from :mod:`.facts` (the other kinds of fact), whose :class:`~.facts.Fact` and helpers it uses.
"""
from __future__ import annotations

import re

from ..text.langs import DURATION_UNITS, PERSON_NOUN
from ..text.names import NAMES, TERMS
from ..text.normalize import fold_latin
from .facts import Fact, anchors, distance, other_event
from .lines import Line
from .patterns import FROM_BEFORE, TIME_AFTER, TO_AFTER
from .question import PEOPLE, Question, Slot


def other_side(line: Line, q: Question) -> bool:
    """The question asks for one side's figure ("how much did VSS give") and the line names bodies of the
    other side only: "ງົບປະມານ … 1.200 ລ້ານກີບ ແມ່ນອົງການປະກັນສັງຄົມແຫ່ງຊາດ ເປັນຜູ້ຮັບຜິດຊອບ" is the Lao fund's."""
    if not q.side or not _PAYS.search(line.text):
        return False
    payers = {NAMES.country_of(f.key) for f in line.names if f.kind in ("org", "unit")
              and not _TO_BEFORE.search(line.text[max(0, f.start - 24) : f.start])} - {""}
    return bool(payers) and q.side not in payers


_EACH_BEFORE = re.compile(r"(?:\beach|\bper|\bmỗi|\bmoi|ແຕ່ລະ)\s*$", re.I)  # "each scholarship": the price of one
# words of paying for something, and of whom it is for ("tài trợ cho cán bộ LSSO": LSSO does not pay)
_PAYS = re.compile(r"chi trả|đài thọ|\bchịu\b|kinh phí|đóng góp|tài trợ|hỗ trợ|\bcấp\b|\bcover|\bpa(?:y|id)|\bfund|"
                   r"\bbears?\b|\bborne\b|contribut|\bgrant|ຮັບຜິດຊອບ|ປະກອບສ່ວນ|ສະໜັບສະໜູນ|ຊ່ວຍເຫຼືອ|ອອກຄ່າ", re.I)
_TO_BEFORE = re.compile(r"(?:\bcho|\bto|\bfor|ໃຫ້|ແກ່)\s+(?:[^\s,.;]+\s+){0,2}$", re.I)


def counts(line: Line, q: Question, slot: Slot) -> list[Fact]:
    qvals = {n.value for n in q.numbers}
    if slot.money and other_side(line, q):
        return []
    measures = {f.key for f in q.terms if f.kind == "measure" or (slot.money and f.key == "contribution")}
    if measures and not measures & (line.term_keys | line.ctx_terms):
        return []  # the question asks for a rate, a budget…: a number of something else is not it
    priced = {f.key for f in q.terms if f.kind == "unit" and f.key not in PEOPLE
              and _EACH_BEFORE.search(q.text[max(0, f.start - 8) : f.start])} if slot.money else set()
    if priced and not priced & (line.term_keys | line.ctx_terms):
        return []  # "how much is each scholarship": the cost of a ceremony is not its price
    if not slot.unit and not slot.money and not measures and not (set(q.term_keys) & (line.term_keys | line.ctx_terms)):
        return []  # "… là bao nhiêu?" with nothing in common with the line: its numbers are not the answer
    asked_span = {f.key for f in q.terms if f.kind == "span"}
    own_span = {f.key for f in line.terms if f.kind == "span"}
    if asked_span and own_span and not asked_span & own_span:
        return []  # "calls in the first month": the first week's 214 calls are not it
    elsewhere = other_event(line, q)  # "how many delegates did the seminar have": a line about another event
    ordinal = bool(re.search(r"thứ mấy|thu may|which session|ຄັ້ງທີເທົ່າໃດ|ordinal", q.text, re.I))
    spots = anchors(line, q)
    out = []
    clauses = _clause_words(line, q)
    span = _span_unit(slot.unit)
    for qty in line.quantities:
        if qty.value in qvals:
            continue
        if span and not _followed_by(line.text, qty.start, DURATION_UNITS[span].get(line.lang, ())):
            continue  # "how many months did it take": "02 bản tiếng Việt" is no number of months
        if (slot.unit or slot.unit_key) and not qty.unit and TIME_AFTER.match(line.text[qty.end : qty.end + 12]) \
                and not TIME_AFTER.match(" " + slot.unit):
            continue  # "6 tháng đầu năm": a span of time, not a number of what the question counts
        s = 0.4 - (0.5 if elsewhere else 0.0)
        if ordinal:
            if not qty.ordinal:
                continue
            s += 0.5
        elif qty.ordinal:
            s -= 0.4
        if slot.money:
            if not qty.is_amount or (slot.currency and qty.currency and qty.currency != slot.currency):
                continue  # "how many million kip": 480 million dong is not it
            s += 0.5
        elif slot.unit_key == "percent":
            if not qty.percent:
                continue
            s += 0.5
        elif qty.is_amount and not slot.money:
            if slot.unit and not measures:
                continue  # "how many pages": an amount of money is no number of pages
            s -= 0.3 if slot.unit else 0.0
        elif slot.unit_key:
            if qty.unit == slot.unit_key:
                s += 0.6
            elif qty.unit in PEOPLE and slot.unit_key in PEOPLE:
                s += 0.35
            elif not qty.unit and slot.unit_key in PEOPLE and _person_after(line.text, qty.end):
                s += 0.25  # "bao nhiêu người" of "2,350 pensioners": a word for people the vocabulary lacks
            elif not qty.unit and _unit_within(line.text, qty.end, slot.unit_key, q):
                s += 0.5  # "how many pension files": "1,240 pension files", the unit after the asker's word
            elif qty.unit or re.match(r"\s?[^\W\d_]", line.text[qty.end : qty.end + 2]) or slot.unit_key in PEOPLE:
                continue  # a number of something else ("143 lao động" for "bao nhiêu đại biểu"; "H1" is nobody)
        elif slot.unit:  # the asker's own word, not in the vocabulary: is it the word after the number?
            if _same_word(slot.unit, line.text[qty.start : qty.end + len(slot.unit) + 3]):
                s += 0.5
            elif qty.unit and (qty.unit not in PEOPLE or not _PERSON_NOUN.search(slot.unit.strip())):
                continue  # "3 provinces" is no number of "pensioners", "12 cán bộ" no number of "cuộc gọi"
            elif not qty.unit and line.lang == q.lang and re.match(r"\s?[^\W\d_]{3,}", line.text[qty.end : qty.end + 4]):
                continue  # "3 translators" is no number of "pages": the line names what it counts, and not so
            elif qty.unit:
                s -= 0.3
        if qty.percent and slot.unit_key != "percent":
            s -= 0.3
        if FROM_BEFORE.search(line.text[max(0, qty.start - 8) : qty.start]) and TO_AFTER.search(line.text[qty.end :]):
            s -= 0.25  # "tăng từ 310 lên 540 người", "from 310 to 540": the figure now is the second
        s += 0.3 * (1 - min(distance(qty.start, spots), 120) / 120)
        s += 0.2 * len(clauses.get(qty.start, ()))
        out.append(Fact("count", line, qty.start, qty.end, qty, s))
    return out


def _span_unit(word: str) -> str:
    """The unit of time (``DURATION_UNITS``' key) the asker counts in ("ເດືອນ", "tháng", "months"), or ''."""
    w = word.strip().lower()
    return next((unit for unit, by_lang in DURATION_UNITS.items() if any(w in words for words in by_lang.values())), "") \
        if w else ""


def _followed_by(text: str, start: int, words: tuple[str, ...]) -> bool:
    """One of ``words`` comes right after the number starting at ``start`` (its unit may be part of the quantity:
    "60 năm")."""
    after = re.sub(r"^[\d\u0ed0-\u0ed9.,]+", "", text[start : start + 30]).lstrip().lower()
    return any(after.startswith(w) for w in words)


def _unit_within(text: str, end: int, key: str, q: Question) -> bool:
    """The vocabulary unit ``key`` is the second word after the number ending at ``end``, and the word between is
    one the question says too ("how many pension files": "1,240 pension files"; not "12 IT officers" for "how
    many officers attended the digital transformation training")."""
    m = re.match(r"\s?([^\W\d_][\w'-]*)\s+", text[end : end + 40])
    if not m:
        return False
    word = fold_latin(m.group(1)).lower()
    keys = {f.key for f in TERMS.find(m.group(1))}
    if not (keys & set(q.term_keys) or word in fold_latin(q.text).lower().split()):
        return False
    return any(f.key == key and f.start == 0 for f in TERMS.find(text[end + m.end() : end + m.end() + 30], kinds=("unit",)))


def _person_after(text: str, end: int) -> bool:
    """The word right after a number names people ("2,350 pensioners", "40 attendees"), though the vocabulary
    lacks it."""
    m = re.match(r"\s?([^\W\d_][\w-]*)", text[end : end + 30])
    return bool(m) and bool(_PERSON_NOUN.search(m[1]))


def _clause_words(line: Line, q: Question) -> dict[int, set[str]]:
    """For each number of the line, the question's own words in the words that describe it (40 characters, up to
    the next number, a colon or semicolon: after it in Vietnamese, "60 năm Thiết lập quan hệ ngoại giao", before
    it in Lao and English, "ເວລາເກີດລູກ ໃຫ້ ໑໘໗ ຄົນ", "maternity benefits to 187"), keeping only the words that
    tell the numbers apart. In another language than the question's, its vocabulary terms stand for its words
    ("maternity" is "ເກີດລູກ")."""
    if len(line.quantities) < 2:
        return {}
    same = line.lang == q.lang
    words = [fold_latin(w.replace("_", " ")).lower() for w in q.focus if len(w) > 2] if same else []
    keys = set(q.term_keys)
    if not words and not keys:
        return {}
    found = {}
    for qty in line.quantities:
        if line.lang == "vi":
            nxt = min((x.start for x in line.quantities if x.start >= qty.end), default=len(line.text))
            a, b = qty.end, min(nxt, qty.end + 40)
            cut = re.search(r"[:;]", line.text[a:b])
            b = a + cut.start() if cut else b
        else:
            prev = max((x.end for x in line.quantities if x.end <= qty.start), default=0)
            a, b = max(prev, qty.start - 40), qty.start
            cut = list(re.finditer(r"[:;]", line.text[a:b]))
            a = a + cut[-1].end() if cut else a
        if FROM_BEFORE.search(line.text[max(0, qty.start - 8) : qty.start]) and TO_AFTER.search(line.text[qty.end :]):
            found[qty.start] = set()  # "tăng từ 310 lên 540", "ເພີ່ມຂຶ້ນ ຈາກ ໓໑໐ ຄົນ … ເປັນ ໕໔໐ ຄົນ": its words are both's
            continue
        clause = fold_latin(line.text[a:b]).lower()
        found[qty.start] = {w for w in words if w in clause} | \
            {f"t:{f.key}" for f in line.terms if f.key in keys and a <= f.start and f.end <= b}
    common = set.intersection(*found.values()) if found else set()
    return {k: v - common for k, v in found.items()}


_PERSON_NOUN = re.compile(PERSON_NOUN, re.I)


def _same_word(word: str, text: str) -> bool:
    return word.lower() in text.lower()
