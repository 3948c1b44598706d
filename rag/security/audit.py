"""The audit trail: every change to the corpus, who made it, when, to which file, and what changed.

One JSON object per line in an append-only file outside the store folder (``audit_file``, default
``security_dir/audit.jsonl``). How it resists editing:

- nothing in the product edits or deletes a line: the app and the command lines can only append
  (:meth:`AuditTrail.append`, under an exclusive lock, so the app and a shell never interleave);
- each entry carries the SHA-256 of the previous one and its own (a hash chain): changing,
  inserting or removing a line breaks the chain from there on, and :meth:`AuditTrail.verify`
  (the Audit page, ``python -m ingest --audit``) names the first broken line;
- every entry's hash is also written to the log (``rag.security.audit``), so a copy outside the
  file (journald, syslog) anchors the end of the chain against truncation;
- the operating system can make the file append-only for everyone, its owner included
  (``chattr +a``, see the README), which turns "detected" into "impossible".
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

from .roles import User

try:  # POSIX: an exclusive lock around each append
    import fcntl
except ImportError:  # pragma: no cover - Windows: appends are single writes, not locked
    fcntl = None

log = logging.getLogger(__name__)
GENESIS = "0" * 64
CORPUS_ACTIONS = ("add", "update", "delete", "reset", "metadata", "link_confirmed", "link_undone")
ACCOUNT_ACTIONS = ("user_added", "user_role", "user_password", "user_disabled", "user_enabled", "user_removed")
CSV_COLUMNS = ("seq", "at", "who", "role", "via", "action", "result", "doc_id", "file", "sha256", "changes", "note")


@dataclass
class AuditEvent:
    """One line of the trail. ``changes`` maps a field to ``[before, after]`` (or a value for add/delete)."""

    action: str
    who: str
    role: str = ""
    via: str = ""
    doc_id: str = ""
    file: str = ""
    sha256: str = ""
    changes: dict[str, Any] = field(default_factory=dict)
    result: str = "ok"  # ok | denied | failed
    note: str = ""
    at: str = ""
    seq: int = 0
    prev: str = ""
    hash: str = ""

    def body(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("hash")
        return d

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.body(), ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    @classmethod
    def from_json(cls, line: str) -> AuditEvent:
        data = json.loads(line)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class ChainCheck:
    ok: bool
    entries: int
    broken_at: int = 0  # line number (1-based) of the first entry that does not fit
    reason: str = ""


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _csv_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading = + - @ would start a formula."""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class AuditTrail:
    """The append-only trail in one JSONL file; cheap to construct."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @contextlib.contextmanager
    def _locked(self) -> Iterator:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
        with os.fdopen(fd, "a+b") as f:
            if fcntl is not None:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            try:
                yield f
            finally:
                if fcntl is not None:
                    fcntl.flock(f.fileno(), fcntl.LOCK_UN)

    @staticmethod
    def _last_line(f) -> bytes:
        f.seek(0, os.SEEK_END)
        end = f.tell()
        pos, chunk = end, b""
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            f.seek(pos)
            chunk = f.read(step) + chunk
            lines = chunk.rstrip(b"\n").split(b"\n")
            if len(lines) > 1 or pos == 0:
                return lines[-1]
        return b""

    def append(self, event: AuditEvent) -> AuditEvent:
        """Append ``event`` (its time, sequence number and hashes are set here) and return it."""
        with self._locked() as f:
            last = self._last_line(f)
            prev = AuditEvent.from_json(last.decode("utf-8")) if last.strip() else None
            event.seq = (prev.seq + 1) if prev else 1
            event.prev = prev.hash if prev else GENESIS
            event.at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            event.hash = event.digest()
            line = json.dumps(asdict(event), ensure_ascii=False, sort_keys=True) + "\n"
            f.seek(0, os.SEEK_END)
            f.write(line.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        log.info("audit #%d %s %s %s by %s: %s", event.seq, event.action, event.result, event.doc_id or event.file,
                 event.who, event.hash)
        return event

    def record(self, user: Optional[User], action: str, *, result: str = "ok", **details: Any) -> AuditEvent:
        """Append one event for ``user`` (None: the system, e.g. the first start's bundled corpus)."""
        who, role, via = (user.name, user.role.value, user.via) if user else ("system", "", "system")
        return self.append(AuditEvent(action, who, role, via, result=result, **details))

    def events(self) -> list[AuditEvent]:
        """Every entry, oldest first (a line that is not JSON is skipped; :meth:`verify` reports it)."""
        if not self.path.exists():
            return []
        out = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                with contextlib.suppress(ValueError, TypeError):
                    out.append(AuditEvent.from_json(line))
        return out

    def last_file_hash(self, doc_id: str) -> tuple[str, str]:
        """(file name, SHA-256) of the last version of ``doc_id`` that was added or updated, else ('', '')."""
        for e in reversed(self.events()):
            if e.doc_id == doc_id and e.action in ("add", "update") and e.result == "ok":
                return e.file, e.sha256
        return "", ""

    def verify(self) -> ChainCheck:
        """Recompute the chain: every entry's hash, and each entry's link to the one before it."""
        if not self.path.exists():
            return ChainCheck(True, 0)
        prev, n = GENESIS, 0
        for n, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), start=1):
            try:
                e = AuditEvent.from_json(line)
            except (ValueError, TypeError):
                return ChainCheck(False, n - 1, n, "not an audit entry")
            if e.prev != prev:
                return ChainCheck(False, n - 1, n, "does not follow the entry before it (a line removed or inserted)")
            if e.digest() != e.hash or e.seq != n:
                return ChainCheck(False, n - 1, n, "its content does not match its hash (edited)")
            prev = e.hash
        return ChainCheck(True, n)


def select(events: Iterable[AuditEvent], since: str = "", until: str = "", who: str = "",
           actions: Iterable[str] = (), doc: str = "", result: str = "") -> list[AuditEvent]:
    """Events filtered by day (ISO dates, inclusive), user and document (substrings), actions and result."""
    acts = set(actions)
    out = []
    for e in events:
        day = e.at[:10]
        if (since and day < since) or (until and day > until) or (acts and e.action not in acts):
            continue
        if who and who.casefold() not in e.who.casefold():
            continue
        if doc and doc.casefold() not in f"{e.doc_id} {e.file}".casefold():
            continue
        if result and e.result != result:
            continue
        out.append(e)
    return out


def to_csv(events: Iterable[AuditEvent]) -> str:
    """The events as CSV (UTF-8), every cell safe to open in a spreadsheet."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for e in events:
        d = asdict(e)
        w.writerow([_csv_cell(d[c]) for c in CSV_COLUMNS])
    return buf.getvalue()
