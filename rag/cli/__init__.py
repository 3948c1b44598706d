"""The command lines: ``rag`` (ask, chat, eval, brief, docs) and ``rag-ingest``."""
