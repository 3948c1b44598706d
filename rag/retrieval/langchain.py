"""Our hybrid, language-aware search as a LangChain retriever, so a user's own chain can use it.

>>> from rag.runtime import build_runtime
>>> retriever = build_runtime().langchain_retriever(k=5)
>>> docs = retriever.invoke("Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?")

Each ``Document`` holds the passage text; its metadata holds the passage's metadata (document
id, title, date, language, offsets…), the fused ``score``, the query ``similarity`` and the
passage's language ``versions`` (the same paragraph in the document's translations).
"""
from __future__ import annotations

from typing import Any, Optional

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from ..records import Hit
from .filters import Filters
from .hybrid import Retriever


def hit_document(hit: Hit) -> Document:
    meta: dict[str, Any] = hit.meta.to_store()
    meta.update(chunk_id=hit.chunk_id, score=hit.score, similarity=hit.similarity,
                versions=[v.as_dict() for v in hit.versions])
    return Document(page_content=hit.text, metadata=meta, id=hit.chunk_id)


class CooperationRetriever(BaseRetriever):
    """LangChain's ``BaseRetriever`` over :class:`~rag.retrieval.hybrid.Retriever`."""

    retriever: Retriever
    k: int = 5
    filters: Optional[Filters] = None
    mode: Optional[str] = None  # dense, keyword or hybrid (default: the settings')

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.retriever.search(query, k=self.k, filters=self.filters, mode=self.mode)
        return [hit_document(h) for h in hits]
