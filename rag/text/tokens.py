"""Keyword tokens of the record's languages, forgiving how people type.

- Vietnamese: syllables and pyvi compound words, folded without tone marks and with đ -> d,
  so "bao hiem xa hoi" finds "bảo hiểm xã hội" and "hoà" equals "hòa".
- Lao: laonlp words after canonical spelling (ຫນ -> ໜ, ຫມ -> ໝ, no zero-width spaces, Lao
  digits -> Arabic).
- English and anything else: lower-cased words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .langs import LAO_BLOCK
from .normalize import canonical_lao, fold_latin, normalize_text
from .vi_segment import ViSegmenter, vi_segmenter

_LAO_RUN = re.compile(f"[{LAO_BLOCK}]+")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_LAO_STOP = frozenset("ແລະ ໃນ ທີ່ ຂອງ ໄດ້ ເປັນ ກັບ ໃຫ້ ຈາກ ມີ ວ່າ ນີ້ ນັ້ນ ການ".split())
_VI_STOP = frozenset("va cua cac la co duoc trong cho voi nhung mot da den tai nay do the thi se".split())
QUESTION_WORDS = frozenset(
    """bao nhieu gi nao sao khi dau ai the nhu khong chua hay hoac la co nhung
    what which who whom whose when where why how much many does did do is are was were the a an of in
    ໃດ ແນວໃດ ຫຍັງ ເທົ່າໃດ ຈັກ ບໍ ແມ່ນ ໃຜ ເມື່ອໃດ ຢູ່ໃສ ແດ່ ຄື ປີໃດ ອັນໃດ""".split()
)
"""Words that ask rather than name: they never count as content words of a question."""


def _vi_tokenizer() -> ViSegmenter:
    return vi_segmenter()


@lru_cache(maxsize=1)
def _lao_tokenizer():
    from laonlp import word_tokenize

    return word_tokenize


def _latin_tokens(text: str, lang: str) -> list[str]:
    words = [fold_latin(w) for w in _TOKEN.findall(text)]
    tokens = [w for w in words if w not in _VI_STOP]
    if lang == "vi" and len(words) > 1:
        # Compound words from pyvi ("bảo_hiểm") add phrase evidence on top of syllables.
        seg = _vi_tokenizer().tokenize(text)
        tokens += [fold_latin(w) for w in seg.split() if "_" in w]
    return tokens


def _lao_tokens(text: str) -> list[str]:
    out: list[str] = []
    for run in _LAO_RUN.findall(canonical_lao(text)):
        for w in _lao_tokenizer()(run):
            w = w.strip()
            if w and w not in _LAO_STOP and not w.isspace():
                out.append(w)
    return out


def tokenize(text: str, lang: str = "") -> list[str]:
    """Keyword tokens of a text in any of the record's languages (mixed text works too)."""
    text = canonical_lao(normalize_text(text))
    tokens: list[str] = []
    pos = 0
    for m in _LAO_RUN.finditer(text):
        tokens += _latin_tokens(text[pos : m.start()], lang)
        tokens += _lao_tokens(m.group())
        pos = m.end()
    tokens += _latin_tokens(text[pos:], lang)
    return tokens


def query_terms(query: str, query_lang: str) -> list[str]:
    """A question's keyword terms: its own tokens, plus Vietnamese compounds whatever its language
    (a Lao or English question may quote a Vietnamese name)."""
    terms = tokenize(query, query_lang)
    if query_lang != "vi":
        terms += [t for t in tokenize(query, "vi") if "_" in t]
    return terms


def content_words(text: str, lang: str = "") -> set[str]:
    """Tokens that name something (question words and single letters left out)."""
    return {t for t in tokenize(text, lang) if t not in QUESTION_WORDS and len(t) > 1}
