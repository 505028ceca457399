/* Staff pages: a form is sent once, and a form that was not sent comes back filled in.
 *
 * Sending: once a POST form is submitted, its buttons are disabled until the next page arrives, and a second
 * submit of the same form (a double click, Enter pressed twice) is stopped. The server acts on each form's
 * one-time key once anyway (bot/admin/auth.py); this spares the wait and the confusion. The buttons are
 * disabled only after the submission has started, so a named button still sends its value, and a submission
 * another script cancelled (data-confirm) leaves them alone. (This file comes before urgent.js: a repeat is
 * stopped before its confirmation is asked.) They come back after RELEASE_MS (a send that
 * never answered can be tried again, with the same key) and when the page is shown again from the history.
 *
 * Restoring: after a login that had lapsed, <script data-restore> carries the fields of the form that was not
 * sent ({"action": path, "fields": {name: [values]}}); they are put back into the form posting to that path.
 * Nothing is submitted. A static file, as the pages' CSP forbids inline script.
 */
(function () {
  "use strict";

  var RELEASE_MS = 20000;
  var script = document.currentScript;

  function isPost(form) {
    return (form.getAttribute("method") || "get").toLowerCase() === "post";
  }

  function buttons(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.tagName === "BUTTON" || (el.tagName === "INPUT" && /^(submit|image)$/i.test(el.type));
    });
  }

  function setSending(form, sending) {
    if (sending) form.setAttribute("data-sending", "1");
    else form.removeAttribute("data-sending");
    buttons(form).forEach(function (b) {
      if (sending) {
        if (!b.disabled) b.setAttribute("data-was-enabled", "1");
        b.disabled = true;
        b.setAttribute("aria-busy", "true");
      } else if (b.hasAttribute("data-was-enabled")) {
        b.removeAttribute("data-was-enabled");
        b.disabled = false;
        b.removeAttribute("aria-busy");
      }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !isPost(form)) return;
    if (form.hasAttribute("data-sending")) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    form.setAttribute("data-sending", "1");
    window.setTimeout(function () {
      if (event.defaultPrevented) {
        form.removeAttribute("data-sending");
        return;
      }
      setSending(form, true);
      window.setTimeout(function () { setSending(form, false); }, RELEASE_MS);
    }, 0);
  });

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    Array.prototype.forEach.call(document.querySelectorAll("form[data-sending]"), function (form) {
      setSending(form, false);
    });
  });

  function restore(data) {
    var path = data && data.action;
    var fields = (data && data.fields) || {};
    var form = Array.prototype.filter.call(document.forms, function (f) {
      return isPost(f) && new URL(f.action, window.location.href).pathname === path;
    })[0];
    if (!form) return;
    var first = null;
    Object.keys(fields).forEach(function (name) {
      var values = fields[name] || [];
      var used = 0;
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name !== name || el.disabled) return;
        var type = (el.type || "").toLowerCase();
        if (type === "checkbox" || type === "radio") {
          el.checked = values.indexOf(el.value) !== -1;
        } else if (el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
                   (el.tagName === "INPUT" && !/^(hidden|submit|button|image|reset|file|password)$/.test(type))) {
          if (used < values.length) {
            el.value = values[used];
            used += 1;
            first = first || el;
          }
        }
      });
    });
    if (first) {
      first.focus();
      if (first.scrollIntoView) first.scrollIntoView({block: "center"});
    } else if (form.scrollIntoView) {
      form.scrollIntoView({block: "center"});
    }
  }

  var saved = script && script.getAttribute("data-restore");
  if (saved) {
    try {
      restore(JSON.parse(saved));
    } catch (e) {
      /* a malformed attribute leaves the page as it is */
    }
  }
})();
