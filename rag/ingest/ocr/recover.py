"""Lines tesseract's page layout skipped: find ink no word covers, read it again as a block of text.

tesseract's automatic page segmentation (psm 3) now and then drops a whole text line, most often
the last short line of a Lao page (seen on a three-line note: its count line vanished). Losing a
line silently loses the very facts staff ask about, so after the main pass every band of ink that
no recognised word covers, and that is as tall as a text line, is cut out and read again with the
"uniform block of text" mode (psm 6). Only confident words with a letter or digit (or runs of Lao
letters, which tesseract scores low even when right) are kept, so rules and specks add nothing.
"""
from __future__ import annotations

import logging

import numpy as np
from PIL import Image

from .preprocess import otsu_threshold
from .tesseract import TsvWord, run_tsv

log = logging.getLogger(__name__)

MIN_CONF = 35.0  # a word read from a leftover band must be at least this confident
MIN_LAO_CONF = 10.0  # ... or this, for a run of three Lao letters or more
MAX_BANDS = 8  # a page with more leftover bands is a drawing or a form: do not spend minutes on it


def _keep(w: TsvWord) -> bool:
    """A word worth keeping from a leftover band: confident, or a run of Lao letters (tesseract scores
    correct Lao words as low as 15-25 on a skipped line)."""
    lao = sum("\u0e81" <= ch <= "\u0ec6" for ch in w.text)
    if lao >= 3:
        return w.conf >= MIN_LAO_CONF
    return w.conf >= MIN_CONF and any(ch.isalnum() for ch in w.text)


def _leftover_bands(ink: np.ndarray, words: list[TsvWord], line_h: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of line-sized bands of ink outside every word box."""
    left = ink.copy()
    pad = max(2, int(0.25 * line_h))
    for w in words:
        x0, y0, x1, y1 = w.box
        left[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad] = False
    rows = left.sum(axis=1) >= 2
    bands, start = [], None
    for y, on in enumerate(np.append(rows, False)):
        if on and start is None:
            start = y
        elif not on and start is not None:
            bands.append((start, y))
            start = None
    out = []
    for y0, y1 in bands:
        if y1 - y0 < 0.5 * line_h or y1 - y0 > 4 * line_h:
            continue
        part = left[y0:y1]
        cols = np.nonzero(part.any(axis=0))[0]
        x0, x1 = int(cols.min()), int(cols.max()) + 1
        if x1 - x0 < 1.5 * line_h or part[:, x0:x1].mean() < 0.03:
            continue  # a rule, a speck or a mark: not a line of text
        out.append((x0, y0, x1, y1))
    return out


def recover_lines(image: Image.Image, words: list[TsvWord], model: str, dpi: int) -> list[TsvWord]:
    """``words`` with the words of skipped lines inserted in reading order (by their height on the page)."""
    if not words:
        return words
    arr = np.asarray(image.convert("L"))
    if int(arr.max()) - int(arr.min()) < 60:
        return words
    ink = arr < min(otsu_threshold(arr), 160)
    heights = sorted(w.box[3] - w.box[1] for w in words)
    line_h = float(heights[len(heights) // 2])
    bands = _leftover_bands(ink, words, line_h)
    if not bands or len(bands) > MAX_BANDS:
        return words
    out = list(words)
    block = max(w.block for w in words)
    for x0, y0, x1, y1 in bands:
        pad = int(0.4 * line_h)
        cx0, cy0 = max(0, x0 - pad), max(0, y0 - pad)
        crop = image.crop((cx0, cy0, min(image.width, x1 + pad), min(image.height, y1 + pad)))
        got = [w for w in run_tsv(crop, model, psm=6, dpi=dpi) if _keep(w)]
        if not got:
            continue
        block += 1
        for w in got:
            w.block = block
            w.box = (w.box[0] + cx0, w.box[1] + cy0, w.box[2] + cx0, w.box[3] + cy0)
        # before the first line that starts below this band
        at = next((i for i, w in enumerate(out) if w.box[1] >= y1 - 0.3 * line_h
                   and (i == 0 or (out[i - 1].block, out[i - 1].par, out[i - 1].line) != (w.block, w.par, w.line))),
                  len(out))
        out[at:at] = got
        log.info("recovered a skipped line: %s", " ".join(w.text for w in got))
    return out
