// review.js owns the review queue page: the bearer token (kept in sessionStorage), GET /review.json, and accept/reject POSTs per item.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var esc = DG.esc, KEY = "diplograph-review-token";

  function headers() { return { Authorization: "Bearer " + (sessionStorage.getItem(KEY) || "") }; }

  // ReviewDoc: a list, or an object holding the list in its first array field
  function itemsOf(doc) {
    if (Array.isArray(doc)) return doc;
    if (doc && typeof doc === "object") {
      var k = Object.keys(doc).filter(function (x) { return Array.isArray(doc[x]); })[0];
      if (k) return doc[k];
    }
    return [];
  }

  function idOf(it, i) { return it && it.id != null ? String(it.id) : null; }

  function load() {
    $("review-status").textContent = "Loading…";
    DG.api("/review.json", { headers: headers() }).then(function (doc) {
      DG.clearError();
      var items = itemsOf(doc);
      $("review-status").textContent = items.length + " item" + (items.length === 1 ? "" : "s") + " waiting.";
      $("items").innerHTML = items.map(function (it, i) {
        var id = idOf(it, i);
        return '<div class="review-item" data-id="' + esc(id || "") + '"><h3>' + (id ? esc(id) : "item " + (i + 1) + " (no id)") + "</h3>" + DG.generic(it) +
          '<div class="actions"><button type="button" data-action="accept"' + (id ? "" : " disabled") + ">Accept</button>" +
          '<button type="button" class="secondary" data-action="reject"' + (id ? "" : " disabled") + '>Reject</button><span class="result muted" aria-live="polite"></span></div></div>';
      }).join("");
    }, function (e) {
      $("review-status").textContent = e.status === 401 ? "401: the token was refused. Enter the right token." : "";
      $("items").innerHTML = "";
    });
  }

  function act(btn) {
    var box = btn.closest(".review-item"), id = box.getAttribute("data-id"), action = btn.getAttribute("data-action");
    // a rejection (and a revised decision) needs a reason: the server says so otherwise
    var reason = window.prompt(action === "reject" ? "Why is this event rejected?" : "Reason (optional):", "");
    if (reason === null) return;
    var h = headers();
    h["Content-Type"] = "application/json";
    box.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    DG.api("/review/" + encodeURIComponent(id) + "/" + action, { method: "POST", headers: h, body: JSON.stringify(reason.trim() ? { reason: reason.trim() } : {}) }).then(function () {
      DG.clearError();
      box.setAttribute("data-done", action);
      box.querySelector(".result").textContent = action === "accept" ? "Accepted." : "Rejected.";
    }, function (e) {
      box.querySelector(".result").textContent = (e.status || "") + " " + e.message;
      box.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
    });
  }

  $("token-form").addEventListener("submit", function (e) {
    e.preventDefault();
    sessionStorage.setItem(KEY, $("token").value);
    load();
  });
  $("forget").addEventListener("click", function () {
    sessionStorage.removeItem(KEY);
    $("token").value = "";
    $("items").innerHTML = "";
    $("review-status").textContent = "Token forgotten.";
  });
  $("items").addEventListener("click", function (e) {
    var b = e.target.closest("button[data-action]");
    if (b) act(b);
  });
  if (sessionStorage.getItem(KEY)) { $("token").value = sessionStorage.getItem(KEY); load(); }
})();
