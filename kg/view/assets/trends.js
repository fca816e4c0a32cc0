// The comparison of two meetings: sectors and places new, recurring, gone; problems matched by text.
// Reads KG_MEETINGS and KG_ALIKE; the same bigram Dice as kg/view/similar.py.
(function () {
  "use strict";
  var first = document.getElementById("kg-first"), second = document.getElementById("kg-second");
  var out = document.getElementById("kg-comparison");

  function bigrams(text) {
    var plain = text.replace(/[^\p{L}\p{N}]+/gu, ""), grams = {};
    for (var i = 0; i + 1 < plain.length; i++) grams[plain.slice(i, i + 2)] = true;
    if (plain.length < 2) grams[plain] = true;
    return grams;
  }
  function dice(a, b) {
    var na = 0, nb = 0, shared = 0;
    Object.keys(a).forEach(function (g) { na++; if (b[g]) shared++; });
    nb = Object.keys(b).length;
    return na + nb ? 2 * shared / (na + nb) : 1;
  }
  function element(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function block(cls, title, items) {
    var div = element("div", undefined, cls);
    div.appendChild(element("h3", title + "（" + items.length + "）"));
    var ul = element("ul", undefined, "values");
    items.forEach(function (item) { ul.appendChild(element("li", item)); });
    div.appendChild(ul);
    return div;
  }
  function compareCounts(title, before, after) {
    var section = element("section");
    section.appendChild(element("h2", title));
    var grid = element("div", undefined, "columns");
    var added = [], kept = [], gone = [];
    Object.keys(after).sort(function (x, y) { return after[y] - after[x]; }).forEach(function (k) {
      if (before[k]) kept.push(k + "：" + before[k] + " → " + after[k]);
      else added.push(k + "：" + after[k]);
    });
    Object.keys(before).sort(function (x, y) { return before[y] - before[x]; }).forEach(function (k) {
      if (!after[k]) gone.push(k + "：" + before[k]);
    });
    grid.appendChild(block("new", "新出现", added));
    grid.appendChild(block("kept", "延续", kept));
    grid.appendChild(block("gone", "不再出现", gone));
    section.appendChild(grid);
    return { section: section, added: added.length, kept: kept.length, gone: gone.length };
  }
  function matchProblems(before, after) {
    var keys = before.map(bigrams), pairs = [], fresh = [];
    after.forEach(function (text) {
      var grams = bigrams(text), best = -1, score = KG_ALIKE;
      keys.forEach(function (k, i) { var s = dice(grams, k); if (s >= score) { best = i; score = s; } });
      if (best >= 0) pairs.push([text, before[best], score]);
      else fresh.push(text);
    });
    return { pairs: pairs, fresh: fresh };
  }
  function compare() {
    var a = KG_MEETINGS[+first.value], b = KG_MEETINGS[+second.value];
    out.textContent = "";
    if (!a || !b) return;
    var sectors = compareCounts("领域（发言篇数）", a.sectors, b.sectors);
    var places = compareCounts("地点（发言篇数）", a.places, b.places);
    out.appendChild(sectors.section);
    out.appendChild(places.section);
    var matched = matchProblems(a.problems, b.problems);
    var section = element("section");
    section.appendChild(element("h2", "再次提出的问题（" + matched.pairs.length + " / " + b.problems.length + "）"));
    var ul = element("ul", undefined, "pairs");
    matched.pairs.sort(function (x, y) { return y[2] - x[2]; }).forEach(function (p) {
      var li = element("li", p[0]);
      if (p[0] !== p[1]) li.appendChild(element("span", " ← " + p[1], "then"));
      ul.appendChild(li);
    });
    if (!matched.pairs.length) ul.appendChild(element("li", "没有相近的问题"));
    section.appendChild(ul);
    section.appendChild(element("h2", "新提出的问题（" + matched.fresh.length + "）"));
    var fresh = element("ul", undefined, "values");
    matched.fresh.forEach(function (text) { fresh.appendChild(element("li", text)); });
    section.appendChild(fresh);
    out.appendChild(section);
    window.kgComparison = { sectors: [sectors.added, sectors.kept, sectors.gone],
                            places: [places.added, places.kept, places.gone],
                            recurring: matched.pairs.map(function (p) { return [p[0], p[1]]; }), fresh: matched.fresh };
  }
  first.addEventListener("change", compare);
  second.addEventListener("change", compare);
  compare();
  window.kgReady = true;
})();
