/*
 * Server-sent-event assembly from raw byte chunks, shared by the web page and the WeChat
 * mini-program reference client. Chunk boundaries can fall anywhere: inside an event, inside a
 * line, even inside a multi-byte UTF-8 character. TextDecoder is missing on some phones, so UTF-8
 * is decoded here incrementally.
 */
(function (root) {
  "use strict";

  function Utf8Decoder() {
    this.pending = []; // bytes of an incomplete character carried to the next chunk
  }

  Utf8Decoder.prototype.decode = function (bytes) {
    var input = this.pending.concat(Array.prototype.slice.call(bytes));
    var out = "";
    var i = 0;
    while (i < input.length) {
      var b = input[i];
      var need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (i + need > input.length) break; // wait for the rest of this character
      var cp;
      if (need === 1) cp = b < 0x80 ? b : 0xfffd;
      else if (need === 2) cp = ((b & 0x1f) << 6) | (input[i + 1] & 0x3f);
      else if (need === 3) cp = ((b & 0x0f) << 12) | ((input[i + 1] & 0x3f) << 6) | (input[i + 2] & 0x3f);
      else cp = ((b & 0x07) << 18) | ((input[i + 1] & 0x3f) << 12) | ((input[i + 2] & 0x3f) << 6) | (input[i + 3] & 0x3f);
      out += String.fromCodePoint(cp);
      i += need;
    }
    this.pending = input.slice(i);
    return out;
  };

  /** Feed byte chunks (ArrayBuffer or Uint8Array) or strings; get back complete events. */
  function SSEAssembler() {
    this.decoder = new Utf8Decoder();
    this.buffer = "";
  }

  SSEAssembler.prototype.feed = function (chunk) {
    var text = typeof chunk === "string" ? chunk : this.decoder.decode(new Uint8Array(chunk));
    this.buffer += text.replace(/\r\n?/g, "\n");
    var events = [];
    var boundary;
    while ((boundary = this.buffer.indexOf("\n\n")) !== -1) {
      var block = this.buffer.slice(0, boundary);
      this.buffer = this.buffer.slice(boundary + 2);
      var event = parseBlock(block);
      if (event) events.push(event);
    }
    return events;
  };

  function parseBlock(block) {
    var name = "message";
    var data = [];
    var id = null;
    var lines = block.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (line === "" || line.charAt(0) === ":") continue; // comments are keep-alive pings
      var colon = line.indexOf(":");
      var field = colon === -1 ? line : line.slice(0, colon);
      var value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") name = value;
      else if (field === "data") data.push(value);
      else if (field === "id") id = value;
    }
    if (!data.length) return null;
    var raw = data.join("\n");
    var parsed = raw;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      /* plain-text data stays a string */
    }
    return { event: name, data: parsed, id: id };
  }

  var api = { SSEAssembler: SSEAssembler, Utf8Decoder: Utf8Decoder };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.LawcloudSSE = api;
})(typeof self !== "undefined" ? self : this);
