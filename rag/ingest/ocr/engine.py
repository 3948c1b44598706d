"""OCR of page images and scanned PDFs: the public functions of ``rag.ingest.ocr``.

Flow of one page: clean the image (preprocess.py), pick the language (a quick pass when none is
given), run tesseract in that language, drop noise, correct Lao (digit pass on the pixels of
number-like words, then text corrections), and assemble the page text with word offsets and boxes
in the original page's pixels.
"""
from __future__ import annotations

import io
import logging
import math
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from PIL import Image, ImageSequence, UnidentifiedImageError

from . import lao_correct, lao_digits
from .page import Box, OcrError, OcrPage, OcrWord
from .preprocess import Prep, otsu_threshold, prepare, to_grey
from .recover import recover_lines
from .tesseract import INSTALL_HINT, REQUIRED_MODELS, TsvWord, installed_models, run_tsv, tesseract_path

log = logging.getLogger(__name__)

LANGS = ("vi", "lo", "en")
MIN_SIDE = 32  # pixels; smaller than this is no page
MIN_WORD_CONF = 35.0  # words below this with no letter or digit are scanner noise
VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
VI_MARKED = set("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


@dataclass(frozen=True)
class OcrOptions:
    """Engine settings; the defaults are the measured best (docs/ocr.md). The benchmark varies them."""

    prep: Prep = field(default_factory=Prep)
    # lao+Lao: the language model plus the Lao script model (which also knows Latin letters);
    # on the tune half it cut Lao CER from 0.072 to 0.062 for 2.7x the time (docs/ocr.md)
    models: tuple[tuple[str, str], ...] = (("vi", "vie"), ("lo", "lao+Lao"), ("en", "eng"))
    psm: int = 3
    lao_steps: tuple[str, ...] = lao_correct.ALL_STEPS
    recover: bool = True  # read again the lines tesseract's layout analysis skipped (recover.py)

    def model(self, lang: str) -> str:
        return dict(self.models)[lang]


DEFAULT_OPTIONS = OcrOptions()


def ocr_available() -> tuple[bool, str]:
    """(True, '') when tesseract and its vie, lao and eng models are installed, else (False, what to do)."""
    if not tesseract_path():
        return False, f"OCR needs the tesseract program: {INSTALL_HINT}"
    missing = [m for m in REQUIRED_MODELS if m not in installed_models()]
    if missing:
        return False, f"tesseract lacks the {', '.join(missing)} model(s): {INSTALL_HINT}"
    return True, ""


def load_image(data: bytes) -> list[Image.Image]:
    """Decode PNG, JPEG or TIFF bytes into page images (every frame of a multi-page TIFF)."""
    try:
        img = Image.open(io.BytesIO(data))
        pages = []
        for frame in ImageSequence.Iterator(img):
            frame.load()
            pages.append(frame.copy())
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise OcrError("the image file is damaged or not an image (PNG, JPEG or TIFF expected); "
                       f"scan or export it again ({type(exc).__name__})") from exc
    if not pages:
        raise OcrError("the image file holds no page; scan or export it again")
    return pages


def page_png(image: Image.Image, max_side: int = 1600) -> bytes:
    """A downscaled greyscale PNG of the page, kept beside citations so staff can see the source."""
    small = to_grey(image)
    small.thumbnail((max_side, max_side), Image.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def _open_pdf(data: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise OcrError("the PDF is password-protected; save an unprotected copy and add it again") from exc
        raise OcrError(f"the PDF is damaged or not a PDF ({exc}); export or scan it again") from exc


def pdf_pages_without_text(data: bytes, min_chars: int = 20) -> list[int]:
    """1-based numbers of the pages whose text layer has fewer than ``min_chars`` letters or digits."""
    pdf = _open_pdf(data)
    try:
        out = []
        for i in range(len(pdf)):
            textpage = pdf[i].get_textpage()
            text = textpage.get_text_range()
            if sum(ch.isalnum() for ch in text) < min_chars:
                out.append(i + 1)
        return out
    finally:
        pdf.close()


def native_dpi(page, default: int = 300) -> int:
    """Resolution of the largest image on a PDF page (a scanner's page image), or ``default``."""
    import pypdfium2.raw as pdfium_c

    best, dpi = 0.0, 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        try:
            w_px, h_px = obj.get_px_size()
            left, bottom, right, top = obj.get_bounds()
        except Exception:  # an image pdfium cannot measure: look at the others
            continue
        area = (right - left) * (top - bottom)
        if area > best and right > left and w_px > 0:
            best, dpi = area, w_px / ((right - left) / 72.0)
    if best < 0.25 * page.get_width() * page.get_height():  # no page-sized image: not a scan of the page
        return default
    return int(min(600, max(100, round(dpi))))


def pdf_page_images(data: bytes, pages: Sequence[int]) -> Iterator[tuple[int, Image.Image, int]]:
    """(page, greyscale image, dpi) of the given 1-based pages, each rendered at its scan's own resolution."""
    pdf = _open_pdf(data)
    try:
        count = len(pdf)
        for number in pages:
            if not 1 <= number <= count:
                raise OcrError(f"the PDF has {count} page(s); page {number} does not exist")
            page = pdf[number - 1]
            dpi = native_dpi(page)
            yield number, page.render(scale=dpi / 72.0, grayscale=True).to_pil(), dpi
    finally:
        pdf.close()


def ocr_pdf(data: bytes, pages: Sequence[int] | None = None, lang: str | None = None, dpi: int = 300,
            progress: Callable[[int, int], None] | None = None, vocabulary: Iterable[str] = (),
            *, options: OcrOptions = DEFAULT_OPTIONS) -> list[OcrPage]:
    """Render the given 1-based pages (all when None) at ``dpi`` and OCR them."""
    pdf = _open_pdf(data)
    try:
        count = len(pdf)
        wanted = list(pages) if pages is not None else list(range(1, count + 1))
        bad = [p for p in wanted if not 1 <= p <= count]
        if bad:
            raise OcrError(f"the PDF has {count} page(s); page {bad[0]} does not exist")
        vocab = list(vocabulary)
        out = []
        for done, number in enumerate(wanted, 1):
            image = pdf[number - 1].render(scale=dpi / 72.0, grayscale=True).to_pil()
            out.append(ocr_image(image, lang=lang, page=number, dpi=dpi, vocabulary=vocab, options=options))
            if progress:
                progress(done, len(wanted))
        return out
    finally:
        pdf.close()


def ink_share(grey: Image.Image) -> float:
    """Share of dark pixels on a small copy: ~0 for a blank page."""
    small = grey.copy()
    small.thumbnail((800, 800))
    import numpy as np

    arr = np.asarray(small)
    if arr.max() - arr.min() < 40:  # flat page: no contrast at all
        return 0.0
    return float((arr < min(otsu_threshold(arr), 160)).mean())


LATIN_MIN_CONF = 50.0  # the vie model reads Latin pages at 85-97 mean confidence and Lao pages at 15-30


def detect_lang(image: Image.Image, dpi: int) -> str:
    """'lo', 'vi' or 'en' from one quick pass of the Vietnamese model on a band of the page.

    The vie model reads any Latin-script page with high confidence and a Lao page with very low
    confidence (it has no Lao letters), so its mean word confidence tells the scripts apart; among
    Latin pages, Vietnamese letters decide vi vs en. (A combined lao+vie pass was tried first: on a
    short Lao note it read half the Lao words as Latin and answered 'vi'.)
    """
    w, h = image.size
    band = image.crop((0, int(h * 0.15), w, int(h * 0.55))) if h > 4 * w / 3 else image
    words = [wd for wd in run_tsv(band, "vie", psm=3, dpi=dpi) if wd.text.strip()]
    chars = sum(len(wd.text) for wd in words)
    if not chars:
        return "vi"
    conf = sum(wd.conf * len(wd.text) for wd in words) / chars
    if conf < LATIN_MIN_CONF:
        return "lo"
    latin = [ch for wd in words if wd.conf >= 30 for ch in wd.text if ch.isalpha()]
    if not latin:
        return "vi"
    marked = sum(ch in VI_LETTERS or ch in VI_MARKED for ch in (c.lower() for c in latin))
    return "vi" if marked / len(latin) > 0.03 else "en"


def _page_box(box: Box, scale: float, angle: float, size: tuple[int, int]) -> Box:
    """Map a box from the processed image back to page pixels (undo upscale, then deskew)."""
    x0, y0, x1, y1 = (v / scale for v in box)
    if angle:
        cx, cy = size[0] / 2, size[1] / 2
        a = math.radians(angle)  # PIL rotated the page by +angle (counter-clockwise); rotate back
        cos, sin = math.cos(a), math.sin(a)
        pts = []
        for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            dx, dy = x - cx, y - cy
            pts.append((cx + dx * cos - dy * sin, cy + dx * sin + dy * cos))
        x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
        y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
    return (max(0, round(x0)), max(0, round(y0)), min(size[0], round(x1)), min(size[1], round(y1)))


def _assemble(words: list[TsvWord]) -> tuple[str, list[tuple[int, int]]]:
    """Page text from words in reading order: words by a space, lines by a newline, paragraphs by a blank line."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for wd in words:
        key = (wd.block, wd.par, wd.line)
        if prev is not None:
            sep = " " if key == prev else ("\n" if key[:2] == prev[:2] else "\n\n")
            parts.append(sep)
            pos += len(sep)
        parts.append(wd.text)
        spans.append((pos, pos + len(wd.text)))
        pos += len(wd.text)
        prev = key
    return "".join(parts), spans


def _is_noise(wd: TsvWord, line_h: float = 0.0) -> bool:
    """Scanner dirt and table rules: low-confidence words without a letter or digit, lone bars, and
    low-confidence "words" far smaller than the page's text (a speck read as "vy")."""
    if set(wd.text) <= set("|[]!¦│"):
        return True
    if wd.conf < MIN_WORD_CONF and wd.box[3] - wd.box[1] < 0.4 * line_h:
        return True
    return wd.conf < MIN_WORD_CONF and not any(ch.isalnum() for ch in wd.text)


def _words(words: list[TsvWord]) -> list[TsvWord]:
    """tesseract's words without the noise (see _is_noise)."""
    heights = sorted(wd.box[3] - wd.box[1] for wd in words if wd.conf >= MIN_WORD_CONF)
    line_h = heights[len(heights) // 2] if heights else 0.0
    return [wd for wd in words if not _is_noise(wd, line_h)]


def ocr_image(image: Image.Image, lang: str | None = None, page: int = 1, dpi: int = 300,
              vocabulary: Iterable[str] = (), *, options: OcrOptions = DEFAULT_OPTIONS) -> OcrPage:
    """OCR one page image in ``lang`` ('vi', 'lo', 'en'; None: detect) and post-correct Lao."""
    if not isinstance(image, Image.Image):
        raise OcrError("page is not an image; give a PNG, JPEG or TIFF scan")
    if lang is not None and lang not in LANGS:
        raise OcrError(f"OCR language must be one of {', '.join(LANGS)}, not {lang!r}")
    if min(image.size) < MIN_SIDE:
        raise OcrError(f"page {page} image is only {image.width}x{image.height} pixels, too small to read; "
                       "scan it again at 200-300 dpi")
    started = time.monotonic()
    try:
        grey = to_grey(image)
    except OSError as exc:
        raise OcrError(f"page {page} image is damaged ({exc}); scan it again") from exc
    width, height = grey.size
    empty = OcrPage(page=page, text="", words=[], width=width, height=height, dpi=dpi,
                    lang=lang or "vi", mean_conf=0.0)
    if ink_share(grey) < 0.0005:
        log.info("page %d looks blank", page)
        return empty
    proc, scale, angle = prepare(grey, dpi, options.prep)
    eff_dpi = round(dpi * scale)
    if lang is None:
        lang = detect_lang(proc, eff_dpi)
        empty.lang = lang
    raw = _words(run_tsv(proc, options.model(lang), psm=options.psm, dpi=eff_dpi))
    if options.recover:
        raw = recover_lines(proc, raw, options.model(lang), eff_dpi)
    if lang == "lo":
        raw = lao_digits.digit_pass(raw, proc, options.lao_steps)
        lexicon = lao_correct.lexicon_for(vocabulary) if "dictionary" in options.lao_steps else None
        for wd in raw:
            wd.text = lao_correct.correct_token(wd.text, lexicon, options.lao_steps)
    for wd in raw:
        wd.text = unicodedata.normalize("NFC", wd.text)
    raw = [wd for wd in raw if wd.text]
    if not raw:
        return empty
    text, spans = _assemble(raw)
    words = [OcrWord(text=wd.text, conf=wd.conf, box=_page_box(wd.box, scale, angle, (width, height)),
                     start=s, end=e) for wd, (s, e) in zip(raw, spans)]
    mean = sum(w.conf for w in words) / len(words)
    log.info("page %d: %s, %d words, mean conf %.1f, %.1f s", page, lang, len(words), mean,
             time.monotonic() - started)
    return OcrPage(page=page, text=text, words=words, width=width, height=height, dpi=dpi, lang=lang,
                   mean_conf=round(mean, 2))
