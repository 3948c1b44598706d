"""Build the H6 held-out documents of ``eval/holdout/h6/record/`` from ``eval/holdout/h6/src/``.

Same source format, writers and read-back checks as ``eval/holdout/make_holdout.py`` (this script
only points them at the H6 folders and sets the H6 source mark), so H6 comes out of the same
pipeline as H1/H2/H3/H4.

    /work/main/.venv/bin/python eval/holdout/h6/make_h6.py          # build and verify
    /work/main/.venv/bin/python eval/holdout/h6/make_h6.py --check  # verify only
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import make_holdout  # noqa: E402

make_holdout.SRC = HERE / "src"
make_holdout.OUT = HERE / "record"
make_holdout.SOURCE_MARK = "TEST FIXTURE – fictional held-out document for evaluation (H6)"

if __name__ == "__main__":
    sys.exit(make_holdout.main())
