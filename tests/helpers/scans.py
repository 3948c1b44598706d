"""Scanned-looking pages for OCR tests, drawn with Pillow and the Noto fonts (no binary fixtures kept).

A page is text at 12 pt on white, tilted under a degree, blurred and speckled like a photocopy
scanned at ``dpi``; it can be saved as an image file, an image-only PDF (what a scanner writes) or
beside a page with a real text layer (a mixed PDF).
"""
from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

NOTO = Path("/usr/share/fonts/truetype/noto")
DPI = 200


def scan_page(lines: list[str], font: str = "NotoSans-Regular.ttf", dpi: int = DPI, seed: int = 1,
              size: tuple[float, float] = (6.0, 3.0), point: int = 12) -> Image.Image:
    """A scanned-looking page: ``lines`` at ``point`` pt, tilted under a degree, blurred, with speckles."""
    px = round(point * dpi / 72)
    img = Image.new("L", (round(size[0] * dpi), round(size[1] * dpi)), 255)
    draw = ImageDraw.Draw(img)
    main = ImageFont.truetype(str(NOTO / font), px, layout_engine=ImageFont.Layout.RAQM)
    latin = ImageFont.truetype(str(NOTO / "NotoSans-Regular.ttf"), px, layout_engine=ImageFont.Layout.RAQM)
    for i, line in enumerate(lines):
        x, y = round(0.4 * dpi), round(0.4 * dpi) + i * round(px * 1.9) + px
        for run, f in _runs(line, main, latin):  # the Lao fonts have no Latin punctuation: like a word processor
            draw.text((x, y), run, font=f, fill=0, anchor="ls")
            x += draw.textlength(run, font=f)
    rng = random.Random(seed)
    img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    arr = np.asarray(img).copy()
    noise = np.random.default_rng(seed).random(arr.shape)
    arr[noise < 0.001] = 0
    return Image.fromarray(arr)


def _runs(line: str, lao: ImageFont.FreeTypeFont, latin: ImageFont.FreeTypeFont):
    """The line cut into runs drawn with the Lao font (Lao letters and digits, and spaces between them)
    and the Latin font (everything else)."""
    out: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for ch in line:
        f = lao if "\u0e80" <= ch <= "\u0eff" or (ch == " " and out and out[-1][1] is lao) else latin
        if out and out[-1][1] is f:
            out[-1] = (out[-1][0] + ch, f)
        else:
            out.append((ch, f))
    return out


def blank_page(dpi: int = DPI, size: tuple[float, float] = (6.0, 3.0), speckle: float = 0.0, seed: int = 7) -> Image.Image:
    """A white page, optionally with scanner dust only (no text)."""
    arr = np.full((round(size[1] * dpi), round(size[0] * dpi)), 255, np.uint8)
    if speckle:
        arr[np.random.default_rng(seed).random(arr.shape) < speckle] = 0
    return Image.fromarray(arr).filter(ImageFilter.GaussianBlur(0.5))


def image_pdf(*images: Image.Image, dpi: int = DPI) -> bytes:
    """Image-only PDF pages, as a scanner writes them."""
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=float(dpi), save_all=True, append_images=list(images[1:]))
    return buf.getvalue()


def mixed_pdf(text: str, scan: Image.Image, dpi: int = DPI) -> bytes:
    """Page 1 with a real text layer holding ``text``; page 2 the scanned image only."""
    from fpdf import FPDF

    w_pt, h_pt = scan.width * 72 / dpi, scan.height * 72 / dpi
    doc = FPDF(unit="pt", format=(w_pt, h_pt))
    doc.add_font("NotoSans", fname=str(NOTO / "NotoSans-Regular.ttf"))
    doc.add_page()
    doc.set_font("NotoSans", size=12)
    doc.multi_cell(w_pt - 60, 16, text)
    buf = io.BytesIO()
    scan.save(buf, format="PNG")
    doc.add_page()
    doc.image(io.BytesIO(buf.getvalue()), x=0, y=0, w=w_pt, h=h_pt)
    return bytes(doc.output())


def png_bytes(image: Image.Image, dpi: int = DPI) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def tiff_bytes(*images: Image.Image, dpi: int = DPI) -> bytes:
    buf = io.BytesIO()
    images[0].save(buf, format="TIFF", save_all=True, append_images=list(images[1:]), dpi=(dpi, dpi))
    return buf.getvalue()
