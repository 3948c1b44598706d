"""Language detection: vi / lo / en, and ``und`` for anything else.

Lao is recognised by its script (U+0E80-U+0EFF). Latin text is Vietnamese when it carries
Vietnamese letters and tone marks, or, typed without them, when nearly every word is a
well-formed Vietnamese syllable and it is not English; English by its function words.
Everything else (Thai, Chinese, French, ...) is ``und`` and reported as such.
"""
from __future__ import annotations

import re

from .langs import LANGUAGE_REQUESTS
from .langs import UND as UNDETERMINED
from .normalize import strip_marks as _strip_marks

_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VI_TONED = re.compile(r"[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# A Vietnamese syllable without diacritics: onset + vowel nucleus + allowed final.
_VI_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
    r"(uye|uya|uyu|oai|oay|oeo|uay|uoi|uou|ieu|yeu|uye|ươi|"
    r"ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uy|ye|"
    r"a|e|i|o|u|y)"
    r"(ng|nh|ch|[cmnpt]|[iyou])?$"
)
_EN_WORDS = frozenset(
    """the of and to in is was were are be been for on with as by at from that this which who whom
    what when where why how it its an or not but have has had will would can could should did does
    do their there they them he she his her we our you your i my me than then these those into about
    after before over under between during signed agreement memorandum social security cooperation""".split()
)


def _script_counts(text: str) -> tuple[int, int, int]:
    lao = latin = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if 0x0E80 <= o <= 0x0EFF:
            lao += 1
        elif o < 0x0250 or 0x1E00 <= o <= 0x1EFF:
            latin += 1
        else:
            other += 1
    return lao, latin, other


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` (marks ignored) is a well-formed Vietnamese syllable: 'Bao', 'hiểm', 'nguoi'."""
    return bool(word) and bool(_VI_SYLLABLE.match(_strip_marks(word.lower())))


def detect_language(text: str) -> str:
    """Return ``vi``, ``lo``, ``en`` or ``und`` for a text of any length."""
    lao, latin, other = _script_counts(text)
    letters = lao + latin + other
    if letters == 0:
        return UNDETERMINED
    if lao / letters >= 0.3:
        return "lo"
    if latin / letters < 0.5:
        return UNDETERMINED
    words = [w.lower() for w in _WORD.findall(text) if all(ord(c) < 0x0250 or 0x1E00 <= ord(c) <= 0x1EFF for c in w)]
    if not words:
        return UNDETERMINED
    vi_marked = sum(1 for w in words if _VI_TONED.search(w) or _VI_LETTERS & set(w))
    syllables = sum(1 for w in words if _VI_SYLLABLE.match(_strip_marks(w))) / len(words)
    if vi_marked / len(words) >= 0.2 and syllables >= 0.7:
        return "vi"
    english = sum(1 for w in words if w in _EN_WORDS) / len(words)
    if syllables == 1.0 and len(words) >= 3 and english < 0.34:
        return "vi"  # "Ai dan dau doan do?": every word a syllable; "do", "to", "the" are Vietnamese too
    if english >= 0.12 and english * 4 >= (1 - syllables):
        return "en"
    if syllables >= 0.8:
        return "vi"
    if english >= 0.05:
        return "en"
    return UNDETERMINED


def question_language(question: str, default: str = "vi") -> str:
    """The language a question is asked in (``default`` when it is none of the record's)."""
    lang = detect_language(question)
    return lang if lang in ("vi", "lo", "en") else default


_REQUESTS = {lang: re.compile("|".join(ps), re.I) for lang, ps in LANGUAGE_REQUESTS.items()}


def wanted_language(question: str) -> str | None:
    """The one language a question asks its documents in ("bản tiếng Lào", "in English"), else None."""
    named = [lang for lang, rx in _REQUESTS.items() if rx.search(question)]
    return named[0] if len(named) == 1 else None
