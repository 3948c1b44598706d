"""The app served to a network (AppTest, real tier): sign-in, roles, the audit trail, kept conversations,
errors with an id, and documents that cannot put a live link or image on a page.

Accounts are made the way an administrator makes them (:class:`rag.security.users.UserStore`, as
``rag-admin`` does); each test signs in through the sign-in form.
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import docx
import pytest
from helpers.markup_attack import HOSTILE_DOC, HOSTILE_ID, HOSTILE_QUESTION, docx_live_parts, live_markup
from streamlit.testing.v1 import AppTest

from rag.config import load_settings
from rag.ingest.service import ingest_bytes, list_documents
from rag.security.audit import AuditTrail
from rag.security.conversations import ConversationStore
from rag.security.export import to_docx_bytes
from rag.security.roles import PermissionDenied, os_user
from rag.security.users import UserStore
from rag.store.chroma import Store
from rag.text.i18n import t
from ui.documents import delete

pytestmark = pytest.mark.real
ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
TIMEOUT = 240
PASSWORD = "mật-khẩu-đủ-dài-2024"
Q_MOU = "Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?"
DOC = "vss-lao-2022-11-22-en"


def plain(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", re.sub(r"<[^>]+>", "", md)).replace("**", "").replace("\u2060", "")


def shown(at: AppTest) -> list[str]:
    """Every Markdown source the page handed to the browser (text, captions, alerts, widget labels)."""
    out = [m.value for m in at.markdown] + [c.value for c in at.caption]
    out += [e.value for kind in (at.info, at.warning, at.error, at.success) for e in kind]
    out += [w.label for kind in (at.checkbox, at.button, at.radio, at.selectbox, at.text_input) for w in kind]
    return out


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("app_sec") / "chroma"


def network(store_dir: Path, security_dir: Path, monkeypatch) -> UserStore:
    """Settings of an app served to a network with local accounts; the accounts an admin made."""
    for k, v in {"RAG_STORE_DIR": store_dir, "RAG_SECURITY_DIR": security_dir, "RAG_SERVE": "network",
                 "RAG_AUTH": "local"}.items():
        monkeypatch.setenv(k, str(v))
    users = UserStore(security_dir)
    if users.count() == 0:
        for name, role in (("ann", "admin"), ("ed", "editor"), ("rita", "reader")):
            users.add(name, role, PASSWORD)
    return users


def sign_in(name: str, password: str = PASSWORD) -> AppTest:
    at = ok(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run())
    assert at.text_input(key="signin_name") and not at.chat_input  # nothing before signing in
    at.text_input(key="signin_name").input(name)
    at.text_input(key="signin_password").input(password)
    return at.button(key="signin_submit").click().run()


def registered_pages(at: AppTest) -> list[str]:
    """The pages st.navigation registered for this session (AppTest lists them when asked for another)."""
    with pytest.raises(ValueError) as err:
        at.switch_page("ui/pages/signin.py")  # a real page file, never offered after signing in
    return sorted(Path(p).stem for p in re.findall(r"'([^']+\.py)'", str(err.value).split("Known pages:")[1]))


def test_reader_sees_no_write_controls_and_a_forged_delete_is_refused(shared_store, tmp_path, monkeypatch):
    network(shared_store, tmp_path / "security", monkeypatch)
    wrong = sign_in("rita", "not the password")
    assert [plain(e.value) for e in wrong.error] == [t("account_wrong", "vi")] and not wrong.chat_input
    at = ok(sign_in("rita"))
    assert at.chat_input(key="chat_q") and any("rita" in c.value for c in at.caption)
    assert registered_pages(at) == ["agreements", "briefing", "chat", "conversations", "corpus"]
    at.switch_page("ui/pages/corpus.py").run()
    ok(at)
    at.selectbox(key="corpus_doc").set_value(DOC).run()
    assert not at.file_uploader and not [b for b in at.button if b.key == "delete_btn"] and not at.checkbox
    assert t("delete_header", "vi") not in " ".join(shown(at))
    # The add page, run for this session although navigation never offers it: it refuses.
    reader = at.session_state["_signed_in"]
    page = AppTest.from_file(str(ROOT / "ui/pages/add.py"), default_timeout=TIMEOUT)
    page.session_state["_signed_in"] = reader
    page.run()
    assert not page.file_uploader and [plain(e.value) for e in page.error] == [t("denied_role", "vi")]
    # The delete service the corpus page calls, called with the reader's own session user: refused, recorded.
    settings = load_settings()
    store, trail = Store(settings).warm_up(), AuditTrail(settings.audit_path)
    before = store.count()
    with pytest.raises(PermissionDenied):
        delete(store, trail, reader, DOC)
    assert store.count() == before
    last = trail.events()[-1]
    assert (last.who, last.action, last.result, last.doc_id) == ("rita", "delete", "denied", DOC)


def test_editor_deletes_a_document_and_the_audit_trail_shows_who_what_when(tmp_path, monkeypatch):
    network(tmp_path / "chroma", tmp_path / "security", monkeypatch)
    at = ok(sign_in("ed"))
    assert "add" in registered_pages(at) and "audit" in registered_pages(at) and "users" not in registered_pages(at)
    at.switch_page("ui/pages/corpus.py").run()
    at.selectbox(key="corpus_doc").set_value(DOC).run()
    at.checkbox(key=f"del_ok_{DOC}").check().run()
    at.button(key="delete_btn").click().run()
    ok(at)
    assert DOC not in {d.doc_id for d in list_documents(Store(load_settings()).warm_up())}
    at.switch_page("ui/pages/audit.py").run()
    ok(at)
    intact = plain(at.success[0].value)  # 3 documents seeded on the first start + 1 delete
    assert intact.startswith(plain(t("audit_chain_ok", "vi", n=4, path=""))[:25]) and "audit.jsonl" in intact
    table = at.dataframe[0].value
    row = table.iloc[0]  # newest first
    assert row[t("audit_who", "vi")] == "ed" and row[t("audit_action", "vi")] == t("audit_delete", "vi")
    assert row[t("audit_col_doc", "vi")] == DOC and row[t("audit_col_role", "vi")] == t("role_editor", "vi")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", row[t("audit_col_at", "vi")])
    assert row[t("audit_col_file", "vi")].endswith("vss-lao-2022-11-22.en.md") and len(row["SHA-256"]) == 16
    assert '"passages": 13' in row[t("audit_col_changes", "vi")]
    seeded = table.iloc[1]
    assert seeded[t("audit_who", "vi")] == "system" and seeded[t("audit_action", "vi")] == t("audit_add", "vi")
    at.multiselect(key="au_actions").set_value(["delete"]).run()
    assert len(at.dataframe[0].value) == 1 and at.get("download_button")


def test_a_conversation_survives_a_new_session_and_exports(shared_store, tmp_path, monkeypatch):
    network(shared_store, tmp_path / "security", monkeypatch)
    first = ok(sign_in("rita"))
    first.chat_input(key="chat_q").set_value(Q_MOU).run()
    ok(first)
    turn = first.session_state["history"][-1]
    first.radio(key=f"fb_v_{turn['id']}").set_value("wrong").run()
    first.text_area(key=f"fb_c_{turn['id']}").input("Thiếu ngày ký cụ thể").run()
    first.button(key=f"fb_s_{turn['id']}").click().run()
    ok(first)
    again = ok(sign_in("rita"))  # a reload: a new session of the same user
    history = again.session_state["history"]
    assert [h["question"] for h in history] == [Q_MOU] and history[0]["answer"] == turn["answer"]
    assert history[0]["feedback"] == {"verdict": "wrong", "comment": "Thiếu ngày ký cụ thể"}
    assert any(plain(m.value).startswith("[1] ") for m in again.markdown)  # its citation cards are back
    again.switch_page("ui/pages/conversations.py").run()
    ok(again)
    assert [b.label for b in again.get("download_button")] == [t("download_md", "vi"), t("download_docx", "vi")]
    # the DOCX the page offers, made by the same function from the stored conversation, opens
    store = ConversationStore(tmp_path / "security")
    conv = store.get("rita", store.list("rita")[0].id)
    d = docx.Document(io.BytesIO(to_docx_bytes(conv, "vi")))
    text = "\n".join(p.text for p in d.paragraphs)
    assert Q_MOU in text and "2022-2025" in text and "[1]" in text and "Thiếu ngày ký cụ thể" in text
    other = ok(sign_in("ed"))  # someone else's conversations are not theirs
    assert other.session_state["history"] == []
    other.switch_page("ui/pages/conversations.py").run()
    assert [plain(m.value) for m in other.info][:1] == [plain(t("conv_none", "vi"))]
    assert any(r.comment == "Thiếu ngày ký cụ thể" for r in store.feedback())  # editors review it


def test_single_user_mode_says_so_and_a_network_needs_sign_in(shared_store, tmp_path, monkeypatch):
    monkeypatch.setenv("RAG_STORE_DIR", str(shared_store))
    monkeypatch.setenv("RAG_SECURITY_DIR", str(tmp_path / "security"))
    at = ok(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run())
    assert any("127.0.0.1" in c.value for c in at.caption) and at.chat_input
    monkeypatch.setenv("RAG_SERVE", "network")
    refused = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not refused.exception and not refused.chat_input
    assert "RAG_AUTH" in plain(refused.error[0].value)


def test_errors_show_an_id_and_log_the_stack(shared_store, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("RAG_STORE_DIR", str(shared_store))
    monkeypatch.setenv("RAG_SECURITY_DIR", str(tmp_path / "security"))
    monkeypatch.setenv("RAG_BACKEND", "openai")
    monkeypatch.setenv("RAG_OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens there
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    with caplog.at_level(logging.ERROR, logger="ui"):
        at.chat_input(key="chat_q").set_value(Q_MOU).run()
    assert not at.exception
    errors = [plain(e.value) for e in at.error]
    eid = re.search(r"([0-9a-f]{8})", errors[0]).group(1) if errors else ""
    assert eid and errors[0] == plain(t("error_with_id", "vi", id=eid)), errors
    assert not any("Traceback" in s or "File \"" in s for s in shown(at))
    logged = [r for r in caplog.records if eid in r.getMessage()]
    assert logged and logged[0].exc_info is not None  # the stack is in the log


def test_no_page_renders_a_document_link_image_or_html_live(tmp_path, monkeypatch):
    settings = load_settings(store_dir=tmp_path / "chroma")
    store = Store(settings).warm_up()
    assert ingest_bytes(store, "hostile.md", HOSTILE_DOC.encode()).status == "added"
    monkeypatch.setenv("RAG_STORE_DIR", str(tmp_path / "chroma"))
    monkeypatch.setenv("RAG_SECURITY_DIR", str(tmp_path / "security"))
    monkeypatch.setenv("RAG_REFUSAL_THRESHOLD", "0")
    at = ok(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run())
    at.chat_input(key="chat_q").set_value(HOSTILE_QUESTION).run()
    ok(at)
    assert at.session_state["history"][-1]["answer"]["citations"][0]["doc_id"] == HOSTILE_ID
    pages = {"chat": shown(at)}
    at.switch_page("ui/pages/corpus.py").run()
    at.selectbox(key="corpus_doc").set_value(HOSTILE_ID).run()
    pages["corpus"] = shown(at)
    at.switch_page("ui/pages/briefing.py").run()
    at.button(key="b_build").click().run()
    pages["briefing"] = shown(at)
    at.switch_page("ui/pages/agreements.py").run()
    pages["agreements"] = shown(at)
    at.switch_page("ui/pages/conversations.py").run()
    pages["conversations"] = shown(at)
    for name, sources in pages.items():
        ok(at)
        assert any("evil.example" in s for s in sources) or name in ("agreements", "conversations"), name
        live = [(s[:80], live_markup(s)) for s in sources if live_markup(s)]
        assert live == [], (name, live)
    conv = ConversationStore(tmp_path / "security")  # single-user mode: the conversation is the OS user's
    assert docx_live_parts(to_docx_bytes(conv.get(os_user(), conv.list(os_user())[0].id), "vi")) == []


def test_single_sign_on_users_get_the_role_an_admin_gave_them(shared_store, tmp_path, monkeypatch):
    """RAG_AUTH=sso: the identity comes from the provider (st.user, seeded here as Streamlit's login would)."""
    network(shared_store, tmp_path / "security", monkeypatch)
    monkeypatch.setenv("RAG_AUTH", "sso")
    monkeypatch.setenv("RAG_SSO_DEFAULT_ROLE", "none")
    UserStore(tmp_path / "security").add("ed@vss.gov.vn", "editor", sso=True)
    out = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert out.button(key="sso_login") and not out.chat_input  # not signed in at the provider yet
    stranger = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    stranger.user = {"is_logged_in": True, "email": "who@example.org", "name": "Who"}
    stranger.run()
    assert not stranger.chat_input and "who@example.org" in plain(stranger.warning[0].value)
    ed = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    ed.user = {"is_logged_in": True, "email": "ed@vss.gov.vn", "name": "Ed"}
    ok(ed.run())
    assert ed.chat_input and "add" in registered_pages(ed) and "users" not in registered_pages(ed)
