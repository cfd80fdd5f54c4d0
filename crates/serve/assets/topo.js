// topo.js owns TopoJSON decoding (quantized, delta-encoded arcs) and the Equal Earth projection to SVG path strings.
(function (root) {
  "use strict";
  var A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
  // Equal Earth (Šavrič, Patterson, Jenny 2018); returns unit coordinates, y up.
  function equalEarth(lon, lat) {
    var lam = lon * Math.PI / 180, phi = lat * Math.PI / 180;
    var th = Math.asin(M * Math.sin(phi)), t2 = th * th, t6 = t2 * t2 * t2;
    var x = lam * Math.cos(th) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    var y = th * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return [x, y];
  }
  var XMAX = equalEarth(180, 0)[0], YMAX = equalEarth(0, 90)[1];

  // Decode every arc to absolute [lon, lat] points.
  function decodeArcs(topo) {
    var tf = topo.transform;
    return topo.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        if (!tf) return [p[0], p[1]];
        x += p[0]; y += p[1];
        return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
      });
    });
  }

  function ringPoints(arcs, ring) {
    var pts = [];
    ring.forEach(function (i, k) {
      var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      pts = pts.concat(k === 0 ? a : a.slice(1));
    });
    return pts;
  }

  // Project a ring to an SVG subpath; a jump of more than 180° in longitude starts a new subpath.
  function ringPath(pts, project) {
    var out = "", prev = null, split = false;
    pts.forEach(function (p) {
      var q = project(p[0], p[1]);
      var cmd = prev === null || Math.abs(p[0] - prev) > 180 ? "M" : "L";
      if (cmd === "M" && prev !== null) split = true;
      out += cmd + q[0].toFixed(1) + "," + q[1].toFixed(1);
      prev = p[0];
    });
    return split ? out : out + "Z";
  }

  // features(topo, name) -> [{id, name, path}] for width w (height follows the projection's aspect).
  // projector(width): [lon, lat] -> SVG [x, y], the whole globe fitting width.
  function projector(width) {
    var k = width / (2 * XMAX);
    return function (lon, lat) {
      var p = equalEarth(lon, lat);
      return [(p[0] + XMAX) * k, (YMAX - p[1]) * k];
    };
  }

  // the globe's outline as an SVG path
  function outline(width) {
    var project = projector(width), pts = [], lat;
    for (lat = -90; lat <= 90; lat += 5) pts.push(project(-180, lat));
    for (lat = 90; lat >= -90; lat -= 5) pts.push(project(180, lat));
    return "M" + pts.map(function (q) { return q[0].toFixed(1) + "," + q[1].toFixed(1); }).join("L") + "Z";
  }

  function features(topo, objectName, width) {
    var arcs = decodeArcs(topo), project = projector(width);
    return topo.objects[objectName].geometries.map(function (g) {
      var polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      var d = polys.map(function (poly) {
        return poly.map(function (ring) { return ringPath(ringPoints(arcs, ring), project); }).join("");
      }).join("");
      return { id: g.id == null ? null : String(g.id), name: (g.properties || {}).name || "", path: d };
    });
  }

  function size(width) { return { width: width, height: Math.ceil(width * YMAX / XMAX) }; }

  var api = { equalEarth: equalEarth, decodeArcs: decodeArcs, projector: projector, outline: outline, features: features, size: size };
  if (typeof module !== "undefined" && module.exports) module.exports = api; else root.Topo = api;
})(this);
