"""Normalization and folding: NFC text, invisible characters, Lao spellings, diacritics.

Vietnamese arrives both precomposed and decomposed ("ệ" as one code point or as e + two
combining marks); NFC makes them one. Zero-width characters (common in Lao text copied from
the web) and byte-order marks are removed, so offsets count visible characters.
"""
from __future__ import annotations

import re
import unicodedata

from .langs import LAO_TO_ARABIC

INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Every invisible character a document can hide words or instructions with: Unicode's format
# characters (Cf: zero-width spaces and joiners, U+2061-2064 invisible operators and separators,
# bidirectional overrides that reorder what is shown, the "tag" letters U+E0020-E007F that a model
# reads and a person never sees), variation selectors, the combining grapheme joiner and the
# Hangul fillers that render as nothing.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
_TRAILING_WS = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANK = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_LAO_CANON = (("ຫນ", "ໜ"), ("ຫມ", "ໝ"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no invisible (format) characters, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_WS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    text = _MANY_BLANK.sub("\n\n", text)
    return text.strip()


def strip_marks(text: str) -> str:
    """Without tone marks or diacritics, đ -> d, case kept: 'Hòa' -> 'Hoa'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def fold_latin(text: str) -> str:
    """Lower-case, no tone marks or diacritics, đ -> d: 'Hòa/Hoà' -> 'hoa'."""
    return strip_marks(text.lower())


_LAO_DIGIT = re.compile("[\u0ed0-\u0ed9]")


def lao_to_arabic(text: str) -> str:
    """Lao digits ໐-໙ to 0-9 (same length, so offsets do not move)."""
    return text.translate(LAO_TO_ARABIC) if _LAO_DIGIT.search(text) else text


def canonical_lao(text: str) -> str:
    """One spelling of Lao: ຫນ -> ໜ, ຫມ -> ໝ, Lao digits -> Arabic digits."""
    for a, b in _LAO_CANON:
        text = text.replace(a, b)
    return text.translate(LAO_TO_ARABIC)


def casefold_match(text: str) -> str:
    """What to compare when checking that a fact occurs in a text: NFC, case-folded, Lao digits
    as Arabic, spaces collapsed."""
    return re.sub(r"\s+", " ", lao_to_arabic(nfc(text)).casefold()).strip()
