// map.js owns the world map page: state picker, date slider and input, the SVG map coloured by status, tooltip, legend and side lists.
(function () {
  "use strict";
  var START = "1945-01-01", W = 960, DEBOUNCE = 150;
  var STATUSES = ["relations", "suspended", "severed", "none", "unknown"];
  var WITHOUT = { suspended: 1, severed: 1, none: 1 };
  var NAME_FALLBACK = { "n. cyprus": "XNC", "kosovo": "XKX", "somaliland": "XSM" };
  var $ = function (id) { return document.getElementById(id); };
  var esc = DG.esc;

  var today = DG.today();
  var params = new URLSearchParams(location.search);
  var selected = (params.get("state") || "KOR").toUpperCase();
  var day = DG.isDay(params.get("date")) && params.get("date") <= today ? params.get("date") : today;
  var states = {}, geoCodes = {}, featureName = {}, current = null, seq = 0, timer = null;

  var svg = $("map"), tip = $("tooltip"), slider = $("slider"), dateIn = $("date"), picker = $("state-picker");

  function init(list, topo) {
    var byNum = {}, byName = {};
    list.forEach(function (s) {
      states[s.code] = s;
      if (s.isonum && (!byNum[+s.isonum] || s.end == null)) byNum[+s.isonum] = s.code;
      [s.name, s.official_name].concat(s.aliases || []).forEach(function (n) { if (n) byName[n.toLowerCase()] = s.code; });
    });
    var opts = list.slice().sort(function (a, b) { return a.name.localeCompare(b.name); }).map(function (s) {
      return '<option value="' + esc(s.code) + '">' + esc(s.name) + " (" + esc(s.code) + ")" + (s.end ? " — former" : "") + "</option>";
    });
    picker.innerHTML = opts.join("");
    if (!states[selected]) selected = "KOR";
    picker.value = selected;

    var size = Topo.size(W);
    svg.setAttribute("viewBox", "0 0 " + size.width + " " + size.height);
    var parts = ['<defs><pattern id="hatch-unknown" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
      '<rect width="6" height="6" fill="#f2f2f2"/><rect width="3" height="6" fill="#8a8a8a"/></pattern></defs>',
      '<path class="sphere" d="' + Topo.outline(W) + '" aria-hidden="true"/>'];
    Topo.features(topo, "countries", W).forEach(function (f) {
      var code = f.id != null ? byNum[+f.id] : null;
      if (!code) code = byName[f.name.toLowerCase()] || NAME_FALLBACK[f.name.toLowerCase()] || null;
      if (code) geoCodes[code] = true;
      featureName[f.id || f.name] = f.name;
      parts.push('<path d="' + f.path + '" data-status="nodata"' + (f.id ? ' data-iso="' + esc(f.id) + '"' : "") +
        ' data-feature="' + esc(f.name) + '"' + (code ? ' data-code="' + esc(code) + '" tabindex="0" role="link"' : "") +
        ' aria-label="' + esc(code && states[code] ? states[code].name : f.name) + '"/>');
    });
    svg.innerHTML = parts.join("");

    slider.max = String(DG.daysBetween(START, today));
    dateIn.max = today;
    setDay(day);
    wire();
    load();
  }

  function setDay(d) {
    day = d;
    slider.value = String(DG.daysBetween(START, d));
    dateIn.value = d;
    $("as-of").textContent = d;
    $("state-name").textContent = states[selected] ? states[selected].name : selected;
    $("state-link").href = "/states/" + encodeURIComponent(selected);
    $("state-link").textContent = (states[selected] ? states[selected].name : selected) + ": state page";
    // the map's data, as datasette pages link theirs: the same answer as JSON and CSV
    var q = "/states/" + encodeURIComponent(selected) + "/statuses";
    $("data-links").innerHTML = 'data: <a href="' + q + ".json?_as_of=" + day + '">JSON</a> · <a href="' + q + ".csv?_as_of=" + day + '">CSV</a>';
    history.replaceState(null, "", "?state=" + encodeURIComponent(selected) + (day === today ? "" : "&date=" + day));
  }

  function load() {
    var my = ++seq;
    DG.api("/states/" + encodeURIComponent(selected) + "/statuses.json?_as_of=" + day).then(function (doc) {
      if (my !== seq) return; // a newer request is on its way
      DG.clearError();
      render(doc);
    }, function () { /* shown in #error */ });
  }

  function render(doc) {
    current = {};
    (doc.statuses || []).forEach(function (s) { current[s.state] = s; });
    svg.querySelectorAll("path[data-code]").forEach(function (p) {
      var c = p.getAttribute("data-code");
      var st = c === doc.state ? "self" : current[c] ? current[c].status : "nodata";
      p.setAttribute("data-status", st);
      p.setAttribute("aria-label", (states[c] ? states[c].name : c) + ": " + label(st));
    });
    var counts = {};
    STATUSES.forEach(function (s) { counts[s] = 0; });
    (doc.statuses || []).forEach(function (s) { counts[s.status] = (counts[s.status] || 0) + 1; });
    $("counts").innerHTML = STATUSES.map(function (s) {
      return '<li data-status="' + s + '"><span>' + DG.swatch(s) + esc(s) + '</span><span class="n">' + counts[s] + "</span></li>";
    }).join("") + '<li data-status="self"><span>' + DG.swatch("self") + "selected state</span></li>" +
      '<li data-status="nodata"><span>' + DG.swatch("nodata") + "no data / not a state</span></li>" +
      '<li class="muted">' + esc(doc.count) + " with relations of " + esc(doc.of) + (doc.coverage ? " · known " + esc(doc.coverage.known) + ", unknown " + esc(doc.coverage.unknown) : "") + "</li>";
    var byName = (doc.statuses || []).slice().sort(function (a, b) { return String(a.name).localeCompare(String(b.name)); });
    var item = function (s) {
      return '<li data-code="' + esc(s.state) + '" data-status="' + esc(s.status) + '" title="' + esc(s.status) + '">' + DG.swatch(s.status) +
        '<a href="/pairs/' + encodeURIComponent(doc.state) + "/" + encodeURIComponent(s.state) + '">' + esc(s.name) + "</a></li>";
    };
    var empty = '<li class="muted">none</li>';
    var fill = function (id, list) { $(id).innerHTML = list.length ? list.map(item).join("") : empty; };
    fill("without", byName.filter(function (s) { return WITHOUT[s.status]; }));
    fill("unknown", byName.filter(function (s) { return s.status === "unknown"; }));
    fill("small-states", byName.filter(function (s) { return !geoCodes[s.state]; }));
    $("as-of").textContent = doc.as_of;
    document.body.dataset.ready = doc.as_of;
  }

  function label(st) { return st === "self" ? "selected state" : st === "nodata" ? "no data" : st; }

  function info(p) {
    var c = p.getAttribute("data-code"), name = c && states[c] ? states[c].name : p.getAttribute("data-feature");
    var st = p.getAttribute("data-status"), s = current && c ? current[c] : null;
    var h = "<strong>" + esc(name) + "</strong> " + DG.statusTag(label(st)).replace(/data-status="[^"]*"/, "data-status=\"" + esc(st) + "\"");
    if (!c) return h + '<div class="muted">not a state in the graph</div>';
    if (!s) return h + (st === "self" ? "" : '<div class="muted">no status on this day</div>');
    h += "<div>since " + esc(DG.fmtDate(s.since)) + "</div>";
    var e = s.evidence;
    if (e) {
      h += "<div>" + esc(e.event || "") + " · " + esc(e.publisher || "") + ", " + esc(e.date || "") + (e.url ? " · " + DG.link(e.url, "source") : "") + "</div>";
      if (e.quote) h += '<div class="q">“' + esc(e.quote) + "”</div>";
    }
    return h;
  }

  function show(p, x, y) {
    svg.querySelectorAll("path.hover").forEach(function (q) { q.classList.remove("hover"); });
    p.classList.add("hover");
    var h = info(p);
    tip.innerHTML = h;
    tip.hidden = false;
    var wrap = $("map-wrap").getBoundingClientRect();
    var left = Math.min(x - wrap.left + 14, wrap.width - 330);
    tip.style.left = Math.max(0, left) + "px";
    tip.style.top = (y - wrap.top + 14) + "px";
    var c = p.getAttribute("data-code");
    $("details").innerHTML = h + (c && c !== selected ? '<div><a href="/pairs/' + encodeURIComponent(selected) + "/" + encodeURIComponent(c) + '">Pair history and all sources →</a></div>' : "");
  }

  function go(p) {
    var c = p.getAttribute("data-code");
    if (c && c !== selected) location.href = "/pairs/" + encodeURIComponent(selected) + "/" + encodeURIComponent(c);
  }

  function wire() {
    svg.addEventListener("mousemove", function (ev) {
      var p = ev.target.closest("path");
      if (p && !p.classList.contains("sphere")) show(p, ev.clientX, ev.clientY); else tip.hidden = true;
    });
    svg.addEventListener("mouseleave", function () { tip.hidden = true; });
    svg.addEventListener("focusin", function (ev) {
      var r = ev.target.getBoundingClientRect();
      if (ev.target.tagName.toLowerCase() === "path") show(ev.target, r.left + r.width / 2, r.top + r.height / 2);
    });
    svg.addEventListener("focusout", function () { tip.hidden = true; });
    svg.addEventListener("click", function (ev) { var p = ev.target.closest("path[data-code]"); if (p) go(p); });
    svg.addEventListener("keydown", function (ev) { if (ev.key === "Enter" && ev.target.hasAttribute("data-code")) go(ev.target); });
    slider.addEventListener("input", function () {
      setDay(DG.addDays(START, +slider.value));
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE);
    });
    dateIn.addEventListener("change", function () {
      if (!DG.isDay(dateIn.value)) return;
      var d = dateIn.value < START ? START : dateIn.value > today ? today : dateIn.value;
      clearTimeout(timer);
      setDay(d);
      load();
    });
    $("controls").addEventListener("submit", function (ev) { ev.preventDefault(); });
    picker.addEventListener("change", function () { selected = picker.value; setDay(day); load(); });
  }

  Promise.all([DG.states(), fetch("/assets/world/countries-110m.json").then(function (r) { return r.json(); })])
    .then(function (r) { init(r[0], r[1]); })
    .catch(function (e) { DG.showError("could not load the map: " + e.message); });
})();
