"""Integrity through the real command lines and store, process against process.

- A reader process (one runtime, like the app) keeps answering while another process ingests,
  updates and removes documents, never holds a document in part, and then sees the changes;
  ``rag ask`` runs during the ingest work too. On a folder store and on a Chroma server.
- ``kill -9`` of an ingest at several points (mid-embedding, passages staged, manifest switched,
  and at random times) never leaves a partial document visible; the next run completes each
  document once, and ``--check`` finds nothing left over.
- Two concurrent ingests of two versions of one document leave exactly one, whole.
- The bad-input catalogue through the command line: every file built to exhaust the machine is
  refused within seconds and under 500 MB; a folder with an impossible date ingests every other
  file and prints its summary; each id collision is refused naming both files and ``--replace``.

These tests use the toy embedding model (they test the store and the processes, not the model);
they are in the real tier because they start many processes and a Chroma server.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.cli import clean_environ, cli_json, run_cli_process
from helpers.hostile import CASES, VI
from helpers.paths import CORPUS_DIR, REPO_ROOT
from helpers.server import chroma_server

pytestmark = pytest.mark.real

MODEL = "toy"
NEW_DOC = ("---\nid: hoi-thao-vieng-chan\ntitle: Hội thảo Viêng Chăn\ndate: 2023-06-15\n---\n"
           "Tháng 6/2023, tại Viêng Chăn, hai bên đã tổ chức hội thảo quyzxtor về chuyển đổi số.\n")
NEW_QUESTION = "hội thảo quyzxtor Viêng Chăn"


def _env(store: dict) -> dict:
    return {**store}


def _ingest(store: dict, *args, **kw) -> subprocess.CompletedProcess:
    return run_cli_process("-m", "ingest", *map(str, args), "--no-progress", env=store, model=MODEL, **kw)


def _popen_ingest(store: dict, *args, crash: str = "") -> subprocess.Popen:
    env = clean_environ(MODEL)
    env.update({k: str(v) for k, v in store.items()})
    if crash:
        env["INGEST_CRASH_AT"] = crash
    return subprocess.Popen([sys.executable, "-m", "ingest", *map(str, args), "--no-progress", "--json"],
                            cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _check(store: dict) -> dict:
    proc = _ingest(store, "--check", "--json")
    return cli_json(proc)


def _documents(store: dict) -> dict[str, int]:
    return {d["doc_id"]: d["passages"] for d in cli_json(_ingest(store, "--list", "--json"))}


def _make_docs(folder: Path, n: int, paragraphs: int = 3, version: str = "v1") -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paras = [f"Văn bản số {i} ({version}), đoạn {j}: hai bên trao đổi về bảo hiểm xã hội, chủ đề {i * 7 + j}."
                 for j in range(paragraphs + (1 if version == "v2" else 0))]
        (folder / f"doc-{i:03d}.md").write_text(f"---\nid: doc-{i:03d}\ntitle: Văn bản {i}\n---\n"
                                                + "\n\n".join(paras) + "\n", encoding="utf-8")
    return {f"doc-{i:03d}": paragraphs + (1 if version == "v2" else 0) for i in range(n)}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with chroma_server(tmp_path_factory.mktemp("integrity_server")) as port:
        yield port


@pytest.fixture(params=["folder", "server"])
def store(request, tmp_path):
    """Where the processes meet: RAG_* variables of a new folder store, or of a new collection on a server."""
    if request.param == "folder":
        return {"RAG_STORE_DIR": tmp_path / "store"}
    port = request.getfixturevalue("server")
    return {"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": port, "RAG_INDEX_DIR": tmp_path / "index-cli",
            "RAG_COLLECTION": f"it-{request.node.name.split('[')[0][-20:].strip('_')}-{time.time_ns() % 10**8}"}


class Reader:
    """tests/helpers/reader.py in a process of its own."""

    def __init__(self, store: dict, index_dir: Path):
        env = clean_environ(MODEL)
        env.update({k: str(v) for k, v in store.items()})
        env["RAG_INDEX_DIR"] = str(index_dir)  # an app node of its own, with its own keyword index
        self.proc = subprocess.Popen([sys.executable, str(REPO_ROOT / "tests" / "helpers" / "reader.py")],
                                     cwd=REPO_ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        first = json.loads(self.proc.stdout.readline() or "{}")
        assert first.get("ready"), "the reader did not start"

    def ask(self, question: str) -> dict:
        self.proc.stdin.write(question + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def test_a_reader_keeps_answering_while_another_process_writes(store, tmp_path):
    """Two app-side processes (each a node with its own keyword index) while a third ingests."""
    assert _ingest(store, CORPUS_DIR).returncode == 0
    reader = Reader(store, tmp_path / "node-1")
    second = Reader(store, tmp_path / "node-2")
    try:
        before = reader.ask(NEW_QUESTION)
        assert before["ok"] and "hoi-thao-vieng-chan" not in before["docs"], before
        docs = tmp_path / "inbox"
        _make_docs(docs, 150)
        (docs / "zz-hoi-thao.md").write_text(NEW_DOC, encoding="utf-8")
        writer = _popen_ingest(store, docs)
        answers, asks = [], []
        while writer.poll() is None:
            answers.append(reader.ask(NEW_QUESTION))
            answers.append(second.ask(NEW_QUESTION))
            if len(asks) < 2 and len(answers) % 3 == 1:
                asks.append(run_cli_process("-m", "rag", "ask", "--json", "Văn bản số 12 nói gì?", env=store,
                                            model=MODEL))
        assert writer.returncode == 0, writer.stderr.read()
        assert len(answers) >= 2, "the ingest finished before the reader could ask"
        assert [a for a in answers if not a["ok"]] == [], "an answer failed during the ingest"
        assert [a["partial"] for a in answers if a["partial"]] == [], "a reader held a document in part"
        for a in asks:
            assert a.returncode == 0, a.stderr[-2000:]
        for r in (reader, second):
            after = r.ask(NEW_QUESTION)
            assert after["ok"] and after["docs"][0] == "hoi-thao-vieng-chan", after
            assert after["documents"] == 3 + 151

        # An update and a removal by other processes are seen at once, whole.
        _make_docs(docs, 20, version="v2")
        assert _ingest(store, docs).returncode == 0
        assert _ingest(store, "--remove", "hoi-thao-vieng-chan").returncode == 0
        again = reader.ask(NEW_QUESTION)
        assert again["ok"] and "hoi-thao-vieng-chan" not in again["docs"] and not again["partial"], again
        assert again["documents"] == 3 + 150
        v2 = reader.ask("Văn bản số 3 (v2)")
        assert v2["ok"] and v2["docs"][0] == "doc-003", v2
    finally:
        reader.close()
        second.close()
    assert _check(store)["ok"]


def _assert_whole(store: dict, expected: dict[str, int], allowed: tuple[int, ...] = ()) -> dict:
    """No document visible in part: each listed document has all its passages (or is absent)."""
    report = _check(store)
    assert report["damaged"] == {}, report
    listed = _documents(store)
    for d, n in listed.items():
        if d in expected:
            assert n == expected[d] or n in allowed, (d, n)
    return report


def test_kill_9_never_leaves_a_partial_document_and_the_next_run_completes_it(store, tmp_path):
    docs = tmp_path / "docs"
    expected = _make_docs(docs, 120)  # 360 passages: two commits
    for crash in ("embedded:2", "staged:1", "switched:1"):
        proc = _popen_ingest(store, docs, crash=crash)
        proc.communicate(timeout=300)
        assert proc.returncode == -signal.SIGKILL, crash
        _assert_whole(store, expected)
    for delay in (2.0, 4.0):
        proc = _popen_ingest(store, docs)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=300)
        _assert_whole(store, expected)

    done = _ingest(store, docs, "--json")
    assert done.returncode == 0, done.stderr
    report = _check(store)
    assert report["ok"] and report["leftover"] == {} and report["stored"] == report["passages"], report
    assert report["index_behind"] == 0 and report["index_drift"] == {}  # the keyword index agrees with Chroma
    assert _documents(store) == expected  # each document once, whole

    # Killed in the middle of an update: each document is its old version or its new one, whole.
    expected2 = _make_docs(docs, 120, version="v2")  # 480 passages: the first commit switches 64 documents
    proc = _popen_ingest(store, docs, crash="switched:1")
    proc.communicate(timeout=300)
    listed = _documents(store)
    assert set(listed) == set(expected) and set(listed.values()) == {3, 4}
    _assert_whole(store, expected2, allowed=(3,))
    assert _ingest(store, docs).returncode == 0
    assert _documents(store) == expected2
    assert _ingest(store, "--repair", "--json").returncode == 0
    report = _check(store)
    assert report["ok"] and report["index_behind"] == 0 and report["index_drift"] == {}, report


def test_two_concurrent_ingests_of_two_versions_leave_exactly_one(store, tmp_path):
    for round_ in range(3):
        a, b = tmp_path / f"a{round_}", tmp_path / f"b{round_}"
        a.mkdir()
        b.mkdir()
        paras_a = [f"Phiên bản A, đoạn {j}: hai bên ký kết văn bản hợp tác số {j}." for j in range(20)]
        paras_b = [f"Phiên bản B, đoạn {j}: hai bên sửa đổi văn bản hợp tác số {j}." for j in range(27)]
        (a / "mou.md").write_text("---\nid: mou-2025\n---\n" + "\n\n".join(paras_a), encoding="utf-8")
        (b / "mou.md").write_text("---\nid: mou-2025\n---\n" + "\n\n".join(paras_b), encoding="utf-8")
        p1 = _popen_ingest(store, a / "mou.md", "--replace")
        p2 = _popen_ingest(store, b / "mou.md", "--replace")
        for p in (p1, p2):
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
        report = _check(store)
        assert report["ok"] and report["stored"] == report["passages"], report
        listed = _documents(store)
        assert listed["mou-2025"] in (20, 27)


def test_files_built_to_exhaust_the_machine_are_refused_within_seconds_and_under_500_mb(tmp_path):
    store = {"RAG_STORE_DIR": tmp_path / "store"}
    assert _ingest(store, CORPUS_DIR / "vss-lao-2022-11-22.vi.md").returncode == 0
    for case in [c for c in CASES if c.exhausting]:
        folder = tmp_path / case.target
        folder.mkdir()
        for name, data in case.files().items():
            (folder / name).write_bytes(data)
        start = time.monotonic()
        proc = _popen_ingest(store, folder / case.target)
        _, status, usage = os.wait4(proc.pid, 0)
        took = time.monotonic() - start
        out = json.loads(proc.stdout.read())
        peak_mb = usage.ru_maxrss / 1024
        r = out["files"][0]
        assert r["status"] == "failed" and r["code"] == case.code, (case.kind, r)
        assert took < 30, f"{case.kind}: {took:.1f} s (process start included)"
        assert peak_mb < 500, f"{case.kind}: {peak_mb:.0f} MB"
    assert _check(store)["ok"] and list(_documents(store)) == ["vss-lao-2022-11-22-vi"]


def test_a_folder_with_an_impossible_date_ingests_every_other_file_and_prints_its_summary(tmp_path):
    store = {"RAG_STORE_DIR": tmp_path / "store"}
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-first.md").write_text(VI, encoding="utf-8")
    (folder / "b-bad-date.md").write_text("---\ndate: 2022-13-45\n---\n" + VI, encoding="utf-8")
    (folder / "c-memo.txt").write_text(VI + " Bản ghi nhớ.", encoding="utf-8")
    (folder / "c-memo.meta.yaml").write_text("date: 2022-02-30\n", encoding="utf-8")
    (folder / "d-last.md").write_text(VI + " Cuối cùng.", encoding="utf-8")
    proc = _ingest(store, folder)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "summary: 2 added, 0 updated, 0 unchanged, 2 failed" in proc.stdout, proc.stdout
    assert "date '2022-13-45' is not a real date" in proc.stdout
    assert "date '2022-02-30' is not a real date" in proc.stdout
    assert set(_documents(store)) == {"a-first", "d-last"}


def test_id_collisions_are_refused_through_the_command_line_naming_both_files(tmp_path):
    store = {"RAG_STORE_DIR": tmp_path / "store"}
    for case in [c for c in CASES if c.group == "collisions" and c.code.startswith("id_taken")]:
        first, second = tmp_path / f"first-{case.target}", tmp_path / f"second-{case.target}"
        for folder, files in ((first, case.before()), (second, case.files())):
            folder.mkdir()
            for name, data in files.items():
                (folder / name).write_bytes(data)
        store = {"RAG_STORE_DIR": tmp_path / f"store-{case.target}"}
        assert _ingest(store, first).returncode == 0
        before = _documents(store)
        refused = _ingest(store, second / case.target)
        assert refused.returncode == 1
        line = next(ln for ln in refused.stdout.splitlines() if ln.startswith("failed"))
        assert case.target in line and str(first) in line and "--replace" in line, line
        assert _documents(store) == before
        replaced = _ingest(store, second / case.target, "--replace", "--json")
        assert cli_json(replaced)["files"][0]["status"] == "updated"
