"""Ingest: load -> normalize -> detect language -> split -> embed -> store (``python -m ingest``)."""
