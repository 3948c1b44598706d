"""Text utilities: languages, normalization, sentences, dates, keyword tokens, strings.

The bottom layer of the flow (text -> store -> ingest/retrieval/register -> answers ->
briefing -> CLI/UI): nothing here imports another module of ours, so every layer can use it.
"""
