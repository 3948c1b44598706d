"""The Streamlit app: a thin frame over the page files in ``ui/pages/``.

Run with ``streamlit run app.py``. Settings come from ``RAG_*`` variables. With none, the app is
for one person on this computer: bound to 127.0.0.1 (``.streamlit/config.toml``), no sign-in, and
it says so. ``RAG_SERVE=network`` serves other computers and needs ``RAG_AUTH=local`` or ``sso``:
then every visitor signs in and sees only the pages of their role (reader, editor, admin); the
writes themselves are checked again on the server side (:mod:`rag.security.corpus`). An error on a
page shows a message and an id (logged with its stack), never a stack trace. The runtime (store,
retriever, assistant) is built once per settings by :func:`ui.session.runtime`.
"""
from __future__ import annotations

import streamlit as st

from rag.config import offline_environment
from rag.security.corpus import record_seeded
from rag.security.roles import User
from rag.text.i18n import native_name
from rag.text.langs import LANGS
from ui.markdown import md_escape
from ui.session import current_user, local_only_breach, runtime, security, settings, show_error, sign_out, tr

PAGES = (  # file, key of its title, icon, permission needed
    ("ui/pages/chat.py", "page_chat", ":material/forum:", "ask"),
    ("ui/pages/conversations.py", "page_conversations", ":material/history:", "converse"),
    ("ui/pages/add.py", "page_add", ":material/upload_file:", "write"),
    ("ui/pages/corpus.py", "page_corpus", ":material/folder_open:", "ask"),
    ("ui/pages/briefing.py", "page_briefing", ":material/description:", "brief"),
    ("ui/pages/agreements.py", "page_agreements", ":material/handshake:", "ask"),
    ("ui/pages/audit.py", "page_audit", ":material/policy:", "audit"),
    ("ui/pages/users.py", "page_users", ":material/manage_accounts:", "users"),
)
SIGN_IN = ("ui/pages/signin.py", "page_signin", ":material/login:")


def pages_for(user: User | None, read_only: bool) -> list:
    if user is None:
        path, key, icon = SIGN_IN
        return [st.Page(path, title=tr(key), icon=icon, default=True)]
    allowed = [(p, k, i) for p, k, i, perm in PAGES if user.can(perm) and not (perm == "write" and read_only)]
    return [st.Page(p, title=tr(k), icon=i, default=n == 0) for n, (p, k, i) in enumerate(allowed)]


def sidebar(s, user: User | None) -> None:
    with st.sidebar:
        st.markdown(f"### {tr('app_title')}")
        st.radio(tr("ui_language"), LANGS, format_func=native_name, key="ui_lang", horizontal=True)
        if s.serve == "local" and s.auth == "none":
            st.caption(tr("mode_single_user", user=md_escape(user.name if user else "")))
        elif user is not None:
            st.caption(tr("signed_in_as", user=md_escape(user.label), role=tr(f"role_{user.role.value}")))
            st.button(tr("sign_out"), key="sign_out", icon=":material/logout:", on_click=sign_out, args=(s,))
        if s.read_only:
            st.caption(tr("mode_read_only"))


def main() -> None:
    offline_environment()
    st.set_page_config(page_title=tr("app_title"), page_icon=":material/handshake:", layout="wide",
                       initial_sidebar_state="expanded")
    s = settings()
    breach = local_only_breach(s)
    if breach:  # single-user mode reached from another computer: nobody signs in, so nobody gets in
        st.error(tr("local_only_refused", address=md_escape(breach)), icon=":material/block:")
        st.stop()
    user = current_user(s)
    page = st.navigation(pages_for(user, s.read_only), position="sidebar")
    sidebar(s, user)
    try:
        if user is not None:
            rt = runtime()
            if rt.seeded is not None:  # said once, to the session that started the app, and recorded
                st.toast(tr("seeded", n=len(rt.seeded.results)))
                record_seeded(security().trail, rt.seeded)
                rt.seeded = None
        page.run()
    except Exception as exc:  # st.stop / st.rerun are not Exceptions: they pass through
        show_error(exc, page.title)


main()
