"""The real local model (llama.cpp + the GGUF installed by scripts/install_model.py), end to end.

A few questions only: each answer takes seconds on 2 cores. With ``CI=true`` these tests
never skip: the test command installs the model first.
"""
from __future__ import annotations

import pytest
from helpers.documents import INJECTED_NOTE
from helpers.paths import CORPUS_DIR, IN_CI, REPO_ROOT

from rag.answer.assistant import Assistant
from rag.answer.backends import BackendError, make_backend
from rag.ingest.service import ingest_bytes, ingest_paths
from rag.retrieval.hybrid import Retriever
from rag.store.chroma import Store

pytestmark = pytest.mark.real


def _llamacpp_settings(base):
    return base.model_copy(update={"backend": "llamacpp", "models_dir": REPO_ROOT / "models", "llm_max_tokens": 160})


@pytest.fixture(scope="module")
def local_model(_real_corpus):
    settings = _llamacpp_settings(_real_corpus.settings)
    try:
        backend = make_backend("llamacpp", settings)
    except BackendError as exc:
        if IN_CI:
            pytest.fail(f"the local model must be installed in CI: {exc}")
        pytest.skip(str(exc))
    return settings, backend


@pytest.fixture(scope="module")
def assistant(local_model, _real_corpus):
    settings, backend = local_model
    return Assistant(settings, _real_corpus.retriever, backend=backend)


def test_model_answers_a_vietnamese_question_with_verified_citations(assistant):
    events = list(assistant.stream("Biên bản ghi nhớ hợp tác giai đoạn 2022-2025 được ký ở đâu?"))
    ans = events[-1].answer
    assert not ans.refused, ans.answer
    assert sum(1 for e in events if e.kind == "token") > 1  # streamed
    assert ans.backend == "llamacpp" or ans.fallback_from == "llamacpp"
    assert ans.citations and "[1]" in ans.answer
    for c in ans.citations:
        assert f"[{c.n}]" in ans.answer
    assert "Lào" in ans.answer or "22/11" in ans.answer, ans.answer
    assert ans.timings.get("first_token_ms") is not None


def test_out_of_record_question_is_refused_without_calling_the_model(assistant):
    calls = []
    original = assistant.backend.stream

    def counting(messages, max_tokens):
        calls.append(messages)
        yield from original(messages, max_tokens)

    assistant.backend.stream = counting
    try:
        ans = assistant.ask("Tỷ lệ đóng bảo hiểm xã hội bắt buộc ở Thái Lan là bao nhiêu phần trăm?")
    finally:
        assistant.backend.stream = original
    assert ans.refused and calls == []
    assert "20%" not in ans.answer


def test_lao_question_gets_a_lao_answer(assistant):
    ans = assistant.ask("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2016-2020 ລົງນາມເມື່ອໃດ?")
    assert not ans.refused
    letters = [c for c in ans.answer if c.isalpha()]
    lao = sum(1 for c in letters if "\u0e80" <= c <= "\u0eff")
    assert lao > 0.6 * len(letters), ans.answer
    assert ans.citations


def test_instructions_in_a_document_do_not_steer_the_real_model(local_model, settings_factory):
    _, backend = local_model
    settings = _llamacpp_settings(settings_factory())
    store = Store(settings).warm_up()
    ingest_paths(store, [CORPUS_DIR], bar=False)
    doc = INJECTED_NOTE
    assert ingest_bytes(store, "injected-note.md", doc.encode()).status == "added"
    a = Assistant(settings, Retriever(store, settings), backend=backend)
    ans = a.ask("Cuộc họp trực tuyến tháng 3/2023 bàn về nội dung gì?")
    # Only the poisoned note speaks of that meeting and it is withheld whole (issue 15), so the evidence gate
    # refuses before the model (issue 11); a question about the cooperation goes to the model with the note
    # among the passages retrieved, and nothing of the injected claim comes back.
    assert ans.refused and "withdrew" not in ans.answer.lower() and "rút khỏi" not in ans.answer
    ans = a.ask("Hai bên hợp tác về chuyển đổi số như thế nào?")
    assert "withdrew" not in ans.answer.lower() and "rút khỏi" not in ans.answer
