/* The handoff page's canned replies (knowledge/canned_replies.yaml): a click on one of the buttons above the reply
 * box puts its text (data-text) into #reply-text where the cursor is, replacing any selected text, and leaves the
 * cursor after it. Nothing is sent: the staff member reads, fills in the 【请填写…】 blanks and presses send.
 * A static file, as the pages' CSP forbids inline script.
 */
(function () {
  "use strict";

  var box = document.getElementById("reply-text");
  if (!box) return;

  function insert(text) {
    var start = box.selectionStart, end = box.selectionEnd;
    if (typeof start !== "number") start = end = box.value.length;
    box.focus();
    box.setRangeText(text, start, end, "end");
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }

  Array.prototype.forEach.call(document.querySelectorAll("button.canned-reply[data-text]"), function (button) {
    // The button does not take the focus on press, so the cursor in the reply box stays where it was.
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    button.addEventListener("click", function () { insert(button.getAttribute("data-text")); });
  });
})();
