/* The cockpit's shared core. Each page is a static HTML shell; its script under pages/ fills it from the
 * REST API under /api/v1, signed in by the browser's HttpOnly cookie (set once at /login for every tab; no
 * script here ever sees the token), and offers only what the caller's role may do (the API checks again:
 * hiding a button is a courtesy, not the protection).
 * This file holds what every page uses: DOM helpers, the API call, the caller, page furniture, tables,
 * and the start-up that runs the page's own function once every script is loaded. */
"use strict";

const Kanta = (() => {
  const FLASH = "kanta.flash";
  const PAGE_SIZE = 25;

  // ---- DOM helpers: text goes in as text, never as HTML ------------------------------------------

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  const $ = (selector) => document.querySelector(selector);
  const enc = encodeURIComponent;

  // Times as a Finnish reader writes them, in Finnish time, whatever this browser's language and zone:
  // "5.1.2026 klo 9.00".
  const timeFormat = new Intl.DateTimeFormat("fi-FI", {
    timeZone: "Europe/Helsinki", day: "numeric", month: "numeric", year: "numeric", hour: "numeric", minute: "2-digit",
  });
  const when = (iso) => (iso ? timeFormat.format(new Date(iso)) : "—");
  const timeEl = (iso) => el("time", { datetime: iso || "" }, when(iso));

  let serviceOffset = 0; // the service's time minus this browser's (see showClock)

  /** The service's time now (see showClock). */
  const now = () => new Date(Date.now() + serviceOffset);

  function relative(iso) {
    const minutes = Math.round((new Date(iso) - (Date.now() + serviceOffset)) / 60000);
    const [size, unit] = Math.abs(minutes) >= 2880 ? [Math.round(minutes / 1440), "day"]
      : Math.abs(minutes) >= 120 ? [Math.round(minutes / 60), "hour"] : [minutes, "minute"];
    return new Intl.RelativeTimeFormat(KantaText.language, { numeric: "auto" }).format(size, unit);
  }

  // ---- the caller and the API ---------------------------------------------------------------------

  let signedIn = null; // who the cookie names, read from /api/v1/me as each page starts
  const caller = () => signedIn;
  const can = (permission) => (caller()?.permissions || []).includes(permission);

  /** Sign out of this browser (the cookie is cleared for every tab) and go to the sign-in page. */
  async function logout(next) {
    await fetch("/api/v1/session/sign-out", { method: "POST" });
    location.assign(next ? `/login?next=${enc(next)}` : "/login");
  }

  class ApiError extends Error {}

  /** One API call, signed in by the browser's cookie; answers {ok, status, body}. A refused sign-in sends
   * the person to sign in again, unless the call says `signIn: false` (the sign-in page's own). */
  async function api(path, { method = "GET", json, formData, signIn = true } = {}) {
    // The names of steps, lanes and processes come in the language chosen here, not the browser's.
    const headers = {
      Accept: "application/json, application/problem+json, application/xml",
      "Accept-Language": KantaText.language,
    };
    let body;
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(json);
    } else if (formData) {
      body = formData;
    }
    const response = await fetch(path, { method, headers, body });
    const type = response.headers.get("Content-Type") || "";
    const answer = type.includes("json") ? await response.json() : await response.text();
    if (response.status === 401 && signIn) {
      // not signed in (any more): on to the sign-in page, and this page does nothing further meanwhile
      await logout(location.pathname + location.search);
      return new Promise(() => {});
    }
    return { ok: response.ok, status: response.status, body: answer };
  }

  // Refusals whose own detail is written for a program (an id, a role's permission): said for a person, in
  // the language chosen. Any other problem's detail says what to do and is shown as the API wrote it: a
  // conflict's and a diagram's failure come worded in the language this page asks for (api/refusals.py).
  const PROBLEMS = {
    "not-found": "This is not here: it was removed, or it is not yours to see.",
    forbidden: "Your role or your organisation may not do this here.",
    unauthenticated: "Sign in again: your sign-in is not known any more.",
  };

  function detail(answer) {
    const type = String(answer.body?.type || "").split("/").pop();
    if (PROBLEMS[type]) return KantaText.t(PROBLEMS[type]);
    return answer.body?.detail || answer.body?.title || `HTTP ${answer.status}`;
  }

  /** The body of a successful call; otherwise an error carrying the API's own words. */
  async function must(call) {
    const answer = await call;
    if (!answer.ok) throw new ApiError(detail(answer));
    return answer.body;
  }

  // ---- page furniture ------------------------------------------------------------------------------

  function notice(text, kind = "info") {
    const box = $("#notice");
    box.textContent = text;
    box.className = `notice notice-${kind}`;
    box.hidden = !text;
  }

  /** A notice for the next page this tab shows ("success" or "error"). */
  const flash = (text, kind = "success") => sessionStorage.setItem(FLASH, JSON.stringify({ text, kind }));

  function showFlash() {
    const stored = sessionStorage.getItem(FLASH);
    if (stored) {
      sessionStorage.removeItem(FLASH);
      const { text, kind } = JSON.parse(stored);
      notice(text, kind);
    }
  }

  function showWho() {
    const who = $("#who");
    const me = caller();
    if (who && me) {
      who.textContent = `${me.name} · ${KantaText.t(me.role)}`;
      who.hidden = false;
    }
    $("#logout")?.addEventListener("click", () => logout());
  }

  /** Times are relative to the service's clock, which stands days away from this browser's on a server
   * with an adjustable clock (acceptance tests, training). There every page shows that time, and an admin
   * may move it on: whatever falls due fires at once. */
  async function showClock() {
    const answer = await api("/api/v1/clock");
    if (!answer.ok) return;
    serviceOffset = new Date(answer.body.now) - Date.now();
    const bar = $("#clock-bar");
    if (!bar || !answer.body.adjustable) return;
    const parts = [el("span", {}, `${KantaText.t("Adjustable clock: it is")} `, timeEl(answer.body.now), ` ${KantaText.t("here.")}`)];
    if (can("move_clock")) {
      for (const [label, duration] of [[KantaText.t("+1 day"), "P1D"], [KantaText.t("+1 week"), "P7D"]]) {
        parts.push(el("button", {
          type: "button",
          "data-advance": duration,
          onclick: async (event) => {
            event.target.disabled = true;
            const moved = await api("/api/v1/clock/advance", { method: "POST", json: { duration } });
            if (!moved.ok) {
              notice(detail(moved), "error");
              event.target.disabled = false;
              return;
            }
            const count = moved.body.moved_instances.length;
            flash(KantaText.t("The clock moved on to {time}; timers fired in {count} instance(s).",
              { time: when(moved.body.now), count }));
            location.reload();
          },
        }, label));
      }
    }
    bar.replaceChildren(...parts);
    bar.hidden = false;
  }

  const statusBadge = (status) => el("span", { class: `status status-${status}`, "data-status": status }, KantaText.t(status));
  const shortId = (id) => id.slice(0, 8);

  /** A table that turns into one card per row on a phone (each cell names its column). */
  function table(columns, rows, empty = KantaText.t("Nothing here.")) {
    if (!rows.length) return el("p", { class: "empty" }, empty);
    return el(
      "table",
      {},
      el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col", "aria-sort": c.sorted }, c.header || c.label)))),
      el(
        "tbody",
        {},
        rows.map((row) =>
          el("tr", {}, columns.map((c) => el("td", { "data-label": c.label }, c.cell(row) ?? "—"))),
        ),
      ),
    );
  }

  function facts(container, pairs) {
    container.replaceChildren(
      ...pairs.filter(([, value]) => value !== null && value !== undefined && value !== "")
        .flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]),
    );
  }

  function pager(container, page, params) {
    container.replaceChildren();
    const link = (label, offset) => {
      const next = new URLSearchParams(params);
      next.set("offset", offset);
      return el("a", { class: "button", href: `?${next}` }, label);
    };
    // "previous" and "next" in the list's own order (instances: newest first; tasks: longest ready first)
    const t = KantaText.t;
    if (page.offset > 0) container.append(link(t("← Previous page"), Math.max(0, page.offset - page.limit)));
    container.append(el("span", {}, t("{first}–{last} of {total}", {
      first: page.total ? page.offset + 1 : 0,
      last: page.offset + page.items.length,
      total: `${page.total}${page.total_exact ? "" : "+"}`,
    })));
    const more = page.total_exact ? page.offset + page.items.length < page.total : page.items.length === page.limit;
    if (more) container.append(link(t("Next page →"), page.offset + page.limit));
  }

  /** The filter form's fields from the address, and the API query they make. */
  function filters(form, names) {
    const params = new URLSearchParams(location.search);
    const query = new URLSearchParams({ limit: PAGE_SIZE });
    for (const name of [...names, "offset"]) {
      const value = (params.get(name) || "").trim();
      if (form.elements[name]) form.elements[name].value = value;
      if (value) query.set(name, value);
    }
    return query;
  }

  /** The process choices of a list's filters; answers the processes. */
  async function processOptions(select) {
    const wanted = new URLSearchParams(location.search).get(select.name) || "";
    const definitions = await must(api("/api/v1/process-definitions"));
    for (const d of definitions) select.append(el("option", { value: d.process_key }, `${d.name} (${d.process_key})`));
    select.value = wanted;
    return definitions;
  }

  /** The named elements of a deployed version of a process (the latest unless ``version``), named in the
   * language chosen: {element_id, kind, name, diagram_name} each. */
  async function elementsOf(processKey, version) {
    const query = version ? `?version=${enc(version)}` : "";
    return (await must(api(`/api/v1/process-definitions/${enc(processKey)}/elements${query}`))).elements;
  }

  // The elements an instance waits at: a task for a person or a worker, a message, a timer.
  const WAITS = new Set(["userTask", "manualTask", "receiveTask", "serviceTask", "intermediateCatchEvent", "boundaryEvent"]);

  /** ``select``'s choices after its first ("All"): ``choices`` [value, label], ``wanted`` chosen (kept as a
   * choice of its own when it is none of them, e.g. a step of a called process from the oversight). */
  function choose(select, choices, wanted) {
    select.replaceChildren(select.options[0], ...choices.map(([value, label]) => el("option", { value }, label)));
    if (wanted && !choices.some(([value]) => value === wanted)) select.append(el("option", { value: wanted }, wanted));
    select.value = wanted || "";
  }

  /** A list's lane choice (``form.elements.lane``) and, when it has one, its waiting-step choice
   * (``waiting_at``), filled from the process chosen in ``form`` — the lanes of every process in
   * ``definitions`` while none is — named in the language chosen. A lane is filtered by the diagram's own
   * name, a step by its id; the choices follow the process choice. */
  async function elementChoices(form, definitions) {
    const { process_key: process, lane, waiting_at: step } = form.elements;
    const address = new URLSearchParams(location.search);
    let wanted = { lane: address.get("lane") || "", step: address.get("waiting_at") || "" };
    async function fill() {
      const keys = process.value ? [process.value] : definitions.map((d) => d.process_key);
      const found = (await Promise.all(keys.map((key) => elementsOf(key)))).flat();
      const lanes = new Map(found.filter((e) => e.kind === "lane").map((e) => [e.diagram_name, e.name]));
      choose(lane, [...lanes], wanted.lane);
      if (step) {
        const steps = process.value ? found.filter((e) => WAITS.has(e.kind)).map((e) => [e.element_id, e.name]) : [];
        choose(step, steps, wanted.step);
        step.disabled = !process.value && !wanted.step; // the steps are a process's own
        step.options[0].textContent = KantaText.t(step.disabled ? "Choose a process first" : "All");
      }
    }
    await fill();
    process.addEventListener("change", () => {
      wanted = { lane: lane.value, step: "" };
      fill().catch((error) => notice(error.message || String(error), "error"));
    });
  }

  // ---- pages: each page script registers its function here; it runs once the document is parsed --------

  const pages = {};


  document.addEventListener("DOMContentLoaded", async () => {
    const main = $("#main");
    const page = main.dataset.page;
    try {
      if (page !== "login") signedIn = await must(api("/api/v1/me")); // not signed in: on to /login
    } catch (error) {
      notice(error.message || String(error), "error");
      main.dataset.ready = "error";
      return;
    }
    KantaText.apply(document);
    KantaText.control($("#language"));
    showWho();
    showFlash();
    try {
      if (page !== "login") await showClock();
      await pages[page](main);
      main.dataset.ready = "true"; // the page has all it asked the API for (tests wait for this)
    } catch (error) {
      notice(error.message || String(error), "error");
      main.dataset.ready = "error";
    }
  });

  return {
    el, $, enc, when, timeEl, relative, now, t: KantaText.t, caller, can, ApiError, api, detail, must, notice, flash,
    statusBadge, shortId, table, facts, pager, filters, processOptions, elementsOf, elementChoices, pages,
  };
})();
