"""Retrieval: dense (Chroma), keyword (BM25) and language-aware hybrid fusion; a LangChain retriever."""
