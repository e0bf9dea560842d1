/* The cockpit's pages. Each page is a static HTML shell; this script fills it from the REST API under
 * /api/v1 with the token kept in this tab's sessionStorage, and offers only what the token's role may do
 * (the API checks again: hiding a button is a courtesy, not the protection). */
"use strict";

const Kanta = (() => {
  const TOKEN = "kanta.token";
  const CALLER = "kanta.caller";
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

  const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });
  const when = (iso) => (iso ? timeFormat.format(new Date(iso)) : "—");
  const timeEl = (iso) => el("time", { datetime: iso || "" }, when(iso));

  let serviceOffset = 0; // the service's time minus this browser's (see showClock)

  function relative(iso) {
    const minutes = Math.round((new Date(iso) - (Date.now() + serviceOffset)) / 60000);
    const [size, unit] = Math.abs(minutes) >= 2880 ? [Math.round(minutes / 1440), "day"]
      : Math.abs(minutes) >= 120 ? [Math.round(minutes / 60), "hour"] : [minutes, "minute"];
    return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(size, unit);
  }

  // ---- the caller and the API ---------------------------------------------------------------------

  const caller = () => JSON.parse(sessionStorage.getItem(CALLER) || "null");
  const can = (permission) => (caller()?.permissions || []).includes(permission);

  function logout(next) {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(CALLER);
    location.assign(next ? `/login?next=${enc(next)}` : "/login");
  }

  class ApiError extends Error {}

  /** One API call; answers {ok, status, body}. A refused session token sends the person to log in. */
  async function api(path, { method = "GET", json, formData, token } = {}) {
    const headers = { Accept: "application/json, application/problem+json, application/xml" };
    const bearer = token ?? sessionStorage.getItem(TOKEN);
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
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
    if (response.status === 401 && token === undefined) {
      logout(location.pathname + location.search);
      throw new ApiError("The session ended: log in again.");
    }
    return { ok: response.ok, status: response.status, body: answer };
  }

  const detail = (answer) => answer.body?.detail || answer.body?.title || `HTTP ${answer.status}`;

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

  const flash = (text) => sessionStorage.setItem(FLASH, text);

  function showFlash() {
    const text = sessionStorage.getItem(FLASH);
    if (text) {
      sessionStorage.removeItem(FLASH);
      notice(text, "success");
    }
  }

  function showWho() {
    const who = $("#who");
    const me = caller();
    if (who && me) {
      who.textContent = `${me.name} · ${me.role}`;
      who.title = `may ${me.permissions.join(", ")}`;
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
    const parts = [el("span", {}, "Adjustable clock: it is ", timeEl(answer.body.now), " here.")];
    if (caller()?.permissions.includes("move the clock")) {
      for (const [label, duration] of [["+1 day", "P1D"], ["+1 week", "P7D"]]) {
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
            flash(`The clock moved on to ${when(moved.body.now)}; timers fired in ${count} instance(s).`);
            location.reload();
          },
        }, label));
      }
    }
    bar.replaceChildren(...parts);
    bar.hidden = false;
  }

  const statusBadge = (status) => el("span", { class: `status status-${status}` }, status);
  const shortId = (id) => id.slice(0, 8);

  /** A table that turns into one card per row on a phone (each cell names its column). */
  function table(columns, rows, empty = "Nothing here.") {
    if (!rows.length) return el("p", { class: "empty" }, empty);
    return el(
      "table",
      {},
      el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col" }, c.label)))),
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
    if (page.offset > 0) container.append(link("← Newer", Math.max(0, page.offset - page.limit)));
    container.append(el("span", {}, `${page.total ? page.offset + 1 : 0}–${page.offset + page.items.length} of ${page.total}${page.total_exact ? "" : "+"}`));
    const more = page.total_exact ? page.offset + page.items.length < page.total : page.items.length === page.limit;
    if (more) container.append(link("Older →", page.offset + page.limit));
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

  async function processOptions(select) {
    const wanted = new URLSearchParams(location.search).get(select.name) || "";
    const definitions = await must(api("/api/v1/process-definitions"));
    for (const d of definitions) select.append(el("option", { value: d.key }, `${d.name} (${d.key})`));
    select.value = wanted;
  }

  // ---- instructions: documentation lines "FI: …", "EN: …", "Rule: …" -------------------------------

  function instructions(text) {
    const parts = { FI: [], EN: [], Rule: [], other: [] };
    let current = "other";
    for (const raw of (text || "").split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const prefixed = /^(FI|EN|Rule)\s*:\s*(.*)$/i.exec(line);
      if (prefixed) {
        const key = prefixed[1].toUpperCase();
        current = key === "RULE" ? "Rule" : key;
        parts[current].push(prefixed[2]);
      } else if (current === "other" || parts[current].length === 0) {
        parts.other.push(line);
      } else {
        parts[current][parts[current].length - 1] += ` ${line}`; // a wrapped line continues its entry
      }
    }
    return parts;
  }

  function renderInstructions(container, text) {
    const parts = instructions(text);
    const blocks = [];
    if (parts.FI.length) {
      blocks.push(el("section", { class: "lang lang-fi", lang: "fi" },
        el("h3", {}, "Ohjeet (suomeksi)"), parts.FI.map((line) => el("p", {}, line))));
    }
    if (parts.EN.length) {
      blocks.push(el("section", { class: "lang lang-en", lang: "en" },
        el("h3", {}, "Instructions (English)"), parts.EN.map((line) => el("p", {}, line))));
    }
    if (parts.other.length) {
      blocks.push(el("section", { class: "lang" },
        parts.FI.length || parts.EN.length ? null : el("h3", {}, "Instructions"),
        parts.other.map((line) => el("p", {}, line))));
    }
    if (parts.Rule.length) {
      blocks.push(el("section", { class: "rules" },
        el("h3", {}, "Rules"), el("ul", {}, parts.Rule.map((line) => el("li", {}, line)))));
    }
    if (!blocks.length) blocks.push(el("p", { class: "hint" }, "No instructions are written for this step."));
    container.append(...blocks);
  }

  // ---- pages ---------------------------------------------------------------------------------------

  const pages = {};

  pages.login = async () => {
    const me = caller();
    const result = $("#login-result");
    if (me) {
      result.textContent = `You are logged in as ${me.name} (${me.role}).`;
      result.hidden = false;
    }
    const form = $("#login-form");
    const error = $("#token-error");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const token = form.elements.token.value.trim();
      error.hidden = true;
      if (!token) {
        error.textContent = "Paste your API token.";
        error.hidden = false;
        return;
      }
      const answer = await api("/api/v1/me", { token });
      if (!answer.ok) {
        error.textContent = answer.status === 401 ? "This token is not known." : detail(answer);
        error.hidden = false;
        return;
      }
      sessionStorage.setItem(TOKEN, token);
      sessionStorage.setItem(CALLER, JSON.stringify(answer.body));
      flash(`Logged in as ${answer.body.name} (${answer.body.role}).`);
      const next = new URLSearchParams(location.search).get("next") || "";
      // Only a path on this site: an address from the query must not send the token's holder elsewhere.
      location.assign(next.startsWith("/") && !next.startsWith("//") ? next : "/");
    });
  };

  pages.definitions = async () => {
    const deployer = can("deploy");
    const show = async () => {
      const definitions = await must(api("/api/v1/process-definitions"));
      const columns = [
        { label: "Process", cell: (d) => el("a", { href: `/processes/${enc(d.key)}` }, d.name) },
        { label: "Key", cell: (d) => el("code", {}, d.key) },
        { label: "Version", cell: (d) => String(d.version) },
        { label: "Deployed", cell: (d) => timeEl(d.deployed_at) },
        { label: "Instances", cell: (d) => el("a", { href: `/instances?process_key=${enc(d.key)}` }, "Instances") },
      ];
      if (deployer) {
        columns.push(
          { label: "Deployed by", cell: (d) => d.deployed_by },
          { label: "File", cell: (d) => el("code", {}, d.main_file) },
        );
      }
      $("#definitions").replaceChildren(table(columns, definitions, "Nothing is deployed yet."));
      $("#definitions").removeAttribute("aria-busy");
    };
    await show();
    if (!deployer) return;
    $("#deploy").hidden = false;
    $("#deploy-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const input = $("#deploy-files");
      const result = $("#deploy-result");
      if (!input.files.length) {
        result.replaceChildren(el("p", { class: "field-error" }, "Choose at least one file."));
        return;
      }
      const formData = new FormData();
      for (const file of input.files) formData.append("files", file);
      const answer = await api("/api/v1/process-definitions", { method: "POST", formData });
      if (answer.ok) {
        const names = (list) => list.map((d) => `${d.key} v${d.version}`).join(", ") || "none";
        result.replaceChildren(el("p", { class: "notice notice-success" },
          `Deployed: ${names(answer.body.deployed)}. Unchanged: ${names(answer.body.unchanged)}.`));
        await show();
      } else {
        result.replaceChildren(
          el("p", { class: "notice notice-error" }, detail(answer)),
          el("ul", { class: "problems" }, (answer.body.problems || []).map((p) =>
            el("li", {}, `${p.file}:${p.line ?? "?"}: ${p.element_id ? `[${p.element_id}] ` : ""}${p.message}`))),
        );
      }
    });
  };

  pages.definition = async (main) => {
    const key = main.dataset.key;
    const base = `/api/v1/process-definitions/${enc(key)}`;
    const asked = new URLSearchParams(location.search).get("version");
    const latest = await must(api(base));
    const shown = asked ? await must(api(`${base}?version=${enc(asked)}`)) : latest;
    document.title = `${shown.name} · Kanta onboarding`;
    $("#title").textContent = shown.name;
    $("#summary").textContent = shown.documentation;
    const deployer = can("deploy");
    facts($("#facts"), [
      ["Key", el("code", {}, shown.key)],
      ["Version", `${shown.version}${shown.version === latest.version ? " (latest)" : ` of ${latest.version}`}`],
      ["Deployed", timeEl(shown.deployed_at)],
      ["Deployed by", deployer ? shown.deployed_by : null],
      ["File", deployer ? el("code", {}, shown.main_file) : null],
      ["Content hash", deployer ? el("code", { title: shown.content_hash }, shown.content_hash.slice(0, 12)) : null],
    ]);
    const xml = await must(api(`${base}/xml?version=${shown.version}`));
    await Kanta.diagram.show($("#diagram"), xml, $("#element-doc"));

    // Every deployed version, newest first.
    const versions = (await must(api(`${base}/versions`))).reverse();
    const columns = [
      {
        label: "Version",
        cell: (d) => (d.version === shown.version ? el("strong", {}, `${d.version} (shown)`)
          : el("a", { href: `/processes/${enc(key)}?version=${d.version}` }, String(d.version))),
      },
      { label: "Deployed", cell: (d) => timeEl(d.deployed_at) },
    ];
    if (deployer) {
      columns.push(
        { label: "Deployed by", cell: (d) => d.deployed_by },
        { label: "Content hash", cell: (d) => el("code", {}, d.content_hash.slice(0, 12)) },
      );
    }
    $("#versions").replaceChildren(table(columns, versions));

    if (can("operate") && shown.version === latest.version) {
      $("#start").hidden = false;
      $("#start-form").addEventListener("submit", async (event) => {
        event.preventDefault();
        const businessKey = event.target.elements.business_key.value.trim();
        const started = await must(api("/api/v1/process-instances", {
          method: "POST", json: { process_key: key, business_key: businessKey || null },
        }));
        flash(`Started ${shown.name}.`);
        location.assign(`/instances/${enc(started.id)}`);
      });
    }
  };

  pages.instances = async () => {
    const form = $("#filters");
    await processOptions(form.elements.process_key);
    const query = filters(form, ["process_key", "status", "business_key"]);
    const page = await must(api(`/api/v1/process-instances?${query}`));
    const columns = [
      {
        label: "Instance",
        cell: (i) => el("a", { href: `/instances/${enc(i.id)}` }, i.business_key || shortId(i.id)),
      },
      { label: "Process", cell: (i) => `${i.process_key} v${i.definition_version}` },
      { label: "Status", cell: (i) => statusBadge(i.status) },
      { label: "Started", cell: (i) => timeEl(i.started_at) },
      { label: "Last change", cell: (i) => timeEl(i.ended_at || i.updated_at) },
      { label: "Started by", cell: (i) => i.started_by },
    ];
    $("#instances").replaceChildren(table(columns, page.items, "No instance matches."));
    $("#instances").removeAttribute("aria-busy");
    pager($("#pager"), page, new URLSearchParams(location.search));
  };

  const EVENT_LABELS = {
    instance_started: "Started",
    task_completed: "Task completed",
    element_completed: "Step done",
    message_received: "Message received",
    timers_fired: "Timer fired",
    instance_completed: "Completed",
    instance_cancelled: "Cancelled",
    instance_error: "Stopped with an error",
  };

  function timelineEntry(event, nameOf) {
    const minor = event.kind === "element_completed";
    const what = event.element_id ? nameOf(event.element_id) : event.data?.message || "";
    const data = minor ? null : event.data;
    return el(
      "li",
      { class: `event event-${event.kind}${minor ? " event-minor" : ""}`, "data-kind": event.kind },
      timeEl(event.at),
      el("span", { class: "event-what" }, el("strong", {}, EVENT_LABELS[event.kind] || event.kind.replaceAll("_", " ")),
        what ? ` ${what}` : ""),
      el("span", { class: "event-actor" }, event.actor),
      data && Object.keys(data).length
        ? el("details", {}, el("summary", {}, "Data"), el("pre", {}, JSON.stringify(data, null, 2)))
        : null,
    );
  }

  pages.instance = async (main) => {
    const id = main.dataset.instanceId;
    const base = `/api/v1/process-instances/${enc(id)}`;
    const [instance, history] = await Promise.all([must(api(base)), must(api(`${base}/history`))]);
    const label = instance.business_key || shortId(instance.id);
    document.title = `${instance.process_key} ${label} · Kanta onboarding`;
    $("#title").textContent = `${instance.process_key} · ${label}`;
    facts($("#facts"), [
      ["Status", statusBadge(instance.status)],
      ["Process", el("a", { href: `/processes/${enc(instance.process_key)}?version=${instance.definition_version}` },
        `${instance.process_key} v${instance.definition_version}`)],
      ["Business key", instance.business_key],
      ["Instance id", el("code", {}, instance.id)],
      ["Started", el("span", {}, timeEl(instance.started_at), ` by ${instance.started_by}`)],
      ["Ended", instance.ended_at ? timeEl(instance.ended_at) : null],
      ["Error", instance.error ? `${instance.error.message || ""} ${instance.error.element_id ? `(at ${instance.error.element_id})` : ""}` : null],
    ]);

    if (instance.status === "running" && can("operate")) {
      $("#actions").append(el("button", {
        type: "button",
        class: "danger",
        id: "cancel-instance",
        onclick: async () => {
          if (!confirm("Cancel this instance? Its open tasks, messages and timers are dropped.")) return;
          await must(api(base, { method: "DELETE" }));
          flash("The instance was cancelled.");
          location.reload();
        },
      }, "Cancel the instance"));
    }

    const xml = await must(api(`/api/v1/process-definitions/${enc(instance.process_key)}/xml?version=${instance.definition_version}`));
    const diagram = await Kanta.diagram.show($("#diagram"), xml, $("#element-doc"));
    const done = new Set(history.filter((e) => e.kind === "element_completed").map((e) => e.element_id));
    const active = new Set([
      ...instance.ready_tasks.map((t) => t.element_id),
      ...instance.waiting_messages.map((m) => m.element_id),
      ...instance.pending_timers.map((t) => t.element_id),
    ]);
    diagram.markProgress(done, active);

    const waiting = [];
    for (const task of instance.ready_tasks) {
      waiting.push(el("li", { class: "wait wait-task" },
        el("span", { class: "wait-kind" }, "Task"),
        el("a", { href: `/tasks/${enc(task.id)}`, class: "task-link" }, task.name),
        task.lane ? el("span", { class: "hint" }, ` · ${task.lane}`) : null,
        el("span", { class: "hint" }, " · ready since ", timeEl(task.ready_since))));
    }
    for (const message of instance.waiting_messages) {
      waiting.push(el("li", { class: "wait wait-message" },
        el("span", { class: "wait-kind" }, "Message"),
        el("code", {}, message.message_name),
        el("span", { class: "hint" }, ` at ${diagram.name(message.element_id)}`)));
    }
    for (const timer of instance.pending_timers) {
      waiting.push(el("li", { class: "wait wait-timer" },
        el("span", { class: "wait-kind" }, "Timer"),
        el("span", {}, timer.name || diagram.name(timer.element_id)),
        el("span", { class: "hint" }, " · due ", timeEl(timer.due_at), ` (${relative(timer.due_at)})`)));
    }
    $("#waiting").replaceChildren(waiting.length ? el("ul", { class: "waits" }, waiting)
      : el("p", { class: "empty" }, `Nothing: the instance is ${instance.status}.`));

    const names = Object.keys(instance.variables).sort();
    $("#variables").replaceChildren(table(
      [
        { label: "Variable", cell: (n) => el("code", {}, n) },
        { label: "Value", cell: (n) => el("code", { class: "value" }, JSON.stringify(instance.variables[n])) },
      ],
      names,
      "No variables yet.",
    ));

    $("#history").replaceChildren(...history.map((event) => timelineEntry(event, (e) => diagram.name(e))));
  };

  pages.tasks = async () => {
    const form = $("#filters");
    await processOptions(form.elements.process_key);
    const query = filters(form, ["process_key", "lane", "business_key"]);
    const page = await must(api(`/api/v1/tasks?${query}`));
    const columns = [
      { label: "Task", cell: (t) => el("a", { href: `/tasks/${enc(t.id)}` }, t.name) },
      { label: "Process", cell: (t) => t.process_key },
      {
        label: "Instance",
        cell: (t) => el("a", { href: `/instances/${enc(t.instance_id)}` }, t.business_key || shortId(t.instance_id)),
      },
      { label: "Lane", cell: (t) => t.lane },
      { label: "Ready since", cell: (t) => timeEl(t.ready_since) },
    ];
    $("#tasks").replaceChildren(table(columns, page.items, "No task is waiting."));
    $("#tasks").removeAttribute("aria-busy");
    pager($("#pager"), page, new URLSearchParams(location.search));
  };

  pages.task = async (main) => {
    const id = main.dataset.taskId;
    const answer = await api(`/api/v1/tasks/${enc(id)}`);
    if (answer.status === 404 || answer.status === 409) {
      notice("This task is not waiting any more: it was done, or its instance moved on or ended.", "error");
      $("#task-form").hidden = true;
      return;
    }
    if (!answer.ok) throw new ApiError(detail(answer));
    const task = answer.body;
    document.title = `${task.name} · Kanta onboarding`;
    $("#title").textContent = task.name;
    const instanceLink = $("#instance-link");
    instanceLink.href = `/instances/${enc(task.instance_id)}`;
    instanceLink.textContent = `${task.process_key} · ${task.business_key || shortId(task.instance_id)}`;
    facts($("#facts"), [
      ["Process", task.process_key],
      ["Business key", task.business_key],
      ["Lane", task.lane],
      ["Ready since", timeEl(task.ready_since)],
    ]);
    renderInstructions($("#instructions"), task.documentation);

    const schema = task.form || { type: "object", properties: {} };
    $("#form-title").textContent = schema.title || "Form";
    if (schema.description) $("#form-title").after(el("p", { class: "hint" }, schema.description));
    const form = Kanta.form.render($("#fields"), schema, task.data || {});
    const formError = $("#form-error");
    const button = $("#complete");
    if (!can("operate")) {
      form.disable();
      button.hidden = true;
      const note = $("#role-note");
      note.textContent = `Your role (${caller().role}) may read this task; an integrator or an admin completes it.`;
      note.hidden = false;
      return;
    }
    $("#task-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      formError.hidden = true;
      const { data, errors } = form.read();
      if (errors.length) {
        form.showErrors(errors);
        return;
      }
      button.disabled = true;
      try {
        const result = await api(`/api/v1/tasks/${enc(id)}/complete`, { method: "POST", json: { data } });
        if (result.ok) {
          flash(`“${task.name}” is done.`);
          location.assign(`/instances/${enc(task.instance_id)}`);
          return;
        }
        const unplaced = result.status === 422 ? form.showErrors(result.body.errors || []) : [];
        if (result.status !== 422 || unplaced.length || !(result.body.errors || []).length) {
          formError.textContent = [detail(result), ...unplaced.map((e) => `${e.field}: ${e.message}`)].join(" — ");
          formError.hidden = false;
        }
      } finally {
        button.disabled = false;
      }
    });
  };

  document.addEventListener("DOMContentLoaded", async () => {
    const main = $("#main");
    const page = main.dataset.page;
    if (page !== "login" && !sessionStorage.getItem(TOKEN)) {
      location.replace(`/login?next=${enc(location.pathname + location.search)}`);
      return;
    }
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

  return { el, $, enc, when, timeEl, renderInstructions, ApiError };
})();
