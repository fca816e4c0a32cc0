// The page's behaviour: draw the network (positions computed ahead, physics off), label it legibly,
// then legend, filters, search, neighbourhood highlight and details.
// vis-network draws the nodes and handles pan, zoom, hover and click; this script draws the edges
// (one canvas path: creating 16,000 vis-network edges takes ~2 s, drawing them here a few ms) and
// the labels.
// Reads KG_VIEW, KG_NODES, KG_EDGES, KG_OPTIONS, KG_TYPE_NAMES, KG_FONT, KG_OUTLINES.
(function () {
  "use strict";
  // Labels are drawn by this script, not by vis-network: the most connected nodes (n.key) always,
  // the others once their label reaches MIN_LABEL_PX on screen, each only where it overlaps no label
  // already placed, most important first, at most one per LABEL_AREA_PX of canvas.
  var MIN_LABEL_PX = 11, KEY_LABEL_PX = 12, MAX_LABEL_PX = 22, LABEL_AREA_PX = 4500, GRID_PX = 64;
  var LEADER_RINGS = 8, LEADER_STEP_PX = 28;  // how far a crowded hub's label may go, tied by a line
  var RELAYOUT_MAX_NODES = 4000;
  var TYPE_ORDER = ["party", "sector", "region", "meeting", "speech", "issue", "suggestion", "organization",
                    "person", "other"];
  var container = document.getElementById("kg-network");
  var byId = {}, hidden = {}, index = {};
  var maxWeight = 1;
  KG_NODES.forEach(function (n, i) {
    byId[n.id] = n; hidden[n.id] = false; index[n.id] = i;
    if (n.w > maxWeight) maxWeight = n.w;
    if (n.drawAs) n.ctxRenderer = shapeRenderer(n.drawAs);
  });
  var nodes = new vis.DataSet(KG_NODES);
  var network = new vis.Network(container, { nodes: nodes, edges: [] }, KG_OPTIONS);
  var body = network.body;
  var bodyNodes = KG_NODES.map(function (n) { return body.nodes[n.id]; });
  var home = KG_NODES.map(function (n) { return [n.x, n.y]; });  // the positions computed ahead
  var adjacency = KG_NODES.map(function () { return []; });  // [edge index, other node index, outgoing]
  KG_EDGES.forEach(function (e, k) {
    var a = e.a = index[e.from], b = e.b = index[e.to];
    adjacency[a].push([k, b, true]);
    adjacency[b].push([k, a, false]);
  });
  var edgesShown = KG_EDGES.length;
  var labelOrder = KG_NODES.map(function (_, i) { return i; }).sort(function (a, b) {
    var na = KG_NODES[a], nb = KG_NODES[b];
    return (nb.key - na.key) || (nb.w - na.w) || (na.name < nb.name ? -1 : na.name > nb.name ? 1 : 0);
  });

  function shapeRenderer(kind) {  // regions, meetings and folded nodes: shapes sized by n.size
    return function (a) {
      var s = byId[a.id].size, ctx = a.ctx, style = a.style;
      var w = kind === "box" ? s * 2.6 : 2 * s * (kind === "ellipse" ? 1.3 : 1);
      var h = kind === "box" ? s * 1.5 : 2 * s * (kind === "ellipse" ? 0.8 : 1);
      return {
        drawNode: function () {
          ctx.beginPath();
          if (kind === "box") ctx.rect(a.x - w / 2, a.y - h / 2, w, h);
          else ctx.ellipse(a.x, a.y, w / 2, h / 2, 0, 0, 2 * Math.PI);
          ctx.fillStyle = style.color;
          ctx.fill();
          ctx.lineWidth = style.borderWidth;
          ctx.strokeStyle = style.borderColor;
          ctx.stroke();
        },
        nodeDimensions: { width: w, height: h }
      };
    };
  }

  // --- labels -------------------------------------------------------------------------------------
  var placed = [];  // the labels of the last frame: {id, x, y, w, h} in CSS pixels
  var flows = [];  // the weights written on flows in the last frame
  var textWidth = {};  // label width at 100px, measured once per node
  var focus = null;  // the highlighted neighbourhood: {centre, order: [node index], edges: [edge index]}

  function labelBox(i, n, px, sx, sy, r, side, ctx) {
    if (textWidth[i] === undefined) {
      ctx.font = "100px " + KG_FONT;
      textWidth[i] = ctx.measureText(n.short).width;
    }
    var w = textWidth[i] * px / 100, h = px * 1.25;
    if (side === "left") return { x: sx - r - 4 - w, y: sy - h / 2, w: w, h: h };
    if (side === "right") return { x: sx + r + 4, y: sy - h / 2, w: w, h: h };
    if (side === "above") return { x: sx - w / 2, y: sy - r - 2 - h, w: w, h: h };
    if (side === "centre") return { x: sx - w / 2, y: sy - h / 2, w: w, h: h };
    return { x: sx - w / 2, y: sy + r + 2, w: w, h: h };
  }

  function drawLabels(ctx) {
    var ratio = network.canvas.pixelRatio || 1;
    var scale = network.getScale(), t = body.view.translation;
    var width = container.clientWidth, height = container.clientHeight;
    var budget = Math.max(12, Math.floor(width * height / LABEL_AREA_PX));
    var grid = {};
    placed = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    function free(b) {
      if (b.x < 0 || b.y < 0 || b.x + b.w > width || b.y + b.h > height) return false;
      for (var gx = Math.floor(b.x / GRID_PX); gx <= Math.floor((b.x + b.w) / GRID_PX); gx++) {
        for (var gy = Math.floor(b.y / GRID_PX); gy <= Math.floor((b.y + b.h) / GRID_PX); gy++) {
          var cell = grid[gx + "," + gy] || [];
          for (var k = 0; k < cell.length; k++) {
            var o = cell[k];
            if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
          }
        }
      }
      return true;
    }
    function occupy(b) {
      for (var gx = Math.floor(b.x / GRID_PX); gx <= Math.floor((b.x + b.w) / GRID_PX); gx++) {
        for (var gy = Math.floor(b.y / GRID_PX); gy <= Math.floor((b.y + b.h) / GRID_PX); gy++) {
          (grid[gx + "," + gy] = grid[gx + "," + gy] || []).push(b);
        }
      }
    }
    function tryLabel(i, forced) {
      var n = KG_NODES[i], bn = bodyNodes[i];
      if (hidden[n.id] || !n.short) return;
      var sx = bn.x * scale + t.x, sy = bn.y * scale + t.y;
      if (sx < -50 || sy < -50 || sx > width + 50 || sy > height + 50) return;
      var px = (12 + 14 * Math.sqrt(n.w / maxWeight)) * scale;
      if (px < MIN_LABEL_PX && !n.key && !forced) return;
      px = Math.min(Math.max(px, n.key || forced ? KEY_LABEL_PX : MIN_LABEL_PX), MAX_LABEL_PX);
      var r = n.size * scale * (n.drawAs === "ellipse" ? 0.8 : 1);
      var sides = n.key || forced ? [n.side, "below", "right", "left", "above"] : [n.side];
      for (var s = 0; s < sides.length; s++) {
        var b = labelBox(i, n, px, sx, sy, r, sides[s], ctx);
        if (free(b)) return place(b, n, px, null);
      }
      if (!n.key && !forced) return;
      // A hub among hubs: the label goes further out, on rings round the node, tied to it by a line.
      for (var ring = 1; ring <= LEADER_RINGS; ring++) {
        for (var k = 0; k < 12; k++) {
          var angle = (k / 12 + (ring % 2) / 24) * 2 * Math.PI, d = r + ring * LEADER_STEP_PX;
          var far = labelBox(i, n, px, sx + d * Math.cos(angle), sy + d * Math.sin(angle), 0, "centre", ctx);
          if (free(far)) return place(far, n, px, [sx, sy]);
        }
      }
    }
    function place(b, n, px, leader) {
      occupy(b);
      b.id = n.id; b.text = n.short; b.px = px; b.leader = leader; b.key = n.key;
      placed.push(b);
    }
    flows = [];  // the weights written on the heaviest flows (overview), placed before any name
    KG_EDGES.forEach(function (e) {
      if (!e.label || focus || !edgeShown(e)) return;
      var m = edgeMiddle(e), px = 13;
      ctx.font = "bold " + px + "px " + KG_FONT;
      var w = ctx.measureText(e.label).width + 8, h = px * 1.4;
      var b = { x: m[0] * scale + t.x - w / 2, y: m[1] * scale + t.y - h / 2, w: w, h: h };
      if (free(b)) { occupy(b); b.text = e.label; flows.push(b); }
    });
    if (focus) {
      tryLabel(focus.centre, true);
      focus.order.forEach(function (i) { if (placed.length < budget) tryLabel(i, true); });
    } else {
      for (var k = 0; k < labelOrder.length && placed.length < budget; k++) tryLabel(labelOrder[k], false);
    }
    flows.forEach(function (b) {
      ctx.font = "bold 13px " + KG_FONT;
      ctx.fillStyle = "rgba(255,255,255,0.9)";
      ctx.fillRect(b.x, b.y, b.w, b.h);
      ctx.strokeStyle = "#888888";
      ctx.lineWidth = 1;
      ctx.strokeRect(b.x, b.y, b.w, b.h);
      ctx.fillStyle = "#222222";
      ctx.fillText(b.text, b.x + 4, b.y + 3);
    });
    ctx.strokeStyle = "#666666";
    ctx.lineWidth = 1;
    placed.forEach(function (b) {  // leader lines first, under every label
      if (!b.leader) return;
      ctx.beginPath();
      ctx.moveTo(b.leader[0], b.leader[1]);
      ctx.lineTo(Math.min(Math.max(b.leader[0], b.x), b.x + b.w), Math.min(Math.max(b.leader[1], b.y), b.y + b.h));
      ctx.stroke();
    });
    placed.forEach(function (b) {
      ctx.font = (b.id === (focus && KG_NODES[focus.centre].id) ? "bold " : "") + b.px + "px " + KG_FONT;
      if (b.key) {  // a hub's label sits over the densest part of the picture: give it a ground
        ctx.fillStyle = "rgba(255,255,255,0.72)";
        ctx.fillRect(b.x - 2, b.y, b.w + 4, b.h);
      }
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.strokeText(b.text, b.x, b.y + b.h * 0.1);
      ctx.fillStyle = "#1d1d1d";
      ctx.fillText(b.text, b.x, b.y + b.h * 0.1);
    });
    ctx.restore();
  }

  // --- edges ----------------------------------------------------------------------------------------
  function edgePath(ctx, e) {
    var p = bodyNodes[e.a], q = bodyNodes[e.b];
    ctx.moveTo(p.x, p.y);
    if (e.curve === "flow") {  // the overview: a horizontal S from column to column
      var dx = (q.x - p.x) / 2;
      ctx.bezierCurveTo(p.x + dx, p.y, q.x - dx, q.y, q.x, q.y);
    } else if (e.curve === "arc") {  // the map: an arc between two places
      var mid = arcControl(p, q);
      ctx.quadraticCurveTo(mid[0], mid[1], q.x, q.y);
    } else {
      ctx.lineTo(q.x, q.y);
    }
  }
  function arcControl(p, q) { return [(p.x + q.x) / 2 - (q.y - p.y) * 0.3, (p.y + q.y) / 2 + (q.x - p.x) * 0.3]; }
  function edgeMiddle(e) {
    var p = bodyNodes[e.a], q = bodyNodes[e.b];
    if (e.curve !== "arc") return [(p.x + q.x) / 2, (p.y + q.y) / 2];
    var c = arcControl(p, q);
    return [(p.x + 2 * c[0] + q.x) / 4, (p.y + 2 * c[1] + q.y) / 4];
  }
  function edgeShown(e) { return !hidden[KG_NODES[e.a].id] && !hidden[KG_NODES[e.b].id]; }
  function drawEdges(ctx) {
    var styled = [];
    ctx.save();
    ctx.lineCap = "round";
    ctx.beginPath();
    KG_EDGES.forEach(function (e) {
      if (!edgeShown(e)) return;
      if (e.color) styled.push(e);
      else edgePath(ctx, e);
    });
    ctx.strokeStyle = "#c4c4c4";
    ctx.lineWidth = 1;
    ctx.stroke();
    styled.sort(function (a, b) { return a.width - b.width; });
    styled.forEach(function (e) {
      ctx.beginPath();
      edgePath(ctx, e);
      ctx.strokeStyle = e.color;
      ctx.lineWidth = e.width;
      ctx.stroke();
    });
    ctx.restore();
  }

  function drawOutlines(ctx) {  // the map's province outlines, under everything
    if (!KG_OUTLINES.length) return;
    ctx.save();
    ctx.lineWidth = 1 / network.getScale();
    ctx.strokeStyle = "#a9a49a";
    ctx.fillStyle = "#f4f2ec";
    KG_OUTLINES.forEach(function (ring) {
      ctx.beginPath();
      ctx.moveTo(ring[0], ring[1]);
      for (var k = 2; k < ring.length; k += 2) ctx.lineTo(ring[k], ring[k + 1]);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
    });
    ctx.restore();
  }

  network.on("beforeDrawing", function (ctx) { drawOutlines(ctx); drawEdges(ctx); });
  network.on("afterDrawing", function (ctx) {
    if (focus) {  // dim the rest: a veil over the picture, then the neighbourhood drawn again on it
      var ratio = network.canvas.pixelRatio || 1;
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.fillStyle = "rgba(255,255,255,0.8)";
      ctx.fillRect(0, 0, container.clientWidth, container.clientHeight);
      ctx.restore();
      ctx.save();
      focus.edges.forEach(function (k) {
        var e = KG_EDGES[k];
        ctx.beginPath();
        edgePath(ctx, e);
        ctx.strokeStyle = "#555555";
        ctx.lineWidth = Math.max(1.5, (e.width || 1) * 0.6) / Math.min(1, network.getScale());
        ctx.stroke();
      });
      ctx.restore();
      bodyNodes[focus.centre].draw(ctx);
      focus.order.forEach(function (i) { bodyNodes[i].draw(ctx); });
    }
    drawLabels(ctx);
  });
  function ready() {  // drawn, and window.kgView set (a synchronous first drawing comes before that)
    if (window.kgDrawnAt !== undefined && window.kgView) window.kgReady = true;
  }
  network.once("afterDrawing", function () {
    window.kgDrawnAt = performance.now();
    ready();
  });
  // fit() frames the nodes, not their labels: leave room for the labels beside the overview's columns
  var FIT_MARGIN = KG_VIEW === "overview" ? 0.8 : 0.95;
  function fitAll(ids) {
    network.fit({ nodes: ids || [], animation: false, maxZoomLevel: 1.5 });
    network.moveTo({ scale: network.getScale() * FIT_MARGIN, animation: false });
  }
  fitAll();

  // --- neighbourhood and details ------------------------------------------------------------------
  var detail = document.getElementById("kg-detail-text");
  function highlight(i) {
    var near = {}, order = [], edgeIds = [];
    adjacency[i].forEach(function (link) {
      if (hidden[KG_NODES[link[1]].id]) return;
      edgeIds.push(link[0]);
      if (!near[link[1]] && link[1] !== i) { near[link[1]] = true; order.push(link[1]); }
    });
    order.sort(function (a, b) { return KG_NODES[b].w - KG_NODES[a].w; });
    focus = { centre: i, order: order, edges: edgeIds };
  }
  function relations(i) {  // "领域 → 养老与社会保障、教育": each relation once, each name once
    var groups = {}, keys = [];
    adjacency[i].forEach(function (link) {
      var e = KG_EDGES[link[0]], key = e.title + (link[2] ? " →" : " ←");
      if (!groups[key]) { groups[key] = []; keys.push(key); }
      var name = KG_NODES[link[1]].name;
      if (groups[key].indexOf(name) < 0) groups[key].push(name);
    });
    return keys.map(function (key) {
      var names = groups[key];
      var shown = names.slice(0, 12).join("、") + (names.length > 12 ? " 等 " + names.length + " 项" : "");
      return key + " " + shown;
    }).join("\n");
  }
  function showDetails(id) {
    var n = byId[id];
    if (!n) return;
    var text = n.title + "\n\n类型：" + KG_TYPE_NAMES[n.type];
    var rel = relations(index[id]);
    if (rel) text += "\n\n关系：\n" + rel;
    if (n.items && n.items.length) text += "\n\n" + n.itemsHeading + "：\n" + n.items.join("\n");
    detail.textContent = text + "\n\n" + (n.id.indexOf("urn:kg:") === 0 ? "" : n.id);
  }
  function select(id) {
    highlight(index[id]);
    showDetails(id);
    network.redraw();
  }
  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0]);
    else if (focus) { focus = null; network.redraw(); }
  });

  // --- filters ------------------------------------------------------------------------------------
  var stats = document.getElementById("kg-stats");
  function shownCount() { return body.nodeIndices.length; }
  function shownEdges() { return edgesShown; }
  function showStats() {
    stats.textContent = "显示 " + shownCount() + " / " + KG_NODES.length + " 个节点，" +
      shownEdges() + " / " + KG_EDGES.length + " 条边";
  }
  var typeBoxes = Array.prototype.slice.call(document.querySelectorAll("#kg-legend input[data-type]"));
  var selects = Array.prototype.slice.call(document.querySelectorAll("#kg-filters select"));

  function applyFilters() {
    var types = {};
    typeBoxes.forEach(function (box) { types[box.dataset.type] = box.checked; });
    var chosen = selects.filter(function (s) { return s.value; });
    var shown = [];
    KG_NODES.forEach(function (n, i) {
      var visible = types[n.type] !== false && chosen.every(function (s) {
        return n[s.dataset.dimension].indexOf(s.value) >= 0;
      });
      hidden[n.id] = !visible;
      // straight into vis-network's nodes: a DataSet update re-parses every node's options (~0.1 ms each)
      bodyNodes[i].options.hidden = !visible;
      if (visible) shown.push(i);
    });
    focus = null;
    network._updateVisibleIndices();  // what "_dataChanged" does that matters here, without the rest
    edgesShown = KG_EDGES.filter(edgeShown).length;
    // all shown, or too many left to lay out in the page: every node where the layout put it
    var target = home;
    if (shown.length < KG_NODES.length) {
      if (KG_VIEW === "map") target = null;  // places stay at their coordinates
      else if (KG_VIEW === "overview") target = kgRelayout.closeColumns(home, shown);
      else if (shown.length <= RELAYOUT_MAX_NODES) target = kgRelayout.forceLayout(home, links(), shown);
    }
    if (target) moveTo(target, shown);
    if (shown.length) fitAll(shown.map(function (i) { return KG_NODES[i].id; }));
    network.redraw();
    showStats();
  }
  function links() { return KG_EDGES.map(function (e) { return [e.a, e.b]; }); }
  function moveTo(positions, which) {
    which.forEach(function (i) { bodyNodes[i].x = positions[i][0]; bodyNodes[i].y = positions[i][1]; });
  }
  typeBoxes.forEach(function (box) { box.addEventListener("change", applyFilters); });
  selects.forEach(function (s) { s.addEventListener("change", applyFilters); });
  function resetFilters() {
    typeBoxes.forEach(function (box) { box.checked = true; });
    selects.forEach(function (s) { s.value = ""; });
    applyFilters();
  }
  document.getElementById("kg-reset").addEventListener("click", resetFilters);

  // --- search: every name (titles, problems, suggestions, places …) holding the words typed ---------
  var input = document.getElementById("kg-search");
  var result = document.getElementById("kg-search-result");
  var hitList = document.getElementById("kg-hits");
  var hits = [], current = -1, lastQuery = null;
  function findHits(query) {
    var found = KG_NODES.filter(function (n) { return n.name.indexOf(query) >= 0; });
    found.sort(function (a, b) {
      return (a.name === query ? 0 : 1) - (b.name === query ? 0 : 1) ||
        TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.name.length - b.name.length ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
    return found;
  }
  function jump(k) {
    var n = hits[k];
    current = k;
    if (hidden[n.id]) resetFilters();
    network.selectNodes([n.id]);
    select(n.id);  // then frame the node with its neighbours
    fitAll([n.id].concat(focus.order.map(function (i) { return KG_NODES[i].id; })));
    Array.prototype.forEach.call(hitList.children, function (li, j) { li.classList.toggle("kg-current", j === k); });
    result.textContent = "第 " + (k + 1) + " / " + hits.length + " 条：" + n.name + "（" + KG_TYPE_NAMES[n.type] + "）";
  }
  function search() {
    var query = input.value.trim();
    if (!query) return;
    if (query === lastQuery && hits.length) { jump((current + 1) % hits.length); return; }
    lastQuery = query;
    hits = findHits(query);
    hitList.textContent = "";
    if (!hits.length) { result.textContent = "没有找到“" + query + "”"; return; }
    hits.slice(0, 200).forEach(function (n, k) {
      var li = document.createElement("li");
      var tag = document.createElement("span");
      tag.className = "kg-hit-type";
      tag.textContent = KG_TYPE_NAMES[n.type];
      li.appendChild(tag);
      li.appendChild(document.createTextNode(n.name));
      li.addEventListener("click", function () { jump(k); });
      hitList.appendChild(li);
    });
    jump(0);
  }
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") search(); });
  document.getElementById("kg-search-go").addEventListener("click", search);

  showStats();
  window.kgView = {
    network: network, nodes: nodes, search: search, select: select,
    applyFilters: applyFilters, fit: fitAll, shownCount: shownCount, shownEdges: shownEdges,
    labels: function () { return placed.map(function (b) { return { id: b.id, x: b.x, y: b.y, w: b.w, h: b.h }; }); },
    flows: function () { return flows.map(function (b) { return b.text; }); },
    hits: function () { return hits.map(function (n) { return n.id; }); },
    position: function (id) { var b = body.nodes[id]; return [b.x, b.y]; }
  };
  ready();
})();
