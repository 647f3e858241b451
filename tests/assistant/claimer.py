"""A lawyer in another process: waits for a shared start time, then claims each ticket once and
prints the ids it won (JSON). Used by the two-process claim race test."""

from __future__ import annotations

import json
import sys
import time

from assistant.tickets.store import InvalidTransition, TicketStore


def main() -> None:
    url, token, start_at, *ids = sys.argv[1:]
    store = TicketStore(url)
    lawyer = store.lawyer_for_token(token)
    assert lawyer is not None
    won: list[int] = []
    lost: list[int] = []
    while time.time() < float(start_at):
        time.sleep(0.001)
    for ticket_id in map(int, ids):
        try:
            store.claim(ticket_id, lawyer)
            won.append(ticket_id)
        except InvalidTransition:
            lost.append(ticket_id)
    store.close()
    print(json.dumps({"won": won, "lost": lost}))


if __name__ == "__main__":
    main()
