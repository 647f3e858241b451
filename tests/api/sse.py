"""A minimal SSE client the way a WeChat mini-program must work: bytes arrive in arbitrary chunks
and are decoded chunk by chunk, without a UTF-8 decoder that could carry a split character over."""

import json
from collections.abc import Iterable
from typing import Any


def parse_events(chunks: Iterable[bytes], decode: str = "ascii") -> list[tuple[str, Any]]:
    """Events from raw chunks. Each chunk is decoded on its own, as a naive phone client would."""
    buffer, events = "", []
    for chunk in chunks:
        buffer += chunk.decode(decode)
        while "\n\n" in buffer:
            block, buffer = buffer.split("\n\n", 1)
            name, data = "message", []
            for line in block.split("\n"):
                if line.startswith(":"):
                    continue
                field, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if field == "event":
                    name = value
                elif field == "data":
                    data.append(value)
            if data:
                events.append((name, json.loads("\n".join(data))))
            elif block.startswith(":"):
                events.append(("comment", block[1:].strip()))
    assert buffer == "", f"trailing bytes: {buffer!r}"
    return events


def split_every(raw: bytes, size: int) -> list[bytes]:
    return [raw[i : i + size] for i in range(0, len(raw), size)]
