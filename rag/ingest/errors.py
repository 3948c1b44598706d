"""Why a file could not be added, as a code and its values; words are chosen at the edge.

``str(error)`` is the English sentence (the command line and logs); the app shows
``error.localized(lang)``. Every code is a ``reason_<code>`` key of the strings table.
"""
from __future__ import annotations

from typing import Any

from ..text.i18n import t


class IngestError(Exception):
    """A file that cannot be ingested: ``code`` says why, ``params`` fill in the message."""

    def __init__(self, code: str, **params: Any):
        self.code, self.params = code, params
        super().__init__(t(f"reason_{code}", "en", **params))

    def localized(self, lang: str) -> str:
        return t(f"reason_{self.code}", lang, **self.params)


class MetadataError(IngestError):
    """Front matter, a sidecar or a form whose fields do not fit the metadata schema."""
