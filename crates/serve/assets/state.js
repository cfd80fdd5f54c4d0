// state.js owns the state page (/states/CODE): header, partners-over-time chart, coverage, exclusive-partners form and current statuses with sources.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var esc = DG.esc;
  var code = (DG.pathParts()[1] || "KOR").toUpperCase();
  var enc = encodeURIComponent(code);
  var names = {};

  function header(list) {
    list.forEach(function (s) { names[s.code] = s.name; });
    var s = list.filter(function (x) { return x.code === code; })[0];
    if (!s) { $("state-title").textContent = code; DG.showError("unknown state: " + code.toLowerCase()); return; }
    document.title = s.name + " · diplograph";
    $("state-title").innerHTML = esc(s.name) + ' <span class="muted">' + esc(s.code) + "</span>";
    var bits = [s.official_name !== s.name ? s.official_name : null, "ISO " + [s.iso2, s.isonum].filter(Boolean).join(" / "),
      s.cow != null ? "COW " + s.cow : null, s.gw != null ? "G&W " + s.gw : null, s.kind, s.capital ? "capital " + s.capital : null,
      s.un_member_since ? "UN member since " + s.un_member_since : null,
      "exists " + (s.begin || "?") + " – " + (s.end || "today")];
    $("state-meta").innerHTML = bits.filter(Boolean).map(esc).join(" · ") +
      (s.wikidata ? " · " + DG.link("https://www.wikidata.org/wiki/" + s.wikidata, s.wikidata) : "") +
      ' · <a href="/?state=' + enc + '">on the map</a>' +
      ' · data: <a href="/states/' + enc + '/relations.json">JSON</a> · <a href="/states/' + enc + '/relations.csv">CSV</a>' +
      (s.aliases && s.aliases.length ? '<br>Also: ' + s.aliases.map(esc).join("; ") : "");
    var rivals = list.filter(function (x) { return x.code !== code; }).sort(function (a, b) { return a.name.localeCompare(b.name); });
    $("rival").innerHTML = rivals.map(function (x) { return '<option value="' + esc(x.code) + '">' + esc(x.name) + " (" + esc(x.code) + ")</option>"; }).join("");
    if (code === "KOR") $("rival").value = "PRK"; else if (code === "PRK") $("rival").value = "KOR";
  }

  // SVG line chart of partners / without / unknown / of per year
  function chart(doc) {
    var ys = doc.years || [];
    if (!ys.length) { $("chart").innerHTML = '<p class="muted">No timeline.</p>'; return; }
    var W = 800, H = 300, L = 40, R = 10, T = 10, B = 30;
    var x0 = ys[0].year, x1 = ys[ys.length - 1].year, ymax = Math.max.apply(null, ys.map(function (y) { return y.of || 0; })) || 1;
    var sx = function (x) { return L + (x - x0) / Math.max(1, x1 - x0) * (W - L - R); };
    var sy = function (v) { return T + (1 - v / ymax) * (H - T - B); };
    var line = function (k) { return ys.map(function (y, i) { return (i ? "L" : "M") + sx(y.year).toFixed(1) + "," + sy(y[k] || 0).toFixed(1); }).join(""); };
    var g = "", v, yr;
    for (v = 0; v <= ymax; v += 50) g += '<g class="grid"><line x1="' + L + '" x2="' + (W - R) + '" y1="' + sy(v) + '" y2="' + sy(v) + '"/></g><text x="' + (L - 4) + '" y="' + (sy(v) + 4) + '" text-anchor="end">' + v + "</text>";
    for (yr = Math.ceil(x0 / 10) * 10; yr <= x1; yr += 10) g += '<text x="' + sx(yr) + '" y="' + (H - 10) + '" text-anchor="middle">' + yr + "</text>";
    var dots = ys.map(function (y) {
      return '<circle cx="' + sx(y.year) + '" cy="' + sy(y.partners) + '" r="2.5" fill="var(--st-relations)"><title>' + y.year + ": " + y.partners + " partners, " + y.without + " without, " + y.unknown + " unknown, of " + y.of + "</title></circle>";
    }).join("");
    $("chart").innerHTML = '<svg class="chart" viewBox="0 0 ' + W + " " + H + '" role="img" aria-label="Partners of ' + esc(names[code] || code) + ' per year">' + g +
      ["of", "unknown", "without", "partners"].map(function (k) { return '<path class="line ' + k + '" d="' + line(k) + '"/>'; }).join("") + dots + "</svg>" +
      '<div class="key"><span><i style="background:var(--st-relations)"></i>partners</span><span><i style="background:var(--st-none)"></i>without relations</span><span><i style="background:var(--st-unknown)"></i>unknown</span><span><i style="background:var(--ink)"></i>states existing</span></div>';
    var last = ys[ys.length - 1];
    $("chart").insertAdjacentHTML("beforeend", '<p class="meta">' + last.year + ": " + esc(last.partners) + " partners of " + esc(last.of) + " states, " + esc(last.without) + " without relations, " + esc(last.unknown) + " unknown.</p>");
    $("changes").innerHTML = ys.filter(function (y) { return y.changes && y.changes.length; }).reverse().map(function (y) {
      return "<h3>" + y.year + "</h3><ul>" + y.changes.map(function (c) {
        var other = c.a === code ? c.b : c.a;
        return "<li>" + esc(c.date) + " · " + esc(c.event) + ' · <a href="/pairs/' + enc + "/" + encodeURIComponent(other) + '">' + esc(names[other] || other) + "</a></li>";
      }).join("") + "</ul>";
    }).join("") || '<p class="muted">No changes.</p>';
  }

  function statuses(doc) {
    $("statuses-as-of").textContent = "on " + doc.as_of;
    var c = doc.coverage || {};
    $("coverage").innerHTML = "<p>On " + esc(doc.as_of) + ", " + esc(names[code] || code) + " has relations with <strong>" + esc(doc.count) + "</strong> of " + esc(doc.of) +
      " states (" + esc(doc.among) + "). Known status for " + esc(c.known) + ", unknown for " + esc(c.unknown) + " (" + (c.share != null ? (c.share * 100).toFixed(1) + "%" : "—") + ' known). <a href="/coverage.json">All coverage</a></p>';
    var order = { none: 0, severed: 1, suspended: 2, unknown: 3, relations: 4 };
    var rows = (doc.statuses || []).slice().sort(function (a, b) { return (order[a.status] - order[b.status]) || String(a.name).localeCompare(String(b.name)); });
    $("statuses").querySelector("tbody").innerHTML = rows.map(function (s) {
      var e = s.evidence;
      return '<tr data-code="' + esc(s.state) + '" data-status="' + esc(s.status) + '"><td><a href="/pairs/' + enc + "/" + encodeURIComponent(s.state) + '">' + esc(s.name) + "</a></td><td>" + DG.statusTag(s.status) + "</td><td>" + esc(DG.fmtDate(s.since)) + "</td><td>" +
        (e ? esc(e.event || "") + " · " + DG.link(e.url, e.publisher || "source") + ", " + esc(e.date || "") + (e.quote ? "<blockquote>" + esc(e.quote) + "</blockquote>" : "") : '<span class="muted">—</span>') + "</td></tr>";
    }).join("");
  }

  function exclusive(ev) {
    ev.preventDefault();
    var rival = $("rival").value, d = $("exclusive-date").value;
    $("exclusive").innerHTML = '<p class="muted">Loading…</p>';
    DG.api("/states/" + enc + "/exclusive/" + encodeURIComponent(rival) + ".json" + (DG.isDay(d) ? "?_as_of=" + d : "")).then(function (doc) {
      DG.clearError();
      $("exclusive").innerHTML = DG.generic(doc);
    }, function () { $("exclusive").innerHTML = ""; });
  }

  $("exclusive-form").addEventListener("submit", exclusive);
  $("exclusive-date").value = DG.today();
  DG.states().then(function (list) {
    header(list);
    DG.api("/states/" + enc + "/timeline.json").then(chart, function () {});
    DG.api("/states/" + enc + "/statuses.json").then(function (d) { statuses(d); document.body.dataset.ready = d.as_of; }, function () {});
  }, function () {});
})();
