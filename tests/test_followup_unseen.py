"""Follow-up mechanisms found with the H4 tune set (eval/holdout/h4), tested on small documents written
for these tests (other provinces, activities and words than H4): an activity called off, a staff note
typed without tone marks, a draft agreement. No store: passages are built in memory."""
from __future__ import annotations

import datetime as dt

from rag.register import FOLLOW_STATES, agreement_status, build_register, status_finding, successor
from rag.register.lexicon import terms
from rag.text.i18n import strings
from tests.test_register_general import doc

AS_OF = dt.date(2026, 1, 15)


def test_a_workshop_called_off_is_cancelled_and_not_an_open_item():
    plan = doc("lo-plan", "2024-02-01", "lo", [
        "ສອງຝ່າຍ ຕົກລົງຈັດ ກອງປະຊຸມສຳມະນາ ກ່ຽວກັບກອງທຶນບຳນານ ຢູ່ແຂວງສາລະວັນ ໃນເດືອນ ຕຸລາ 2024."])
    report = doc("en-report", "2024-12-01", "en", [
        "The seminar on the pension fund planned in Salavan in October 2024 was cancelled; it will not be held."])
    (c,) = build_register(plan + report).commitments
    fs = c.state_on(AS_OF)
    assert fs.state == "cancelled"
    assert fs.report is not None and fs.report.doc_id == "en-report"


def test_a_later_report_that_moves_the_cancelled_activity_revives_it():
    plan = doc("vi-plan", "2024-02-01", "vi", [
        "Hai bên thống nhất tổ chức hội thảo về quỹ hưu trí tại tỉnh Sa-la-van trong tháng 10/2024."])
    off = doc("en-report", "2024-12-01", "en", ["The seminar on the pension fund in Salavan was cancelled."])
    moved = doc("vi-news", "2025-06-01", "vi", [
        "Hội thảo về quỹ hưu trí tại tỉnh Sa-la-van, trước đây bị hủy, được chuyển sang tháng 3/2026."])
    (c,) = build_register(plan + off + moved).commitments
    assert c.state_on(AS_OF).state == "postponed"


def test_a_note_without_tone_marks_is_matched_with_a_report_in_another_language():
    note = doc("vi-note", "2024-05-02", "vi", [
        "Hai ben thong nhat: BHXH tinh Nghe An tang 6 may in cho tinh Xieng Khoang, ban giao trong thang 10/2024."])
    report = doc("en-report", "2024-12-01", "en", [
        "On 15 October 2024, Nghe An handed over 6 printers to Xieng Khouang province."])
    (c,) = build_register(note + report).commitments
    fs = c.state_on(AS_OF)
    assert fs.state == "done" and fs.report.doc_id == "en-report"


def test_an_english_text_is_not_read_as_vietnamese_without_tone_marks():
    # "the" is "thẻ" (card) without its marks: an English sentence must not be about cards
    assert "card" not in terms("The two sides will review the plan in 2025.")
    assert "card" in terms("Hai ben se cap the cho nguoi lao dong trong nam 2025.")


def test_every_follow_up_state_has_a_label_in_each_language():
    for key in FOLLOW_STATES:
        entry = strings().get(f"fu_state_{key}")
        assert entry and all(entry.get(lang) for lang in ("vi", "lo", "en")), key


def test_a_postponement_in_one_sentence_of_a_paragraph_does_not_move_the_next_sentences_item():
    plan = doc("vi-minutes", "2024-03-01", "vi", [
        "1. Hai bên xây dựng phần mềm quản lý hồ sơ tại tỉnh Sa-la-van, hoàn thành trong quý IV/2024.",
        "2. Hai bên ban hành quy chế trao đổi thông tin về lao động tại tỉnh Sa-la-van trong quý II/2025."])
    news = doc("vi-news", "2025-11-01", "vi", [
        "Phần mềm quản lý hồ sơ tại tỉnh Sa-la-van được lùi sang quý III/2026. "
        "Quy chế trao đổi thông tin về lao động đến nay vẫn chưa được ban hành."])
    states = {c.due: c.state_on(AS_OF) for c in build_register(plan + news).commitments}
    assert states["2024-Q4"].state == "postponed" and states["2024-Q4"].due == "2026-Q3"
    assert states["2025-Q2"].state == "overdue"


def test_a_month_a_report_gives_for_an_activity_does_not_make_it_a_report_of_that_months_minutes():
    minutes = doc("vi-minutes", "2023-03-16", "vi", [
        "Hai bên thống nhất: BHXH tỉnh Quảng Bình tập huấn cho 15 cán bộ tỉnh Bô-ly-khăm-xay trong quý IV/2023."])
    other = doc("vi-other", "2025-04-20", "vi", [
        "Hai bên thống nhất tổ chức hội thảo về bảo hiểm thất nghiệp tại Hà Nội trong tháng 12/2025."])
    news = doc("vi-news", "2025-11-20", "vi", [
        "Tại hội nghị, hai bên cho biết đã tập huấn cho cán bộ tỉnh Bô-ly-khăm-xay, "
        "và đã đón đoàn chuyên gia trong tháng 4/2025."])
    by_doc = {c.doc_id: c.state_on(AS_OF) for c in build_register(minutes + other + news).commitments}
    assert by_doc["vi-minutes"].state == "done"
    assert by_doc["vi-minutes"].report.doc_id == "vi-news"


def test_an_inspection_mission_reported_under_way_is_in_progress_with_its_new_date():
    plan = doc("en-report", "2024-12-20", "en", [
        "A joint team will review the inspection of voluntary contributions in two Champasak districts in the "
        "third quarter of 2025."])
    news = doc("vi-news", "2025-11-20", "vi", [
        "Đoàn kiểm tra về thu BHXH tự nguyện tại tỉnh Chăm-pa-xắc đang triển khai, dự kiến hoàn thành trong tháng 3/2026."])
    (c,) = [c for c in build_register(plan + news).commitments if c.doc_id == "en-report"]
    fs = c.state_on(AS_OF)
    assert fs.state == "in_progress" and fs.due == "2026-03"


def test_a_draft_agreement_with_no_signing_date_is_planned_and_cites_the_draft():
    news = doc("vi-news", "2025-04-23", "vi", [
        "Hai bên thảo luận dự thảo Thỏa thuận hợp tác về bảo hiểm thất nghiệp giai đoạn 2028-2030, gồm 9 điều; "
        "thời điểm ký chưa được xác định."])
    (ag,) = build_register(news).agreements
    assert agreement_status(ag, AS_OF) == ("planned", "draft")
    assert status_finding(ag, AS_OF).cited.doc_id == "vi-news"


def test_a_signed_agreement_whose_draft_was_discussed_before_is_not_planned():
    draft = doc("vi-draft", "2023-05-01", "vi", ["Hai bên thảo luận dự thảo Thỏa thuận hợp tác giai đoạn 2024-2028."])
    signed = doc("vi-signed", "2024-02-10", "vi", [
        "Ngày 9/2/2024, tại Hà Nội, hai bên đã ký Thỏa thuận hợp tác giai đoạn 2024-2028."])
    (ag,) = build_register(draft + signed).agreements
    assert agreement_status(ag, AS_OF)[0] == "in_force"


def test_a_list_under_a_plan_heading_plans_this_years_items_even_the_unnumbered_first_one():
    minutes = doc("vi-minutes", "2024-02-05", "vi", [
        "II. NHỮNG VIỆC HAI BÊN THỐNG NHẤT",
        "BHXH tỉnh Quảng Bình tập huấn cho cán bộ tỉnh Khăm Muộn về thu BHXH trong quý III/2024.",
        "2. Hai bên biên soạn tài liệu tuyên truyền song ngữ về BHYT, hoàn thành trong năm 2024."])
    dues = sorted(c.due for c in build_register(minutes).commitments)
    assert dues == ["2024", "2024-Q3"]


def test_a_report_that_the_item_is_still_under_way_is_not_closed_by_a_trailing_clause():
    plan = doc("en-plan", "2024-02-01", "en", [
        "The two sides will compile a bilingual guidebook on health insurance for workers in Champasak in 2024."])
    note = doc("lo-note", "2024-09-01", "lo", [
        "ປຶ້ມຄູ່ມື ສອງພາສາ ກ່ຽວກັບປະກັນສຸຂະພາບ ຢູ່ແຂວງຈຳປາສັກ ຍັງຢູ່ໃນຂັ້ນຕອນແປ; ຝ່າຍລາວ ໄດ້ສົ່ງບົດແປ ພາກທີ 1 ແລ້ວ."])
    (c,) = build_register(plan + note).commitments
    assert c.state_on(dt.date(2024, 10, 1)).state == "in_progress"


def test_two_events_on_one_day_in_different_provinces_stay_two_and_a_third_report_joins_its_own():
    hanoi = doc("vi-hanoi", "2023-06-02", "vi", ["Ngày 1/6/2023, tại Hà Nội, hai bên đã họp làm việc về quỹ hưu trí."])
    pakse = doc("vi-pakse", "2023-06-05", "vi", [
        "Ngày 1/6/2023, tại tỉnh Chăm-pa-xắc, BHXH tỉnh Quảng Trị và Sở Lao động tỉnh Chăm-pa-xắc đã ký Thỏa thuận hợp tác."])
    lao = doc("lo-report", "2023-06-20", "lo", ["ວັນທີ 1 ມິຖຸນາ 2023, ຢູ່ແຂວງຈຳປາສັກ, ສອງຝ່າຍ ໄດ້ລົງນາມ ຂໍ້ຕົກລົງຮ່ວມມື."])
    events = [e for e in build_register(hanoi + pakse + lao).events if e.date == "2023-06-01"]
    assert sorted(e.kind for e in events) == ["meeting", "signing"]
    signing = next(e for e in events if e.kind == "signing")
    assert {signing.doc_id} | {s.doc_id for s in signing.also} == {"vi-pakse", "lo-report"}


def test_the_kind_of_an_event_in_a_note_without_tone_marks():
    note = doc("vi-note", "2024-03-13", "vi", [
        "Ngay 12/3/2024, tai thanh pho Dong Ha, hai ben to chuc hoi nghi so ket 1 nam thuc hien Thoa thuan."])
    (ev,) = build_register(note).events
    assert ev.date == "2024-03-12" and ev.kind == "review"


def test_an_expired_memorandum_is_not_followed_by_a_provincial_agreement_of_another_kind():
    mou = doc("vi-mou", "2022-11-22", "vi", [
        "Ngày 22/11/2022, tại Viêng Chăn, BHXH Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào đã ký Biên bản ghi nhớ "
        "hợp tác giai đoạn 2022-2025."])
    prov = doc("vi-prov", "2023-03-16", "vi", [
        "Ngày 15/3/2023, tại Thà Khẹc, BHXH tỉnh Hà Tĩnh và Sở Lao động tỉnh Khăm Muộn đã ký Thỏa thuận hợp tác "
        "giai đoạn 2023-2027."])
    reg = build_register(mou + prov)
    memo = next(a for a in reg.agreements if a.period_text == "2022-2025")
    assert agreement_status(memo, AS_OF)[0] == "expired"
    assert successor(memo, reg.agreements) is None


def test_a_delegation_handing_over_equipment_on_a_day_is_a_visit():
    report = doc("en-report", "2024-12-20", "en", [
        "On 3 October 2024, a Quang Binh delegation handed over 8 laptops to the Savannakhet labour department."])
    (ev,) = build_register(report).events
    assert ev.date == "2024-10-03" and ev.kind == "visit"


def test_a_plan_to_extend_an_agreement_is_done_by_the_annex_that_extends_it_not_by_a_pilot_extension():
    report = doc("en-report", "2024-12-20", "en", [
        "The agreement expires on 31 December 2025; the two sides will consider extending it at a meeting in 2025."])
    pilot = doc("vi-pilot", "2025-06-01", "vi", ["Thí điểm thẻ BHYT điện tử đã được mở rộng sang tỉnh Chăm-pa-xắc."])
    annex = doc("vi-news", "2025-11-20", "vi", [
        "Ngày 18/11/2025, hai bên đã ký Phụ lục gia hạn Thỏa thuận hợp tác đến hết ngày 31/12/2027."])
    (c,) = [c for c in build_register(report + pilot + annex).commitments if c.doc_id == "en-report"]
    fs = c.state_on(AS_OF)
    assert fs.state == "done" and fs.report.doc_id == "vi-news"


def test_a_markdown_title_naming_a_later_year_is_not_a_commitment():
    news = doc("vi-news", "2025-11-20", "vi", [
        "# BHXH tỉnh Quảng Bình và tỉnh Savannakhet gia hạn Thỏa thuận hợp tác đến năm 2027",
        "Hai bên thống nhất tổ chức hội nghị tổng kết vào quý IV/2027 tại tỉnh Savannakhet."])
    assert [c.due for c in build_register(news).commitments] == ["2027-Q4"]


def test_the_day_of_a_visits_minutes_is_part_of_the_visit_but_a_signing_during_it_stays():
    minutes = doc("vi-minutes", "2023-06-03", "vi", [
        "Biên bản làm việc giữa BHXH tỉnh Quảng Bình và tỉnh Savannakhet, Savannakhet, ngày 3 tháng 6 năm 2023.",
        "Từ ngày 1 đến ngày 3/6/2023, đoàn BHXH tỉnh Quảng Bình sang thăm và làm việc tại tỉnh Savannakhet.",
        "Ngày 2/6/2023, tại Savannakhet, hai bên đã ký Thỏa thuận hợp tác giai đoạn 2023-2026."])
    events = build_register(minutes).events
    assert sorted((e.date, e.kind) for e in events) == [("2023-06-01", "visit"), ("2023-06-02", "signing")]
