/*
 * Reference client for a WeChat mini-program (plain JavaScript, no npm packages).
 *
 *   const { askStreaming } = require("./lawcloud-client.js");
 *   askStreaming({ baseUrl: "https://your.union.org", question: "公司不给我签合同怎么办",
 *                  onMeta, onDelta, onDone, onError });
 *
 * wx.request with enableChunked delivers the SSE body as ArrayBuffer chunks whose boundaries fall
 * anywhere; SSEAssembler (api/static/sse.js, copied next to this file in the mini-program) turns
 * them into events. Phones abort a request after about 60 s, and the server ends every stream by
 * about 50 s: if the stream ends without `done`, the client fetches the stored answer from
 * GET /v1/conversations/{id}. Base libraries below 2.20.1 have no chunked transfer: the client
 * falls back to the non-streaming POST /v1/chat.
 */
"use strict";

var SSE = typeof require === "function" ? require("./sse.js") : this.LawcloudSSE;

function askStreaming(options) {
  var request = options.request || (typeof wx !== "undefined" ? wx.request : null);
  var canChunk = options.canChunk !== undefined ? options.canChunk :
    typeof wx !== "undefined" && wx.canIUse && wx.canIUse("request.object.enableChunked");
  var body = { question: options.question };
  if (options.conversationId) body.conversation_id = options.conversationId;
  var noop = function () {};
  var onMeta = options.onMeta || noop, onDelta = options.onDelta || noop;
  var onDone = options.onDone || noop, onError = options.onError || noop;

  if (!canChunk) return askOnce(request, options.baseUrl, body, onDone, onError);

  var assembler = new SSE.SSEAssembler();
  var conversationId = options.conversationId || null;
  var finished = false;

  function handle(event) {
    if (event.event === "meta") {
      conversationId = event.data.conversation_id || conversationId;
      onMeta(event.data);
    } else if (event.event === "delta") {
      onDelta(event.data.text || "");
    } else if (event.event === "done") {
      finished = true;
      onDone(event.data);
    } else if (event.event === "error") {
      finished = true;
      onError(event.data);
    }
  }

  var task = request({
    url: options.baseUrl + "/v1/chat/stream",
    method: "POST",
    header: { "content-type": "application/json", accept: "text/event-stream" },
    data: body,
    enableChunked: true,
    responseType: "arraybuffer",
    timeout: 60000,
    success: function (res) {
      if (res.statusCode >= 400) {
        finished = true;
        onError(decodeError(res.data, res.statusCode));
        return;
      }
      if (!finished) followUp(request, options.baseUrl, conversationId, onDone, onError, body);
    },
    fail: function (err) {
      // Timeouts and dropped connections: the answer may still be stored on the server.
      if (!finished) followUp(request, options.baseUrl, conversationId, onDone, onError, body, err);
    },
  });
  task.onChunkReceived(function (res) {
    assembler.feed(res.data).forEach(handle);
  });
  return task;
}

function followUp(request, baseUrl, conversationId, onDone, onError, body, err) {
  if (!conversationId) {
    // The stream failed before it said anything: ask again without streaming.
    return askOnce(request, baseUrl, body, onDone, onError);
  }
  request({
    url: baseUrl + "/v1/conversations/" + encodeURIComponent(conversationId),
    method: "GET",
    success: function (res) {
      var messages = (res.data && res.data.messages) || [];
      var last = messages[messages.length - 1];
      if (res.statusCode === 200 && last && last.role !== "user") onDone(Object.assign({ conversation_id: conversationId }, last));
      else onError({ code: "stream_incomplete", message: "回答还没有生成完，请稍后下拉刷新", detail: err || null });
    },
    fail: function (e) {
      onError({ code: "network", message: "网络不稳定，请稍后再试", detail: e });
    },
  });
}

function askOnce(request, baseUrl, body, onDone, onError) {
  return request({
    url: baseUrl + "/v1/chat",
    method: "POST",
    header: { "content-type": "application/json" },
    data: body,
    timeout: 60000,
    success: function (res) {
      if (res.statusCode === 200) onDone(res.data);
      else onError(decodeError(res.data, res.statusCode));
    },
    fail: function (e) {
      onError({ code: "network", message: "网络不稳定，请稍后再试", detail: e });
    },
  });
}

function decodeError(data, status) {
  if (data && typeof data === "object" && !(data instanceof ArrayBuffer) && data.message) return data;
  try {
    var text = new SSE.Utf8Decoder().decode(new Uint8Array(data));
    var parsed = JSON.parse(text);
    if (parsed && parsed.message) return parsed;
  } catch (e) {
    /* not JSON */
  }
  return { code: "http_" + status, message: "服务暂时不可用（" + status + "），请稍后再试" };
}

if (typeof module !== "undefined" && module.exports) module.exports = { askStreaming: askStreaming };
