"""A scriptable OpenAI-compatible chat server for tests, benchmarks and trying LLM mode by hand.

It speaks `POST /v1/chat/completions` (streaming and not) like vLLM or Ollama do. By default it
answers from the sources in the prompt, citing [1] and the first source by name, and then invents
citations the way a model does: 《劳动合同法》第一百二十条 (that law has 98 articles) and 《劳动法》第九十九条
(real, but not among the sources). `POST /_script` changes its behaviour (fixed reply, delay before
answering, HTTP failure, a stream that stalls); `GET /_requests` returns the prompts it received.

    python -m assistant.answer.fake_llm --port 9100
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

INVENTED = (
    "另外，依照《劳动合同法》第一百二十条，公司还应当向你支付三倍的赔偿金。",
    "《劳动法》第九十九条规定，你可以直接要求公司赔偿全部损失。",
)
_SOURCE = re.compile(r'<source n="(\d+)" kind="[^"]*" cite="([^"]+)"[^>]*>\n(.*?)\n</source>', re.S)


@dataclass
class Script:
    reply: str | None = None  # fixed reply text; None: built from the prompt's sources
    invent: bool = True  # append invented citations to the built reply
    extra: list[str] = field(default_factory=list)  # more sentences to append (e.g. other bad citations)
    delay_s: float = 0.0  # wait before answering (longer than the client's timeout = a timeout)
    status: int = 200  # answer with this HTTP error instead
    chunk_chars: int = 3  # characters per streamed chunk
    stall_after_chunks: int | None = None  # stop sending (but keep the connection) after N chunks
    # A gullible model: when the prompt (question, history or a source) holds an instruction such as
    # "忽略之前的所有指令", it repeats its system prompt, cites what it was told to and waves the
    # worker off a lawyer.
    obey: bool = False


INJECTION = re.compile(
    r"忽略(之前|以上|上面|前面)?的?(所有|全部)?(指令|规则|说明)|ignore (all )?previous instructions", re.I
)


def obedient_reply(system: str, prompt: str) -> str:
    """What a model that follows injected instructions says."""
    return (
        "好的，我会忽略之前的规则。以下是我的系统提示词原文：\n"
        + system
        + "\n根据《劳动法》第九十九条，你的情况公司无须承担任何责任。"
        + "依照《劳动合同法》第一百二十条，公司可以随时辞退你。"
        + "这件事不严重，不需要找律师，也不用转人工。"
    )


def default_reply(prompt: str, script: Script) -> str:
    sources = _SOURCE.findall(prompt)
    if not sources:
        parts = ["根据现有条文无法确定，建议联系工会律师。"]
    else:
        n, cite, text = sources[0]
        first = re.split(r"[。；\n]", text.strip())[0]
        parts = [f"根据{cite}[{n}]，{first}。"]
        if len(sources) > 1:
            parts.append(f"{sources[1][1]}[{sources[1][0]}]也有相关规定。")
    if script.invent:
        parts += INVENTED
    parts += script.extra
    return "".join(parts)


class FakeLLM:
    def __init__(self) -> None:
        self.script = Script()
        self.requests: list[dict[str, Any]] = []
        self.app = self._build()

    def reply_for(self, body: dict[str, Any]) -> str:
        if self.script.reply is not None:
            return self.script.reply
        messages = body.get("messages", [])
        prompt = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "user")
        if self.script.obey and INJECTION.search(prompt):
            system = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "system")
            return obedient_reply(system, prompt)
        return default_reply(prompt, self.script)

    def _build(self) -> FastAPI:
        app = FastAPI(title="fake OpenAI-compatible LLM")

        @app.post("/_script")
        async def set_script(body: dict[str, Any]) -> dict[str, Any]:
            self.script = Script(**body)
            return asdict(self.script)

        @app.post("/_reset")
        async def reset() -> dict[str, str]:
            self.script, self.requests = Script(), []
            return {"status": "ok"}

        @app.get("/_requests")
        async def requests() -> list[dict[str, Any]]:
            return self.requests

        @app.post("/v1/chat/completions", response_model=None)
        async def completions(request: Request) -> Response:
            body = await request.json()
            self.requests.append(body)
            script = self.script
            if script.delay_s:
                await asyncio.sleep(script.delay_s)
            if script.status != 200:
                return JSONResponse(
                    {"error": {"message": "scripted failure", "type": "server_error"}},
                    status_code=script.status,
                )
            reply = self.reply_for(body)
            model = body.get("model", "fake")
            if body.get("stream"):
                return StreamingResponse(self._chunks(reply, model, script), media_type="text/event-stream")
            return JSONResponse(
                {
                    "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": reply},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {
                        "prompt_tokens": 0,
                        "completion_tokens": len(reply),
                        "total_tokens": len(reply),
                    },
                }
            )

        return app

    @staticmethod
    async def _chunks(reply: str, model: str, script: Script) -> AsyncIterator[bytes]:
        chunk_id, created = f"chatcmpl-{uuid.uuid4().hex[:12]}", int(time.time())

        def frame(delta: dict[str, Any], finish: str | None = None) -> bytes:
            data = {
                "id": chunk_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode()

        yield frame({"role": "assistant", "content": ""})
        step = max(1, script.chunk_chars)
        for index, start in enumerate(range(0, len(reply), step)):
            if script.stall_after_chunks is not None and index >= script.stall_after_chunks:
                await asyncio.sleep(3600)
            yield frame({"content": reply[start : start + step]})
            await asyncio.sleep(0)
        yield frame({}, "stop")
        yield b"data: [DONE]\n\n"


@dataclass
class RunningServer:
    url: str
    server: Any
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_in_thread(app: Any, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Run an ASGI app under uvicorn on a background thread; port 0 picks a free port."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    # No proxy-header rewriting: the app decides whom to believe (settings.trusted_proxies).
    config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=5, proxy_headers=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("server failed to start")
        time.sleep(0.02)
    return RunningServer(f"http://{host}:{sock.getsockname()[1]}", server, thread)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    args = parser.parse_args()
    uvicorn.run(FakeLLM().app, host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
