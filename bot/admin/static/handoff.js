/* The handoff page stays current while it is open: new messages from the user (and replies queued by anyone)
 * appear in the conversation, and the line under the heading says who else has the page open or has claimed it.
 *
 * Polls <section id="transcript" data-updates-url> every data-poll-seconds with the last message and outbox ids
 * shown (data-after, data-replies-after) and the replies shown as waiting or being sent (their status's
 * data-outbox-id); the answer's entries are added just above the reply form, and those replies' statuses are brought
 * up to date (a reply seen while it was being sent then says it was delivered). Nothing else on
 * the page is rebuilt, so text being typed in the reply box, a note or the resolve form stays as it is. The poll
 * also tells the server this member of staff is looking at the handoff. Stops when the session has ended.
 * A static file, as the pages' CSP forbids inline script.
 */
(function () {
  "use strict";

  var transcript = document.getElementById("transcript");
  if (!transcript) return;
  var url = transcript.getAttribute("data-updates-url");
  if (!url) return;
  var POLL_MS = Math.max(1, Number(transcript.getAttribute("data-poll-seconds")) || 5) * 1000;
  var after = transcript.getAttribute("data-after") || "0";
  var repliesAfter = transcript.getAttribute("data-replies-after") || "0";
  var presence = document.getElementById("presence");
  var replyForm = document.getElementById("reply");

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  var UNSETTLED = ["pending", "sending"];

  // A reply's status label; one that may still change carries its outbox id, so the next poll asks about it.
  function setStatus(span, status, text, outboxId) {
    span.className = "status status-" + status;
    span.textContent = text;
    if (UNSETTLED.indexOf(status) >= 0 && outboxId) {
      span.setAttribute("data-outbox-id", String(outboxId));
    } else {
      span.removeAttribute("data-outbox-id");
    }
  }

  function show(entry) {
    var box = element("div", "msg fresh " + entry.who + (entry.status === "failed" ? " failed" : ""));
    var who = element("div", "who", entry.label + " · " + entry.time + " ");
    if (entry.status_text) {
      var span = element("span");
      setStatus(span, entry.status, entry.status_text, entry.outbox_id);
      who.appendChild(span);
    }
    box.appendChild(who);
    box.appendChild(element("div", "text", entry.text));
    transcript.insertBefore(box, replyForm && replyForm.parentNode === transcript ? replyForm : null);
  }

  function setPresence(text) {
    if (!presence) return;
    presence.textContent = text || "";
    presence.hidden = !text;
  }

  function stop() {
    setPresence("登录已过期：新消息不再自动显示。请先复制正在输入的内容，再刷新页面重新登录。");
  }

  function unsettled() {
    return Array.prototype.map.call(transcript.querySelectorAll(".status[data-outbox-id]"), function (span) {
      return span.getAttribute("data-outbox-id");
    });
  }

  function update(status) {
    var span = transcript.querySelector('.status[data-outbox-id="' + status.outbox_id + '"]');
    if (!span) return;
    setStatus(span, status.status, status.status_text, status.outbox_id);
    if (status.status === "failed") span.closest(".msg").classList.add("failed");
  }

  function poll() {
    var query = "?after=" + encodeURIComponent(after) + "&replies_after=" + encodeURIComponent(repliesAfter);
    var waiting = unsettled();
    if (waiting.length) query += "&unsettled=" + encodeURIComponent(waiting.join(","));
    fetch(url + query, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (r) {
        var json = (r.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (r.redirected || !json) {
          stop();
          return "stop";
        }
        return r.ok ? r.json() : null;
      })
      .then(function (data) {
        if (data === "stop") return data;
        if (!data) return null;
        if (data.entries.length) {
          var empty = transcript.querySelector(":scope > p.muted");
          if (empty) empty.remove();
          data.entries.forEach(show);
        }
        (data.statuses || []).forEach(update);
        after = String(data.after);
        repliesAfter = String(data.replies_after);
        transcript.setAttribute("data-after", after);
        transcript.setAttribute("data-replies-after", repliesAfter);
        setPresence(data.presence);
        return null;
      })
      .catch(function () { return null; })
      .then(function (outcome) {
        if (outcome !== "stop") window.setTimeout(poll, POLL_MS);
      });
  }

  window.setTimeout(poll, POLL_MS);
})();

/* The FAQ draft page: the choices above the form fill its fields as they change. The radio of the user's message
 * that is the question sets 问题; the ticked other messages make 其他问法 (one a line, the question left out); the
 * ticked delivered replies, in their order, joined by a blank line, make 答案. Each choice carries its text in
 * data-text. Fields are only rewritten by a change of the choices that feed them, so typing in them is kept until
 * then. The choice form's own button (for browsers without script) is hidden.
 */
(function () {
  "use strict";

  var choices = document.getElementById("draft-choice");
  var form = document.querySelector("form.faq-form");
  if (!choices || !form) return;

  function ticked(name) {
    return Array.prototype.filter.call(choices.querySelectorAll("input[name=" + name + "]"), function (el) {
      return el.checked;
    });
  }

  function question() {
    var chosen = ticked("question_from")[0];
    return chosen ? chosen.value : null;
  }

  function fillQuestion() {
    var chosen = ticked("question_from")[0];
    if (chosen) form.elements.question.value = chosen.getAttribute("data-text");
  }

  function fillAlternates() {
    var asked = form.elements.question.value;
    var lines = [];
    ticked("alternate_from").forEach(function (el) {
      var text = el.getAttribute("data-text");
      if (el.value !== question() && text !== asked && lines.indexOf(text) === -1) lines.push(text);
    });
    form.elements.alternates.value = lines.join("\n");
  }

  function fillAnswer() {
    form.elements.answer.value = ticked("answer_from").map(function (el) {
      return el.getAttribute("data-text");
    }).join("\n\n");
  }

  choices.addEventListener("change", function (event) {
    var name = event.target && event.target.name;
    if (name === "question_from") {
      fillQuestion();
      fillAlternates();
    } else if (name === "alternate_from") {
      fillAlternates();
    } else if (name === "answer_from") {
      fillAnswer();
    }
  });
  var refill = choices.querySelector("button.refill");
  if (refill) refill.hidden = true;
})();
