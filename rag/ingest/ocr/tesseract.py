"""Running the tesseract command line and reading its TSV output.

The module calls the ``tesseract`` program directly (no Python wrapper): one process per page,
PNG in, TSV out, ``OMP_THREAD_LIMIT=1`` unless the caller set it (tesseract's OpenMP threads
slow a shared 2-core machine down instead of speeding it up).
"""
from __future__ import annotations

import csv
import functools
import io
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from PIL import Image

from .page import OcrError

log = logging.getLogger(__name__)

INSTALL_HINT = (
    "install tesseract-ocr and its language models with apt-get: "
    "sudo apt-get install -y tesseract-ocr tesseract-ocr-vie tesseract-ocr-lao "
    "tesseract-ocr-eng tesseract-ocr-script-laoo"
)
REQUIRED_MODELS = ("vie", "lao", "Lao", "eng")
TIMEOUT_S = 600  # one page; a 300-dpi A4 page takes seconds, so this only catches a hang


@dataclass
class TsvWord:
    """One word row of tesseract's TSV: layout keys, box (x0, y0, x1, y1) and confidence."""

    block: int
    par: int
    line: int
    text: str
    conf: float
    box: tuple[int, int, int, int]


def tesseract_path() -> str | None:
    """Path of the tesseract program, or None."""
    return shutil.which("tesseract")


@functools.lru_cache(maxsize=1)
def installed_models() -> frozenset[str]:
    """Language models tesseract reports (``tesseract --list-langs``); empty if it cannot run."""
    exe = tesseract_path()
    if not exe:
        return frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("tesseract --list-langs failed: %s", exc)
        return frozenset()
    lines = (out.stdout + out.stderr).splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and " " not in ln.strip())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def run_tsv(image: Image.Image, model: str, psm: int = 3, dpi: int = 300,
            config: dict[str, str] | None = None) -> list[TsvWord]:
    """OCR one image with ``model`` (e.g. 'vie', 'lao', 'lao+eng') and return its words in reading order."""
    exe = tesseract_path()
    if not exe:
        raise OcrError(f"OCR is not available on this computer: {INSTALL_HINT}")
    cmd = [exe, "", "stdout", "-l", model, "--psm", str(psm), "--dpi", str(int(dpi))]
    for key, value in (config or {}).items():
        cmd += ["-c", f"{key}={value}"]
    cmd.append("tsv")
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        path = os.path.join(tmp, "page.png")
        image.save(path, format="PNG")
        cmd[1] = path
        try:
            out = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, env=_env())
        except subprocess.TimeoutExpired as exc:
            raise OcrError(f"OCR of a page took longer than {TIMEOUT_S} s and was stopped; "
                           "try a lower resolution or split the document") from exc
        except OSError as exc:
            raise OcrError(f"tesseract could not be started ({exc}); {INSTALL_HINT}") from exc
    if out.returncode != 0:
        err = out.stderr.decode("utf-8", "replace").strip().splitlines()
        msg = err[-1] if err else f"exit code {out.returncode}"
        if "Failed loading language" in out.stderr.decode("utf-8", "replace"):
            raise OcrError(f"tesseract has no '{model}' model: {INSTALL_HINT}")
        raise OcrError(f"tesseract failed on a page: {msg}")
    return parse_tsv(out.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[TsvWord]:
    """Word rows (level 5) of tesseract TSV text, skipping empty ones."""
    words: list[TsvWord] = []
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if not header:
        return words
    col = {name: i for i, name in enumerate(header)}
    for row in reader:
        if len(row) < len(header) or row[col["level"]] != "5":
            continue
        text = row[col["text"]].strip()
        if not text:
            continue
        x, y = int(row[col["left"]]), int(row[col["top"]])
        w, h = int(row[col["width"]]), int(row[col["height"]])
        words.append(TsvWord(
            block=int(row[col["block_num"]]), par=int(row[col["par_num"]]),
            line=int(row[col["line_num"]]), text=text, conf=max(0.0, float(row[col["conf"]])),
            box=(x, y, x + w, y + h)))
    return words
