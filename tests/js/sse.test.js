// node --test tests/js/ : the chunk assembly used by the web page and the mini-program client.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { SSEAssembler, Utf8Decoder } = require(path.join(__dirname, "../../api/static/sse.js"));

const STREAM =
  'event: meta\ndata: {"conversation_id":"c1","citations":[{"label":"\\u7b2c\\u516b\\u5341\\u4e8c\\u6761"}]}\n\n' +
  ": ping\n\n" +
  'event: delta\ndata: {"text":"用人单位应当支付二倍的工资。"}\n\n' +
  'event: done\ndata: {"message_id":"m1","answer":"完"}\n\n';

function collect(chunks) {
  const sse = new SSEAssembler();
  return chunks.flatMap((c) => sse.feed(c));
}

test("whole stream parses into meta, delta, done", () => {
  const events = collect([Buffer.from(STREAM)]);
  assert.deepStrictEqual(events.map((e) => e.event), ["meta", "delta", "done"]);
  assert.strictEqual(events[0].data.citations[0].label, "第八十二条");
  assert.strictEqual(events[1].data.text, "用人单位应当支付二倍的工资。");
});

test("split at every byte position gives the same events", () => {
  const bytes = Buffer.from(STREAM);
  const expected = collect([bytes]);
  for (let cut = 1; cut < bytes.length; cut++) {
    const events = collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
    assert.deepStrictEqual(events, expected, `cut at ${cut}`);
  }
});

test("one byte at a time, including inside multi-byte characters", () => {
  const bytes = Buffer.from(STREAM);
  const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
  const events = collect(chunks);
  assert.strictEqual(events.length, 3);
  assert.strictEqual(events[1].data.text, "用人单位应当支付二倍的工资。");
});

test("CRLF line endings and comments", () => {
  const events = collect(["event: delta\r\ndata: {\"text\":\"a\"}\r\n\r\n: keep-alive\r\n\r\n"]);
  assert.deepStrictEqual(events, [{ event: "delta", data: { text: "a" }, id: null }]);
});

test("utf8 decoder keeps an incomplete character for the next chunk", () => {
  const decoder = new Utf8Decoder();
  const bytes = Buffer.from("工伤😀");
  assert.strictEqual(decoder.decode(bytes.subarray(0, 4)), "工");
  assert.strictEqual(decoder.decode(bytes.subarray(4, 8)), "伤");
  assert.strictEqual(decoder.decode(bytes.subarray(8)), "😀");
});
