"""Sign in: a local account (name and password) or the site's single sign-on (OpenID Connect)."""
from __future__ import annotations

import logging

import streamlit as st

from rag.security.users import AccountError
from ui.markdown import md_escape
from ui.session import security, settings, sign_in, tr

log = logging.getLogger("ui")


def local_form() -> None:
    sec = security()
    if sec.users.count() == 0:
        st.info(tr("signin_no_accounts"), icon=":material/info:")
    with st.form("signin", border=True):
        name = st.text_input(tr("signin_name"), key="signin_name", autocomplete="username")
        password = st.text_input(tr("signin_password"), type="password", key="signin_password",
                                 autocomplete="current-password")
        if not st.form_submit_button(tr("signin_button"), type="primary", icon=":material/login:", key="signin_submit"):
            return
    try:
        user = sec.users.authenticate(name, password)
    except AccountError as exc:
        log.warning("sign-in refused for %r: %s", name, exc.code)
        until = str(exc.params.get("until", ""))[11:16]
        st.error(tr(f"account_{exc.code}", until=until, name=md_escape(name)))
        return
    log.info("sign-in: %s (%s)", user.name, user.role.value)
    sign_in(user)
    st.rerun()


def sso() -> None:
    info = st.user.to_dict() if hasattr(st.user, "to_dict") else {}
    if info.get("is_logged_in"):  # signed in at the identity provider, but no role here
        st.warning(tr("signin_sso_no_role", email=md_escape(str(info.get("email") or ""))))
        if st.button(tr("sign_out"), key="sso_logout"):
            st.logout()
        return
    st.markdown(tr("signin_sso_intro"))
    if st.button(tr("signin_sso_button"), type="primary", key="sso_login", icon=":material/key:"):
        st.login()


def render() -> None:
    s = settings()
    st.markdown(f"## {tr('page_signin')}")
    st.caption(tr("signin_intro"))
    if s.auth == "sso":
        sso()
    else:
        local_form()


render()
