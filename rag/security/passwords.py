"""Password hashes: Argon2id through argon2-cffi (a maintained binding of the reference library).

Parameters: OWASP's recommended minimum for Argon2id (19 MiB, 2 passes, 1 lane), about 0.1 s per
hash on one core of the 2-core server (argon2-cffi's default, 64 MiB and 4 lanes, takes ~0.8 s there
and would let a few concurrent sign-ins stall every answer). A hash made with other parameters is
upgraded at the next sign-in.
"""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
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
