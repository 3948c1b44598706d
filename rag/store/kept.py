"""What a process derives from the whole record, kept on disk per corpus version beside this node's
local index.

Some things are read from every passage of the record: the register (:mod:`rag.register`, about
15 ms a passage) and the answer layer's inventory of names, years and numbers
(:mod:`rag.answer.evidence`, about 8 ms a passage). A process that starts on a record this node
has already seen reads them from a file instead (:meth:`Kept.load`), so a cold ``rag ask`` does not
spend minutes before its first answer on a large record. Whoever builds one writes it
(:meth:`Kept.save`): the app, a ``rag`` command, or ``python -m ingest`` at the end of a run that
changed the record.

A file says what it was built from and is used only when all of it matches: the corpus version
(the store's stamp, a new one for every change), the embedding model (the register matches
commitments by meaning with it) and the code that derives it (a digest of the given source folders
and their tables), so an upgrade or another model rebuilds it. It is written to a temporary file
and renamed, so a reader sees the old file or the new one, never half of one. It is a pickle: it is
read only from this node's own data folder, which the SQLite index beside it trusts in the same way.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sqlite3
import tempfile
import threading
import zlib
from functools import cached_property
from pathlib import Path
from typing import Any, Optional

log = logging.getLogger(__name__)

_FORMAT = 1
PACKAGE = Path(__file__).resolve().parents[1]


class Kept:
    """One kind of derived data (``name``), derived by the code in ``sources`` (folders of the package)."""

    def __init__(self, name: str, sources: tuple[str, ...]):
        self.name, self.sources = name, sources

    @cached_property
    def digest(self) -> str:
        """A digest of the code and tables the data is derived with."""
        h = hashlib.sha256(f"{_FORMAT}:{self.name}".encode())
        for folder in self.sources:
            for f in sorted((PACKAGE / folder).glob("*")):
                if f.suffix in (".py", ".toml", ".txt", ".json") and f.is_file():
                    h.update(f.name.encode())
                    h.update(f.read_bytes())
        return h.hexdigest()[:16]

    def path(self, index_file: Path) -> Path:
        """The file beside a node's local index file."""
        return index_file.with_name(f"{index_file.stem}.{self.name}.pickle")

    def _header(self, version: str, model: str) -> dict[str, str]:
        return {"format": str(_FORMAT), "code": self.digest, "model": model, "version": version}

    def load(self, path: Path, version: str, model: str, kind: type = object) -> Optional[Any]:
        """What is kept at ``path`` if it is a ``kind`` of corpus ``version``, derived with ``model`` by this
        code; else None (no file, another version, or a file that cannot be read: it is derived again)."""
        try:
            with open(path, "rb") as f:
                if pickle.load(f) != self._header(version, model):
                    return None
                value = pickle.load(f)
                return value if isinstance(value, kind) else None
        except FileNotFoundError:
            return None
        except Exception as exc:  # a damaged or foreign file: derive again, and overwrite it then
            log.warning("%s file %s could not be read (%s): building it again", self.name, path, exc)
            return None

    def holds(self, path: Path, version: str, model: str) -> bool:
        """Whether ``path`` keeps this data of corpus ``version`` derived with ``model`` by this code
        (reads the header only)."""
        try:
            with open(path, "rb") as f:
                return pickle.load(f) == self._header(version, model)
        except Exception:  # no file, or one that cannot be read: not held
            return False

    def save(self, path: Path, value: Any, version: str, model: str) -> None:
        """Keep ``value`` at ``path`` (atomically); a failure to write is logged, not raised."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(self._header(version, model), f, protocol=pickle.HIGHEST_PROTOCOL)
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.warning("%s could not be kept at %s (%s): the next process builds it again", self.name, path, exc)


class KeptDocuments:
    """Something derived from each document on its own (the answer layer's lines of it), kept per document in
    one SQLite file beside this node's local index (``<index>.<name>.sqlite``), so a process reads the
    documents an answer needs instead of deriving them again (about 0.1 s a document, 2 ms to read).

    A value is kept under a ``key`` that says what it was derived from (the code's digest, the document's
    passages): a read with another key misses, and the next write replaces it. Values are pickles,
    compressed; the file is this node's own, like the index beside it. Several processes share it (WAL);
    a failure to read or write is logged and treated as a miss: the value is derived again.
    """

    def __init__(self, name: str, sources: tuple[str, ...], index_file: Path):
        self.kept = Kept(name, sources)
        self.path = index_file.with_name(f"{index_file.stem}.{name}.sqlite")
        self._local = threading.local()
        self._broken = False

    def key(self, *parts: str) -> str:
        """The key of a value derived by this code from ``parts`` (say, a document's passage ids and texts)."""
        h = hashlib.sha1(self.kept.digest.encode())
        for p in parts:
            h.update(b"\x00" + p.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _conn(self) -> Optional[sqlite3.Connection]:
        if self._broken:
            return None
        c = getattr(self._local, "conn", None)
        if c is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                c = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
                c.execute("PRAGMA journal_mode=WAL")
                c.execute("PRAGMA synchronous=NORMAL")
                c.execute("CREATE TABLE IF NOT EXISTS kept(doc_id TEXT PRIMARY KEY, key TEXT NOT NULL, value BLOB NOT NULL)")
            except sqlite3.Error as exc:
                log.warning("%s cannot be kept at %s (%s): derived again each time", self.kept.name, self.path, exc)
                self._broken = True
                return None
            self._local.conn = c
        return c

    def get(self, doc_id: str, key: str) -> Optional[Any]:
        return self.get_many([doc_id], key).get(doc_id)

    def put(self, doc_id: str, key: str, value: Any) -> None:
        self.put_many({doc_id: value}, key)

    def get_many(self, doc_ids: list[str], key: str) -> dict[str, Any]:
        """The values kept under ``key`` for these documents (those found)."""
        return self.read(dict.fromkeys(doc_ids, key))

    def put_many(self, values: dict[str, Any], key: str) -> None:
        """Keep several values under ``key`` in one transaction."""
        self.write({d: (key, v) for d, v in values.items()})

    def read(self, keys: dict[str, str]) -> dict[str, Any]:
        """The values kept for these documents, each under its own key (document id -> key); those found."""
        c = self._conn()
        out: dict[str, Any] = {}
        if c is None:
            return out
        ids = list(keys)
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            try:
                rows = c.execute(f"SELECT doc_id, key, value FROM kept WHERE doc_id IN ({','.join('?' * len(part))})",
                                 part).fetchall()
            except sqlite3.Error as exc:
                log.warning("%s could not be read from %s (%s)", self.kept.name, self.path, exc)
                return out
            for d, k, v in rows:
                if k != keys[d]:
                    continue
                try:
                    out[d] = pickle.loads(zlib.decompress(v))
                except Exception as exc:  # a damaged row: derived again (the write replaces it)
                    log.warning("%s of %s could not be read from %s (%s)", self.kept.name, d, self.path, exc)
        return out

    def write(self, items: dict[str, tuple[str, Any]]) -> None:
        """Keep several values (document id -> (key, value)) in one transaction."""
        c = self._conn()
        if c is None or not items:
            return
        try:
            rows = [(d, k, zlib.compress(pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL), 1)) for d, (k, v) in items.items()]
            c.execute("BEGIN IMMEDIATE")
            c.executemany("INSERT OR REPLACE INTO kept(doc_id, key, value) VALUES(?,?,?)", rows)
            c.execute("COMMIT")
        except (sqlite3.Error, pickle.PicklingError) as exc:
            log.warning("%s could not be kept at %s (%s)", self.kept.name, self.path, exc)
            with contextlib.suppress(sqlite3.Error):
                c.execute("ROLLBACK")

    def keep_only(self, doc_ids: set[str]) -> int:
        """Forget the documents not in ``doc_ids`` (removed from the record); returns how many."""
        c = self._conn()
        if c is None:
            return 0
        try:
            gone = [d for (d,) in c.execute("SELECT doc_id FROM kept").fetchall() if d not in doc_ids]
            for i in range(0, len(gone), 500):
                part = gone[i : i + 500]
                c.execute(f"DELETE FROM kept WHERE doc_id IN ({','.join('?' * len(part))})", part)
            return len(gone)
        except sqlite3.Error as exc:
            log.warning("%s at %s could not be pruned (%s)", self.kept.name, self.path, exc)
            return 0

