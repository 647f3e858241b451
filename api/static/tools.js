/* 计算器 panel on the worker page: one tool at a time, a form built from the tool's JSON schema,
   fields pre-filled from the facts of the last chat answer (same names), the result with its
   formula and its articles as chips that open the article. Plain JavaScript, no build step. */
(function () {
  "use strict";

  var FACTS_KEY = "lawcloud.facts";
  var state = { tools: [], current: null, loaded: false };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function facts() {
    try { return JSON.parse(sessionStorage.getItem(FACTS_KEY) || "{}") || {}; } catch (e) { return {}; }
  }

  function load() {
    if (state.loaded) return Promise.resolve();
    return fetch("/v1/tools").then(function (r) { return r.json(); }).then(function (data) {
      state.tools = data.tools || [];
      state.loaded = true;
      var select = $("tool-select");
      select.innerHTML = "";
      state.tools.forEach(function (t) {
        var option = el("option", "", t.title);
        option.value = t.name;
        select.appendChild(option);
      });
      choose(select.value);
    });
  }

  function propType(prop) {
    var types = (prop.anyOf || [prop]).map(function (p) { return p; }).filter(function (p) { return p.type !== "null"; });
    var main = types[0] || {};
    return { type: main.type, format: main.format, choices: prop["x-choices"] || null, enumValues: main.enum || null,
      min: main.minimum !== undefined ? main.minimum : main.exclusiveMinimum, max: main.maximum };
  }

  function fieldInput(name, prop) {
    var t = propType(prop);
    var input;
    if (t.type === "boolean") {
      input = el("select");
      [["", "不清楚"], ["true", "是"], ["false", "否"]].forEach(function (pair) {
        var o = el("option", "", pair[1]); o.value = pair[0]; input.appendChild(o);
      });
    } else if (t.choices || t.enumValues) {
      input = el("select");
      var none = el("option", "", "不清楚"); none.value = ""; input.appendChild(none);
      var labels = t.choices || {};
      (t.enumValues || Object.keys(labels)).forEach(function (v) {
        var o = el("option", "", labels[v] || v); o.value = v; input.appendChild(o);
      });
    } else {
      input = el("input");
      if (t.type === "number" || t.type === "integer") {
        input.type = "number";
        input.inputMode = "decimal";
        input.step = t.type === "integer" ? "1" : "any";
        if (t.min !== undefined) input.min = t.min;
        if (t.max !== undefined) input.max = t.max;
      } else if (t.format === "date") {
        input.type = "date";
      } else {
        input.type = "text";
      }
    }
    input.name = name;
    input.id = "tool-field-" + name;
    input.setAttribute("data-kind", t.type || "string");
    return input;
  }

  function choose(name) {
    var tool = state.tools.filter(function (t) { return t.name === name; })[0];
    if (!tool) return;
    state.current = tool;
    $("tool-description").textContent = tool.description;
    var form = $("tool-fields");
    form.innerHTML = "";
    var schema = tool.input_schema || {};
    var props = schema.properties || {};
    var known = facts();
    Object.keys(props).forEach(function (name) {
      var prop = props[name];
      var row = el("div", "field");
      var label = el("label", "", prop.title || name);
      label.setAttribute("for", "tool-field-" + name);
      row.appendChild(label);
      var input = fieldInput(name, prop);
      if (known[name] !== undefined && known[name] !== null) {
        input.value = typeof known[name] === "boolean" ? String(known[name]) : known[name];
        row.classList.add("prefilled");
      }
      row.appendChild(input);
      if (prop.description) row.appendChild(el("small", "hint", prop.description));
      form.appendChild(row);
    });
    $("tool-result").innerHTML = "";
  }

  function values() {
    var out = {};
    Array.prototype.forEach.call($("tool-fields").querySelectorAll("input, select"), function (input) {
      var v = input.value;
      if (v === "" || v === null) return;
      var kind = input.getAttribute("data-kind");
      if (kind === "boolean") out[input.name] = v === "true";
      else if (kind === "number" || kind === "integer") out[input.name] = Number(v);
      else out[input.name] = v;
    });
    return out;
  }

  function articleChip(a) {
    var chip = el("button", "chip", a.citation);
    chip.type = "button";
    chip.setAttribute("data-law", a.law);
    chip.setAttribute("data-article", a.article);
    chip.addEventListener("click", function () { openArticle(a); });
    return chip;
  }

  function openArticle(a) {
    fetch(a.url).then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); }).then(function (res) {
      var modal = $("modal");
      if (!res.ok) { $("modal-title").textContent = "找不到这条法条"; $("modal-meta").textContent = ""; $("modal-body").textContent = res.d.message || ""; modal.hidden = false; return; }
      var d = res.d;
      $("modal-title").textContent = "《" + (d.title || d.law) + "》" + d.label;
      $("modal-meta").textContent = ["效力：" + d.validity + (d.validity_note ? "（" + d.validity_note + "）" : ""), d.version_date ? "版本：" + d.version_date : "", d.level || ""]
        .filter(Boolean).join(" · ");
      $("modal-body").textContent = d.text;
      modal.hidden = false;
      $("modal-close").focus();
    });
  }

  function list(title, items, cls) {
    if (!items || !items.length) return null;
    var box = el("div", "block " + (cls || ""));
    box.appendChild(el("h3", "", title));
    var ul = el("ul");
    items.forEach(function (text) { ul.appendChild(el("li", "", text)); });
    box.appendChild(ul);
    return box;
  }

  function render(result) {
    var out = $("tool-result");
    out.innerHTML = "";
    out.appendChild(el("p", "summary", result.summary));
    [
      list("计算过程", result.formula, "formula"),
      list("还需要", (result.missing || []).map(function (m) { return m.label + (m.reason ? "（" + m.reason + "）" : ""); }), "missing"),
      list("假设", result.assumptions, "assumptions"),
      list("数据来源", (result.data_used || []).map(function (d) { return d.label + " " + d.value + " " + d.unit + "（" + d.source + (d.verified ? "" : "；" + (d.note || "系统没有收录这份文件的原文、未逐字核对，以当地经办机构核定的为准")) + "）"; }), "data"),
      list("提示", result.notes, "notes"),
    ].forEach(function (block) { if (block) out.appendChild(block); });
    if (result.articles && result.articles.length) {
      out.appendChild(el("h3", "", "依据的条文"));
      var chips = el("div", "chips tool-articles");
      result.articles.forEach(function (a) { chips.appendChild(articleChip(a)); });
      out.appendChild(chips);
    }
    if (result.see_lawyer) out.appendChild(el("div", "badge", "建议尽快找工会律师：点下面的“找律师 / 转人工”，或拨打 12351"));
  }

  function compute(event) {
    event.preventDefault();
    var tool = state.current;
    if (!tool) return;
    var out = $("tool-result");
    out.innerHTML = "";
    fetch("/v1/tools/" + encodeURIComponent(tool.name), {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(values()),
    }).then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); }).then(function (res) {
      if (!res.ok) { out.appendChild(el("p", "error", res.d.message || "计算失败")); return; }
      render(res.d);
    }).catch(function () { out.appendChild(el("p", "error", "网络不稳定，请稍后再试")); });
  }

  function documentBody() {
    var body = facts();
    var own = values();
    Object.keys(own).forEach(function (k) { body[k] = own[k]; });
    return body;
  }

  function draft(format) {
    var note = $("doc-status");
    note.textContent = "正在生成…";
    var url = "/v1/documents/arbitration" + (format === "html" ? "/html" : "");
    fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(documentBody()) })
      .then(function (r) {
        if (!r.ok) return r.json().then(function (d) { note.textContent = d.message || "生成失败"; });
        return r.blob().then(function (blob) {
          var link = URL.createObjectURL(blob);
          if (format === "html") {
            window.open(link, "_blank");
          } else {
            var a = el("a");
            a.href = link;
            a.download = "劳动仲裁申请书（草稿）.docx";
            document.body.appendChild(a);
            a.click();
            a.remove();
          }
          note.textContent = "已生成草稿：【待填写】的地方请补全，提交前请核对修改。系统不会保存或发送它。";
        });
      })
      .catch(function () { note.textContent = "网络不稳定，请稍后再试"; });
  }

  function toggle() {
    var panel = $("tools-panel");
    panel.hidden = !panel.hidden;
    $("open-tools").setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden) load().then(function () { panel.scrollIntoView({ block: "start" }); });
  }

  function init() {
    if (!$("tools-panel")) return;
    $("open-tools").addEventListener("click", toggle);
    $("close-tools").addEventListener("click", toggle);
    $("tool-select").addEventListener("change", function (e) { choose(e.target.value); });
    $("tool-form").addEventListener("submit", compute);
    $("doc-docx").addEventListener("click", function () { draft("docx"); });
    $("doc-html").addEventListener("click", function () { draft("html"); });
    // A new answer brought facts: refill the open form (the worker's own edits are kept only until then).
    window.addEventListener("lawcloud:facts", function () { if (state.current && !$("tools-panel").hidden) choose(state.current.name); });
  }

  init();
})();
