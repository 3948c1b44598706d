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

import hashlib
import logging
import os
import pickle
import tempfile
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
