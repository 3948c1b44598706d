"""The register of the record: language-neutral items, words added only when localized, one build per
corpus version. Two small hand-made documents need no store; the corpus and the growing store are real."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rag.briefing import build_briefing, extract_agreements_and_activities
from rag.briefing.localize import localize
from rag.ingest.service import ingest_paths
from rag.records import Passage, PassageMeta
from rag.register import (
    ACTIVITY_STATUSES,
    AREAS,
    EVENT_KINDS,
    Register,
    Span,
    agreement_status,
    build_register,
    current_register,
    register_cache,
)
from rag.register.patterns import AREA_RX, EVENT_RX
from rag.retrieval.hybrid import Retriever
from rag.text.i18n import strings, t
from rag.text.langs import LANGS

VI = ("Ngày 15/3/2023, tại Hà Nội, BHXH Việt Nam và Bộ Lao động và Phúc lợi Xã hội Lào đã ký Biên bản ghi nhớ "
      "hợp tác giai đoạn 2023-2027.")
EN = ("On 15 March 2023, in Hanoi, Vietnam Social Security and the Lao Ministry of Labour and Social Welfare signed "
      "a memorandum of understanding on cooperation for the 2023-2027 period.")


def passage(doc_id: str, text: str, lang: str, official: bool) -> Passage:
    meta = PassageMeta(doc_id=doc_id, family="memo-vi", title=doc_id, date="2023-03-16", lang=lang, doc_lang=lang,
                       official=official, version_of="" if official else "memo-vi", start=0, end=len(text))
    return Passage(f"{doc_id}:0:h", text, meta)


@pytest.fixture(scope="module")
def memo() -> Register:
    """A Vietnamese memorandum and its English version (no Lao one), in the order a store might return them."""
    return build_register([passage("memo-en", EN, "en", False), passage("memo-vi", VI, "vi", True)], "v1")


def label_strings() -> set[str]:
    """Every word the product shows, in every language (the strings table); proper names (places,
    organisations) are also text of the record, so they are left out."""
    return {text for key, entry in strings().items() if not key.startswith(("place_", "org_"))
            for text in entry.values()}


def walk_strings(obj, path="register"):
    """(path, value) of every string in the register that is not text of the record (spans hold that)."""
    if isinstance(obj, Span):
        return
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from walk_strings(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk_strings(v, f"{path}[{k}]")
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from walk_strings(v, f"{path}[{i}]")
    elif isinstance(obj, str):
        yield path, obj


def test_keys_of_the_patterns_are_the_registers_keys():
    assert tuple(kind for kind, _ in EVENT_RX) + ("event",) == EVENT_KINDS
    assert tuple(key for key, _ in AREA_RX) + ("other",) == AREAS


def test_register_holds_spans_per_language_and_no_words(memo):
    (ev,) = memo.events
    assert (ev.date, ev.kind, ev.precision, ev.doc_id) == ("2023-03-15", "signing", "day", "memo-vi")
    assert ev.cited.sentence == VI and ev.cited.evidence == "15/3/2023"  # cited from the official original
    assert set(ev.shown) == {"vi", "en"}  # no Lao version: none invented
    assert ev.shown["en"].sentence == EN and ev.span_in("lo") is ev.cited
    assert ev.places == {"vi": "Hà Nội", "en": "Hanoi"}

    (ag,) = memo.agreements
    assert (ag.key, ag.period_from, ag.period_to, ag.signed_date) == ("mou:2023-2027", 2023, 2027, "2023-03-15")
    assert ag.parties.span_in("en").value.startswith("Vietnam Social Security and the Lao Ministry")
    assert ag.parties.span_in("vi").value == "BHXH Việt Nam và Bộ Lao động và Phúc lợi Xã hội Lào"
    assert ag.place.span_in("lo").value == "Hà Nội"  # the original's, for a language without a version

    words = label_strings()
    for path, value in walk_strings(memo):
        assert value not in words, f"{path} = {value!r} is a label"


def test_status_is_a_function_of_the_day_not_stored(memo):
    (ag,) = memo.agreements
    assert agreement_status(ag, dt.date(2023, 3, 1)) == ("not_yet_in_force", "not_signed")
    assert agreement_status(ag, dt.date(2025, 6, 1)) == ("in_force", "in_force")
    assert agreement_status(ag, dt.date(2028, 1, 1)) == ("expired", "expired")
    assert not any("status" in f.name for f in dataclasses.fields(ag))
    later = memo.between(dt.date(2024, 1, 1), None)  # a period: the signing is before it, the memorandum in it
    assert later.events == () and later.agreements == memo.agreements


def test_one_register_localized_in_three_languages(memo):
    as_of = dt.date(2025, 6, 1)
    out = {lang: localize(memo, lang, as_of) for lang in LANGS}
    for lang, loc in out.items():
        (e,), (a,) = loc.timeline, loc.agreements
        # The same item, cited the same way, in every language ...
        assert (e.chunk_id, e.start, e.end, e.date, e.kind, e.quote) == ("memo-vi:0:h", 0, len(VI), "2023-03-15",
                                                                         "signing", VI)
        assert (a.key, a.status, a.period.value, a.signed.value) == ("mou:2023-2027", "in_force", "2023-2027",
                                                                     "15/03/2023")
        # ... with the words of that language.
        assert e.kind_label == t("event_signing", lang) and a.status_label == t("status_in_force", lang)
        assert a.name == t("brief_name_mou", lang, p="2023-2027")
        assert a.status_note == t("brief_note_in_force", lang, p="2023-2027")
    assert len({loc.timeline[0].kind_label for loc in out.values()}) == 3
    # The sentence shown is the version in the language, or the original with the "(original wording)" note.
    assert out["vi"].timeline[0].text == VI and out["en"].timeline[0].text == EN
    # No Lao version: the row is written in Lao from its fields (kind, place), the original cited in the sources.
    lo_text = out["lo"].timeline[0].text
    assert lo_text.startswith(t("event_signing", "lo")) and t("place_hanoi", "lo") in lo_text
    assert out["lo"].timeline[0].text_lang == "vi" and out["lo"].timeline[0].quote == VI
    assert out["en"].timeline[0].place == "Hanoi" and out["lo"].timeline[0].place == "Hà Nội"
    assert out["en"].agreements[0].parties.text.startswith("Vietnam Social Security")
    assert out["lo"].agreements[0].parties.text.endswith(t("brief_quoted", "lo"))


def test_corpus_register_is_built_once_per_version_for_every_page_and_language(toy_corpus):
    retriever = toy_corpus.retriever
    register = current_register(retriever.mirror)
    cache = register_cache(retriever.mirror)
    builds = cache.builds
    for lang in LANGS:  # the agreements page in every interface language, and a briefing
        rows = extract_agreements_and_activities(retriever, lang=lang, as_of="2023-06-01")
        assert {r.period for r in rows if r.kind == "agreement"} == {"2016-2020", "2022-2025"}
    b = build_briefing(retriever, lang="lo")
    assert cache.builds == builds and current_register(retriever.mirror) is register
    assert len(b.timeline) == len(register.events)
    assert {a.key for a in register.agreements} == {"mou:2016-2020", "mou:2022-2025"}
    for a in register.activities:
        assert a.area in AREAS and a.status in ACTIVITY_STATUSES and a.doc_id == "vss-lao-2022-11-22-vi"
        assert set(a.shown) <= set(LANGS) and a.span_in("lo").lang == "lo"  # the Lao version has every item


LAO_NOTE = """---
id: lao-note-{n}
title: "ບົດບັນທຶກ {n}"
date: 2023-0{n}-20
lang: lo
kind: news
---

ວັນທີ ໑໕ ເດືອນ{month} ປີ ໒໐໒໓, ທີ່ນະຄອນຫຼວງວຽງຈັນ, ຄະນະຜູ້ແທນປະກັນສັງຄົມຫວຽດນາມ ໄດ້ຢ້ຽມຢາມ ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ລາວ.
"""


def test_a_new_corpus_version_builds_a_new_register(fresh_store, tmp_path):
    retriever = Retriever(fresh_store)
    cache = register_cache(retriever.mirror)
    for n, month in ((3, "ມີນາ"), (4, "ເມສາ")):
        path = tmp_path / f"note-{n}.md"
        path.write_text(LAO_NOTE.format(n=n, month=month), encoding="utf-8")
        assert not ingest_paths(fresh_store, [path], bar=False).failed
        register = current_register(retriever.mirror)
        assert register.version == fresh_store.corpus_version()
        assert current_register(retriever.mirror) is register  # read again: not built again
    assert cache.builds == 2
    assert [(e.date, e.kind) for e in register.events] == [("2023-03-15", "visit"), ("2023-04-15", "visit")]
    assert [e.place for e in register.events] == ["ນະຄອນຫຼວງວຽງຈັນ"] * 2
