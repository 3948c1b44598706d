"""One table for each language fact: codes, scripts, digits, month names, locales.

Every module that needs to know something about Vietnamese, Lao or English reads it here,
so a fact (the Lao digits, the Lao month names, the DOCX locale of Lao) exists once.
"""
from __future__ import annotations

from dataclasses import dataclass

LANGS: tuple[str, ...] = ("vi", "lo", "en")
"""The record's languages, in display order (Vietnamese first: the default)."""

UND = "und"
"""Language of a text that is none of ``LANGS``."""

DEFAULT_LANG = "vi"

LAO_BLOCK = "\u0e80-\u0eff"
"""The Lao Unicode block, for character classes: ``f"[{LAO_BLOCK}]"``."""

LAO_DIGITS = "໐໑໒໓໔໕໖໗໘໙"
LAO_TO_ARABIC = str.maketrans(LAO_DIGITS, "0123456789")
ARABIC_TO_LAO = str.maketrans("0123456789", LAO_DIGITS)

LAO_MONTHS: dict[str, int] = {
    "ມັງກອນ": 1, "ກຸມພາ": 2, "ມີນາ": 3, "ເມສາ": 4, "ພຶດສະພາ": 5, "ມິຖຸນາ": 6,
    "ກໍລະກົດ": 7, "ສິງຫາ": 8, "ກັນຍາ": 9, "ຕຸລາ": 10, "ພະຈິກ": 11, "ທັນວາ": 12,
}
EN_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
EN_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")
LAO_MONTH_NAMES = tuple(sorted(LAO_MONTHS, key=LAO_MONTHS.get))


@dataclass(frozen=True)
class Language:
    """What the product knows of one language."""

    code: str
    native: str  # its own name, in its own script (the language selector shows these)
    script: str  # ISO 15924
    locale: str  # for DOCX and HTML
    model_name: str  # how a prompt names it


LANGUAGES: dict[str, Language] = {
    "vi": Language("vi", "Tiếng Việt", "Latn", "vi-VN", "Vietnamese (tiếng Việt)"),
    "lo": Language("lo", "ພາສາລາວ", "Laoo", "lo-LA", "Lao (ພາສາລາວ)"),
    "en": Language("en", "English", "Latn", "en-GB", "English"),
}


def check_lang(lang: str | None, what: str = "language") -> str:
    """``lang`` if it is one of the record's languages, else a ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"{what} {lang!r}: use {', '.join(LANGS)}")
    return lang


# --- cross-lingual retrieval (issue 12): how a question says which language it wants --------
LANGUAGE_REQUESTS: dict[str, tuple[str, ...]] = {
    "vi": (r"tiếng\s+việt", r"\bin\s+vietnamese\b", r"\bvietnamese[\s-]+(?:version|text|original|translation|language)\b",
           "ພາສາຫວຽດ"),
    "lo": (r"tiếng\s+lào", r"\bin\s+lao\b", r"\blao[\s-]+(?:version|text|original|translation|language)\b",
           "ພາສາລາວ"),
    "en": (r"tiếng\s+anh", r"\bin\s+english\b", r"\benglish[\s-]+(?:version|text|original|translation|language)\b",
           "ພາສາອັງກິດ"),
}
"""Phrases (regular expressions, matched case-insensitively) by which a question asks for the
documents of one language: "bản tiếng Lào", "the English version", "ສະບັບພາສາຫວຽດ"."""


# --- answers (issue 11): a word for people that the vocabulary table lacks -------------------
PERSON_NOUN = (r"^(?:người|nguoi|cán bộ|can bo|học|hoc|sinh viên|sinh vien|thành viên|thanh vien|đại biểu|"
                         r"dai bieu|ຜູ້|ພະນັກງານ|ນັກ|ຄົນ|ທ່ານ)|^(?:people|persons?|staff|men|women)$|"
                         r"(?:ers?|ors?|ees?|ists?|ians?|ants?|ents?)$")
"""A regular expression (case-insensitive): the asker's counted word names people ("pensioners", "người hưởng", "ຜູ້ຮັບບຳນານ"): a number of persons may
answer it; for another word ("cuộc gọi", "calls") a number of persons is a number of something else."""


# --- answers (issue 11): how long something lasted ("kéo dài 24 tháng", "took 8 months", "໒໔ ເດືອນ") ------
DURATION_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "day": {"vi": ("ngày",), "lo": ("ມື້", "ວັນ"), "en": ("days", "day")},
    "week": {"vi": ("tuần",), "lo": ("ອາທິດ",), "en": ("weeks", "week")},
    "month": {"vi": ("tháng",), "lo": ("ເດືອນ",), "en": ("months", "month")},
    "year": {"vi": ("năm",), "lo": ("ປີ",), "en": ("years", "year")},
}
"""The words of a span of time, per unit and language; the first is the one written in answers (English
singular for one)."""
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười hai": 12,  # not "năm" (five): it is also "year"
}
"""Number words that state a span of time ("eight months", "hai năm")."""
