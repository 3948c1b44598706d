"""Account management as the Users page and ``rag-admin`` do it: each call checks that the actor is an
admin (on the server side, whatever the page showed) and is recorded in the audit trail."""
from __future__ import annotations

from typing import Optional

from .audit import AuditTrail
from .roles import PermissionDenied, Role, User, require
from .users import Account, UserStore


def _check(trail: AuditTrail, actor: Optional[User], action: str, name: str) -> User:
    try:
        return require(actor, "users")
    except PermissionDenied as exc:
        trail.record(actor, action, result="denied", note=f"account {name}: {exc}")
        raise


def add_account(users: UserStore, trail: AuditTrail, actor: Optional[User], name: str, role: Role | str,
                password: Optional[str] = None, display: str = "", sso: bool = False) -> Account:
    actor = _check(trail, actor, "user_added", name)
    account = users.add(name, role, password, display, sso)
    trail.record(actor, "user_added", note=f"account {account.name}",
                 changes={"role": account.role.value, "sso": account.sso})
    return account


def set_role(users: UserStore, trail: AuditTrail, actor: Optional[User], name: str, role: Role | str) -> Account:
    actor = _check(trail, actor, "user_role", name)
    before = users.get(name)
    account = users.set_role(name, role)
    trail.record(actor, "user_role", note=f"account {account.name}",
                 changes={"role": [before.role.value if before else "", account.role.value]})
    return account


def set_password(users: UserStore, trail: AuditTrail, actor: Optional[User], name: str, password: str) -> Account:
    """An admin resets an account's password (the password itself is never recorded)."""
    actor = _check(trail, actor, "user_password", name)
    account = users.set_password(name, password)
    trail.record(actor, "user_password", note=f"account {account.name}")
    return account


def set_disabled(users: UserStore, trail: AuditTrail, actor: Optional[User], name: str, disabled: bool) -> Account:
    action = "user_disabled" if disabled else "user_enabled"
    actor = _check(trail, actor, action, name)
    account = users.set_disabled(name, disabled)
    trail.record(actor, action, note=f"account {account.name}")
    return account


def remove_account(users: UserStore, trail: AuditTrail, actor: Optional[User], name: str) -> None:
    actor = _check(trail, actor, "user_removed", name)
    users.remove(name)
    trail.record(actor, "user_removed", note=f"account {name}")
