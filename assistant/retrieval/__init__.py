"""Retrieval: query understanding → BM25 and dense candidates → fusion → re-rank → filters → top-k."""

from assistant.retrieval.retriever import Filters, Hit, HybridRetriever, RetrievalResult

__all__ = ["Filters", "Hit", "HybridRetriever", "RetrievalResult"]
