// kg serve's page: search, a Graphviz view of the chosen entities, their
// facts and sentences, paths, filters, a Gizmo console and exports. The
// view's state lives in the URL's fragment, so a view can be bookmarked.
"use strict";

const $ = (id) => document.getElementById(id);

// The view: the entities shown, the two picked last, the filters.
const view = { ids: [], picked: [], types: [], relations: [], minconf: 0, since: "", until: "", onpath: [] };
let edges = []; // the drawn edges: Graphviz's edgeN is edges[N-1]

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function showError(msg) {
  const e = $("error");
  e.textContent = msg;
  e.hidden = false;
  clearTimeout(showError.t);
  showError.t = setTimeout(() => { e.hidden = true; }, 6000);
}

// api fetches a JSON answer; an error answer throws its message.
async function api(path, params, body) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== "" && v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) q.set(k, Array.isArray(v) ? v.join(",") : v);
  }
  const init = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const res = await fetch("api/v1/" + path + (q.toString() ? "?" + q : ""), init);
  $("busy").hidden = res.headers.get("KG-Store-Busy") !== "1";
  const data = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

function filters() {
  return { types: view.types, relations: view.relations, min_confidence: view.minconf || "", since: view.since, until: view.until };
}

function period() { return { since: view.since, until: view.until }; }

// --- the URL ---

function saveState() {
  const q = new URLSearchParams();
  if (view.ids.length) q.set("ids", view.ids.join(","));
  if (view.picked.length) q.set("picked", view.picked.join(","));
  if (view.types.length) q.set("types", view.types.join(","));
  if (view.relations.length) q.set("relations", view.relations.join("|"));
  if (view.minconf) q.set("minconf", view.minconf);
  if (view.since) q.set("since", view.since);
  if (view.until) q.set("until", view.until);
  history.replaceState(null, "", "#" + q.toString());
}

function loadState() {
  const q = new URLSearchParams(location.hash.slice(1));
  const list = (k, sep) => (q.get(k) || "").split(sep || ",").filter(Boolean);
  view.ids = list("ids");
  view.picked = list("picked").filter((id) => view.ids.includes(id));
  view.types = list("types");
  view.relations = list("relations", "|");
  view.minconf = parseFloat(q.get("minconf")) || 0;
  view.since = q.get("since") || "";
  view.until = q.get("until") || "";
}

// --- search ---

let active = -1;

async function suggest() {
  const q = $("search").value.trim();
  const ul = $("suggestions");
  if (!q) { ul.hidden = true; return; }
  const seq = (suggest.seq = (suggest.seq || 0) + 1);
  let data;
  try { data = await api("search", { q, limit: 10 }); } catch (e) { showError(e.message); return; }
  if (seq !== suggest.seq) return; // a later keystroke asked again
  ul.replaceChildren();
  active = -1;
  for (const s of data.entities) {
    const meta = [s.type || "-", s.mentions + " mentions"];
    if (s.matched !== s.name) meta.unshift("as " + s.matched);
    ul.append(el("li", { role: "option", "data-id": s.id, onmousedown: (ev) => { ev.preventDefault(); choose(s.id); } },
      s.name, el("span", { class: "meta" }, meta.join(", "))));
  }
  if (!data.entities.length) ul.append(el("li", { class: "hint" }, "no entity starts so"));
  ul.hidden = false;
}

function moveActive(d) {
  const items = [...$("suggestions").querySelectorAll("li[data-id]")];
  if (!items.length) return;
  active = (active + d + items.length) % items.length;
  items.forEach((li, i) => li.setAttribute("aria-selected", i === active ? "true" : "false"));
}

async function choose(id) {
  $("suggestions").hidden = true;
  $("search").value = "";
  if (!view.ids.includes(id)) view.ids.push(id);
  pick(id);
  // The facts are asked for now, not after the drawing: the panel shows
  // what was asked last (see ask).
  await Promise.all([draw(), showFacts(id)]);
}

// --- the view ---

function pick(id) {
  view.picked = view.picked.filter((p) => p !== id);
  view.picked.push(id);
  if (view.picked.length > 2) view.picked.shift();
  updateButtons();
}

function updateButtons() {
  const sel = view.picked[view.picked.length - 1];
  $("expand").disabled = !sel;
  $("remove").disabled = !sel;
  $("path").disabled = view.picked.length !== 2;
  $("picked").textContent = view.picked.length ? view.picked.map(nameOf).join(" and ") : "none";
}

const names = new Map();
function nameOf(id) { return names.get(id) || id.replace(/^kg:entity\//, ""); }

// drawn counts the drawings asked for: a view that comes back after a later
// one was asked for is not drawn over it.
let drawn = 0;

async function draw() {
  const seq = ++drawn;
  saveState();
  updateButtons();
  const canvas = $("canvas");
  if (!view.ids.length) {
    canvas.replaceChildren(el("p", { class: "hint" }, "Search for an entity to start."));
    edges = [];
    return;
  }
  let data;
  try { data = await api("view", { ids: view.ids, ...filters() }); } catch (e) { showError(e.message); return; }
  if (seq !== drawn) return;
  for (const n of data.nodes) names.set(n.id, n.name);
  edges = data.edges;
  if (!data.svg) { canvas.replaceChildren(el("p", { class: "hint" }, "The filters leave nothing of this view.")); return; }
  const doc = new DOMParser().parseFromString(data.svg, "image/svg+xml");
  const svg = doc.documentElement;
  // Graphviz's SVG holds text of the documents: keep it inert.
  svg.querySelectorAll("script, foreignObject").forEach((n) => n.remove());
  svg.querySelectorAll("*").forEach((n) => {
    for (const a of [...n.attributes]) if (/^on/i.test(a.name) || /href$/i.test(a.name)) n.removeAttribute(a.name);
  });
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  const node = document.importNode(svg, true);
  canvas.replaceChildren(node);
  panZoom(node);
  for (const g of node.querySelectorAll("g.node")) {
    const id = g.querySelector("title").textContent;
    if (id.startsWith("legend:")) continue;
    g.dataset.id = id;
    if (view.picked.includes(id)) g.classList.add("picked");
  }
  for (const g of node.querySelectorAll("g.edge")) {
    const n = parseInt((g.id || "").replace("edge", ""), 10);
    const e = edges[n - 1];
    if (!e) continue; // the legend's
    g.dataset.edge = n - 1;
    if (view.onpath.some((k) => k === e.from + " " + e.to)) g.classList.add("onpath");
  }
}

// panZoom moves the SVG's viewBox: drag to pan, the wheel to zoom.
function panZoom(svg) {
  const vb = svg.viewBox.baseVal;
  if (!vb || !vb.width) return;
  let drag = null;
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const r = svg.getBoundingClientRect();
    const f = ev.deltaY < 0 ? 0.85 : 1 / 0.85;
    const x = vb.x + ((ev.clientX - r.left) / r.width) * vb.width;
    const y = vb.y + ((ev.clientY - r.top) / r.height) * vb.height;
    vb.x = x - (x - vb.x) * f; vb.y = y - (y - vb.y) * f; vb.width *= f; vb.height *= f;
  }, { passive: false });
  svg.addEventListener("pointerdown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, moved: false }; });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    vb.x -= (dx * vb.width) / r.width; vb.y -= (dy * vb.height) / r.height;
    drag.x = ev.clientX; drag.y = ev.clientY;
  });
  svg.addEventListener("pointerup", () => { setTimeout(() => { drag = null; }, 0); });
  svg.addEventListener("click", (ev) => {
    if (drag && drag.moved) return;
    const g = ev.target.closest("g.node, g.edge");
    if (!g) return;
    if (g.dataset.id) clickNode(g.dataset.id);
    else if (g.dataset.edge !== undefined) showEdge(edges[+g.dataset.edge], g);
  });
}

async function clickNode(id) {
  pick(id);
  await Promise.all([expand(id), showFacts(id)]);
}

// expand adds an entity's neighbours to the view: the first 50 of those the
// type and relation filters let through (asked for in a larger batch when a
// filter is set, since the server's nearest are not filtered by them).
async function expand(id) {
  const filtered = view.types.length || view.relations.length;
  let data;
  try { data = await api("neighbors", { name: id, depth: 1, limit: filtered ? 500 : 50, min_confidence: view.minconf || "", ...period() }); } catch (e) { showError(e.message); return; }
  const kept = data.neighbors.filter((n) => (!view.types.length || view.types.includes(n.type)) &&
    (!view.relations.length || n.via.some((s) => view.relations.includes(s.relation)))).slice(0, 50);
  for (const n of kept) if (!view.ids.includes(n.id)) view.ids.push(n.id);
  if (view.ids.length > 300) { view.ids = view.ids.slice(-300); showError("the view keeps the last 300 entities"); }
  await draw();
}

// --- the side panel ---

function details(...children) { $("details").replaceChildren(...children); }

// The side panel shows the answer to what the analyst asked for last. Its
// requests can come back in any order (the facts of an entity just picked
// after the paths asked for a moment later), so each asks for a ticket
// before it sends, and an answer whose ticket is no longer the last is
// dropped.
let asked = 0;
function ask() { return ++asked; }
function stillAsked(ticket) { return ticket === asked; }

function evidenceList(records, dates) {
  return records.map((r) => el("div", { class: "evidence" },
    el("p", { class: "sentence" }, r.negated ? el("span", { class: "denies" }, "denies: ") : "", r.text),
    el("div", { class: "where" }, [r.document, "sentence " + r.sentence_index, dates[r.document] ? "dated " + dates[r.document] : "",
      r.time ? "when: " + r.time + (r.time_iso ? " (" + r.time_iso + ")" : "") : "", "confidence " + r.confidence.toFixed(2)].filter(Boolean).join(" · "))));
}

function factLine(f) {
  return f.subject + " -[" + (f.negated ? "not " : "") + f.relation + "]-> " + f.object;
}

async function showEdge(e, g) {
  document.querySelectorAll("#canvas g.edge.current").forEach((x) => x.classList.remove("current"));
  if (g) g.classList.add("current");
  const ticket = ask();
  let data;
  try { data = await api("edge", { from: e.from, relation: e.relation, to: e.to, ...period() }); } catch (err) { showError(err.message); return; }
  if (!stillAsked(ticket)) return;
  const f = data.fact;
  details(el("h3", { id: "edge-title" }, factLine(f)),
    el("p", {}, `${f.sentences} sentence(s) in ${f.documents} document(s)` + (f.denials ? `, ${f.denials} denying it` : "") + `, confidence ${f.confidence.toFixed(2)}`),
    ...evidenceList(f.evidence, data.dates || {}));
}

async function showFacts(id) {
  const ticket = ask();
  let data;
  try { data = await api("facts", { name: id, ...period() }); } catch (e) { showError(e.message); return; }
  if (!stillAsked(ticket)) return;
  const e = data.entity;
  names.set(e.id, e.name);
  const rows = data.facts.map((s) => el("tr", {},
    el("td", {}, s.relation), el("td", {}, el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); showEdge({ from: s.subject_id, relation: s.relation, to: s.object_id }); } }, factLine(s))),
    el("td", {}, s.sentences), el("td", {}, (s.times || []).join("; "))));
  details(el("h3", {}, e.name + (e.type ? " (" + e.type + ")" : "")),
    el("p", {}, [e.aliases && e.aliases.length ? "also: " + e.aliases.join(", ") : "", e.mentions + " mentions", e.degree + " connected entities"].filter(Boolean).join(" · ")),
    el("table", {}, el("tr", {}, el("th", {}, "relation"), el("th", {}, "fact"), el("th", {}, "sentences"), el("th", {}, "when")), ...rows));
}

async function showPaths() {
  if (view.picked.length !== 2) return;
  const [a, b] = view.picked;
  const ticket = ask();
  let data;
  try { data = await api("paths", { from: a, to: b, k: 3, max_hops: 4, ...period() }); } catch (e) { showError(e.message); return; }
  if (!stillAsked(ticket)) return;
  const out = [el("h3", {}, "Paths: " + nameOf(a) + " to " + nameOf(b))];
  if (!data.paths.length) out.push(el("p", { id: "no-path" }, "No connection within 4 hops."));
  view.onpath = [];
  data.paths.forEach((p, i) => {
    for (const n of p.entities) { names.set(n.id, n.name); if (!view.ids.includes(n.id)) view.ids.push(n.id); }
    const box = el("div", { class: "path" }, el("h4", {}, (i + 1) + ". " + p.entities.map((n) => n.name).join(" - ") + " (" + p.hops.length + " hops)"));
    for (const h of p.hops) {
      for (const s of h.facts) {
        view.onpath.push(s.subject_id + " " + s.object_id);
        box.append(el("p", {}, el("strong", {}, factLine(s))), ...evidenceList(s.evidence, {}));
      }
    }
    out.push(box);
  });
  details(...out);
  await draw();
}

// --- filters and export ---

async function loadStatus() {
  let st;
  try { st = await api("status"); } catch (e) { showError(e.message); return; }
  $("store").textContent = `${st.store}: ${st.entities} entities, ${st.facts} facts, ${st.documents} documents`;
  const types = $("types");
  types.replaceChildren(el("legend", {}, "types"));
  for (const t of st.types) {
    const box = el("input", { type: "checkbox", value: t });
    box.checked = view.types.includes(t);
    types.append(el("label", {}, box, t));
  }
  const rel = $("relation");
  rel.replaceChildren();
  for (const r of st.relations) {
    const o = el("option", { value: r }, r);
    o.selected = view.relations.includes(r);
    rel.append(o);
  }
  $("minconf").value = view.minconf;
  $("since").value = view.since;
  $("until").value = view.until;
}

function applyFilters() {
  view.types = [...$("types").querySelectorAll("input:checked")].map((b) => b.value);
  view.relations = [...$("relation").selectedOptions].map((o) => o.value);
  view.minconf = parseFloat($("minconf").value) || 0;
  view.since = $("since").value.trim();
  view.until = $("until").value.trim();
  draw();
}

function exportView() {
  const q = new URLSearchParams({ format: $("format").value });
  for (const [k, v] of Object.entries({ ids: view.ids, ...filters() })) if (v !== "" && !(Array.isArray(v) && !v.length)) q.set(k, Array.isArray(v) ? v.join(",") : v);
  const a = el("a", { href: "api/v1/export?" + q, download: "" });
  document.body.append(a);
  a.click();
  a.remove();
}

// --- Gizmo ---

async function runGizmo() {
  const status = $("gizmo-status");
  status.textContent = "running...";
  $("results").replaceChildren();
  let data;
  const t0 = performance.now();
  try { data = await api("query", {}, { query: $("gizmo").value, limit: 1000 }); } catch (e) { status.textContent = e.message; return; }
  status.textContent = `${data.results.length} result(s)${data.truncated ? " (the first " + data.limit + ")" : ""} in ${Math.round(performance.now() - t0)} ms`;
  const cols = [];
  for (const r of data.results) if (r && typeof r === "object") for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const cell = (v) => (v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
  const rows = data.results.map((r) => el("tr", {}, ...(cols.length ? cols.map((c) => el("td", {}, cell(r[c]))) : [el("td", {}, cell(r))])));
  $("results").replaceChildren(el("table", { id: "results-table" },
    el("tr", {}, ...(cols.length ? cols : ["result"]).map((c) => el("th", {}, c))), ...rows));
}

// --- wiring ---

function init() {
  loadState();
  const search = $("search");
  let timer;
  search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") { ev.preventDefault(); moveActive(1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); moveActive(-1); }
    else if (ev.key === "Enter") {
      const items = [...$("suggestions").querySelectorAll("li[data-id]")];
      const li = items[active >= 0 ? active : 0];
      if (li) choose(li.dataset.id);
    } else if (ev.key === "Escape") $("suggestions").hidden = true;
  });
  search.addEventListener("blur", () => setTimeout(() => { $("suggestions").hidden = true; }, 150));
  $("expand").addEventListener("click", () => expand(view.picked[view.picked.length - 1]));
  $("path").addEventListener("click", showPaths);
  $("remove").addEventListener("click", () => {
    const id = view.picked.pop();
    view.ids = view.ids.filter((x) => x !== id);
    draw();
  });
  $("clear").addEventListener("click", () => { view.ids = []; view.picked = []; view.onpath = []; ask(); details(); draw(); });
  $("apply").addEventListener("click", applyFilters);
  $("export").addEventListener("click", exportView);
  $("run").addEventListener("click", runGizmo);
  $("gizmo").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) runGizmo(); });
  window.addEventListener("hashchange", () => { loadState(); draw(); });
  loadStatus();
  draw();
}

init();
