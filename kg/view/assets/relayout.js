// Laying out again what a filter leaves: pure functions of the positions computed ahead ("home",
// [x, y] by node index), the edges ([from, to] node indexes) and the indexes left shown.
var kgRelayout = (function () {
  "use strict";
  var IDEAL_EDGE = 140, LAYOUT_ITERATIONS = 60;

  function closeColumns(home, shown) {  // the overview: what is left of each column, evenly spaced again
    var columns = {}, positions = home.slice(), top = Infinity, bottom = -Infinity;
    home.forEach(function (p) { top = Math.min(top, p[1]); bottom = Math.max(bottom, p[1]); });
    shown.forEach(function (i) { (columns[home[i][0]] = columns[home[i][0]] || []).push(i); });
    Object.keys(columns).forEach(function (x) {
      var column = columns[x].sort(function (a, b) { return home[a][1] - home[b][1]; });
      var step = Math.min(120, (bottom - top + 1) / column.length);
      column.forEach(function (i, k) { positions[i] = [home[i][0], (k - (column.length - 1) / 2) * step]; });
    });
    return positions;
  }
  function forceLayout(home, edges, shown) {
    // What a filter leaves is scattered over the whole picture: lay it out again, compactly.
    // Fruchterman-Reingold with repulsion only within two edge lengths (a grid finds the pairs);
    // nodes with one link (problems, suggestions) go on a ring round their node afterwards.
    var positions = home.slice(), local = {}, m = shown.length;
    shown.forEach(function (i, k) { local[i] = k; });
    var links = shown.map(function () { return []; });
    edges.forEach(function (e) {
      var a = local[e[0]], b = local[e[1]];
      if (a !== undefined && b !== undefined && a !== b) { links[a].push(b); links[b].push(a); }
    });
    var leaves = {}, core = [];
    links.forEach(function (near, k) {
      if (near.length === 1 && links[near[0]].length > 1) (leaves[near[0]] = leaves[near[0]] || []).push(k);
      else core.push(k);
    });
    var n = core.length, side = Math.sqrt(n) * IDEAL_EDGE;
    var xs = new Float64Array(n), ys = new Float64Array(n), at = {};
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    core.forEach(function (k) {
      var p = home[shown[k]];
      x0 = Math.min(x0, p[0]); x1 = Math.max(x1, p[0]); y0 = Math.min(y0, p[1]); y1 = Math.max(y1, p[1]);
    });
    var fit = side / Math.max(x1 - x0, y1 - y0, 1);
    core.forEach(function (k, c) {
      at[k] = c;
      xs[c] = (home[shown[k]][0] - (x0 + x1) / 2) * fit;
      ys[c] = (home[shown[k]][1] - (y0 + y1) / 2) * fit;
    });
    var pairs = [];
    core.forEach(function (k, c) {
      links[k].forEach(function (o) { if (at[o] !== undefined && at[o] > c) pairs.push([c, at[o]]); });
    });
    var degree = new Float64Array(n);
    pairs.forEach(function (p) { degree[p[0]]++; degree[p[1]]++; });
    var temperature = side / 6, cell = 2 * IDEAL_EDGE, k2 = IDEAL_EDGE * IDEAL_EDGE;
    var dx = new Float64Array(n), dy = new Float64Array(n);
    for (var it = 0; it < LAYOUT_ITERATIONS; it++) {
      var grid = {};
      for (var c = 0; c < n; c++) {
        dx[c] = -xs[c] * 0.02; dy[c] = -ys[c] * 0.02;
        var key = Math.floor(xs[c] / cell) + "," + Math.floor(ys[c] / cell);
        (grid[key] = grid[key] || []).push(c);
      }
      for (c = 0; c < n; c++) {
        var gx = Math.floor(xs[c] / cell), gy = Math.floor(ys[c] / cell);
        for (var ox = -1; ox <= 1; ox++) {
          for (var oy = -1; oy <= 1; oy++) {
            var others = grid[(gx + ox) + "," + (gy + oy)];
            if (!others) continue;
            for (var q = 0; q < others.length; q++) {
              var o = others[q];
              if (o === c) continue;
              var ddx = xs[c] - xs[o], ddy = ys[c] - ys[o], d2 = Math.max(ddx * ddx + ddy * ddy, 1);
              if (d2 > cell * cell) continue;
              dx[c] += ddx * k2 / d2; dy[c] += ddy * k2 / d2;
            }
          }
        }
      }
      pairs.forEach(function (p) {
        var a = p[0], b = p[1], ddx = xs[a] - xs[b], ddy = ys[a] - ys[b];
        var d = Math.sqrt(ddx * ddx + ddy * ddy) / IDEAL_EDGE / Math.sqrt(degree[a] * degree[b]);
        dx[a] -= ddx * d; dy[a] -= ddy * d; dx[b] += ddx * d; dy[b] += ddy * d;
      });
      for (c = 0; c < n; c++) {
        var len = Math.sqrt(dx[c] * dx[c] + dy[c] * dy[c]) || 1, step = Math.min(len, temperature) / len;
        xs[c] += dx[c] * step; ys[c] += dy[c] * step;
      }
      temperature = Math.max(temperature * 0.93, IDEAL_EDGE / 20);
    }
    core.forEach(function (k, c) { positions[shown[k]] = [xs[c], ys[c]]; });
    Object.keys(leaves).forEach(function (parent) {
      var ring = leaves[parent], centre = positions[shown[parent]], radius = 32 + 2 * ring.length;
      ring.forEach(function (k, j) {
        var angle = 2 * Math.PI * j / ring.length;
        positions[shown[k]] = [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)];
      });
    });
    return positions;
  }

  return { closeColumns: closeColumns, forceLayout: forceLayout };
})();
