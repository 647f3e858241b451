"""Credentials. Lawyers hold bearer tokens that are shown once and stored only as SHA-256; workers
hold a ticket token derived from the ticket number with an HMAC, so nothing secret is stored per
ticket and a replayed creation (same Idempotency-Key) can return the same token again."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

LAWYER_TOKEN_PREFIX = "lcl_"
SECRET_FILE = "secret.key"


def new_lawyer_token() -> str:
    return LAWYER_TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def tokens_match(stored_hash: str, token: str) -> bool:
    return hmac.compare_digest(stored_hash, hash_token(token))


class TicketTokenSigner:
    """ticket token = base64url(HMAC-SHA256(secret, "ticket:<id>")). Verification is constant-time."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the ticket secret must be at least 16 bytes")
        self._secret = secret

    def token(self, ticket_id: int) -> str:
        digest = hmac.new(self._secret, f"ticket:{ticket_id}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def verify(self, ticket_id: int, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.token(ticket_id), token or "")


def load_secret(explicit: str | None, data_dir: Path) -> bytes:
    """The configured secret, or a random one kept in ``data_dir/secret.key`` (created once, 0600;
    processes racing to create it all end up reading the same file)."""
    if explicit:
        return explicit.encode("utf-8")
    path = data_dir / SECRET_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # atomic, and fails if another process got there first
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    return path.read_text(encoding="ascii").strip().encode("ascii")
