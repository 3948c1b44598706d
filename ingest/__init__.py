"""Ingest pipeline: load -> normalize -> detect language -> split -> embed -> store."""
