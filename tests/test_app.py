"""The Streamlit app driven by ``streamlit.testing.v1.AppTest``: real store, real model, real pipeline.

The AppTest tests are in the ``real`` tier; the plain helpers (escaping, the runtime's seeding)
run in the fast tier.

Each test points ``RAG_STORE_DIR`` at a temporary folder before the app starts; the app seeds
the bundled corpus into an empty store on its first run. Read-only tests share one store (the
app caches its running parts per settings, so they share them too); tests that add or delete
documents get their own store.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rag.config import load_settings
from rag.runtime import build_runtime
from rag.security.audit import AuditTrail
from rag.security.roles import Role, User
from rag.store.chroma import Store
from rag.text.i18n import missing_translations, named, t
from ui.conversation import cited_doc_ids
from ui.documents import delete, documents
from ui.markdown import answer_markdown, marked_passage, md_escape
from ui.uploads import upload_key

real = pytest.mark.real
APP = Path(__file__).resolve().parents[1] / "app.py"
TIMEOUT = 240  # first run of a store: loading the model and ingesting the bundled corpus

Q_MOU = "Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?"
Q_FOLLOW = "Còn giai đoạn trước thì sao?"
Q_OUT = "Giá vàng hôm nay là bao nhiêu?"
VI_TITLE = "BHXH Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào ký Biên bản ghi nhớ hợp tác giai đoạn 2022-2025"

UPLOAD_NAME = "bien-ban-tap-huan-2024.md"
UPLOAD_ID = "bien-ban-tap-huan-2024"
UPLOAD_TITLE = "Biên bản lớp tập huấn chuyển đổi số tại Viêng Chăn 2024"
UPLOAD_TEXT = """Ngày 15/3/2024, tại Viêng Chăn, BHXH Việt Nam và Cơ quan BHXH quốc gia Lào tổ chức lớp tập huấn về chuyển đổi số cho 45 cán bộ Lào.

Hai bên thống nhất xây dựng phần mềm quản lý thu BHXH dùng chung, hoàn thành trước tháng 12/2025.
"""
Q_UPLOAD = "Lớp tập huấn chuyển đổi số tại Viêng Chăn năm 2024 có bao nhiêu cán bộ Lào?"


# --- helpers ---------------------------------------------------------------------------------
def plain(md: str) -> str:
    """Markdown source as the reader sees it: no escapes, tags or bold markers."""
    return re.sub(r"\\(.)", r"\1", re.sub(r"<[^>]+>", "", md)).replace("**", "")


def texts(at: AppTest) -> list[str]:
    """Every markdown, caption and alert text of the page, as plain text."""
    out = [m.value for m in at.markdown] + [c.value for c in at.caption]
    out += [e.value for kind in (at.info, at.warning, at.error, at.success) for e in kind]
    return [plain(x) for x in out]


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert not errors, errors


def start(store_dir: Path, monkeypatch, **env: str) -> AppTest:
    monkeypatch.setenv("RAG_STORE_DIR", str(store_dir))
    # accounts, audit trail and conversations of this test only (the store may be shared)
    monkeypatch.setenv("RAG_SECURITY_DIR", env.pop("RAG_SECURITY_DIR", None) or
                       str(store_dir.parent / f"security-{uuid.uuid4().hex[:8]}"))
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    no_exception(at)
    return at


def ask(at: AppTest, question: str) -> dict:
    at.chat_input(key="chat_q").set_value(question).run()
    no_exception(at)
    return at.session_state["history"][-1]


def card_headers(at: AppTest) -> list[str]:
    """The citation cards' header lines ("[n] title")."""
    return [plain(m.value) for m in at.markdown if re.match(r"^\*\*\[\d+\] ", m.value)]


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"ui/pages/{page}.py").run()
    no_exception(at)
    return at


@pytest.fixture(scope="module")
def shared_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("app_shared") / "chroma"


@pytest.fixture
def app(shared_dir, monkeypatch) -> AppTest:
    return start(shared_dir, monkeypatch)


# --- chat --------------------------------------------------------------------------------------
@real
def test_question_answered_with_citation_cards(app):
    assert any(t("chat_intro", "vi") in x for x in texts(app))  # empty conversation: examples
    turn = ask(app, Q_MOU)
    a = turn["answer"]
    assert not a["refused"] and a["backend"] == "extractive"
    assert "2022-2025" in a["answer"] and "22/11/2022" in a["answer"] and "[1]" in a["answer"]  # the asked date
    assert a["citations"][0]["doc_id"] == "vss-lao-2022-11-22-vi"
    # the answer is shown with its [1] marker, and a card numbered [1] carries the document title
    shown = texts(app)
    assert any("2022-2025" in x and "[1]" in x and x.startswith(a["answer"][:30]) for x in shown), shown
    headers = card_headers(app)
    assert headers[0] == f"[1] {VI_TITLE}" and len(headers) == len(a["citations"])
    # the sentence that carries the date is highlighted inside the card's passage
    marked = [m.value for m in app.markdown if "<mark" in m.value]
    assert marked and "22/11" in plain(marked[0])
    # details line: date, language, kind, official; the other language versions beside it
    assert any(x.startswith("2022-11-22 · Tiếng Việt · Tin tức · bản chính thức") for x in shown), shown
    assert app.expander and plain(app.expander[0].label) == t("other_versions", "vi")
    version_texts = [plain(m.value) for m in app.expander[0].markdown]
    assert any("22/11" in v and re.search("[\u0e80-\u0eff]", v) for v in version_texts), version_texts
    assert t("answered_by", "vi", backend=named("backend", "extractive", "vi")) in " ".join(shown)
    # the conversation stays for the session; a button starts a new one
    app.run()
    assert len(app.session_state["history"]) == 1 and card_headers(app)[0] == f"[1] {VI_TITLE}"
    app.button(key="new_chat").click().run()
    assert app.session_state["history"] == [] and card_headers(app) == []


@real
def test_follow_up_is_rewritten_and_shown(app):
    ask(app, Q_MOU)
    turn = ask(app, Q_FOLLOW)
    assert len(app.session_state["history"]) == 2
    rewritten = turn["answer"]["rewritten_question"]
    # standalone again: the earlier period named, or at least the first question's subject carried over
    assert rewritten and rewritten != Q_FOLLOW
    assert "2016-2020" in rewritten or Q_MOU.rstrip("?") in rewritten, rewritten
    assert t("understood_as", "vi", q=rewritten) in texts(app)
    assert not turn["answer"]["refused"] and turn["answer"]["citations"]
    assert "2016-2020" in turn["answer"]["answer"]
    assert len(app.chat_message) == 4  # two questions, two answers


@real
def test_refusal_is_shown_as_refusal_with_closest_passages(app):
    turn = ask(app, Q_OUT)
    a = turn["answer"]
    assert a["refused"], a
    assert a["citations"] == [] and len(a["closest"]) >= 1
    warnings = [plain(w.value) for w in app.warning]
    assert any(t("refused", "vi") in w and "không trả lời được" in w for w in warnings), warnings
    shown = texts(app)
    assert t("closest", "vi") in shown and t("sources", "vi") not in shown
    assert card_headers(app)[0].startswith("[1] ")
    assert not any("<mark" in m.value for m in app.markdown)  # nothing supports an answer


@real
def test_filters_reach_retrieval(app):
    app.multiselect(key="f_langs").set_value(["lo"]).run()
    a = ask(app, Q_MOU)["answer"]
    assert not a["refused"] and a["citations"]
    assert {c["lang"] for c in a["citations"]} == {"lo"}, a["citations"]
    assert {c["doc_id"] for c in a["citations"]} == {"vss-lao-2022-11-22-lo"}
    # a date range with no document: nothing is retrieved, so the assistant refuses
    app.multiselect(key="f_langs").set_value([]).run()
    app.date_input(key="f_to").set_value(dt.date(2001, 1, 1)).run()
    a = ask(app, Q_MOU)["answer"]
    assert a["refused"] and a["closest"] == []


@real
def test_document_filter_limits_citations(app):
    """Choosing documents in the sidebar restricts what can be cited, not only what is searched."""
    q_en = "When was the 2022-2025 memorandum of understanding signed?"
    a = ask(app, q_en)["answer"]  # without a filter: cited from the official Vietnamese original
    assert not a["refused"] and a["citations"][0]["doc_id"] == "vss-lao-2022-11-22-vi"
    app.multiselect(key="f_docs").set_value(["vss-lao-2022-11-22-en"]).run()
    app.date_input(key="f_from").set_value(dt.date(2022, 11, 1)).run()
    a = ask(app, q_en)["answer"]
    assert not a["refused"] and {c["doc_id"] for c in a["citations"]} == {"vss-lao-2022-11-22-en"}, a["citations"]


@real
def test_switching_interface_language(app):
    assert not missing_translations()
    assert app.chat_input(key="chat_q").placeholder == t("chat_placeholder", "vi")
    assert app.radio(key="ui_lang").value == "vi"
    for lang in ("lo", "en"):
        app.radio(key="ui_lang").set_value(lang).run()
        no_exception(app)
        assert app.chat_input(key="chat_q").placeholder == t("chat_placeholder", lang)
        assert app.multiselect(key="f_langs").label == t("filter_langs", lang)
        assert app.button(key="new_chat").label == t("new_chat", lang)
        assert f"## {t('page_chat', lang)}" in [m.value for m in app.markdown]
    ask(app, Q_MOU)  # cards in the English interface
    shown = texts(app)
    assert any(x.startswith("2022-11-22 · Vietnamese · News · official") for x in shown), shown
    assert t("answered_by", "en", backend=named("backend", "extractive", "en")) in " ".join(shown)
    go(app, "add")
    assert app.file_uploader[0].label == t("uploader", "en")
    app.radio(key="ui_lang").set_value("lo").run()
    assert app.file_uploader[0].label == t("uploader", "lo")
    assert f"## {t('add_title', 'lo')}" in [m.value for m in app.markdown]


@real
def test_briefing_and_agreements_pages(app):
    go(app, "agreements")
    table = app.dataframe[0].value
    col_type, col_item = t("col_type", "vi"), t("col_item", "vi")
    kinds = list(table[col_type])
    assert t("row_agreement", "vi") in kinds and t("row_activity", "vi") in kinds
    assert any("2022-2025" in item for item in table[col_item])
    app.multiselect(key="a_status").set_value(["planned"]).run()
    no_exception(app)
    planned = app.dataframe[0].value
    assert 0 < len(planned) < len(table) and set(planned[col_type]) == {t("row_activity", "vi")}
    assert any("<mark" in m.value for m in app.markdown)  # the row's sentence in its source passage
    go(app, "briefing")
    app.button(key="b_build").click().run()
    no_exception(app)
    assert app.success and app.success[0].value.startswith("Đã lập bản tóm tắt")
    assert len(app.get("download_button")) == 2
    preview = " ".join(m.value for m in app.markdown)
    assert "Bản tin chuẩn bị làm việc" in preview and "2022-2025" in preview


# --- adding and deleting documents ---------------------------------------------------------------
@real
def test_upload_checks_change_nothing(app):
    """Too big, unreadable, an id collision left undecided, a bad date: clear messages, store unchanged."""
    go(app, "add")
    assert any("25 MB" in x for x in texts(app))  # the limit is stated and explained
    before = _store_count()
    up = app.file_uploader[0]
    up.upload("huge.txt", b"a" * 26_000_001, "text/plain")
    up.upload("scan.pdf", b"%PDF-1.4\n% not really a pdf\n", "application/pdf")
    up.upload("vss-lao-2022-11-22-vi.md", "Một văn bản khác có cùng mã tài liệu.\n".encode(), "text/markdown")
    app.run()
    errors = [plain(e.value) for e in app.error]
    assert any("huge.txt" in e and "25 MB" in e for e in errors), errors
    assert any("scan.pdf" in e and t("file_unreadable", "vi", name="", reason="")[:10] in e
               for e in errors), errors
    warnings = [plain(w.value) for w in app.warning]
    assert any("vss-lao-2022-11-22-vi" in w and VI_TITLE in w for w in warnings), warnings
    app.button(key="add_btn").click().run()
    warnings = [plain(w.value) for w in app.warning]
    assert any(t("collision_required", "vi", names="vss-lao-2022-11-22-vi.md") == w for w in warnings), warnings
    assert _store_count() == before
    # choosing "new revision" but typing a wrong date still adds nothing
    key = upload_key("vss-lao-2022-11-22-vi.md", "Một văn bản khác có cùng mã tài liệu.\n".encode())
    app.radio(key=f"up_mode_{key}").set_value("revision").run()
    app.text_input(key=f"up_date_{key}").set_value("22/11/2022").run()
    app.button(key="add_btn").click().run()
    assert any("22/11/2022" in plain(e.value) for e in app.error)
    assert _store_count() == before


def _store_count() -> int:
    """Passages in the store the app uses (RAG_STORE_DIR), read through a separate handle."""
    return Store(load_settings()).count()


@real
def test_upload_ask_delete(tmp_path, monkeypatch):
    at = start(tmp_path / "chroma", monkeypatch)
    go(at, "add")
    at.file_uploader[0].upload(UPLOAD_NAME, UPLOAD_TEXT.encode(), "text/markdown").run()
    no_exception(at)
    key = upload_key(UPLOAD_NAME, UPLOAD_TEXT.encode())
    assert at.selectbox(key=f"up_lang_{key}").value == "vi"  # detected
    at.text_input(key=f"up_title_{key}").set_value(UPLOAD_TITLE)
    at.text_input(key=f"up_date_{key}").set_value("2024-03-15")
    at.selectbox(key=f"up_kind_{key}").set_value("minutes")
    at.button(key="add_btn").click().run()
    no_exception(at)
    ok = [plain(s.value) for s in at.success]
    assert any(t("status_added", "vi") in s and UPLOAD_TITLE in s and UPLOAD_ID in s for s in ok), ok
    assert not at.file_uploader[0].value  # the uploader is emptied for the next batch

    # answerable at once, without restarting
    go(at, "chat")
    a = ask(at, Q_UPLOAD)["answer"]
    assert not a["refused"], a
    assert a["citations"][0]["doc_id"] == UPLOAD_ID, [c["doc_id"] for c in a["citations"]]
    assert "45" in a["answer"]
    assert f"[1] {UPLOAD_TITLE}" in card_headers(at)
    assert any(x.startswith("2024-03-15 · Tiếng Việt · Biên bản họp") for x in texts(at))

    # the same file name again, other text: a collision; "new document" keeps both
    go(at, "add")
    other = UPLOAD_TEXT.replace("45", "50").encode()
    at.file_uploader[0].upload(UPLOAD_NAME, other, "text/markdown").run()
    k2 = upload_key(UPLOAD_NAME, other)
    at.radio(key=f"up_mode_{k2}").set_value("new").run()
    at.button(key="add_btn").click().run()
    no_exception(at)
    ok = [plain(s.value) for s in at.success]
    assert any(f"{UPLOAD_ID}-2" in s for s in ok), ok

    # the corpus page lists it; delete both after confirming
    go(at, "corpus")
    table = at.dataframe[0].value
    assert UPLOAD_ID in set(table[t("col_id", "vi")]) and len(table) == 5
    for doc_id in (UPLOAD_ID, f"{UPLOAD_ID}-2"):
        at.selectbox(key="corpus_doc").set_value(doc_id).run()
        assert "45" in " ".join(texts(at)) or doc_id.endswith("-2")
        assert at.button(key="delete_btn").disabled  # not before the confirmation
        at.checkbox(key=f"del_ok_{doc_id}").check().run()
        at.button(key="delete_btn").click().run()
        no_exception(at)
        assert any(t("status_removed", "vi").split()[0] in plain(s.value) for s in at.success)
    assert len(at.dataframe[0].value) == 3

    # no longer cited: not in a new answer, not among the documents to filter on
    go(at, "chat")
    at.button(key="new_chat").click().run()
    a = ask(at, Q_UPLOAD)["answer"]
    cited = cited_doc_ids({"answer": a}) | {c["doc_id"] for c in a["closest"]}
    assert UPLOAD_ID not in cited and f"{UPLOAD_ID}-2" not in cited
    assert not any(UPLOAD_TITLE in h for h in card_headers(at))
    assert UPLOAD_ID not in at.multiselect(key="f_docs").options


def test_deleted_bundled_documents_stay_deleted(tmp_path):
    """The bundled corpus is seeded once: deleting its documents (even all) survives a restart."""
    settings = load_settings(store_dir=tmp_path / "chroma", embedding_model="toy")
    rt = build_runtime(settings)
    assert rt.seeded is not None and len(rt.seeded.results) == 3 and rt.store.is_seeded()
    trail, editor = AuditTrail(tmp_path / "audit.jsonl"), User("editor1", Role.EDITOR)
    assert delete(rt.store, trail, editor, "vss-lao-2022-11-22-vi").status == "removed"
    again = build_runtime(settings)  # the next start
    assert again.seeded is None
    assert {d.doc_id for d in documents(again.store)} == {"vss-lao-2022-11-22-en", "vss-lao-2022-11-22-lo"}
    hits = again.retriever.search(Q_MOU)
    assert hits and all(h.doc_id != "vss-lao-2022-11-22-vi" for h in hits)
    assert all(v.doc_id != "vss-lao-2022-11-22-vi" for h in hits for v in h.versions)
    for doc_id in ("vss-lao-2022-11-22-en", "vss-lao-2022-11-22-lo"):
        delete(again.store, trail, editor, doc_id)
    third = build_runtime(settings)
    assert third.seeded is None and third.store.count() == 0


@real
def test_settings_error_is_shown_not_raised(tmp_path, monkeypatch):
    monkeypatch.setenv("RAG_STORE_DIR", str(tmp_path / "chroma"))
    monkeypatch.setenv("RAG_RETRIEVER", "psychic")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    errors = [plain(e.value) for e in at.error]
    assert errors and t("startup_error", "vi") in errors[0] and "RAG_RETRIEVER" in errors[0]
    assert not at.chat_input


# --- rendering helpers ------------------------------------------------------------------------------
def test_markdown_is_escaped_and_highlights_land_on_the_sentence():
    text = "# Not a heading *nor bold* [link](http://x) $x$ <b>tag</b>\n1. not a list"
    md = md_escape(text)
    assert "<b>" not in md and "&lt;b&gt;" in md and md.startswith("\\#") and "\\*nor bold\\*" in md
    assert "\\$x\\$" in md and "1\\. not a list" in md
    passage = "Câu một. Câu hai có số 45. Câu ba."
    hl = [{"doc_id": "d", "lang": "vi", "start": 109, "end": 126, "sentence": "Câu hai có số 45."}]
    out = marked_passage(passage, 100, hl, "d")
    assert plain(out) == passage and "<mark" in out and out.count("</mark>") == 1
    assert re.search(r"<mark[^>]*>Câu hai có số 45\.</mark>", out), out
    assert marked_passage(passage, 100, hl, "other") == md_escape(passage)  # other version: no mark
    assert answer_markdown("Ký năm 2022 [1] và [2].") == "Ký năm 2022 **[1]** và **[2]**."
    assert answer_markdown("*a* [1]") == "\\*a\\* **[1]**"
