"""Restrictions that reach the search itself (Chroma ``where`` and the keyword index)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from ..records import PassageMeta
from ..text.dates import date_bounds, parse_date_arg


@dataclass
class Filters:
    """Languages, documents and a date range (YYYYMMDD, inclusive) of the passages to search."""

    langs: Optional[Sequence[str]] = None
    doc_ids: Optional[Sequence[str]] = None
    date_from: Optional[int] = None
    date_to: Optional[int] = None

    @staticmethod
    def from_strings(langs=None, docs=None, date_from: str | None = None, date_to: str | None = None) -> Filters:
        """From command-line values; a wrong date raises ValueError naming the flag."""
        f = t = None
        if date_from:
            parse_date_arg(date_from, what="--from")
            f = date_bounds(date_from)[0]
        if date_to:
            parse_date_arg(date_to, end=True, what="--to")
            t = date_bounds(date_to)[1]
        return Filters(list(langs) if langs else None, list(docs) if docs else None, f, t)

    def conditions(self) -> list[dict]:
        c: list[dict] = []
        if self.langs:
            c.append({"lang": {"$in": list(self.langs)}})
        if self.doc_ids:
            c.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.date_from:
            c.append({"date_to": {"$gte": int(self.date_from)}})
        if self.date_to:
            c.append({"date_from": {"$lte": int(self.date_to)}})
            c.append({"date_from": {"$gt": 0}})
        return c

    def where(self, lang: Optional[str] = None) -> Optional[dict]:
        c = self.conditions() + ([{"lang": lang}] if lang else [])
        if not c:
            return None
        return c[0] if len(c) == 1 else {"$and": c}

    def allows(self, meta: PassageMeta) -> bool:
        if self.langs and meta.lang not in self.langs:
            return False
        if self.doc_ids and meta.doc_id not in self.doc_ids:
            return False
        if self.date_from and int(meta.date_to or 0) < self.date_from:
            return False
        if self.date_to and not (0 < int(meta.date_from or 0) <= self.date_to):
            return False
        return True

    @property
    def active(self) -> bool:
        return bool(self.conditions())
