"""``python -m ingest``: the ingest command line (the code lives in :mod:`rag.ingest`)."""
