"""Scanned pages found while loading a file: which pages need OCR, and the bytes to read them from.

The loaders stay fast and never run OCR themselves: a PDF page whose text layer holds (almost) no
letters, and every page of a PNG / JPEG / TIFF file, is recorded here as a :class:`ScanSource` on the
loaded document. The OCR itself runs later, in ``scan_ocr.read_scans``, where the document's
language, the record's vocabulary and a progress callback are known.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from PIL import Image, ImageSequence, UnidentifiedImageError

from .errors import IngestError
from .ocr import OcrWord

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
MIN_LAYER_CHARS = 20  # a PDF page whose text layer has fewer letters and digits is read by OCR
A4_LONG_SIDE_IN = 11.69
DEFAULT_PDF_DPI = 300  # render resolution of a scanned PDF page when its image's own cannot be found
DPI_RANGE = (100, 600)


@dataclass
class ScanSource:
    """Pages of one file that need OCR.

    ``kind`` is "pdf" (pages without a text layer) or "image" (every frame of the image file);
    ``pages`` are 1-based; ``dpi`` is the resolution of an image file (from the file, or estimated
    from an A4 page), 0 for a PDF (each page's own image resolution is read when it is rendered).
    """

    kind: str
    data: bytes = field(repr=False)
    pages: list[int]
    page_count: int
    dpi: int = 0


@dataclass
class ScanPage:
    """One page read by OCR, placed in its document's text.

    ``start``/``end`` are the page's offsets in the document text (``RawDocument.text``, already
    normalized); each word's ``start``/``end`` index that same text and its ``box`` is in pixels
    of ``png``, the downscaled page image kept beside the store for citations.
    """

    page: int
    start: int
    end: int
    lang: str
    mean_conf: float  # mean tesseract word confidence, 0-100
    dpi: int
    words: list[OcrWord] = field(default_factory=list)
    png: bytes = field(default=b"", repr=False)
    size: tuple[int, int] = (0, 0)  # pixels of ``png``

    def span(self, start: int, end: int) -> tuple[tuple[int, int, int, int] | None, float]:
        """Box (in ``png`` pixels) and mean word confidence of the document text ``[start, end)`` on this page."""
        hit = [w for w in self.words if w.start < end and w.end > start]
        if not hit:
            return None, -1.0
        box = (min(w.box[0] for w in hit), min(w.box[1] for w in hit),
               max(w.box[2] for w in hit), max(w.box[3] for w in hit))
        return box, sum(w.conf for w in hit) / len(hit)


def has_text_layer(page_text: str) -> bool:
    """True when a PDF page's extracted text holds enough letters or digits to be its text."""
    return len(re.sub(r"\W", "", page_text)) >= MIN_LAYER_CHARS


def pdf_scan_source(data: bytes, page_texts: list[str]) -> ScanSource | None:
    """The pages of a PDF that have no text layer (None when every page has one)."""
    pages = [no for no, text in enumerate(page_texts, start=1) if not has_text_layer(text)]
    if not pages:
        return None
    return ScanSource("pdf", data, pages, len(page_texts))


def image_dpi(image: Image.Image) -> int:
    """The scan resolution an image file states, or an estimate from the page size (an A4 sheet)."""
    stated = image.info.get("dpi")
    try:
        dpi = round(float(stated[0])) if stated else 0
    except (TypeError, ValueError, IndexError):
        dpi = 0
    if dpi < DPI_RANGE[0]:  # absent, or the 72/96 dpi that cameras and screenshots write
        dpi = round(max(image.size) / A4_LONG_SIDE_IN)
    return max(DPI_RANGE[0], min(DPI_RANGE[1], dpi))


def image_source(data: bytes) -> ScanSource:
    """An image file (PNG, JPEG, TIFF; every frame of a multi-page TIFF) as pages to OCR."""
    if not data.strip():
        raise IngestError("empty_file")
    try:
        img = Image.open(io.BytesIO(data))
        dpi = image_dpi(img)
        frames = 0
        for frame in ImageSequence.Iterator(img):
            frame.load()
            frames += 1
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise IngestError("image_damaged", error=type(exc).__name__) from None
    if not frames:
        raise IngestError("image_damaged", error="no page")
    return ScanSource("image", data, list(range(1, frames + 1)), frames, dpi)
