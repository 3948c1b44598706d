"""Normalize step: every text becomes Unicode NFC with clean line ends.

Vietnamese arrives both precomposed and decomposed ("ệ" as one code point or as e + two
combining marks); NFC makes them one. Zero-width characters (common in Lao text copied
from the web) and byte-order marks are removed, so offsets count visible characters.
"""
from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRAILING_WS = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANK = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no zero-width characters, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_WS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    text = _MANY_BLANK.sub("\n\n", text)
    return text.strip()
