"""When a commitment is due and when an event ran: quarters, deadlines, day ranges, in vi / lo / en.

:mod:`rag.text.dates` reads days, months and years; commitments are also due in a quarter
("quý III/2023", "Q2 2024", "ໄຕມາດທີ ໔ ປີ ໒໐໒໓"), at the end of a year ("ທ້າຍປີ 2025"), before a
day or a month ("trước ngày 30/6/2024", "trước tháng 12/2024": the end of November), within a
period ("ໃນໄລຍະປີ 2024-2025": its last year), or in a part of a year ("6 tháng đầu năm 2024", "H1 2024",
"by mid-2025", "ກາງປີ 2025": the last month; "đầu năm 2025": its first quarter; "cuối năm 2023": the year). Events run over day ranges ("Từ ngày 6 đến ngày
10/11/2023", "18-19/6/2024", "21–22 May 2024", "ແຕ່ວັນທີ ໒໑ ຫາ ວັນທີ ໓໑ ເດືອນ ສິງຫາ ໒໐໒໓").

ISO forms: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY-Qn', 'YYYY'; :func:`due_span` gives the first and last day.
Offsets are code-point offsets into the text given (Lao digits are read in place).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..text.dates import (
    DateMention,
    DayRange,
    find_dates,
    find_periods,
    find_ranges,
    find_year_parts,
    last_day,
    parse_iso,
)
from ..text.langs import EN_MONTHS, LAO_MONTHS
from ..text.normalize import lao_to_arabic

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTER = [
    re.compile(r"quý\s+(IV|I{1,3}|[1-4])\s*(?:/|[-,]?\s*năm\s+|\s+)\s*(\d{4})(?!\d)", re.I),
    re.compile(r"\bQ([1-4])\s*[/-]?\s*(\d{4})\b", re.I),
    re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(\d{4})\b", re.I),
    re.compile(r"ໄຕມາດ\s*(?:ທີ\s*)?(IV|I{1,3}|[1-4])\s*(?:/|ຂອງ\s*)?\s*(?:ປີ\s*)?(\d{4})(?!\d)", re.I),
]
_YEAR_END = re.compile(r"(?:cuối\s+năm|\bend\s+of\s+(?:the\s+year\s+)?|\blate\s+|ທ້າຍ\s*ປີ\s*)(\d{4})(?!\d)", re.I)
_FOR_YEAR = re.compile(r"\b(?:for|planned\s+in|due\s+in)\s+(\d{4})\b(?!\s*[-–])", re.I)
_PLAN_CUE = re.compile(r"\bsẽ\b|dự\s+kiến|kế\s+hoạch|thống\s+nhất|\bwill\b|\bplan|\bexpected\b|\bagreed\b|"
                       r"(?<!ກິດ)ຈະ|ຄາດວ່າ|ແຜນ|ຕົກລົງ", re.I)
_BEFORE = re.compile(r"(?:trước|\bbefore|\bprior\s+to|ກ່ອນ)\s*$", re.I)
_BY = re.compile(r"(?:trước|chậm\s+nhất|hạn|\bbefore|\bby|\bno\s+later\s+than|\buntil|ກ່ອນ|ພາຍໃນ)\s*(?:ngày\s*|ວັນທີ\s*)?$", re.I)
_IN_PERIOD = re.compile(r"(?:trong\s+(?:giai\s+đoạn\s+|thời\s+gian\s+)?|\bin\s+|\bduring\s+|\bover\s+|ໃນ\s*ໄລຍະ\s*(?:ປີ\s*)?|"
                        r"ໃນ\s*ປີ\s*)$", re.I)


_EM = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_LM = "|".join(sorted(LAO_MONTHS, key=len, reverse=True))
_PART_WORD = {"cuối": "late", "end": "late", "ທ້າຍ": "late", "đầu": "early", "beginning": "early", "start": "early",
              "ຕົ້ນ": "early", "giữa": "mid", "middle": "mid", "ກາງ": "mid", "later": "late", "early": "early"}
# Years, months and quarters named from the document's date: "năm nay", "next year", "ທ້າຍປີນີ້", "tháng tới",
# "tháng 9" / "in September" / "ເດືອນກັນຍາ" (no year), "quý III" / "in Q3" / "ໄຕມາດທີ 3" (no year).
_THIS_YEAR = re.compile(
    r"(?:(?P<p1>cuối|đầu|giữa)\s+)?năm\s+(?P<v1>nay|tới|sau)\b|\bsang\s+năm\b(?P<v2>)|"
    r"(?:\b(?:the\s+)?(?P<p3>end|beginning|start|middle)\s+of\s+)?\b(?P<v3>this|next|the\s+coming)\s+year\b|"
    r"\b(?P<p4>later|early)\s+(?P<v4>this|next)\s+year\b|(?P<p5>ທ້າຍ|ຕົ້ນ|ກາງ)?\s*ປີ\s*(?P<v5>ນີ້|ໜ້າ|ຕໍ່ໄປ)", re.I)
_NEXT_MONTH = re.compile(r"\btháng\s+(?:tới|sau)\b|\bnext\s+month\b|ເດືອນ\s*ໜ້າ", re.I)
_BARE_MONTH = re.compile(rf"(?<![\d\s])(?<!\d\s)\s?\btháng\s+(?P<m>\d{{1,2}})\b(?!\s*(?:[/\-.]\s*\d|,?\s*năm\s+\d))|"
                         rf"\b(?:in|by|before|during|until|from|end\s+of|early|late|mid-?)\s+(?P<em>{_EM})\b(?!\.?\s*,?\s*(?:of\s+)?\d)|"
                         rf"ເດືອນ\s*(?P<lm>{_LM})(?!\s*,?\s*(?:ປີ\s*)?\d)", re.I)
_BARE_QUARTER = re.compile(r"quý\s+(?P<q>IV|I{1,3}|[1-4])\b(?!\s*(?:/|-|,?\s*năm)\s*\d)|"
                           r"\bQ(?P<q2>[1-4])\b(?!\s*[/-]?\s*\d{4})|"
                           r"\b(?P<q3>first|second|third|fourth)\s+quarter\b(?!\s+(?:of\s+)?(?:the\s+year\s+)?\d{4})|"
                           r"ໄຕມາດ\s*(?:ທີ\s*)?(?P<q4>IV|I{1,3}|[1-4])(?!\s*(?:/|ຂອງ)?\s*(?:ປີ\s*)?\d{4})", re.I)


@dataclass(frozen=True)
class When:
    """A due date or a date as written: ISO (day, month, quarter or year), its span, and how it was marked."""

    iso: str
    start: int
    end: int
    text: str
    by: bool = False  # a deadline ("trước", "by", "ກ່ອນ")
    period: bool = False  # the last year of a period ("ໃນໄລຍະປີ 2024-2025")
    relative: bool = False
    range_first: str = ""  # the first day (ISO) when the date ends a range of days ("5/9/1962 - 5/9/2024")
    part: str = ""  # a part of a year: h1, h2, mid, early, late (:func:`rag.text.dates.find_year_parts`)

    def first_day(self) -> dt.date:
        return due_span(self.iso)[0]

    def last_day(self) -> dt.date:
        return due_span(self.iso)[1]


def parse_due(iso: str) -> Optional[tuple[int, Optional[int], Optional[int], Optional[int]]]:
    """'2025-Q4' -> (2025, None, None, 4); '2024-06-30' -> (2024, 6, 30, None); junk -> None."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", iso or "")
    if m:
        return int(m[1]), None, None, int(m[2])
    p = parse_iso(iso or "")
    return (p[0], p[1], p[2], None) if p else None


def due_span(iso: str) -> tuple[dt.date, dt.date]:
    """First and last day of a due date (quarters included); the whole calendar when it is not one."""
    p = parse_due(iso)
    if not p:
        return dt.date.min, dt.date.max
    y, mo, d, q = p
    if q:
        return dt.date(y, 3 * q - 2, 1), last_day(y, 3 * q)
    return dt.date(y, mo or 1, d or 1), last_day(y, mo, d)


def is_deadline(text: str, at: int) -> bool:
    """True when the date at offset ``at`` of ``text`` is a deadline ("trước ngày", "by", "no later than", "ກ່ອນ", "ພາຍໃນ")."""
    return bool(_BY.search(lao_to_arabic(text[max(0, at - 24) : at])))


def due_order(iso: str) -> tuple[dt.date, dt.date]:
    """Sort key: by last day, then first day."""
    a, b = due_span(iso)
    return b, a


def _taken(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def find_when(text: str, doc_date: Optional[str] = None, memo_at: tuple[int, ...] = ()) -> list[When]:
    """Every due date or date of ``text`` in text order: quarters, year ends, deadlines, days, months,
    years, and the last year of a period the text puts something in. ``memo_at``: offsets of
    agreement mentions, whose period names the agreement, not a date."""
    t = lao_to_arabic(text)
    out: list[When] = []
    taken: list[tuple[int, int]] = []

    def by_at(a: int) -> bool:
        return bool(_BY.search(t[max(0, a - 24) : a]))

    for rx in _QUARTER:
        for m in rx.finditer(t):
            q = _ROMAN.get(m[1].upper()) or _ORDINAL.get(m[1].lower())
            out.append(When(f"{m[2]}-Q{q}", m.start(), m.end(), text[m.start() : m.end()], by=by_at(m.start())))
            taken.append((m.start(), m.end()))
    for yp in find_year_parts(text):  # "6 tháng đầu năm 2024", "H1 2024", "by mid-2025": the last month
        if _taken(yp.start, yp.end, taken):
            continue
        if yp.part == "late":
            iso = str(yp.year)  # "cuối năm 2023", "by the end of 2023": the end of the year
        elif yp.part == "early":
            iso = f"{yp.year}-Q1"
        else:
            iso = f"{yp.year}-{yp.last_month:02d}"
        out.append(When(iso, yp.start, yp.end, yp.text, by=True, part=yp.part))
        taken.append((yp.start, yp.end))
    for m in _YEAR_END.finditer(t):
        if not _taken(m.start(), m.end(), taken):
            out.append(When(m[1], m.start(), m.end(), text[m.start() : m.end()], by=True))
            taken.append((m.start(), m.end()))
    for m in _FOR_YEAR.finditer(t):
        if not _taken(m.start(1), m.end(1), taken):
            out.append(When(m[1], m.start(1), m.end(1), m[1]))
            taken.append((m.start(1), m.end(1)))
    for r in find_ranges(text, doc_date):  # "18-19/6/2024", "5/9/1962 - 5/9/2024": the last day
        if not _taken(r.start, r.end, taken):
            out.append(When(r.last, r.start, r.end, r.text, by=by_at(r.start), range_first=r.first))
            taken.append((r.start, r.end))
    for p in find_periods(text):
        if _taken(p.start, p.end, taken):
            continue
        taken.append((p.start, p.end))
        named = any(0 <= p.start - at <= 90 for at in memo_at)
        if not named and _IN_PERIOD.search(t[max(0, p.start - 20) : p.start]):
            out.append(When(str(p.end_year), p.start, p.end, text[p.start : p.end], by=True, period=True))
    for m in find_dates(text, doc_date):
        if _taken(m.start, m.end, taken) or m.approximate:
            continue
        iso, by = m.iso, by_at(m.start)
        if _BEFORE.search(t[max(0, m.start - 12) : m.start]) and m.month and not m.day:
            # "trước tháng 12/2024": done by the end of the month before
            prev = dt.date(m.year, m.month, 1) - dt.timedelta(days=1)
            iso, by = prev.isoformat(), True
        out.append(When(iso, m.start, m.end, m.text, by=by, relative=m.relative))
        taken.append((m.start, m.end))
    if doc_date:
        out += _from_doc_date(text, t, doc_date, taken, by_at)
    return sorted(out, key=lambda w: w.start)


def _from_doc_date(text: str, t: str, doc_date: str, taken: list[tuple[int, int]], by_at) -> list[When]:
    """Years, months and quarters named relative to the document's date ("năm nay", "next year",
    "ທ້າຍປີນີ້", "tháng tới", and a month or quarter written without its year): a plan means the next
    one from the document's date, anything else the document's year."""
    doc = parse_iso(doc_date)
    if not doc:
        return []
    year, month = doc[0], doc[1] or 1
    ahead = bool(_PLAN_CUE.search(t))
    out: list[When] = []

    def add(a: int, b: int, iso: str, by: bool = False, part: str = "") -> None:
        if not _taken(a, b, taken):
            out.append(When(iso, a, b, text[a:b], by=by or by_at(a), part=part))
            taken.append((a, b))

    for m in _THIS_YEAR.finditer(t):
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        word = next((v for k, v in g.items() if k.startswith("v")), "").lower()
        part = _PART_WORD.get(next((v for k, v in g.items() if k.startswith("p")), "").lower(), "")
        y = year + (0 if word in ("nay", "this", "ນີ້") else 1)
        iso = {"early": f"{y}-Q1", "mid": f"{y}-06"}.get(part, str(y))
        add(m.start(), m.end(), iso, by=bool(part) or word in ("nay", "this", "ນີ້"), part=part)
    for m in _NEXT_MONTH.finditer(t):
        nxt = dt.date(year, month, 1) + dt.timedelta(days=31)
        add(m.start(), m.end(), f"{nxt.year:04d}-{nxt.month:02d}")
    for m in _BARE_MONTH.finditer(t):
        g = m.groupdict()
        mo = int(g["m"]) if g.get("m") else EN_MONTHS.get((g.get("em") or "").lower()) or LAO_MONTHS.get(g.get("lm") or "")
        if not mo or not 1 <= mo <= 12 or (g.get("em") or "").lower() == "may":
            continue  # "may" is a verb too often
        y = year + (1 if ahead and mo < month else 0)
        a = m.start() + (len(m.group()) - len(m.group().lstrip()))
        add(a, m.end(), f"{y:04d}-{mo:02d}")
    for m in _BARE_QUARTER.finditer(t):
        g = m.groupdict()
        raw = g.get("q") or g.get("q2") or g.get("q4") or ""
        q = _ROMAN.get(raw.upper()) or _ORDINAL.get((g.get("q3") or "").lower())
        if not q:
            continue
        y = year + (1 if ahead and q < (month - 1) // 3 + 1 else 0)
        add(m.start(), m.end(), f"{y}-Q{q}")
    return out


def day_range(text: str, m: DateMention) -> Optional[tuple[str, str]]:
    """(first day, last day) ISO when a day mention ends a range ("Từ ngày 6 đến ngày 10/11/2023")."""
    if not m.day or m.relative:
        return None
    for r in find_ranges(text, f"{m.year:04d}"):
        if r.start <= m.start and m.end <= r.end and r.last == m.iso:
            return r.first, r.last
    return None


def slash_ranges(text: str) -> list[tuple[int, int, str, str]]:
    """Ranges of days (start, end, first ISO, last ISO), "18-19/6/2024" included (see :func:`day_ranges`)."""
    return [(r.start, r.end, r.first, r.last) for r in find_ranges(text)]


def day_ranges(text: str, doc_date: Optional[str] = None) -> list[DayRange]:
    """Every range of days of ``text`` (:func:`rag.text.dates.find_ranges`)."""
    return find_ranges(text, doc_date)


MONTH_WORDS = tuple(EN_MONTHS) + tuple(LAO_MONTHS)
