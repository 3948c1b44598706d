"""LangChain is the seam for users' own chains: our retriever is a ``BaseRetriever``."""
from __future__ import annotations

from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from rag.retrieval.filters import Filters
from rag.retrieval.langchain import CooperationRetriever


def test_a_chain_built_from_our_retriever_works(toy_corpus):
    retriever = CooperationRetriever(retriever=toy_corpus.retriever, k=3)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("Quảng Nam hội nghị tổng kết")
    assert 1 <= len(docs) <= 3 and all(isinstance(d, Document) for d in docs)
    top = docs[0]
    assert "Quảng Nam" in top.page_content
    assert top.metadata["doc_id"] == "vss-lao-2022-11-22-vi" and top.id == top.metadata["chunk_id"]
    assert {v["lang"] for v in top.metadata["versions"]} == {"lo", "en"}  # the translations ride along

    def prompt(inputs: dict) -> str:
        context = "\n\n".join(f"[{i}] {d.page_content}" for i, d in enumerate(inputs["context"], start=1))
        return f"Context:\n{context}\n\nQuestion: {inputs['question']}"

    chain = {"context": retriever, "question": RunnablePassthrough()} | RunnableLambda(prompt)
    out = chain.invoke("Quảng Nam hội nghị tổng kết")
    assert out.startswith("Context:\n[1] ") and "Quảng Nam" in out and out.endswith("Question: Quảng Nam hội nghị tổng kết")


def test_the_langchain_retriever_takes_our_filters(toy_corpus):
    lao = CooperationRetriever(retriever=toy_corpus.retriever, k=5, filters=Filters(langs=["lo"]))
    docs = lao.invoke("memorandum 2022-2025")
    assert docs and {d.metadata["lang"] for d in docs} == {"lo"}
