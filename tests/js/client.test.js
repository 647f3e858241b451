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
const { askStreaming, escalate, validateContact, statusText } = require(
  path.join(__dirname, "../../docs/miniprogram/lawcloud-client.js"));

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

// --- 找律师 / 转人工 ----------------------------------------------------------------------------

test("a hand-off with a phone number sends it as the ticket's contact", async () => {
  const wx = fakeWx({
    "POST /v1/conversations/c9/escalate": (opts) => opts.success({ statusCode: 201,
      data: { id: 7, number: "000007", status: "pending", status_text: "等待律师接单", contact_given: true } }),
  });
  const ticket = await new Promise((resolve, reject) => escalate({
    baseUrl: "http://x", conversationId: "c9", request: wx.request, onDone: resolve, onError: reject,
    contact: { phone: " １３８００１３８０００ ", wechat: "", name: "王师傅" },
  }));
  assert.strictEqual(ticket.number, "000007");
  assert.deepStrictEqual(wx.calls[0].data, { contact: { phone: "13800138000", name: "王师傅" } });
  assert.match(wx.calls[0].header["Idempotency-Key"], /^mp-c9-[0-9a-f]+$/);
  assert.strictEqual(statusText(ticket), "等待律师接单");
});

test("a hand-off without contact details still opens the ticket", async () => {
  const wx = fakeWx({
    "POST /v1/conversations/c9/escalate": (opts) => opts.success({ statusCode: 200, data: { id: 7, status: "claimed" } }),
  });
  const ticket = await new Promise((resolve, reject) => escalate({
    baseUrl: "http://x", conversationId: "c9", request: wx.request, onDone: resolve, onError: reject,
    contact: { phone: "  ", wechat: "" },
  }));
  assert.deepStrictEqual(wx.calls[0].data, {});
  assert.strictEqual(statusText(ticket), "律师已接单，正在处理");  // no status_text: the client's own words
});

test("a bad number is refused in Chinese before anything is sent", async () => {
  const wx = fakeWx({});
  const error = await new Promise((resolve) => escalate({
    baseUrl: "http://x", conversationId: "c9", request: wx.request, onError: resolve, contact: { phone: "王师傅电话" },
  }));
  assert.strictEqual(wx.calls.length, 0);
  assert.strictEqual(error.field, "phone");
  assert.match(error.message, /电话号码格式不对/);
  for (const bad of ["138-", "12", "+", "13800138000abc"]) assert.ok(validateContact({ phone: bad }).error, bad);
  for (const good of ["13800138000", "+86 138 0013 8000", "0755-12345678"]) {
    assert.strictEqual(validateContact({ phone: good }).contact.phone, good);
  }
  assert.strictEqual(validateContact({}).contact, null);
});

test("every ticket status reads in Chinese", () => {
  for (const status of ["pending", "claimed", "answered", "closed", "reopened"]) {
    assert.match(statusText({ status }), /[\u4e00-\u9fff]/, status);
    assert.doesNotMatch(statusText({ status }), /[a-z]/, status);
  }
});
