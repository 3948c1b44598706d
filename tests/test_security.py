"""Accounts, roles, the audit trail, kept conversations, and the command lines' confirmation and read-only mode.

Real SQLite files, real Chroma folders (toy embedding model), the command lines in new processes.
"""
from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

import pytest
from helpers.paths import CORPUS_DIR, FAST_MODEL
from helpers.stores import make_settings

from rag.cli.admin import main as admin_main
from rag.cli.ingest import main as ingest_main
from rag.config import SettingsError, load_settings
from rag.security import admin, corpus
from rag.security.audit import AuditTrail, select, to_csv
from rag.security.conversations import ConversationStore, NotFound
from rag.security.roles import PermissionDenied, Role, User, require
from rag.security.users import AccountError, UserStore
from rag.store.chroma import Store

ADMIN, EDITOR, READER = User("ann", Role.ADMIN), User("ed", Role.EDITOR), User("rita", Role.READER)
PASSWORD = "đúng-ngựa-pin-kẹp-giấy"


# --- accounts ---------------------------------------------------------------------------------------
def test_local_accounts_hash_lock_and_keep_one_admin(tmp_path):
    users = UserStore(tmp_path, max_failures=3, lock_minutes=5)
    users.add("ann", "admin", PASSWORD)
    assert PASSWORD.encode() not in (tmp_path / "users.sqlite3").read_bytes()  # only the Argon2id hash
    assert users.authenticate("ANN", PASSWORD) == User("ann", Role.ADMIN, "local_account")  # names ignore case
    for bad in ("short", "bob-is-my-password", "aaaaaaaaaaaa"):
        with pytest.raises(AccountError):
            users.add("bob", "reader", bad)
    with pytest.raises(AccountError) as wrong:
        users.authenticate("nobody", PASSWORD)
    assert wrong.value.code == "wrong"  # the same answer as a wrong password: names cannot be probed
    for _ in range(3):
        with pytest.raises(AccountError):
            users.authenticate("ann", "not the password")
    with pytest.raises(AccountError) as locked:
        users.authenticate("ann", PASSWORD)  # locked now, even with the right password
    assert locked.value.code == "locked"
    for change in (lambda: users.set_role("ann", "editor"), lambda: users.remove("ann"),
                   lambda: users.set_disabled("ann", True)):
        with pytest.raises(AccountError) as last:
            change()
        assert last.value.code == "last_admin"


def test_single_sign_on_users_get_their_entry_role_or_the_default(tmp_path):
    users = UserStore(tmp_path)
    users.add("ed@vss.gov.vn", "editor", sso=True)
    assert users.sso_user("ed@vss.gov.vn", "Ed").role == Role.EDITOR
    assert users.sso_user("new@vss.gov.vn", "New").role == Role.READER
    assert users.sso_user("new@vss.gov.vn", "New", default_role="none") is None
    users.add("local", "admin", PASSWORD)
    assert users.sso_user("local") is None  # a local account's name cannot be claimed through SSO
    with pytest.raises(AccountError):
        users.authenticate("ed@vss.gov.vn", "")  # an SSO entry has no password to sign in with


def test_roles_and_the_settings_that_require_sign_in():
    assert READER.can("ask") and READER.can("export") and not READER.can("write")
    assert EDITOR.can("write") and EDITOR.can("audit") and not EDITOR.can("users") and ADMIN.can("users")
    with pytest.raises(PermissionDenied):
        require(READER, "write")
    with pytest.raises(PermissionDenied):
        require(None, "ask")
    with pytest.raises(SettingsError, match="RAG_AUTH"):
        load_settings(serve="network")
    s = load_settings(serve="network", auth="local", store_dir=Path("x/chroma"))
    assert s.security_path == Path("x/security") and s.audit_path == Path("x/security/audit.jsonl")


# --- the audit trail ---------------------------------------------------------------------------------
def _append_many(path: str, who: str, n: int) -> None:
    trail = AuditTrail(Path(path))
    for i in range(n):
        trail.record(User(who, Role.EDITOR, "cli"), "add", doc_id=f"{who}-{i}")


def test_audit_trail_is_a_hash_chain_that_shows_edits(tmp_path):
    path = tmp_path / "audit.jsonl"
    procs = [multiprocessing.Process(target=_append_many, args=(str(path), w, 15)) for w in ("p1", "p2")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    trail = AuditTrail(path)
    assert trail.verify().ok and trail.verify().entries == 30  # two writers, one unbroken chain
    lines = path.read_text().splitlines()
    edited = lines[:]
    edited[4] = edited[4].replace('"add"', '"delete"')
    path.write_text("\n".join(edited) + "\n")
    assert (trail.verify().ok, trail.verify().broken_at) == (False, 5)
    path.write_text("\n".join(lines[:4] + lines[5:]) + "\n")  # a line removed
    assert (trail.verify().ok, trail.verify().broken_at) == (False, 5)
    path.write_text("\n".join(lines) + "\n")
    assert trail.verify().ok


def test_audit_filters_and_csv_that_a_spreadsheet_cannot_run(tmp_path):
    trail = AuditTrail(tmp_path / "a.jsonl")
    trail.record(EDITOR, "add", doc_id="=HYPERLINK(\"http://evil\")", file="x.md", changes={"title": "+cmd"})
    trail.record(ADMIN, "delete", doc_id="d2")
    assert [e.doc_id for e in select(trail.events(), actions=["delete"])] == ["d2"]
    assert [e.who for e in select(trail.events(), who="ED")] == ["ed"]
    assert select(trail.events(), since="2999-01-01") == []
    csv_text = to_csv(trail.events())
    assert "'=HYPERLINK" in csv_text and ",=HYPERLINK" not in csv_text


# --- corpus writes: checked on the server, recorded --------------------------------------------------
@pytest.fixture
def store(tmp_path) -> Store:
    return Store(make_settings(tmp_path / "chroma", embedding_model=FAST_MODEL)).warm_up()


def test_corpus_writes_are_checked_and_recorded(store, tmp_path):
    trail = AuditTrail(tmp_path / "audit.jsonl")
    doc = "---\nid: memo\ntitle: Memo\nlang: vi\n---\nHai bên ký biên bản năm 2024.\n"
    with pytest.raises(PermissionDenied):
        corpus.upload(store, trail, READER, "memo.md", doc.encode())
    with pytest.raises(PermissionDenied):
        corpus.upload(store, trail, None, "memo.md", doc.encode())
    assert store.count() == 0
    assert corpus.upload(store, trail, EDITOR, "memo.md", doc.encode()).status == "added"
    assert corpus.upload(store, trail, EDITOR, "memo.md", doc.replace("Memo", "Memo 2").encode()).status == "updated"
    with pytest.raises(PermissionDenied):
        corpus.remove(store, trail, READER, "memo")
    assert corpus.remove(store, trail, EDITOR, "memo").status == "removed"
    events = trail.events()
    assert [(e.action, e.result, e.who) for e in events] == [
        ("add", "denied", "rita"), ("add", "denied", "system"), ("add", "ok", "ed"), ("update", "ok", "ed"),
        ("delete", "denied", "rita"), ("delete", "ok", "ed")]
    add, update, delete = events[2], events[3], events[5]
    assert add.file == "memo.md" and len(add.sha256) == 64 and add.changes["title"] == "Memo"
    assert update.changes == {"title": ["Memo", "Memo 2"]} and update.sha256 != add.sha256
    assert delete.doc_id == "memo" and delete.sha256 == update.sha256 and delete.changes["title"] == "Memo 2"
    read_only = store.settings.model_copy(update={"read_only": True})
    with pytest.raises(PermissionDenied) as ro:
        corpus.record_link(read_only, trail, EDITOR, True, "memo-lo", "memo")
    assert ro.value.code == "read_only"
    corpus.record_link(store.settings, trail, EDITOR, False, "memo-lo", "memo", {"score": 0.91})
    assert trail.events()[-1].action == "link_undone" and trail.verify().ok


def test_account_changes_need_an_admin_and_are_recorded(tmp_path):
    users, trail = UserStore(tmp_path), AuditTrail(tmp_path / "audit.jsonl")
    with pytest.raises(PermissionDenied):
        admin.add_account(users, trail, EDITOR, "mallory", "admin", PASSWORD)
    admin.add_account(users, trail, ADMIN, "bob", "reader", PASSWORD)
    admin.set_role(users, trail, ADMIN, "bob", "editor")
    assert users.get("bob").role == Role.EDITOR and users.get("mallory") is None
    assert [(e.action, e.result) for e in trail.events()] == [
        ("user_added", "denied"), ("user_added", "ok"), ("user_role", "ok")]
    assert PASSWORD not in (tmp_path / "audit.jsonl").read_text()


# --- conversations -------------------------------------------------------------------------------------
def test_conversations_belong_to_their_owner_and_outlive_the_process(tmp_path):
    first = ConversationStore(tmp_path)
    c = first.create("rita")
    t = first.add_turn("rita", c.id, "Khi nào ký?", {"answer": "Năm 2022 [1].", "citations": [], "backend": "x"})
    again = ConversationStore(tmp_path)  # a restart
    conv = again.get("rita", c.id)
    assert conv.title == "Khi nào ký?" and [x.question for x in conv.turns] == ["Khi nào ký?"]
    for forged in (lambda: again.get("ed", c.id), lambda: again.rename("ed", c.id, "x"),
                   lambda: again.delete("ed", c.id), lambda: again.set_feedback("ed", t.id, "wrong")):
        with pytest.raises(NotFound):
            forged()
    again.set_feedback("rita", t.id, "wrong", "Năm 2023 mới đúng")
    assert [(r.owner, r.comment) for r in again.feedback()] == [("rita", "Năm 2023 mới đúng")]
    again.rename("rita", c.id, "  Lịch ký  ")
    assert again.list("rita")[0].title == "Lịch ký" and again.list("ed") == []
    again.delete("rita", c.id)
    assert again.list("rita") == [] and again.feedback() == []


# --- the command lines (in this process: main(argv), stdin and the environment as a user would set them) ---
def run(main, argv, monkeypatch, capsys, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_asks_before_removing_and_reset_honours_read_only(tmp_path, monkeypatch, capsys):
    store = ["--store", tmp_path / "chroma", "--embedding-model", FAST_MODEL]
    assert run(ingest_main, [CORPUS_DIR, *store, "--no-progress"], monkeypatch, capsys)[0] == 0
    code, _, err = run(ingest_main, ["--remove", "vss-lao-2022-11-22-lo", *store], monkeypatch, capsys)
    assert code == 1 and "nothing was changed" in err and "Type 'yes'" in err
    monkeypatch.setenv("RAG_READ_ONLY", "true")
    code, _, err = run(ingest_main, ["--reset", "--yes", *store], monkeypatch, capsys)
    assert code == 2 and "read-only" in err
    monkeypatch.delenv("RAG_READ_ONLY")
    code, out, _ = run(ingest_main, ["--remove", "vss-lao-2022-11-22-lo", *store, "--json"], monkeypatch, capsys,
                       stdin="yes\n")
    assert code == 0 and json.loads(out)["counts"]["removed"] == 1
    code, out, _ = run(ingest_main, ["--audit", *store, "--json"], monkeypatch, capsys)
    data = json.loads(out)
    assert code == 0 and data["chain_intact"]
    assert [e["action"] for e in data["events"]] == ["add", "add", "add", "delete"]
    last = data["events"][-1]
    assert last["doc_id"] == "vss-lao-2022-11-22-lo" and len(last["sha256"]) == 64 and last["via"] == "cli"
    assert last["sha256"] == data["events"][1]["sha256"] and last["file"].endswith("vss-lao-2022-11-22.lo.md")
    audit = Path(data["path"])
    audit.write_text(audit.read_text().replace("vss-lao-2022-11-22-lo", "vss-lao-2022-11-22-xx", 1))
    code, out, _ = run(ingest_main, ["--audit", *store], monkeypatch, capsys)
    assert code == 1 and "HASH CHAIN BROKEN at line 2" in out


def test_rag_admin_creates_the_first_admin(tmp_path, monkeypatch, capsys):
    store = ["--store", tmp_path / "chroma"]
    code, out, err = run(admin_main, [*store, "users", "add", "ann", "--role", "admin", "--password-stdin"],
                         monkeypatch, capsys, stdin=PASSWORD + "\n")
    assert code == 0 and "added ann (admin, local account)" in out, err
    code, _, err = run(admin_main, [*store, "users", "add", "bob", "--password-stdin"], monkeypatch, capsys,
                       stdin="x\n")
    assert code == 2 and "10 characters" in err
    code, out, _ = run(admin_main, [*store, "users", "list", "--json"], monkeypatch, capsys)
    assert [(u["name"], u["role"]) for u in json.loads(out)] == [("ann", "admin")]
    assert UserStore(tmp_path / "security").authenticate("ann", PASSWORD).role == Role.ADMIN
    assert run(admin_main, [*store, "audit", "verify"], monkeypatch, capsys)[0] == 0
