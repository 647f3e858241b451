"""Evaluation harnesses (retrieval and answer level)."""
