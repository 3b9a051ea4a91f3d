// policykg interactive graph page: tooltips, search, filters and legend on top of the vis network
// that pyvis draws. All document text is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pkg-data").textContent);
  var tip = document.getElementById("pkg-tip");
  var hiddenKinds = {};
  var jurisdiction = "";

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d").replace(/\u0110/g, "D").toLowerCase();
  }

  function showTip(rows, pointer) {
    tip.replaceChildren();
    rows.forEach(function (row) {
      var line = document.createElement("div");
      var caption = document.createElement("b");
      caption.textContent = row[0] + ": ";
      line.appendChild(caption);
      line.appendChild(document.createTextNode(row[1]));
      tip.appendChild(line);
    });
    tip.hidden = false;
    var x = pointer.x + 14, y = pointer.y + 14;
    var box = tip.getBoundingClientRect();
    if (x + box.width > window.innerWidth) { x = Math.max(0, pointer.x - box.width - 14); }
    if (y + box.height > window.innerHeight) { y = Math.max(0, pointer.y - box.height - 14); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  function hideTip() { tip.hidden = true; }

  function applyFilters() {
    var updates = data.nodes.map(function (node, id) {
      var hide = Boolean(hiddenKinds[node.k]) || (jurisdiction !== "" && node.j !== jurisdiction);
      return { id: id, hidden: hide };
    });
    nodes.update(updates);
  }

  function buildKinds() {
    var box = document.getElementById("pkg-kinds");
    data.kinds.forEach(function (kind) {
      var label = document.createElement("label");
      label.className = "pkg-kind";
      var check = document.createElement("input");
      check.type = "checkbox";
      check.checked = true;
      check.value = kind.key;
      check.addEventListener("change", function () {
        hiddenKinds[kind.key] = !check.checked;
        applyFilters();
      });
      var glyph = document.createElement("span");
      glyph.className = "pkg-glyph";
      glyph.textContent = kind.glyph;
      glyph.style.color = kind.color;
      var name = document.createElement("span");
      name.textContent = kind.label;
      var count = document.createElement("span");
      count.className = "pkg-n";
      count.textContent = String(kind.count);
      label.append(check, glyph, name, count);
      box.appendChild(label);
    });
  }

  function buildJurisdictions() {
    var select = document.getElementById("pkg-jurisdiction");
    data.jurisdictions.forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      jurisdiction = select.value;
      applyFilters();
    });
  }

  function search(query) {
    var status = document.getElementById("pkg-search-status");
    var wanted = fold(query.trim());
    if (wanted === "") { status.textContent = ""; network.unselectAll(); return; }
    var exact = [], partial = [];
    data.nodes.forEach(function (node, id) {
      if (!node.s) { return; }
      if (fold(node.l) === wanted) { exact.push(id); } else if (fold(node.s).indexOf(wanted) >= 0) { partial.push(id); }
    });
    var found = exact.concat(partial);
    status.textContent = found.length ? found.length + " kết quả" : "Không tìm thấy";
    if (!found.length) { network.unselectAll(); return; }
    network.selectNodes(found);
    network.focus(found[0], { scale: 1.2, animation: { duration: 400 } });
  }

  function buildSearch() {
    var input = document.getElementById("pkg-search");
    var list = document.getElementById("pkg-search-list");
    data.nodes.forEach(function (node) {
      if (!node.s) { return; }
      var option = document.createElement("option");
      option.value = node.l;
      list.appendChild(option);
    });
    input.addEventListener("change", function () { search(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { search(input.value); }
    });
  }

  function bindNetwork() {
    network.on("hoverNode", function (params) { showTip(data.nodes[params.node].m, params.pointer.DOM); });
    network.on("hoverEdge", function (params) { showTip(data.edges[params.edge].m, params.pointer.DOM); });
    network.on("blurNode", hideTip);
    network.on("blurEdge", hideTip);
    network.on("dragStart", hideTip);
    network.on("zoom", hideTip);
  }

  // Small graphs settle with physics, then freeze so nodes stay where the reader put them. The
  // events may have fired before this script ran, hence the timer.
  function freeze() {
    if (network.physics.options.enabled) { network.setOptions({ physics: false }); }
    document.body.setAttribute("data-pkg-still", "1");
  }

  function freezeWhenSettled() {
    if (!network.physics.options.enabled) { freeze(); return; }
    network.once("stabilizationIterationsDone", freeze);
    network.once("stabilized", freeze);
    setTimeout(freeze, 4000);
  }

  buildKinds();
  buildJurisdictions();
  buildSearch();
  bindNetwork();
  freezeWhenSettled();
  document.body.setAttribute("data-pkg-ready", "1");
})();
