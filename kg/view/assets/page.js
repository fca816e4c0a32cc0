// The page's behaviour: draw the network (positions computed ahead, physics off), then legend,
// filters, search and details. Reads KG_NODES, KG_EDGES, KG_OPTIONS, KG_TYPE_NAMES.
(function () {
  "use strict";
  var container = document.getElementById("kg-network");
  var nodes = new vis.DataSet(KG_NODES);
  var edges = new vis.DataSet(KG_EDGES);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, KG_OPTIONS);
  var byId = {};
  var hidden = {};
  KG_NODES.forEach(function (n) { byId[n.id] = n; hidden[n.id] = false; });

  network.once("afterDrawing", function () {
    window.kgDrawnAt = performance.now();
    window.kgReady = true;
  });
  network.fit({ animation: false });

  var stats = document.getElementById("kg-stats");
  function shownCount() { return network.body.nodeIndices.length; }
  function shownEdges() {
    return KG_EDGES.filter(function (e) { return !hidden[e.from] && !hidden[e.to]; }).length;
  }
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
    var updates = [];
    KG_NODES.forEach(function (n) {
      var visible = types[n.type] !== false && chosen.every(function (s) {
        return n[s.dataset.dimension].indexOf(s.value) >= 0;
      });
      if (hidden[n.id] === visible) {
        hidden[n.id] = !visible;
        updates.push({ id: n.id, hidden: !visible });
      }
    });
    if (updates.length) {
      nodes.update(updates);
      // What is left may sit anywhere on the canvas: bring it into view.
      var shown = KG_NODES.filter(function (n) { return !hidden[n.id]; }).map(function (n) { return n.id; });
      if (shown.length) network.fit({ nodes: shown, animation: false });
    }
    showStats();
  }
  typeBoxes.forEach(function (box) { box.addEventListener("change", applyFilters); });
  selects.forEach(function (s) { s.addEventListener("change", applyFilters); });
  function resetFilters() {
    typeBoxes.forEach(function (box) { box.checked = true; });
    selects.forEach(function (s) { s.value = ""; });
    applyFilters();
  }
  document.getElementById("kg-reset").addEventListener("click", resetFilters);

  var detail = document.getElementById("kg-detail-text");
  function showDetails(id) {
    var n = byId[id];
    if (n) detail.textContent = n.title + "\n\n类型：" + KG_TYPE_NAMES[n.type] + "\n" + n.id;
  }
  network.on("click", function (params) { if (params.nodes.length) showDetails(params.nodes[0]); });

  var labels = document.getElementById("kg-labels");
  var seen = {};
  KG_NODES.forEach(function (n) {
    if (seen[n.name]) return;
    seen[n.name] = true;
    var option = document.createElement("option");
    option.value = n.name;
    labels.appendChild(option);
  });

  var input = document.getElementById("kg-search");
  var result = document.getElementById("kg-search-result");
  function findNode(query) {
    var exact = KG_NODES.filter(function (n) { return n.name === query; });
    if (exact.length) return exact[0];
    // 晋中 should find 晋中市 before a meeting whose long name holds it: shortest name first.
    var partial = KG_NODES.filter(function (n) { return n.name.indexOf(query) >= 0; });
    partial.sort(function (a, b) { return a.name.length - b.name.length; });
    return partial.length ? partial[0] : null;
  }
  function search() {
    var query = input.value.trim();
    if (!query) return;
    var n = findNode(query);
    if (!n) { result.textContent = "没有找到“" + query + "”"; return; }
    if (hidden[n.id]) resetFilters();
    network.selectNodes([n.id]);
    network.focus(n.id, { scale: 1.4, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(n.id);
    result.textContent = "已定位：" + n.name + "（" + KG_TYPE_NAMES[n.type] + "）";
  }
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") search(); });
  document.getElementById("kg-search-go").addEventListener("click", search);

  showStats();
  window.kgView = { network: network, nodes: nodes, edges: edges, search: search,
                    applyFilters: applyFilters, shownCount: shownCount, shownEdges: shownEdges };
})();
