"""Fast tier: the parts of scan ingest that need no tesseract.

The background job runner, where page images are kept, the paragraphs rebuilt from an OCR page's
layout, and how an OCR'd passage gets its box, confidence and image and carries them into a
citation and the low-confidence note. OCR itself is tested in the real tier (test_ocr.py,
test_scans.py, test_app_scans.py).
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from helpers.stores import make_settings

from rag.answer.citations import Citation, ocr_note
from rag.config import load_settings
from rag.ingest.jobs import JobRunner
from rag.ingest.loaders import RawDocument
from rag.ingest.metadata import build_meta
from rag.ingest.ocr import OcrPage, OcrWord
from rag.ingest.pipeline import prepare
from rag.ingest.scan_ocr import image_name, mark_passages, page_image_file, reflow
from rag.ingest.scans import ScanPage
from rag.ingest.service import FileResult
from rag.text.i18n import t


def _until(check, timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.01)
    return False


def test_jobs_run_one_at_a_time_in_the_background_with_their_progress():
    runner = JobRunner()
    gate = threading.Event()

    def scan(report):
        report("ocr", 1, 3)
        gate.wait(5)
        report("ocr", 3, 3)
        report("embed", 4, 4)
        return FileResult("scan.pdf", "added", "scan", passages=4)

    first = runner.submit("scan.pdf", scan, pages=3)
    second = runner.submit("note.png", lambda report: FileResult("note.png", "added", "note"), pages=1)
    assert _until(lambda: runner.get(first).done == 1)
    running, waiting = runner.get(first), runner.get(second)
    assert (running.status, running.stage, running.done, running.total) == ("running", "ocr", 1, 3)
    assert waiting.status == "queued" and waiting.pages == 1  # the CPU is busy: the next scan waits
    gate.set()
    done = runner.wait(second, 5)
    assert done.status == "done" and done.result.doc_id == "note"
    first_done = runner.get(first)
    assert first_done.status == "done" and first_done.result.passages == 4 and first_done.stage == "embed"
    runner.forget(first)
    assert runner.get(first) is None and runner.get(second) is not None


def test_a_job_that_crashes_fails_with_the_error_and_the_next_one_runs():
    runner = JobRunner()

    def broken(report):
        raise RuntimeError("disk full")

    bad = runner.submit("bad.pdf", broken)
    good = runner.submit("good.pdf", lambda report: FileResult("good.pdf", "added", "good"))
    assert runner.wait(good, 5).result.status == "added"
    failed = runner.get(bad).result
    assert failed.status == "failed" and "disk full" in failed.reason and failed.path == "bad.pdf"


def test_page_images_are_kept_beside_the_store_and_never_outside_their_folder(tmp_path):
    settings = load_settings(store_dir=tmp_path / "chroma")
    assert settings.files_path == tmp_path / "chroma-files"
    assert load_settings(chroma_host="localhost").files_path == Path("data/files")
    assert load_settings(store_dir=tmp_path / "s", files_dir=tmp_path / "shared").files_path == tmp_path / "shared"
    rel = image_name(settings, "..", 3)
    assert rel == "cooperation_record/_../page-0003.png"  # an id of dots cannot climb out
    (tmp_path / "chroma-files" / "cooperation_record" / "doc").mkdir(parents=True)
    (tmp_path / "chroma-files" / "cooperation_record" / "doc" / "page-0001.png").write_bytes(b"png")
    (tmp_path / "secret.png").write_bytes(b"no")
    assert page_image_file(settings, "cooperation_record/doc/page-0001.png").name == "page-0001.png"
    assert page_image_file(settings, "../secret.png") is None
    assert page_image_file(settings, "cooperation_record/doc/page-0002.png") is None
    assert page_image_file(settings, "") is None


def _page(lines: list[tuple[str, int, str, int]], width: int = 1000) -> OcrPage:
    """An OCR page from (line text, top y, separator tesseract put before it, gap between words) rows,
    every line starting at x=100, each letter 18 px wide."""
    text, words = "", []
    for line, y, sep, gap in lines:
        text += sep if text else ""
        x = 100
        for n, w in enumerate(line.split(" ")):
            text += " " if n else ""
            words.append(OcrWord(w, 90.0, (x, y, x + 18 * len(w), y + 30), len(text), len(text) + len(w)))
            text += w
            x += 18 * len(w) + gap
    return OcrPage(1, text, words, width, 1400, 300, "vi", 90.0)


def test_paragraphs_are_rebuilt_from_the_layout():
    page = _page([
        ("BIÊN BẢN HỌP", 100, "", 20),
        ("Ngày 15/03/2023 tại Hà Nội, hai cơ quan bảo hiểm", 160, "\n", 20),  # "tổ" would not fit: it wrapped
        ("tổ chức cuộc họp thứ tư.", 220, "\n\n", 20),  # tesseract's paragraph break is wrong
        ("Tham dự có 27 đại biểu.", 340, "\n", 20),  # after a blank line: a new paragraph
        ("21/11/2022 Đón 12", 460, "\n\n", 150),  # table rows: cells far apart
        ("22/11/2022 Ký 35", 520, "\n", 150),
    ])
    assert reflow(page) == ("BIÊN BẢN HỌP\nNgày 15/03/2023 tại Hà Nội, hai cơ quan bảo hiểm tổ chức cuộc họp thứ tư."
                            "\n\nTham dự có 27 đại biểu.\n\n21/11/2022 Đón 12\n22/11/2022 Ký 35")


def test_a_passage_read_by_ocr_carries_its_box_confidence_and_image_into_its_citation(tmp_path):
    settings = make_settings(tmp_path / "store", embedding_model="toy")
    first = "Ngày 14/5/2024 hai bên làm việc tại Viêng Chăn."
    second = "Hai bên thống nhất đào tạo 38 cán bộ."
    text = f"Trang một có lớp chữ.\n\n{first}\n\n{second}"
    a, b = text.index(first), text.index(second)
    words = [OcrWord("Ngày", 95, (10, 10, 60, 30), a, a + 4), OcrWord("Chăn.", 91, (300, 12, 380, 32), b - 7, b - 2),
             OcrWord("Hai", 40, (10, 50, 50, 70), b, b + 3), OcrWord("bộ.", 50, (200, 52, 240, 72), len(text) - 3, len(text))]
    scanned = ScanPage(2, a, len(text), "vi", 69.0, 200, words, b"", (400, 120))
    raw = RawDocument(Path("memo.pdf"), text, {}, page_spans=[(0, a - 2, 1), (a, len(text), 2)], ocr_pages=[scanned])
    prepared = prepare(raw, build_meta({"title": "Biên bản"}, "memo"), 1000)
    mark_passages(prepared.passages, raw, settings)
    by_text = {p.text: p.meta for p in prepared.passages}
    typed, read_well, read_badly = by_text["Trang một có lớp chữ."], by_text[first], by_text[second]
    assert (typed.ocr, typed.ocr_conf, typed.ocr_box, typed.ocr_image) == (False, -1.0, "", "")
    assert read_well.ocr and read_well.page == 2 and read_well.ocr_conf == 93.0
    assert read_well.ocr_box == "10,10,380,32" and read_well.ocr_image == "cooperation_record/memo/page-0002.png"
    assert read_badly.ocr_conf == 45.0 and read_badly.ocr_box == "10,50,240,72"

    passages = {p.text: p for p in prepared.passages}
    good = Citation.of(1, passages[first], [])
    bad = Citation.of(2, passages[second], [])
    assert (bad.ocr, bad.ocr_conf, bad.ocr_box, bad.ocr_image) == (True, 45.0, "10,50,240,72", read_badly.ocr_image)
    assert bad.as_dict()["ocr_conf"] == 45.0
    assert ocr_note([good], "vi", 70) == ""
    assert ocr_note([good, bad], "lo", 70) == t("answer_ocr_low", "lo", refs="[2]", conf="45")
