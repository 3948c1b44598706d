"""List items as shown in an answer: an item's text, the items of a sentence that lists them, a gist.

A gist says what a text is about in another language using only the name and vocabulary tables (no
invented words).
"""
from __future__ import annotations

import re

from ..text.dates import find_periods
from ..text.names import NAMES, PLACE_KINDS, TERMS
from ..text.quantities import find_quantities, say_quantity
from ..text.when import find_when, say_period, say_when

# words every passage of the record uses: they say nothing of what a sentence is about
_BACKGROUND = frozenset({"social_insurance", "cooperation", "health_insurance", "activity", "report", "minutes"})

_ITEM_MARK = re.compile(r"^\s*(?:[-–•*+]|\(?\d{1,2}[.)]|\(?[a-zđ][.)]|\(?[ກ-ຮ][.)]|\(?[໐-໙]{1,2}[.)])\s*", re.I)


def item_text(text: str) -> str:
    """An item as shown: without its list marker and trailing punctuation."""
    text = _ITEM_MARK.sub("", text.strip())
    text = re.sub(r"[\s;,.:…]+$", "", text)
    return text[:1].upper() + text[1:] if text else text


def inline_items(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a sentence that lists them after a colon, separated by ';' (or ',')."""
    colon = text.find(":")
    if colon < 0 or colon > len(text) - 8:
        if text.count(";") < 2:
            return []
        colon = -1  # "… hỗ trợ Lào trong việc A; B; C": the first item carries the lead
    body_start = colon + 1
    body = text[body_start:]
    sep = ";" if body.count(";") >= 1 else ","
    if body.count(sep) < 1:
        pair = list(re.finditer(r"\s(?:và|and|ແລະ)\s", body))
        if colon < 0 or len(pair) != 1 or len(body) > 200:
            return []
        # "… 2 ປະເພດກິລາ ຄື: ກິລາບານສົ່ງ ແລະ ກິລາຕີດອກປີກໄກ່": two items joined by "and"
        spans = [(body_start + a, body_start + b) for a, b in ((0, pair[0].start()), (pair[0].end(), len(body)))]
        spans = [(a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip(" .;…"))) for a, b in spans]
        return spans if all(b - a >= 3 for a, b in spans) else []
    out, pos = [], 0
    # "A, B và C": the last comma item is joined by "and"; in a ';' list an "and" inside an item is its own
    # ("phù hợp với khả năng và nhu cầu"), and "; and C" only leads the last item
    joins = r"|\s(?:và|and|ແລະ)\s(?=[^;,]*$)" if sep == "," else ""
    for m in re.finditer(re.escape(sep) + joins, body):
        out.append((body_start + pos, body_start + m.start()))
        pos = m.end()
    out.append((body_start + pos, len(text)))
    spans = []
    for a, b in out:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        conj = re.match(r"(?:và|and|ແລະ)\s+", seg[lead:]) if sep == ";" else None
        lead += conj.end() if conj else 0
        seg = re.sub(r"[\s;,.…]+$", "", seg[lead:].strip())
        if len(seg) >= 3:
            spans.append((a + lead, a + lead + len(seg)))
    # "Người ghi: Bà A, phòng B": two comma parts are a name and its title more often than a list
    return spans if len(spans) >= (3 if sep == "," else 2) else []


def gist(text: str, lang: str) -> str:
    """What a table can say of a text in ``lang``: its names, vocabulary and periods (no invented words)."""
    words = [say_period(p.year, p.end_year, lang) for p in find_periods(text)]
    for f in sorted(NAMES.find(text) + TERMS.find(text, kinds=("topic", "thing", "action")), key=lambda f: f.start):
        table = NAMES if f.key in NAMES else TERMS
        w = table.name(f.key, lang)
        if w and w not in words:
            words.append(w)
    return ", ".join(words)


def statement(text: str, src: str, lang: str, doc_date: str = "") -> str:
    """What the tables can state of a sentence written in ``src`` for a reader of ``lang``: what it is about
    (its vocabulary), how many (numbers with their unit words), when and where (no invented words, no bag of
    every name): "computer, server: 8 computers, 1 server; 25 June 2024; Sekong"."""
    what: list[str] = []
    for f in sorted(TERMS.find(text, kinds=("thing", "action", "topic")), key=lambda f: f.start):
        w = TERMS.name(f.key, lang)
        if w and w not in what and f.key not in _BACKGROUND:
            what.append(w)
    nums = [say_quantity(x, lang) for x in find_quantities(text, src, doc_date or None)
            if (x.unit or x.is_amount or x.percent) and not x.ordinal]
    head = ", ".join(what[:4])
    if nums:
        head = f"{head}: {', '.join(dict.fromkeys(nums[:3]))}" if head else ", ".join(dict.fromkeys(nums[:3]))
    bits = [head] if head else []
    bits += [say_period(p.year, p.end_year, lang) for p in find_periods(text)][:1]
    w = next((x for x in find_when(text, doc_date or None, relative=False)), None)
    if w is not None:
        bits.append(say_when(w, lang))
    where, who = [], []
    for f in sorted(NAMES.find(text), key=lambda f: f.start):
        n = NAMES.name(f.key, lang)
        if not n:
            continue
        (where if NAMES.kind(f.key) in PLACE_KINDS else who).append(n)
    people = list(dict.fromkeys(who))[:2] + list(dict.fromkeys(where))[:2]
    if people:
        bits.append(", ".join(people))
    return "; ".join(b for b in bits if b)
