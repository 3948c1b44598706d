"""Password hashes: Argon2id through argon2-cffi (a maintained binding of the reference library),
with its recommended parameters; a hash made with older parameters is upgraded at the next sign-in."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()
MIN_LENGTH = 10
# A hash to verify against when the account does not exist, so a wrong name takes as long as a wrong password.
_DUMMY = _HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def weakness(password: str, name: str = "") -> str:
    """'' for an acceptable password, else the code of what is wrong (``password_<code>`` in the strings)."""
    if len(password) < MIN_LENGTH:
        return "short"
    if name and name.casefold() in password.casefold():
        return "has_name"
    if len(set(password)) < 5:
        return "repetitive"
    return ""
