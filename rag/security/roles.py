"""Roles and permissions: reader (ask, brief, export), editor (also change the corpus, confirm
translation links, read the audit trail and the feedback), admin (also manage users).

Pages hide what a role may not use, but the check that counts is :func:`require`, called by the
service function that writes (:mod:`rag.security.corpus`, the user and conversation stores):
a request forged past the page is refused there.
"""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return {"reader": 0, "editor": 1, "admin": 2}[self.value]


# permission -> the least role that has it
PERMISSIONS: dict[str, Role] = {
    "ask": Role.READER, "brief": Role.READER, "export": Role.READER, "converse": Role.READER,
    "write": Role.EDITOR, "links": Role.EDITOR, "audit": Role.EDITOR, "feedback_review": Role.EDITOR,
    "users": Role.ADMIN,
}
VIA = ("local_account", "sso", "single_user", "cli", "system")


@dataclass(frozen=True)
class User:
    """Someone acting: a signed-in user, the one person of a single-user install, or an OS user at the command line."""

    name: str
    role: Role
    via: str = "local_account"  # one of VIA
    display: str = ""

    def can(self, permission: str) -> bool:
        return self.role.rank >= PERMISSIONS[permission].rank

    @property
    def label(self) -> str:
        return self.display or self.name


class PermissionDenied(PermissionError):
    """An action the user's role (or the read-only setting) does not allow; ``code`` is ``denied_<code>``
    in the strings table."""

    def __init__(self, user: User | None, permission: str, code: str = "role"):
        self.user, self.permission, self.code = user, permission, code
        who = f"{user.name} ({user.role.value})" if user else "nobody signed in"
        super().__init__(f"{who} may not {permission}" + (" (read-only)" if code == "read_only" else ""))


def require(user: User | None, permission: str) -> User:
    """The user, when their role has ``permission``; else :class:`PermissionDenied`."""
    if user is None or not user.can(permission):
        raise PermissionDenied(user, permission)
    return user


def os_user() -> str:
    """The operating-system user running this process (who acts at the command line)."""
    for var in ("SUDO_USER",):
        if os.environ.get(var):
            return f"{getpass.getuser()} (sudo from {os.environ[var]})"
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without /etc/passwd entry)
        return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown"
