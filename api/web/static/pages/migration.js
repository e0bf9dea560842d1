/* The migration form of a process page. Anyone who reads the process reads the plan of moving the instances
 * of an older version to another: what the target version adds, removes and changes, where the instances
 * wait now and where they would wait after. An element the target lacks where instances wait needs a
 * mapping: one select per such element offers every element of the target version (the one the engine
 * matched by its place is marked as a suggestion, never chosen for the operator). An admin ("repair") tries
 * the move (a dry run that writes nothing) and runs it as a batch, whose progress the form follows. */
"use strict";

(() => {
  const { el, $, enc, api, must, detail, can, table, t } = Kanta;
  const BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  const FLOW_NODE = /(Task|task|Event|Gateway|subProcess|callActivity|transaction)$/;
  const POLL_MS = 1000;

  /** Element id → name of every flow node of a deployed version, as its diagram names them. */
  async function elementsOf(base, version) {
    const xml = await must(api(`${base}/xml?version=${version}`));
    const diagram = new DOMParser().parseFromString(xml, "application/xml");
    const elements = new Map();
    for (const node of diagram.getElementsByTagNameNS(BPMN, "*")) {
      if (FLOW_NODE.test(node.localName) && node.id) elements.set(node.id, node.getAttribute("name") || node.id);
    }
    return elements;
  }

  const named = (elements, id) => el("span", {}, elements.get(id) || id, " ", el("code", {}, id));

  /** Open the form for the instances of version ``from``; ``versions`` are every deployed version. */
  async function open({ key, base, from, versions, latest }) {
    const section = $("#migration");
    const targets = versions.map((d) => d.version).filter((v) => v !== from).sort((a, b) => b - a);
    const select = $("#migration-to");
    select.replaceChildren(...targets.map((v) => el("option", { value: v },
      v === latest ? t("version {version} (latest)", { version: v }) : t("version {version}", { version: v }))));
    select.value = String(latest === from ? targets[0] : latest);
    $("#migration-title").textContent = t("Moving the instances of version {version}", { version: from });
    const source = await elementsOf(base, from);
    const state = { key, base, from, source, mapping: {} };
    select.onchange = () => {
      state.mapping = {};
      show(state, Number(select.value));
    };
    section.hidden = false;
    await show(state, Number(select.value));
    section.scrollIntoView({ block: "start" });
  }

  /** The plan to version ``to`` with the mapping chosen so far, and the buttons that act on it. */
  async function show(state, to) {
    state.to = to;
    state.target = state.target?.version === to ? state.target : { version: to, elements: await elementsOf(state.base, to) };
    const query = new URLSearchParams({ to });
    for (const [old, now] of Object.entries(state.mapping)) query.append("map", `${old}=${now}`);
    const plan = await must(api(`${state.base}/versions/${state.from}/migration-plan?${query}`));
    const target = state.target.elements;
    const suggested = Object.assign({}, ...plan.processes.map((p) => p.moved_to));
    const changes = plan.processes.flatMap((p) => [
      ...p.added.map((id) => ({ process: p.process_key, change: t("added"), id, on: target })),
      ...p.removed.map((id) => ({ process: p.process_key, change: t("removed"), id, on: state.source })),
      ...Object.keys(p.moved_to).map((id) => ({ process: p.process_key, change: t("in its place: {id}", { id: p.moved_to[id] }), id, on: state.source })),
      ...Object.entries(p.changed).map(([id, what]) => ({ process: p.process_key, change: `${t("changed")} (${what.join(", ")})`, id, on: state.source })),
    ]);
    const mappingCell = (w) => {
      if (target.has(w.element_id)) return named(target, w.element_id);
      const id = `map-${w.element_id}`;
      const choice = el("select", {
        id,
        class: "mapping",
        "data-element": w.element_id,
        onchange: (event) => {
          if (event.target.value) state.mapping[w.element_id] = event.target.value;
          else delete state.mapping[w.element_id];
          show(state, to).then(() => $(`#${CSS.escape(id)}`)?.focus());
        },
      },
      el("option", { value: "" }, t("— needs a mapping —")),
      [...target].map(([value, name]) => el("option", { value },
        `${name} (${value})${suggested[w.element_id] === value ? ` · ${t("suggested: in its place")}` : ""}`)));
      choice.value = state.mapping[w.element_id] || "";
      return el("span", { class: "mapping-field" },
        el("label", { for: id, class: "visually-hidden" },
          t("Where the instances at {name} wait on version {version}", { name: state.source.get(w.element_id) || w.element_id, version: to })),
        choice);
    };
    const movable = plan.instances - plan.blocked_count;
    $("#migration-plan").replaceChildren(
      el("h3", {}, t("Where the instances wait")),
      table([
        { label: t("Now at"), cell: (w) => named(state.source, w.element_id) },
        { label: t("Instances"), cell: (w) => String(w.instances) },
        { label: t("After the move"), cell: mappingCell },
      ], plan.waiting, t("No instance waits anywhere.")),
      el("h3", {}, t("What changed")),
      table([
        { label: t("Process"), cell: (c) => el("code", {}, c.process) },
        { label: t("Change"), cell: (c) => c.change },
        { label: t("Element"), cell: (c) => named(c.on, c.id) },
      ], changes, t("Nothing changed in the elements.")),
      el("p", { id: "migration-summary" }, t("{instances} instance(s) on version {from}: {movable} can move, {blocked} need a mapping first.",
        { instances: plan.instances, from: state.from, movable, blocked: plan.blocked_count })),
    );
    const actions = $("#migration-actions");
    actions.hidden = !can("repair") || !plan.instances;
    $("#migration-dry-run").onclick = () => tryMove(state);
    $("#migration-run").onclick = () => run(state);
  }

  const body = (state) => ({
    process_key: state.key, from_version: state.from, to_version: state.to, mapping: state.mapping,
  });

  async function tryMove(state) {
    const result = $("#migration-result");
    const answer = await api("/api/v1/migrations", { method: "POST", json: { ...body(state), dry_run: true } });
    if (!answer.ok) {
      result.replaceChildren(el("p", { class: "notice notice-error", role: "alert" }, detail(answer)));
      return;
    }
    result.replaceChildren(
      el("p", { class: `notice notice-${answer.body.refused.length ? "warning" : "success"}`, id: "dry-run-outcome" },
        t("Tried, nothing written: {moved} instance(s) would move to version {to}, {refused} could not.",
          { moved: answer.body.migrated.length, to: state.to, refused: answer.body.refused.length })),
      refusedList(answer.body.refused) || "",
    );
  }

  function refusedList(refused) {
    if (!refused.length) return null;
    return el("ul", { class: "refused" }, refused.map((r) => el("li", {},
      el("a", { href: `/instances/${enc(r.instance_id)}` }, Kanta.shortId(r.instance_id)), `: ${r.reasons.join("; ")}`)));
  }

  /** Start the batch and follow it until the workers have moved every instance. */
  async function run(state) {
    const result = $("#migration-result");
    const button = $("#migration-run");
    if (!confirm(t("Move the instances of version {from} to version {to}? Each goes on there from where it stands.",
      { from: state.from, to: state.to }))) return;
    button.disabled = true;
    const started = await api("/api/v1/migration-batches", { method: "POST", json: body(state) });
    if (!started.ok) {
      result.replaceChildren(el("p", { class: "notice notice-error", role: "alert" }, detail(started)));
      button.disabled = false;
      return;
    }
    const meter = el("progress", { id: "migration-meter", max: String(Math.max(started.body.total, 1)), value: "0" });
    const said = el("p", { id: "migration-progress", role: "status" });
    const refused = el("div");
    result.replaceChildren(el("label", { for: "migration-meter" }, t("Progress of the move")), meter, said, refused);
    let batch = started.body;
    for (;;) {
      meter.value = batch.done;
      said.textContent = t("Batch {id} {status}: {done} of {total} handled, {migrated} moved, {refused} could not move.", {
        id: batch.id, status: t(batch.status), done: batch.done, total: batch.total, migrated: batch.migrated, refused: batch.refused_count,
      });
      refused.replaceChildren(refusedList(batch.refused) || "");
      if (batch.status === "finished") break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      batch = await must(api(`/api/v1/migration-batches/${batch.id}`));
    }
    button.disabled = false;
  }

  Kanta.migration = { open };
})();
