"""Time and peak memory of ``python -m ingest`` on each file of the bad-input catalogue built to
exhaust the machine (tests/helpers/hostile.py), one process per file, into results/hostile.json.

    python scripts/bench_hostile.py            # then: python scripts/update_readme.py

Each file is ingested into a folder store holding one document; the process's wall time
(process start included) and peak resident memory (ru_maxrss) are recorded with the outcome.
"""
from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from helpers.cli import clean_environ  # noqa: E402
from helpers.hostile import CASES  # noqa: E402


def main() -> int:
    out = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}", "cases": {}}
    with tempfile.TemporaryDirectory() as tmp:
        env = clean_environ("toy")
        env["RAG_STORE_DIR"] = str(Path(tmp) / "store")
        subprocess.run([sys.executable, "-m", "ingest", str(ROOT / "corpus" / "vss-lao-2022-11-22.vi.md"),
                        "--no-progress"], cwd=ROOT, env=env, check=True, capture_output=True)
        for case in [c for c in CASES if c.exhausting]:
            folder = Path(tmp) / case.target
            folder.mkdir()
            size = 0
            for name, data in case.files().items():
                (folder / name).write_bytes(data)
                size += len(data)
            start = time.monotonic()
            proc = subprocess.Popen([sys.executable, "-m", "ingest", str(folder / case.target), "--json", "--no-progress"],
                                    cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            _, _, usage = os.wait4(proc.pid, 0)
            took = time.monotonic() - start
            res = json.loads(proc.stdout.read())["files"][0]
            out["cases"][case.kind] = {"file_bytes": size, "seconds": round(took, 2),
                                       "peak_mb": round(usage.ru_maxrss / 1024), "status": res["status"],
                                       "code": res["code"]}
            print(case.kind, out["cases"][case.kind], flush=True)
    (ROOT / "results" / "hostile.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
