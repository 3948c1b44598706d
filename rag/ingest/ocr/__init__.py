"""OCR for scanned documents (Vietnamese, Lao, English) with Lao post-correction.

Self-contained: it needs only the standard library, Pillow, numpy, pypdfium2, laonlp (word lists)
and the tesseract program with its ``vie``, ``lao`` and ``eng`` models. Method and measured
figures: docs/ocr.md.
"""
from .engine import (
                     OcrOptions,
                     detect_lang,
                     load_image,
                     ocr_available,
                     ocr_image,
                     ocr_pdf,
                     page_png,
                     pdf_page_images,
                     pdf_pages_without_text,
)
from .lao_correct import correct_lao
from .page import OcrError, OcrPage, OcrWord
from .preprocess import Prep

__all__ = [
    "OcrError", "OcrOptions", "OcrPage", "OcrWord", "Prep", "correct_lao", "detect_lang", "load_image",
    "ocr_available", "ocr_image", "ocr_pdf", "page_png", "pdf_page_images", "pdf_pages_without_text",
]
