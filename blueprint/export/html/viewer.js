(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("blueprint-data").textContent);
  var svg = document.getElementById("blueprint");
  var stage = document.getElementById("stage");
  var panel = document.getElementById("panel");
  var details = document.getElementById("details");
  var cardEls = {};
  var linkEls = {};
  svg.querySelectorAll("[data-card-id]").forEach(function (el) { cardEls[el.getAttribute("data-card-id")] = el; });
  svg.querySelectorAll("[data-link-id]").forEach(function (el) { linkEls[el.getAttribute("data-link-id")] = el; });
  var functions = {};
  data.functions.forEach(function (f) { functions[f.id] = f; });
  var width = svg.viewBox.baseVal.width;
  var height = svg.viewBox.baseVal.height;

  // --- little DOM helpers (text only: nothing from the document is ever markup) ---------------
  function make(tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    if (cls) { el.className = cls; }
    return el;
  }
  function minutes(value) {
    return (Math.round(value * 100) / 100) + " min";
  }
  function fnName(id) {
    return id && functions[id] ? functions[id].name : null;
  }
  function goto(id) {
    var entry = data.cards[id];
    var button = make("button", entry ? entry.title : id, "goto");
    button.type = "button";
    button.setAttribute("data-goto", id);
    return button;
  }

  // --- zoom and pan -------------------------------------------------------------------------------
  // The drawing sits on one plane moved by a CSS transform in its own compositing layer: panning
  // moves the layer's pixels and nothing is laid out or painted again; after a zoom settles the
  // layer is drawn once more at the new scale (sharp), not once per frame.
  var plane = document.getElementById("plane");
  var view = { x: 0, y: 0, s: 1 };
  var frame = 0;
  var drawnScale = 0;
  var sharpTimer = null;
  function apply() {
    if (!frame) { frame = requestAnimationFrame(place); }
  }
  function place() {
    frame = 0;
    plane.style.transform = "translate(" + view.x + "px," + view.y + "px) scale(" + view.s + ")";
    if (view.s !== drawnScale) {
      clearTimeout(sharpTimer);
      sharpTimer = setTimeout(sharpen, 160);
    }
    scheduleDetail();
  }
  // will-change keeps the layer's raster at the scale it was drawn at (after opening or zooming out,
  // far bigger than shown, and every frame of a drag then scales all of it down: 50-200 ms a frame
  // at 5,000 cards without a GPU): leaving it off for one drawn frame makes Chromium draw the layer
  // again at the scale in view. Off for two animation frames, as one is not enough: the callback of
  // the next frame runs before that frame's style, so the browser would never see it off.
  function sharpen() {
    drawnScale = view.s;
    plane.style.willChange = "auto";
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { plane.style.willChange = ""; });
    });
  }

  // --- level of detail (big blueprints): text only near what is in view, none when far out --------
  var lod = svg.classList.contains("lod");
  var pending = data.text || {};  // text of big blueprints' cards and labels, drawn when first near
  var SVG = "http://www.w3.org/2000/svg";
  function svgText(item) {
    var t = document.createElementNS(SVG, "text");
    t.setAttribute("x", item[0]);
    t.setAttribute("y", item[1]);
    t.textContent = item[2];
    if (item[3]) { t.setAttribute("class", item[3]); }
    if (item[4]) { t.setAttribute("text-anchor", item[4]); }
    if (item[5] > 0) { t.setAttribute("textLength", item[5]); }
    return t;
  }
  function drawText(id, el) {
    var entry = pending[id];
    if (!entry) { return; }
    delete pending[id];
    if (Array.isArray(entry)) {
      var first = el.querySelector(".badge");  // the text goes under the fail and wait badges
      entry.forEach(function (item) { el.insertBefore(svgText(item), first); });
      return;
    }
    var holder = el;
    if (entry.turn) {
      holder = document.createElementNS(SVG, "g");
      holder.setAttribute("transform", "rotate(-90 " + entry.turn[0] + " " + entry.turn[1] + ")");
      el.appendChild(holder);
    }
    var p = entry.plate, plate = document.createElementNS(SVG, "rect");
    [["x", p[0]], ["y", p[1]], ["width", p[2]], ["height", p[3]], ["fill", "#FFFFFF"], ["stroke", p[4]], ["stroke-width", 0.4]].forEach(function (a) { plate.setAttribute(a[0], a[1]); });
    holder.appendChild(plate);
    holder.appendChild(svgText(entry.text));
  }
  var near = [];
  var detailTimer = null;
  function scheduleDetail() {
    if (!lod) { return; }
    clearTimeout(detailTimer);
    detailTimer = setTimeout(updateDetail, 90);
  }
  function updateDetail() {
    var far = view.s < 0.3;
    svg.classList.toggle("far", far);
    near.forEach(function (el) { el.classList.remove("near"); });
    near = [];
    if (far) { return; }
    var x0 = -view.x / view.s, y0 = -view.y / view.s;
    var x1 = x0 + stage.clientWidth / view.s, y1 = y0 + stage.clientHeight / view.s;
    function mark(entries, els) {
      Object.keys(entries).forEach(function (id) {
        var b = entries[id].box;
        if (b && b[0] < x1 && x0 < b[2] && b[1] < y1 && y0 < b[3] && els[id]) {
          drawText(id, els[id]);
          els[id].classList.add("near");
          near.push(els[id]);
        }
      });
    }
    mark(data.cards, cardEls);
    mark(data.links, linkEls);
  }
  function fit() {
    var w = stage.clientWidth, h = stage.clientHeight;
    var s = Math.min((w - 16) / width, (h - 16) / height, 1.5);
    view = { s: s, x: (w - width * s) / 2, y: Math.max(8, (h - height * s) / 2) };
    apply();
  }
  function zoomAt(px, py, factor) {
    var s = Math.min(8, Math.max(0.01, view.s * factor));
    view.x = px - (px - view.x) * s / view.s;
    view.y = py - (py - view.y) * s / view.s;
    view.s = s;
    apply();
  }
  function zoomCentre(factor) {
    zoomAt(stage.clientWidth / 2, stage.clientHeight / 2, factor);
  }
  function showElement(el) {
    var box = el.getBBox();
    var s = Math.max(view.s, 0.8);
    view = { s: s, x: stage.clientWidth / 2 - (box.x + box.width / 2) * s, y: stage.clientHeight / 2 - (box.y + box.height / 2) * s };
    apply();
  }
  stage.addEventListener("wheel", function (event) {
    event.preventDefault();
    var r = stage.getBoundingClientRect();
    zoomAt(event.clientX - r.left, event.clientY - r.top, Math.exp(-event.deltaY * 0.0015));
  }, { passive: false });
  var drag = null;
  var dragged = false;
  stage.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) { return; }
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, id: event.pointerId };
    dragged = false;
  });
  stage.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) > 4) {
      dragged = true;
      stage.classList.add("dragging");
      stage.setPointerCapture(drag.id);
    }
    if (dragged) {
      view.x = drag.vx + dx;
      view.y = drag.vy + dy;
      apply();
    }
  });
  function endDrag() {
    drag = null;
    stage.classList.remove("dragging");
  }
  stage.addEventListener("pointerup", endDrag);
  stage.addEventListener("pointercancel", endDrag);

  // --- selection and the detail panel -------------------------------------------------------------
  var selected = null;
  function select(el) {
    if (selected) { selected.classList.remove("selected"); }
    selected = el;
    if (el) { el.classList.add("selected"); }
  }
  function row(list, label, value) {
    list.appendChild(make("dt", label));
    var dd = make("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = value === null || value === undefined || value === "" ? "—" : String(value); }
    list.appendChild(dd);
  }
  function listOf(items, render) {
    if (!items || !items.length) { return make("span", "none", "muted"); }
    var ul = make("ul");
    items.forEach(function (item) { var li = make("li"); render(li, item); ul.appendChild(li); });
    return ul;
  }
  function plansList(indexes) {
    return listOf(indexes, function (li, i) {
      var p = data.plans[i];
      var extra = [p.status, p.due ? "due " + p.due : "no due date"];
      if (p.owner) { extra.push("owner " + (fnName(p.owner) || p.owner)); }
      li.textContent = p.title + " (" + extra.join(", ") + ")";
      if (p.measure || p.target) {
        li.appendChild(make("div", [p.measure, p.target].filter(Boolean).join(": "), "muted"));
      }
    });
  }
  function findingsList(indexes) {
    return listOf(indexes, function (li, i) {
      var f = data.findings[i];
      li.appendChild(make("span", f.code + " " + f.severity + ": ", "sev sev-" + f.severity));
      li.appendChild(document.createTextNode(f.message));
    });
  }
  function linksOf(id, end) {
    var out = [];
    Object.keys(data.links).forEach(function (lid) {
      var l = data.links[lid];
      if (l[end === "in" ? "target" : "source"] === id) { out.push(l); }
    });
    return out;
  }
  function showCard(id) {
    var c = data.cards[id];
    if (!c) { return; }
    details.textContent = "";
    details.appendChild(make("h2", c.title));
    var dl = make("dl");
    row(dl, "Where", c.at + " · " + c.lane);
    row(dl, "Description", c.description);
    row(dl, "Function", fnName(c.function));
    row(dl, "Channel", c.channel);
    row(dl, "Minutes", c.minutes !== undefined ? minutes(c.minutes) : null);
    row(dl, "Tolerance", c.tolerance !== undefined ? minutes(c.tolerance) : null);
    row(dl, "Customer's feeling", c.emotion !== undefined ? (c.emotion > 0 ? "+" : "") + c.emotion : null);
    row(dl, "Fail point", c.fail ? c.fail.severity + (c.fail.note ? ": " + c.fail.note : "") + (c.fail.owner ? " (recovery: " + (fnName(c.fail.owner) || c.fail.owner) + ")" : "") : null);
    row(dl, "Wait point", c.wait ? (c.wait.minutes !== null ? minutes(c.wait.minutes) : "minutes not said") + (c.wait.note ? ": " + c.wait.note : "") : null);
    row(dl, "Evidence", c.evidence || "observed");
    row(dl, "Tags", c.tags ? c.tags.join(", ") : null);
    if (c.time) {
      var t = c.time;
      var text = minutes(t.minutes) + " (work " + minutes(t.work) + ", waiting " + minutes(t.wait) + ")";
      if (t.tolerance !== null) { text += "; tolerance " + minutes(t.tolerance) + (t.over ? ": over" : ""); }
      if (t.incomplete) { text += "; incomplete: some cards of the chain have no minutes"; }
      var time = make("div");
      time.appendChild(make("div", text));
      if (t.chain.length) {
        time.appendChild(make("div", "Through:", "muted"));
        time.appendChild(listOf(t.chain, function (li, cid) { li.appendChild(goto(cid)); }));
      }
      if (t.hidden) { time.appendChild(make("div", "and " + t.hidden + (t.hidden === 1 ? " card" : " cards") + " in lanes this view hides", "muted")); }
      row(dl, "Customer's time here", time);
    } else {
      row(dl, "Customer's time here", c.kind === "customer" ? "not known" : "— (not a customer moment)");
    }
    row(dl, "Receives from", listOf(linksOf(id, "in"), function (li, l) { li.appendChild(goto(l.source)); if (l.label) { li.appendChild(make("span", " (" + l.label + ")", "muted")); } }));
    row(dl, "Hands on to", listOf(linksOf(id, "out"), function (li, l) { li.appendChild(goto(l.target)); if (l.label) { li.appendChild(make("span", " (" + l.label + ")", "muted")); } }));
    row(dl, "Improvements", plansList(c.plans));
    row(dl, "Findings", findingsList(c.findings));
    details.appendChild(dl);
    panel.hidden = false;
    select(cardEls[id]);
  }
  function showLink(id) {
    var l = data.links[id];
    if (!l) { return; }
    details.textContent = "";
    details.appendChild(make("h2", l.label || (l.kind === "loop" ? "Loop" : "Link")));
    var dl = make("dl");
    row(dl, "From", goto(l.source));
    row(dl, "To", goto(l.target));
    row(dl, "Kind", l.kind);
    row(dl, "What is handed over", l.label);
    row(dl, "Improvements", plansList(l.plans));
    row(dl, "Findings", findingsList(l.findings));
    details.appendChild(dl);
    panel.hidden = false;
    select(linkEls[id]);
  }
  svg.addEventListener("click", function (event) {
    if (dragged) { dragged = false; return; }
    var card = event.target.closest("[data-card-id]");
    var link = card ? null : event.target.closest("[data-link-id]");
    if (card) { showCard(card.getAttribute("data-card-id")); }
    else if (link) { showLink(link.getAttribute("data-link-id")); }
  });
  details.addEventListener("click", function (event) {
    var button = event.target.closest("[data-goto]");
    if (button) {
      var id = button.getAttribute("data-goto");
      showCard(id);
      if (cardEls[id]) { showElement(cardEls[id]); }
    }
  });
  // Esc or the close button: the panel goes and the keyboard returns to the card it was about
  function closePanel() {
    var was = selected;
    panel.hidden = true;
    select(null);
    if (was && was.hasAttribute("tabindex") && panel.contains(document.activeElement)) { was.focus({ preventScroll: true }); }
  }
  document.getElementById("close").addEventListener("click", closePanel);

  // --- keyboard: every card is a button in the tab order (Enter or Space opens its details) ----------
  Object.keys(cardEls).forEach(function (id) {
    var el = cardEls[id];
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.setAttribute("aria-label", data.cards[id] ? data.cards[id].title : id);
  });
  svg.addEventListener("focusin", function (event) {
    var card = event.target.closest("[data-card-id]");
    stage.scrollLeft = 0;  // the browser scrolls a focused element into view: the plane does that here
    stage.scrollTop = 0;
    if (!card) { return; }
    var r = card.getBoundingClientRect(), s = stage.getBoundingClientRect();
    if (r.left < s.left || r.top < s.top || r.right > s.right || r.bottom > s.bottom) { showElement(card); }
  });

  // --- focus on functions ---------------------------------------------------------------------------
  var focus = data.focus.slice();
  var functionButtons = {};
  function cardInFocus(id) {
    var c = data.cards[id];
    return !c || c.kind === "customer" || c.kind === "evidence" || (c.function !== undefined && focus.indexOf(c.function) >= 0);
  }
  function applyFocus() {
    var on = focus.length > 0;
    Object.keys(cardEls).forEach(function (id) { cardEls[id].classList.toggle("faded", on && !cardInFocus(id)); });
    Object.keys(linkEls).forEach(function (id) {
      var l = data.links[id], el = linkEls[id];
      var ends = [data.cards[l.source], data.cards[l.target]];
      var strong = on && el.classList.contains("handoff") && ends.some(function (c) { return c && focus.indexOf(c.function) >= 0; });
      el.classList.toggle("strong", strong);
      el.classList.toggle("faded", on && !strong && !(cardInFocus(l.source) && cardInFocus(l.target)));
    });
    Object.keys(functionButtons).forEach(function (fid) {
      functionButtons[fid].setAttribute("aria-pressed", focus.indexOf(fid) >= 0 ? "true" : "false");
    });
  }
  var functionList = document.getElementById("functions");
  data.functions.forEach(function (f) {
    var li = make("li");
    var button = make("button");
    button.type = "button";
    button.setAttribute("data-function", f.id);
    var swatch = make("span", null, "swatch");
    if (f.color) { swatch.style.background = f.color; }
    button.appendChild(swatch);
    button.appendChild(document.createTextNode(f.name));
    button.appendChild(make("span", " " + f.kind + ", " + f.cards + (f.cards === 1 ? " card" : " cards"), "muted"));
    button.title = "Focus on " + f.name + " (Ctrl+click: add to the focus)";
    functionButtons[f.id] = button;
    li.appendChild(button);
    functionList.appendChild(li);
  });
  functionList.addEventListener("click", function (event) {
    var button = event.target.closest("[data-function]");
    if (!button) { return; }
    var fid = button.getAttribute("data-function");
    var at = focus.indexOf(fid);
    if (event.ctrlKey || event.metaKey || event.shiftKey) {
      if (at >= 0) { focus.splice(at, 1); } else { focus.push(fid); }
    } else {
      focus = at >= 0 && focus.length === 1 ? [] : [fid];
    }
    applyFocus();
  });
  document.getElementById("all-functions").addEventListener("click", function () { focus = []; applyFocus(); });

  // --- findings ---------------------------------------------------------------------------------------
  var lit = [];
  var findingList = document.getElementById("findings");
  document.getElementById("findings-count").textContent = String(data.findings.length);
  data.findings.forEach(function (f, i) {
    var li = make("li");
    var button = make("button");
    button.type = "button";
    button.setAttribute("data-finding", String(i));
    button.appendChild(make("span", f.code + " ", "sev sev-" + f.severity));
    button.appendChild(document.createTextNode(f.message));
    li.appendChild(button);
    findingList.appendChild(li);
  });
  if (!data.findings.length) { findingList.appendChild(make("li", "No findings: every hand-off check passes.", "muted")); }
  findingList.addEventListener("click", function (event) {
    var button = event.target.closest("[data-finding]");
    if (!button) { return; }
    lit.forEach(function (el) { el.classList.remove("lit"); });
    findingList.querySelectorAll("[aria-pressed]").forEach(function (b) { b.removeAttribute("aria-pressed"); });
    lit = [];
    data.findings[Number(button.getAttribute("data-finding"))].elements.forEach(function (id) {
      var el = cardEls[id] || linkEls[id];
      if (el) { el.classList.add("lit"); lit.push(el); }
    });
    button.setAttribute("aria-pressed", "true");
    if (lit.length) { showElement(lit[0]); }
  });

  // --- search -----------------------------------------------------------------------------------------
  // Typing outlines the matches; Enter goes to the next one (Shift+Enter: the one before), Esc clears.
  var search = document.getElementById("search");
  var hitsLabel = document.getElementById("hits");
  var hits = [];
  var at = -1;
  var searched = "";
  var timer = null;
  function hitsText() {
    if (!searched) { return ""; }
    var count = hits.length + (hits.length === 1 ? " card" : " cards");
    return at >= 0 && hits.length ? (at + 1) + " of " + count : count;
  }
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    if (q === searched) { return; }
    hits.forEach(function (el) { el.classList.remove("hit"); });
    hits = [];
    at = -1;
    searched = q;
    if (q) {
      Object.keys(data.cards).forEach(function (id) {
        var c = data.cards[id];
        var text = [c.title, c.description, c.channel, c.tags ? c.tags.join(" ") : "", fnName(c.function)].join(" ").toLowerCase();
        if (text.indexOf(q) >= 0 && cardEls[id]) { cardEls[id].classList.add("hit"); hits.push(cardEls[id]); }
      });
    }
    hitsLabel.textContent = hitsText();
  }
  function clearSearch() {
    search.value = "";
    clearTimeout(timer);
    runSearch();
  }
  search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(runSearch, 120); });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      runSearch();
      if (!hits.length) { return; }
      at = event.shiftKey ? (at <= 0 ? hits.length - 1 : at - 1) : (at + 1) % hits.length;
      showElement(hits[at]);
      select(hits[at]);
      hitsLabel.textContent = hitsText();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (search.value) { clearSearch(); } else { closePanel(); search.blur(); }
    }
  });

  document.getElementById("fit").addEventListener("click", fit);
  document.getElementById("zoom-in").addEventListener("click", function () { zoomCentre(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomCentre(0.8); });
  document.addEventListener("keydown", function (event) {
    if (event.target === search || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var card = event.target.closest ? event.target.closest("[data-card-id]") : null;
    if (event.key === "Escape") {
      if (!panel.hidden) { closePanel(); } else if (searched) { clearSearch(); }
    } else if (card && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      showCard(card.getAttribute("data-card-id"));
    } else if (event.key === "+" || event.key === "=") { zoomCentre(1.25); }
    else if (event.key === "-") { zoomCentre(0.8); }
    else if (event.key === "0") { fit(); }
    else if (event.key === "/") { event.preventDefault(); search.focus(); }
  });
  window.addEventListener("beforeprint", function () {
    Object.keys(pending).forEach(function (id) { var el = cardEls[id] || linkEls[id]; if (el) { drawText(id, el); } });
    plane.style.transform = "";
    svg.classList.remove("far");
  });
  window.addEventListener("afterprint", apply);
  if (focus.length) { applyFocus(); }
  stage.classList.remove("loading");
  fit();
  document.documentElement.setAttribute("data-ready", "true");
})();
