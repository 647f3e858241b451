/* Worker chat page: plain JavaScript, no build step, no external resources. */
(function () {
  "use strict";

  var STARTERS = [
    ["欠薪", ["老板三个月没发工资了，我该怎么办？", "在工地干活，包工头跑路了，工钱找谁要？"]],
    ["工伤", ["上班路上被车撞了，算工伤吗？"]],
    ["没签合同", ["干了半年公司一直不签劳动合同，能要赔偿吗？"]],
    ["被辞退", ["公司突然说不用来了，能要补偿吗？"]],
    ["社保", ["公司不给交社保，我能怎么办？"]],
    ["骑手/平台", ["我是外卖骑手，送餐时摔伤了，平台管不管？"]],
  ];

  var state = {
    conversationId: sessionStorage.getItem("lawcloud.conversation") || null,
    ticket: JSON.parse(sessionStorage.getItem("lawcloud.ticket") || "null"),
    busy: false,
    seenMessages: {},
  };

  var $ = function (id) { return document.getElementById(id); };
  var messages = $("messages");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* A small, safe Markdown subset: headings, bold, lists, paragraphs. Input is escaped first. */
  function renderMarkdown(md) {
    var lines = escapeHtml(md || "").split("\n");
    var html = [], list = null;
    function closeList() { if (list) { html.push("</" + list + ">"); list = null; } }
    lines.forEach(function (line) {
      var inline = line.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");
      var m;
      if ((m = /^#{1,6}\s+(.*)$/.exec(inline))) { closeList(); html.push("<h3>" + m[1] + "</h3>"); }
      else if ((m = /^\s*[-*]\s+(.*)$/.exec(inline))) { if (list !== "ul") { closeList(); html.push("<ul>"); list = "ul"; } html.push("<li>" + m[1] + "</li>"); }
      else if ((m = /^\s*\d+[.)、]\s*(.*)$/.exec(inline))) { if (list !== "ol") { closeList(); html.push("<ol>"); list = "ol"; } html.push("<li>" + m[1] + "</li>"); }
      else if (/^&gt;\s?/.test(inline)) { closeList(); html.push("<p class=\"quote\">" + inline.replace(/^&gt;\s?/, "") + "</p>"); }
      else if (inline.trim() === "") { closeList(); }
      else { closeList(); html.push("<p>" + inline + "</p>"); }
    });
    closeList();
    return html.join("");
  }

  function scrollDown() { window.scrollTo(0, document.body.scrollHeight); }

  function addUserMessage(text) {
    var box = el("div", "msg user");
    box.appendChild(el("div", "who", "我"));
    box.appendChild(el("div", "text", text));
    messages.appendChild(box);
    scrollDown();
  }

  function addAssistantShell() {
    var box = el("div", "msg assistant");
    box.appendChild(el("div", "who", "法务云助手"));
    var body = el("div", "text typing");
    box.appendChild(body);
    messages.appendChild(box);
    scrollDown();
    return { box: box, body: body, text: "" };
  }

  function articleChip(c) {
    var chip = el("button", "chip", "《" + (c.law || c.title) + "》" + (c.label || ""));
    chip.type = "button";
    chip.setAttribute("data-law", c.law);
    chip.setAttribute("data-article", c.article);
    chip.addEventListener("click", function () { openArticle(c); });
    return chip;
  }

  function caseChip(c) {
    var chip = el("button", "chip case", "案例：" + (c.title || ""));
    chip.type = "button";
    chip.addEventListener("click", function () {
      openModal(c.title, [c.label, c.version_date].filter(Boolean).join(" · "), c.text || c.summary || "");
    });
    return chip;
  }

  function renderCitations(shell, citations) {
    var old = shell.box.querySelector(".chips.citations");
    if (old) old.remove();
    if (!citations || !citations.length) return;
    var chips = el("div", "chips citations");
    citations.forEach(function (c) { chips.appendChild(articleChip(c)); });
    shell.box.appendChild(chips);
  }

  function renderFinal(shell, data) {
    shell.body.classList.remove("typing");
    shell.body.innerHTML = renderMarkdown(data.answer || data.content || shell.text);
    renderCitations(shell, data.citations);
    if (data.cases && data.cases.length) {
      var cases = el("div", "chips cases");
      data.cases.forEach(function (c) { cases.appendChild(caseChip(c)); });
      shell.box.appendChild(cases);
    }
    if (data.escalation && data.escalation.suggested) {
      shell.box.appendChild(el("div", "badge", "建议转工会律师：" + (data.escalation.reasons || []).map(function (r) { return r.message || r; }).join("；")));
    }
    if (data.facts) {
      // The worker's facts (fact names = the tools' field names) pre-fill the 计算器 panel (tools.js).
      try { sessionStorage.setItem("lawcloud.facts", JSON.stringify(data.facts)); } catch (e) { /* private mode */ }
      window.dispatchEvent(new CustomEvent("lawcloud:facts", { detail: data.facts }));
    }
    if (data.message_id) addFeedback(shell.box, data.message_id);
    if (data.conversation_id) setConversation(data.conversation_id);
    if (data.ticket) {
      // The escalation policy handed this conversation to a union lawyer.
      state.ticket = data.ticket;
      sessionStorage.setItem("lawcloud.ticket", JSON.stringify(data.ticket));
      renderTicket();
    }
    if (data.message_id) state.seenMessages[data.message_id] = true;
    scrollDown();
  }

  function addFeedback(box, messageId) {
    var bar = el("div", "feedback");
    bar.appendChild(el("span", "", "这个回答有帮助吗？"));
    [["有用", true], ["没用", false]].forEach(function (pair) {
      var b = el("button", "", pair[0]);
      b.type = "button";
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", function () {
        fetch("/v1/messages/" + encodeURIComponent(messageId) + "/feedback", {
          method: "POST", headers: { "content-type": "application/json" },
          body: JSON.stringify({ helpful: pair[1] }),
        }).then(function (r) {
          if (r.ok) {
            bar.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
            b.setAttribute("aria-pressed", "true");
          }
        });
      });
      bar.appendChild(b);
    });
    box.appendChild(bar);
  }

  function setConversation(id) {
    state.conversationId = id;
    sessionStorage.setItem("lawcloud.conversation", id);
  }

  function showError(shell, message) {
    shell.body.classList.remove("typing");
    shell.body.appendChild(el("p", "error", message));
  }

  function ask(question) {
    if (state.busy) return;
    state.busy = true;
    $("send").disabled = true;
    $("welcome").hidden = true;
    addUserMessage(question);
    var shell = addAssistantShell();
    var body = { question: question };
    if (state.conversationId) body.conversation_id = state.conversationId;
    streamAnswer(body, shell)
      .catch(function () { return fallback(body, shell); })
      .then(function () { state.busy = false; $("send").disabled = false; });
  }

  function streamAnswer(body, shell) {
    if (!window.ReadableStream || !window.TextEncoder) return Promise.reject(new Error("no streaming"));
    return fetch("/v1/chat/stream", {
      method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream" }, body: JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (err) { showError(shell, err.message || "服务暂时不可用"); shell.failed = true; },
          function () { throw new Error("http " + response.status); });
      }
      var reader = response.body.getReader();
      var sse = new window.LawcloudSSE.SSEAssembler();
      var done = false;
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            if (!done) throw new Error("stream ended early");
            return;
          }
          sse.feed(chunk.value).forEach(function (event) {
            if (event.event === "meta") {
              if (event.data.conversation_id) setConversation(event.data.conversation_id);
              renderCitations(shell, event.data.citations);
            } else if (event.event === "delta") {
              shell.text += event.data.text || "";
              shell.body.textContent = shell.text;
            } else if (event.event === "done") {
              done = true;
              renderFinal(shell, event.data);
            } else if (event.event === "error") {
              done = true;
              showError(shell, (event.data && event.data.message) || "出错了，请稍后再试");
            }
          });
          return pump();
        });
      }
      return pump();
    });
  }

  function fallback(body, shell) {
    if (shell.failed) return Promise.resolve();
    // A stream cut off after it started: the answer is stored with the conversation.
    if (shell.text && state.conversationId) {
      return fetch("/v1/conversations/" + encodeURIComponent(state.conversationId)).then(function (r) { return r.json(); })
        .then(function (conv) {
          var last = (conv.messages || []).filter(function (m) { return m.role === "assistant"; }).pop();
          if (last) renderFinal(shell, last); else showError(shell, "回答还没有生成完，请稍后刷新");
        }).catch(function () { showError(shell, "网络不稳定，请稍后再试"); });
    }
    return fetch("/v1/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .then(function (res) { if (res.ok) renderFinal(shell, res.data); else showError(shell, res.data.message || "出错了"); })
      .catch(function () { showError(shell, "网络不稳定，请稍后再试"); });
  }

  function openModal(title, meta, text) {
    $("modal-title").textContent = title;
    $("modal-meta").textContent = meta || "";
    $("modal-body").textContent = text || "";
    $("modal").hidden = false;
    $("modal-close").focus();
  }

  function openArticle(c) {
    var url = "/v1/articles/" + encodeURIComponent(c.law) + "/" + encodeURIComponent(c.article) + (c.sub ? "?sub=" + c.sub : "");
    fetch(url).then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); }).then(function (res) {
      if (!res.ok) { openModal("找不到这条法条", "", res.d.message || ""); return; }
      var a = res.d;
      var meta = ["效力：" + a.validity + (a.validity_note ? "（" + a.validity_note + "）" : ""), a.version_date ? "版本：" + a.version_date : "", a.level || "", a.chapter || ""]
        .filter(Boolean).join(" · ");
      openModal("《" + (a.title || a.law) + "》" + a.label, meta, a.text);
    });
  }

  function escalate() {
    if (!state.conversationId) {
      addUserMessage("转人工");
      var shell = addAssistantShell();
      showError(shell, "请先用一两句话说明您遇到的问题，然后再点“找律师”，律师才能看到您的情况。");
      return;
    }
    $("escalate").disabled = true;
    fetch("/v1/conversations/" + encodeURIComponent(state.conversationId) + "/escalate", {
      method: "POST", headers: { "content-type": "application/json", "Idempotency-Key": "page-" + state.conversationId },
      body: JSON.stringify({}),
    }).then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); }).then(function (res) {
      $("escalate").disabled = false;
      if (!res.ok) { alert(res.d.message || "转人工失败，请拨打 12351"); return; }
      state.ticket = res.d;
      sessionStorage.setItem("lawcloud.ticket", JSON.stringify(res.d));
      renderTicket();
      poll();
    }).catch(function () { $("escalate").disabled = false; alert("网络不稳定，请稍后再试，或拨打 12351"); });
  }

  function renderTicket() {
    var t = state.ticket;
    if (!t) return;
    var box = $("ticket");
    box.hidden = false;
    box.innerHTML = "";
    box.appendChild(el("h2", "", "已转工会律师"));
    box.appendChild(el("p", "", "工单号：" + (t.number || t.ticket_number || t.id) + "　状态：" + (t.status_text || t.status || "等待律师处理")));
    if (t.expected_response) box.appendChild(el("p", "", t.expected_response));
    box.appendChild(el("p", "", t.notice || "律师回复后会显示在对话里。着急可以拨打工会服务热线 12351，或法律援助热线 12348。"));
  }

  function poll() {
    if (!state.conversationId) return;
    fetch("/v1/conversations/" + encodeURIComponent(state.conversationId)).then(function (r) { return r.ok ? r.json() : null; }).then(function (conv) {
      if (!conv) return;
      (conv.messages || []).forEach(function (m) {
        if (m.role === "lawyer" && !state.seenMessages[m.message_id || m.id]) {
          state.seenMessages[m.message_id || m.id] = true;
          var box = el("div", "msg lawyer");
          box.appendChild(el("div", "who", "工会律师" + (m.lawyer || m.author ? "（" + (m.lawyer || m.author) + "）" : "")));
          var body = el("div", "text");
          body.innerHTML = renderMarkdown(m.content || m.answer);
          box.appendChild(body);
          if (m.citations && m.citations.length) {
            var chips = el("div", "chips");
            m.citations.forEach(function (c) { chips.appendChild(articleChip(c)); });
            box.appendChild(chips);
          }
          messages.appendChild(box);
          scrollDown();
          if (state.ticket) { state.ticket.status = "answered"; state.ticket.status_text = "律师已回复"; renderTicket(); }
        }
      });
    }).catch(function () {});
  }

  function init() {
    var starters = $("starters");
    STARTERS.forEach(function (pair) {
      starters.appendChild(el("div", "topic", pair[0]));
      pair[1].forEach(function (q) {
        var b = el("button", "", q);
        b.type = "button";
        b.addEventListener("click", function () { ask(q); });
        starters.appendChild(b);
      });
    });
    $("ask-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var q = $("question").value.trim();
      if (!q) return;
      $("question").value = "";
      ask(q);
    });
    $("question").addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("ask-form").requestSubmit();
    });
    $("escalate").addEventListener("click", escalate);
    $("modal-close").addEventListener("click", function () { $("modal").hidden = true; });
    $("modal").addEventListener("click", function (e) { if (e.target === $("modal")) $("modal").hidden = true; });
    renderTicket();
    // Lawyer replies arrive in the conversation; polling is cheap and survives mini-browsers.
    setInterval(poll, 8000);
  }

  init();
})();
