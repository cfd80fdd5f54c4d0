// pair.js owns the pair page (/pairs/A/B): the pair's history intervals, recognition and conflicts, each with every source.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var esc = DG.esc;
  var parts = DG.pathParts(), a = (parts[1] || "").toUpperCase(), b = (parts[2] || "").toUpperCase();
  var names = {};
  var nm = function (c) { return names[c] || c; };
  var stateLink = function (c) { return '<a href="/states/' + encodeURIComponent(c) + '">' + esc(nm(c)) + "</a>"; };

  function interval(h) {
    return '<div class="interval" data-status="' + esc(h.status) + '">' +
      "<h3>" + DG.statusTag(h.status) + " " + esc(DG.fmtDate(h.from, h.from_precision)) + " – " + (h.to ? esc(DG.fmtDate(h.to, h.to_precision)) : "today") +
      ' <span class="muted">(' + esc(h.event || "") + (h.from_precision && h.from_precision !== "day" ? ", from: " + esc(h.from_precision) : "") + ")</span></h3>" +
      '<details open><summary>' + (h.sources || []).length + " source" + ((h.sources || []).length === 1 ? "" : "s") + "</summary>" +
      DG.sourcesHtml(h.sources) + "</details>" + extra(h, ["status", "event", "from", "from_precision", "to", "to_precision", "sources"]) + "</div>";
  }

  // fields we do not know about yet, shown generically rather than dropped
  function extra(o, known) {
    var rest = {};
    Object.keys(o).forEach(function (k) { if (known.indexOf(k) < 0 && o[k] != null) rest[k] = o[k]; });
    return Object.keys(rest).length ? DG.generic(rest) : "";
  }

  function item(o) {
    if (o == null || typeof o !== "object") return "<div>" + DG.generic(o) + "</div>";
    var h = '<div class="interval"' + (o.status ? ' data-status="' + esc(o.status) + '"' : "") + ">";
    h += extra(o, ["sources"]);
    if (o.sources) h += DG.sourcesHtml(o.sources);
    return h + "</div>";
  }

  function render(doc) {
    document.title = nm(doc.a) + " – " + nm(doc.b) + " · diplograph";
    $("pair-title").innerHTML = stateLink(doc.a) + " and " + stateLink(doc.b);
    $("pair-status").innerHTML = "On " + esc(doc.as_of) + ": " + DG.statusTag(doc.status || "unknown") +
      ' · <a href="/?state=' + encodeURIComponent(doc.a) + '">map of ' + esc(nm(doc.a)) + "</a>" +
      ' · <a href="/pairs/' + encodeURIComponent(doc.b) + "/" + encodeURIComponent(doc.a) + '">swap</a>' +
      ' · <a href="/pairs/' + encodeURIComponent(doc.a) + "/" + encodeURIComponent(doc.b) + '.json">JSON</a>' +
      ' · <a href="/pairs/' + encodeURIComponent(doc.a) + "/" + encodeURIComponent(doc.b) + '.csv">CSV</a>';
    var hist = (doc.history || []).slice().reverse();
    $("history").innerHTML = hist.length ? hist.map(interval).join("") : '<p class="muted">No recorded history: the status is unknown.</p>';
    $("recognition").innerHTML = (doc.recognition || []).length ? doc.recognition.map(item).join("") : '<p class="muted">No recognition events recorded.</p>';
    $("conflicts").innerHTML = (doc.conflicts || []).length ? doc.conflicts.map(item).join("") : '<p class="muted">No conflicting sources.</p>';
    document.body.dataset.ready = doc.as_of || "pair";
  }

  if (!a || !b) { DG.showError("the page address should be /pairs/A/B"); return; }
  $("pair-title").textContent = a + " and " + b;
  DG.states().then(function (list) { list.forEach(function (s) { names[s.code] = s.name; }); }, function () {})
    .then(function () { return DG.api("/pairs/" + encodeURIComponent(a) + "/" + encodeURIComponent(b) + ".json"); })
    .then(render, function () {});
})();
