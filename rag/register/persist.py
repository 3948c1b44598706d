"""The register of a corpus version kept on disk beside this node's local index.

Building the register reads every passage of the record (about 15 ms a passage on this machine);
a process that starts on a record this node has already seen reads the register of that corpus
version from a file instead (:func:`load`), so a cold ``rag ask`` at 100,000 passages does not
spend half an hour before its first answer. Whoever builds a register writes it (:func:`save`):
the app, a ``rag`` command, or ``python -m ingest`` at the end of a run that changed the record.

The file says what it was built from and is used only when all of it matches: the corpus version
(the store's stamp), the embedding model (commitments are matched by meaning with it) and the
code that extracts (a digest of the register's and the text utilities' sources and tables), so
an upgrade or another model rebuilds it. It is written to a temporary file and renamed, so a
reader sees the old file or the new one, never half of one. It is a pickle: it is read only from
this node's own data folder, which the SQLite index beside it trusts in the same way.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .model import Register

log = logging.getLogger(__name__)

_FORMAT = 1
_SOURCES = (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1] / "text")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code and tables the register is extracted with."""
    h = hashlib.sha256(str(_FORMAT).encode())
    for folder in _SOURCES:
        for f in sorted(folder.glob("*")):
            if f.suffix in (".py", ".toml", ".txt", ".json") and f.is_file():
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def register_path(index_file: Path) -> Path:
    """The register file beside a node's local index file."""
    return index_file.with_name(index_file.stem + ".register.pickle")


def _header(version: str, model: str) -> dict[str, str]:
    return {"format": str(_FORMAT), "code": code_digest(), "model": model, "version": version}


def load(path: Path, version: str, model: str) -> Optional[Register]:
    """The register kept at ``path`` if it is of corpus ``version``, built with ``model`` by this
    code; else None (no file, another version, or a file that cannot be read: it is rebuilt)."""
    try:
        with open(path, "rb") as f:
            if pickle.load(f) != _header(version, model):
                return None
            register = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file: build again, and overwrite it then
        log.warning("register file %s could not be read (%s): building the register again", path, exc)
        return None
    return register if isinstance(register, Register) and register.version == version else None


def save(path: Path, register: Register, model: str) -> None:
    """Keep ``register`` at ``path`` (atomically); a failure to write is logged, not raised."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(_header(register.version, model), f, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(register, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.warning("register could not be kept at %s (%s): the next process builds it again", path, exc)
