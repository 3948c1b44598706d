"""``python -m ingest --check`` / ``--repair``: is every document whole, and is anything left over?

Checks, against the manifest: each document's visible revision has exactly the passages the
manifest records (else it is damaged: ingest its file again); passages that no reader can see
(a stopped write's staged revision, a replaced revision not yet deleted, a removed document's
rest). ``repair`` deletes the invisible passages; it never touches what readers see.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import asdict, dataclass, field

from ..store.chroma import Store
from ..store.local import LocalIndex, index_path

log = logging.getLogger(__name__)


@dataclass
class CheckReport:
    documents: int = 0
    passages: int = 0  # visible
    stored: int = 0  # all passages in the collection
    damaged: dict[str, str] = field(default_factory=dict)  # doc_id -> "have/expected (path)"
    leftover: dict[str, int] = field(default_factory=dict)  # doc_id -> invisible passages
    repaired: int = 0
    index: str = ""  # the node's keyword index file
    index_behind: int = 0  # documents it has not caught up with yet (any reader does)
    index_drift: dict[str, str] = field(default_factory=dict)  # doc_id -> what differs from Chroma

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.leftover and not self.index_drift

    def as_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}

    def lines(self) -> list[str]:
        out = [f"documents: {self.documents}, visible passages: {self.passages}, stored passages: {self.stored}"]
        for d, what in sorted(self.damaged.items()):
            out.append(f"damaged    {d}: {what}; ingest its file again")
        for d, n in sorted(self.leftover.items()):
            out.append(f"leftover   {d}: {n} invisible passages (run --repair)")
        out.append(f"keyword index {self.index}: {self.index_behind} documents to catch up")
        for d, what in sorted(self.index_drift.items()):
            out.append(f"drift      {d}: {what} (run --repair)")
        if self.repaired:
            out.append(f"repaired: {self.repaired} invisible passages deleted")
        out.append("ok" if self.ok else "problems found")
        return out


def check_store(store: Store, repair: bool = False) -> CheckReport:
    report = CheckReport()
    if repair:
        report.repaired = sum(store.collect_garbage().values())
    records = store.documents()
    visible: Counter = Counter()
    leftover: Counter = Counter()
    stored = store.get(documents=False)
    for p in stored:
        rec = records.get(p.doc_id)
        if rec is not None and rec.rev == p.meta.rev:
            visible[p.doc_id] += 1
        else:
            leftover[p.doc_id] += 1
    report.documents, report.stored = len(records), len(stored)
    report.passages = sum(visible.values())
    for d, rec in records.items():
        if visible[d] != rec.n_passages:
            report.damaged[d] = f"{visible[d]}/{rec.n_passages} passages ({rec.meta.path or 'no path'})"
    report.leftover = dict(leftover)
    _check_index(store, report, records, stored, repair)
    return report


def _check_index(store: Store, report: CheckReport, records: dict, stored: list, repair: bool) -> None:
    """The node's keyword index against Chroma: same revisions, same passages (or merely behind)."""
    path = index_path(store.settings)
    report.index = str(path)
    local = LocalIndex(path, store.identity())
    if repair:
        local.sync(records, lambda recs: store.read_documents(recs))
    counts = local.counts()
    held = local.ids()
    visible: dict[str, set[str]] = {}
    for p in stored:
        rec = records.get(p.doc_id)
        if rec is not None and rec.rev == p.meta.rev:
            visible.setdefault(p.doc_id, set()).add(p.id)
    for d, rec in records.items():
        rev, n, have = counts.get(d, ("", 0, 0))
        if rev != rec.rev:
            report.index_behind += 1
        elif have != n or held.get(d, set()) != visible.get(d, set()):
            report.index_drift[d] = f"{have} passages held, {len(visible.get(d, ()))} in Chroma"
    for d in counts:
        if d not in records:
            report.index_behind += 1
    if repair and report.index_drift:
        local.forget(list(report.index_drift))
        local.sync(records, lambda recs: store.read_documents(recs))
        report.repaired += len(report.index_drift)
        report.index_drift = {}
