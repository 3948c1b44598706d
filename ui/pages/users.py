"""Users (admins): local accounts and single-sign-on entries, their roles, passwords and access.
Every change goes through :mod:`rag.security.admin` (admin checked on the server, recorded in the audit trail)."""
from __future__ import annotations

import streamlit as st

from rag.security import admin
from rag.security.roles import PermissionDenied, Role, require
from rag.security.users import AccountError
from ui.markdown import md_escape
from ui.session import page_header, security, settings, tr, user

ROLES = [r.value for r in Role]


def _done(key: str, **fields) -> None:
    st.session_state["users_msg"] = tr(key, **fields)
    st.rerun()


def _failed(exc: Exception) -> None:
    if isinstance(exc, AccountError):
        st.error(tr(f"account_{exc.code}", name=md_escape(str(exc.params.get("name", ""))), until=""))
    elif isinstance(exc, PermissionDenied):
        st.error(tr(f"denied_{exc.code}"))


def add_form(me) -> None:
    sec = security()
    with st.form("user_add", clear_on_submit=True, border=True):
        st.markdown(f"**{tr('users_add')}**")
        c1, c2, c3 = st.columns(3)
        name = c1.text_input(tr("users_name"), key="ua_name", help=tr("users_name_help"))
        display = c2.text_input(tr("users_display"), key="ua_display")
        role = c3.selectbox(tr("users_role"), ROLES, key="ua_role", format_func=lambda r: tr(f"role_{r}"))
        sso = st.checkbox(tr("users_sso"), key="ua_sso", help=tr("users_sso_help"),
                          value=settings().auth == "sso")
        password = st.text_input(tr("users_password"), type="password", key="ua_password",
                                 help=tr("users_password_help"), autocomplete="new-password")
        if not st.form_submit_button(tr("users_add_button"), type="primary", icon=":material/person_add:"):
            return
    try:
        admin.add_account(sec.users, sec.trail, me, name, role, None if sso else password, display, sso)
    except (AccountError, PermissionDenied) as exc:
        _failed(exc)
        return
    _done("users_added", name=md_escape(name))


def manage(me) -> None:
    sec = security()
    accounts = {a.name: a for a in sec.users.accounts()}
    if not accounts:
        return
    name = st.selectbox(tr("users_choose"), list(accounts), key="um_name")
    a = accounts[name]
    with st.container(border=True):
        c1, c2 = st.columns(2)
        role = c1.selectbox(tr("users_role"), ROLES, index=ROLES.index(a.role.value), key=f"um_role_{name}",
                            format_func=lambda r: tr(f"role_{r}"))
        try:
            if c1.button(tr("users_set_role"), key="um_role_btn", disabled=role == a.role.value):
                admin.set_role(sec.users, sec.trail, me, name, role)
                _done("users_changed", name=md_escape(name))
            if not a.sso:
                pw = c2.text_input(tr("users_new_password"), type="password", key=f"um_pw_{name}",
                                   autocomplete="new-password")
                if c2.button(tr("users_set_password"), key="um_pw_btn", disabled=not pw):
                    admin.set_password(sec.users, sec.trail, me, name, pw)
                    _done("users_changed", name=md_escape(name))
            c3, c4 = st.columns(2)
            if c3.button(tr("users_enable" if a.disabled else "users_disable"), key="um_disable"):
                admin.set_disabled(sec.users, sec.trail, me, name, not a.disabled)
                _done("users_changed", name=md_escape(name))
            ok = c4.checkbox(tr("users_remove_confirm", name=md_escape(name)), key=f"um_rm_ok_{name}")
            if c4.button(tr("users_remove"), key="um_rm", disabled=not ok or name == me.name, type="primary"):
                admin.remove_account(sec.users, sec.trail, me, name)
                st.session_state.pop("um_name", None)
                _done("users_removed", name=md_escape(name))
        except (AccountError, PermissionDenied) as exc:
            _failed(exc)


def render() -> None:
    me = require(user(), "users")  # the page is listed for admins only; checked here too
    page_header("users")
    msg = st.session_state.pop("users_msg", None)
    if msg:
        st.success(msg)
    if settings().auth == "none":
        st.info(tr("users_single_user_mode"), icon=":material/info:")
    accounts = security().users.accounts()
    if accounts:
        st.dataframe([{
            tr("users_name"): a.name, tr("users_display"): a.display, tr("users_role"): tr(f"role_{a.role.value}"),
            tr("users_kind"): tr("users_kind_sso" if a.sso else "users_kind_local"),
            tr("users_state"): tr("users_state_disabled" if a.disabled else
                                  "users_state_locked" if a.locked_until else "users_state_active"),
            tr("users_last_login"): a.last_login[:16].replace("T", " "),
        } for a in accounts], hide_index=True, width="stretch")
    add_form(me)
    manage(me)


render()
