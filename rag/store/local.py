"""A node's local copy of the corpus: passages and keyword postings in one SQLite file.

Chroma stays the one source of truth; this file is what lets a process start in seconds at
100k passages and search keywords without segmenting anything: each passage's keyword tokens
were computed once, at ingest, and stored with it (``PassageMeta.kw``); here they become
postings (term -> passage, term frequency) with per-language statistics, updated document by
document as the manifest changes. Every process of a node (the app, ``rag ask``, ingest) shares
the file: SQLite in WAL mode lets several read while one writes, and each catch-up is one
transaction, so a crash leaves the file at the last complete catch-up, which the next one
continues. Where it lives: beside a folder store (``<store>/keywords-<collection>.sqlite``); for a
Chroma server in ``RAG_INDEX_DIR`` (default ``data/index``), one file per server and collection --
a new app node builds its copy from the stored tokens on its first start. Two covering indexes
let a cold process read every passage's language and length (the keyword snapshot) and every
document's outline (the mirror's) without reading the passages' texts: at 100k passages, 0.1 s
instead of about a second.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Optional

import numpy as np

from ..config import Settings
from ..records import DocRecord, Passage, PassageMeta
from ..text.tokens import tokenize

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(doc_id TEXT PRIMARY KEY, rev TEXT NOT NULL, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS passages(pid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL,
    lang TEXT NOT NULL, len INTEGER NOT NULL, tids BLOB NOT NULL, text TEXT NOT NULL, {meta});
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
CREATE INDEX IF NOT EXISTS passages_lang ON passages(lang, pid, len);
CREATE INDEX IF NOT EXISTS passages_outline ON passages(doc_id, m_doc_lang, m_family, id, lang);
CREATE TABLE IF NOT EXISTS terms(tid INTEGER PRIMARY KEY, term TEXT UNIQUE NOT NULL, df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings(tid INTEGER NOT NULL, pid INTEGER NOT NULL, tf INTEGER NOT NULL,
    PRIMARY KEY(tid, pid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stats(lang TEXT PRIMARY KEY, n INTEGER NOT NULL, total INTEGER NOT NULL);
"""
_META_FIELDS = [f.name for f in fields(PassageMeta) if f.name != "kw"]
_BOOL_FIELDS = [f.name for f in fields(PassageMeta) if f.type in (bool, "bool")]  # SQLite gives them back as 0/1
SCHEMA = SCHEMA.replace("{meta}", ", ".join(f"m_{f}" for f in _META_FIELDS))
_TF_SPAN = 1 << 16  # a posting read as one integer: passage number * _TF_SPAN + term frequency
_META_COLS = ", ".join(f"m_{f}" for f in _META_FIELDS)
# The schema follows PassageMeta: a field added there rebuilds every node's copy on its next start.
SCHEMA_VERSION = "3:" + hashlib.sha1(",".join(_META_FIELDS).encode()).hexdigest()[:8]
Fetch = Callable[[list[DocRecord]], dict[str, tuple[DocRecord, list[Passage]]]]


def index_path(settings: Settings) -> Path:
    if settings.uses_server:
        folder = settings.index_dir or Path("data/index")
        return Path(folder) / f"keywords-{settings.chroma_host}-{settings.chroma_port}-{settings.collection}.sqlite"
    return Path(settings.index_dir or settings.store_path) / f"keywords-{settings.collection}.sqlite"


def passage_tokens(p: Passage) -> list[str]:
    """The stored tokens (segmented at ingest); a passage stored before tokens were kept is segmented here."""
    return p.meta.kw.split() if p.meta.kw else tokenize(p.text, p.lang)


class LocalIndex:
    """The SQLite file of one store's corpus on this node (see the module docs)."""

    def __init__(self, path: Path, identity: str):
        self.path, self.identity = Path(path), identity
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        c = self._conn()
        if self._table_exists("state") and self._state("schema") != SCHEMA_VERSION:
            for table in ("state", "docs", "passages", "terms", "postings", "stats"):
                c.execute(f"DROP TABLE IF EXISTS {table}")
        c.executescript(SCHEMA)
        self._set_state("schema", SCHEMA_VERSION)
        got = self._state("identity")
        if got and got != identity:  # the collection was recreated: this copy is of another corpus
            log.info("local index %s belongs to another collection: rebuilding it", self.path)
            self._wipe()
        self._set_state("identity", identity)

    def stamp(self) -> str:
        """The corpus stamp this copy was last complete at ('' when unknown)."""
        return self._state("stamp")

    def set_stamp(self, stamp: str) -> None:
        self._set_state("stamp", stamp)

    # --- connection ----------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None:
            c = sqlite3.connect(self.path, timeout=600, isolation_level=None, check_same_thread=False)
            c.execute("PRAGMA journal_mode=WAL")
            c.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = c
        return c

    def _table_exists(self, name: str) -> bool:
        return bool(self._conn().execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone())

    def _state(self, key: str) -> str:
        row = self._conn().execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else ""

    def _set_state(self, key: str, value: str) -> None:
        self._conn().execute("INSERT OR REPLACE INTO state(key, value) VALUES(?, ?)", (key, value))

    def _wipe(self) -> None:
        c = self._conn()
        c.execute("BEGIN IMMEDIATE")
        for table in ("docs", "passages", "terms", "postings", "stats", "state"):
            c.execute(f"DELETE FROM {table}")  # noqa: S608 -- fixed table names
        c.execute("INSERT INTO state(key, value) VALUES('schema', ?)", (SCHEMA_VERSION,))
        c.execute("COMMIT")

    # --- catching up -----------------------------------------------------------------------
    def revisions(self, doc_ids: Optional[list[str]] = None) -> dict[str, str]:
        """The revision of each document held (all, or some)."""
        return dict(self._rows_in("SELECT doc_id, rev FROM docs", "doc_id", doc_ids))

    def records(self) -> dict[str, DocRecord]:
        """The documents held, as manifest records (revision and count; no metadata)."""
        return {d: DocRecord(d, rev, n, PassageMeta(d)) for d, rev, n in self._conn().execute("SELECT doc_id, rev, n FROM docs")}

    def sync(self, records: dict[str, DocRecord], fetch: Fetch, chunk: int = 200,
             progress: Optional[Callable[[int, int], None]] = None, stamp: str = "") -> set[str]:
        """Bring the file to the manifest ``records`` (read at corpus stamp ``stamp``): documents
        gone are dropped, documents whose revision differs are read whole with ``fetch`` (from
        Chroma) and replaced. Returns the ids of the documents changed here. When every document
        is caught up, the file records ``stamp``, so a process that starts at that stamp reads
        nothing from Chroma."""
        have = self.revisions()
        gone = [d for d in have if d not in records]
        todo = [r for d, r in records.items() if have.get(d) != r.rev]
        changed: set[str] = set()
        if gone:
            with self._transaction() as c:
                for d in gone:
                    self._drop_doc(c, d)
            changed.update(gone)
        for i in range(0, len(todo), chunk):
            part = todo[i : i + chunk]
            got = fetch(part)
            with self._transaction() as c:
                now = dict(c.execute(f"SELECT doc_id, rev FROM docs WHERE doc_id IN ({','.join('?' * len(part))})",
                                     [r.doc_id for r in part]).fetchall())
                for asked in part:
                    if asked.doc_id not in got:
                        continue  # removed, or still changing: the next catch-up tries again
                    rec, ps = got[asked.doc_id]
                    if now.get(rec.doc_id) == rec.rev:
                        continue  # another process of this node did it meanwhile
                    self._drop_doc(c, rec.doc_id)
                    self._add_doc(c, rec, ps)
                    changed.add(rec.doc_id)
            if progress:
                progress(min(i + chunk, len(todo)), len(todo))
        if stamp and self.revisions() == {d: r.rev for d, r in records.items()}:
            self.set_stamp(stamp)
        return changed

    class _Tx:
        def __init__(self, index: LocalIndex):
            self.index = index

        def __enter__(self) -> sqlite3.Connection:
            self.index._write_lock.acquire()
            c = self.index._conn()
            c.execute("BEGIN IMMEDIATE")
            return c

        def __exit__(self, exc_type, *rest):
            c = self.index._conn()
            try:
                c.execute("ROLLBACK" if exc_type else "COMMIT")
            finally:
                self.index._write_lock.release()
            return False

    def _transaction(self) -> LocalIndex._Tx:
        return LocalIndex._Tx(self)

    def _drop_doc(self, c: sqlite3.Connection, doc_id: str) -> None:
        rows = c.execute("SELECT pid, lang, len, tids FROM passages WHERE doc_id=?", (doc_id,)).fetchall()
        df: Counter = Counter()
        stats: Counter = Counter()
        lens: Counter = Counter()
        for pid, lang, length, tids in rows:
            ids = np.frombuffer(tids, dtype=np.int64).tolist()
            c.executemany("DELETE FROM postings WHERE tid=? AND pid=?", [(t, pid) for t in ids])
            df.update(ids)
            stats[lang] += 1
            lens[lang] += length
        if df:
            c.executemany("UPDATE terms SET df = df - ? WHERE tid=?", [(n, t) for t, n in df.items()])
        for lang, n in stats.items():
            c.execute("UPDATE stats SET n = n - ?, total = total - ? WHERE lang=?", (n, lens[lang], lang))
        c.execute("DELETE FROM passages WHERE doc_id=?", (doc_id,))
        c.execute("DELETE FROM docs WHERE doc_id=?", (doc_id,))

    def _tids(self, c: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
        terms = list(set(terms))
        c.executemany("INSERT OR IGNORE INTO terms(term, df) VALUES(?, 0)", [(t,) for t in terms])
        out: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            part = terms[i : i + 500]
            out.update(c.execute(f"SELECT term, tid FROM terms WHERE term IN ({','.join('?' * len(part))})",
                                 part).fetchall())
        return out

    def _add_doc(self, c: sqlite3.Connection, rec: DocRecord, passages: list[Passage]) -> None:
        counts = [Counter(passage_tokens(p)) for p in passages]
        tids = self._tids(c, (t for cnt in counts for t in cnt))
        df: Counter = Counter()
        for p, cnt in zip(passages, counts):
            ids = np.asarray([tids[t] for t in cnt], dtype=np.int64)
            length = sum(cnt.values())
            meta = [getattr(p.meta, k) for k in _META_FIELDS]
            cur = c.execute(f"INSERT INTO passages(id, doc_id, lang, len, tids, text, {_META_COLS}) "
                            f"VALUES(?,?,?,?,?,?,{','.join('?' * len(meta))})",
                            (p.id, p.doc_id, p.lang, length, ids.tobytes(), p.text, *meta))
            pid = cur.lastrowid
            c.executemany("INSERT INTO postings(tid, pid, tf) VALUES(?,?,?)",
                          [(tids[t], pid, n) for t, n in cnt.items()])
            df.update(ids.tolist())
            c.execute("INSERT INTO stats(lang, n, total) VALUES(?, 1, ?) ON CONFLICT(lang) DO UPDATE SET "
                      "n = n + 1, total = total + excluded.total", (p.lang, length))
        c.executemany("UPDATE terms SET df = df + ? WHERE tid=?", [(n, t) for t, n in df.items()])
        c.execute("INSERT OR REPLACE INTO docs(doc_id, rev, n) VALUES(?,?,?)", (rec.doc_id, rec.rev, len(passages)))

    # --- reading -----------------------------------------------------------------------------
    def passages(self, doc_ids: Optional[list[str]] = None) -> dict[str, tuple[str, list[Passage]]]:
        """Passages held here, by document, with the revision they are of (all documents, or some)."""
        revs = self.revisions(doc_ids)
        out: dict[str, tuple[str, list[Passage]]] = {}
        for row in self._select(f"SELECT id, text, {_META_COLS} FROM passages", doc_ids):
            values = dict(zip(_META_FIELDS, row[2:]))
            meta = PassageMeta(**{**values, **{f: bool(values[f]) for f in _BOOL_FIELDS}})
            out.setdefault(meta.doc_id, (revs.get(meta.doc_id, ""), []))[1].append(Passage(row[0], row[1], meta))
        return out

    def outlines(self, doc_ids: Optional[list[str]] = None) -> dict[str, Outline]:
        """Each document held here, outlined (revision, languages, family, passage ids) without reading a
        passage's text: what the corpus mirror holds of a document until it is read (all documents, or some)."""
        revs = self.revisions(doc_ids)
        rows = self._select("SELECT doc_id, MAX(m_doc_lang), MAX(COALESCE(NULLIF(m_family, ''), doc_id)), "
                            "group_concat(id, char(31)), group_concat(lang, char(31)) FROM passages", doc_ids,
                            " GROUP BY doc_id")
        return {d: Outline(d, revs.get(d, ""), doc_lang, family, ids.split("\x1f"), langs.split("\x1f"))
                for d, doc_lang, family, ids, langs in rows}

    def _select(self, select: str, doc_ids: Optional[list[str]], tail: str = "") -> list[tuple]:
        """Rows of ``select`` (over passages, then ``tail``) for all documents, or for some."""
        return self._rows_in(select, "doc_id", doc_ids, tail)

    def _rows_in(self, select: str, column: str, keys: Optional[list], tail: str = "") -> list[tuple]:
        """Rows of ``select`` (then ``tail``) whose ``column`` is one of ``keys`` (all rows when None), asked
        500 keys at a time (SQLite's limit on parameters)."""
        c = self._conn()
        if keys is None:
            return c.execute(select + tail).fetchall()
        rows: list[tuple] = []
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            rows += c.execute(f"{select} WHERE {column} IN ({','.join('?' * len(part))}){tail}", part).fetchall()
        return rows

    def counts(self) -> dict[str, tuple[str, int, int]]:
        """doc_id -> (revision, passages recorded, passages held): for the drift check."""
        held = dict(self._conn().execute("SELECT doc_id, COUNT(*) FROM passages GROUP BY doc_id").fetchall())
        return {d: (rev, n, held.get(d, 0)) for d, rev, n in self._conn().execute("SELECT doc_id, rev, n FROM docs")}

    def ids(self) -> dict[str, set[str]]:
        """Passage ids held, by document."""
        out: dict[str, set[str]] = {}
        for pid, doc_id in self._conn().execute("SELECT id, doc_id FROM passages"):
            out.setdefault(doc_id, set()).add(pid)
        return out

    def forget(self, doc_ids: list[str]) -> None:
        """Drop documents here (the next catch-up reads them again)."""
        with self._transaction() as c:
            for d in doc_ids:
                self._drop_doc(c, d)

    def snapshot(self) -> Snapshot:
        return Snapshot.load(self._conn(), self.passage_ids)

    def passage_ids(self, pids: list[int]) -> dict[int, str]:
        """Passage number (the keyword index's) -> passage id."""
        return dict(self._rows_in("SELECT pid, id FROM passages", "pid", pids))

    def postings(self, tid: int) -> tuple[np.ndarray, np.ndarray]:
        """A term's passage numbers and term frequencies. SQLite joins them into one string of numbers
        (passage number and frequency in one integer) that numpy parses: for a word in 20,000 passages,
        7 ms instead of 33 ms through a Python tuple per row."""
        joined = self._conn().execute(f"SELECT group_concat(pid * {_TF_SPAN} + min(tf, {_TF_SPAN - 1})) "
                                      "FROM postings WHERE tid=?", (tid,)).fetchone()[0]
        if not joined:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        both = np.fromstring(joined, sep=",", dtype=np.int64)
        return both // _TF_SPAN, (both % _TF_SPAN).astype(np.float32)

    def terms(self, terms: list[str]) -> dict[str, tuple[int, int]]:
        """term -> (tid, document frequency), for the terms held here."""
        if not terms:
            return {}
        rows = self._conn().execute(f"SELECT term, tid, df FROM terms WHERE df > 0 AND term IN "
                                    f"({','.join('?' * len(terms))})", terms).fetchall()
        return {t: (tid, df) for t, tid, df in rows}


@dataclass
class Outline:
    """A document without its passages' texts (:meth:`LocalIndex.outlines`): its revision, language and
    family, and its passages' ids with each one's own language."""

    doc_id: str
    rev: str
    doc_lang: str
    family_id: str
    ids: list[str]
    langs: list[str]

    @classmethod
    def of(cls, doc_id: str, rev: str, passages: list[Passage]) -> Outline:
        first = passages[0].meta if passages else None
        return cls(doc_id, rev, first.doc_lang if first else "", first.family_id if first else doc_id,
                   [p.id for p in passages], [p.lang for p in passages])


class Snapshot:
    """What scoring needs for every passage, as arrays by passage number: language and length. The
    passages' ids are looked up for the numbers a search keeps (:meth:`ids_of`), not read for all."""

    def __init__(self, lang: np.ndarray, length: np.ndarray, langs: list[str], stats: dict[str, tuple[int, int]],
                 lookup: Callable[[list[int]], dict[int, str]]):
        self.lang, self.length, self.langs, self.stats = lang, length, langs, stats
        self._lookup = lookup
        self._ids: dict[int, str] = {}

    def ids_of(self, pids: list[int]) -> dict[int, str]:
        """Passage number -> id, for those held (remembered for this snapshot)."""
        todo = [p for p in pids if p not in self._ids]
        if todo:
            self._ids.update(self._lookup(todo))
        return {p: self._ids[p] for p in pids if p in self._ids}

    @classmethod
    def load(cls, c: sqlite3.Connection, lookup: Callable[[list[int]], dict[int, str]]) -> Snapshot:
        stats = {lang: (n, total) for lang, n, total in c.execute("SELECT lang, n, total FROM stats") if n > 0}
        held = [lg for (lg,) in c.execute("SELECT DISTINCT lang FROM passages")]
        langs = sorted(set(held) | set(stats))
        parts = {lg: np.asarray(c.execute("SELECT pid, len FROM passages WHERE lang=?", (lg,)).fetchall(),
                                dtype=np.int64).reshape(-1, 2) for lg in held}
        top = max((int(a[:, 0].max()) for a in parts.values() if len(a)), default=0) + 1
        lang = np.full(top, -1, dtype=np.int16)
        length = np.zeros(top, dtype=np.float32)
        for lg, a in parts.items():
            lang[a[:, 0]], length[a[:, 0]] = langs.index(lg), a[:, 1]
        return cls(lang, length, langs, stats, lookup)
