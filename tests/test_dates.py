"""Dates and periods as the record writes them (pure functions, no store)."""
from __future__ import annotations

import datetime as dt

import pytest

from rag.text.dates import (
    find_dates,
    find_periods,
    find_ranges,
    find_year_parts,
    first_explicit,
    format_date,
    format_iso,
    lao_to_arabic,
    parse_date_arg,
)

DOC = "2022-11-22"


def one(text: str, doc_date: str | None = DOC):
    found = [m for m in find_dates(text, doc_date) if not m.relative]
    assert len(found) == 1, (text, found)
    m = found[0]
    assert text[m.start : m.end] == m.text  # the span is exact, so a citation can point at it
    return m


@pytest.mark.parametrize(
    "text, iso, shown",
    [
        # Vietnamese, as the seed article writes them
        ("Đến tháng 12/2015, tại kỳ họp Ủy ban Liên Chính phủ", "2015-12", "12/2015"),
        ("Tháng 8/2022, tại Quảng Nam, BHXH Việt Nam", "2022-08", "08/2022"),
        ("Từ năm 1998 tới nay, BHXH Việt Nam đã thiết lập", "1998", "1998"),
        ("Lễ ký diễn ra ngày 22 tháng 11 năm 2022 tại Viêng Chăn.", "2022-11-22", "22/11/2022"),
        ("ký ngày 05/03/2023 tại Hà Nội", "2023-03-05", "05/03/2023"),
        ("vào tháng 12 năm 2015", "2015-12", "12/2015"),
        # Lao, with Arabic and with Lao digits, month numbers and month names
        ("ຮອດເດືອນ 12/2015, ທີ່ກອງປະຊຸມຄັ້ງທີ 38", "2015-12", "12/2015"),
        ("ເດືອນ ໘/໒໐໒໒, ທີ່ແຂວງກວາງນາມ", "2022-08", "08/2022"),
        ("ນັບແຕ່ປີ ໑໙໙໘ ມາຮອດປັດຈຸບັນ", "1998", "1998"),
        ("ວັນທີ ໒໒ ເດືອນພະຈິກ ປີ ໒໐໒໒, ທີ່ ສປປ ລາວ", "2022-11-22", "22/11/2022"),
        ("ວັນທີ 15 ເດືອນມີນາ ປີ 2023", "2023-03-15", "15/03/2023"),
        ("ວັນທີ ໑໕ ເດືອນ ໓ ປີ ໒໐໒໓", "2023-03-15", "15/03/2023"),
        ("ເດືອນທັນວາ ປີ 2015", "2015-12", "12/2015"),
        ("ວັນທີ ໒໒/໑໑/໒໐໒໒", "2022-11-22", "22/11/2022"),
        # English
        ("signed on 22 November 2022 in Vientiane", "2022-11-22", "22/11/2022"),
        ("signed on November 22, 2022 in Vientiane", "2022-11-22", "22/11/2022"),
        ("In December 2015, at the 38th session", "2015-12", "12/2015"),
        ("Since 1998, Vietnam Social Security has established relations", "1998", "1998"),
    ],
)
def test_date_forms(text, iso, shown):
    m = one(text)
    assert m.iso == iso
    assert m.display() == shown
    assert not m.approximate


def test_lao_digits_keep_offsets():
    text = "ວັນທີ ໑໕ ເດືອນມີນາ ປີ ໒໐໒໓, ຄະນະຜູ້ແທນ"
    assert len(lao_to_arabic(text)) == len(text)
    m = one(text)
    assert m.text == "ວັນທີ ໑໕ ເດືອນມີນາ ປີ ໒໐໒໓"  # the span is the Lao text as written
    assert (m.year, m.month, m.day) == (2023, 3, 15)


@pytest.mark.parametrize(
    "text, doc_date, iso",
    [
        ("Hôm nay (22/11), tại Lào, BHXH Việt Nam", "2022-11", "2022-11-22"),
        ("ມື້ນີ້ (22/11), ທີ່ ສປປ ລາວ", "2022-11-22", "2022-11-22"),
        ("ມື້ນີ້ (໒໒/໑໑), ທີ່ ສປປ ລາວ", "2022-11-22", "2022-11-22"),
        ("Today (22/11), in Laos", "2022-11-22", "2022-11-22"),
        ("ວັນທີ ໒໒ ເດືອນພະຈິກ, ຄະນະຜູ້ແທນ", "2022-11-30", "2022-11-22"),
        ("ngày 22 tháng 11, hai bên đã ký", "2022", "2022-11-22"),
        ("on 3 March the delegation arrived", "2023-03-10", "2023-03-03"),
    ],
)
def test_day_and_month_take_the_documents_year(text, doc_date, iso):
    m = one(text, doc_date)
    assert m.iso == iso
    assert m.inherited
    assert m.precision == "day"


def test_day_and_month_without_a_document_date_is_not_guessed():
    assert [m for m in find_dates("Hôm nay (22/11), tại Lào", None)] == []


@pytest.mark.parametrize("text, word", [
    ("Vừa qua, Đoàn Đại biểu Ủy ban Văn hóa-Xã hội của Quốc hội Lào", "Vừa qua"),
    ("Recently, a delegation of the Culture-Social Committee", "Recently"),
    ("ຜ່ານມາບໍ່ດົນ, ຄະນະຜູ້ແທນຄະນະກຳມະການວັດທະນະທຳ-ສັງຄົມ", "ຜ່ານມາບໍ່ດົນ"),
])
def test_vague_words_take_the_documents_date_marked_approximate(text, word):
    ms = find_dates(text, DOC)
    assert len(ms) == 1
    m = ms[0]
    assert m.text == word and m.approximate and m.relative
    assert m.iso == DOC
    assert find_dates(text, DOC, relative=False) == []


def test_a_written_date_beats_the_relative_word():
    ms = find_dates("Hôm nay (22/11), tại Lào", DOC)
    assert [m.text for m in ms] == ["Hôm nay", "22/11"]
    assert first_explicit(ms).text == "22/11"
    assert first_explicit(find_dates("Vừa qua, đoàn đã thăm", DOC)).approximate


@pytest.mark.parametrize("text", [
    "hai bên đã ký Bản Ghi nhớ hợp tác giai đoạn 2022-2025",  # a period, not a date
    "trong các năm 2020-2022",
    "Kỷ niệm 60 năm Thiết lập quan hệ ngoại giao",
    "Biên bản ghi nhớ với 8 Điều khoản",
    "Hội nghị An sinh thế giới (ASSA 39)",
    "khoảng 1/2 số cán bộ",
    "ngày 32/13/2022",
    "ວັນສ້າງຕັ້ງສາຍພົວພັນທາງການທູດ ຄົບຮອບ 60 ປີ",
])
def test_not_dates(text):
    assert find_dates(text, DOC) == []


def test_periods():
    text = "tổng kết giai đoạn 2016-2020; ký Bản Ghi nhớ hợp tác giai đoạn 2022-2025 và các năm 2020 - 2022"
    ps = find_periods(text)
    assert [(p.year, p.end_year, p.cue) for p in ps] == [(2016, 2020, True), (2022, 2025, True), (2020, 2022, False)]
    assert all(text[p.start : p.end] == p.text for p in ps)
    assert ps[0].display() == "2016-2020" and ps[0].precision == "period"
    assert [(p.year, p.end_year, p.cue) for p in find_periods("ໄລຍະປີ ໒໐໑໖-໒໐໒໐")] == [(2016, 2020, True)]
    assert [p.cue for p in find_periods("for the 2022-2025 period")] == [True]
    assert find_periods("2020-2010") == []  # not a range


def test_formats_and_arguments():
    assert format_date(2022, 11, 22) == "22/11/2022"
    assert format_date(2015, 12) == "12/2015"
    assert format_date(1998) == "1998"
    assert format_iso("2022-11-22") == "22/11/2022"
    assert parse_date_arg("2022") == dt.date(2022, 1, 1)
    assert parse_date_arg("2022", end=True) == dt.date(2022, 12, 31)
    assert parse_date_arg("2024-02", end=True) == dt.date(2024, 2, 29)
    assert parse_date_arg(None) is None
    for bad in ("2015-13", "22/11/2022", "2023-02-30", "soon"):
        with pytest.raises(ValueError):
            parse_date_arg(bad, what="--from")


@pytest.mark.parametrize("text, part, year, months", [
    ("trong 6 tháng đầu năm 2024", "h1", 2024, (1, 6)),
    ("In H1 2024, 27 enterprises registered", "h1", 2024, (1, 6)),
    ("in the first half of 2025", "h1", 2025, (1, 6)),
    ("6 ເດືອນຕົ້ນປີ ໒໐໒໔", "h1", 2024, (1, 6)),
    ("nửa cuối năm 2024", "h2", 2024, (7, 12)),
    ("by mid-2025", "mid", 2025, (6, 6)),
    ("giữa năm 2025", "mid", 2025, (6, 6)),
    ("ກາງປີ 2025", "mid", 2025, (6, 6)),
    ("đầu năm 2024", "early", 2024, (1, 3)),
    ("cuối năm 2023", "late", 2023, (10, 12)),
    ("by the end of 2023", "late", 2023, (10, 12)),
    ("ທ້າຍປີ ໒໐໒໓", "late", 2023, (10, 12)),
])
def test_parts_of_a_year(text, part, year, months):
    (p,) = find_year_parts(text)
    assert (p.part, p.year, (p.first_month, p.last_month)) == (part, year, months)
    assert text[p.start : p.end] == p.text


@pytest.mark.parametrize("text, first, last", [
    ("Hội thảo 18-19/6/2024 tại Luông Pha Bang", "2024-06-18", "2024-06-19"),
    ("từ 30/7 - 2/8/2024", "2024-07-30", "2024-08-02"),
    ("Từ ngày 6 đến ngày 10/11/2023", "2023-11-06", "2023-11-10"),
    ("Trong hai ngày 18 và 19/6/2024", "2024-06-18", "2024-06-19"),
    ("ngày 30 tháng 7 đến ngày 2 tháng 8 năm 2024", "2024-07-30", "2024-08-02"),
    ("from 5 to 7 August 2024", "2024-08-05", "2024-08-07"),
    ("5-7 August 2024", "2024-08-05", "2024-08-07"),
    ("August 5-7, 2024", "2024-08-05", "2024-08-07"),
    ("21–22 May 2024", "2024-05-21", "2024-05-22"),
    ("from 30 July to 2 August 2024", "2024-07-30", "2024-08-02"),
    ("ແຕ່ວັນທີ 5 ຫາ 7 ສິງຫາ 2024", "2024-08-05", "2024-08-07"),
    ("ແຕ່ວັນທີ ໗ ຫາ ວັນທີ ໑໑ ມິຖຸນາ ໒໐໒໑", "2021-06-07", "2021-06-11"),
    ("(5/9/1962 - 5/9/2024)", "1962-09-05", "2024-09-05"),
])
def test_ranges_of_days(text, first, last):
    (r,) = find_ranges(text, "2024-12-01")
    assert (r.first, r.last) == (first, last)
    assert text[r.start : r.end] == r.text


@pytest.mark.parametrize("text", ["có 30 cán bộ - 15/3/2023", "quý III/2023", "giai đoạn 2022-2025"])
def test_not_ranges(text):
    assert find_ranges(text, "2024-12-01") == []
