"""The name and vocabulary tables: found in any language and spelling, written in any language."""
from __future__ import annotations

import pytest

from rag.text.i18n import strings
from rag.text.langs import LANGS
from rag.text.names import NAMES, TERMS, find_names, name_of


@pytest.mark.parametrize("text,keys", [
    ("Thí điểm ở Viêng Chăn và Xa-van-na-khet", ["vientiane", "savannakhet"]),
    ("thi diem o vieng chan va xa van na khet", ["vientiane", "savannakhet"]),  # no tone marks, spaces for hyphens
    ("ທີ່ແຂວງຫລວງພະບາງ ແລະ ນະຄອນຫຼວງວຽງຈັນ", ["luang_prabang", "vientiane"]),  # ຫລ and ຫຼ spellings
    ("pilot in Vientiane Capital and Savannakhet Province", ["vientiane", "savannakhet"]),
    ("Did VSS sign an MoU with Cambodia?", ["vss", "cambodia"]),
    ("ປະກັນສັງຄົມຫວຽດນາມ ລົງນາມກັບກຳປູເຈຍ", ["vss", "cambodia"]),
    ("BHXH Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào", ["vss", "molsw"]),
    ("đoàn của Cơ quan BHXH quốc gia Lào tại Hà Nội", ["lsso", "hanoi"]),
    ("The Lao Social Security Organization (LSSO) in Hanoi", ["lsso", "lsso", "hanoi"]),
    ("tập huấn tại thành phố Tam Kỳ", ["tam_ky"]),  # provincial capitals, in every language
    ("ຊຸດຝຶກອົບຮົມ ຢູ່ນະຄອນຕາມກີ", ["tam_ky"]),
    ("the ceremony in Lamam, Sekong province", ["lamam", "sekong"]),
    ("Ms Phonsavanh Inthavong", []),  # a person, not the town of Phonsavan
])
def test_names_are_found_in_every_language_and_spelling(text, keys):
    assert [f.key for f in find_names(text)] == keys


def test_the_longest_name_wins_and_one_syllable_names_need_a_capital():
    assert [f.key for f in find_names("Lào Cai và Lào")] == ["lao_cai", "laos"]
    assert [f.key for f in find_names("Phó Tổng Giám đốc BHXH Việt Nam")] == ["deputy_director_general", "vss"]
    assert find_names("người lao động và pháp luật") == []  # not Laos, not France
    assert [f.key for f in find_names("WHO and who")] == ["who"]  # abbreviations are case-sensitive


@pytest.mark.parametrize("text,keys", [
    ("chế độ ốm đau, thai sản cho 14 cán bộ", []),  # maternity, not Thailand
    ("tinh Xay-nha-bu-ly da chi tro cap thai san", ["xayaboury"]),  # without tone marks too
    ("Ai ky thay mat So Lao dong va Phuc loi xa hoi?", []),  # the Labour Department, not Laos
    ("the Thai delegation", ["thailand"]),
    ("thái lan", ["thailand"]),
    ("doan Lao sang Ha Noi", ["laos", "hanoi"]),
])
def test_ordinary_vietnamese_words_are_not_countries(text, keys):
    assert [f.key for f in find_names(text)] == keys


def test_spans_point_into_the_text():
    text = "Hội thảo tại tỉnh Luông Pha Bang, Lào."
    for f in find_names(text):
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize("key,vi,lo,en", [
    ("vientiane", "Viêng Chăn", "ວຽງຈັນ", "Vientiane"),
    ("da_nang", "Đà Nẵng", "ດ່ານັງ", "Da Nang"),
    ("lsso", "Cơ quan BHXH quốc gia Lào", "ອົງການປະກັນສັງຄົມແຫ່ງຊາດ", "Lao Social Security Organization"),
    ("deputy_director_general", "Phó Tổng Giám đốc", "ຮອງຜູ້ອຳນວຍການໃຫຍ່", "Deputy Director General"),
])
def test_a_key_is_written_in_each_language(key, vi, lo, en):
    assert (name_of(key, "vi"), name_of(key, "lo"), name_of(key, "en")) == (vi, lo, en)


def test_a_name_missing_in_a_language_falls_back_to_another():
    assert name_of("tay_ninh", "lo") == "Tây Ninh"


def test_every_entry_can_be_written_and_no_spelling_names_two_keys():
    for table in (NAMES, TERMS):
        seen: dict[str, str] = {}
        for key, e in table.entries.items():
            assert any(e.names.get(lang) for lang in LANGS), key
            for spelling in e.spellings():
                other = seen.setdefault(spelling.casefold(), key)
                assert other == key, f"{spelling!r} names both {other} and {key}"


def test_vocabulary_links_languages():
    keys = lambda text: TERMS.keys(text, kinds=("thing", "action", "topic", "unit"))  # noqa: E731
    assert {"certificate", "training"} <= keys("cán bộ được cấp chứng chỉ sau khóa tập huấn")
    assert {"certificate", "participant"} <= keys("ຜູ້ເຂົ້າຮ່ວມ ໒໘ ຄົນ ໄດ້ຮັບໃບຢັ້ງຢືນ")
    assert "e_collection" in keys("pilot of electronic contribution collection") & keys("thí điểm thu BHXH điện tử")
    assert "copy" not in keys("văn bản")  # one-syllable words inside others are not terms


def test_the_tables_hold_no_interface_strings():
    # Names are data, not labels: the strings table and the name table do not overlap.
    labels = {v for entry in strings().values() for v in entry.values()}
    for e in NAMES.entries.values():
        for lang in LANGS:
            for n in e.names.get(lang, ()):
                assert n not in labels or len(n) > 2, n


@pytest.mark.parametrize("text,keys", [
    ("Ai ky thay mat So Lao dong va Phuc loi xa hoi?", ["sign"]),  # "Lao dong" is labour: no contribution
    ("Lao dong tu do dong BHXH the nao?", ["informal_sector", "contribution"]),  # the second "dong" is
    ("Muc dong BHXH la bao nhieu?", ["contribution_rate"]),
])
def test_a_vocabulary_word_inside_lao_dong_typed_without_marks_is_not_found(text, keys):
    assert [f.key for f in TERMS.find(text)] == keys
