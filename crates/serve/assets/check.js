// check.js owns the article checker page: POST /check.json, the article with claims and events highlighted in place, and the #claims / #events lists.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var esc = DG.esc;

  // CheckDoc offsets are UTF-8 byte offsets into the text; map them to JS string indices.
  function byteToIndex(text) {
    var map = [], i = 0, b = 0;
    while (i <= text.length) {
      map[b] = i;
      if (i === text.length) break;
      var cp = text.codePointAt(i), n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (var k = 1; k < n; k++) map[b + k] = i;
      b += n; i += cp > 0xffff ? 2 : 1;
    }
    return map;
  }

  // find where a span sits in the text: its offsets when they match, else its words, else nowhere
  function locate(text, map, span, from) {
    if (span.start != null && span.end != null && map[span.start] != null && map[span.end] != null) {
      var s = map[span.start], e = map[span.end];
      if (span.text == null || text.slice(s, e) === span.text) return [s, e];
    }
    if (!span.text) return null;
    var at = text.indexOf(span.text, from || 0);
    if (at < 0) at = text.indexOf(span.text);
    return at < 0 ? null : [at, at + span.text.length];
  }

  function highlight(text, doc) {
    var map = byteToIndex(text), claims = [], events = [];
    (doc.claims || []).forEach(function (c, i) {
      var r = locate(text, map, c);
      if (!r) return;
      var clash = claims.some(function (o) { return r[0] < o.e && o.s < r[1]; });
      if (!clash) claims.push({ s: r[0], e: r[1], i: i, verdict: c.verdict });
    });
    (doc.events || []).forEach(function (ev, i) {
      (ev.evidence || []).forEach(function (sp) { var r = locate(text, map, sp); if (r) events.push({ s: r[0], e: r[1], i: i, status: ev.status }); });
    });
    var cuts = [0, text.length];
    claims.concat(events).forEach(function (x) { cuts.push(x.s, x.e); });
    cuts = cuts.filter(function (v, k, arr) { return arr.indexOf(v) === k; }).sort(function (a, b) { return a - b; });
    var out = "", open = null;
    for (var k = 0; k + 1 < cuts.length; k++) {
      var s = cuts[k], e = cuts[k + 1];
      var c = claims.filter(function (x) { return x.s <= s && e <= x.e; })[0] || null;
      if (open && open !== c) { out += "</mark>"; open = null; }
      if (c && open !== c) {
        out += '<mark class="claim" id="claim-' + c.i + '" data-verdict="' + esc(c.verdict) + '" title="' + esc(c.verdict) + '">';
        open = c;
      }
      var ev = events.filter(function (x) { return x.s <= s && e <= x.e; })[0];
      var piece = esc(text.slice(s, e));
      out += ev ? '<mark class="event" data-event="' + ev.i + '" data-status="' + esc(ev.status) + '">' + piece + "</mark>" : piece;
    }
    if (open) out += "</mark>";
    return out;
  }

  function evidenceHtml(list) {
    if (!list || !list.length) return "";
    return list.map(function (f) {
      return '<div class="fact"><strong>' + esc(f.fact || "") + "</strong>" + DG.sourcesHtml(f.sources) + "</div>";
    }).join("");
  }

  function render(text, doc) {
    $("check-meta").textContent = "Published " + (doc.published || "unknown") + (doc.published_from ? " (from " + doc.published_from + ")" : "") +
      " · checked as of " + (doc.as_of || "today") + (doc.as_of_from ? " (" + doc.as_of_from + ")" : "");
    $("rendered").innerHTML = highlight(text, doc);
    $("claims").innerHTML = (doc.claims || []).map(function (c, i) {
      return '<div class="claim" data-verdict="' + esc(c.verdict) + '" data-kind="' + esc(c.kind || "") + '" data-index="' + i + '">' +
        '<p><a href="#claim-' + i + '">“' + esc(c.text) + '”</a> <span class="verdict ' + esc(c.verdict) + '">' + esc(String(c.verdict).replace(/_/g, " ")) + "</span>" +
        ' <span class="muted">' + esc(c.kind || "") + "</span></p><p>" + esc(c.explanation || "") + "</p>" +
        ((c.evidence || []).length ? "<details><summary>Evidence (" + c.evidence.length + ")</summary>" + evidenceHtml(c.evidence) + "</details>" : "") + "</div>";
    }).join("") || '<p class="muted">No checkable claims found.</p>';
    $("events").innerHTML = (doc.events || []).map(function (ev, i) {
      return '<div class="event" data-status="' + esc(ev.status) + '" data-index="' + i + '"><p><strong>' + esc(ev.type) + "</strong> " + (ev.actors || []).map(esc).join(" – ") +
        (ev.date ? " · " + esc(ev.date) : "") + (ev.location ? " · " + esc(ev.location) : "") + ' · <span class="verdict ' + esc(ev.status) + '">' + esc(ev.status) + "</span>" +
        ' <span class="muted">' + esc(ev.modality || "") + "</span></p><p>" + esc(ev.explanation || "") + "</p>" +
        ((ev.evidence || []).length ? "<details><summary>In the article (" + ev.evidence.length + ")</summary><ul>" + ev.evidence.map(function (sp) { return "<li>" + esc(sp.text) + "</li>"; }).join("") + "</ul></details>" : "") +
        ((ev.known || []).length ? "<details><summary>The graph's sources</summary>" + evidenceHtml(ev.known) + "</details>" : "") + "</div>";
    }).join("") || '<p class="muted">No events found.</p>';
    $("result").hidden = false;
    document.body.dataset.ready = "checked";
  }

  function check() {
    var text = $("article").value, pub = $("published").value.trim();
    if (!text.trim()) { DG.showError("paste an article first"); return; }
    if (pub && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(pub)) { DG.showError("published should be YYYY-MM-DD, YYYY-MM or empty"); return; }
    DG.clearError();
    delete document.body.dataset.ready;
    $("check").disabled = true;
    $("check-status").textContent = "Checking…";
    DG.api("/check.json", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: text, published: pub || null }) })
      .then(function (doc) { render(text, doc); $("check-status").textContent = ""; }, function () { $("check-status").textContent = ""; })
      .then(function () { $("check").disabled = false; });
  }

  $("check-form").addEventListener("submit", function (e) { e.preventDefault(); check(); });
})();
