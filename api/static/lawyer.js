// The lawyers' review page: sign in with a token, the queue with deadline badges, a ticket with the
// question, the AI draft and its cited articles side by side, then claim, edit, save, send, close.
// Every piece of text from the API goes through textContent: nothing is rendered as HTML.
(function () {
  "use strict";

  // A ticket's status is shown in the API's status_text: the same words the worker reads for it.
  var PRIORITY = { urgent: "紧急", high: "高", normal: "普通" };
  // The worker's contact fields (POST /v1/conversations/{id}/escalate), in the order a caller needs them.
  var CONTACT = { phone: "电话", wechat: "微信", name: "称呼", preferred_time: "方便联系的时间" };
  var state = { token: sessionStorage.getItem("lawcloud.lawyer") || "", me: null, ticket: null, current: null };

  function $(id) { return document.getElementById(id); }

  // Deadlines and history in China time whatever the reviewer's computer is set to, as the workers
  // and the CLI see them.
  function chinaTime(iso) {
    return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) + "（北京时间）";
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function api(method, path, body) {
    var headers = { Authorization: "Bearer " + state.token };
    if (body !== undefined) headers["content-type"] = "application/json";
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (d) {
          if (r.status === 401) signOut("令牌无效或已停用，请重新登录");
          return { ok: r.ok, status: r.status, d: d };
        });
      });
  }

  function say(text, kind) {
    var m = $("message");
    m.textContent = text || "";
    m.className = "message" + (kind ? " " + kind : "");
  }

  // --- deadlines --------------------------------------------------------------------------

  function span(seconds) {
    var s = Math.abs(seconds);
    if (s < 3600) return Math.max(1, Math.round(s / 60)) + " 分钟";
    if (s < 86400) return Math.round(s / 360) / 10 + " 小时";
    return Math.round(s / 8640) / 10 + " 天";
  }

  function deadlineBadge(t) {
    var b = el("span", "badge");
    if (t.seconds_left === null || t.seconds_left === undefined) {
      b.className += " none";
      b.textContent = "无截止";
      return b;
    }
    var what = t.status === "claimed" ? "答复" : "认领";
    if (t.overdue) {
      b.className += " late";
      b.textContent = what + "已超时 " + span(t.seconds_left);
    } else {
      b.className += t.seconds_left < 3 * 3600 ? " soon" : " ok";
      b.textContent = what + "剩 " + span(t.seconds_left);
    }
    b.title = what + "截止：" + chinaTime(t.due_at);
    return b;
  }

  // --- sign in ----------------------------------------------------------------------------

  function signIn(token) {
    state.token = token;
    return api("GET", "/v1/lawyer/me").then(function (res) {
      if (!res.ok) {
        $("signin-error").hidden = false;
        $("signin-error").textContent = res.d.message || "登录失败";
        state.token = "";
        return;
      }
      sessionStorage.setItem("lawcloud.lawyer", token);
      state.me = res.d;
      $("who-name").textContent = res.d.name + (res.d.role === "admin" ? "（管理员）" : "（律师）");
      $("who").hidden = false;
      $("signin").hidden = true;
      $("desk").hidden = false;
      loadQueue();
    });
  }

  function signOut(message) {
    sessionStorage.removeItem("lawcloud.lawyer");
    state.token = "";
    state.me = null;
    $("desk").hidden = true;
    $("who").hidden = true;
    $("signin").hidden = false;
    if (message) {
      $("signin-error").hidden = false;
      $("signin-error").textContent = message;
    }
  }

  // --- queue ------------------------------------------------------------------------------

  function loadQueue() {
    var params = new URLSearchParams();
    $("filter-status").value.split(",").filter(Boolean).forEach(function (s) { params.append("status", s); });
    if ($("filter-overdue").checked) params.set("overdue", "true");
    return api("GET", "/v1/lawyer/tickets?" + params.toString()).then(function (res) {
      if (!res.ok) return;
      var list = $("queue");
      list.textContent = "";
      res.d.tickets.forEach(function (t) {
        var li = el("li");
        li.dataset.id = t.id;
        if (state.current === t.id) li.className = "active";
        var line = el("div", "line1");
        line.appendChild(el("strong", "", "#" + t.number));
        line.appendChild(el("span", "prio " + t.priority, PRIORITY[t.priority] || t.priority));
        line.appendChild(el("span", "pill", t.status_text || t.status));
        line.appendChild(deadlineBadge(t));
        if (t.has_contact) line.appendChild(el("span", "pill contact", "☎ 留了联系方式"));
        li.appendChild(line);
        li.appendChild(el("div", "q", (t.danger_to_life ? "⚠ " : "") + t.question));
        if (t.claimed_by) li.appendChild(el("div", "muted", "认领：" + t.claimed_by));
        li.addEventListener("click", function () { openTicket(t.id); });
        list.appendChild(li);
      });
      $("queue-empty").hidden = res.d.tickets.length > 0;
    });
  }

  // --- one ticket -------------------------------------------------------------------------

  function articleItem(c) {
    var li = el("li");
    li.appendChild(el("div", "ref", (c.n ? "[" + c.n + "] " : "") + "《" + (c.title || c.law) + "》" + (c.label || "")));
    var meta = [c.validity, c.version_date ? "版本 " + c.version_date : ""].filter(Boolean).join(" · ");
    if (meta) li.appendChild(el("div", "meta", meta));
    li.appendChild(el("div", "text", c.text || ""));
    return li;
  }

  function render(t) {
    state.ticket = t;
    state.current = t.id;
    $("ticket-empty").hidden = true;
    $("ticket-body").hidden = false;
    $("ticket-title").textContent = "工单 #" + t.number;
    $("status").textContent = t.status_text || t.status;
    var badge = deadlineBadge(t);
    $("deadline").className = badge.className;
    $("deadline").textContent = badge.textContent;
    var reasons = $("reasons");
    reasons.textContent = "";
    t.reasons.forEach(function (r) {
      var li = el("li", r.kind === "danger" || r.kind === "safety" ? "danger" : "", r.text + (r.evidence ? "：“" + r.evidence + "”" : ""));
      reasons.appendChild(li);
    });
    var contact = t.contact ? Object.keys(CONTACT).filter(function (k) { return t.contact[k]; })
      .map(function (k) { return CONTACT[k] + "：" + t.contact[k]; }).join("　") : "";
    $("contact").hidden = !contact;
    $("contact").textContent = contact ? "劳动者留的联系方式　" + contact : "";
    $("question").textContent = t.question;
    var conv = $("conversation");
    conv.textContent = "";
    t.conversation.forEach(function (m) {
      var li = el("li");
      li.appendChild(el("span", "role", m.role === "user" ? "劳动者" : "AI"));
      li.appendChild(document.createTextNode(m.content));
      conv.appendChild(li);
    });
    $("conversation-count").textContent = t.conversation.length;
    $("draft").textContent = t.draft || "（没有 AI 草稿）";
    var arts = $("articles");
    arts.textContent = "";
    var cited = t.draft_citations.slice();
    var sent = t.replies.filter(function (r) { return r.sent; }).pop();
    if (sent) cited = cited.concat(sent.citations.filter(function (c) {
      return !t.draft_citations.some(function (d) { return d.id === c.id; });
    }));
    cited.forEach(function (c) { arts.appendChild(articleItem(c)); });
    if (!cited.length) arts.appendChild(el("li", "muted", "草稿没有引用条文"));

    var last = t.replies.length ? t.replies[t.replies.length - 1] : null;
    var mine = state.me && t.claimed_by === state.me.name;
    var editable = t.status === "claimed" && (mine || state.me.role === "admin");
    var box = $("reply");
    if (!box.dataset.ticket || box.dataset.ticket !== String(t.id) || !editable) {
      box.value = last ? last.body : "";
      box.dataset.ticket = String(t.id);
    }
    box.readOnly = !editable;
    $("claim").disabled = !(t.status === "pending" || t.status === "reopened");
    $("use-draft").disabled = !editable;
    $("save").disabled = !editable;
    $("send").disabled = !editable;
    $("close").disabled = !(t.status === "answered" || (state.me.role === "admin" && t.status !== "closed"));
    $("reopen").disabled = !(t.status === "answered" || t.status === "closed");

    var versions = $("versions");
    versions.textContent = "";
    t.replies.forEach(function (r) {
      versions.appendChild(el("li", "", "第 " + r.version + " 版 · " + r.lawyer + " · " +
        chinaTime(r.created_at) + (r.sent ? " · 已发送" : " · 草稿")));
    });
    var audit = $("audit");
    audit.textContent = "";
    t.audit.forEach(function (a) {
      audit.appendChild(el("li", "", chinaTime(a.at) + " · " + a.actor + " · " + a.action));
    });
    Array.prototype.forEach.call($("queue").children, function (li) {
      li.className = li.dataset.id === String(t.id) ? "active" : "";
    });
  }

  function openTicket(id) {
    say("");
    return api("GET", "/v1/lawyer/tickets/" + id).then(function (res) {
      if (res.ok) render(res.d);
      else say(res.d.message || "打开工单失败", "error");
    });
  }

  function act(path, body, done) {
    var t = state.ticket;
    if (!t) return;
    var buttons = ["claim", "save", "send", "close", "reopen"];
    buttons.forEach(function (b) { $(b).disabled = true; });
    api("POST", "/v1/lawyer/tickets/" + t.id + path, body).then(function (res) {
      if (!res.ok) {
        say(res.d.message || "操作失败", "error");
        return openTicket(t.id).then(loadQueue);
      }
      render(res.d.ticket || res.d);
      say(done, "ok");
      loadQueue();
    });
  }

  function init() {
    $("signin-form").addEventListener("submit", function (e) {
      e.preventDefault();
      $("signin-error").hidden = true;
      signIn($("token").value.trim());
    });
    $("logout").addEventListener("click", function () { signOut(""); });
    $("refresh").addEventListener("click", loadQueue);
    $("filter-status").addEventListener("change", loadQueue);
    $("filter-overdue").addEventListener("change", loadQueue);
    $("claim").addEventListener("click", function () { act("/claim", undefined, "已认领，请在答复截止前处理"); });
    $("use-draft").addEventListener("click", function () { if (state.ticket) $("reply").value = state.ticket.draft; });
    $("save").addEventListener("click", function () {
      act("/replies", { body: $("reply").value, send: false }, "草稿已保存为新版本");
    });
    $("send").addEventListener("click", function () {
      if (!$("reply").value.trim()) { say("回复不能为空", "error"); return; }
      act("/replies", { body: $("reply").value, send: true }, "已发送，劳动者会在对话中看到您的答复");
    });
    $("close").addEventListener("click", function () { act("/close", undefined, "工单已关闭"); });
    $("reopen").addEventListener("click", function () { act("/reopen", { note: "" }, "工单已重新打开"); });
    if (state.token) signIn(state.token);
    // Deadline badges count down; the queue refreshes itself.
    setInterval(function () { if (state.me) loadQueue(); }, 30000);
  }

  init();
})();
