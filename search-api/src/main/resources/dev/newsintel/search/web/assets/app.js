// NewsIntel web page: search with facets, and live alerts over Server-Sent Events. Plain DOM, no build step.
// Everything from the server is inserted as text; only the highlighter's <em> tags become elements.
"use strict";

const state = { filters: [], nextSearchAfter: null, searchSeq: 0, inFlight: null };
const $ = (selector) => document.querySelector(selector);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Highlights are HTML-escaped text with <em> around matches: keep the text and the <em>, drop anything else.
function highlighted(fragment) {
  const doc = new DOMParser().parseFromString("<div>" + fragment + "</div>", "text/html");
  const out = document.createDocumentFragment();
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.append(document.createTextNode(node.textContent));
    else if (node.nodeName === "EM") out.append(el("em", {}, node.textContent));
    else out.append(document.createTextNode(node.textContent));
  }
  return out;
}

function params(searchAfter) {
  const p = new URLSearchParams();
  const q = $("#q").value.trim();
  if (q) p.set("q", q);
  const sort = $("#sort").value;
  if (sort) p.set("sort", sort);
  for (const f of state.filters) {
    if (f.param === "month") {
      const start = f.value.substring(0, 10);
      const d = new Date(start + "T00:00:00Z");
      const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
      p.set("from", start);
      p.set("to", end.toISOString().substring(0, 10));
    } else {
      p.append(f.param, f.value);
    }
  }
  p.set("size", "20");
  if (searchAfter) p.set("searchAfter", searchAfter);
  return p;
}

// Only the newest search may render: an older answer arriving late (the page's first search, a slow facet click)
// must not overwrite the results of the search the user made after it. Older requests are cancelled too.
async function search(append) {
  const seq = ++state.searchSeq;
  if (state.inFlight) state.inFlight.abort();
  const controller = new AbortController();
  state.inFlight = controller;
  const status = $("#status");
  status.className = "";
  status.textContent = "Searching…";
  let body;
  try {
    const response = await fetch("/api/search?" + params(append ? state.nextSearchAfter : null),
      { signal: controller.signal });
    body = await response.json();
    if (!response.ok) throw new Error(body.error || ("HTTP " + response.status));
  } catch (e) {
    if (seq !== state.searchSeq) return;
    status.className = "error";
    status.textContent = "Search failed: " + e.message;
    return;
  }
  if (seq !== state.searchSeq) return;
  state.inFlight = null;
  if (!append) $("#results").replaceChildren();
  for (const hit of body.hits) $("#results").append(result(hit));
  state.nextSearchAfter = body.nextSearchAfter;
  $("#more").hidden = !body.nextSearchAfter;
  status.textContent = body.total + (body.total === 1 ? " document" : " documents");
  status.dataset.total = body.total;
  if (!append) renderFacets(body.facets || {});
  renderFilters();
}

function result(hit) {
  const title = hit.highlights && hit.highlights.title ? highlighted(hit.highlights.title[0]) : (hit.title || hit.id);
  const heading = el("h3", {}, hit.url ? el("a", { href: hit.url, rel: "noopener noreferrer" }, title) : title);
  const when = hit.publishedAt ? new Date(hit.publishedAt).toISOString().substring(0, 10) : "";
  const meta = el("div", { class: "meta" }, [hit.site, when, hit.kind].filter(Boolean).join(" · "));
  const tags = el("div", {});
  for (const type of hit.announcementTypes || []) tags.append(el("span", { class: "tag" }, type));
  for (const company of (hit.companies || []).slice(0, 5)) tags.append(el("span", { class: "tag" }, company));
  const item = el("li", { class: "result", "data-id": hit.id }, heading, meta, tags);
  for (const fragment of (hit.highlights && hit.highlights.text) || []) {
    item.append(el("p", { class: "snippet" }, highlighted(fragment)));
  }
  return item;
}

function renderFacets(facets) {
  for (const box of document.querySelectorAll(".facet")) {
    const list = box.querySelector("ul");
    list.replaceChildren();
    for (const bucket of facets[box.dataset.facet] || []) {
      const label = box.dataset.facet === "dates" ? bucket.value.substring(0, 7) : bucket.value;
      const button = el("button", { type: "button", class: "facet-value", "data-value": bucket.value }, label);
      button.addEventListener("click", () => {
        if (!state.filters.some((f) => f.param === box.dataset.param && f.value === bucket.value)) {
          state.filters.push({ param: box.dataset.param, value: bucket.value, label });
        }
        search(false);
      });
      list.append(el("li", {}, button, el("span", { class: "count" }, bucket.count)));
    }
  }
}

function renderFilters() {
  const box = $("#filters");
  box.replaceChildren();
  state.filters.forEach((f, i) => {
    const remove = el("button", { type: "button", "aria-label": "Remove filter" }, "×");
    remove.addEventListener("click", () => { state.filters.splice(i, 1); search(false); });
    box.append(el("span", { class: "chip", "data-param": f.param }, f.param + ": " + f.label, remove));
  });
}

// ----- live alerts

let source = null;

function watch(ruleId) {
  if (source) source.close();
  const status = $("#alerts-status");
  status.className = "offline";
  status.textContent = "connecting…";
  const url = ruleId ? "/api/subscriptions/" + encodeURIComponent(ruleId) + "/alerts?stream=true"
                     : "/api/alerts?stream=true";
  source = new EventSource(url);
  source.addEventListener("open", () => { status.className = "online"; status.textContent = "live"; });
  source.addEventListener("error", () => { status.className = "offline"; status.textContent = "reconnecting…"; });
  source.addEventListener("alert", (event) => {
    const alert = JSON.parse(event.data);
    const title = alert.url ? el("a", { href: alert.url, rel: "noopener noreferrer" }, alert.title || alert.id)
                            : (alert.title || alert.id);
    const item = el("li", { "data-id": alert.id },
      el("div", {}, el("strong", {}, alert.ruleName || alert.ruleId), " — ", title),
      el("div", { class: "why" }, (alert.reasons || []).join("; ")));
    $("#alerts").prepend(item);
    while ($("#alerts").children.length > 50) $("#alerts").lastChild.remove();
  });
}

async function loadSubscriptions() {
  try {
    const response = await fetch("/api/subscriptions");
    if (!response.ok) return;
    const body = await response.json();
    for (const rule of body.subscriptions || []) {
      $("#alerts-source").append(el("option", { value: rule.id }, rule.name || rule.id));
    }
  } catch (e) {
    // subscriptions are optional for this page
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("#search-form").addEventListener("submit", (event) => { event.preventDefault(); search(false); });
  $("#sort").addEventListener("change", () => search(false));
  $("#more").addEventListener("click", () => search(true));
  $("#alerts-source").addEventListener("change", (event) => watch(event.target.value));
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) $("#q").value = initial;
  loadSubscriptions();
  watch("");
  search(false);
});
