"""Time expressions as facts: days, day ranges, months, quarters, years, year ends, with qualifiers.

:func:`find_when` reads every time expression of a text (Vietnamese, Lao with Lao or Arabic
digits, English) on top of :func:`rag.text.dates.find_dates`: day ranges ("18 và 19/6/2024",
"ວັນທີ ໒໑ ຫາ ວັນທີ ໓໑ ເດືອນ ສິງຫາ ໒໐໒໓", "20–24 May 2024"), quarters ("quý IV/2025",
"ໄຕມາດທີ 4 ປີ 2025", "Q4 2025", "the fourth quarter of 2025"), year ends ("cuối năm 2025",
"ທ້າຍປີ 2025", "the end of 2025") and bare years. Each :class:`When` knows the days it covers
and the word before it that qualifies it (``before`` a deadline, ``until`` an expiry, ``from``).

:func:`say_when` writes one in a language from the strings table ("ngày 22/11/2022",
"ວັນທີ 22/11/2022", "22 November 2022"; "quý IV/2025", "ໄຕມາດທີ 4 ປີ 2025", "Q4 2025").
Year ranges ("2022-2025") are periods, read by :func:`rag.text.dates.find_periods`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from .dates import DateMention, find_dates, find_periods, last_day, parse_iso
from .i18n import t
from .langs import EN_MONTH_NAMES, EN_MONTHS, LAO_MONTHS
from .normalize import lao_to_arabic

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
ROMAN_OF = {v: k for k, v in ROMAN.items()}
_ORDINAL_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_LM = "(?:" + "|".join(sorted(LAO_MONTHS, key=len, reverse=True)) + ")"
_EM = "(?:" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?"
_DASH = r"[-–—]"

_RANGES = [  # day ranges: (pattern, groups) — d1, d2, month (number or name), year
    re.compile(rf"(?:từ\s+)?ngày\s+(?P<d1>\d{{1,2}})(?:/(?P<m1>\d{{1,2}}))?\s*(?:đến|tới|{_DASH})\s*(?:ngày\s+)?"
               rf"(?P<d2>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})\s*/\s*(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?<![\d/])(?P<d1>\d{{1,2}})\s*(?:và|{_DASH}|đến|ແລະ|ຫາ)\s*(?P<d2>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
               rf"\s*/\s*(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?:ແຕ່)?ວັນທີ\s*(?P<d1>\d{{1,2}})\s*(?:ຫາ|ເຖິງ|ແລະ|{_DASH})\s*(?:ວັນທີ\s*)?(?P<d2>\d{{1,2}})\s*"
               rf"(?:(?:ເດືອນ\s*)?(?P<lm>{_LM})|ເດືອນ\s*(?P<m>\d{{1,2}})|/\s*(?P<m2>\d{{1,2}})\s*/)\s*,?\s*(?:ປີ\s*)?(?P<y>\d{{4}})"),
    re.compile(rf"(?:from\s+)?(?<![\d/])(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:{_DASH}|to|and|until)\s*(?P<d2>\d{{1,2}})"
               rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<em>{_EM})\s*,?\s+(?P<y>\d{{4}})", re.I),
]
_QUARTERS = [
    re.compile(r"quý\s+(?P<q>IV|III|II|I|[1-4])\s*(?:/|,?\s*năm\s+|\s)\s*(?P<y>\d{4})", re.I),
    re.compile(r"ໄຕມາດ\s*(?:ທີ\s*)?(?P<q>[1-4])\s*(?:/|,?\s*(?:ປີ\s*)?)\s*(?P<y>\d{4})"),
    re.compile(r"\bQ(?P<q>[1-4])\s*(?:/|-|,|\s)?\s*(?P<y>\d{4})\b"),
    re.compile(r"\b(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?P<y>\d{4})\b",
               re.I),
]
_YEAR_END = re.compile(r"(?:cuối|hết)\s+năm\s+(?P<y>\d{4})|ທ້າຍປີ\s*(?P<y2>\d{4})|"
                       r"\b(?:the\s+)?(?:end|close)\s+of\s+(?P<y3>\d{4})\b|\blate\s+(?P<y4>\d{4})\b", re.I)
_BARE_YEAR = re.compile(r"(?<![\d/.,\-–])(?:19|20)\d{2}(?![\d/\-–]|[.,]\d)")
_QUALIFIERS = [
    ("before", re.compile(r"(?:trước|chậm\s+nhất|hạn)\s+(?:ngày\s+|tháng\s+|quý\s+|năm\s+)?$|"
                          r"\b(?:by|before|no\s+later\s+than|due|(?:due\s+to\s+)?end(?:s|ing)?\s+on)\s+(?:the\s+)?(?:on\s+)?$|ກ່ອນ\s*(?:ວັນທີ\s*|ເດືອນ\s*)?$",
                          re.I)),
    ("until", re.compile(r"(?:đến\s+hết|tới\s+hết|cho\s+đến|(?<=\w\s)đến|(?<=\w\s)tới|hết)\s+(?:ngày\s+)?$|"
                         r"\b(?:until|till|through|valid\s+to)\s+$|"
                         r"(?:ຮອດ|ເຖິງ|ຈົນຮອດ)\s*(?:ວັນທີ\s*)?$", re.I)),
    ("from", re.compile(r"(?:từ|kể\s+từ|bắt\s+đầu\s+từ)\s+(?:ngày\s+|tháng\s+|năm\s+)?$|\b(?:from|since|starting)\s+$|"
                        r"(?:ແຕ່|ນັບແຕ່|ເລີ່ມແຕ່)\s*(?:ວັນທີ\s*|ເດືອນ\s*|ປີ\s*)?$", re.I)),
]


@dataclass(frozen=True)
class When:
    """A time expression: its span in the text, the days it covers, how precise it is.

    ``precision`` is day, range (of days), month, quarter, end (of a year) or year;
    ``qualifier`` is the word before it that makes it a deadline (before), an end (until) or a
    start (from); ``inherited`` when the year (or the whole date) comes from the document's date.
    """

    start: int
    end: int
    text: str
    precision: str
    year: int
    month: Optional[int] = None
    day: Optional[int] = None
    quarter: Optional[int] = None
    day_from: Optional[int] = None  # first day of a range
    month_from: Optional[int] = None
    qualifier: str = ""
    approximate: bool = False
    relative: bool = False
    inherited: bool = False

    @property
    def first(self) -> dt.date:
        if self.precision == "range":
            return dt.date(self.year, self.month_from or self.month, self.day_from)
        if self.precision == "quarter":
            return dt.date(self.year, 3 * self.quarter - 2, 1)
        if self.precision == "end":
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        if self.precision == "quarter":
            return last_day(self.year, 3 * self.quarter)
        if self.precision in ("range", "day"):
            return dt.date(self.year, self.month, self.day)
        if self.precision == "end":
            return dt.date(self.year, 12, 31)
        return last_day(self.year, self.month, None)

    @property
    def iso(self) -> str:
        """'2022-11-22', '2015-12', '2025-Q4', '2025', '2023-08-21/2023-08-31'."""
        if self.precision == "range":
            return f"{self.first.isoformat()}/{self.last.isoformat()}"
        if self.precision == "quarter":
            return f"{self.year}-Q{self.quarter}"
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def covers(self, other: When) -> bool:
        """True when ``other``'s days fall within this expression's days (or overlap them)."""
        return not (other.last < self.first or other.first > self.last)

    def numbers(self) -> set[str]:
        """The numbers a reader would see in it (to compare a model's sentence with its source)."""
        out = {str(self.year)}
        for v in (self.month, self.day, self.day_from, self.quarter):
            if v:
                out.add(str(v))
        return out


def _qualifier(text: str, at: int) -> str:
    before = text[max(0, at - 24) : at]
    for name, rx in _QUALIFIERS:
        if rx.search(before):
            return name
    return ""


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return 1900 <= y <= 2100
    except ValueError:
        return False


def _overlaps(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in taken)


def _month_of(g: dict) -> Optional[int]:
    if g.get("lm"):
        return LAO_MONTHS[g["lm"]]
    if g.get("em"):
        return EN_MONTHS[g["em"].lower().rstrip(".")]
    for k in ("m", "m2"):
        if g.get(k):
            return int(g[k])
    return None


_CUE_IN_MATCH = {"from": "from", "since": "from", "by": "before", "before": "before", "until": "until", "till": "until"}


def _from_mention(m: DateMention, text: str) -> When:
    precision = "day" if m.day else "month" if m.month else "year"
    cue = _CUE_IN_MATCH.get(m.text.split()[0].lower(), "") if m.text.split() else ""
    return When(m.start, m.end, m.text, precision, m.year, m.month, m.day, qualifier=cue or _qualifier(text, m.start),
                approximate=m.approximate, relative=m.relative, inherited=m.inherited)


def find_when(text: str, doc_date: Optional[str] = None, relative: bool = True) -> list[When]:
    """Every time expression of ``text`` in text order (periods excluded); ``doc_date`` dates
    "Hôm nay" and gives "22/11" its year."""
    plain = lao_to_arabic(text)
    taken: list[tuple[int, int]] = [(p.start, p.end) for p in find_periods(text)]
    out: list[When] = []

    def add(w: When) -> None:
        taken.append((w.start, w.end))
        out.append(w)

    for rx in _RANGES:
        for m in rx.finditer(plain):
            if _overlaps(m.start(), m.end(), taken):
                continue
            g = m.groupdict()
            y, mo, d1, d2 = int(g["y"]), _month_of(g), int(g["d1"]), int(g["d2"])
            m1 = int(g["m1"]) if g.get("m1") else mo
            if mo is None or not (_valid_day(y, m1, d1) and _valid_day(y, mo, d2)) or (m1, d1) >= (mo, d2):
                continue
            add(When(m.start(), m.end(), text[m.start() : m.end()], "range", y, mo, d2, day_from=d1, month_from=m1,
                     qualifier=_qualifier(plain, m.start())))
    for rx in _QUARTERS:
        for m in rx.finditer(plain):
            if _overlaps(m.start(), m.end(), taken):
                continue
            g = m.groupdict()
            q = g.get("q")
            quarter = ROMAN[q.upper()] if q and q.upper() in ROMAN else int(q) if q else _ORDINAL_EN[g["qw"].lower()]
            add(When(m.start(), m.end(), text[m.start() : m.end()], "quarter", int(g["y"]), quarter=quarter,
                     qualifier=_qualifier(plain, m.start())))
    for m in _YEAR_END.finditer(plain):
        if not _overlaps(m.start(), m.end(), taken):
            y = int(next(v for v in m.groups() if v))
            add(When(m.start(), m.end(), text[m.start() : m.end()], "end", y, 12, qualifier=_qualifier(plain, m.start())))
    for dm in find_dates(text, doc_date, relative=relative):
        if not _overlaps(dm.start, dm.end, taken):
            add(_from_mention(dm, plain))
    for m in _BARE_YEAR.finditer(plain):
        if not _overlaps(m.start(), m.end(), taken):
            add(When(m.start(), m.end(), m.group(), "year", int(m.group()), qualifier=_qualifier(plain, m.start())))
    return sorted(out, key=lambda w: w.start)


def when_of_iso(value: str) -> Optional[When]:
    """A When for an ISO value ('2022-11-22', '2015-12', '2025-Q4', '2025'), without a span."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value or "")
    if m:
        return When(0, 0, value, "quarter", int(m[1]), quarter=int(m[2]))
    p = parse_iso(value)
    if not p:
        return None
    y, mo, d = p
    return When(0, 0, value, "day" if d else "month" if mo else "year", y, mo, d)


def say_when(w: When, lang: str, qualified: bool = True) -> str:
    """The expression written for a reader of ``lang`` (with its qualifier: "trước ngày 30/6/2024")."""
    month_name = EN_MONTH_NAMES[(w.month or 1) - 1]
    fields = dict(d=w.day, m=w.month, y=w.year, q=w.quarter, qr=ROMAN_OF.get(w.quarter or 0, ""),
                  month=month_name, d1=w.day_from, m1=w.month_from,
                  month1=EN_MONTH_NAMES[(w.month_from or 1) - 1])
    if w.precision == "range":
        key = "when_range" if (w.month_from or w.month) == w.month else "when_range_months"
    else:
        key = f"when_{w.precision}"
    text = t(key, lang, **fields)
    if qualified and w.qualifier in ("before", "until", "from"):
        text = t(f"when_{w.qualifier}", lang, when=text)
    return text


def say_period(first: int, last: int, lang: str) -> str:
    """A year range written for ``lang`` ("giai đoạn 2022-2025", "ໄລຍະປີ 2022-2025", "2022-2025")."""
    return t("when_period", lang, a=first, b=last)
