"""Counts and amounts as facts: the number, what it counts, its scale and currency, per language.

:func:`find_quantities` reads "30 cán bộ", "ພະນັກງານ ໓໐ ຄົນ", "12 members", "850 triệu đồng",
"VND 380 million", "38,5 tỷ kíp", "1.200 ລ້ານກີບ", "40%": the value (Lao digits read, the
language's thousands and decimal separators understood), the unit of :data:`rag.text.names.TERMS`
that follows (or, in Lao, that precedes) it, the scale and the currency. Numbers that are part of
a date, a period or a quarter are not quantities.

:func:`say_quantity` writes one for a reader of another language from the vocabulary table
("850 triệu đồng" -> "850 ລ້ານດົ່ງ", "VND 380 million" -> "380 triệu đồng"), and
:func:`say_number` a number with that language's separators ("1.240" <-> "1,240").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from .dates import find_periods
from .names import TERMS, Found
from .normalize import lao_to_arabic
from .when import find_when

_NUMBER = re.compile(r"(?<![\d/.,\-–])(\d{1,3}(?:[.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)(?![\d/]|[.,]\d|\s*/\s*\d)")
_LIST_MARK = re.compile(r"(?:^|\n)\s*$")
_ORDINAL_BEFORE = re.compile(r"(?:thứ|lần|số|STT|No\.?|ທີ|ຄັ້ງທີ|#)\s*$", re.I)
_AGE_OR_SECTION = re.compile(r"^\s*[.)]\s")
# "Điều 3", "Article 3", "ມາດຕາ 3": the number of a part of a text, never a count
_PART_BEFORE = re.compile(r"(?:\bĐiều|\bKhoản|\bChương|\bArticle|\bSection|\bChapter|\bClause|ມາດຕາ|ໝວດ)\s*$", re.I)
# A word that may stand between a count and its unit in English ("3 pilot provinces", "5 new officers"): these
# only, not any word ("12 IT officers" of a course on IT is not a count of what an IT question asks).
_BETWEEN = re.compile(r"\s+(?:pilot|new|additional|more|further|other|selected|participating)\b", re.I)


@dataclass(frozen=True)
class Quantity:
    """A number in a text with what it counts: ``unit``, ``scale``, ``currency`` are TERMS keys ('' if none)."""

    start: int
    end: int
    text: str  # the whole expression as written ("850 triệu đồng")
    number: str  # the number as written ("850", "38,5", "໓໐")
    value: float
    unit: str = ""
    scale: str = ""
    currency: str = ""
    percent: bool = False
    ordinal: bool = False  # "lần thứ 38", "ຄັ້ງທີ 38"

    @property
    def is_amount(self) -> bool:
        return bool(self.currency or self.scale)


def parse_number(raw: str, lang: str = "") -> float:
    """'1.240' (vi, lo) = 1240, '1,240' (en) = 1240, '38,5' = 38.5, '38.5' = 38.5; Lao digits read."""
    s = lao_to_arabic(raw).strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) and lang != "en":
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s) and (lang == "en" or "," in s and len(s.split(",")[-1]) == 3
                                                    and lang != "vi"):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s) and lang == "vi" and len(s.split(",")) > 2:
        return float(s.replace(",", ""))
    return float(s.replace(",", "."))


def say_number(value: float, lang: str) -> str:
    """A number written for ``lang``: 1240 -> '1.240' (vi, lo) or '1,240' (en); 38.5 -> '38,5' / '38.5'."""
    whole = abs(value - round(value)) < 1e-9
    if whole:
        body = f"{int(round(value)):,}"
        return body.replace(",", ".") if lang in ("vi", "lo") else body
    body = f"{value:,.6f}".rstrip("0").rstrip(".")
    if lang in ("vi", "lo"):
        return body.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return body


def _excluded_spans(text: str, doc_date: Optional[str]) -> list[tuple[int, int]]:
    return [(w.start, w.end) for w in find_when(text, doc_date, relative=False)] + \
        [(p.start, p.end) for p in find_periods(text)]


def _as_currency(f: Found) -> Found:
    """"dong" without tone marks after an amount ("300 million dong") is the currency, not "đóng" (to
    contribute), which it folds to."""
    return replace(f, key="vnd", kind="currency") if f.kind == "thing" and f.text.lower() == "dong" else f


def find_quantities(text: str, lang: str = "", doc_date: Optional[str] = None) -> list[Quantity]:
    """Every count or amount in ``text`` (not dates, periods, quarters or list numbers), in text order."""
    plain = lao_to_arabic(text)
    skip = _excluded_spans(text, doc_date)
    skip += [m.span() for m in re.finditer(r"(?<![\d.,:/])\d{1,2}:\d{2}(?![\d:/])", plain)]  # a clock time, "8:00"
    out = []
    for m in _NUMBER.finditer(plain):
        a, b = m.start(), m.end()
        if any(a < y and x < b for x, y in skip):
            continue
        if _LIST_MARK.search(plain[:a]) and _AGE_OR_SECTION.match(plain[b:]):
            continue  # "1. ", "2) " opening a list item
        if plain[b : b + 3].strip().startswith("|") or plain[max(0, a - 2) : a].strip().endswith("|") and \
                plain[b : b + 3].strip().startswith("|"):
            continue
        label = re.search(r"\b([A-Z]{2,})[\s-]*$", plain[max(0, a - 10) : a])
        if label and not TERMS.keys(label.group(1), kinds=("currency",)):
            continue  # a label ("ASSA 39", "COVID-19"), not a count
        if _PART_BEFORE.search(plain[max(0, a - 12) : a]):
            continue
        value = parse_number(m.group(), lang)
        ordinal = bool(_ORDINAL_BEFORE.search(plain[max(0, a - 12) : a]))
        start, end = a, b
        percent = plain[b : b + 2].strip().startswith("%")
        unit = scale = currency = ""
        if percent:
            end = plain.index("%", b) + 1
            unit = "percent"
        else:
            between = _BETWEEN.match(text, b)
            pos = between.end() if between and TERMS.find(text[between.end() : between.end() + 30],
                                                           kinds=("unit",)) else b
            after = [_as_currency(f) for f in TERMS.find(text[pos : pos + 40], kinds=("unit", "scale", "currency", "thing"))]
            after = [replace(f, start=f.start + pos - b, end=f.end + pos - b) for f in after]
            for f in after:
                if text[pos : b + f.start].strip(" ,"):
                    break
                if f.kind == "thing":
                    break
                if f.kind == "scale" and not scale and not unit:
                    scale = f.key
                elif f.kind == "currency" and not currency:
                    currency = f.key
                elif f.kind == "unit" and not unit and not scale and not currency:
                    unit = f.key
                else:
                    break
                pos = end = b + f.end
            before = TERMS.find(text[max(0, a - 12) : a], kinds=("currency",))
            if before and not text[max(0, a - 12) + before[-1].end : a].strip():
                currency = currency or before[-1].key
                start = max(0, a - 12) + before[-1].start
            if not unit and not scale and not currency and re.search(r"[\u0e80-\u0eff]", text[max(0, a - 30) : a]):
                lead = TERMS.find(text[max(0, a - 30) : a], kinds=("unit",))  # Lao: "ພະນັກງານ ໓໐ ຄົນ"
                if lead and not text[max(0, a - 30) + lead[-1].end : a].strip():
                    unit = lead[-1].key
        out.append(Quantity(start, end, text[start:end], text[a:b], value, unit, scale, currency, percent, ordinal))
    return out


def unit_word(unit: str, lang: str) -> str:
    """The word for a unit key in ``lang`` ('' when the unit is unknown)."""
    return TERMS.name(unit, lang) if unit and unit in TERMS else ""


def say_quantity(q: Quantity, lang: str, unit_text: str = "") -> str:
    """``q`` written for ``lang``; ``unit_text`` (the asker's own word for the unit) wins over the table's."""
    num = say_number(q.value, lang)
    if q.percent:
        return f"{num}%"
    if q.is_amount:
        scale = TERMS.name(q.scale, lang) if q.scale else ""
        cur = TERMS.name(q.currency, lang) if q.currency else ""
        if lang == "en":
            if q.currency in ("vnd", "usd"):
                return " ".join(x for x in (cur, num, scale) if x)
            return " ".join(x for x in (num, scale, cur) if x)
        if lang == "lo":
            return f"{num} {scale}{cur}".strip()
        return " ".join(x for x in (num, scale, cur) if x)
    unit = unit_text or unit_word(q.unit, lang)
    return f"{num} {unit}".strip()
