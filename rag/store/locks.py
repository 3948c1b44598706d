"""Locks that make writers take turns: a store-wide file lock on a folder store, a per-document
lock on a Chroma server.

A folder store (an embedded ``PersistentClient``) must never be written by two processes at
once, and a process that opens it after another wrote also writes (Chroma replays the log into
its vector index and saves it). So every commit, and every reopening, holds :class:`FolderLock`
on ``<store folder>/.write.lock``, briefly: embedding happens outside it. A Chroma server
serializes writes itself; there :class:`ServerDocLock` makes two writers of one document take
turns (the last complete version wins). It is a collection named after the document, since
creating a collection is the one operation Chroma refuses when the name exists; a lock left by a
killed process expires after ``stale_s`` seconds.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

log = logging.getLogger(__name__)

WAIT_NOTE_AFTER_S = 2.0


class LockTimeout(RuntimeError):
    """Another process kept the lock longer than we may wait; the message says what to do."""


def _folder_busy(path: Path, holder: str, waited: float) -> str:
    return (f"another process ({holder}) is writing to the store folder {path.parent}; waited {waited:.0f} s. "
            "Wait for it to finish and try again, or run several writers against a Chroma server "
            "(RAG_CHROMA_HOST) instead of a folder store.")


class FolderLock:
    """An exclusive, re-entrant lock on a store folder, shared by all threads of this process.

    ``acquire`` waits up to ``timeout`` seconds; after a couple of seconds it logs who holds it.
    """

    _locks: dict[str, FolderLock] = {}
    _guard = threading.Lock()

    def __init__(self, path: Path):
        self.path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: Optional[int] = None

    @classmethod
    def for_folder(cls, folder: Path) -> FolderLock:
        key = str(Path(folder).resolve())
        with cls._guard:
            if key not in cls._locks:
                cls._locks[key] = cls(Path(key) / ".write.lock")
            return cls._locks[key]

    def holder(self) -> str:
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except OSError:
            text = ""
        return text or "unknown process"

    def acquire(self, timeout: float, what: str = "write") -> None:
        start = time.monotonic()
        if not self._thread_lock.acquire(timeout=max(timeout, 0.001)):
            raise LockTimeout(_folder_busy(self.path, "this process", time.monotonic() - start))
        if self._depth:
            self._depth += 1
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            noted = False
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    waited = time.monotonic() - start
                    if waited > timeout:
                        os.close(fd)
                        raise LockTimeout(_folder_busy(self.path, self.holder(), waited)) from None
                    if not noted and waited > WAIT_NOTE_AFTER_S:
                        log.warning("another process (%s) is writing to %s: waiting (for several writers at "
                                    "once, use a Chroma server)", self.holder(), self.path.parent)
                        noted = True
                    time.sleep(0.05)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} ({what})".encode(), 0)
            self._fd, self._depth = fd, 1
        except BaseException:
            self._thread_lock.release()
            raise

    def release(self) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._fd is not None:
                try:
                    os.ftruncate(self._fd, 0)
                except OSError:
                    pass
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None
        finally:
            self._thread_lock.release()

    def held(self, timeout: float, what: str = "write") -> _Held:
        return _Held(lambda: self.acquire(timeout, what), self.release)


class _Held:
    def __init__(self, enter: Callable[[], None], leave: Callable[[], None]):
        self._enter, self._leave = enter, leave

    def __enter__(self):
        self._enter()
        return self

    def __exit__(self, *exc):
        self._leave()
        return False


def lock_name(collection: str, doc_id: str) -> str:
    """A valid Chroma collection name for the lock of one document."""
    return "lock-" + hashlib.sha1(f"{collection}\x00{doc_id}".encode()).hexdigest()[:24]


class ServerDocLock:
    """Per-document lock on a Chroma server: a collection that exists while a writer holds it."""

    def __init__(self, client: Any, collection: str, doc_id: str, embedding_function: Any,
                 timeout: float, stale_s: float = 120.0):
        self.client, self.name, self.doc_id = client, lock_name(collection, doc_id), doc_id
        self.ef, self.timeout, self.stale_s = embedding_function, timeout, stale_s
        self.token = f"{os.getpid()}-{time.time_ns()}"

    def _try(self) -> bool:
        try:
            self.client.create_collection(self.name, embedding_function=self.ef,
                                          metadata={"owner": self.token, "at": time.time(), "doc": self.doc_id})
            return True
        except Exception:  # the name exists: someone holds it (or it just went away)
            return False

    def _break_if_stale(self) -> None:
        try:
            meta = self.client.get_collection(self.name, embedding_function=self.ef).metadata or {}
        except Exception:
            return
        if time.time() - float(meta.get("at", 0)) > self.stale_s:
            log.warning("breaking a stale lock on document %s (left by %s)", self.doc_id, meta.get("owner"))
            self._drop()

    def _drop(self) -> None:
        try:
            self.client.delete_collection(self.name)
        except Exception:
            pass

    def __enter__(self):
        start, noted = time.monotonic(), False
        while not self._try():
            waited = time.monotonic() - start
            if waited > self.timeout:
                raise LockTimeout(f"another writer kept document '{self.doc_id}' locked for {waited:.0f} s; "
                                  "try again when it has finished")
            if not noted and waited > WAIT_NOTE_AFTER_S:
                log.warning("another writer is storing document %s: waiting", self.doc_id)
                noted = True
            self._break_if_stale()
            time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        self._drop()
        return False
