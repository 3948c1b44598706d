"""Benchmark of rag.ingest.ocr on pages rendered from known texts (Vietnamese and Lao).

Each text in scripts/ocr_bench_texts/ (a header says its half, language, layout and font) is drawn
with Pillow (Noto fonts, Lao shaped by raqm), degraded the way a photocopy and scanner degrade a
page (rotation within +-1.5 degrees, Gaussian blur, salt-and-pepper speckle, sensor noise; all
seeded, so every run sees the same pixels), saved as an image-only PDF page and read back through
the ingest path (``load_file`` finds no text layer, ``read_scans`` renders the page at its scan's
resolution, OCRs it and rebuilds its paragraphs). Measured per language, half, dpi and step:

- CER: character edit distance / reference length (whitespace runs count as one space);
- WER: word edit distance / reference words (Lao words come from laonlp's word segmentation,
  since Lao does not put spaces between words);
- numbers: share of the reference's number tokens (dates like ໒໒/໑໑/໒໐໒໒, counts like ໔໕) that
  appear in the OCR text, separately for Lao-digit and Arabic-digit tokens, and how many number
  tokens the OCR text has that the reference has not (spurious).

Texts of the ``tune`` half were used to choose settings and word lists; the ``report`` half was
looked at only through this benchmark's numbers. The Lao digit templates come from the Noto Sans
Lao and Noto Serif Lao fonts; the looped font (B5) is held out from them.

Usage:  python scripts/bench_ocr.py [--quick] [--out results/ocr.json] [--docs docs/ocr.md]
``--quick`` runs 200 dpi only and skips the model and preprocessing comparisons.
"""
from __future__ import annotations

import argparse
import collections
import functools
import hashlib
import io
import json
import os
import platform
import random
import re
import sys
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from rag.ingest.loaders import load_file  # noqa: E402
from rag.ingest.ocr import engine  # noqa: E402
from rag.ingest.ocr.engine import OcrOptions  # noqa: E402
from rag.ingest.ocr.preprocess import Prep  # noqa: E402
from rag.ingest.scan_ocr import read_scans  # noqa: E402

TEXTS = Path(__file__).resolve().parent / "ocr_bench_texts"
FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONTS = {  # style -> (Lao font, Latin font)
    "sans": ("NotoSansLao-Regular.ttf", "NotoSans-Regular.ttf"),
    "serif": ("NotoSerifLao-Regular.ttf", "NotoSerif-Regular.ttf"),
    "looped": ("NotoLoopedLao-Regular.ttf", "NotoSerif-Regular.ttf"),
}
POINT = 12
NUMBER = re.compile(r"[0-9\u0ed0-\u0ed9]+(?:[/.\-][0-9\u0ed0-\u0ed9]+)*")
LAO_DIGIT = re.compile(r"[\u0ed0-\u0ed9]")
STEP_ORDER = ["tesseract", "+preprocess", "+recover", "+normalize", "+digits", "+dictionary"]
NO_STEPS = OcrOptions(prep=Prep(upscale_to_dpi=0, despeckle=False, deskew=False), lao_steps=(), recover=False)


# ---------------------------------------------------------------- texts and rendering

@dataclass
class BenchText:
    """One benchmark text: header fields and its lines (blank line = paragraph break)."""

    name: str
    half: str
    lang: str
    layout: str
    font: str
    lines: list[str]

    def reference(self) -> str:
        """The text OCR should give back: tables row by row (cells by a space), columns left then right."""
        rows = [" ".join(c.strip() for c in ln.split("|")) if self.layout == "table" else ln for ln in self.lines]
        return unicodedata.normalize("NFC", "\n".join(rows))


def load_texts() -> list[BenchText]:
    out = []
    for path in sorted(TEXTS.glob("*.txt")):
        head, lines = {}, []
        for ln in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"#\s*(\w+):\s*(\S+)", ln)
            if m and not lines:
                head[m.group(1)] = m.group(2)
            else:
                lines.append(ln.rstrip())
        out.append(BenchText(path.stem, head["half"], head["lang"], head["layout"], head["font"], lines))
    return out


class Writer:
    """Draws mixed Lao/Latin lines: Lao code points with the Lao font, the rest with the Latin one."""

    def __init__(self, style: str, px: int):
        lao, latin = FONTS[style]
        raqm = ImageFont.Layout.RAQM
        self.lao = ImageFont.truetype(str(FONT_DIR / lao), px, layout_engine=raqm)
        self.latin = ImageFont.truetype(str(FONT_DIR / latin), px, layout_engine=raqm)
        self.draw0 = ImageDraw.Draw(Image.new("L", (8, 8)))

    def runs(self, text: str) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        out: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for ch in text:
            font = self.lao if "\u0e80" <= ch <= "\u0eff" else self.latin
            if ch == " " and out:
                font = out[-1][1]
            if out and out[-1][1] is font:
                out[-1] = (out[-1][0] + ch, font)
            else:
                out.append((ch, font))
        return out

    def width(self, text: str) -> float:
        return sum(self.draw0.textlength(t, font=f) for t, f in self.runs(text))

    def draw(self, d: ImageDraw.ImageDraw, x: float, baseline: float, text: str) -> None:
        for t, f in self.runs(text):
            d.text((x, baseline), t, font=f, fill=0, anchor="ls")
            x += d.textlength(t, font=f)

    def wrap(self, line: str, width: float) -> list[str]:
        out, cur = [], ""
        for w in line.split(" "):
            t = f"{cur} {w}".strip()
            if cur and self.width(t) > width:
                out.append(cur)
                cur = w
            else:
                cur = t
        return out + [cur]


def render_clean(text: BenchText, dpi: int) -> Image.Image:
    """The page as printed: A4 width, 12 pt, 0.8 inch margins, at ``dpi``."""
    px = round(POINT * dpi / 72)
    wr = Writer(text.font, px)
    width, margin = round(8.27 * dpi), round(0.8 * dpi)
    lh = round(px * 1.9)
    inner = width - 2 * margin
    ops: list[tuple[float, float, str]] = []  # x, baseline, text
    y = margin + px
    lines = text.lines
    if text.layout == "columns":
        gap = round(0.4 * dpi)
        colw = (inner - gap) / 2
        flat: list[str] = []
        for ln in lines:
            flat += wr.wrap(ln, colw) if ln else [""]
        half = (len(flat) + 1) // 2
        while half < len(flat) and flat[half - 1] != "":  # break the columns between paragraphs
            half += 1
        for col, part in enumerate((flat[:half], flat[half:])):
            yy = y
            for ln in part:
                ops.append((margin + col * (colw + gap), yy, ln))
                yy += lh
        height = y + lh * max(half, len(flat) - half) + margin
    elif text.layout == "table":
        ops.append((margin, y, lines[0]))
        y += round(lh * 1.5)
        rows = [[c.strip() for c in ln.split("|")] for ln in lines[1:] if ln]
        ncol = len(rows[0])
        widths = [max(wr.width(r[i]) for r in rows) + px for i in range(ncol)]
        xs = [margin + sum(widths[:i]) for i in range(ncol + 1)]
        top = y - px
        grid = []
        for r in rows:
            for i, cell in enumerate(r):
                ops.append((xs[i] + px / 2, y + px * 0.25, cell))
            y += lh
        for i in range(len(rows) + 1):
            grid.append(((xs[0], top + i * lh), (xs[-1], top + i * lh)))
        for x in xs:
            grid.append(((x, top), (x, top + len(rows) * lh)))
        height = y + margin
    else:
        grid = []
        for ln in lines:
            for part in (wr.wrap(ln, inner) if ln else [""]):
                ops.append((margin, y, part))
                y += lh
        height = y + margin
    img = Image.new("L", (width, int(height)), 255)
    d = ImageDraw.Draw(img)
    for x, base, t in ops:
        if t:
            wr.draw(d, x, base, t)
    for a, b in (grid if text.layout == "table" else []):
        d.line([a, b], fill=0, width=max(1, dpi // 100))
    return img


def degrade(img: Image.Image, dpi: int, seed: int) -> Image.Image:
    """A scan of a photocopy: tilt (+-1.5 degrees), blur, speckle and sensor noise, all from ``seed``."""
    rng = random.Random(seed)
    img = img.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.8 * dpi / 200))
    arr = np.asarray(img).astype(np.int16)
    nr = np.random.default_rng(seed)
    u = nr.random(arr.shape)
    arr[u < 0.002] = 0
    arr[u > 0.998] = 255
    arr = np.clip(arr + nr.normal(0, 8, arr.shape), 0, 255).astype(np.uint8)
    return Image.fromarray(arr)


def scanned_pdf(img: Image.Image, dpi: int) -> bytes:
    """An image-only PDF page (no text layer), as a scanner writes it."""
    buf = io.BytesIO()
    img.save(buf, format="PDF", resolution=float(dpi))
    return buf.getvalue()


# ---------------------------------------------------------------- metrics

def levenshtein(a: list[str] | str, b: list[str] | str) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@functools.cache
def words(text: str, lang: str) -> tuple[str, ...]:
    if lang != "lo":
        return tuple(text.split())
    from laonlp.tokenize import word_tokenize

    return tuple(w for w in word_tokenize(text) if w.strip())


def score(ref: str, hyp: str, lang: str) -> dict:
    r, h = squash(ref), squash(hyp)
    rw, hw = words(r, lang), words(h, lang)
    rn, hn = collections.Counter(NUMBER.findall(r)), collections.Counter(NUMBER.findall(h))
    lao_n = collections.Counter({k: v for k, v in rn.items() if LAO_DIGIT.search(k)})
    arab_n = rn - lao_n
    return {
        "chars": len(r), "char_errors": levenshtein(r, h), "words": len(rw), "word_errors": levenshtein(rw, hw),
        "lao_numbers": sum(lao_n.values()), "lao_numbers_right": sum((lao_n & hn).values()),
        "arabic_numbers": sum(arab_n.values()), "arabic_numbers_right": sum((arab_n & hn).values()),
        "numbers_spurious": sum((hn - rn).values()),
    }


def aggregate(rows: list[dict]) -> dict:
    tot = collections.Counter()
    for r in rows:
        tot.update({k: v for k, v in r.items() if isinstance(v, int)})
    out = {"pages": len(rows), "seconds": round(sum(r["seconds"] for r in rows), 1)}
    out["cer"] = round(tot["char_errors"] / max(1, tot["chars"]), 4)
    out["wer"] = round(tot["word_errors"] / max(1, tot["words"]), 4)
    for kind in ("lao_numbers", "arabic_numbers"):
        if tot[kind]:
            out[f"{kind}_right"] = round(tot[f"{kind}_right"] / tot[kind], 4)
            out[f"{kind}_count"] = tot[kind]
    out["numbers_spurious"] = tot["numbers_spurious"]
    return out


# ---------------------------------------------------------------- runs

def cached_tesseract():
    """Memoise tesseract calls by image content, so post-correction steps reuse one OCR pass."""
    real = engine.run_tsv
    cache: dict = {}

    def run(image, model, psm=3, dpi=300, config=None):
        key = (hashlib.sha1(image.tobytes()).hexdigest(), image.size, model, psm, dpi)
        if key not in cache:
            cache[key] = real(image, model, psm=psm, dpi=dpi, config=config)
        return [replace(w) for w in cache[key]]

    engine.run_tsv = run


def lao_step_options() -> dict[str, OcrOptions]:
    """Cumulative Lao steps on top of the default preprocessing and model."""
    base = OcrOptions()
    return {
        "tesseract": NO_STEPS,
        "+preprocess": replace(base, lao_steps=(), recover=False),
        "+recover": replace(base, lao_steps=()),
        "+normalize": replace(base, lao_steps=("normalize",)),
        "+digits": replace(base, lao_steps=("normalize", "digits")),
        "+dictionary": base,
    }


def comparison_options() -> dict[str, OcrOptions]:
    """Models and preprocessing variants, compared on the tune half only (200 dpi)."""
    base = OcrOptions()
    lao = dict(base.models)
    out = {}
    for model in ("lao", "Lao", "lao+Lao", "lao+eng"):
        out[f"model={model}"] = replace(base, models=tuple({**lao, "lo": model}.items()))
    out["prep=none"] = replace(base, prep=Prep(upscale_to_dpi=0, despeckle=False, deskew=False))
    out["prep=despeckle"] = replace(base, prep=Prep(upscale_to_dpi=0, despeckle=True, deskew=False))
    out["prep=despeckle+deskew"] = replace(base, prep=Prep(upscale_to_dpi=0, despeckle=True, deskew=True))
    out["prep=despeckle+upscale"] = replace(base, prep=Prep(deskew=False))
    out["prep=+upscale(default)"] = base
    out["prep=+binarize"] = replace(base, prep=Prep(binarize=True))
    out["prep=upscale400"] = replace(base, prep=Prep(upscale_to_dpi=400))
    return out


def run_one(text: BenchText, dpi: int, options: OcrOptions, pdf: bytes, vocab: list[str]) -> dict:
    """One page through the ingest path: the loader finds the page has no text layer, read_scans OCRs it
    (rendered at the scan's own resolution) and rebuilds its paragraphs."""
    t0 = time.perf_counter()
    raw = read_scans(load_file(Path(f"{text.name}.pdf"), data=pdf), text.lang, vocab, options=options)
    row = score(text.reference(), raw.text, text.lang)
    row.update(text=text.name, half=text.half, lang=text.lang, dpi=dpi, seconds=time.perf_counter() - t0)
    row["hyp"] = raw.text
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="200 dpi only, no model/preprocessing comparison")
    ap.add_argument("--out", default=str(ROOT / "results" / "ocr.json"))
    ap.add_argument("--docs", default=str(ROOT / "docs" / "ocr.md"), help="Markdown file whose table to update")
    ap.add_argument("--only", default="", help="regex on text names (debugging)")
    ap.add_argument("--dump", action="store_true", help="print each page's OCR text")
    args = ap.parse_args(argv)
    cached_tesseract()
    texts = [t for t in load_texts() if re.search(args.only, t.name)]
    dpis = [200] if args.quick else [150, 200, 300]
    jobs = []  # (group, step, text, dpi, options)
    for dpi in dpis:
        for t in texts:
            steps = lao_step_options() if t.lang == "lo" else {
                "tesseract": NO_STEPS, "+preprocess": OcrOptions(recover=False), "+recover": OcrOptions()}
            for name, opt in steps.items():
                jobs.append(("steps", name, t, dpi, opt))
    if not args.quick:
        for name, opt in comparison_options().items():
            for t in texts:
                if t.half == "tune" and t.lang == "lo":
                    jobs.append(("compare", name, t, 200, opt))
    pdfs = {}
    for _, _, t, dpi, _ in jobs:
        if (t.name, dpi) not in pdfs:
            seed = int(hashlib.sha1(f"{t.name}/{dpi}".encode()).hexdigest()[:8], 16)
            pdfs[t.name, dpi] = scanned_pdf(degrade(render_clean(t, dpi), dpi, seed), dpi)
    vocab: list[str] = []  # the record's words are not passed: the benchmark measures the general case
    started = time.perf_counter()
    # the first step of each page fills the tesseract cache; the later steps of that page reuse it
    results: list[tuple[str, str, dict]] = []
    first = [j for j in jobs if j[0] == "compare" or j[1] in ("tesseract", "+preprocess", "+recover")]
    later = [j for j in jobs if j not in first]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for phase in (first, later):
            futs = [(g, s, pool.submit(run_one, t, dpi, opt, pdfs[t.name, dpi], vocab)) for g, s, t, dpi, opt in phase]
            for g, s, f in futs:
                results.append((g, s, f.result()))
    wall = time.perf_counter() - started
    summary: dict = {"steps": {}, "compare": {}}
    groups = collections.defaultdict(list)
    for g, s, row in results:
        if args.dump and s in ("+dictionary", "+preprocess") and g == "steps":
            print(f"--- {row['text']} {row['dpi']} dpi\n{row['hyp']}\n")
        groups[g, row["lang"], row["dpi"], row["half"], s].append(row)
    for (g, lang, dpi, half, s), rows in sorted(groups.items(), key=lambda kv: str(kv[0])):
        summary[g].setdefault(lang, {}).setdefault(str(dpi), {}).setdefault(half, {})[s] = aggregate(rows)
    pages = [{k: v for k, v in r.items() if k != "hyp"} for g, s, r in results
             if g == "steps" and s in ("+dictionary",) or (g == "steps" and r["lang"] != "lo" and s == "+recover")]
    out = {
        "command": "python " + " ".join([os.path.relpath(__file__, ROOT)] + (argv if argv is not None else sys.argv[1:])),
        "machine": {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                    "tesseract": engine_version()},
        "wall_seconds": round(wall, 1),
        "dpis": dpis,
        "summary": summary,
        "pages": pages,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    table = markdown_table(summary)
    print(table)
    print(f"wall {wall:.0f} s on {os.cpu_count()} cores -> {args.out}")
    if args.docs and Path(args.docs).exists() and not args.only:
        update_docs(Path(args.docs), table, summary)
    return 0


def engine_version() -> str:
    import subprocess

    try:
        return subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    except OSError:
        return "?"


def markdown_table(summary: dict) -> str:
    """The 200-dpi figures: one row per language, half and step."""
    lines = ["| lang | half | step | CER | WER | Lao-digit numbers right | Arabic numbers right | spurious numbers | s/page |",
             "|---|---|---|---|---|---|---|---|---|"]
    for lang, by_dpi in sorted(summary["steps"].items(), key=lambda kv: kv[0] != "vi"):
        for half in ("tune", "report"):
            steps = by_dpi.get("200", {}).get(half, {})
            for step in sorted(steps, key=STEP_ORDER.index):
                a = steps[step]
                secs = f"{a['seconds'] / max(1, a['pages']):.1f}" if step in ("tesseract", "+preprocess", "+recover") \
                    else "(reused)"
                lao = f"{a['lao_numbers_right']:.0%} of {a['lao_numbers_count']}" if "lao_numbers_count" in a else "-"
                arab = f"{a['arabic_numbers_right']:.0%} of {a['arabic_numbers_count']}" if "arabic_numbers_count" in a else "-"
                lines.append(f"| {lang} | {half} | {step} | {a['cer']:.3f} | {a['wer']:.3f} | {lao} | {arab} | "
                             f"{a['numbers_spurious']} | {secs} |")
    return "\n".join(lines)


def all_dpi_table(summary: dict) -> str:
    """Final output at every resolution, tune / report, with the raw tesseract CER beside it."""
    lines = ["| lang | dpi | raw CER | CER | WER | Lao-digit numbers right | spurious |", "|---|---|---|---|---|---|---|"]
    for lang, by_dpi in sorted(summary["steps"].items(), key=lambda kv: kv[0] != "vi"):
        for dpi in sorted(by_dpi, key=int):
            halves = [by_dpi[dpi].get(h, {}) for h in ("tune", "report")]
            if not all(halves):
                continue
            final = [h[[x for x in STEP_ORDER if x in h][-1]] for h in halves]
            raw = [h["tesseract"] for h in halves]

            def pair(rows, key, fmt="{:.3f}"):
                return " / ".join(fmt.format(r[key]) if key in r else "-" for r in rows)

            lines.append(f"| {lang} | {dpi} | {pair(raw, 'cer')} | {pair(final, 'cer')} | {pair(final, 'wer')} | "
                         f"{pair(final, 'lao_numbers_right', '{:.0%}')} | {pair(final, 'numbers_spurious', '{}')} |")
    return "\n".join(lines)


def compare_table(summary: dict) -> str:
    """Models and preprocessing variants (Lao, tune half, 200 dpi, every correction step on)."""
    rows = summary.get("compare", {}).get("lo", {}).get("200", {}).get("tune", {})
    lines = ["| variant | CER | WER | Lao-digit numbers right |", "|---|---|---|---|"]
    for name, a in rows.items():
        lines.append(f"| {name} | {a['cer']:.3f} | {a['wer']:.3f} | {a['lao_numbers_right']:.0%} |")
    return "\n".join(lines)


def update_docs(path: Path, table: str, summary: dict | None = None) -> None:
    """Replace the tables between the BENCH markers of docs/ocr.md."""
    text = path.read_text(encoding="utf-8")
    blocks = {"200dpi": table}
    if summary is not None:
        blocks["alldpi"] = all_dpi_table(summary)
        if summary.get("compare"):
            blocks["compare"] = compare_table(summary)
    for name, body in blocks.items():
        start, end = f"<!-- BENCH:{name} -->", "<!-- /BENCH -->"
        if start in text:
            head, rest = text.split(start, 1)
            _, tail = rest.split(end, 1)
            text = f"{head}{start}\n{body}\n{end}{tail}"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
