// common.js owns what every page shares: the envelope-unwrapping fetch, #error, date helpers, HTML escaping, the nav header and source rendering.
(function () {
  "use strict";
  var DG = {};

  DG.esc = function (s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  };
  DG.$ = function (sel, el) { return (el || document).querySelector(sel); };

  DG.showError = function (msg) {
    var el = document.getElementById("error");
    if (!el) { el = document.createElement("div"); el.id = "error"; document.body.prepend(el); }
    el.textContent = msg;
    el.hidden = false;
  };
  DG.clearError = function () { var el = document.getElementById("error"); if (el) { el.hidden = true; el.textContent = ""; } };

  // fetch a contract route, unwrap {ok,data}; on ok:false (or a non-JSON answer) show the error and throw.
  DG.api = function (url, opts) {
    return fetch(url, opts).then(function (res) {
      return res.text().then(function (body) {
        var env;
        if (res.ok && !body.trim()) return null; // e.g. 204 from a POST
        try { env = JSON.parse(body); } catch (e) {
          throw new Error("HTTP " + res.status + " from " + url + ": not JSON");
        }
        if (!env || env.ok !== true) {
          var err = new Error((env && env.error) || ("HTTP " + res.status));
          err.status = (env && env.status) || res.status;
          throw err;
        }
        return env.data;
      });
    }).catch(function (e) {
      DG.showError((e.status ? e.status + ": " : "") + e.message);
      throw e;
    });
  };

  // dates: ISO YYYY-MM-DD strings, UTC day arithmetic
  DG.parseDay = function (iso) { var p = iso.split("-"); return Date.UTC(+p[0], (+p[1] || 1) - 1, +p[2] || 1); };
  DG.isoDay = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
  DG.addDays = function (iso, n) { return DG.isoDay(DG.parseDay(iso) + n * 86400000); };
  DG.daysBetween = function (a, b) { return Math.round((DG.parseDay(b) - DG.parseDay(a)) / 86400000); };
  DG.isDay = function (s) { return /^\d{4}-\d{2}-\d{2}$/.test(s || ""); };
  DG.today = function () {
    var t = document.body.dataset.today;
    return DG.isDay(t) ? t : DG.isoDay(Date.now());
  };
  // a date with its precision: "2003 (year)", "before 2005-12-16", "—"
  DG.fmtDate = function (d, precision) {
    if (!d) return "—";
    if (precision === "before") return "before " + d;
    if (precision === "after") return "after " + d;
    return d;
  };

  DG.pathParts = function () { return location.pathname.split("/").filter(Boolean).map(decodeURIComponent); };

  DG.swatch = function (status) { return '<span class="swatch" data-status="' + DG.esc(status) + '" aria-hidden="true"></span>'; };
  DG.statusTag = function (status) { return '<span class="status-tag" data-status="' + DG.esc(status) + '">' + DG.esc(status) + "</span>"; };

  DG.safeUrl = function (u) { return /^https?:\/\//i.test(u || "") ? u : null; };
  DG.link = function (url, text) {
    var u = DG.safeUrl(url);
    return u ? '<a href="' + DG.esc(u) + '" rel="noopener noreferrer">' + DG.esc(text || u) + "</a>" : DG.esc(text || "");
  };

  // one source: publisher, date, link, quote, citation, set statement
  DG.sourceHtml = function (s) {
    if (!s) return "";
    var head = [DG.esc(s.publisher || "unknown publisher"), DG.esc(s.published || s.date || "")].filter(Boolean).join(", ");
    var h = "<strong>" + head + "</strong>";
    if (s.url) h += " · " + DG.link(s.url, s.url.replace(/^https?:\/\//, "").slice(0, 70));
    if (s.quote) h += "<blockquote>" + DG.esc(s.quote) + "</blockquote>";
    if (s.citation) h += '<div class="meta">' + DG.esc(s.citation) + "</div>";
    if (s.set_statement) h += '<div class="set">' + DG.esc(s.set_statement) + "</div>";
    if (s.origin && s.origin.file) h += '<div class="set">' + DG.esc(s.origin.kind || "") + " " + DG.esc(s.origin.file) + (s.origin.line ? ":" + DG.esc(s.origin.line) : "") + "</div>";
    return h;
  };
  DG.sourcesHtml = function (list) {
    if (!list || !list.length) return '<p class="muted">No source recorded.</p>';
    return '<ul class="sources">' + list.map(function (s) { return "<li>" + DG.sourceHtml(s) + "</li>"; }).join("") + "</ul>";
  };

  // any JSON value as escaped HTML (tables for objects, lists for arrays)
  DG.generic = function (v) {
    if (v == null) return '<span class="muted">—</span>';
    if (Array.isArray(v)) {
      if (!v.length) return '<span class="muted">(none)</span>';
      return "<ol>" + v.map(function (x) { return "<li>" + DG.generic(x) + "</li>"; }).join("") + "</ol>";
    }
    if (typeof v === "object") {
      if (v.publisher && (v.url || v.quote || v.citation)) return DG.sourceHtml(v);
      return '<table class="generic">' + Object.keys(v).map(function (k) {
        return "<tr><th>" + DG.esc(k) + "</th><td>" + DG.generic(v[k]) + "</td></tr>";
      }).join("") + "</table>";
    }
    if (typeof v === "string" && DG.safeUrl(v)) return DG.link(v);
    return DG.esc(v);
  };

  // nav header: mark the current page
  DG.nav = function () {
    var here = location.pathname;
    document.querySelectorAll(".site-header nav a").forEach(function (a) {
      var p = a.getAttribute("href");
      if (p === here || (p === "/" && (here === "/" || here === "/index.html"))) a.setAttribute("aria-current", "page");
    });
  };

  var states = null;
  DG.states = function () { if (!states) states = DG.api("/states.json"); return states; };

  window.DG = DG;
  document.addEventListener("DOMContentLoaded", DG.nav);
})();
