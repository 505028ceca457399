/* Staff pages: hear of a new urgent handoff within seconds, without reloading the page.
 *
 * Polls <body data-urgent-url> every data-poll-seconds; a handoff id not seen before updates the header badge
 * and the title, beeps (WebAudio, once "开启提醒" was clicked: browsers only play sound after a user gesture),
 * shows a browser notification that opens the handoff, and lists it at the top of the page. On the queue the
 * table is rebuilt in place (instead of reloading, which would silence the sound until the next click).
 * Also: forms with data-confirm ask before submitting. A static file, as the pages' CSP forbids inline script.
 */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  var body = document.body;
  var pollUrl = body.getAttribute("data-urgent-url");
  if (!pollUrl) return;

  var POLL_MS = Math.max(1, Number(body.getAttribute("data-poll-seconds")) || 5) * 1000;
  var QUEUE_REFRESH_MS = 60000;
  var WANTED = "msa-admin-alerts";
  var PREFIX = /^\(\d+\) 紧急求助待认领 · /;
  var baseTitle = document.title.replace(PREFIX, "");
  var seen = {};
  (body.getAttribute("data-urgent-ids") || "").split(",").forEach(function (id) {
    if (id) seen[id] = true;
  });
  var badge = document.getElementById("urgent-badge");
  var toggle = document.getElementById("alerts-toggle");
  var live = document.getElementById("urgent-live");
  var audio = null;
  var expired = false;

  function setCount(n) {
    if (badge) {
      badge.hidden = !n;
      badge.querySelector(".n").textContent = String(n);
    }
    document.title = (n ? "(" + n + ") 紧急求助待认领 · " : "") + baseTitle;
  }

  function canNotify() {
    return "Notification" in window && Notification.permission === "granted";
  }

  function soundOn() {
    return audio !== null && audio.state === "running";
  }

  function showToggle() {
    if (!toggle) return;
    toggle.hidden = false;
    var wanted = localStorage.getItem(WANTED) === "1";
    var denied = "Notification" in window && Notification.permission === "denied";
    if (!wanted) {
      toggle.textContent = "开启提醒";
      toggle.className = "alerts-toggle off";
      toggle.title = "有新的紧急求助时响铃并弹出通知";
    } else if (!soundOn()) {
      toggle.textContent = "点此恢复提醒声音";
      toggle.className = "alerts-toggle off";
      toggle.title = "浏览器要求点击一次页面后才能发出声音";
    } else {
      toggle.textContent = denied ? "提醒已开启（仅声音）" : "提醒已开启";
      toggle.className = "alerts-toggle on";
      toggle.title = denied ? "浏览器已禁止本站通知，可在地址栏的网站设置中允许" : "点击试听提醒声音";
    }
  }

  function makeAudio() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    if (!audio) {
      audio = new Context();
      audio.onstatechange = showToggle;
    }
    if (audio.state === "suspended") {
      audio.resume().then(showToggle, showToggle);
    }
  }

  function beep() {
    if (!audio) return;
    if (audio.state === "suspended") audio.resume();
    var start = audio.currentTime + 0.05;
    for (var i = 0; i < 3; i++) {
      var t = start + i * 0.28;
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = "square";
      osc.frequency.value = i === 1 ? 1175 : 880;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.2);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(t);
      osc.stop(t + 0.22);
    }
  }

  function enable() {
    localStorage.setItem(WANTED, "1");
    makeAudio();
    beep();
    var asked = null;
    if ("Notification" in window && Notification.permission === "default") {
      asked = Notification.requestPermission();
    }
    Promise.resolve(asked).then(showToggle, showToggle);
    showToggle();
  }

  function notify(h) {
    if (!canNotify()) return;
    try {
      var note = new Notification("紧急求助" + (h.kind ? "·" + h.kind : "") + " #" + h.id + "（" + h.time + "）", {
        body: h.key_message, tag: "handoff-" + h.id, requireInteraction: true
      });
      note.onclick = function () {
        window.focus();
        window.location.href = h.url;
        note.close();
      };
    } catch (e) {
      /* Some browsers only allow notifications from a service worker; the page list and sound remain. */
    }
  }

  function announce(list) {
    if (!live) return;
    live.hidden = false;
    list.forEach(function (h) {
      var line = document.createElement("a");
      line.className = "urgent-new";
      line.href = h.url;
      var what = document.createElement("strong");
      what.textContent = "新的紧急求助" + (h.kind ? "（" + h.kind + "）" : "") + " #" + h.id + " " + h.time + "：";
      line.appendChild(what);
      line.appendChild(document.createTextNode(h.key_message));
      var open = document.createElement("span");
      open.className = "open";
      open.textContent = "打开处理 →";
      line.appendChild(open);
      live.insertBefore(line, live.firstChild);
    });
  }

  var queue = document.getElementById("queue-live");

  function refreshQueue() {
    if (!queue) return;
    // The header tells the page to leave flash messages for the next full page.
    fetch(window.location.href, { credentials: "same-origin", cache: "no-store", headers: { "X-Partial": "queue" } })
      .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("queue-live");
        if (fresh) {
          queue.replaceWith(fresh);
          queue = fresh;
        }
        var count = document.getElementById("open-count");
        var freshCount = doc.getElementById("open-count");
        if (count && freshCount) {
          count.textContent = freshCount.textContent;
          count.hidden = freshCount.hidden;
        }
      })
      .catch(function () {});
  }

  function loggedOut() {
    expired = true;
    if (toggle) {
      toggle.hidden = false;
      toggle.textContent = "登录已过期，请刷新页面";
      toggle.className = "alerts-toggle expired";
    }
  }

  function poll() {
    fetch(pollUrl, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (r) {
        var json = (r.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (r.redirected || !json) {
          loggedOut();
          return null;
        }
        return r.ok ? r.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        setCount(data.unclaimed_urgent);
        var fresh = data.handoffs.filter(function (h) { return !seen[h.id]; });
        fresh.forEach(function (h) { seen[h.id] = true; });
        if (!fresh.length) return;
        beep();
        fresh.forEach(notify);
        announce(fresh);
        refreshQueue();
      })
      .catch(function () {})
      .then(function () {
        if (!expired) window.setTimeout(poll, POLL_MS);
      });
  }

  if (toggle) {
    toggle.addEventListener("click", function () {
      if (expired) {
        window.location.reload();
      } else if (soundOn() && localStorage.getItem(WANTED) === "1") {
        beep();
      } else {
        enable();
      }
    });
  }
  if (localStorage.getItem(WANTED) === "1") {
    // The sound was wanted on an earlier page: it starts with the first click or key press on this one.
    makeAudio();
    var wake = function () {
      makeAudio();
      document.removeEventListener("pointerdown", wake, true);
      document.removeEventListener("keydown", wake, true);
    };
    document.addEventListener("pointerdown", wake, true);
    document.addEventListener("keydown", wake, true);
  }
  showToggle();
  if (queue) window.setInterval(refreshQueue, QUEUE_REFRESH_MS);
  window.setTimeout(poll, POLL_MS);
})();
