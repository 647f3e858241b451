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
 *
 *   const { escalate, statusText } = require("./lawcloud-client.js");
 *   escalate({ baseUrl, conversationId, contact: { phone: "13800138000" }, onDone, onError });
 *
 * escalate() is the 找律师 / 转人工 button: it opens the ticket (or adds the contact details to the
 * open one) after checking them as the API does; statusText() words a ticket's status for the worker.
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

// --- asking for a union lawyer (找律师 / 转人工) ---------------------------------------------------

// The ticket's status in the worker's words (the API also sends status_text).
var STATUS_TEXT = {
  pending: "等待律师接单",
  claimed: "律师已接单，正在处理",
  answered: "律师已答复",
  closed: "已办结",
  reopened: "已重新提交，等待律师处理",
};

// The API's rule for contact.phone (api/ticket_schemas.py PHONE_PATTERN).
var PHONE = /^\+?[0-9][0-9\-\s]{3,28}[0-9]$/;
var LIMITS = { name: ["称呼", 50], wechat: ["微信号", 50], preferred_time: ["方便联系的时间", 50] };

function statusText(ticket) {
  return (ticket && (ticket.status_text || STATUS_TEXT[ticket.status])) || "等待律师处理";
}

function halfWidth(text) {
  return String(text || "").replace(/[\uff01-\uff5e]/g, function (c) {
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  }).replace(/\u3000/g, " ");
}

/*
 * What the worker typed into the hand-off form as the API's `contact` object: blank fields left
 * out, null when nothing was given; {error, field} (a Chinese message) when the API would refuse it.
 * The contact form is the only way a number reaches the lawyer: one typed into the chat is hidden.
 */
function validateContact(form) {
  var contact = {};
  var phone = halfWidth(form && form.phone).trim();
  if (phone) {
    if (!PHONE.test(phone)) {
      return { error: "电话号码格式不对：只能填数字（可以带 +、- 和空格），例如 13800138000 或 0755-12345678。", field: "phone" };
    }
    contact.phone = phone;
  }
  for (var key in LIMITS) {
    var value = String((form && form[key]) || "").trim();
    if (!value) continue;
    if (value.length > LIMITS[key][1]) return { error: LIMITS[key][0] + "最多 " + LIMITS[key][1] + " 个字。", field: key };
    contact[key] = value;
  }
  return { contact: Object.keys(contact).length ? contact : null };
}

/*
 * escalate({baseUrl, conversationId, contact?: {phone?, wechat?, name?, preferred_time?}, request?,
 *           onDone(ticket), onError({code, message, field?})})
 * Opens the conversation's ticket, or adds the contact details to the open one. The button that
 * calls it should read 「找律师 / 转人工」: the safety block the server sends names that button.
 */
function escalate(options) {
  var request = options.request || (typeof wx !== "undefined" ? wx.request : null);
  var onDone = options.onDone || function () {};
  var onError = options.onError || function () {};
  var checked = validateContact(options.contact);
  if (checked.error) return onError({ code: "invalid_format", message: checked.error, field: checked.field });
  var body = checked.contact ? { contact: checked.contact } : {};
  var text = JSON.stringify(body);
  return request({
    url: options.baseUrl + "/v1/conversations/" + encodeURIComponent(options.conversationId) + "/escalate",
    method: "POST",
    // The same form sent again (a retry after a dropped connection) returns the same ticket.
    header: { "content-type": "application/json", "Idempotency-Key": "mp-" + options.conversationId + "-" + hash(text) },
    data: body,
    timeout: 30000,
    success: function (res) {
      if (res.statusCode === 200 || res.statusCode === 201) onDone(res.data);
      else onError(decodeError(res.data, res.statusCode));
    },
    fail: function (e) {
      onError({ code: "network", message: "网络不稳定，请稍后再试，或拨打 12351", detail: e });
    },
  });
}

function hash(text) {
  var h = 5381;
  for (var i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(16);
}

if (typeof module !== "undefined" && module.exports) {
  module.exports = {
    askStreaming: askStreaming,
    escalate: escalate,
    validateContact: validateContact,
    statusText: statusText,
    STATUS_TEXT: STATUS_TEXT,
  };
}
