// The mini-program reference client against a simulated wx.request that delivers chunks.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const Module = require("node:module");

// In a mini-program sse.js sits beside the client; here it is resolved from api/static.
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === "./sse.js") return path.join(__dirname, "../../api/static/sse.js");
  return originalResolve.call(this, request, parent, ...rest);
};
const { askStreaming } = require(path.join(__dirname, "../../docs/miniprogram/lawcloud-client.js"));

function fakeWx(routes) {
  const calls = [];
  const request = (opts) => {
    calls.push(opts);
    const route = routes[`${opts.method} ${opts.url.replace("http://x", "")}`];
    let chunkHandler = () => {};
    setImmediate(() => route(opts, (bytes) => chunkHandler({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) })));
    return { onChunkReceived: (fn) => { chunkHandler = fn; } };
  };
  return { request, calls };
}

const SSE_BODY = Buffer.from(
  'event: meta\ndata: {"conversation_id":"c9","citations":[]}\n\n' +
  'event: delta\ndata: {"text":"\\u4f60\\u597d"}\n\n' +
  'event: done\ndata: {"conversation_id":"c9","message_id":"m1","answer":"\\u4f60\\u597d"}\n\n');

test("streams meta, deltas and done from arbitrary chunks", async () => {
  const wx = fakeWx({
    "POST /v1/chat/stream": (opts, send) => {
      for (let i = 0; i < SSE_BODY.length; i += 7) send(SSE_BODY.subarray(i, i + 7));
      opts.success({ statusCode: 200 });
    },
  });
  const seen = { deltas: [] };
  await new Promise((resolve) => askStreaming({
    baseUrl: "http://x", question: "q", canChunk: true, request: wx.request,
    onMeta: (m) => (seen.meta = m), onDelta: (d) => seen.deltas.push(d),
    onDone: (d) => { seen.done = d; resolve(); }, onError: (e) => { seen.error = e; resolve(); },
  }));
  assert.strictEqual(seen.meta.conversation_id, "c9");
  assert.deepStrictEqual(seen.deltas, ["你好"]);
  assert.strictEqual(seen.done.message_id, "m1");
  assert.strictEqual(wx.calls[0].enableChunked, true);
});

test("a stream cut off before done fetches the stored answer", async () => {
  const partial = SSE_BODY.subarray(0, SSE_BODY.indexOf("event: done"));
  const wx = fakeWx({
    "POST /v1/chat/stream": (opts, send) => { send(partial); opts.fail({ errMsg: "request:fail timeout" }); },
    "GET /v1/conversations/c9": (opts) => opts.success({ statusCode: 200, data: { messages: [
      { role: "user", content: "q" }, { role: "assistant", content: "完整回答", message_id: "m1" }] } }),
  });
  const done = await new Promise((resolve, reject) => askStreaming({
    baseUrl: "http://x", question: "q", canChunk: true, request: wx.request, onDone: resolve, onError: reject,
  }));
  assert.strictEqual(done.content, "完整回答");
  assert.strictEqual(done.conversation_id, "c9");
});

test("old base libraries fall back to the non-streaming endpoint", async () => {
  const wx = fakeWx({ "POST /v1/chat": (opts) => opts.success({ statusCode: 200, data: { answer: "好" } }) });
  const done = await new Promise((resolve, reject) => askStreaming({
    baseUrl: "http://x", question: "q", canChunk: false, request: wx.request, onDone: resolve, onError: reject,
  }));
  assert.strictEqual(done.answer, "好");
});

test("HTTP errors surface the server's Chinese message", async () => {
  const wx = fakeWx({
    "POST /v1/chat/stream": (opts) => opts.success({ statusCode: 422,
      data: Buffer.from(JSON.stringify({ code: "question_too_long", message: "问题太长了" })) }),
  });
  const error = await new Promise((resolve) => askStreaming({
    baseUrl: "http://x", question: "q", canChunk: true, request: wx.request, onError: resolve,
  }));
  assert.strictEqual(error.message, "问题太长了");
});
