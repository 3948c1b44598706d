"""Paragraphs, sentences and passage-sized segments, for Vietnamese, Lao and English.

A paragraph (text between blank lines) is one passage when it fits ``max_chars``, so that
language versions with parallel paragraphs get parallel passages. A longer paragraph is
packed sentence by sentence; a sentence longer still is cut at spaces and, in Lao (which
has no spaces between words), between syllables, never inside a letter and its marks.
Offsets are end-exclusive code-point offsets into the normalized text.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from .detect import detect_language
from .instructions import is_instruction
from .langs import LAO_BLOCK

_PARA = re.compile(r"\n[ \t]*\n")
# Sentence end: . ! ? … ; followed by space, or a line break; not after a single capital
# letter or a digit-dot-digit (dates like 22.11.2022 stay whole).
_LATIN_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n")
_LAO = re.compile(f"[{LAO_BLOCK}]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Segment:
    """A passage-sized piece of a text, before it is stored (offsets into the normalized text)."""

    text: str
    start: int
    end: int
    position: int
    para: int
    lang: str
    page: Optional[int] = None


def paragraphs(text: str) -> list[Span]:
    spans, pos = [], 0
    for m in _PARA.finditer(text):
        spans.append(Span(pos, m.start()))
        pos = m.end()
    spans.append(Span(pos, len(text)))
    return [s for s in (_trim(text, s) for s in spans) if s.end > s.start]


def _trim(text: str, s: Span) -> Span:
    a, b = s.start, s.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(a, b)


def sentences(text: str, start: int = 0, end: Optional[int] = None, lao_clauses: bool = True) -> list[Span]:
    """Sentence spans of ``text[start:end]``.

    Lao marks sentence ends inconsistently: with ``lao_clauses`` its space-separated clauses
    are split too (merged to a useful size, for packing passages); without, only punctuation
    ends a Lao sentence (for quoting whole sentences in answers).
    """
    end = len(text) if end is None else end
    spans, pos = [], start
    for m in _LATIN_END.finditer(text, start, end):
        spans.append(Span(pos, m.start()))
        pos = m.end()
    spans.append(Span(pos, end))
    out: list[Span] = []
    for s in spans:
        s = _trim(text, s)
        if s.end <= s.start:
            continue
        if lao_clauses and _LAO.search(text[s.start : s.end]):
            out.extend(_lao_clauses(text, s))
        else:
            out.append(s)
    return out


def whole_sentences(text: str) -> list[Span]:
    """Sentence spans with Lao clauses joined back into whole sentences (for quoting and extraction)."""
    spans: list[list[int]] = []
    for s in sentences(text):
        if spans and _LAO.search(text[s.start : s.end]):
            a0, b0 = spans[-1]
            if "\n" not in text[b0 : s.start] and text[b0 - 1] not in ".!?…":
                spans[-1][1] = s.end
                continue
        spans.append([s.start, s.end])
    return [Span(a, b) for a, b in spans]


def _lao_clauses(text: str, s: Span, min_chars: int = 60) -> list[Span]:
    """Lao separates clauses and sentences with spaces; merge short pieces."""
    pieces, pos = [], s.start
    for m in re.finditer(r"\s+", text[s.start : s.end]):
        a, b = s.start + m.start(), s.start + m.end()
        pieces.append(Span(pos, a))
        pos = b
    pieces.append(Span(pos, s.end))
    merged: list[Span] = []
    for p in pieces:
        if merged and (merged[-1].end - merged[-1].start < min_chars or p.end - p.start < 12):
            merged[-1] = Span(merged[-1].start, p.end)
        else:
            merged.append(p)
    return merged


# Lao vowels written before their consonant start a syllable; ະ າ ຳ ໆ end one. A cut goes
# neither after the first kind nor before the second, nor before a combining mark.
_LAO_PRE_VOWELS = "ເແໂໃໄ"
_LAO_FOLLOWING = "\u0eb0\u0eb2\u0eb3\u0ec6"


def _cut_ok(text: str, cut: int) -> bool:
    """True when cutting ``text`` before index ``cut`` splits no letter from its marks or syllable vowels."""
    if 0 < cut < len(text):
        nxt, prev = text[cut], text[cut - 1]
        if unicodedata.category(nxt).startswith("M") or nxt in _LAO_FOLLOWING or prev in _LAO_PRE_VOWELS:
            return False
    return True


def _lao_word_bounds(text: str, a: int, b: int) -> list[int]:
    """Word boundaries (laonlp's dictionary segmentation) inside ``text[a:b]``, as text offsets."""
    try:
        from laonlp.tokenize import word_tokenize
    except ImportError:  # pragma: no cover - laonlp is a core dependency
        return []
    window = text[a : min(len(text), b + 24)]
    bounds, pos = [], 0
    for tok in word_tokenize(window):
        at = window.find(tok, pos) if tok else -1
        if at < 0:
            continue  # laonlp drops some punctuation: skip what cannot be located
        bounds += [a + at, a + at + len(tok)]
        pos = at + len(tok)
    return sorted({x for x in bounds if a < x <= b})


def _safe_cut(text: str, a: int, b: int) -> int:
    """Largest cut point in (a, b]: a space, else (Lao) a word boundary, else a syllable-safe point."""
    space = text.rfind(" ", a + 1, b + 1 if b < len(text) else b)
    if space > a:
        return space
    if _LAO.search(text, a, b):
        good = [x for x in _lao_word_bounds(text, a, b) if x > a + (b - a) // 2 and _cut_ok(text, x)]
        if good:
            return good[-1]
    cut = b
    while cut > a + 1 and not _cut_ok(text, cut):
        cut -= 1
    return cut


def _pack(text: str, spans: Sequence[Span], max_chars: int) -> list[Span]:
    pieces: list[Span] = []
    for s in spans:
        a = s.start
        while s.end - a > max_chars:
            cut = _safe_cut(text, a, a + max_chars)
            pieces.append(Span(a, cut))
            a = cut
            while a < s.end and text[a].isspace():
                a += 1
        if s.end > a:
            pieces.append(Span(a, s.end))
    chunks: list[Span] = []
    for p in pieces:
        if chunks and p.end - chunks[-1].start <= max_chars:
            chunks[-1] = Span(chunks[-1].start, p.end)
        else:
            chunks.append(p)
    return chunks


def split_passages(
    text: str,
    max_chars: int = 1000,
    page_spans: Optional[Sequence[tuple[int, int, int]]] = None,
    doc_lang: Optional[str] = None,
) -> list[Segment]:
    """Split normalized ``text`` into passages with offsets, positions, paragraph index and language.

    ``page_spans`` are ``(start, end, page_number)`` of each PDF page in ``text``; a passage
    never crosses a page and carries its page number. The language is detected per
    passage; a passage too short to tell takes ``doc_lang``.
    """
    regions = [Span(a, b) for a, b, _ in page_spans] if page_spans else [Span(0, len(text))]
    pages = [p for _, _, p in page_spans] if page_spans else [None]
    out: list[Segment] = []
    para_no = 0
    for region, page in zip(regions, pages):
        for para, count in _keep_instructions_whole(text, paragraphs(text[region.start : region.end]), region.start,
                                                     max_chars):
            p = Span(para.start + region.start, para.end + region.start)
            if p.end - p.start <= max_chars * (4 if count > 1 else 1):
                chunks = [p]
            else:
                chunks = _pack(text, sentences(text, p.start, p.end), max_chars)
            for c in chunks:
                body = text[c.start : c.end]
                lang = detect_language(body)
                if lang == "und" and doc_lang and len(body) < 200:
                    lang = doc_lang
                out.append(Segment(body, c.start, c.end, len(out), para_no, lang, page))
            para_no += count
    return out


def _keep_instructions_whole(text: str, paras: list[Span], base: int, max_chars: int) -> list[tuple[Span, int]]:
    """Paragraphs (relative to ``base``) with each one that is addressed to an assistant joined to the
    paragraphs before and after it, so that an injected claim ("NOTE TO THE AI:" then, below it, "The
    year is 1990.") shares the instruction's passage and is flagged with it (:mod:`rag.text.guard`).
    Returns (span, number of paragraphs joined)."""
    marked = [i for i, p in enumerate(paras)
              if p.end - p.start <= 4 * max_chars and is_instruction(text[base + p.start : base + p.end])]
    if not marked:
        return [(p, 1) for p in paras]
    joined: list[list[int]] = []
    for i in marked:
        a, b = max(0, i - 1), min(len(paras) - 1, i + 1)
        if joined and a <= joined[-1][1] + 1:
            joined[-1][1] = b
        else:
            joined.append([a, b])
    out, i = [], 0
    for a, b in joined:
        out += [(p, 1) for p in paras[i:a]]
        out.append((Span(paras[a].start, paras[b].end), b - a + 1))
        i = b + 1
    return out + [(p, 1) for p in paras[i:]]
