"""OCR in ingest: read a document's scanned pages, mark the passages read from them, keep the page images.

The flow for a loaded document with a :class:`~.scans.ScanSource` (a PDF page without a text layer,
an image file):

1. :func:`read_scans` OCRs each scanned page in the document's language (from its metadata, else
   detected page by page), with the record's own Lao words (:func:`record_vocabulary`) trusted by
   the Lao correction, and puts the pages' text in page order beside the pages that kept their text
   layer. A blank or unreadable page is reported in the document's notes and left out; the rest
   goes in. A scan with no readable text at all fails with a reason that says what to do.
2. :func:`mark_passages` gives every passage read by OCR its flag, mean word confidence, box on
   its page image and the image's path (``PassageMeta.ocr*``).
3. :func:`keep_page_images` writes the downscaled page images into ``Settings.files_path``, where
   citation cards find them; :func:`forget_page_images` removes them with their document.
"""
from __future__ import annotations

import io
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Optional

from PIL import Image
from tqdm import tqdm

from ..config import Settings
from ..records import Passage
from ..store.chroma import Store
from ..text.i18n import t
from ..text.langs import LANGS
from ..text.normalize import normalize_text
from ..text.tokens import tokenize
from .errors import IngestError
from .loaders import RawDocument
from .ocr import OcrError, OcrOptions, OcrPage, OcrWord, load_image, ocr_available, ocr_image, page_png, pdf_page_images
from .scans import ScanPage, ScanSource

log = logging.getLogger(__name__)

PageProgress = Callable[[int, int], None]
IMAGE_MAX_SIDE = 1600  # longest side of a kept page image, in pixels
SECONDS_PER_PAGE = 6.0  # a dense A4 page on 2 cores, language detection included (README, OCR section)
_SAFE = re.compile(r"[^\w.\-\u0e80-\u0eff]")


def estimate_seconds(pages: int) -> float:
    """What OCR of ``pages`` scanned pages will take, roughly (said before a long job starts)."""
    return pages * SECONDS_PER_PAGE


def page_list(pages: Sequence[int]) -> str:
    """1-based page numbers as people write them: "1-3, 5"."""
    out, run = [], []
    for p in sorted(set(pages)):
        if run and p == run[-1] + 1:
            run.append(p)
            continue
        if run:
            out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [p]
    if run:
        out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(out)


# --- the record's vocabulary ------------------------------------------------------------------
_vocab_cache: dict[tuple[str, str], list[str]] = {}
_vocab_lock = threading.Lock()


def record_vocabulary(store: Store) -> list[str]:
    """Lao words of the record's typed (not OCR'd) Lao passages and titles: the Lao correction trusts them most.

    Cached per store and corpus version: an ingest batch tokenizes the record once.
    """
    key = (store.settings.describe_store(), f"{store.corpus_version()}:{store.count()}")
    with _vocab_lock:
        if key in _vocab_cache:
            return _vocab_cache[key]
    words: set[str] = set()
    for p in store.get(where={"lang": "lo"}, documents=True):
        if not p.meta.ocr:
            words.update(w for w in tokenize(p.text, "lo") if len(w) > 1)
            words.update(w for w in tokenize(p.meta.title, "lo") if len(w) > 1)
    vocab = sorted(w for w in words if any("\u0e80" <= ch <= "\u0eff" for ch in w))
    with _vocab_lock:
        _vocab_cache.clear()
        _vocab_cache[key] = vocab
    return vocab


# --- reading the scanned pages ----------------------------------------------------------------
def _images(src: ScanSource) -> Iterator[tuple[int, Image.Image, int]]:
    if src.kind == "pdf":
        yield from pdf_page_images(src.data, src.pages)
        return
    frames = load_image(src.data)
    for number in src.pages:
        yield number, frames[number - 1], src.dpi


def _placed(page: OcrPage, text: str, start: int, png: bytes) -> ScanPage:
    """An OCR'd page placed at ``start`` of the document text; word boxes scaled to the kept image."""
    with Image.open(io.BytesIO(png)) as im:
        size = im.size
    sx, sy = size[0] / max(1, page.width), size[1] / max(1, page.height)
    words, pos = [], 0
    for w in page.words:  # the page text was normalized (whitespace only): find each word again
        at = text.find(w.text, pos)
        if at < 0:
            continue
        pos = at + len(w.text)
        box = (int(w.box[0] * sx), int(w.box[1] * sy), int(round(w.box[2] * sx)), int(round(w.box[3] * sy)))
        words.append(OcrWord(w.text, w.conf, box, start + at, start + pos))
    return ScanPage(page.page, start, start + len(text), page.lang, page.mean_conf, page.dpi, words, png, size)


SENTENCE_END = tuple(".:;!?…")


def _lines(page: OcrPage) -> list[list[OcrWord]]:
    """The page's words grouped into its text lines (words of a line are separated by one space)."""
    lines: list[list[OcrWord]] = []
    for w in page.words:
        if lines and page.text[lines[-1][-1].end:w.start] == " ":
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


def reflow(page: OcrPage) -> str:
    """The page text with paragraphs rebuilt from the layout, so sentences are not cut at line ends.

    tesseract ends a paragraph wherever its layout analysis hesitates and keeps every line break.
    Here a line that does not end a sentence and could not have held the next line's first word
    (it wrapped there) continues on the next line, joined by a space; a shorter line (heading, a paragraph's last line) and a table row
    (cells far apart) keep their line break; a line pitch clearly taller than the page's usual one,
    or a jump to another column, starts a new paragraph.
    """
    lines = _lines(page)
    if not lines:
        return page.text
    # y: a line's median word bottom (Lao marks below the line make the lowest bottom jump about)
    boxes = [(min(w.box[0] for w in ln), min(w.box[1] for w in ln), max(w.box[2] for w in ln),
              _median([w.box[3] for w in ln])) for ln in lines]
    height = _median([w.box[3] - w.box[1] for w in page.words])
    spaces = sorted(b.box[0] - a.box[2] for ln in lines for a, b in zip(ln, ln[1:]))
    space = spaces[len(spaces) // 4] if spaces else 0.3 * height  # tight end: table cells are far apart
    cell_gap = max(2.5 * space, 0.6 * height)

    def overlap(a: tuple, b: tuple) -> bool:
        return min(a[2], b[2]) - max(a[0], b[0]) > 0.3 * min(a[2] - a[0], b[2] - b[0])

    def below(a: tuple, b: tuple) -> bool:  # b is the next line of a's column
        return overlap(a, b) and 0 < b[3] - a[3] < 4 * height

    def table_row(ln: list[OcrWord]) -> bool:  # cells: words far apart
        return any(b.box[0] - a.box[2] > cell_gap for a, b in zip(ln, ln[1:]))

    # the usual line pitch: around the lower quartile (paragraph gaps make the upper half taller)
    pitches = sorted(b[3] - a[3] for a, b in zip(boxes, boxes[1:]) if below(a, b))
    q = pitches[len(pitches) // 4] if pitches else 2 * height
    usual = _median([x for x in pitches if 0.75 * q <= x <= 1.35 * q] or [q])
    out = [" ".join(w.text for w in lines[0])]
    for i in range(1, len(lines)):
        a, b = boxes[i - 1], boxes[i]
        edge = max(x[2] for x in boxes if overlap(a, x))
        first = lines[i][0].box[2] - lines[i][0].box[0]
        if not below(a, b) or b[3] - a[3] > 1.4 * usual:
            sep = "\n\n"
        elif (a[2] + space + first > edge and not lines[i - 1][-1].text.endswith(SENTENCE_END)
              and not table_row(lines[i - 1]) and not table_row(lines[i])):
            sep = " "  # the next line's first word did not fit on this one: a line wrap
        else:
            sep = "\n"
        out.append(sep + " ".join(w.text for w in lines[i]))
    return "".join(out)


def read_scans(raw: RawDocument, lang: Optional[str] = None, vocabulary: Sequence[str] = (),
               progress: Optional[PageProgress] = None, bar: bool = False,
               options: Optional[OcrOptions] = None) -> RawDocument:
    """OCR the scanned pages of ``raw`` and return it with their text placed in page order.

    ``lang`` (vi, lo, en) is the document's language from its metadata; without it each page's
    language is detected. ``progress(done, total)`` is called after each page. Raises IngestError
    when OCR is not installed, the file cannot be rendered, or no page holds readable text.
    """
    src = raw.scan
    if src is None:
        return raw
    ok, hint = ocr_available()
    if not ok:
        raise IngestError("scan_no_ocr", pages=page_list(src.pages), hint=hint)
    lang = str(lang or "").strip().lower()
    lang = lang if lang in LANGS else None
    extra = {"options": options} if options is not None else {}
    read: dict[int, tuple[OcrPage, Image.Image]] = {}
    empty: dict[int, str] = {}  # page -> why nothing was read from it
    started = time.monotonic()
    total = len(src.pages)
    try:
        with tqdm(total=total, desc=f"OCR {raw.path.name}", unit="page", disable=not bar, leave=False) as pbar:
            for done, (number, image, dpi) in enumerate(_images(src), start=1):
                try:
                    page = ocr_image(image, lang=lang, page=number, dpi=dpi, vocabulary=vocabulary, **extra)
                except OcrError as exc:  # this page only (too small, damaged): the others go on
                    empty[number] = str(exc)
                else:
                    if page.text.strip():
                        read[number] = (page, image)
                    else:
                        empty[number] = t("ocr_page_blank", "en")
                pbar.update(1)
                if progress:
                    progress(done, total)
    except OcrError as exc:  # the file itself cannot be rendered
        raise IngestError("scan_unreadable", error=str(exc)) from None
    log.info("%s: OCR of %d page(s) in %.1f s", raw.path.name, total, time.monotonic() - started)
    if not read and not raw.text.strip():
        raise IngestError("scan_no_text", pages=page_list(src.pages))
    return _assemble(raw, read, empty)


def _assemble(raw: RawDocument, read: dict[int, tuple[OcrPage, Image.Image]], empty: dict[int, str]) -> RawDocument:
    """The document text with OCR'd pages placed among the text-layer pages, in page order."""
    parts: list[tuple[int, str, Optional[tuple[OcrPage, Image.Image]]]] = []
    for a, b, number in raw.page_spans or []:
        parts.append((number, normalize_text(raw.text[a:b]), None))
    for number, got in read.items():
        parts.append((number, normalize_text(reflow(got[0])), got))
    parts.sort(key=lambda x: x[0])
    texts, spans, pages, pos = [], [], [], 0
    for number, text, got in parts:
        if not text:
            continue
        if texts:
            pos += 2
        spans.append((pos, pos + len(text), number))
        if got is not None:
            pages.append(_placed(got[0], text, pos, page_png(got[1], IMAGE_MAX_SIDE)))
        texts.append(text)
        pos += len(text)
    warnings = list(raw.warnings)
    by_lang: dict[str, list[ScanPage]] = {}
    for sp in pages:
        by_lang.setdefault(sp.lang, []).append(sp)
    for code, sps in sorted(by_lang.items()):
        words = [w for sp in sps for w in sp.words]
        conf = sum(w.conf for w in words) / max(1, len(words))
        warnings.append(t("ocr_pages_read", "en", pages=page_list([sp.page for sp in sps]), lang=code,
                          conf=f"{conf:.0f}"))
    for number, why in sorted(empty.items()):
        warnings.append(t("ocr_page_skipped", "en", page=number, reason=why))
    return replace(raw, text="\n\n".join(texts), page_spans=spans, ocr_pages=pages, warnings=warnings, scan=None)


# --- passages and page images -----------------------------------------------------------------
def image_folder(settings: Settings, doc_id: str) -> str:
    """Folder of a document's page images, relative to ``settings.files_path`` (safe for any id)."""
    name = _SAFE.sub("_", doc_id)
    if not name.strip("."):
        name = "_" + name
    return f"{settings.collection}/{name}"


def image_name(settings: Settings, doc_id: str, page: int) -> str:
    return f"{image_folder(settings, doc_id)}/page-{page:04d}.png"


def page_image_file(settings: Settings, rel: str) -> Optional[Path]:
    """The kept page image ``rel`` (``PassageMeta.ocr_image``) as a file, or None if absent or outside the folder."""
    if not rel:
        return None
    root = Path(settings.files_path).resolve()
    path = (root / rel).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def mark_passages(passages: list[Passage], raw: RawDocument, settings: Settings) -> None:
    """Flag the passages read by OCR: confidence, box on the page image, image path (in place)."""
    if not raw.ocr_pages:
        return
    by_page = {sp.page: sp for sp in raw.ocr_pages}
    same = normalize_text(raw.text) == raw.text  # passage offsets index raw.text (always, by construction)
    for p in passages:
        sp = by_page.get(p.meta.page)
        if sp is None:
            continue
        box, conf = sp.span(p.meta.start, p.meta.end) if same else (None, -1.0)
        p.meta.ocr = True
        p.meta.ocr_conf = round(conf if conf >= 0 else sp.mean_conf, 1)
        p.meta.ocr_box = ",".join(map(str, box)) if box else ""
        p.meta.ocr_image = image_name(settings, p.meta.doc_id, sp.page)


def keep_page_images(settings: Settings, doc_id: str, raw: RawDocument) -> None:
    """Write the document's page images (replacing those of an earlier version); a failure is only logged."""
    folder = Path(settings.files_path) / image_folder(settings, doc_id)
    try:
        if not raw.ocr_pages:
            forget_page_images(settings, doc_id)
            return
        folder.mkdir(parents=True, exist_ok=True)
        keep = set()
        for sp in raw.ocr_pages:
            path = Path(settings.files_path) / image_name(settings, doc_id, sp.page)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(sp.png)
            os.replace(tmp, path)
            keep.add(path.name)
        for old in folder.glob("page-*.png"):
            if old.name not in keep:
                old.unlink()
    except OSError as exc:
        log.warning("cannot keep the page images of %s in %s (%s): citations will show no image",
                    doc_id, folder, exc)


def forget_page_images(settings: Settings, doc_id: str) -> None:
    """Remove a document's page images (when the document is removed, or no longer a scan)."""
    folder = Path(settings.files_path) / image_folder(settings, doc_id)
    if folder.is_dir():
        shutil.rmtree(folder, ignore_errors=True)
