"""Ingestion pipeline: load → parse → chunk → embed → index, one module per stage."""
