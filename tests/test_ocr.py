"""Tests of rag.ingest.ocr with the real tesseract: scanned PDFs, mixed PDFs, image files, Lao digits.

Fixtures are drawn here with Pillow and the Noto fonts (fonts-noto-core), so no binary file is
kept in the repository. Every test is marked ``real``: it runs tesseract. Without tesseract they
skip with the install command, except under CI=true, where a missing tesseract is a failure.
"""
from __future__ import annotations

import io
import os
import random
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from rag.ingest.ocr import (  # noqa: E402
    OcrError,
    correct_lao,
    load_image,
    ocr_available,
    ocr_image,
    ocr_pdf,
    page_png,
    pdf_pages_without_text,
)

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
NOTO = Path("/usr/share/fonts/truetype/noto")
DPI = 200
VI_LINES = ["BIÊN BẢN GHI NHỚ HỢP TÁC", "Ngày 22/11/2022, Bảo hiểm xã hội Việt Nam",
            "và Bộ Lao động và Phúc lợi xã hội Lào ký kết.", "Có 45 đại biểu tham dự."]
LO_LINES = ["ກອງປະຊຸມໄດ້ຈັດຂຶ້ນໃນວັນທີ ໒໒ ເດືອນ ໑໑ ປີ ໒໐໒໒", "ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ ໔໕ ຄົນ"]

pytestmark = pytest.mark.real


@pytest.fixture(scope="module", autouse=True)
def tesseract_ready() -> None:
    ok, message = ocr_available()
    if not ok:
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    if not (NOTO / "NotoSans-Regular.ttf").exists():
        (pytest.fail if IN_CI else pytest.skip)("fixtures need fonts-noto-core: sudo apt-get install -y fonts-noto-core")


def page(lines: list[str], font: str = "NotoSans-Regular.ttf", dpi: int = DPI, seed: int = 1,
         size: tuple[float, float] = (6.0, 3.0)) -> Image.Image:
    """A scanned-looking page: text at 12 pt, tilted under a degree, blurred, with speckles."""
    px = round(12 * dpi / 72)
    img = Image.new("L", (round(size[0] * dpi), round(size[1] * dpi)), 255)
    draw = ImageDraw.Draw(img)
    f = ImageFont.truetype(str(NOTO / font), px, layout_engine=ImageFont.Layout.RAQM)
    for i, line in enumerate(lines):
        draw.text((round(0.4 * dpi), round(0.4 * dpi) + i * round(px * 1.9)), line, font=f, fill=0)
    rng = random.Random(seed)
    img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    arr = np.asarray(img).copy()
    noise = np.random.default_rng(seed).random(arr.shape)
    arr[noise < 0.001] = 0
    return Image.fromarray(arr)


def image_pdf(*images: Image.Image, dpi: int = DPI) -> bytes:
    """Image-only PDF pages, as a scanner writes them."""
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=float(dpi), save_all=True, append_images=list(images[1:]))
    return buf.getvalue()


def squash(text: str) -> str:
    return " ".join(text.split())


def test_scanned_vietnamese_pdf_is_read_with_boxes_and_progress() -> None:
    data = image_pdf(page(VI_LINES))
    assert pdf_pages_without_text(data) == [1]
    calls = []
    pages = ocr_pdf(data, dpi=DPI, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]
    (p,) = pages
    assert (p.page, p.lang, p.dpi) == (1, "vi", DPI)
    text = squash(p.text)
    for expected in ("Bảo hiểm xã hội Việt Nam", "22/11/2022", "45 đại biểu"):
        assert expected in text
    start = p.text.index("22/11/2022")
    box, conf = p.span_box(start, start + len("22/11/2022"))
    assert box is not None and conf > 50
    x0, y0, x1, y1 = box
    assert 0 <= x0 < x1 <= p.width and 0 <= y0 < y1 <= p.height
    assert all(p.text[w.start:w.end] == w.text for w in p.words)
    assert p.span_box(len(p.text), len(p.text) + 5) == (None, 0.0)
    assert 50 < p.mean_conf <= 100


def test_mixed_pdf_finds_and_reads_only_the_scanned_page() -> None:
    fpdf = pytest.importorskip("fpdf")
    doc = fpdf.FPDF(unit="pt", format=(432, 216))
    doc.add_font("NotoSans", fname=str(NOTO / "NotoSans-Regular.ttf"))
    doc.add_page()
    doc.set_font("NotoSans", size=12)
    doc.multi_cell(380, 16, "Trang có lớp chữ: Bảo hiểm xã hội Việt Nam và Lào hợp tác từ năm 1998.")
    buf = io.BytesIO()
    page(VI_LINES).save(buf, format="PNG")
    doc.add_page()
    doc.image(io.BytesIO(buf.getvalue()), x=0, y=0, w=432, h=216)
    data = bytes(doc.output())
    assert pdf_pages_without_text(data) == [2]
    (p,) = ocr_pdf(data, pages=[2], lang="vi", dpi=DPI)
    assert p.page == 2 and "Bảo hiểm xã hội" in squash(p.text)
    with pytest.raises(OcrError, match="page 3"):
        ocr_pdf(data, pages=[3])


def test_png_and_two_page_tiff() -> None:
    buf = io.BytesIO()
    page(VI_LINES).save(buf, format="PNG")
    (png,) = load_image(buf.getvalue())
    assert "Bảo hiểm xã hội" in squash(ocr_image(png, lang="vi", dpi=DPI).text)
    first = page(["Trang một: 12 đại biểu"], size=(4.0, 1.0))
    second = page(["Trang hai: 27 đại biểu"], size=(4.0, 1.0), seed=2)
    tif = io.BytesIO()
    first.save(tif, format="TIFF", save_all=True, append_images=[second], dpi=(DPI, DPI))
    images = load_image(tif.getvalue())
    assert len(images) == 2
    texts = [squash(ocr_image(im, lang="vi", page=i, dpi=DPI).text) for i, im in enumerate(images, 1)]
    assert "12 đại biểu" in texts[0] and "27 đại biểu" in texts[1]
    thumb = Image.open(io.BytesIO(page_png(images[0], max_side=400)))
    assert max(thumb.size) == 400 and thumb.format == "PNG"


def test_lao_scan_dates_and_counts_in_lao_digits() -> None:
    img = page(LO_LINES, font="NotoSansLao-Regular.ttf")
    p = ocr_image(img, dpi=DPI)  # language detected from the image
    assert p.lang == "lo"
    text = squash(p.text)
    for number in ("໒໒", "໑໑", "໒໐໒໒", "໔໕"):
        assert number in text.split(), (number, text)
    assert "ເດືອນ ໑໑ ປີ ໒໐໒໒" in text and "໔໕ ຄົນ" in text
    # the same page without the Lao steps shows why they exist: tesseract has no Lao digits
    from rag.ingest.ocr import OcrOptions

    raw = ocr_image(img, lang="lo", dpi=DPI, options=OcrOptions(lao_steps=()))
    assert not any("\u0ed0" <= ch <= "\u0ed9" for ch in raw.text)


def test_blank_and_noise_pages_give_empty_text() -> None:
    blank = Image.new("L", (1200, 1600), 255)
    p = ocr_image(blank, lang="vi", page=3, dpi=DPI)
    assert (p.text, p.words, p.page, p.width, p.height) == ("", [], 3, 1200, 1600)
    arr = np.full((1600, 1200), 255, np.uint8)
    rng = np.random.default_rng(7)
    arr[rng.random(arr.shape) < 0.003] = 0
    noisy = Image.fromarray(arr).filter(ImageFilter.GaussianBlur(0.5))
    for lang in ("vi", "lo", None):
        assert ocr_image(noisy, lang=lang, dpi=DPI).text.strip() == ""


def test_corrupt_and_tiny_inputs_raise_ocr_error() -> None:
    buf = io.BytesIO()
    page(VI_LINES).save(buf, format="PNG")
    with pytest.raises(OcrError, match="damaged"):
        load_image(buf.getvalue()[:200])
    with pytest.raises(OcrError, match="damaged|not an image"):
        load_image(b"this is not an image")
    with pytest.raises(OcrError, match="too small"):
        ocr_image(Image.new("L", (20, 10), 255))
    with pytest.raises(OcrError, match="PDF"):
        ocr_pdf(b"%PDF-1.4 broken")


def test_correct_lao_text() -> None:
    assert correct_lao("ດໍາເນີນ") == "ດຳເນີນ"  # tesseract writes ໍ + າ for ຳ
    assert correct_lao("ທັງຫມົດ ໜ້າທີ່") == "ທັງໝົດ ໜ້າທີ່"  # it has no ໝ / ໜ
    assert correct_lao("ເຂົ້າໃວ") == "ເຂົ້າໃຈ"  # ຈ read as ວ, one edit from a dictionary word
    assert correct_lao("ASSA 39, 22/11") == "ASSA 39, 22/11"
    assert correct_lao("ວຽງອັນ", vocabulary=["ນະຄອນຫຼວງວຽງຈັນ", "ວຽງຈັນ"]) == "ວຽງຈັນ"
