"""The session: its interface language and strings, its user, the runtime and the security stores
(each built once per settings), and errors shown with an id instead of a stack trace."""
from __future__ import annotations

import ipaddress
import logging
import uuid
from dataclasses import dataclass
from typing import Optional

import streamlit as st

from rag.answer.backends import BackendError
from rag.config import Settings, SettingsError, load_settings
from rag.retrieval.hybrid import RerankerError
from rag.runtime import Runtime, build_runtime
from rag.security.audit import AuditTrail
from rag.security.conversations import ConversationStore
from rag.security.roles import Role, User, os_user
from rag.security.users import UserStore
from rag.store.chroma import StoreError
from rag.store.embeddings import EmbeddingModelError
from rag.text import i18n
from rag.text.langs import DEFAULT_LANG, LANGS

from .markdown import md_escape

log = logging.getLogger("ui")
USER_KEY = "_signed_in"  # no widget has this key: only the sign-in code sets it, after checking the password


def lang() -> str:
    """The interface language of this session."""
    value = st.session_state.get("ui_lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def tr(key: str, /, **fields) -> str:
    return i18n.t(key, lang(), **fields)


def show_error(exc: BaseException, where: str = "page") -> str:
    """Log ``exc`` with its stack under a short id; show the user only a message with that id."""
    eid = uuid.uuid4().hex[:8]
    log.error("error %s in %s: %s", eid, where, exc.__class__.__name__, exc_info=exc)
    st.error(tr("error_with_id", id=eid), icon=":material/error:")
    return eid


def settings() -> Settings:
    """The settings of this process; wrong ones stop the page with the fix."""
    try:
        return load_settings()
    except SettingsError as exc:
        st.error(f"**{tr('startup_error')}**\n\n```\n{exc}\n```")
        st.stop()


@st.cache_resource(show_spinner=False)
def _runtime(settings_key: str, _settings) -> Runtime:
    """Store, retriever and assistant, built once per distinct settings (the key)."""
    logging.basicConfig(level=_settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return build_runtime(_settings, seed=not _settings.read_only)


def runtime() -> Runtime:
    """The runtime for the current settings; a wrong setting stops the page with the fix."""
    s = settings()
    try:
        with st.spinner(tr("loading")):
            return _runtime(s.model_dump_json(), s)
    except (StoreError, BackendError, RerankerError, EmbeddingModelError) as exc:
        st.error(f"**{tr('startup_error')}**\n\n```\n{exc}\n```")
        st.stop()


@dataclass(frozen=True)
class Security:
    """Accounts, the audit trail and the kept conversations of one install."""

    settings: Settings
    users: UserStore
    trail: AuditTrail
    conversations: ConversationStore


@st.cache_resource(show_spinner=False)
def _security(settings_key: str, _settings: Settings) -> Security:
    folder = _settings.security_path
    return Security(_settings, UserStore(folder, _settings.login_max_failures, _settings.login_lock_minutes),
                    AuditTrail(_settings.audit_path), ConversationStore(folder))


def security() -> Security:
    s = settings()
    return _security(s.model_dump_json(), s)


# --- who is here ------------------------------------------------------------------------------
def _loopback(ip: Optional[str]) -> bool:
    if ip in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(ip.split("%")[0]).is_loopback
    except ValueError:
        return False


def local_only_breach(s: Settings) -> str:
    """In single-user mode (serve=local): why this request must be refused ('' when it is fine).

    The app is bound to 127.0.0.1 (.streamlit/config.toml); if it was started on another address
    anyway, requests from other computers are refused here, since nobody signs in."""
    if s.serve != "local":
        return ""
    address = str(st.get_option("server.address") or "")
    if address and not _loopback(address):
        return address
    ip = getattr(st.context, "ip_address", None)
    if not isinstance(ip, str):  # None: a localhost connection (or a test harness without a network)
        return ""
    return "" if _loopback(ip) else ip


def current_user(s: Settings) -> Optional[User]:
    """The user of this session: the signed-in one, or the single user of a local install; None to sign in."""
    if s.auth == "none":
        return User(os_user(), Role.ADMIN, "single_user")
    sec = security()
    if s.auth == "sso":
        info = st.user.to_dict() if hasattr(st.user, "to_dict") else {}
        if not info.get("is_logged_in"):
            return None
        email = str(info.get("email") or info.get("preferred_username") or "")
        return sec.users.sso_user(email, str(info.get("name") or ""), s.sso_default_role)
    user = st.session_state.get(USER_KEY)
    if not isinstance(user, User):
        return None
    account = sec.users.get(user.name)  # a removed, disabled or re-roled account takes effect at once
    if account is None or account.disabled or account.sso:
        st.session_state.pop(USER_KEY, None)
        return None
    if account.role != user.role:
        user = st.session_state[USER_KEY] = account.as_user()
    return user


def user() -> Optional[User]:
    """The user of this session (for pages, after app.py has checked the sign-in)."""
    return current_user(settings())


def sign_in(u: User) -> None:
    for key in list(st.session_state.keys()):  # nothing of an earlier user stays in the session
        if key not in ("ui_lang",):
            del st.session_state[key]
    st.session_state[USER_KEY] = u


def sign_out(s: Settings) -> None:
    for key in list(st.session_state.keys()):
        if key != "ui_lang":
            del st.session_state[key]
    if s.auth == "sso":
        st.logout()


def upload_limit_mb(settings) -> int:
    """The smaller of our limit and Streamlit's server limit (both are enforced)."""
    try:
        server = int(st.get_option("server.maxUploadSize"))
    except Exception:
        server = settings.max_upload_mb
    return max(1, min(int(settings.max_upload_mb), server))


def page_header(key: str) -> None:
    """A page's title and (when the strings table has one) its introduction."""
    st.markdown(f"## {tr(key + '_title') if i18n.has(key + '_title') else tr('page_' + key)}")
    if i18n.has(key + "_intro"):
        st.markdown(tr(key + "_intro"))


__all__ = ["Security", "current_user", "lang", "local_only_breach", "md_escape", "page_header", "runtime",
           "security", "settings", "show_error", "sign_in", "sign_out", "tr", "upload_limit_mb", "user"]
