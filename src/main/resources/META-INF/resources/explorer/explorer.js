// Incident KB explorer: a map of incidents (marker size by best killed estimate), a monthly timeline and an
// incident panel, all bound to the query API (GET /api/v1/incidents, /stats/incidents, /incidents/{id}).
"use strict";

const API = "/api/v1";
const MAX_MARKERS = 500;
const form = document.getElementById("filters");
const statusLine = document.getElementById("status");
const panel = document.getElementById("panel");

const map = L.map("map", { worldCopyJump: true }).setView([33.3, 44.4], 5);
// Country outlines served with the page, under the tiles: without internet (an air-gapped network, blocked tiles)
// the map still shows where things are. Natural Earth borders from the ECharts 4.1.0 webjar.
const OUTLINES = "/webjars/echarts/4.1.0/map/json/world.json";
map.createPane("outlines").style.zIndex = 150; // below the tiles (200), which cover them once they load
fetch(OUTLINES).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${OUTLINES}: ${r.status}`))))
  // Its features omit "type": "Feature", which Leaflet requires.
  .then((world) => L.geoJSON(world.features.map((f) => ({ ...f, type: "Feature" })), {
    pane: "outlines", interactive: false, className: "country-outline",
    style: { color: "#8a9aa8", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map))
  .catch((e) => console.warn("country outlines not loaded", e));
L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
  maxZoom: 18,
  attribution: "&copy; OpenStreetMap contributors",
}).addTo(map);
const markers = L.featureGroup().addTo(map);

/** An element with attributes and children (strings become text, never HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().filter((c) => c !== null && c !== undefined && c !== false)
    .forEach((c) => node.append(typeof c === "string" || typeof c === "number" ? String(c) : c));
  return node;
}

function status(text, error = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle("error", error);
}

/** An editor's credentials, kept in this page only (never stored), to decide links. */
let signedIn = null;

/** A request as JSON (with the editor's credentials once signed in); a problem+json answer becomes an Error. */
async function getJson(path, init = {}) {
  const headers = { Accept: "application/json", ...(init.headers || {}) };
  if (signedIn) {
    headers.Authorization = signedIn.authorization;
  }
  const response = await fetch(path, { ...init, headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const fields = (body && body.errors || []).map((e) => `${e.field}: ${e.message}`).join("; ");
    throw new Error(fields || (body && (body.detail || body.title)) || `HTTP ${response.status}`);
  }
  return body;
}

/** The form's filters as query parameters of the incident API. */
function filters() {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim() !== "") {
      query.append(name, String(value).trim());
    }
  }
  return query;
}

function range(figures) {
  if (!figures) {
    return "—";
  }
  const high = figures.high === null ? "?" : figures.high;
  return figures.low === figures.best && figures.best === figures.high
    ? String(figures.best) : `${figures.best} (${figures.low}–${high})`;
}

function drawMarkers(page) {
  markers.clearLayers();
  let shown = 0;
  for (const incident of page.items) {
    const where = incident.location;
    if (!where || where.latitude === null || where.longitude === null) {
      continue;
    }
    const killed = incident.casualtySummary && incident.casualtySummary.killed
      ? incident.casualtySummary.killed.best : 0;
    const marker = L.circleMarker([where.latitude, where.longitude], {
      radius: 5 + 3 * Math.sqrt(killed),
      color: "#7a1f1f",
      weight: 1,
      fillColor: killed > 0 ? "#c0392b" : "#e59866",
      fillOpacity: 0.65,
      className: "incident-marker",
    });
    marker.bindTooltip(`${incident.startDate} · ${incident.title} · killed ${range(incident.casualtySummary.killed)}`);
    marker.on("click", () => showIncident(incident.id));
    marker.addTo(markers);
    shown++;
  }
  if (shown > 0) {
    map.fitBounds(markers.getBounds(), { maxZoom: 8, padding: [20, 20] });
  }
  return shown;
}

/** "2024-01" and the months after it, up to "2024-05": every month of the range, so that gaps show. */
function monthsBetween(first, last) {
  const months = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

function drawTimeline(rows) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const width = svg.clientWidth || 800;
  const height = 90;
  const left = 36; // room for the counts
  const bottom = height - 14; // the baseline; month labels below it
  const known = rows.filter((r) => r.month !== null);
  if (known.length === 0) {
    return;
  }
  const byMonth = new Map(known.map((r) => [r.month, r]));
  const months = monthsBetween(known[0].month, known[known.length - 1].month);
  const most = Math.max(...known.map((r) => r.incidents));
  const step = (width - left) / months.length;
  const barWidth = Math.max(1, Math.min(step - 1, 40));
  const ns = "http://www.w3.org/2000/svg";
  const shape = (name, attributes, text) => {
    const node = document.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, String(value));
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    svg.append(node);
    return node;
  };
  // The count axis: zero, half and the busiest month, with faint lines across.
  for (const count of [...new Set([0, Math.round(most / 2), most])]) {
    const y = bottom - (bottom - 10) * count / most;
    shape("line", { class: "grid", x1: left, x2: width, y1: y, y2: y });
    shape("text", { class: "y-tick", x: left - 4, y: y + 3, "text-anchor": "end" }, count.toLocaleString("en"));
  }
  shape("line", { class: "axis", x1: left, x2: left, y1: 0, y2: bottom });
  months.forEach((month, i) => {
    const row = byMonth.get(month);
    if (!row) {
      return;
    }
    const h = Math.max(1, (bottom - 10) * row.incidents / most);
    const rect = shape("rect", { x: left + i * step + (step - barWidth) / 2, y: bottom - h, width: barWidth, height: h });
    const title = document.createElementNS(ns, "title");
    const unknown = row.killedUnknown ? ` (${row.killedUnknown} without a figure)` : "";
    title.textContent = `${month}: ${row.incidents} incidents, ${row.killed ? row.killed.best : "no figure of"} killed${unknown}`;
    rect.append(title);
  });
  // The time axis: each year where it starts (as many as fit), else the first and last month.
  const years = months.map((m, i) => [m, i]).filter(([m]) => m.endsWith("-01"));
  const every = Math.max(1, Math.ceil(years.length * 40 / (width - left)));
  const ticks = years.length >= 2 ? years.filter((_, k) => k % every === 0).map(([m, i]) => [m.slice(0, 4), "start", i])
    : months.length === 1 ? [[months[0], "middle", 0.5]]
      : [[months[0], "start", 0], [months[months.length - 1], "end", months.length]];
  for (const [label, anchor, i] of ticks) {
    const x = left + i * step;
    shape("line", { class: "axis", x1: x, x2: x, y1: bottom, y2: bottom + 3 });
    shape("text", { class: "x-tick", x, y: height - 2, "text-anchor": anchor }, label);
  }
  shape("line", { class: "axis", x1: left, x2: width, y1: bottom, y2: bottom });
}

async function refresh() {
  const query = filters();
  status("Loading…");
  try {
    const [page, stats] = await Promise.all([
      getJson(`${API}/incidents?${query}&size=${MAX_MARKERS}&sort=-killed`),
      getJson(`${API}/stats/incidents?${query}&groupBy=month`),
    ]);
    const shown = drawMarkers(page);
    drawTimeline(stats.rows);
    const total = page.totalRelation === "gte" ? `at least ${page.total}` : page.total;
    status(`${shown} incidents on the map of ${total} matching`
      + (page.total > MAX_MARKERS ? ` (the ${MAX_MARKERS} deadliest)` : ""));
  } catch (e) {
    markers.clearLayers();
    document.getElementById("timeline").replaceChildren();
    status(e.message, true);
  }
}

function party(p) {
  return p ? (p.actor ? p.actor.name : p.text) : "";
}

async function showIncident(id) {
  current = id;
  panel.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  try {
    const i = await getJson(`${API}/incidents/${id}`);
    const where = i.location || {};
    const place = [where.locality, where.admin1, where.countryCode].filter(Boolean).join(", ");
    panel.replaceChildren(
      el("h2", {}, i.title),
      el("p", { class: "meta" }, [i.startDate + (i.endDate ? ` – ${i.endDate}` : ""), place,
        i.type ? i.type.label : i.category.label, `claim status ${i.claimStatus}`,
        i.dataset ? `from ${i.dataset}` : "entered here"].filter(Boolean).join(" · ")),
      i.summary ? el("p", {}, i.summary) : null,
      el("h3", {}, "Casualties"),
      el("table", { class: "casualties" },
        el("tr", {}, el("th", {}, ""), el("th", {}, "killed"), el("th", {}, "injured"), el("th", {}, "source")),
        el("tr", {}, el("th", {}, "summary"), el("td", {}, range(i.casualtySummary.killed)),
          el("td", {}, range(i.casualtySummary.injured)), el("td", {}, "")),
        i.casualties.map((c) => el("tr", {}, el("td", {}, c.category + (c.affiliation ? ` (${party(c.affiliation)})` : "")),
          el("td", {}, range(c.killed)), el("td", {}, range(c.injured)), el("td", {}, c.source ? c.source.name : "")))),
      el("h3", {}, "Claims"),
      i.claims.length === 0 ? el("p", { class: "hint" }, "No one has claimed, denied or been blamed for it.")
        : el("table", { class: "claims" },
          el("tr", {}, el("th", {}, "actor"), el("th", {}, "stance"), el("th", {}, "by"), el("th", {}, "on"),
            el("th", {}, "source")),
          i.claims.map((c) => el("tr", {}, el("td", {}, c.actor.name),
            el("td", { class: `stance-${c.stance}` }, c.stance), el("td", {}, party(c.statedBy)),
            el("td", {}, c.statedOn || ""), el("td", {}, c.source ? c.source.name : "")))),
      el("h3", {}, "Actors"),
      el("ul", {}, i.actors.map((a) => el("li", {}, `${a.actor.name}: ${a.role.toLowerCase()}`
        + (a.confidence === "SUSPECTED" ? " (suspected)" : "")))),
      el("h3", {}, "Sources"),
      i.sources.length === 0 ? el("p", { class: "hint" }, "None cited.")
        : el("ul", { class: "sources" }, i.sources.map((s) => el("li", {}, s.name))),
      el("h3", {}, "Links"),
      el("div", { id: "links" }, el("p", { class: "hint" }, "Loading…")),
    );
    location.hash = `incident=${id}`;
    await showLinks(id);
  } catch (e) {
    panel.replaceChildren(el("p", { class: "error" }, e.message));
  }
}

/** The incident's links: relation, status, score, evidence and the other incident (a click shows it). */
async function showLinks(id) {
  const box = document.getElementById("links");
  const links = await getJson(`${API}/incidents/${id}/links`);
  const rows = links.map((l) => {
    const other = l.from.id === id ? l.to : l.from;
    const direction = l.from.id === id ? "→" : "←";
    const e = l.evidence;
    const evidence = e ? [e.distanceKm !== null ? `${e.distanceKm} km` : null,
      e.daysApart !== null ? `${e.daysApart} d` : null, e.typeMatch ? `type ${e.typeMatch.toLowerCase()}` : null,
      e.sharedActors && e.sharedActors.length ? `shared: ${e.sharedActors.map((a) => a.name).join(", ")}` : null]
      .filter(Boolean).join(" · ") : "";
    const go = el("a", { href: `#incident=${other.id}`, class: "other" }, other.title);
    go.addEventListener("click", (event) => {
      event.preventDefault();
      showIncident(other.id);
    });
    const decide = signedIn ? ["CONFIRMED", "REJECTED"].filter((s) => s !== l.status).map((s) => {
      const button = el("button", { type: "button", class: `decide-${s}` }, s === "CONFIRMED" ? "Confirm" : "Reject");
      button.addEventListener("click", () => decideLink(id, l.id, s));
      return button;
    }) : [];
    return el("tr", { class: `link status-${l.status}` },
      el("td", {}, `${direction} ${l.relation.toLowerCase().replace("_", " ")}`),
      el("td", {}, go, el("div", { class: "hint" }, [other.startDate, other.dataset || "entered here"].join(" · "))),
      el("td", { class: "link-status" }, l.status.toLowerCase() + (l.score !== null ? ` (${l.score})` : "")),
      el("td", {}, evidence, l.note ? el("div", { class: "hint" }, l.note) : null, ...decide));
  });
  box.replaceChildren(
    links.length === 0 ? el("p", { class: "hint" }, "Not linked to other incidents.")
      : el("table", { class: "links" }, el("tr", {}, el("th", {}, "relation"), el("th", {}, "incident"),
        el("th", {}, "status"), el("th", {}, "evidence")), rows),
    signedIn ? el("p", { class: "hint" }, `Signed in as ${signedIn.name}.`) : signInForm(id));
}

/** Confirms or rejects a link as the signed-in editor (If-Match: the link as read), then shows the links again. */
async function decideLink(incident, linkId, decision) {
  try {
    const response = await fetch(`${API}/links/${linkId}`, { headers: { Authorization: signedIn.authorization } });
    const etag = response.headers.get("ETag");
    await getJson(`${API}/links/${linkId}`, { method: "PATCH", body: JSON.stringify({ status: decision }),
      headers: { "Content-Type": "application/merge-patch+json", "If-Match": etag } });
    await showLinks(incident);
  } catch (e) {
    document.getElementById("links").append(el("p", { class: "error" }, e.message));
  }
}

function signInForm(incident) {
  const name = el("input", { name: "username", placeholder: "user", size: "8", autocomplete: "username" });
  const password = el("input", { name: "password", type: "password", placeholder: "password", size: "10",
    autocomplete: "current-password" });
  const form = el("form", { class: "sign-in" }, "Editors: ", name, password, el("button", { type: "submit" }, "Sign in"),
    " to confirm or reject links.");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const authorization = "Basic " + btoa(unescape(encodeURIComponent(`${name.value}:${password.value}`)));
    const response = await fetch(`${API}/users/me`, { headers: { Authorization: authorization, Accept: "application/json" } });
    const me = await response.json().catch(() => null);
    if (!response.ok || !me || !(me.roles || []).some((r) => r === "editor" || r === "admin")) {
      form.append(el("span", { class: "error" }, response.ok ? " Only editors decide links." : " Wrong user or password."));
      return;
    }
    signedIn = { name: me.username, authorization };
    await showLinks(incident);
  });
  return form;
}

async function loadChoices() {
  try {
    const [categories, countries] = await Promise.all([
      getJson(`${API}/event-types`),
      getJson(`${API}/stats/incidents?groupBy=country`),
    ]);
    const types = form.elements.type;
    for (const category of categories) {
      types.append(el("optgroup", { label: category.label },
        category.types.map((t) => el("option", { value: t.code }, t.label))));
    }
    document.getElementById("countries").replaceChildren(
      ...countries.rows.filter((r) => r.country)
        .map((r) => el("option", { value: r.country.code, label: r.country.name })));
  } catch (e) {
    status(e.message, true);
  }
}

/** Puts the form's filters in the address (?country=IRQ&...), so that a view can be bookmarked and shared. */
function remember() {
  const query = filters().toString();
  if (query !== location.search.replace(/^\?/, "")) {
    history.pushState(null, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  }
}

/** Sets the form from the address's filters (on load, and on back and forward). */
function restore() {
  // Cleared field by field: form.reset() would fire the reset handler, which writes the address.
  for (const field of form.elements) {
    if (field.type === "checkbox") {
      field.checked = false;
    } else if (field.name) {
      field.value = field.tagName === "SELECT" ? field.options[0].value : "";
    }
  }
  for (const [name, value] of new URLSearchParams(location.search)) {
    const field = form.elements[name];
    if (!field) {
      continue;
    }
    if (field.type === "checkbox") {
      field.checked = field.value === value;
    } else {
      field.value = value;
    }
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  remember();
  refresh();
});
form.addEventListener("reset", () => setTimeout(() => {
  remember();
  refresh();
}, 0));
window.addEventListener("popstate", () => {
  restore();
  refresh();
});
loadChoices().then(() => {
  restore();
  refresh();
});
/** The incident the URL names (#incident=N), shown on load and when the URL changes (back, forward, a shared link). */
let current = null;
function showFromUrl() {
  const named = /incident=(\d+)/.exec(location.hash);
  if (named && Number(named[1]) !== current) {
    showIncident(Number(named[1]));
  }
}
window.addEventListener("hashchange", showFromUrl);
showFromUrl();
