"""Lao dates and counts on number-heavy pages: the tune material of the Lao digit pass.

The benchmark texts (scripts/ocr_bench_texts/) hold about twenty Lao numbers per half, so one
number is five points. This script draws seeded pages of sentences built around dates, counts,
periods and document numbers in Lao digits (ວັນທີ ໑໕ ເດືອນ ໓ ປີ ໒໐໒໔, ໑໔/໐໓/໒໐໑໙, ໄລຍະປີ
໒໐໑໙-໒໐໒໔, ເລກທີ ໓໗໔/ປກສ, ໔໕ ຄົນ …) in each Noto Lao style, degrades them like bench_ocr.py, reads
them through the ingest path and counts the Lao numbers found. Pages ``0..n-1`` were used to tune
the digit pass; ``--offset`` draws other pages. The looped style is not among the digit templates.

Usage:  python scripts/bench_ocr_numbers.py [--pages 8] [--offset 0] [--dpi 200,300] [--out results/ocr-numbers.json]
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import bench_ocr as B  # noqa: E402

TO_LAO = str.maketrans("0123456789", "໐໑໒໓໔໕໖໗໘໙")
SENTENCES = [
    "ກອງປະຊຸມໄດ້ຈັດຂຶ້ນໃນວັນທີ {d} ເດືອນ {m} ປີ {y} ທີ່ນະຄອນຫຼວງວຽງຈັນ.",
    "ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ {n} ຄົນ ແລະ ແຂກ {k} ທ່ານ.",
    "ວັນທີ {d}/{m2}/{y}: ສອງຝ່າຍໄດ້ລົງນາມແຜນປະຕິບັດງານ ໄລຍະປີ {y}-{y2}.",
    "ສອງຝ່າຍຕົກລົງຝຶກອົບຮົມພະນັກງານ {n} ຄົນ ໃນປີ {y}.",
    "ໜັງສືເລກທີ {n}/ປກສ, ລົງວັນທີ {d}/{m2}/{y}.",
    "ງົບປະມານ {n} ລ້ານກີບ ສຳລັບ {k} ໂຄງການ.",
    "ບົດບັນທຶກມີ {k} ມາດຕາ, ຮັບຮອງເມື່ອ {d}/{m2}/{y}.",
]


def lao(n: int) -> str:
    return str(n).translate(TO_LAO)


def page_text(index: int, font: str) -> B.BenchText:
    rng = random.Random(index)
    lines = []
    for _ in range(6):
        y = rng.randint(1995, 2030)
        lines.append(rng.choice(SENTENCES).format(
            d=lao(rng.randint(1, 31)), m=lao(rng.randint(1, 12)), m2=lao(rng.randint(1, 12)).rjust(2, "໐"),
            y=lao(y), y2=lao(y + rng.randint(1, 5)), n=lao(rng.randint(2, 999)), k=lao(rng.randint(1, 60))))
    return B.BenchText(f"N{index}", "tune", "lo", "plain", font, lines)


def run(job: tuple[B.BenchText, int]) -> dict:
    text, dpi = job
    seed = int(hashlib.sha1(f"{text.name}/{dpi}".encode()).hexdigest()[:8], 16)
    pdf = B.scanned_pdf(B.degrade(B.render_clean(text, dpi), dpi, seed), dpi)
    row = B.run_one(text, dpi, B.OcrOptions(), pdf, [])
    row.update(font=text.font)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--dpi", default="200,300")
    ap.add_argument("--out", default=str(ROOT / "results" / "ocr-numbers.json"))
    args = ap.parse_args(argv)
    dpis = [int(x) for x in args.dpi.split(",")]
    jobs = [(page_text(i, font), dpi) for font in B.FONTS for dpi in dpis
            for i in range(args.offset, args.offset + args.pages)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        rows = list(pool.map(run, jobs))
    groups: dict = collections.defaultdict(collections.Counter)
    for r in rows:
        groups[r["font"], r["dpi"]].update({"pages": 1, "numbers": r["lao_numbers"], "right": r["lao_numbers_right"],
                                            "spurious": r["numbers_spurious"]})
    summary = [{"font": font, "dpi": dpi, "pages": c["pages"], "lao_numbers": c["numbers"],
                "lao_numbers_right": round(c["right"] / max(1, c["numbers"]), 4), "numbers_spurious": c["spurious"],
                "in_templates": font != "looped"}
               for (font, dpi), c in sorted(groups.items())]
    out = {"command": "python " + " ".join([os.path.relpath(__file__, ROOT)] + (argv if argv is not None else sys.argv[1:])),
           "pages": f"N{args.offset}..N{args.offset + args.pages - 1}", "wall_seconds": round(time.perf_counter() - started, 1),
           "summary": summary}
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for s in summary:
        print(f"{s['font']:7} {s['dpi']} dpi: {s['lao_numbers_right']:.1%} of {s['lao_numbers']} Lao numbers, "
              f"{s['numbers_spurious']} spurious")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
