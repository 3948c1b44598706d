"""Integrity of the record under hostile files (in process, fast tier).

The catalogue of bad inputs is :mod:`helpers.hostile` (the README's catalogue is generated from
it); the same cases run through the command line, with time and memory measured, in
``test_integrity_processes.py`` together with the crash, concurrency and reader tests.
"""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from helpers.hostile import CASES, Case
from helpers.paths import REPO_ROOT, skip_or_fail
from helpers.stores import make_settings

from rag.ingest.check import check_store
from rag.ingest.loaders import looks_legacy_vietnamese
from rag.ingest.metadata import default_doc_id
from rag.ingest.ocr import ocr_available
from rag.ingest.service import ingest_paths
from rag.store.chroma import Store
from rag.store.local import index_path
from rag.store.mirror import CorpusMirror

GOOD = "Hai bên thống nhất tổ chức hội thảo về bảo hiểm y tế vào năm 2024 tại Viêng Chăn."


def _write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def _check(case: Case, results: dict) -> None:
    r = results[case.target]
    assert r.status == case.status, f"{case.kind}: {r}"
    if case.status == "failed":
        want = case.without_ocr if case.without_ocr and not ocr_available()[0] else case.code
        assert r.code == want, f"{case.kind}: {r.code} {r.reason}"
        assert case.says.lower() in r.reason.lower(), f"{case.kind}: {r.reason!r} should say {case.says!r}"
        assert "Traceback" not in r.reason and "\n" not in r.reason


def test_every_bad_input_is_that_files_failed_line_and_the_rest_go_in(tmp_path):
    store = Store(make_settings(tmp_path / "store", embedding_model="toy")).warm_up()
    inbox = tmp_path / "inbox"
    plain = [c for c in CASES if c.group != "collisions"]
    for case in plain:
        _write(inbox, case.files())
    (inbox / "zz-good.txt").write_text(GOOD, encoding="utf-8")  # after every bad file, in name order
    start = time.monotonic()
    files = sorted(f for f in inbox.iterdir() if not f.name.endswith(".meta.yaml"))
    summary = ingest_paths(store, files, bar=False)
    took = time.monotonic() - start
    results = {Path(r.path).name: r for r in summary.results}
    for case in plain:
        _check(case, results)
    assert results["zz-good.txt"].status == "added"
    added = {Path(r.path).name for r in summary.results if r.status == "added"}
    assert {d.meta.path.rsplit("/", 1)[-1] for d in store.documents().values()} == added
    assert took < 120, f"the whole catalogue took {took:.0f} s"


@pytest.mark.parametrize("case", [c for c in CASES if c.group == "collisions"], ids=lambda c: c.target)
def test_ids_that_collide_are_refused_never_replaced(tmp_path, case):
    store = Store(make_settings(tmp_path / "store", embedding_model="toy")).warm_up()
    _write(tmp_path / "first", case.before())
    first = ingest_paths(store, [tmp_path / "first"], bar=False)
    assert first.counts["added"] == len(case.before()), first.to_json()
    kept = {d: r.rev for d, r in store.documents().items()}
    _write(tmp_path / "second", case.files())
    summary = ingest_paths(store, [tmp_path / "second"], bar=False)
    results = {Path(r.path).name: r for r in summary.results}
    _check(case, results)
    now = store.documents()
    assert {d: now[d].rev for d in kept} == kept  # nothing stored was replaced
    if case.status == "failed" and case.code.startswith("id_taken"):
        r = results[case.target]
        assert case.target in r.reason and str(tmp_path / "first") in r.reason  # both files named
        again = ingest_paths(store, [tmp_path / "second" / case.target], bar=False, replace=True).results[0]
        assert again.status == "updated", again
    if case.status == "added":
        ids = [r.doc_id for r in summary.results] + [r.doc_id for r in first.results]
        assert len(set(ids)) == len(ids) == len(store.documents())


def test_non_latin_names_keep_their_documents_apart():
    names = ["中文.txt", "报告.txt", "Отчет.md", "отчет.txt", "รายงาน.md"]
    ids = [default_doc_id(Path(n), None) for n in names]
    assert len(set(ids)) == len(ids) and "document" not in ids
    assert default_doc_id(Path("Biên bản 2015.pdf"), None) == "bien-ban-2015"
    assert default_doc_id(Path("ບົດລາຍງານ.txt"), None) == "ບົດລາຍງານ"


def _dev_corpus() -> Path:
    for root in (REPO_ROOT.parent / "shared", REPO_ROOT.parents[1] / "shared", REPO_ROOT / "shared"):
        p = root / "eval-dev" / "corpus.jsonl"
        if p.is_file():
            return p
    skip_or_fail("../shared/eval-dev/corpus.jsonl (the public development set) is not beside the repository")


def test_legacy_encoding_detector_raises_no_false_alarm_on_real_unicode_sentences():
    texts = [json.loads(line) for line in _dev_corpus().read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [s.strip() for d in texts if d["lang"] in ("vi", "lo") for s in d["text"].split(". ") if s.strip()]
    assert len(sentences) > 2000
    false = [s for s in sentences if looks_legacy_vietnamese(s)]
    assert false == []
    whole = [d["doc_id"] for d in texts if looks_legacy_vietnamese(d["text"])]
    assert whole == []
    assert not looks_legacy_vietnamese("Giá vé là ¥2.500 và ¥130.000 cho cả đoàn.")


def test_check_finds_and_repair_fixes_drift_between_chroma_and_the_keyword_index(tmp_path):
    store = Store(make_settings(tmp_path / "store", embedding_model="toy")).warm_up()
    inbox = tmp_path / "inbox"
    _write(inbox, {"a.md": GOOD.encode(), "b.md": (GOOD + " Lần hai.").encode()})
    ingest_paths(store, [inbox], bar=False)
    CorpusMirror(store).refresh()  # a reader brings the node's keyword index up to date
    assert check_store(store).ok
    with sqlite3.connect(index_path(store.settings)) as c:  # damage it behind its back
        c.execute("DELETE FROM passages WHERE doc_id = 'a'")
    report = check_store(store)
    assert not report.ok and list(report.index_drift) == ["a"]
    fixed = check_store(store, repair=True)
    assert fixed.ok and fixed.repaired == 1 and check_store(store).ok
