"""User accounts: local accounts with Argon2id password hashes, and role entries for single-sign-on users.

One SQLite file (``security_dir/users.sqlite3``, readable by its owner only). An account locks for
``login_lock_minutes`` after ``login_max_failures`` failed sign-ins in a row; a wrong name and a
wrong password get the same answer (and take the same time), so names cannot be probed. The last
admin can be neither demoted nor removed.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .passwords import hash_password, needs_rehash, verify_password, weakness
from .roles import Role, User

log = logging.getLogger(__name__)
NAME = re.compile(r"[\w.@+-]{2,64}")

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    role TEXT NOT NULL,
    display TEXT NOT NULL DEFAULT '',
    password_hash TEXT,
    sso INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    last_login TEXT
);
"""


class AccountError(ValueError):
    """A refused account operation or sign-in; ``code`` is ``account_<code>`` in the strings table."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(f"{code}: {params}" if params else code)


@dataclass(frozen=True)
class Account:
    """One row of the accounts table, without its password hash."""

    name: str
    role: Role
    display: str
    sso: bool
    disabled: bool
    has_password: bool
    locked_until: str
    created_at: str
    last_login: str

    def as_user(self) -> User:
        return User(self.name, self.role, "sso" if self.sso else "local_account", self.display)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def secure_dir(path: Path) -> Path:
    """Create ``path`` (readable and writable by its owner only)."""
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path


class UserStore:
    """Accounts in ``security_dir/users.sqlite3``; cheap to construct, the file is made on first use."""

    def __init__(self, folder: Path, max_failures: int = 5, lock_minutes: int = 15):
        self.path = Path(folder) / "users.sqlite3"
        self.max_failures, self.lock_minutes = max_failures, lock_minutes

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        new = not self.path.exists()
        secure_dir(self.path.parent)
        con = sqlite3.connect(self.path, timeout=10)
        try:
            con.row_factory = sqlite3.Row
            con.execute(SCHEMA)
            if new:
                with contextlib.suppress(OSError):
                    os.chmod(self.path, 0o600)
            with con:
                yield con
        finally:
            con.close()

    # --- reading ---------------------------------------------------------------------------
    @staticmethod
    def _account(row: sqlite3.Row) -> Account:
        return Account(row["name"], Role(row["role"]), row["display"], bool(row["sso"]), bool(row["disabled"]),
                       row["password_hash"] is not None, row["locked_until"] or "", row["created_at"],
                       row["last_login"] or "")

    def get(self, name: str) -> Optional[Account]:
        with self._db() as con:
            row = con.execute("SELECT * FROM users WHERE name = ?", (name.strip(),)).fetchone()
        return self._account(row) if row else None

    def accounts(self) -> list[Account]:
        with self._db() as con:
            return [self._account(r) for r in con.execute("SELECT * FROM users ORDER BY name")]

    def count(self) -> int:
        with self._db() as con:
            return con.execute("SELECT COUNT(*) FROM users").fetchone()[0]

    def _admins(self, con: sqlite3.Connection) -> int:
        return con.execute("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0").fetchone()[0]

    # --- changing ----------------------------------------------------------------------------
    def add(self, name: str, role: Role | str, password: Optional[str] = None, display: str = "",
            sso: bool = False) -> Account:
        """A new account: a local one with ``password``, or an entry for a single-sign-on user (``sso``:
        ``name`` is the e-mail address the identity provider gives)."""
        name, role = name.strip(), Role(role)
        if not NAME.fullmatch(name):
            raise AccountError("bad_name", name=name)
        if sso == (password is not None):
            raise AccountError("password_or_sso")
        if password is not None and weakness(password, name):
            raise AccountError(f"password_{weakness(password, name)}")
        with self._db() as con:
            if con.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise AccountError("exists", name=name)
            con.execute("INSERT INTO users (name, role, display, password_hash, sso, created_at) VALUES (?,?,?,?,?,?)",
                        (name, role.value, display.strip(), hash_password(password) if password else None,
                         int(sso), now()))
        log.info("account %s added (%s)", name, role.value)
        return self.get(name)

    def _need(self, con: sqlite3.Connection, name: str) -> sqlite3.Row:
        row = con.execute("SELECT * FROM users WHERE name = ?", (name.strip(),)).fetchone()
        if row is None:
            raise AccountError("no_such_user", name=name)
        return row

    def set_role(self, name: str, role: Role | str) -> Account:
        role = Role(role)
        with self._db() as con:
            row = self._need(con, name)
            if row["role"] == "admin" and role != Role.ADMIN and self._admins(con) <= 1:
                raise AccountError("last_admin")
            con.execute("UPDATE users SET role = ? WHERE name = ?", (role.value, row["name"]))
        return self.get(name)

    def set_password(self, name: str, password: str) -> Account:
        with self._db() as con:
            row = self._need(con, name)
            if row["sso"]:
                raise AccountError("sso_no_password")
            if weakness(password, row["name"]):
                raise AccountError(f"password_{weakness(password, row['name'])}")
            con.execute("UPDATE users SET password_hash = ?, failures = 0, locked_until = NULL WHERE name = ?",
                        (hash_password(password), row["name"]))
        return self.get(name)

    def set_disabled(self, name: str, disabled: bool) -> Account:
        with self._db() as con:
            row = self._need(con, name)
            if disabled and row["role"] == "admin" and self._admins(con) <= 1:
                raise AccountError("last_admin")
            con.execute("UPDATE users SET disabled = ?, failures = 0, locked_until = NULL WHERE name = ?",
                        (int(disabled), row["name"]))
        return self.get(name)

    def remove(self, name: str) -> None:
        with self._db() as con:
            row = self._need(con, name)
            if row["role"] == "admin" and self._admins(con) <= 1:
                raise AccountError("last_admin")
            con.execute("DELETE FROM users WHERE name = ?", (row["name"],))

    # --- signing in --------------------------------------------------------------------------
    def authenticate(self, name: str, password: str) -> User:
        """The user, when ``name`` and ``password`` match an enabled, unlocked local account; else
        :class:`AccountError` (``wrong``, ``locked`` or ``disabled``)."""
        refusal = None
        with self._db() as con:  # the failure count is committed before the refusal is raised
            row = con.execute("SELECT * FROM users WHERE name = ?", ((name or "").strip(),)).fetchone()
            stored = row["password_hash"] if row is not None and not row["sso"] else None
            ok = verify_password(stored, password or "")  # also when there is no such account: same time
            if row is None or stored is None:
                refusal = AccountError("wrong")
            elif row["locked_until"] and row["locked_until"] > now():
                refusal = AccountError("locked", until=row["locked_until"])
            elif row["disabled"]:
                refusal = AccountError("disabled")
            elif not ok:
                failures = row["failures"] + 1
                locked = None
                if failures >= self.max_failures:
                    until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=self.lock_minutes)
                    locked, failures = until.isoformat(timespec="seconds"), 0
                    log.warning("account %s locked until %s after repeated failed sign-ins", row["name"], locked)
                con.execute("UPDATE users SET failures = ?, locked_until = ? WHERE name = ?",
                            (failures, locked, row["name"]))
                refusal = AccountError("wrong")
            else:
                new_hash = hash_password(password) if needs_rehash(stored) else stored
                con.execute("UPDATE users SET failures = 0, locked_until = NULL, last_login = ?, password_hash = ? "
                            "WHERE name = ?", (now(), new_hash, row["name"]))
        if refusal is not None:
            raise refusal
        return self._account(row).as_user()

    def sso_user(self, email: str, display: str = "", default_role: str = "reader") -> Optional[User]:
        """The user behind a single-sign-on identity: their entry's role, else ``default_role`` ('none': refused)."""
        email = (email or "").strip()
        if not email:
            return None
        with self._db() as con:
            row = con.execute("SELECT * FROM users WHERE name = ?", (email,)).fetchone()
            if row is not None:
                if row["disabled"] or not row["sso"]:
                    return None  # a local account of the same name does not sign in through SSO
                con.execute("UPDATE users SET last_login = ? WHERE name = ?", (now(), row["name"]))
                return User(row["name"], Role(row["role"]), "sso", row["display"] or display)
        if default_role == "none":
            return None
        return User(email, Role(default_role), "sso", display)
