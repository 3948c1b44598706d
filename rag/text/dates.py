"""Dates and periods as the cooperation record writes them, in Vietnamese, Lao and English.

``find_dates(text, doc_date)`` returns every date mention of a text with its character span:

- Vietnamese: "ngày 22 tháng 11 năm 2022", "22/11/2022", "tháng 12/2015", "Tháng 8/2022",
  "tháng 12 năm 2015", "năm 1998", a day and month with no year ("Hôm nay (22/11)").
- Lao: "ວັນທີ 22 ເດືອນພະຈິກ ປີ 2022", "ວັນທີ ໒໒/໑໑/໒໐໒໒", "ເດືອນ 12/2015", "ເດືອນມີນາ ປີ 2023",
  "ປີ 1998", Lao digits ໐-໙ as well as Arabic digits.
- English: "22 November 2022", "November 22, 2022", "December 2015", "in 1998", "22/11".
- Relative words: "Hôm nay" / "Today" / "ມື້ນີ້" (the document's date) and vague ones,
  "Vừa qua" / "Recently" / "ຜ່ານມາບໍ່ດົນ" (the document's date, marked approximate).

``find_year_parts`` returns halves, the middle, the start and the end of a year ("6 tháng đầu năm
2024", "H1 2024", "by mid-2025", "ກາງປີ 2025", "cuối năm 2023", "ທ້າຍປີ 2023"); ``find_ranges`` returns
ranges of days ("18-19/6/2024", "30/7 - 2/8/2024", "từ ngày 6 đến ngày 10/11/2023", "5-7 August 2024",
"August 5-7, 2024", "ແຕ່ວັນທີ 5 ຫາ 7 ສິງຫາ 2024").

A date with no year takes the year of the document's own date ("22/11" in an article of
2022-11 is 2022-11-22). ``find_periods`` returns year ranges ("giai đoạn 2016-2020",
"the 2022-2025 period", "ໄລຍະປີ 2016-2020"), which are periods, never event dates.
Offsets are code-point offsets into the text given (Lao digits are one code point each, so
converting them does not move anything).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Union

from .langs import EN_MONTHS, LAO_MONTHS
from .normalize import lao_to_arabic

_D = r"(?P<d>\d{1,2})"
_M = r"(?P<m>\d{1,2})"
_Y = r"(?P<y>\d{4})"
_LM = "(?P<lm>" + "|".join(sorted(LAO_MONTHS, key=len, reverse=True)) + ")"
_EM = r"(?P<em>" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_NOT_BEFORE = r"(?<![\d/.\-])"
_NOT_AFTER = r"(?![\d/]|[.\-]\d)"


def _rx(p: str) -> re.Pattern:
    return re.compile(p, re.I)


# (precision, pattern); tried in this order, and a later pattern never overlaps an earlier match.
_DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    # --- day, month and year ---
    ("day", _rx(rf"ngày\s+{_D}\s+tháng\s+{_M}\s*,?\s*năm\s+{_Y}")),
    ("day", _rx(rf"ວັນທີ\s*{_D}\s*ເດືອນ\s*(?:{_LM}|{_M})\s*,?\s*(?:ປີ\s*)?{_Y}")),
    ("day", _rx(rf"{_NOT_BEFORE}{_D}\s*{_LM}\s*,?\s*(?:ປີ\s*)?{_Y}")),
    ("day", _rx(rf"\b{_D}{_ORD}\s+(?:of\s+)?{_EM}\s*,?\s+{_Y}\b")),
    ("day", _rx(rf"\b{_EM}\s+{_D}{_ORD}\s*,?\s+{_Y}\b")),
    ("day", _rx(rf"{_NOT_BEFORE}{_Y}-(?P<m>\d{{2}})-(?P<d>\d{{2}}){_NOT_AFTER}")),
    ("day", _rx(rf"{_NOT_BEFORE}{_D}\s*[/.\-]\s*{_M}\s*[/.\-]\s*{_Y}(?!\d)")),
    # --- month and year ---
    ("month", _rx(rf"tháng\s+{_M}\s*(?:[/\-]\s*|,?\s*năm\s+){_Y}(?!\d)")),
    ("month", _rx(rf"ເດືອນ\s*(?:{_LM}\s*,?\s*(?:ປີ\s*)?|{_M}\s*(?:[/\-]\s*|,?\s*ປີ\s*)){_Y}(?!\d)")),
    ("month", _rx(rf"\b{_EM}\s*,?\s+(?:of\s+)?{_Y}\b")),
    ("month", _rx(rf"{_NOT_BEFORE}{_M}\s*/\s*{_Y}(?![\d/])")),
    # --- day and month, the year taken from the document ---
    ("daymonth", _rx(rf"ngày\s+{_D}\s+tháng\s+{_M}(?!\d)")),
    ("daymonth", _rx(rf"ວັນທີ\s*{_D}\s*ເດືອນ\s*(?:{_LM}|{_M}(?!\d))")),
    ("daymonth", _rx(rf"\b{_D}{_ORD}\s+(?:of\s+)?{_EM}(?![a-z])")),
    ("daymonth", _rx(rf"\b{_EM}\s+{_D}{_ORD}(?![\d:])")),
    # a bare "22/11" only where the text marks it as a date ("(22/11)", "ngày 22/11", "on 22/11")
    ("daymonth", _rx(rf"(?:(?<=\()|(?<=ngày\s)|(?<=ວັນທີ\s)|(?<=ວັນທີ)|(?<=\bon\s)|(?<=\bdated\s))"
                     rf"{_D}\s*/\s*{_M}(?![\d/])")),
    # --- year ---
    ("year", _rx(rf"(?<![\w])năm\s+{_Y}(?!\d)")),
    ("year", _rx(rf"ປີ\s*{_Y}(?!\d)")),
    ("year", _rx(rf"\b(?:in|since|from|by|until|till|before|after|during|of|year|early|late|mid-?|around|"
                 rf"between|as of)\s+{_Y}\b(?!\s*[-–—]\s*\d)")),
]

_TODAY = _rx(r"\bhôm\s+nay\b|\btoday\b|ມື້ນີ້|ວັນນີ້")
_VAGUE = _rx(
    r"\bvừa\s+qua\b|\bmới\s+đây\b|\bgần\s+đây\b|\bvừa\s+rồi\b|\brecently\b|\blately\b|\bnot\s+long\s+ago\b|"
    r"ຜ່ານມາບໍ່ດົນ|ບໍ່ດົນມານີ້|ມໍ່ໆມານີ້|ຫວ່າງມໍ່ໆມານີ້"
)
_PERIOD = _rx(
    r"(?<![\d/.\-])(?P<y1>\d{4})\s*(?:[-–—]|\s(?:đến|tới|to|until|through|ຫາ|ເຖິງ)\s+(?:năm\s+|ປີ\s*)?)\s*(?P<y2>\d{4})(?![\d/])"
)
_PERIOD_CUE_BEFORE = _rx(r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|ໄລຍະ(?:\s*ປີ)?|period\s+(?:of\s+)?|"
                         r"period\s+from)\s*(?:the\s+)?$")
_PERIOD_CUE_AFTER = _rx(r"^\s*(?:period|programme|program|term|plan)\b")
_DATE_ARG = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True)
class DateMention:
    """One date (or period) as written in a text, with its span and what it resolves to."""

    start: int
    end: int
    text: str
    year: int
    month: Optional[int] = None
    day: Optional[int] = None
    approximate: bool = False  # a vague word ("Vừa qua") dated by its document
    relative: bool = False  # "Hôm nay", "Vừa qua": dated by the document, not written out
    inherited: bool = False  # the year (or the whole date) comes from the document's date
    kind: str = "date"  # "date" or "period"
    end_year: Optional[int] = None  # last year of a period
    cue: bool = False  # a period named as such ("giai đoạn", "period", "ໄລຍະ")

    @property
    def precision(self) -> str:
        if self.kind == "period":
            return "period"
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; a period is 'YYYY/YYYY'."""
        if self.kind == "period":
            return f"{self.year}/{self.end_year}"
        return iso_date(self.year, self.month, self.day)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.kind == "period":
            return dt.date(self.end_year or self.year, 12, 31)
        return last_day(self.year, self.month, self.day)

    def display(self) -> str:
        """dd/mm/yyyy, mm/yyyy or yyyy (or yyyy-yyyy for a period)."""
        if self.kind == "period":
            return f"{self.year}-{self.end_year}"
        return format_date(self.year, self.month, self.day)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


def iso_date(year: int, month: Optional[int] = None, day: Optional[int] = None) -> str:
    if day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def format_date(year: int, month: Optional[int] = None, day: Optional[int] = None) -> str:
    """22/11/2022, 12/2015 or 1998."""
    if day:
        return f"{day:02d}/{month:02d}/{year:04d}"
    if month:
        return f"{month:02d}/{year:04d}"
    return f"{year:04d}"


def parse_iso(value: str) -> Optional[tuple[int, Optional[int], Optional[int]]]:
    """'2022-11-22' -> (2022, 11, 22); '2015-12' -> (2015, 12, None); '' or junk -> None."""
    m = _DATE_ARG.match(value or "")
    if not m:
        return None
    y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    return y, mo or None, d or None


def format_iso(value: str) -> str:
    """'2022-11-22' -> '22/11/2022'; '2015-12' -> '12/2015'; anything else unchanged."""
    p = parse_iso(value)
    return format_date(*p) if p else value


def date_bounds(value: str) -> tuple[int, int]:
    """The days a partial ISO date covers, as YYYYMMDD integers (for store filters):
    '2022' -> (20220101, 20221231); '2022-11' -> (20221101, 20221130); '' or junk -> (0, 0)."""
    p = parse_iso(value)
    if not p:
        return 0, 0
    try:
        first = dt.date(p[0], p[1] or 1, p[2] or 1)
        last = last_day(*p)
    except ValueError:
        return 0, 0
    return int(first.strftime("%Y%m%d")), int(last.strftime("%Y%m%d"))


def last_day(year: int, month: Optional[int] = None, day: Optional[int] = None) -> dt.date:
    if day:
        return dt.date(year, month, day)
    if month:
        return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, 12, 31)


DateArg = Union[str, dt.date, None]


def parse_date_arg(value: DateArg, end: bool = False, what: str = "date") -> Optional[dt.date]:
    """A YYYY[-MM[-DD]] argument as a date: the first day of what it names, or the last if ``end``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    p = parse_iso(str(value))
    if not p:
        raise ValueError(f"{what} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = p
    try:
        if mo is not None and not 1 <= mo <= 12:
            raise ValueError
        return last_day(y, mo, d) if end else dt.date(y, mo or 1, d or 1)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a real date") from None


def _valid(y: Optional[int], m: Optional[int], d: Optional[int]) -> bool:
    if y is not None and not 1900 <= y <= 2100:
        return False
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if not 1 <= d <= 31:
            return False
        try:
            dt.date(y or 2000, m or 1, d)
        except ValueError:
            return False
    return True


def _month(m: re.Match) -> Optional[int]:
    g = m.groupdict()
    if g.get("lm"):
        return LAO_MONTHS[g["lm"]]
    if g.get("em"):
        return EN_MONTHS[g["em"].lower().rstrip(".")]
    return int(g["m"]) if g.get("m") else None


def _overlaps(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in taken)


def find_periods(text: str) -> list[DateMention]:
    """Year ranges ("giai đoạn 2016-2020", "2022-2025 period", "ໄລຍະປີ 2016-2020", "2020-2022")."""
    t = lao_to_arabic(text)
    out = []
    for m in _PERIOD.finditer(t):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if not (1900 <= y1 < y2 <= 2100 and y2 - y1 <= 30):
            continue
        before = t[max(0, m.start() - 24) : m.start()]
        after = t[m.end() : m.end() + 16]
        cue = bool(_PERIOD_CUE_BEFORE.search(before) or _PERIOD_CUE_AFTER.search(after))
        out.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], y1, kind="period", end_year=y2, cue=cue))
    return out


def find_dates(text: str, doc_date: Optional[str] = None, relative: bool = True) -> list[DateMention]:
    """Every date mention of ``text``, in text order; periods are not dates (see ``find_periods``).

    ``doc_date`` ('YYYY[-MM[-DD]]') gives a day-month date its year and dates "Hôm nay" and
    "Vừa qua"; without it those are left out. ``relative=False`` leaves out the relative words.
    """
    return list(_find_dates(text, doc_date, relative))


@lru_cache(maxsize=50_000)
def _find_dates(text: str, doc_date: Optional[str], relative: bool) -> tuple[DateMention, ...]:
    t = lao_to_arabic(text)
    doc = parse_iso(doc_date) if doc_date else None
    taken: list[tuple[int, int]] = [(p.start, p.end) for p in find_periods(text)]
    out: list[DateMention] = []
    for precision, rx in _DATE_PATTERNS:
        for m in rx.finditer(t):
            a, b = m.start(), m.end()
            if _overlaps(a, b, taken):
                continue
            g = m.groupdict()
            month = _month(m) if precision != "year" else None
            day = int(g["d"]) if g.get("d") and precision in ("day", "daymonth") else None
            inherited = False
            if precision == "daymonth":
                if not doc:
                    continue
                year, inherited = doc[0], True
            else:
                year = int(g["y"])
            if not _valid(year, month, day):
                continue
            taken.append((a, b))
            out.append(DateMention(a, b, text[a:b], year, month, day, inherited=inherited))
    if relative and doc:
        y, mo, d = doc
        for rx, approx in ((_TODAY, False), (_VAGUE, True)):
            for m in rx.finditer(t):
                if not _overlaps(m.start(), m.end(), taken):
                    taken.append((m.start(), m.end()))
                    out.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], y, mo, d,
                                           approximate=approx, relative=True, inherited=True))
    return tuple(sorted(out, key=lambda x: x.start))


def first_explicit(mentions: list[DateMention]) -> Optional[DateMention]:
    """The first date written out (not relative), else the first relative one, else None."""
    explicit = [m for m in mentions if not m.relative]
    if explicit:
        return explicit[0]
    return mentions[0] if mentions else None


def shift(m: DateMention, offset: int) -> DateMention:
    """The same mention with its span moved by ``offset`` (text offsets -> document offsets)."""
    return replace(m, start=m.start + offset, end=m.end + offset)


# --- parts of a year and ranges of days ---------------------------------------------------------
_YP_Y = r"(\d{4})(?!\d)"
_YEAR_PARTS: list[tuple[str, re.Pattern]] = [
    # the first / second half: "6 tháng đầu năm 2024", "nửa cuối năm 2024", "H1 2024", "first half of 2024",
    # "6 ເດືອນຕົ້ນປີ 2024", "ເຄິ່ງປີທຳອິດ ປີ 2024"
    ("h1", _rx(rf"(?:6|sáu)\s+tháng\s+đầu\s+(?:năm\s+)?{_YP_Y}|nửa\s+đầu\s+(?:năm\s+)?{_YP_Y}|"
               rf"\b(?:H1|1H)\s*[/-]?\s*{_YP_Y}|\bfirst\s+(?:half|six\s+months)\s+(?:of\s+)?(?:the\s+year\s+)?{_YP_Y}|"
               rf"6\s*ເດືອນ\s*(?:ຕົ້ນ|ທຳອິດ\s*(?:ຂອງ)?)\s*ປີ\s*{_YP_Y}|ເຄິ່ງ\s*ປີ\s*(?:ທຳອິດ|ຕົ້ນ|ແລກ)\s*(?:ຂອງ\s*)?(?:ປີ\s*)?{_YP_Y}")),
    ("h2", _rx(rf"(?:6|sáu)\s+tháng\s+cuối\s+(?:năm\s+)?{_YP_Y}|nửa\s+cuối\s+(?:năm\s+)?{_YP_Y}|"
               rf"\b(?:H2|2H)\s*[/-]?\s*{_YP_Y}|\b(?:second\s+half|last\s+six\s+months)\s+(?:of\s+)?(?:the\s+year\s+)?{_YP_Y}|"
               rf"6\s*ເດືອນ\s*(?:ທ້າຍ|ສຸດທ້າຍ\s*(?:ຂອງ)?)\s*ປີ\s*{_YP_Y}|ເຄິ່ງ\s*ປີ\s*(?:ຫຼັງ|ຫລັງ|ທ້າຍ)\s*(?:ຂອງ\s*)?(?:ປີ\s*)?{_YP_Y}")),
    # the middle: "giữa năm 2025", "mid-2025", "the middle of 2025", "ກາງປີ 2025"
    ("mid", _rx(rf"giữa\s+năm\s+{_YP_Y}|\bmid[-\s]?(?:year\s+)?{_YP_Y}|\b(?:the\s+)?middle\s+of\s+{_YP_Y}|"
                rf"ກາງ\s*ປີ\s*{_YP_Y}")),
    # the start and the end: "đầu năm 2024", "early 2024", "the beginning of 2024", "ຕົ້ນປີ 2024";
    # "cuối năm 2023", "late 2023", "the end of 2023", "ທ້າຍປີ 2023"
    ("early", _rx(rf"đầu\s+năm\s+{_YP_Y}|\bearly\s+(?:in\s+)?{_YP_Y}|\b(?:the\s+)?(?:beginning|start)\s+of\s+{_YP_Y}|"
                  rf"ຕົ້ນ\s*ປີ\s*{_YP_Y}")),
    ("late", _rx(rf"cuối\s+năm\s+{_YP_Y}|\blate\s+(?:in\s+)?{_YP_Y}|\b(?:the\s+)?end\s+of\s+(?:the\s+year\s+)?{_YP_Y}|"
                 rf"ທ້າຍ\s*ປີ\s*{_YP_Y}")),
]
_PART_MONTHS = {"h1": (1, 6), "h2": (7, 12), "mid": (6, 6), "early": (1, 3), "late": (10, 12)}


@dataclass(frozen=True)
class YearPart:
    """A part of a year as written ("6 tháng đầu năm 2024", "H1 2024", "mid-2025", "ທ້າຍປີ 2023").

    ``part``: h1, h2 (halves), mid, early, late; ``first_month``/``last_month`` the months it covers
    (the middle of a year is its sixth month)."""

    start: int
    end: int
    text: str
    year: int
    part: str
    first_month: int
    last_month: int

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    def last_day(self) -> dt.date:
        return last_day(self.year, self.last_month)


def find_year_parts(text: str) -> list[YearPart]:
    """Halves, the middle, the start and the end of a year, in text order (Lao digits read in place)."""
    t = lao_to_arabic(text)
    out: list[YearPart] = []
    taken: list[tuple[int, int]] = []
    for part, rx in _YEAR_PARTS:
        for m in rx.finditer(t):
            if _overlaps(m.start(), m.end(), taken):
                continue
            year = int(next(g for g in m.groups() if g))
            if not 1900 <= year <= 2100:
                continue
            taken.append((m.start(), m.end()))
            a, b = _PART_MONTHS[part]
            out.append(YearPart(m.start(), m.end(), text[m.start() : m.end()], year, part, a, b))
    return sorted(out, key=lambda p: p.start)


# A part of a year named with a number that is not a count, with or without its year: "6 tháng đầu năm",
# "quý 2", "the first six months", "Q3", "ໄຕມາດທີ 2", "6 ເດືອນຕົ້ນປີ"
_PART_PHRASE = _rx(r"(?:\d{1,2}|sáu|ba|chín)\s+tháng\s+(?:đầu|cuối)\b|\bquý\s+(?:[1-4]|IV|I{1,3})\b|"
                   r"\b(?:first|last|past|final)\s+(?:\d{1,2}|two|three|six|nine)\s+months\b|\bQ[1-4]\b|"
                   r"\b(?:first|second|third|fourth)\s+quarter\b|"
                   r"\d{1,2}\s*ເດືອນ\s*(?:ຕົ້ນ|ທ້າຍ|ທຳອິດ|ສຸດທ້າຍ|ຫຼັງ|ຫລັງ|ແລກ)|ໄຕມາດ\s*(?:ທີ\s*)?\d")


def year_part_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the parts of a year a text names with a number that counts nothing ("6 tháng đầu năm 2024",
    "quý 2", "first six months", "ໄຕມາດທີ 2"): its numbers are not figures an answer must hold."""
    t = lao_to_arabic(text)
    return [(p.start, p.end) for p in find_year_parts(text)] + [m.span() for m in _PART_PHRASE.finditer(t)]


@dataclass(frozen=True)
class DayRange:
    """Days from ``first`` to ``last`` (ISO), as written: "18-19/6/2024", "30/7 - 2/8/2024",
    "từ ngày 6 đến ngày 10/11/2023", "5-7 August 2024", "August 5-7, 2024", "ແຕ່ວັນທີ 5 ຫາ 7 ສິງຫາ 2024",
    "5/9/1962 - 5/9/2024". ``start``/``end`` span the whole range in the text."""

    start: int
    end: int
    text: str
    first: str
    last: str

    def first_day(self) -> dt.date:
        return dt.date.fromisoformat(self.first)

    def last_day(self) -> dt.date:
        return dt.date.fromisoformat(self.last)


_TO = r"(?:[-–—]|\bđến\b|\btới\b|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bvà\b|\band\b|ຫາ|ເຖິງ|ແລະ)"
_RANGE_FROM = _rx(rf"(?<![\d/.])(?P<d>\d{{1,2}})(?:\s*[/.]\s*(?P<m>\d{{1,2}}))?(?:\s+{_EM}|\s*{_LM})?\s*{_TO}\s*"
                  rf"(?:ngày\s*|ວັນທີ\s*|the\s+)?$")
_RANGE_GAP = _rx(rf"^\s*{_TO}\s*(?:ngày\s*|ວັນທີ\s*|the\s+)?$")
_D_D_M_Y = _rx(rf"(?<![\d/.])(?P<d0>\d{{1,2}})\s*[-–]\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})\s*/\s*{_Y}(?!\d)")
_DM_DM_Y = _rx(rf"(?<![\d/.])(?P<d0>\d{{1,2}})\s*/\s*(?P<m0>\d{{1,2}})\s*[-–]\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
               rf"\s*/\s*{_Y}(?!\d)")
_EM_D_D_Y = _rx(rf"\b{_EM}\s+(?P<d0>\d{{1,2}}){_ORD}\s*[-–]\s*(?P<d>\d{{1,2}}){_ORD}\s*,?\s+{_Y}\b")


def _day(y: int, m: Optional[int], d: Optional[int]) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d) if m and d else None
    except ValueError:
        return None


def find_ranges(text: str, doc_date: Optional[str] = None) -> list[DayRange]:
    """Ranges of days in text order; the first day takes the month and year of the last where it has none."""
    t = lao_to_arabic(text)
    out: list[DayRange] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, first: Optional[dt.date], last: Optional[dt.date]) -> None:
        if first and last and first < last and not _overlaps(a, b, taken):
            taken.append((a, b))
            out.append(DayRange(a, b, text[a:b], first.isoformat(), last.isoformat()))

    for rx in (_DM_DM_Y, _D_D_M_Y, _EM_D_D_Y):
        for m in rx.finditer(t):
            g = m.groupdict()
            y, mo = int(g["y"]), _month(m)
            mo0 = int(g["m0"]) if g.get("m0") else mo
            add(m.start(), m.end(), _day(y, mo0, int(g["d0"])), _day(y, mo, int(g["d"])))
    days = [m for m in find_dates(text, doc_date, relative=False) if m.day]
    for i, m in enumerate(days):
        prev = days[i - 1] if i else None
        if prev is not None and m.start - prev.end <= 16 and _RANGE_GAP.match(t[prev.end : m.start]):
            add(prev.start, m.end, prev.first_day(), m.first_day())  # "5/9/1962 - 5/9/2024", "từ 1/7 đến 15/7/2024"
            continue
        head = _RANGE_FROM.search(t[max(0, m.start - 40) : m.start])
        if head:
            g = head.groupdict()
            mo0 = int(g["m"]) if g.get("m") else (_month(head) if (g.get("em") or g.get("lm")) else m.month)
            add(m.start - (len(t[max(0, m.start - 40) : m.start]) - head.start()), m.end,
                _day(m.year, mo0, int(g["d"])), m.first_day())
    return sorted(out, key=lambda r: r.start)
