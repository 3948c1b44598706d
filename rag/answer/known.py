"""What the record knows, per corpus version: the answer layer's inventory (:func:`read_inventory`: every
name, term, year, number and period of the record with the lines that hold them, as document number and
position), the vocabulary each document names, and the spellings of its words.

Two checks of a question against the whole record, beside the name table: a proper name the question
writes (a capitalized Latin word, not its first) that the record never writes in any close spelling
("Phnom Penh") refuses it; and the rarest thing the question names must be named somewhere in the
document of a line that answers it.
"""
from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict

from ..text.dates import find_periods
from ..text.names import NAMES, TERMS, loose_spelling
from ..text.normalize import fold_latin
from ..text.tokens import QUESTION_WORDS
from ..text.when import When
from .lines import Line, LineIndex
from .question import Question

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


_LINE_BITS = 20  # a line of the inventory is (document number << 20 | its position among the document's lines)


def best_first(votes: Counter, n: int):
    """``votes.most_common()`` without sorting them all when the first ``n`` are enough."""
    yield from votes.most_common(n)
    if len(votes) > n:
        yield from votes.most_common()[n:]


def line_ref(doc_no: int, index: int) -> int:
    return doc_no << _LINE_BITS | index


def split_ref(ref: int) -> tuple[int, int]:
    return ref >> _LINE_BITS, ref & ((1 << _LINE_BITS) - 1)


def read_inventory(index: LineIndex, docs: list[str]) -> dict:
    """The answer layer's inventory of the record: every name, term, year, number and period with the
    lines that hold them (as :func:`line_ref`), the spellings of its words and what each family names."""
    n_lines = 0
    by_key: dict[str, array] = defaultdict(lambda: array("q"))  # key -> lines, as line_ref()
    df: Counter = Counter()
    names_in: Counter = Counter()
    families: set[str] = set()
    years: set[int] = set()
    numbers: set[str] = set()
    periods: set[str] = set()
    terms: set[str] = set()
    words: set[str] = set()
    dates: list[str] = []
    loose: set[str] = set()  # spellings of the record's words and names (:mod:`.known`)
    family_terms: dict[str, set[str]] = {}  # family -> the vocabulary keys it names anywhere
    for d_no, d in enumerate(docs):
        lines = index.read(d)  # not kept: a large record is not held as lines
        if not lines:
            continue
        collect(lines, loose, family_terms)
        fam = lines[0].family
        if fam not in families:
            families.add(fam)
            names_in.update({k for ln in lines for k in ln.name_keys} | NAMES.keys(lines[0].title))
        dates.append(lines[0].doc_date)
        # a period only a heading or the title gives ("THỎA THUẬN HỢP TÁC giai đoạn 2024-2027") is still mentioned
        periods.update(f"{p.year}-{p.end_year}" for p in find_periods(lines[0].title))
        for ln in lines:
            if ln.is_heading:  # its words and periods are the record's, though it answers nothing itself
                words.update(w.lower() for w in re.findall(r"[^\W\d_]+", ln.text))
                periods.update(f"{p.year}-{p.end_year}" for p in ln.periods)
                years.update(w.year for w in ln.whens)
                continue
            n_lines += 1
            ref = line_ref(d_no, ln.index)
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+", ln.text))
            keys = {f"n:{k}" for k in ln.name_keys} | {f"t:{k}" for k in ln.term_keys} | \
                {f"y:{w.year}" for w in ln.whens} | {f"q:{q.value:g}" for q in ln.quantities} | \
                {f"p:{p.year}-{p.end_year}" for p in ln.periods} | {k for w in ln.whens for k in day_keys(w)}
            df.update(keys)
            if ln.doc_date:  # the day of the line's document: the minutes of 14/2/2025 tell what happened that day
                keys.add(f"dd:{ln.doc_date}")
            for k in keys:
                by_key[k].append(ref)
            years.update(w.year for w in ln.whens)
            numbers.update(f"{q.value:g}" for q in ln.quantities)
            periods.update(f"{p.year}-{p.end_year}" for p in ln.periods)
            terms.update(ln.term_keys)
    if index.on_disk and docs:
        index.kept().keep_only(set(docs))  # the lines of documents no longer in the record
    n = max(len(families), 1)
    info = {
        "common": {k for k, c in names_in.items() if c / n >= 0.75 and NAMES.kind(k) in ("country", "org")},
        "names": set(names_in), "years": years, "numbers": numbers, "periods": periods, "terms": terms,
        "latest": max((d for d in dates if d), default=""),
        "docs": docs, "by_key": dict(by_key), "df": df, "n_lines": max(n_lines, 1), "words": words,
        "folded": {fold_latin(w) for w in words},  # for words typed without tone marks
        "loose": frozenset(loose), "family_terms": family_terms,
    }
    return info


def day_keys(w: When) -> set[str]:
    """The inventory keys of the days a time expression names ("d:2025-05-21"; a range: its first and last day)."""
    if w.relative or w.precision not in ("day", "range"):
        return set()
    return {f"d:{w.first.isoformat()}", f"d:{w.last.isoformat()}"}


def collect(lines: list[Line], keys: set[str], by_family: dict[str, set[str]]) -> None:
    """Add what one document's ``lines`` (its headings left out) tell: the loose spellings of their words and
    of their runs of two and three capitalized words ("Luông Pha Bang"), to ``keys``; the vocabulary keys of
    its family (its title too), to ``by_family``. Called per document by :func:`read_inventory`, so what it
    collects is kept with the inventory."""
    if not lines:
        return
    fam = lines[0].family
    terms = by_family.setdefault(fam, set())
    for text in [ln.text for ln in lines if not ln.is_heading] + [lines[0].title]:
        words = re.findall(r"[^\W\d_]+", text)
        for w in words:
            k = loose_spelling(w)
            keys.add(k)
            keys.add("~" + _skeleton(k))
        for n in (2, 3):  # runs of names only: every run of a large record would not fit in memory
            for i in range(len(words) - n + 1):
                if all(w[0].isupper() for w in words[i : i + n]):
                    k = loose_spelling("".join(words[i : i + n]))
                    keys.add(k)
                    keys.add("~" + _skeleton(k))
    for ln in lines:
        if not ln.is_heading:
            terms.update(ln.term_keys | ln.ctx_terms)
    terms |= TERMS.keys(lines[0].title)


def unknown_names(q: Question, known: frozenset[str]) -> list[str]:
    """Proper names of a Latin-script question (capitalized words of 3 letters or more, not its first
    word) that are neither in the name table nor anywhere in the record (``known``: see :func:`collect`), in
    any spelling close to theirs: "Phnom Penh". Lao script has no capitals: nothing is found."""
    if q.lang == "lo":
        return []
    # names, dates and the vocabulary's words ("MoU", "CNTT") are known by their tables
    taken = [(f.start, f.end) for f in [*q.names, *q.terms]] + [(w.start, w.end) for w in q.whens]
    first = _WORD.search(q.text)
    out = []
    ms = list(_WORD.finditer(q.text))
    for i, m in enumerate(ms):
        word = m.group(0)
        if (first is not None and m.start() == first.start()) or not word[0].isupper() or len(word) < 3 or \
                any(a <= m.start() < b for a, b in taken) or fold_latin(word) in QUESTION_WORDS:
            continue
        parts = [p for p in word.split("-") if len(p) >= 3]
        pairs = [a.group(0) + b.group(0) for a, b in ((ms[i - 1] if i else None, m), (m, ms[i + 1] if i + 1 < len(ms) else None))
                 if a is not None and b is not None and a is not b and q.text[a.end() : b.start()] == " "
                 and a.group(0)[0].isupper() and b.group(0)[0].isupper()]
        if any(not _unknown(p, known) for p in pairs):
            continue  # "Sam Neua" is the record's "Sầm Nưa" as a whole
        if _unknown(word, known) and any(_unknown(p, known) for p in parts):
            out.append(word)  # "Vietnamese-Lao" is known by its parts
    return out


def _skeleton(loose: str) -> str:
    """The consonants of a loose spelling: "Sam Neua" and "Sầm Nưa" differ in their vowels only."""
    return re.sub(r"[aeiou]", "", loose)


def _unknown(word: str, known: frozenset[str]) -> bool:
    key = loose_spelling(word)
    return key not in known and ("~" + _skeleton(key) not in known or len(_skeleton(key)) < 3)
