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

  // The ticket's status in the worker's words; the API sends status_text too, this covers a ticket
  // stored by an older page and a status the page learns before the API says it in words.
  var STATUS_TEXT = {
    pending: "等待律师接单",
    claimed: "律师已接单，正在处理",
    answered: "律师已答复",
    closed: "已办结",
    reopened: "已重新提交，等待律师处理",
  };

  // The same rule as the API's contact.phone (api/ticket_schemas.py PHONE_PATTERN).
  var PHONE = /^\+?[0-9][0-9\-\s]{3,28}[0-9]$/;
  // A mainland mobile number typed into the chat (spaces and hyphens inside allowed).
  var MOBILE_IN_TEXT = /(?:^|[^0-9])(1[3-9][0-9](?:[\s-]?[0-9]){8})(?![0-9])/;

  var state = {
    conversationId: sessionStorage.getItem("lawcloud.conversation") || null,
    ticket: JSON.parse(sessionStorage.getItem("lawcloud.ticket") || "null"),
    // What the worker left for the lawyer, masked, to show it was received (never the number itself).
    contactShown: sessionStorage.getItem("lawcloud.contact") || "",
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
    var typedNumber = mobileIn(question);
    streamAnswer(body, shell)
      .catch(function () { return fallback(body, shell); })
      .then(function () {
        state.busy = false;
        $("send").disabled = false;
        if (typedNumber) addNumberNote(shell, typedNumber);
      });
  }

  function halfWidth(text) {
    // Chinese keyboards often type full-width digits and signs (１３８, －, ＋, the ideographic space).
    return String(text || "").replace(/[\uff01-\uff5e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).replace(/\u3000/g, " ");
  }

  function mobileIn(text) {
    var m = MOBILE_IN_TEXT.exec(halfWidth(text));
    return m ? m[1].replace(/[\s-]/g, "") : "";
  }

  // A number sent in the chat is hidden before it is stored (PIPL): say so, and offer the form that
  // does reach the lawyer, filled in with that number on this phone only.
  function addNumberNote(shell, number) {
    var note = el("div", "note");
    note.appendChild(el("p", "", "您在对话里发的电话号码会被自动隐藏，律师看不到。想让律师打电话联系您，请点「找律师 / 转人工」，在那里留下电话。"));
    var b = el("button", "", "在这里留电话给律师");
    b.type = "button";
    b.addEventListener("click", function () { openHandoff({ phone: number }); });
    note.appendChild(b);
    shell.box.appendChild(note);
    scrollDown();
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
    openHandoff({});
  }

  function openHandoff(prefill) {
    if (!state.conversationId) { escalate(); return; }
    var box = $("handoff");
    box.hidden = false;
    if (prefill.phone) $("contact-phone").value = prefill.phone;
    var open = state.ticket && ["pending", "claimed", "reopened"].indexOf(state.ticket.status) >= 0;
    $("handoff-submit").textContent = open ? "提交联系方式" : "提交，转给律师";
    clearHandoffError();
    $("contact-phone").focus();
  }

  function closeHandoff() {
    $("handoff").hidden = true;
    clearHandoffError();
  }

  function clearHandoffError() {
    $("handoff-error").hidden = true;
    $("handoff-error").textContent = "";
    ["contact-phone", "contact-wechat", "contact-name", "contact-time"].forEach(function (id) {
      $(id).removeAttribute("aria-invalid");
    });
  }

  function handoffError(message, fieldId) {
    $("handoff-error").textContent = message;
    $("handoff-error").hidden = false;
    if (fieldId) { $(fieldId).setAttribute("aria-invalid", "true"); $(fieldId).focus(); }
  }

  // The form as the API's contact object: blank fields left out; null when nothing was given.
  // Returns {error, field} when a field would be refused, in the words the worker reads.
  function readContact() {
    var phone = halfWidth($("contact-phone").value).trim();
    var contact = {
      phone: phone,
      wechat: $("contact-wechat").value.trim(),
      name: $("contact-name").value.trim(),
      preferred_time: $("contact-time").value.trim(),
    };
    if (phone && !PHONE.test(phone)) {
      return { error: "电话号码格式不对：只能填数字（可以带 +、- 和空格），例如 13800138000 或 0755-12345678。", field: "contact-phone" };
    }
    var limits = [["wechat", 50, "微信号", "contact-wechat"], ["name", 50, "称呼", "contact-name"], ["preferred_time", 50, "方便联系的时间", "contact-time"]];
    for (var i = 0; i < limits.length; i++) {
      if (contact[limits[i][0]].length > limits[i][1]) {
        return { error: limits[i][2] + "最多 " + limits[i][1] + " 个字。", field: limits[i][3] };
      }
    }
    Object.keys(contact).forEach(function (k) { if (!contact[k]) delete contact[k]; });
    return { contact: Object.keys(contact).length ? contact : null };
  }

  function maskedContact(contact) {
    if (!contact) return "";
    var parts = [];
    if (contact.phone) {
      var digits = contact.phone.replace(/\D/g, "");
      parts.push("电话 " + (digits.length >= 7 ? digits.slice(0, 3) + "****" + digits.slice(-4) : "已填"));
    }
    if (contact.wechat) parts.push("微信 已填");
    return parts.join("，");
  }

  // Same form, same key: a retry after a dropped connection returns the ticket it opened; another
  // contact is another request (the API refuses one key for two different bodies).
  function requestKey(text) {
    var h = 5381;
    for (var i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
    return "page-" + state.conversationId + "-" + h.toString(16);
  }

  function submitHandoff(e) {
    e.preventDefault();
    clearHandoffError();
    var read = readContact();
    if (read.error) { handoffError(read.error, read.field); return; }
    var body = read.contact ? { contact: read.contact } : {};
    var text = JSON.stringify(body);
    $("handoff-submit").disabled = true;
    fetch("/v1/conversations/" + encodeURIComponent(state.conversationId) + "/escalate", {
      method: "POST", headers: { "content-type": "application/json", "Idempotency-Key": requestKey(text) }, body: text,
    }).then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); }).then(function (res) {
      $("handoff-submit").disabled = false;
      if (!res.ok) {
        // The API's message names the field (电话（contact.phone）应为电话号码…).
        handoffError(res.d.message || "提交失败，请稍后再试，或拨打 12351", /phone/.test(res.d.message || "") ? "contact-phone" : null);
        return;
      }
      if (read.contact) {
        state.contactShown = maskedContact(read.contact) || "已留";
        sessionStorage.setItem("lawcloud.contact", state.contactShown);
      }
      state.ticket = res.d;
      sessionStorage.setItem("lawcloud.ticket", JSON.stringify(res.d));
      closeHandoff();
      renderTicket();
      $("ticket").scrollIntoView({ block: "center" });
      poll();
    }).catch(function () {
      $("handoff-submit").disabled = false;
      handoffError("网络不稳定，请稍后再试，或拨打 12351");
    });
  }

  function statusText(t) {
    return t.status_text || STATUS_TEXT[t.status] || "等待律师处理";
  }

  function renderTicket() {
    var t = state.ticket;
    if (!t) return;
    var box = $("ticket");
    box.hidden = false;
    box.innerHTML = "";
    box.appendChild(el("h2", "", "已转工会律师"));
    box.appendChild(el("p", "", "工单号：" + (t.number || t.ticket_number || t.id)));
    box.appendChild(el("p", "status", "状态：" + statusText(t)));
    if (t.expected_response) box.appendChild(el("p", "", t.expected_response));
    box.appendChild(el("p", "", t.notice || "律师回复后会显示在对话里。着急可以拨打工会服务热线 12351，或法律援助热线 12348。"));
    // Contact details join an open ticket; after the answer, 找律师 opens a new one.
    if (["pending", "claimed", "reopened"].indexOf(t.status) < 0) return;
    var given = t.contact_given || state.contactShown;
    box.appendChild(el("p", "contact-state", given
      ? "已留联系方式" + (state.contactShown && state.contactShown !== "已留" ? "：" + state.contactShown : "") + "，律师可以直接联系您。"
      : "您还没有留联系方式。想让律师直接打电话或加微信联系您，请点下面的按钮。"));
    var b = el("button", given ? "" : "primary", given ? "修改联系方式" : "留下电话或微信");
    b.type = "button";
    b.id = "ticket-contact";
    b.addEventListener("click", function () { openHandoff({}); });
    box.appendChild(b);
  }

  // The ticket's own status (claimed, answered, reopened …) with the token the worker was given.
  function refreshTicket() {
    var t = state.ticket;
    if (!t || !t.id || !t.token) return Promise.resolve();
    return fetch("/v1/tickets/" + encodeURIComponent(t.id), { headers: { "X-Ticket-Token": t.token } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (view) {
        if (!view || !state.ticket || state.ticket.id !== view.id) return;
        var changed = view.status !== state.ticket.status || view.contact_given !== state.ticket.contact_given;
        ["status", "status_text", "notice", "contact_given", "expected_by"].forEach(function (k) { state.ticket[k] = view[k]; });
        sessionStorage.setItem("lawcloud.ticket", JSON.stringify(state.ticket));
        if (changed) renderTicket();
      }).catch(function () {});
  }

  function poll() {
    if (!state.conversationId) return;
    refreshTicket();
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
          if (state.ticket) { state.ticket.status = "answered"; state.ticket.status_text = STATUS_TEXT.answered; renderTicket(); }
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
    $("handoff-form").addEventListener("submit", submitHandoff);
    $("handoff-cancel").addEventListener("click", closeHandoff);
    $("handoff").addEventListener("click", function (e) { if (e.target === $("handoff")) closeHandoff(); });
    $("modal-close").addEventListener("click", function () { $("modal").hidden = true; });
    $("modal").addEventListener("click", function (e) { if (e.target === $("modal")) $("modal").hidden = true; });
    renderTicket();
    // Lawyer replies arrive in the conversation; polling is cheap and survives mini-browsers.
    setInterval(poll, 8000);
  }

  init();
})();
