"""Time the test tiers as a developer runs them; results/tests.json (the README's "tests" table).

Runs ``python -m pytest -q`` (the fast tier) and, with ``--tiers fast,real``, ``python -m pytest -q -m real``
in a new process each, and records per tier: the tests passed, failed and skipped, the wall time, the CPU
time of the test process and its children, the machine's load average when it started and the cores it
has. A loaded machine makes the wall time longer than the CPU time on its cores would say: the load
column says how far to trust it. Targets (the fast tier under a minute) are read from here, never
asserted as a timed test.

    python scripts/time_tests.py [--tiers fast] [--out results/tests.json]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIERS = {"fast": [], "real": ["-m", "real"]}
_COUNTS = re.compile(r"(\d+) (passed|failed|skipped|error|errors|deselected)")

log = logging.getLogger("time_tests")


def time_tier(name: str) -> dict:
    """One tier in a new pytest process: its counts, wall and CPU seconds, and the load it ran under."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", *TIERS[name]], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    tail = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    counts = {kind.rstrip("s") if kind.startswith("error") else kind: int(n) for n, kind in _COUNTS.findall(tail)}
    if proc.returncode != 0:
        log.warning("the %s tier did not pass (exit %s): %s", name, proc.returncode, tail)
    return {
        "passed": counts.get("passed", 0), "failed": counts.get("failed", 0) + counts.get("error", 0),
        "skipped": counts.get("skipped", 0), "exit_code": proc.returncode,
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1),
        "load_at_start": round(load, 2), "cores": os.cpu_count(),
    }


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--tiers", default="fast", help="comma-separated: fast, real")
    p.add_argument("--out", type=Path, default=ROOT / "results" / "tests.json")
    args = p.parse_args()
    tiers = [t.strip() for t in args.tiers.split(",") if t.strip()]
    unknown = [t for t in tiers if t not in TIERS]
    if unknown:
        p.error(f"unknown tier(s) {unknown}: choose from {sorted(TIERS)}")
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {"tiers": {}}
    for name in tiers:
        log.info("timing the %s tier…", name)
        res = time_tier(name)
        res["date"] = dt.date.today().isoformat()
        old["tiers"][name] = res
        log.info("%s: %s", name, res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(old, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if all(old["tiers"][t]["exit_code"] == 0 for t in tiers) else 1


if __name__ == "__main__":
    raise SystemExit(main())
