"""Question understanding, time and quantity facts, follow-up rewriting: text in, structure out."""
from __future__ import annotations

import pytest

from rag.answer.actors import _wanted_actor
from rag.answer.counting import counts
from rag.answer.evidence import constraints, same_count
from rag.answer.facts import unit_as_written
from rag.answer.followup import rewrite_rule_based
from rag.answer.lines import build_lines
from rag.answer.question import understand
from rag.records import Passage, PassageMeta
from rag.text.detect import detect_language
from rag.text.names import find_names
from rag.text.quantities import find_quantities, say_number, say_quantity
from rag.text.when import find_when, say_when


@pytest.mark.parametrize("question,kind", [
    ("Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?", "date"),
    ("Ban ghi nho hop tac 2022-2025 duoc ky ngay nao?", "date"),
    ("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2022-2025 ໄດ້ລົງນາມເມື່ອໃດ?", "date"),
    ("Hội nghị tổng kết sẽ tổ chức trong quý nào?", "date"),  # which quarter
    ("In which quarter will the final review be held?", "date"),
    ("ກອງປະຊຸມສະຫຼຸບ ຈະຈັດຂຶ້ນ ໃນໄຕມາດໃດ?", "date"),
    ("When was the 2016-2020 MoU signed?", "date"),
    ("Hội nghị tổng kết được tổ chức tại đâu?", "place"),
    ("ກອງປະຊຸມສຳມະນາ ປີ 2024 ຈັດຢູ່ໃສ?", "place"),
    ("Where was the review conference held?", "place"),
    ("Khóa tập huấn dành cho bao nhiêu cán bộ?", "count"),
    ("ມີຜູ້ເຂົ້າຮ່ວມຈັກທ່ານ?", "count"),
    ("How much did the study visit cost?", "count"),
    ("Bản ghi nhớ ký năm 2022 áp dụng cho giai đoạn nào?", "period"),
    ("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ສະບັບໃໝ່ ກວມເອົາໄລຍະໃດ?", "period"),
    ("What period does the memorandum cover?", "period"),
    ("Các hoạt động hợp tác dự kiến giai đoạn 2022-2025 là gì?", "list"),
    ("ຊຸດຝຶກອົບຮົມ ມີຫົວຂໍ້ຫຍັງແດ່?", "list"),
    ("Which activities are planned for 2025?", "list"),
    ("Cơ quan nào chủ trì thí điểm?", "actor"),
    ("ໃຜເປັນຫົວໜ້າຄະນະ?", "actor"),
    ("Who led the delegation?", "actor"),
    ("BHXH Việt Nam có gửi bộ tài liệu như đã hứa không?", "yesno"),
    ("ກອງປະຊຸມສຳມະນາ ໄດ້ຖືກເລື່ອນບໍ?", "yesno"),
    ("Was the pilot completed on time?", "yesno"),
    ("Khóa tập huấn về quỹ giờ ra sao rồi?", "status"),
    ("ການພັດທະນາແອັບພລິເຄຊັນມືຖື ຄືບໜ້າໄປຮອດໃສແລ້ວ?", "status"),
    ("What is the status of the fund-investment training?", "status"),
    ("Tháng 11/2023 đoàn sang Viêng Chăn để làm gì?", "event"),
    ("ມີຫຍັງເກີດຂຶ້ນ ໃນວັນທີ 22/11/2022?", "event"),
    ("What happened on 22 January 2024 in Vientiane?", "event"),
])
def test_the_asked_kind_is_read_in_each_language(question, kind):
    assert understand(question).kind == kind



@pytest.mark.parametrize("question,unit,key", [
    ("How many master's scholarships did VSS offer to LSSO officials?", "scholarships", "scholarship_unit"),
    ("How many IT staff were trained?", "staff", "staff"),
    ("How many people took part?", "people", "person"),
])
def test_the_counted_unit_is_read_across_one_vocabulary_word(question, unit, key):
    """"master's scholarships": the unit is the scholarships, not the word "master" before them."""
    slot = understand(question).slots[0]
    assert (slot.unit, slot.unit_key) == (unit, key)


@pytest.mark.parametrize("question,side", [
    ("Who leads the VSS side of the working group?", "vietnam"),
    ("Who led the LSSO side?", "laos"),
    ("Who is on the other side?", ""),
])
def test_a_side_is_named_by_its_body(question, side):
    assert understand(question).side == side

def test_constraints_are_read_language_neutrally():
    q = understand("Hội thảo thanh tra ở Luông Pha Bang tháng 6/2024 có bao nhiêu đại biểu, theo bản ghi nhớ 2022-2025?")
    assert q.lang == "vi" and q.name_keys == ["luang_prabang"]
    assert [w.iso for w in q.whens] == ["2024-06"] and q.period_texts() == ["2022-2025"]
    assert q.slots[0].unit == "đại biểu" and q.slots[0].unit_key == "participant"
    assert q.agreement and {"seminar", "inspection"} <= set(q.term_keys)
    lo = understand("ພິທີເປີດນຳໃຊ້ ຢູ່ນະຄອນຫຼວງວຽງຈັນ ວັນທີ ໒໒ ເດືອນ ມັງກອນ ໒໐໒໔ ມີນາຍຈ້າງຈັກແຫ່ງ?")
    assert lo.lang == "lo" and lo.name_keys == ["vientiane"] and [w.iso for w in lo.whens] == ["2024-01-22"]
    assert lo.slots[0].unit == "ແຫ່ງ"
    toneless = understand("thi diem thu bhxh dien tu o vieng chan ket thuc truoc ngay nao")
    assert toneless.toneless and toneless.name_keys == ["vientiane"] and toneless.sub == "deadline"



@pytest.mark.parametrize("question,kind", [
    ("Hoi nghi tong ket duoc to chuc o dau?", "place"),
    ("Khoa tap huan danh cho bao nhieu can bo?", "count"),
    ("Ban ghi nho moi ap dung cho giai doan nao?", "period"),
    ("Cac hoat dong hop tac du kien nam 2025 la gi?", "list"),
    ("Ai lam truong doan?", "actor"),
    ("Ban ghi nho giai doan 2026-2030 da duoc ky chua?", "yesno"),
    ("Ung dung di dong hien ra sao?", "status"),
    ("Ngay 22/1/2024 o Vieng Chan da dien ra su kien gi?", "event"),
])
def test_vietnamese_without_tone_marks_is_read_like_with_them(question, kind):
    q = understand(question)
    assert (q.lang, q.toneless, q.kind) == ("vi", True, kind)


def test_toneless_constraints_keep_names_dates_periods_and_agreements():
    q = understand("Ngay 22/1/2024 o Vieng Chan da dien ra su kien gi?")
    assert q.name_keys == ["vientiane"] and [w.iso for w in q.whens] == ["2024-01-22"]
    mou = understand("Ban ghi nho giai doan 2026-2030 da duoc ky chua?")
    assert mou.period_texts() == ["2026-2030"] and mou.agreement and "sign" in mou.term_keys


def test_english_constraints_name_organizations_places_dates_and_periods():
    q = understand("When did Vietnam Social Security sign the memorandum with LSSO in Vientiane in November 2022 "
                   "for 2022-2025?")
    assert (q.lang, q.kind) == ("en", "date")
    assert q.name_keys == ["vss", "lsso", "vientiane"]
    assert [w.iso for w in q.whens] == ["2022-11"] and q.period_texts() == ["2022-2025"]
    assert q.agreement and {"memorandum", "sign"} <= set(q.term_keys)
    other = understand("Did VSS sign an MoU with Cambodia?")  # a country the record never names is still a constraint
    assert other.kind == "yesno" and other.name_keys == ["vss", "cambodia"] and other.agreement


def test_lao_constraints_name_provinces_years_and_agreements():
    q = understand("ສອງຝ່າຍ ລົງນາມບົດບັນທຶກ ໃນປີ 2022 ຢູ່ ແຂວງຈຳປາສັກ ບໍ?")
    assert (q.lang, q.kind) == ("lo", "yesno")
    assert q.name_keys == ["champasak"] and [w.iso for w in q.whens] == ["2022"] and "sign" in q.term_keys
    nxt = understand("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ສະບັບຕໍ່ໄປ ຈະລົງນາມເມື່ອໃດ?")
    assert (nxt.kind, nxt.ordinal, nxt.agreement) == ("date", "next", True)


@pytest.mark.parametrize("question,ordinal", [
    ("Bản ghi nhớ mới áp dụng cho giai đoạn nào?", "new"),
    ("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ສະບັບກ່ອນໜ້ານັ້ນ ລົງນາມເມື່ອໃດ?", "previous"),
    ("When is the next memorandum due to be signed?", "next"),
])
def test_ordinals(question, ordinal):
    assert understand(question).ordinal == ordinal


def test_several_asked_things_are_kept_in_order():
    q = understand("Đoàn Lào sang Đà Nẵng có mấy thành viên và chuyến đi tốn bao nhiêu tiền?")
    assert [(s.kind, s.unit, s.money) for s in q.slots] == [("count", "thành viên", False), ("count", "", True)]
    assert {s.kind for s in understand("Hội nghị được tổ chức ở đâu, khi nào?").slots} == {"place", "date"}


@pytest.mark.parametrize("text,doc_date,iso,vi,lo,en", [
    ("Hôm nay (22/11), tại Lào", "2022-11-22", "2022-11-22", "ngày 22/11/2022", "ວັນທີ 22/11/2022", "22 November 2022"),
    ("ໃນໄຕມາດທີ ໔ ປີ ໒໐໒໓", "", "2023-Q4", "quý IV/2023", "ໄຕມາດທີ 4 ປີ 2023", "Q4 2023"),
    ("vào quý IV/2025", "", "2025-Q4", "quý IV/2025", "ໄຕມາດທີ 4 ປີ 2025", "Q4 2025"),
    ("Đến tháng 12/2015, tại kỳ họp", "", "2015-12", "tháng 12/2015", "ເດືອນ 12/2015", "December 2015"),
    ("ແຕ່ວັນທີ ໒໑ ຫາ ວັນທີ ໓໑ ເດືອນ ສິງຫາ ໒໐໒໓", "", "2023-08-21/2023-08-31", "từ ngày 21 đến ngày 31/8/2023",
     "ແຕ່ວັນທີ 21 ຫາ ວັນທີ 31/8/2023", "21–31 August 2023"),
    ("Trong hai ngày 18 và 19/6/2024", "", "2024-06-18/2024-06-19", "từ ngày 18 đến ngày 19/6/2024",
     "ແຕ່ວັນທີ 18 ຫາ ວັນທີ 19/6/2024", "18–19 June 2024"),
])
def test_time_expressions_are_read_and_written_for_each_language(text, doc_date, iso, vi, lo, en):
    w = [x for x in find_when(text, doc_date or None) if not x.relative][0] if "Hôm nay" not in text else \
        find_when(text, doc_date)[0]
    assert w.iso == iso
    assert (say_when(w, "vi"), say_when(w, "lo"), say_when(w, "en")) == (vi, lo, en)


def test_deadlines_and_ends_keep_their_word():
    w = find_when("hoàn thành trước ngày 30/6/2024")[0]
    assert w.qualifier == "before" and say_when(w, "vi") == "trước ngày 30/6/2024" and say_when(w, "en") == \
        "by 30 June 2024"
    assert find_when("có hiệu lực đến hết ngày 31/12/2025")[0].qualifier == "until"


@pytest.mark.parametrize("text,lang,vi,lo,en", [
    ("cho 30 cán bộ của Cơ quan", "vi", "30 cán bộ", "30 ພະນັກງານ", "30 staff"),
    ("ຜູ້ເຂົ້າຮ່ວມ ໒໘ ຄົນ ໄດ້ຮັບໃບຢັ້ງຢືນ", "lo", "28 người", "28 ຄົນ", "28 people"),
    ("the local costs, VND 380 million in total", "en", "380 triệu đồng", "380 ລ້ານດົ່ງ", "VND 380 million"),
    ("đạt 38,5 tỷ kíp", "vi", "38,5 tỷ kíp", "38,5 ຕື້ກີບ", "38.5 billion kip"),
    ("Có 1.240 đơn vị sử dụng lao động", "vi", "1.240 đơn vị sử dụng lao động", "1.240 ນາຍຈ້າງ", "1,240 employers"),
])
def test_counts_and_amounts_keep_their_unit_in_each_language(text, lang, vi, lo, en):
    q = find_quantities(text, lang)[0]
    assert (say_quantity(q, "vi"), say_quantity(q, "lo"), say_quantity(q, "en")) == (vi, lo, en)


@pytest.mark.parametrize("text,lang,unit", [
    ("Installation of the VSS reporting tool in 3 pilot provinces", "en", "province_unit"),
    ("5 new officers were trained", "en", "staff"),
    ("VSS will offer 5 scholarships for LSSO officials", "en", "scholarship_unit"),
    ("ສສຫວ ໃຫ້ທຶນການສຶກສາ 5 ທຶນ", "lo", "scholarship_unit"),
    ("a course on IT for 12 IT officers", "en", ""),  # "IT" is not a word that may stand between
    ("in 3 pilot schemes", "en", ""),
])
def test_a_count_reads_its_unit_across_a_modifier_only(text, lang, unit):
    (q,) = find_quantities(text, lang)
    assert q.unit == unit


def test_dates_periods_and_labels_are_not_counts():
    assert find_quantities("ký ngày 22/11/2022 cho giai đoạn 2016-2020 tại ASSA 39 trong quý IV/2025", "vi") == []
    assert find_quantities("Điều 3. Theo Article 5, ມາດຕາ 7", "vi") == []  # parts of a text, not counts
    assert say_number(215000, "en") == "215,000" and say_number(215000, "lo") == "215.000"


@pytest.mark.parametrize("previous,follow_up,expected", [
    ("Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?", "Còn giai đoạn trước thì sao?",
     "Bản ghi nhớ giai đoạn 2016-2020 được ký khi nào?"),
    ("When was the 2022-2025 MoU signed?", "And the one before that?", "When was the 2016-2020 MoU signed?"),
    ("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2022-2025 ໄດ້ລົງນາມເມື່ອໃດ?", "ແລ້ວ ສະບັບກ່ອນໜ້ານັ້ນເດ?",
     "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2016-2020 ໄດ້ລົງນາມເມື່ອໃດ?"),
    ("Hội thảo thanh tra năm 2024 diễn ra khi nào?", "Ở đâu vậy?", "Hội thảo thanh tra năm 2024 diễn ra ở đâu?"),
    ("When did the two sides hold the inspection seminar?", "And where?",
     "Where did the two sides hold the inspection seminar?"),
    ("Bản ghi nhớ với Lào giai đoạn 2022-2025 ký khi nào?", "Còn với Campuchia thì ký khi nào?",
     "Bản ghi nhớ với Campuchia giai đoạn 2022-2025 ký khi nào?"),
    # another one of the same kind, named by words of its own: the previous subject is not carried
    ("Hội thảo giới thiệu điểm mới của Luật BHXH năm 2024 được tổ chức ở đâu?",
     "Còn hội thảo về điều chỉnh lương hưu thì tổ chức ngày nào?", "Hội thảo về điều chỉnh lương hưu thì tổ chức ngày nào?"),
    # another one of a series: the same question, of the one named
    ("Where was the second statistics training course held?", "And the third one?",
     "Where was the third statistics training course held?"),
    ("Lần trao đổi thứ hai tổ chức ở đâu?", "Còn lần thứ ba thì sao?", "Lần trao đổi thứ ba tổ chức ở đâu?"),
    ("ກອງປະຊຸມທາງວິດີໂອ ຄັ້ງທີ 2 ມີຜູ້ເຂົ້າຮ່ວມຈັກຄົນ?", "ແລ້ວ ຄັ້ງທີ 1 ເດ?", "ກອງປະຊຸມທາງວິດີໂອ ຄັ້ງທີ 1 ມີຜູ້ເຂົ້າຮ່ວມຈັກຄົນ?"),
])
def test_follow_ups_change_only_what_they_change(previous, follow_up, expected):
    periods = {(2016, 2020): ["ký Biên bản ghi nhớ giai đoạn 2016-2020"], (2022, 2025): ["ghi nhớ 2022-2025"]}
    assert rewrite_rule_based(follow_up, [{"question": previous}], periods) == expected


def test_a_follow_up_with_its_own_predicate_carries_the_previous_subject():
    out = rewrite_rule_based("Có bao nhiêu đại biểu tham dự?", [{"question": "Hội thảo ở Luông Pha Bang diễn ra khi nào?"}])
    assert out.startswith("Có bao nhiêu đại biểu tham dự") and "Luông Pha Bang" in out and "khi nào" not in out
    assert rewrite_rule_based("Giá vàng hôm nay?", [{"question": "Bản ghi nhớ ký khi nào?"}]) is None


# --- issue 11: questions and evidence read more generally -------------------------------------------
@pytest.mark.parametrize("text", ["Ai dan dau doan do?", "Hai ben co hen to chuc giao luu the thao lan thu hai khong?"])
def test_vietnamese_without_tone_marks_is_vietnamese_even_with_words_english_shares(text):
    assert detect_language(text) == "vi"


@pytest.mark.parametrize("text", ["Can he do it?", "Is it done?", "And where?"])
def test_short_english_stays_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("question", [
    "Was the pension software installed in Vientiane by the deadline of 31 December 2020?",
    "Khóa đào tạo có được tổ chức tại Hà Nội như thỏa thuận không?",
    "ໂປຣແກຣມ ຕິດຕັ້ງສຳເລັດທັນກຳນົດ ທ້າຍປີ 2020 ບໍ?",
])
def test_a_yes_no_question_that_names_a_date_or_place_asks_yes_or_no(question):
    assert understand(question).kind == "yesno"


def test_a_yes_no_question_with_a_question_word_asks_that_word():
    assert understand("Did the delegation visit Savannakhet, and when?").kind == "date"


@pytest.mark.parametrize("text,iso", [
    ("ແຕ່ວັນທີ ໗ ຫາ ວັນທີ ໑໑ ມິຖຸນາ ໒໐໒໑", "2021-06-07/2021-06-11"),  # no ເດືອນ before the month
    ("ແຕ່ວັນທີ 5 ຫາ 7 ສິງຫາ 2024", "2024-08-05/2024-08-07"),
])
def test_lao_day_ranges_without_the_word_month(text, iso):
    assert [w.iso for w in find_when(text)] == [iso]


def test_countries_the_record_never_names_are_known_and_ambiguous_ones_need_a_capital():
    assert [f.key for f in find_names("Còn thỏa thuận với Mông Cổ thì ký khi nào?")] == ["mongolia"]
    assert [f.key for f in find_names("ປະກັນສັງຄົມ ລົງນາມກັບ ມົງໂກລີ")] == ["mongolia"]
    assert [f.key for f in find_names("VSS and Hungary")] == ["vss", "hungary"]
    assert [f.key for f in find_names("Ba Lan")] == ["poland"]
    assert find_names("hop ba lan trong nam") == []  # "ba lần", not Poland


@pytest.mark.parametrize("line,asked,unit", [
    ("đăng ký tham gia BHXH bắt buộc cho 143 lao động là công dân Lào;", "bao nhieu lao dong Lao?", "lao động"),
    ("guided 27 enterprises to register 143 Lao workers for compulsory social insurance", "How many Lao workers did",
     "Lao workers"),
    ("Hội thảo có 45 đại biểu tham dự.", "bao nhiêu người?", ""),  # the asker's word is not the line's
])
def test_a_count_keeps_its_unit_as_the_line_writes_it(line, asked, unit):
    qty = next(q for q in find_quantities(line, "vi" if "Hội" in line or "BHXH" in line else "en") if q.value > 30)
    assert unit_as_written(line, qty, asked) == unit


@pytest.mark.parametrize("question,side", [
    ("Who signed the 2022-2025 memorandum for the Lao side?", "laos"),
    ("Ai là người ký Bản ghi nhớ 2022-2025 phía Lào?", "laos"),
    ("Ai ky thay mat BHXH Viet Nam?", "vietnam"),
    ("ໃຜເປັນຜູ້ເຊັນບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະ 2022-2025 ຝ່າຍລາວ?", "laos"),
    ("How much did VSS give Laos for the training?", "vietnam"),  # an amount: the first body named pays
    ("ສສຫວ ຈະຮັບຜິດຊອບ ຄ່າໃຊ້ຈ່າຍ ຂອງສຳມະນາ ຈຳນວນເທົ່າໃດ?", "vietnam"),
    ("Hai bên thống nhất những nội dung gì?", ""),
    ("Who signed the 2022-2025 memorandum?", ""),
])
def test_the_side_an_answer_must_be_on(question, side):
    assert understand(question).side == side


@pytest.mark.parametrize("question,day", [
    ("Hội nghị tổng kết sẽ tổ chức vào ngày nào?", True),
    ("ສຳມະນາ ຈະຈັດຂຶ້ນວັນທີເທົ່າໃດ?", True),
    ("On what date will the seminar be held?", True),
    ("Hội nghị tổng kết sẽ tổ chức khi nào?", False),
    ("When will the seminar be held?", False),
])
def test_a_question_for_the_day_itself(question, day):
    assert understand(question).exact_day is day


@pytest.mark.parametrize("text,wanted", [
    ("Who were the 3 translators of the VSS International Cooperation Department?", "person"),
    ("Hai phiên dịch viên là ai?", "person"),
    ("ຜູ້ແປ 3 ທ່ານ ແມ່ນໃຜ?", "person"),
    ("Who sent experts to help set it up?", ""),  # the role is the object of "sent": an organization is asked
    ("Who led the VSS experts?", "title"),
])
def test_people_asked_by_their_role_want_persons_only_when_the_role_is_what_who_asks(text, wanted):
    assert _wanted_actor(understand(text)) == wanted


@pytest.mark.parametrize("question,figure", [
    ("In 2024, how many people received maternity benefits in Xaignabouli?", "໑໘໗"),
    ("Năm 2024, tỉnh Xay-nha-bu-ly chi trợ cấp ốm đau cho bao nhiêu người?", "໔໑໒"),
    ("Nam 2024, tinh Xay-nha-bu-ly da chi tro cap thai san cho bao nhieu nguoi?", "໑໘໗"),
])
def test_of_two_counts_in_another_language_the_one_its_words_describe_is_taken(question, figure):
    text = ("ໃນປີ ໒໐໒໔, ຫ້ອງການປະກັນສັງຄົມແຂວງໄຊຍະບູລີ ໄດ້ຈ່າຍເງິນອຸດໜູນ ເວລາເຈັບເປັນ ໃຫ້ຜູ້ປະກັນຕົນ ໔໑໒ ຄົນ "
            "ແລະ ເງິນອຸດໜູນ ເວລາເກີດລູກ ໃຫ້ ໑໘໗ ຄົນ.")
    meta = PassageMeta(doc_id="lo-report", family="lo-report", title="ບົດລາຍງານ", date="2025-01-15", lang="lo",
                       doc_lang="lo", kind="report", start=0, end=len(text), n_passages=1)
    (line,) = build_lines([Passage("lo-report:0:x", text, meta)])
    q = understand(question)
    best = max(counts(line, q, q.slots[0]), key=lambda f: f.score)
    assert best.value.number == figure


@pytest.mark.parametrize("line,met", [
    ("3 experts of the VSS IT Centre installed the tool in Vientiane", False),
    ("the tool will be installed in 3 provinces", True),
    ("ຕິດຕັ້ງ ຢູ່ 3 ແຂວງ", True),
    ("in 3 of them", True),  # a figure without a unit may be it
])
def test_a_number_of_the_question_is_met_by_the_same_number_of_the_same_things(line, met):
    (c,) = [c for c in constraints(understand("When was the tool installed in the 3 pilot provinces?"), set())
            if c.kind == "number"]
    assert any(same_count(x, c) for x in find_quantities(line, "")) is met
