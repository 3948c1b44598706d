"""Page-image clean-up before tesseract: grey, upscale, despeckle, deskew, binarise.

Why each step exists (figures in docs/ocr.md):
- upscale: tesseract's LSTM models read best when a line of text is ~30 px high; a 150-200 dpi scan
  of 11-12 pt Lao (small glyphs with stacked marks) is below that, so low-dpi pages are enlarged;
- despeckle: a 3x3 median removes the salt-and-pepper dots of photocopies, which tesseract
  otherwise reads as Lao tone marks or full stops;
- deskew: a scan tilted by a degree or two is rotated back so that word boxes are level (the Lao
  digit pass compares glyphs against upright templates);
- binarise: Otsu's threshold on the cleaned page, so faint grey strokes are not lost.
Every step returns a new image; ``scale`` tells how page pixels map to processed pixels.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter, ImageOps

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prep:
    """Which clean-up steps to run. The defaults are the measured best (docs/ocr.md)."""

    upscale_to_dpi: int = 300  # enlarge pages scanned below this resolution (0: never)
    despeckle: bool = True
    deskew: bool = True
    binarize: bool = False


def to_grey(image: Image.Image) -> Image.Image:
    """Greyscale copy; transparent areas become white (scans saved as RGBA PNG)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(bg, rgba)
    if image.mode == "1":
        return image.convert("L")
    return ImageOps.exif_transpose(image).convert("L") if image.mode != "L" else image.copy()


def otsu_threshold(grey: np.ndarray) -> int:
    """Otsu's global threshold of an 8-bit grey array (ink below, paper above)."""
    hist = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    mean_all = m0[-1] / total
    w1 = total - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_all * w0 - m0) ** 2 / (w0 * w1)
    between[~np.isfinite(between)] = 0
    return int(np.argmax(between))


def estimate_skew(grey: Image.Image, max_angle: float = 3.0, step: float = 0.25) -> float:
    """Angle (degrees, PIL's counter-clockwise sign) that makes text lines level.

    Projection-profile method on a ~1000 px wide binary copy: the rotation whose row sums vary
    most is the one where lines of text and the gaps between them line up with pixel rows.
    """
    small = grey.copy()
    small.thumbnail((1000, 1000))
    arr = np.asarray(small)
    ink = (arr < otsu_threshold(arr)).astype(np.uint8) * 255
    if ink.mean() < 0.5:  # almost no ink: nothing to level
        return 0.0
    ink_img = Image.fromarray(ink)
    best, best_score = 0.0, -1.0
    for angle in np.arange(-max_angle, max_angle + step / 2, step):
        rot = np.asarray(ink_img.rotate(float(angle), resample=Image.NEAREST, fillcolor=0))
        rows = rot.sum(axis=1, dtype=np.float64)
        score = float(np.sum(np.diff(rows) ** 2))
        if score > best_score:
            best, best_score = float(angle), score
    if best != 0.0:  # refine around the coarse optimum
        for angle in np.arange(best - step, best + step + 1e-9, step / 5):
            rot = np.asarray(ink_img.rotate(float(angle), resample=Image.NEAREST, fillcolor=0))
            rows = rot.sum(axis=1, dtype=np.float64)
            score = float(np.sum(np.diff(rows) ** 2))
            if score > best_score:
                best, best_score = float(angle), score
    return round(best, 2)


def prepare(image: Image.Image, dpi: int, prep: Prep = Prep()) -> tuple[Image.Image, float, float]:
    """Clean a page for OCR. Returns (image, scale, angle): processed pixels = page pixels * scale,
    after rotating the page by ``angle`` degrees about its centre (same size, white fill)."""
    grey = to_grey(image)
    angle = 0.0
    if prep.despeckle:
        grey = grey.filter(ImageFilter.MedianFilter(3))
    if prep.deskew:
        angle = estimate_skew(grey)
        if abs(angle) >= 0.2:
            grey = grey.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        else:
            angle = 0.0
    scale = 1.0
    if prep.upscale_to_dpi and dpi and dpi < prep.upscale_to_dpi:
        scale = prep.upscale_to_dpi / dpi
        grey = grey.resize((round(grey.width * scale), round(grey.height * scale)), Image.LANCZOS)
    if prep.binarize:
        arr = np.asarray(grey)
        grey = Image.fromarray(np.where(arr < otsu_threshold(arr), 0, 255).astype(np.uint8))
    log.debug("prepared page: angle %.2f, scale %.2f", angle, scale)
    return grey, scale, angle
