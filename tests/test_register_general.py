"""General mechanisms of the register, on small documents written for these tests (none of them is a
development or held-out document): what happened on a stated date whatever the verb, agreements named
by any instrument word with their own period and validity, commitments whatever their words, and
follow-up rules that hold in any language. No store: passages are built in memory."""
from __future__ import annotations

import datetime as dt

import pytest

from rag.records import Passage, PassageMeta
from rag.register import agreement_status, build_register, due_span
from rag.register.happened import happenings, kind_at
from rag.register.lexicon import CONCEPTS
from rag.register.meaning import meaning_for
from rag.register.when import find_when
from rag.store.embeddings import get_embedder
from rag.text.i18n import strings


def doc(doc_id: str, date: str, lang: str, paragraphs: list[str], kind: str = "news", title: str = "",
        family: str = "") -> list[Passage]:
    """A document as the store holds it: one passage per paragraph, offsets into the joined text."""
    out, pos = [], 0
    for i, text in enumerate(paragraphs):
        meta = PassageMeta(doc_id=doc_id, family=family or doc_id, title=title or doc_id, date=date, lang=lang,
                           doc_lang=lang, kind=kind, official=not family or family == doc_id, position=i, para=i,
                           start=pos, end=pos + len(text))
        out.append(Passage(f"{doc_id}:{i:04d}:x", text, meta))
        pos += len(text) + 2
    return out


# --- what happened on a stated date ------------------------------------------------------------
@pytest.mark.parametrize("sent, doc_date, iso, end", [
    # any verb: a service centre opened, a delegation travelled, a system went live
    ("On 12 March 2024, LSSO opened a new service centre in Pakse.", "2024-03-20", "2024-03-12", ""),
    ("Ngày 3/4/2024, hai bên đã bàn giao 10 bộ máy tính cho phía Lào.", "2024-04-10", "2024-04-03", ""),
    ("ວັນທີ 5 ມີນາ 2024, ຄະນະຜູ້ແທນ ໄດ້ເດີນທາງໄປ ແຂວງຄຳມ່ວນ.", "2024-03-09", "2024-03-05", ""),
    # a range of days, whatever its form
    ("The study tour took place on August 5-7, 2024 in Huế.", "2024-08-20", "2024-08-05", "2024-08-07"),
    ("Từ ngày 30/7 - 2/8/2024, đoàn đã làm việc tại Đà Nẵng.", "2024-08-20", "2024-07-30", "2024-08-02"),
    # a plan for another date earlier in the sentence does not make the reported date a plan
    ("The course, which was to (will) be held in Hanoi in 2020, took place online from 7 to 11 June 2021.",
     "2021-07-20", "2021-06-07", "2021-06-11"),
    # "today" is the document's date
    ("Today, the two sides held talks on pension reform.", "2025-05-06", "2025-05-06", ""),
])
def test_a_sentence_reporting_a_dated_happening_is_an_event_whatever_its_verb(sent, doc_date, iso, end):
    found = happenings(sent, doc_date)
    assert found, sent
    assert (found[0].iso, found[0].end) == (iso, end)


@pytest.mark.parametrize("sent, doc_date", [
    ("Hội nghị dự kiến tổ chức ngày 20/5/2024 đã bị hoãn.", "2024-06-01"),  # planned, then postponed
    ("Pilot phải hoàn thành trước ngày 30/6/2024.", "2024-07-01"),  # a deadline
    ("The agreement is valid until 31 December 2023.", "2024-02-01"),  # a validity
    ("Vientiane, 3 June 2024", "2024-06-03"),  # the document's own date line
    ("The seminar will be held on 10 October 2025.", "2025-09-01"),  # after the document's date
    ("In H1 2024, 27 enterprises registered 143 workers.", "2024-08-01"),  # a part of a year, not a day
    ("ຂໍ້ຕົກລົງ ມີຜົນສັກສິດ ຈົນຮອດວັນທີ 31/12/2021.", "2022-03-01"),
])
def test_plans_deadlines_validities_and_date_lines_are_not_events(sent, doc_date):
    assert not happenings(sent, doc_date)


def test_the_kind_is_read_from_the_dates_own_clause_else_event():
    s = "Đầu tháng 8/2024, BHXH tỉnh A đã tổ chức giao lưu thể thao với BHXH tỉnh B, chào mừng ngày thiết lập quan hệ."
    assert kind_at(s, 0) == "visit"  # not the anniversary's "establishment" further on
    assert kind_at("On 12 March 2024, LSSO opened a new service centre.", 0) == "event"


# --- agreements ---------------------------------------------------------------------------------
ANNEX = doc("annex-2024", "2024-01-10", "vi", [
    "PHỤ LỤC HỢP TÁC về quản lý quỹ giai đoạn 2024-2026",
    "Căn cứ Biên bản ghi nhớ hợp tác giai đoạn 2022-2025 ký ngày 22/11/2022;",
    "Hôm nay, ngày 10 tháng 1 năm 2024, tại Hà Nội, hai bên thống nhất ký Phụ lục với các nội dung sau.",
    "Phụ lục có hiệu lực kể từ ngày ký đến hết ngày 31/12/2026. Việc gia hạn do hai bên thống nhất.",
], kind="mou", title="Phụ lục hợp tác về quản lý quỹ giai đoạn 2024-2026")
PROTOCOL = doc("protocol-en", "2020-05-04", "en", [
    "The Protocol on data exchange for 2020-2022 was signed in Vientiane on 4 May 2020.",
    "The Protocol shall remain in force for 2 years from the date of signing.",
])


def test_an_instrument_named_by_any_word_with_its_own_period_signing_and_validity():
    reg = build_register(ANNEX + PROTOCOL)
    annex = reg.agreement("agreement:2024-2026")
    assert annex is not None and annex.signed_date == "2024-01-10"  # the dated signing in its own text
    assert annex.valid_until is not None and annex.valid_until.key == "2026-12-31"
    assert agreement_status(annex, dt.date(2027, 1, 15))[0] == "expired"
    # the memorandum it cites as its basis keeps its own facts and gets none of the annex's
    mou = reg.agreement("mou:2022-2025")
    assert mou is not None and mou.signed_date == "2022-11-22" and mou.valid_until is None
    assert not mou.renewal_mentioned
    protocol = reg.agreement("agreement:2020-2022")
    assert protocol.signed_date == "2020-05-04"
    assert protocol.valid_until.key == "2022-05-03"  # "in force for 2 years from the date of signing"
    assert agreement_status(protocol, dt.date(2022, 6, 1)) == ("expired", "expired_on")


def test_an_agreement_cited_by_the_day_it_bears_in_lao_is_signed_that_day():
    lao = doc("lo-report", "2021-07-20", "lo", [
        "ອີງຕາມຂໍ້ຕົກລົງຮ່ວມມື ໄລຍະປີ ໒໐໑໙-໒໐໒໑ ລະຫວ່າງ ສອງອົງການ ລົງວັນທີ ໙/໑໐/໒໐໑໙, ຂໍລາຍງານ ດັ່ງນີ້."])
    ag = build_register(lao).agreement("agreement:2019-2021")
    assert ag is not None and ag.signed_date == "2019-10-09"


# --- commitments and their follow-up ------------------------------------------------------------
PLAN = doc("plan-2025", "2025-01-15", "vi", [
    "Hai bên thống nhất các nội dung sau:",
    "1. BHXH Việt Nam nâng cấp hệ thống máy chủ cho phía Lào trước ngày 30/9/2025.",
    "2. Hai bên tổ chức hội thảo về thu BHXH trong 6 tháng đầu năm 2025.",
    "3. Phía Lào hoàn thiện quy trình cấp sổ giữa năm 2025.",
    "Thỏa thuận có hiệu lực đến hết ngày 31/12/2026.",
    "Hội nghị kỷ niệm 10 năm hợp tác (15/3/2015 - 15/3/2025) diễn ra tại Viêng Chăn.",
], kind="minutes")


def test_any_dated_plan_is_a_commitment_whatever_its_words_due_in_any_date_form():
    reg = build_register(PLAN)
    dues = {c.due for c in reg.commitments}
    assert "2025-09-30" in dues  # no activity term of the lexicon in "nâng cấp hệ thống máy chủ"
    assert "2025-06" in dues  # "6 tháng đầu năm 2025" and "giữa năm 2025": the sixth month
    assert len([c for c in reg.commitments if c.due == "2025-06"]) == 2
    assert "2026-12-31" not in dues  # a validity is not a commitment
    assert "2025-03-15" not in dues  # nor the end of an anniversary's span


def test_follow_up_rules_that_hold_in_any_language():
    made = doc("lo-plan", "2024-08-09", "lo", [
        "ສອງຝ່າຍ ໄດ້ຕົກລົງວ່າ ການແລກປ່ຽນກິລາມິດຕະພາບ ຄັ້ງທີ 2 ຈະຈັດຂຶ້ນ ຢູ່ແຂວງສະຫວັນນະເຂດ ໃນປີ 2026."])
    # a later news item tells the FIRST exchange, held before the commitment was made: not its follow-up
    told = doc("vi-news", "2024-08-12", "vi", [
        "Đầu tháng 8/2024, BHXH tỉnh Quảng Trị đã tổ chức giao lưu thể thao với BHXH tỉnh Xa-van-na-khet."])
    reg = build_register(made + told)
    (c,) = [c for c in reg.commitments if c.due == "2026"]
    assert c.state_on(dt.date(2025, 1, 15)).state == "no_news"
    # a course planned in 2020 and reported held online on stated days in 2021 is done, across languages
    plan = doc("vi-agreement", "2019-10-09", "vi", [
        "Bên Việt Nam tổ chức đào tạo cho 15 cán bộ tại Hà Nội trong năm 2020."])
    report = doc("lo-note", "2021-07-20", "lo", [
        "ຊຸດຝຶກອົບຮົມ ສຳລັບພະນັກງານ ໑໕ ຄົນ ທີ່ກຳນົດຈະຈັດຢູ່ ຮ່າໂນ້ຍ ໃນປີ ໒໐໒໐ ໄດ້ປ່ຽນມາຈັດທາງອອນລາຍ "
        "ແຕ່ວັນທີ ໗ ຫາ ວັນທີ ໑໑ ມິຖຸນາ ໒໐໒໑."])
    (course,) = build_register(plan + report).commitments
    fs = course.state_on(dt.date(2026, 1, 15))
    assert fs.state == "done" and fs.report.doc_id == "lo-note"


def test_a_report_on_another_object_or_on_later_minutes_does_not_close_a_commitment():
    plan = doc("plan", "2021-07-20", "vi", [
        "Mở rộng phần mềm chi trả lương hưu sang 3 tỉnh Chăm-pa-xắc, Khăm Muộn và Xa-van-na-khet trong năm 2022."])
    other = doc("report", "2023-02-01", "vi", [
        "Thu BHXH điện tử đã được mở rộng sang 3 tỉnh Chăm-pa-xắc, Khăm Muộn và Xa-van-na-khet."])
    (c,) = build_register(plan + other).commitments
    assert c.state_on(dt.date(2024, 1, 1)).state == "overdue"  # e-collection is not the pension software
    course = doc("minutes-2019", "2019-05-02", "en", ["VSS will train 15 LSSO staff in Hanoi in 2020."])
    minutes = doc("minutes-2023", "2023-03-15", "en", ["VSS will train 30 LSSO staff in Hanoi in Q3 2023."])
    note = doc("note-2023", "2023-09-12", "en", [
        "Under the minutes of 15/3/2023, this note reports on the course.",
        "The training course was held in Hanoi from 21 to 31 August 2023."])
    reg = build_register(course + minutes + note)
    old = next(c for c in reg.commitments if c.due == "2020")
    assert old.state_on(dt.date(2024, 1, 1)).state == "overdue"  # the note follows up the 2023 minutes
    new = next(c for c in reg.commitments if c.due == "2023-Q3")
    assert new.state_on(dt.date(2024, 1, 1)).state == "done"


def test_matching_by_meaning_needs_a_model_tuned_for_it():
    assert meaning_for(None) is None
    assert meaning_for(get_embedder("toy", 1)) is None  # the fast tier's hashing model: patterns only
    # the register built with it is the pattern register
    a, b = build_register(PLAN), build_register(PLAN, embedder=get_embedder("toy", 1))
    assert [(c.due, c.what) for c in a.commitments] == [(c.due, c.what) for c in b.commitments]
    assert due_span("2025-06")[1] == dt.date(2025, 6, 30)


@pytest.mark.parametrize("text, doc_date, iso", [
    ("Hai bên sẽ ký vào cuối năm nay.", "2025-08-14", "2025"),
    ("dự kiến hoàn thành giữa năm tới", "2025-08-14", "2026-06"),
    ("The two sides will meet next year.", "2025-08-14", "2026"),
    ("ຈະຈັດຂຶ້ນໃນທ້າຍປີນີ້", "2025-08-14", "2025"),
    ("Hai bên sẽ tổ chức hội thảo vào tháng 3.", "2025-08-14", "2026-03"),  # a plan: the next March
    ("The app is planned for Q1.", "2025-08-14", "2026-Q1"),
    ("ຈະສຳເລັດໃນໄຕມາດທີ 4", "2025-08-14", "2025-Q4"),
    ("in September the agency will open", "2025-08-14", "2025-09"),
    ("6 tháng đầu năm 2024", "2024-08-01", "2024-06"),  # a half-year: its last month
    ("by mid-2025", "2024-08-01", "2025-06"),
    ("in the third quarter of 2024", "2024-03-01", "2024-Q3"),
    ("ພາຍໃນປີ ໒໐໒໔", "2024-03-01", "2024"),
    ("ເດືອນ ກໍລະກົດ ໒໐໒໑", "2021-01-01", "2021-07"),
])
def test_due_dates_in_every_form_including_those_named_from_the_documents_date(text, doc_date, iso):
    whens = find_when(text, doc_date)
    assert [w.iso for w in whens] == [iso], whens


@pytest.mark.parametrize("text", ["6 tháng qua", "trong 6 tháng", "you may see"])
def test_durations_and_words_are_not_due_dates(text):
    assert find_when(text, "2025-08-14") == []


def test_an_extension_reported_by_the_places_it_reached_is_in_progress_with_its_new_date():
    plan = doc("lo-note", "2021-07-20", "lo", [
        "໕. ແຜນການຕໍ່ໜ້າ: ຂະຫຍາຍການນຳໃຊ້ໂປຣແກຣມ ໄປ ໓ ແຂວງ ຄື: ແຂວງສະຫວັນນະເຂດ, ແຂວງຄຳມ່ວນ ແລະ ແຂວງຈຳປາສັກ "
        "ພາຍໃນປີ ໒໐໒໒."])
    # written in Vietnamese four years later, with no word for "extend": the places say it; "hiện" is now
    news = doc("vi-news", "2025-08-14", "vi", [
        "Phần mềm quản lý chi trả lương hưu, vận hành chính thức từ ngày 5 tháng 7 năm 2021, hiện đã được sử dụng "
        "tại Thủ đô Viêng Chăn và tỉnh Xa-van-na-khet; tỉnh Khăm Muộn và tỉnh Chăm-pa-xắc dự kiến hoàn thành "
        "trong năm 2026."])
    (c,) = build_register(plan + news).commitments
    fs = c.state_on(dt.date(2026, 1, 15))
    assert (fs.state, fs.due, fs.report.doc_id) == ("in_progress", "2026", "vi-news")


def test_validity_to_a_year_and_a_renewal_with_its_new_end():
    en = doc("en-news", "2023-05-10", "en", [
        "On 9 May 2023 in Hanoi, the two agencies signed a Memorandum of Cooperation on health insurance for 2023-2025.",
        "The memorandum is valid until the end of 2025."])
    ag = build_register(en).agreement("mou:2023-2025")
    assert ag.signed_date == "2023-05-09" and ag.valid_until.key == "2025-12-31"
    renewed = doc("vi-news", "2025-11-20", "vi", [
        "Hai bên đã thống nhất gia hạn Bản ghi nhớ hợp tác về bảo hiểm y tế giai đoạn 2023-2025 đến hết năm 2027."])
    ag = build_register(en + renewed).agreement("mou:2023-2025")
    assert agreement_status(ag, dt.date(2026, 1, 15)) == ("in_force", "valid_until")
    assert ag.valid_until.key == "2027-12-31" and ag.valid_until.doc_id == "vi-news"


def test_a_later_plan_of_the_same_kind_for_another_time_is_another_commitment():
    # a signing planned for one quarter, and a later news item planning a signing (another memorandum) for
    # another quarter without saying the first one moved: two commitments, each with its own date
    minutes = doc("minutes", "2024-11-14", "vi", [
        "Hai bên thống nhất dự kiến ký Bản ghi nhớ hợp tác trong quý II/2025 tại Thủ đô Viêng Chăn."])
    news = doc("news", "2025-09-18", "vi", [
        "Hai bên thống nhất sẽ ký Biên bản ghi nhớ hợp tác giai đoạn 2026-2030 vào quý IV/2025 tại Thủ đô Viêng Chăn."])
    reg = build_register(minutes + news)
    assert sorted(c.due for c in reg.commitments) == ["2025-Q2", "2025-Q4"]
    assert {c.state_on(dt.date(2026, 1, 15)).state for c in reg.commitments} == {"overdue"}
    # two courses of the same year and place for different numbers of people ("officials", "cán bộ") are two
    en = doc("en-report", "2023-10-27", "en", [
        "VSS will organise a training course for 24 officials in Hanoi in 2024."])
    vi = doc("vi-plan", "2024-01-10", "vi", [
        "Bên Việt Nam sẽ tổ chức tập huấn cho 20 cán bộ phía Lào tại Hà Nội trong quý III/2024."])
    assert len(build_register(en + vi).commitments) == 2


def test_in_use_in_some_of_the_places_and_expected_in_the_others_is_in_progress():
    plan = doc("lo-note", "2021-07-20", "lo", [
        "ແຜນການ: ຂະຫຍາຍການນຳໃຊ້ໂປຣແກຣມ ໄປ ແຂວງສະຫວັນນະເຂດ, ແຂວງຄຳມ່ວນ ແລະ ແຂວງຈຳປາສັກ ພາຍໃນປີ 2022."])
    for lang, text in [
        ("vi", "Hiện phần mềm đã được sử dụng tại tỉnh Xa-van-na-khet; việc mở rộng sang tỉnh Khăm Muộn và tỉnh "
               "Chăm-pa-xắc dự kiến hoàn thành trong năm 2026."),
        ("en", "The software is now in use in Savannakhet; the extension to Khammouane and Champasak is expected "
               "to be completed in 2026."),
    ]:
        (c,) = build_register(plan + doc(f"{lang}-news", "2025-08-14", lang, [text])).commitments
        fs = c.state_on(dt.date(2026, 1, 15))
        assert (fs.state, fs.due, fs.report.doc_id) == ("in_progress", "2026", f"{lang}-news"), lang


def test_a_report_in_another_language_is_matched_by_a_city_of_the_shared_name_table():
    plan = doc("vi-minutes", "2024-11-20", "vi", [
        "Hai bên thống nhất tổ chức hội thảo tại thành phố Pắc-xế trong quý II/2025."])
    report = doc("lo-news", "2025-06-02", "lo", [
        "ວັນທີ 28 ພຶດສະພາ 2025, ກອງປະຊຸມສຳມະນາ ໄດ້ຈັດຂຶ້ນທີ່ ນະຄອນປາກເຊ."])
    (c,) = build_register(plan + report).commitments
    fs = c.state_on(dt.date(2026, 1, 15))
    assert (fs.state, fs.report.doc_id) == ("done", "lo-news")


def test_done_is_cited_to_the_report_that_matches_the_commitment_best():
    plan = doc("minutes", "2023-03-15", "en", [
        "VSS will train 30 LSSO staff on digital transformation in Hanoi in Q3 2023."])
    vague = doc("news", "2023-08-01", "en", ["A training course was completed in Hanoi."])
    note = doc("note", "2023-09-12", "en", [
        "The training course on digital transformation for 30 LSSO staff was completed in Hanoi on 31 August 2023."])
    (c,) = build_register(plan + vague + note).commitments
    assert {f.doc_id for f in c.followups} == {"news", "note"}  # both speak of a course held in Hanoi
    fs = c.state_on(dt.date(2024, 1, 15))
    assert (fs.state, fs.report.doc_id) == ("done", "note")


def test_equipment_handed_over_is_matched_by_its_count_and_place_in_any_language():
    plan = doc("vi-minutes", "2023-11-20", "vi", [
        "BHXH Việt Nam sẽ hỗ trợ 12 bộ máy tính cho văn phòng BHXH tỉnh Bô-ly-khăm-xay trong năm 2024."])
    for lang, text in [
        ("lo", "ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ມອບຄອມພິວເຕີ 12 ເຄື່ອງ ໃຫ້ແກ່ ຫ້ອງການປະກັນສັງຄົມ ແຂວງບໍລິຄຳໄຊ."),
        ("en", "VSS handed over 12 computers to the Bolikhamxay social security office."),
    ]:
        (c,) = build_register(plan + doc(f"{lang}-news", "2024-12-05", lang, [text])).commitments
        fs = c.state_on(dt.date(2025, 1, 15))
        assert (fs.state, fs.report.doc_id) == ("done", f"{lang}-news"), lang
    # the same number of other things at the same place is not it
    staff = doc("lo-rep", "2024-12-05", "lo", ["ພະນັກງານ 12 ຄົນ ຂອງແຂວງບໍລິຄຳໄຊ ໄດ້ສຳເລັດການຝຶກອົບຮົມ."])
    (c,) = [c for c in build_register(plan + staff).commitments if c.doc_id == "vi-minutes"]
    assert c.state_on(dt.date(2025, 1, 15)).state == "overdue"
    # the same place and count for another object is not it
    software = doc("en-news", "2024-12-05", "en", [
        "The pension software was installed in 12 district offices of Bolikhamxay."])
    (c,) = build_register(plan + software).commitments
    assert c.state_on(dt.date(2025, 1, 15)).state == "overdue"


def test_expected_to_be_completed_is_a_plan_and_delivery_verbs_report_done():
    plan = doc("vi-plan", "2024-01-10", "vi", [
        "Hai bên sẽ phối hợp xây dựng trang thông tin điện tử song ngữ tại Viêng Chăn, hoàn thành trong năm 2024."])
    ahead = doc("en-news", "2024-06-01", "en", ["The bilingual website is expected to be completed by the end of 2024."])
    (c,) = build_register(plan + ahead).commitments
    assert c.state_on(dt.date(2025, 1, 15)).state != "done"
    handed = doc("lo-note", "2024-11-20", "lo", ["ເວັບໄຊສອງພາສາ ໄດ້ຕິດຕັ້ງ ຢູ່ນະຄອນຫຼວງວຽງຈັນ."])
    (c,) = build_register(plan + handed).commitments
    assert c.state_on(dt.date(2025, 1, 15)).state == "done"


@pytest.mark.parametrize("lang, text", [
    ("en", "The bilingual website for the Vientiane office has not been completed because of staff changes."),
    ("en", "The bilingual website for the Vientiane office has yet to be completed."),
    ("vi", "Trang thông tin điện tử song ngữ cho văn phòng Viêng Chăn chưa được hoàn thành do thay đổi nhân sự."),
])
def test_a_report_that_it_was_not_done_leaves_the_commitment_overdue(lang, text):
    plan = doc("en-plan", "2023-01-10", "en", [
        "VSS and LSSO will build a bilingual website for the Vientiane office by the end of 2023."])
    (c,) = build_register(plan + doc("later", "2024-03-01", lang, [text])).commitments
    assert c.followups  # it speaks of the website
    assert c.state_on(dt.date(2024, 6, 1)).state == "overdue"


def test_every_activity_term_has_a_label_in_each_language():
    for key in CONCEPTS:
        entry = strings().get(f"concept_{key}")
        assert entry and all(entry.get(lang) for lang in ("vi", "lo", "en")), key


def test_a_hotline_promised_in_vietnamese_is_reported_opened_in_lao():
    plan = doc("vi-minutes", "2024-06-01", "vi", [
        "BHXH Việt Nam sẽ hỗ trợ phía Lào thiết lập tổng đài hỗ trợ người tham gia tại Viêng Chăn trong năm 2025."])
    news = doc("lo-news", "2025-10-01", "lo", ["ສາຍດ່ວນ ສຳລັບຜູ້ປະກັນຕົນ ໄດ້ເປີດນຳໃຊ້ ຢູ່ນະຄອນຫຼວງວຽງຈັນ ແລ້ວ."])
    (c,) = build_register(plan + news).commitments
    fs = c.state_on(dt.date(2026, 1, 15))
    assert (fs.state, fs.report.doc_id) == ("done", "lo-news")


def test_being_developed_is_in_progress_with_the_date_it_gives():
    plan = doc("en-minutes", "2023-11-24", "en", ["LSSO will develop a mobile app for insured persons by the end of 2025."])
    news = doc("en-news", "2025-04-10", "en", [
        "The mobile app for insured persons is being developed and will be completed in Q1 2026."])
    (c,) = build_register(plan + news).commitments
    fs = c.state_on(dt.date(2025, 12, 1))
    assert (fs.state, fs.due, fs.report.doc_id) == ("in_progress", "2026-Q1", "en-news")


def test_the_same_item_restated_a_little_later_in_the_year_stays_one_commitment():
    minutes = doc("minutes", "2023-03-15", "vi", [
        "BHXH Việt Nam tổ chức khóa tập huấn về chuyển đổi số cho 30 cán bộ của Cơ quan BHXH quốc gia Lào tại Hà Nội "
        "trong quý III/2023."])
    same = doc("plan", "2023-06-01", "vi", [
        "Theo kế hoạch, khóa tập huấn về chuyển đổi số cho 30 cán bộ của Cơ quan BHXH quốc gia Lào sẽ được tổ chức "
        "tại Hà Nội trong tháng 10/2023."])
    other = doc("plan2", "2023-06-01", "vi", [
        "Theo kế hoạch, BHXH Việt Nam sẽ tổ chức tập huấn về quản lý quỹ cho 20 cán bộ tại Hà Nội trong tháng 10/2023."])
    (c,) = build_register(minutes + same).commitments
    assert [s.doc_id for s in c.also] == ["plan"]
    assert sorted(c.due for c in build_register(minutes + other).commitments) == ["2023-10", "2023-Q3"]


def test_a_signing_of_an_agreement_of_another_period_does_not_close_the_commitment():
    plan = doc("vi-news", "2025-09-18", "vi", [
        "Hai bên thống nhất sẽ ký Biên bản ghi nhớ hợp tác giai đoạn 2026-2030 vào quý IV/2025 tại Viêng Chăn."])
    other = doc("vi-later", "2025-12-20", "vi", [
        "Ngày 15/12/2025, tại Viêng Chăn, hai bên đã ký Biên bản ghi nhớ hợp tác về quản lý quỹ giai đoạn 2024-2026."])
    same = doc("en-later", "2025-12-20", "en", [
        "On 15 December 2025 in Vientiane, the two sides signed the memorandum of understanding for 2026-2030."])
    (c,) = build_register(plan + other).commitments
    assert c.state_on(dt.date(2026, 1, 15)).state == "overdue"
    (c,) = build_register(plan + same).commitments
    assert c.state_on(dt.date(2026, 1, 15)).state == "done"


def test_a_restatement_within_a_deadline_is_the_same_commitment():
    minutes = doc("minutes", "2023-03-15", "en", [
        "LSSO will send the draft Social Insurance Law to VSS for comments before 31 March 2024."])
    plan = doc("plan", "2023-06-01", "vi", [
        "Cơ quan BHXH quốc gia Lào sẽ gửi dự thảo Luật BHXH sửa đổi cho BHXH Việt Nam để góp ý trong tháng 12/2023."])
    (c,) = build_register(minutes + plan).commitments
    assert (c.due, [s.doc_id for s in c.also]) == ("2024-03-31", ["plan"])


def test_lao_terms_are_read_in_either_spelling():
    plan = doc("vi-minutes", "2023-03-15", "vi", [
        "Cơ quan BHXH quốc gia Lào gửi BHXH Việt Nam dự thảo Luật BHXH sửa đổi để góp ý trước ngày 30/9/2023."])
    for spelling in ("ກົດໝາຍ", "ກົດຫມາຍ"):
        note = doc("lo-note", "2023-10-02", "lo", [
            f"ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ໄດ້ສົ່ງຮ່າງ{spelling}ວ່າດ້ວຍປະກັນສັງຄົມ ໃຫ້ປະກັນສັງຄົມຫວຽດນາມ ແລ້ວ."])
        (c,) = build_register(plan + note).commitments
        assert c.state_on(dt.date(2024, 1, 15)).state == "done", spelling


def test_the_same_activity_with_another_party_is_not_its_follow_up():
    plan = doc("en-minutes", "2024-03-01", "en", [
        "VSS will organise a training course on health insurance for the Ministry of Health in Hanoi in Q3 2024."])
    other = doc("en-news", "2024-09-20", "en", [
        "A training course on health insurance for the ILO was held in Hanoi on 10 September 2024."])
    same = doc("en-news2", "2024-09-20", "en", [
        "A training course on health insurance for the Ministry of Health was held in Hanoi on 10 September 2024."])
    (c,) = build_register(plan + other).commitments
    assert c.state_on(dt.date(2025, 1, 15)).state == "overdue"
    (c,) = build_register(plan + same).commitments
    assert c.state_on(dt.date(2025, 1, 15)).state == "done"


def test_a_commitment_in_a_linked_translation_is_shown_in_each_language():
    # the linker may make either version the family's original: the other is still its wording in that language
    lo = doc("lo-news", "2024-06-19", "lo", [
        "ສອງຝ່າຍ ຕົກລົງວ່າ ຈະຈັດກອງປະຊຸມສຳມະນາຄັ້ງຕໍ່ໄປ ຢູ່ຫວຽດນາມ ໃນປີ 2026."])
    vi = doc("vi-news", "2024-06-19", "vi", [
        "Hai bên cũng thống nhất sẽ tổ chức hội thảo tiếp theo tại Việt Nam vào năm 2026."], family="lo-news")
    (c,) = build_register(lo + vi).commitments
    assert c.doc_id == "lo-news" and c.span_in("vi").doc_id == "vi-news"


@pytest.mark.parametrize("plan, report", [
    # a translation ("bản dịch") done in the passive with its agent
    (("en", "2023-10-27", "LSSO will complete the translation of the VSS inspection manual into Lao by mid-2024."),
     ("vi", "2024-08-01", "Bản dịch sổ tay thanh tra sang tiếng Lào đã được Cơ quan BHXH quốc gia Lào hoàn thành "
                          "trong tháng 5/2024.")),
    # matched by its words within one language (no activity term): its completion is read from the same words
    (("vi", "2023-06-01", "Hai bên sẽ lập danh mục hồ sơ người hưởng tại Viêng Chăn, hoàn thành trong năm 2024."),
     ("vi", "2024-12-20", "Việc lập danh mục hồ sơ người hưởng tại Viêng Chăn đã hoàn thành.")),
    # experts asked for in a month, reported at work there that month
    (("lo", "2024-03-01", "ສະເໜີໃຫ້ປະກັນສັງຄົມຫວຽດນາມ ສົ່ງຊ່ຽວຊານ 3 ທ່ານ ມາຊ່ວຍພັດທະນາແອັບພລິເຄຊັນມືຖື ໃນເດືອນ ກັນຍາ 2024."),
     ("en", "2024-10-20", "Three VSS experts worked in Vientiane in September 2024 to help LSSO develop its mobile app.")),
])
def test_done_reported_in_other_words(plan, report):
    made = doc("plan", plan[1], plan[0], [plan[2]])
    (c,) = build_register(made + doc("report", report[1], report[0], [report[2]])).commitments
    fs = c.state_on(dt.date(2025, 1, 15))
    assert (fs.state, fs.report.doc_id if fs.report else None) == ("done", "report")


def test_the_same_course_held_in_another_place_is_not_its_follow_up():
    plan = doc("en-minutes", "2025-03-01", "en", ["VSS will train 30 LSSO staff in Savannakhet in Q3 2025."])
    elsewhere = doc("en-news", "2025-09-20", "en", [
        "A training course for 30 LSSO staff was held in Luang Prabang on 10 September 2025."])
    there = doc("lo-news", "2025-09-20", "lo", [
        "ຊຸດຝຶກອົບຮົມ ສຳລັບພະນັກງານ 30 ຄົນ ໄດ້ຈັດຂຶ້ນ ຢູ່ແຂວງສະຫວັນນະເຂດ ໃນວັນທີ 10 ກັນຍາ 2025."])
    (c,) = build_register(plan + elsewhere).commitments
    assert c.state_on(dt.date(2026, 1, 15)).state == "overdue"
    (c,) = build_register(plan + there).commitments
    assert c.state_on(dt.date(2026, 1, 15)).state == "done"


def test_funds_granted_for_a_course_do_not_report_it_held():
    plan = doc("vi-plan", "2024-01-10", "vi", ["Bên Việt Nam sẽ tổ chức tập huấn cho 20 cán bộ tại Hà Nội trong quý III/2024."])
    funds = doc("vi-later", "2024-05-02", "vi", ["Bộ Tài chính đã cấp kinh phí cho khóa tập huấn 20 cán bộ tại Hà Nội."])
    (c,) = [c for c in build_register(plan + funds).commitments if c.doc_id == "vi-plan"]
    assert c.followups and c.state_on(dt.date(2025, 1, 15)).state == "overdue"
