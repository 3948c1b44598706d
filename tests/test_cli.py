"""Both command lines as a member of staff or a script runs them (the module fixture starts a real process; the
other fast tests run the same entry point in this process, see helpers.cli)."""
from __future__ import annotations

import shutil

import pytest
from helpers.cli import cli_json, run_cli_process
from helpers.paths import CORPUS_IDS, FAST_MODEL

QUESTION = "Tháng 11/2022 hai bên đã ký văn bản gì?"
MOU_SENTENCE = "ký Bản Ghi nhớ hợp tác giai đoạn 2022-2025"
ANSWER_KEYS = {"question", "language", "answer", "refused", "backend", "citations"}
CITATION_KEYS = {"n", "doc_id", "chunk_id", "title", "date", "lang", "kind", "official", "text", "start", "end",
                 "page", "score"}


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory):
    """A store folder filled by ``python -m ingest corpus --store DIR --json``; returns (folder, summary)."""
    folder = tmp_path_factory.mktemp("cli") / "store"
    proc = run_cli_process("-m", "ingest", "corpus", "--store", folder, "--json", "--no-progress", model=FAST_MODEL)
    assert proc.returncode == 0, proc.stderr
    return folder, cli_json(proc)


def test_ingest_cli_json_summary(cli_store):
    _, summary = cli_store
    assert summary["counts"] == {"added": 3, "updated": 0, "unchanged": 0, "failed": 0}
    assert sorted(f["doc_id"] for f in summary["files"]) == CORPUS_IDS
    assert {f["lang"] for f in summary["files"]} == {"vi", "lo", "en"}
    assert all(f["passages"] == 13 and f["reason"] == "" for f in summary["files"])


def test_ingest_cli_again_is_unchanged(cli_store, run_cli):
    folder, _ = cli_store
    proc = run_cli("-m", "ingest", "corpus", "--store", folder, "--no-progress")
    assert proc.returncode == 0, proc.stderr
    assert "summary: 0 added, 0 updated, 3 unchanged, 0 failed" in proc.stdout


def test_ask_json_cites_the_memorandum_sentence(cli_store, run_cli):
    folder, _ = cli_store
    # the toy model's similarities are low: open the refusal gate, this test is about the JSON contract
    proc = run_cli("-m", "rag", "ask", "--json", "--store", folder, QUESTION, env={"RAG_REFUSAL_THRESHOLD": "0"})
    assert proc.returncode == 0, proc.stderr
    ans = cli_json(proc)
    assert ANSWER_KEYS <= set(ans)
    assert ans["question"] == QUESTION and ans["language"] == "vi"
    assert ans["refused"] is False and ans["backend"] == "extractive"
    assert ans["citations"], ans
    for c in ans["citations"]:
        assert CITATION_KEYS <= set(c), CITATION_KEYS - set(c)
    first = ans["citations"][0]
    assert first["n"] == 1 and "[1]" in ans["answer"]
    assert MOU_SENTENCE in first["text"]
    assert first["doc_id"] == "vss-lao-2022-11-22-vi" and first["official"] is True and first["lang"] == "vi"
    assert first["date"] == "2022-11-22" and first["kind"] == "news"
    assert isinstance(first["start"], int) and first["end"] - first["start"] == len(first["text"])


def test_remove_cli_drops_one_language_version(cli_store, run_cli, tmp_path):
    folder, _ = cli_store
    copy = tmp_path / "store"
    shutil.copytree(folder, copy)
    proc = run_cli("-m", "ingest", "--remove", "vss-lao-2022-11-22-lo", "--store", copy, "--json", "--yes")
    assert proc.returncode == 0, proc.stderr
    out = cli_json(proc)
    assert [(f["status"], f["doc_id"], f["passages"]) for f in out["files"]] == [
        ("removed", "vss-lao-2022-11-22-lo", 13)]

    listed = run_cli("-m", "ingest", "--list", "--json", "--store", copy)
    assert listed.returncode == 0, listed.stderr
    rows = cli_json(listed)
    assert sorted(r["doc_id"] for r in rows) == ["vss-lao-2022-11-22-en", "vss-lao-2022-11-22-vi"]
    assert all(r["passages"] == 13 for r in rows)


def test_ingest_cli_reports_bad_files_in_plain_words_and_keeps_going(tmp_path, run_cli):
    good = tmp_path / "memo.md"
    good.write_text("---\nid: memo-2024\ndate: 2024-05\n---\nHai bên thống nhất tổ chức hội thảo về bảo hiểm y tế.",
                    encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("B¶o hiÓm x· héi ViÖt Nam vµ Bé Lao ®éng Lµo".encode("cp1252"))
    proc = run_cli("-m", "ingest", empty, good, legacy, tmp_path / "missing.pdf", "--store", tmp_path / "s",
                   "--no-progress")
    assert proc.returncode == 1  # something failed
    out = proc.stdout
    assert f"failed     {empty}: the file is empty" in out
    assert f"failed     {legacy}: the text looks like a legacy Vietnamese encoding" in out
    assert f"failed     {tmp_path / 'missing.pdf'}: no such file or folder" in out
    assert f"added      {good} -> memo-2024 [vi] (1 passages)" in out
    assert "summary: 1 added, 0 updated, 0 unchanged, 3 failed" in out
    assert "Traceback" not in proc.stderr


def test_ingest_cli_usage_errors(run_cli, tmp_path):
    nothing = run_cli("-m", "ingest", "--store", tmp_path / "s", timeout=120)
    assert nothing.returncode == 2 and "give files or folders to ingest" in nothing.stderr
    mixed = run_cli("-m", "ingest", "corpus", "--list", "--store", tmp_path / "s", timeout=120)
    assert mixed.returncode == 2 and "--list only lists" in mixed.stderr


@pytest.mark.real
def test_plain_ask_prints_a_multi_line_answer_once_then_its_sources(tmp_path, run_cli):
    """The plain answer is streamed, then the rest is printed: no line of the answer may come twice."""
    folder = tmp_path / "store"
    assert run_cli("-m", "ingest", "corpus", "--store", folder, "--no-progress").returncode == 0
    question = "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ສະບັບໃໝ່ ກວມເອົາໄລຍະໃດ?"  # a Lao fact first, the quoted original after it
    ans = cli_json(run_cli("-m", "rag", "ask", "--json", "--store", folder, question))
    assert not ans["refused"] and "\n" in ans["answer"].strip(), ans["answer"]  # a list: several lines
    plain = run_cli("-m", "rag", "ask", "--store", folder, question)
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.count(ans["answer"].strip()) == 1, plain.stdout
    lines = [line for line in ans["answer"].splitlines() if line.strip()]
    assert all(plain.stdout.count(line) == 1 for line in lines), plain.stdout
    assert plain.stdout.index(lines[-1]) < plain.stdout.index("Sources:")
