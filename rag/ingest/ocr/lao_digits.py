"""Lao digit pass: read the digits of number-like words from the pixels.

tesseract's Lao models have no Lao digits in their character sets: ໒໐໒໒ comes out as "6066",
໑໑ as "99", ໗ as the letter ກ, ໕ as "ແ້". No whitelist can fix that, and a text-only mapping
cannot tell a misread ໒ from a real Arabic 6. This pass therefore looks at the pixels again:

1. candidates: words on a Lao page that contain a digit, "/" or are in a date/count context
   (after ວັນທີ, ເດືອນ, ປີ, ໄລຍະ, ເລກທີ, ຈຳນວນ ..., before ຄົນ, ທ່ານ, ຄັ້ງ, ກີບ ...);
2. the word box is cut out, binarised and split into glyphs (column projection; a glyph too wide
   to be one digit is split at its thinnest column);
3. each glyph is matched (normalised correlation plus a shape-ratio penalty) against templates of
   the Lao digits, the Arabic digits, separators and the Lao letters that look like digits,
   drawn from the Noto Sans Lao / Noto Serif Lao fonts;
4. the word is rewritten only when every glyph is confidently a digit or separator and the Lao
   digits fit better than the Arabic ones; otherwise tesseract's reading stays.
"""
from __future__ import annotations

import functools
import itertools
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .preprocess import otsu_threshold
from .tesseract import TsvWord

log = logging.getLogger(__name__)

LAO_DIGITS = "໐໑໒໓໔໕໖໗໘໙"
ARABIC = "0123456789"
SEPARATORS = "/-.,():"
LOOKALIKE_LETTERS = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢລວຫອຮໆ"
FONT_DIRS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto", "/usr/local/share/fonts")
TEMPLATE_FONTS = (  # (Lao font, Latin font); the looped Lao style is left out on purpose (held out)
    ("NotoSansLao-Regular.ttf", "NotoSans-Regular.ttf"),
    ("NotoSansLao-Bold.ttf", "NotoSans-Bold.ttf"),
    ("NotoSerifLao-Regular.ttf", "NotoSerif-Regular.ttf"),
    ("NotoSerifLao-Bold.ttf", "NotoSerif-Bold.ttf"),
)
SIZE = 20  # glyphs are compared as SIZE x SIZE bitmaps
MIN_SCORE = 0.55
TWIN_MARGIN = 0.06  # a letter may beat a digit by this much and the glyph still counts as the digit  # every glyph of a rewritten word must match a digit or separator this well
LOW_CONF = 15.0  # a short word tesseract is this unsure of may be Lao digits it cannot output
BEFORE = ("ທີ", "ປີ", "ປິ", "ນີ", "ບີ", "ເດືອນ", "ດືອນ", "ໄລຍະ", "ຈຳນວນ", "ມີ", "ໝົດ", "ບນົດ", "ຫມົດ", "ນົດ", "ຮ່ວມ", "ແຕ່", "ຫາ", "ຮອດ", "ເຖິງ", "ປະມານ", "ວັນ")
AFTER = ("ຄົນ", "ທ່ານ", "ຄັ້ງ", "ປີ", "ເດືອນ", "ວັນ", "ສະບັບ", "ກີບ", "ລ້ານ", "ມາດຕາ", "ໂຄງການ", "ແຂວງ",
         "ຊົ່ວໂມງ", "ຫົວໜ່ວຍ", "ບ້ານ", "ເມືອງ", "ໂດລາ", "ເປີເຊັນ", "%")
NUMBERISH = re.compile(r"[0-9\u0ed0-\u0ed9/]")
# what the previous word says a number is; misread forms seen on scans included (ຽນທີ, ນີ for ປີ)
CONTEXT_KINDS = (("day", ("ວັນທີ", "ນທີ")), ("month", ("ເດືອນ", "ດືອນ")), ("year", ("ປີ", "ປິ", "ນີ", "ບີ")))


def _find_font(name: str) -> str | None:
    for folder in FONT_DIRS:
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    return None


def _normalise(ink: np.ndarray) -> np.ndarray:
    """Centre a boolean glyph bitmap in a square and resize it to SIZE x SIZE floats (mean 0, norm 1)."""
    h, w = ink.shape
    side = max(h, w)
    square = np.zeros((side, side), dtype=np.uint8)
    square[(side - h) // 2:(side - h) // 2 + h, (side - w) // 2:(side - w) // 2 + w] = ink * 255
    small = np.asarray(Image.fromarray(square).resize((SIZE, SIZE), Image.BILINEAR), dtype=np.float32)
    small -= small.mean()
    norm = float(np.linalg.norm(small))
    return small / norm if norm else small


@functools.lru_cache(maxsize=1)
def templates() -> tuple[list[str], np.ndarray, np.ndarray]:
    """(labels, bitmaps N x SIZE*SIZE, aspect ratios) of every template glyph in every font found."""
    labels: list[str] = []
    maps: list[np.ndarray] = []
    aspects: list[float] = []
    for lao_name, latin_name in TEMPLATE_FONTS:
        lao_path, latin_path = _find_font(lao_name), _find_font(latin_name)
        for chars, path in ((LAO_DIGITS + LOOKALIKE_LETTERS, lao_path), (ARABIC + SEPARATORS, latin_path)):
            if not path:
                continue
            font = ImageFont.truetype(path, 64)
            for ch in chars:
                img = Image.new("L", (128, 128), 0)
                ImageDraw.Draw(img).text((32, 96), ch, font=font, fill=255, anchor="ls")
                ink = np.asarray(img) > 127
                ys, xs = np.nonzero(ink)
                if not len(ys):
                    continue
                crop = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
                labels.append(ch)
                maps.append(_normalise(crop).ravel())
                aspects.append(crop.shape[1] / crop.shape[0])
    if not labels:
        log.warning("no Noto Lao font found (apt-get install fonts-noto-core): the Lao digit pass is off")
        return [], np.zeros((0, SIZE * SIZE), np.float32), np.zeros(0)
    return labels, np.stack(maps), np.array(aspects)


def _runs(ink: np.ndarray) -> list[tuple[int, int]]:
    """Column runs holding ink."""
    cols = ink.any(axis=0)
    runs, start = [], None
    for x, v in enumerate(cols):
        if v and start is None:
            start = x
        elif not v and start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, len(cols)))
    return runs


def _glyph(ink: np.ndarray, a: int, b: int) -> tuple[int, int, np.ndarray] | None:
    """Rows y0, y1 and the tight bitmap of the ink between columns a and b."""
    part = ink[:, a:b]
    ys = np.nonzero(part.any(axis=1))[0]
    if not len(ys):
        return None
    return int(ys.min()), int(ys.max()) + 1, part[ys.min():ys.max() + 1]


def _scores(glyph: np.ndarray) -> np.ndarray:
    """Match score of a glyph bitmap against every template: correlation minus a shape-ratio penalty."""
    _, maps, aspects = templates()
    h, w = glyph.shape
    return maps @ _normalise(glyph).ravel() - 0.5 * np.abs(np.log((w / h) / aspects))


def _split_touching(ink: np.ndarray, a: int, b: int, word_h: int, depth: int = 0) -> list[tuple[int, int]]:
    """Split a run into touching glyphs at its thinnest column when the parts match templates better."""
    g = _glyph(ink, a, b)
    if g is None or depth > 2:
        return [(a, b)]
    y0, y1, glyph = g
    h, w = y1 - y0, b - a
    if w < 8 or h < 0.6 * word_h or w <= 0.6 * h:
        return [(a, b)]
    whole = float(_scores(glyph).max())
    if w <= 1.1 * h and whole >= MIN_SCORE:  # one glyph, read well (a slanted "/" touching a digit is not)
        return [(a, b)]
    lo, hi = max(3, w // 5), w - max(3, w // 5)
    if whole >= MIN_SCORE:  # wide but readable: cut at the thinnest column, as a first guess
        cols = ink[:, a:b].sum(axis=0)
        cuts = [a + lo + int(np.argmin(cols[lo:hi]))]
    else:  # not readable as one glyph (e.g. a slanted "/" touching a digit): try every column
        cuts = list(range(a + lo, a + hi))
    best_cut, best = None, whole + 0.05
    for cut in cuts:
        sub = [_glyph(ink, p, q) for p, q in ((a, cut), (cut, b))]
        if any(x is None for x in sub):
            continue
        score = min(float(_scores(x[2]).max()) for x in sub) if len(cuts) > 1 else \
            float(np.mean([float(_scores(x[2]).max()) for x in sub]))
        if score > best:
            best_cut, best = cut, score
    if best_cut is None:
        return [(a, b)]
    return _split_touching(ink, a, best_cut, word_h, depth + 1) + _split_touching(ink, best_cut, b, word_h, depth + 1)


@dataclass
class Glyph:
    """One glyph of a number: a separator, or a digit with its best Lao readings and best Arabic one."""

    sep: str = ""  # "/", "-", ".", ",", ":" ... ("" for a digit)
    lao: list[tuple[float, str]] = field(default_factory=list)  # Lao digit candidates, best first
    arabic: tuple[float, str] = (0.0, "")
    span: tuple[int, int] = (0, 0)  # top and bottom row of the glyph in the word image


@dataclass
class Reading:
    """A word image read as a number, glyph by glyph.

    ``complete`` is False when letters follow the number after a separator (a document number such
    as ໓໗໔/ປກສ): only the number part was read from the pixels.
    """

    glyphs: list[Glyph]
    complete: bool = True

    @property
    def margin(self) -> float:
        """How much better Lao digits fit than Arabic ones, summed over the digits."""
        return sum(g.lao[0][0] - g.arabic[0] for g in self.glyphs if not g.sep)

    @property
    def separators(self) -> list[str]:
        return [g.sep for g in self.glyphs if g.sep]

    def arabic_text(self) -> str:
        return "".join(g.sep or g.arabic[1] for g in self.glyphs)

    def plausible(self, text: str, kind: str | None = None) -> bool | None:
        """Whether ``text`` (this number in Lao or Arabic digits) is a possible date, month or year
        where the shape or ``kind`` says it is one; None when nothing says what it must be."""
        parts = re.split("[" + re.escape("".join(set(self.separators))) + "]", text) if self.separators else [text]
        parts = [x for x in parts if x]
        kinds = _field_kinds(len(parts), self.separators, kind, [len(x) for x in parts])
        if all(k is None for k in kinds):
            return None
        return all(x.isdigit() and _fits(x, k) for x, k in zip(parts, kinds))

    def lao_text(self, kind: str | None = None) -> str:
        """The Lao reading; where ``kind`` (day, month, year) or the shape (d/m/y, year-year) says what a
        number must be, the best-scoring reading that fits (a day of 86 is a misread 16)."""
        groups: list[list[Glyph]] = [[]]
        for g in self.glyphs:
            if g.sep:
                groups.append([])
            else:
                groups[-1].append(g)
        digits = [grp for grp in groups if grp]
        kinds = _field_kinds(len(digits), self.separators, kind, [len(grp) for grp in digits])
        chosen = {id(grp): _best_fit(grp, k) for grp, k in zip(digits, kinds)}
        text = []
        for n, grp in enumerate(groups):
            if n:
                text.append(self.separators[n - 1])
            if grp:
                text.append(chosen[id(grp)])
        return "".join(text)


YEARS = (1945, 2050)  # years a cooperation record speaks of; a year read outside them is a misread


def _field_kinds(n: int, seps: list[str], kind: str | None, lengths: list[int]) -> list[str | None]:
    """What each digit group of a number must be: day, month, year or anything (None)."""
    if n == 3 and len(set(seps[:2])) == 1 and seps[0] in "/.-":
        return ["day", "month", "year" if lengths[2] == 4 else None]
    if n == 2 and seps[:1] == ["/"] and kind == "month":
        return ["month", "year" if lengths[1] == 4 else None]
    if n == 2 and seps[:1] == ["-"] and lengths == [4, 4]:
        return ["year", "year"]
    if n == 1 and kind in ("day", "month") or (kind == "year" and lengths == [4]):
        return [kind]
    return [None] * n


def _fits(value: str, kind: str | None) -> bool:
    n = int(value.translate(_LAO_TO_INT))
    if kind == "day":
        return 1 <= n <= 31
    if kind == "month":
        return 1 <= n <= 12
    if kind == "year":
        return YEARS[0] <= n <= YEARS[1]
    return True


_LAO_TO_INT = str.maketrans(LAO_DIGITS, ARABIC)


def _best_fit(group: list[Glyph], kind: str | None) -> str:
    """The best-scoring Lao reading of one digit group that fits ``kind`` (the best one if none fits)."""
    best = "".join(g.lao[0][1] for g in group)
    if kind is None or _fits(best, kind) or len(group) > 4:
        return best
    found = None
    for combo in itertools.product(*(g.lao for g in group)):
        value = "".join(ch for _, ch in combo)
        if _fits(value, kind):
            score = sum(sc for sc, _ in combo)
            if found is None or score > found[0]:
                found = (score, value)
    return found[1] if found else best


def read_number(crop: Image.Image, keep: tuple[int, int] | None = None) -> Reading | None:
    """Read a word image as a number, or None.

    ``keep`` is the x-range of the word box inside the (padded) crop: glyphs wholly in the padding
    belong to the neighbours and are ignored; glyphs reaching into it are read whole. None means
    some glyph is not a digit or separator (a letter, a smudge) before any number was read: the word
    is left alone. Letters after a number and a "/" or "-" end the reading (``complete=False``).
    """
    labels, _, _ = templates()
    if not labels:
        return None
    arr = np.asarray(crop.convert("L"))
    if arr.size == 0 or int(arr.max()) - int(arr.min()) < 60:
        return None
    ink = arr < otsu_threshold(arr)
    left, right = keep if keep else (0, ink.shape[1])
    runs = [(a, b) for a, b in _runs(ink) if b > left and a < right]
    if not runs:
        return None
    ink = ink[:, runs[0][0]:runs[-1][1]]
    off = runs[0][0]
    rows = np.nonzero(ink.any(axis=1))[0]
    word_h = rows.max() - rows.min() + 1
    segs = []
    for a0, b0 in runs:
        for a, b in _split_touching(ink, a0 - off, b0 - off, word_h):
            g = _glyph(ink, a, b)
            if g is None:
                continue
            y0, y1, glyph = g
            if glyph.sum() < 4 or (y1 - y0 < 0.12 * word_h and b - a < 0.12 * word_h):
                continue  # a speck
            segs.append((a, b, y0, y1, glyph))
    if not segs:
        return None
    first_a = segs[0][0]
    lead = first_a + off < left  # the first glyph starts in the left padding: maybe the neighbour's
    digit_h = float(np.median([y1 - y0 for _, _, y0, y1, _ in segs]))
    segs = [sg for sg in segs if not (sg[3] - sg[2] > 1.6 * digit_h and (sg[1] - sg[0]) < 0.25 * (sg[3] - sg[2]))]
    top = min(sg[2] for sg in segs)
    word_h = max(sg[3] for sg in segs) - top
    lab = np.array(labels)
    is_lao = np.isin(lab, list(LAO_DIGITS))
    is_arabic = np.isin(lab, list(ARABIC))
    is_letter = np.isin(lab, list(LOOKALIKE_LETTERS))
    glyphs: list[Glyph] = []

    def stop(a: int, b: int) -> Reading | None | bool:
        """A letter or smudge. True: skip it (the end of the previous word, cut into by the box);
        else a number followed by "/" or "-" ends here, and anything else is no number."""
        if a == first_a and lead and not glyphs:
            return True
        if a + off >= right - 0.3 * digit_h and glyphs and not glyphs[-1].sep:  # the next word's first glyph
            return Reading(glyphs)
        if glyphs and glyphs[-1].sep in ("/", "-") and any(not g.sep for g in glyphs):
            return Reading(glyphs, complete=False)
        return None

    for a, b, y0, y1, glyph in segs:
        h, w = y1 - y0, b - a
        if h < 0.5 * digit_h:  # small marks: full stop, comma, hyphen
            mid = (y0 + y1) / 2
            if w > 1.6 * h and abs(mid - (top + word_h / 2)) < 0.3 * word_h:
                sym = "-"
            elif mid > top + 0.6 * word_h:
                sym = "," if h > 1.4 * w else "."
            else:
                end = stop(a, b)
                if end is True:
                    continue
                return end
            glyphs.append(Glyph(sep=sym))
            continue
        corr = _scores(glyph)
        best = int(np.argmax(corr))
        if is_letter[best]:  # ກ/໗, ລ/໙ ...: a digit nearly as good wins, the context decides later
            digit = int(np.argmax(np.where(is_lao | is_arabic, corr, -9)))
            if corr[digit] < corr[best] - TWIN_MARGIN:
                end = stop(a, b)
                if end is True:
                    continue
                return end
            best = digit
        if corr[best] < MIN_SCORE:
            end = stop(a, b)
            if end is True:
                continue
            return end
        if lab[best] in SEPARATORS:
            glyphs.append(Glyph(sep=str(lab[best])))
            continue
        lao: dict[str, float] = {}
        for k in np.argsort(np.where(is_lao, corr, -9))[::-1]:
            if not is_lao[k]:
                break
            lao.setdefault(str(lab[k]), float(corr[k]))  # one entry per digit (several fonts)
        best_arab = int(np.argmax(np.where(is_arabic, corr, -9)))
        glyphs.append(Glyph(lao=sorted(((sc, ch) for ch, sc in lao.items()), reverse=True),
                            arabic=(float(corr[best_arab]), str(lab[best_arab])), span=(y0, y1)))
    if not any(not g.sep for g in glyphs):
        return None
    _by_height([g for g in glyphs if not g.sep])
    return Reading(glyphs)


ASCENDING = set("໒໓໔໕໖")  # Lao digits rising above the x-height (all Noto styles alike)
DESCENDING = set("໗໘")  # Lao digits going below the baseline
HEIGHT_PENALTY = 0.3


def _by_height(digits: list[Glyph]) -> None:
    """Re-rank each digit's Lao readings by where it sits on the line (in place).

    Template matching scales every glyph to one square, so ໑ and ໘ (or ໐ and ໒) can look alike;
    their place does not: ໐ ໑ ໙ fill the x-height, ໒-໖ rise above it, ໗ ໘ go below the baseline.
    The highest bottom among a number's digits is the baseline and the lowest top the x-height line;
    a reading whose kind disagrees with where the glyph sits loses points (when every digit ends on
    one line and the best readings all descend, or all rise, that side is not checked).
    """
    if len(digits) < 2:
        for g in digits:
            g.lao = g.lao[:3]
        return
    tops = [g.span[0] for g in digits]
    bottoms = [g.span[1] for g in digits]
    xh = min(b - t for t, b in zip(tops, bottoms))
    base, xline = min(bottoms), max(tops)
    # all ending on one line: all descend or none does (then the best readings say which)
    check_desc = max(bottoms) - base > 0.2 * xh or not all(g.lao[0][1] in DESCENDING for g in digits)
    check_asc = xline - min(tops) > 0.2 * xh or not all(g.lao[0][1] in ASCENDING for g in digits)
    for g, top, bottom in zip(digits, tops, bottoms):
        desc, asc = bottom - base > 0.2 * xh, xline - top > 0.2 * xh
        scored = []
        for sc, ch in g.lao:
            if check_desc and desc != (ch in DESCENDING):
                sc -= HEIGHT_PENALTY
            if check_asc and asc != (ch in ASCENDING):
                sc -= HEIGHT_PENALTY
            scored.append((sc, ch))
        g.lao = sorted(scored, reverse=True)[:3]


def _context(words: Sequence[TsvWord], i: int) -> str | None:
    """What a number after the previous word must be: day (ວັນທີ), month (ເດືອນ), year (ປີ), or None."""
    if i == 0 or (words[i - 1].block, words[i - 1].par) != (words[i].block, words[i].par):
        return None
    prev = words[i - 1].text.rstrip(":")
    for kind, ends in CONTEXT_KINDS:
        if prev.endswith(ends):
            return kind
    return None


def _is_candidate(words: Sequence[TsvWord], i: int) -> bool:
    """A word that may be a number: it holds a digit or "/", or sits where dates and counts sit."""
    wd = words[i]
    if NUMBERISH.search(wd.text):
        return True
    if len(wd.text) > 8 and "-" not in wd.text:  # a period (໑໙໙໕-໑໙໙໘) may be read as two long "words"
        return False
    def same_par(j: int) -> bool:
        return 0 <= j < len(words) and (words[j].block, words[j].par) == (wd.block, wd.par)

    if len(wd.text) <= 4 and wd.conf < LOW_CONF:  # tesseract has no Lao digits: they read as unsure letters
        return True
    if same_par(i - 1) and words[i - 1].text.rstrip(":").endswith(BEFORE):
        return True
    height = wd.box[3] - wd.box[1]
    after = next((w for w in words[i + 1:i + 3] if w.box[3] - w.box[1] >= 0.5 * height), None)  # not a speck
    return after is not None and after.text.startswith(AFTER)  # even on the next line


def _suffix(text: str, seps: list[str]) -> str | None:
    """What tesseract read after the number part of a document number (after its last separator)."""
    pos = 0
    for sep in seps:
        at = text.find(sep, pos)
        if at < 0:
            return None
        pos = at + 1
    return text[pos:] or None


def _read_box(grey: Image.Image, box: tuple[int, int, int, int]) -> Reading | None:
    x0, y0, x1, y1 = box
    pad = max(2, (y1 - y0) // 8)
    side = max(4, (y1 - y0) // 2)  # tesseract's box sometimes cuts a glyph's right half off
    cx0, cx1 = max(0, x0 - side), min(grey.width, x1 + side)
    crop = grey.crop((cx0, max(0, y0 - pad), cx1, min(grey.height, y1 + pad)))
    return read_number(crop, keep=(x0 - cx0, x1 - cx0))


def _split_number(words: Sequence[TsvWord], i: int) -> bool:
    """The next word may be the rest of this number, cut in two by tesseract (໔໕ read as "ແ້ vy"):
    on the same line, close, short and without a real Lao word in it."""
    if i + 1 >= len(words):
        return False
    a, b = words[i], words[i + 1]
    if (a.block, a.par, a.line) != (b.block, b.par, b.line):
        return False
    h = max(a.box[3] - a.box[1], b.box[3] - b.box[1])
    lao_letters = any("\u0e81" <= ch <= "\u0ecd" for ch in b.text)  # a Lao word (ປີ, ຄົນ) is never merged
    return b.box[0] - a.box[2] < 0.6 * h and len(b.text) <= 4 and (NUMBERISH.search(b.text) or not lao_letters)


def _lao_reading(words: Sequence[TsvWord], i: int, got: Reading | None, text: str) -> str | None:
    """The Lao digits of a reading, or None when it is no number or Arabic digits are the better reading."""
    if got is None:
        return None
    kind = _context(words, i)
    lao = got.lao_text(kind)
    if got.margin <= 0 and not (got.plausible(got.arabic_text(), kind) is False and got.plausible(lao, kind)):
        return None  # Arabic digits fit better, and make a possible date: tesseract reads those well
    if not got.complete:
        rest = _suffix(text, got.separators)
        if rest is None or NUMBERISH.search(rest):
            return None  # only letters may follow the number part (ເລກທີ ໓໗໔/ປກສ)
        lao += rest
    return lao


def digit_pass(words: list[TsvWord], image: Image.Image, steps: Sequence[str] = ("digits",)) -> list[TsvWord]:
    """Rewrite number-like words of a Lao page in Lao digits where their pixels say so.

    Returns the words (a number tesseract cut in two comes back as one word).
    """
    if "digits" not in steps or not words:
        return words
    grey = image.convert("L")
    out: list[TsvWord] = []
    i = 0
    while i < len(words):
        wd = words[i]
        if not _is_candidate(words, i):
            out.append(wd)
            i += 1
            continue
        if _split_number(words, i):  # try the two words as one number first
            nxt = words[i + 1]
            box = (wd.box[0], min(wd.box[1], nxt.box[1]), nxt.box[2], max(wd.box[3], nxt.box[3]))
            got = _read_box(grey, box)
            lao = _lao_reading(words, i, got, wd.text + nxt.text) if got is not None and got.complete else None
            if lao is not None:
                log.debug("lao digits: %s %s -> %s (one number)", wd.text, nxt.text, lao)
                wd.text, wd.box, wd.conf = lao, box, min(wd.conf, nxt.conf)
                out.append(wd)
                i += 2
                continue
        lao = _lao_reading(words, i, _read_box(grey, wd.box), wd.text)
        if lao is not None:
            log.debug("lao digits: %s -> %s", wd.text, lao)
            wd.text = lao
        out.append(wd)
        i += 1
    return out
