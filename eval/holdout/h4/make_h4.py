"""Build the H4 held-out documents of ``eval/holdout/h4/record/`` from ``eval/holdout/h4/src/``.

Same source format, writers and read-back checks as ``eval/holdout/make_holdout.py`` (this script
only points them at the H4 folders), so H4 comes out of the same pipeline as H1/H2.

    /work/main/.venv/bin/python eval/holdout/h4/make_h4.py          # build and verify
    /work/main/.venv/bin/python eval/holdout/h4/make_h4.py --check  # verify only
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import make_holdout  # noqa: E402

make_holdout.SRC = HERE / "src"
make_holdout.OUT = HERE / "record"

if __name__ == "__main__":
    sys.exit(make_holdout.main())
