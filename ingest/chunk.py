"""Chunk stage: units that fit the embedder's window stay whole; longer ones become overlapping parts
that keep the article's identity (same unit id, part index)."""

from __future__ import annotations

import re

from ingest.models import Chunk, LegalUnit

_SENTENCE_END = re.compile(r"(?<=[。；！？\n])")


def split_text(text: str, max_chars: int, overlap: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    parts: list[str] = []
    current = ""
    for sentence in sentences:
        while len(sentence) > max_chars:  # a single run-on sentence: cut it hard
            if current:
                parts.append(current)
                current = ""
            parts.append(sentence[:max_chars])
            sentence = sentence[max_chars - overlap :]
        if len(current) + len(sentence) > max_chars and current:
            parts.append(current)
            current = current[-overlap:] if overlap else ""
        current += sentence
    if current and (not parts or current != parts[-1][-len(current) :]):
        parts.append(current)
    return parts


def chunk_units(units: list[LegalUnit], max_chars: int = 480, overlap: int = 80) -> list[Chunk]:
    chunks: list[Chunk] = []
    for unit in units:
        pieces = split_text(unit.text, max_chars, overlap)
        chunks.extend(
            Chunk(unit=unit, part=i, parts=len(pieces), text=piece) for i, piece in enumerate(pieces)
        )
    return chunks
