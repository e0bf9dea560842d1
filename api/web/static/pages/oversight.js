/* A process's oversight, for its coordinators: how many running onboardings wait at each step (counted on
 * the diagram, as Camunda Cockpit does), which are late, and which timers are overdue or fall due within a
 * week. Every number links to the instance list filtered to what it counts. */
"use strict";

(() => {
  const { el, $, enc, timeEl, relative, api, must, table, pages, t } = Kanta;

  const KINDS = { task: "task", message: "message", timer: "timer", external_task: "system work" };
  const kindName = (kind) => t(KINDS[kind] || kind);

  pages.oversight = async (main) => {
    const key = main.dataset.processKey;
    const base = `/api/v1/process-definitions/${enc(key)}`;
    const [definition, oversight] = await Promise.all([must(api(base)), must(api(`${base}/oversight`))]);
    document.title = `${definition.name} · oversight · Kanta onboarding`;
    $("#title").textContent = `${definition.name}: ${t("Oversight").toLowerCase()}`;
    $("#process-link").textContent = definition.name;
    $("#summary").replaceChildren(`${t("Running onboardings as they stand at")} `, timeEl(oversight.now), ".");

    const listOf = (elementId) => `/instances?${new URLSearchParams({
      process_key: key, status: "running", ...(elementId ? { waiting_at: elementId } : {}),
    })}`;
    const diagram = await Kanta.diagram.draw($("#diagram"), key, definition.version, $("#element-doc"));
    const name = (id, fallback) => diagram.name(id, fallback);

    // One count per step: an instance waiting at a task and at its boundary timer is at that task once.
    const byElement = new Map();
    for (const wait of oversight.waiting) {
      const entry = byElement.get(wait.element_id) || { element_id: wait.element_id, kinds: [], instances: 0 };
      entry.kinds.push(kindName(wait.kind));
      entry.instances = Math.max(entry.instances, wait.instances);
      byElement.set(wait.element_id, entry);
    }
    const lateAt = new Map();
    for (const late of oversight.late) lateAt.set(late.waiting_at, (lateAt.get(late.waiting_at) || 0) + 1);

    const running = await must(api(`/api/v1/process-instances?${new URLSearchParams({ process_key: key, status: "running", limit: 1 })}`));
    const total = (name, count, href, label) => el("li", {},
      el("a", { href, class: "total", "data-total": name }, el("strong", {}, count), el("span", {}, label)));
    $("#totals").replaceChildren(
      total("running", `${running.total}${running.total_exact ? "" : "+"}`, listOf(null), t("running")),
      total("late", String(oversight.late_total), "#late-title", t("late")),
      total("overdue", String(oversight.overdue_total), "#overdue-title", t("timers overdue")),
      total("due-soon", String(oversight.due_soon_total), "#due-soon-title",
        t("due within {days} days", { days: oversight.due_within_days })),
    );

    // The counts on the diagram: a badge on each step, linking to the instances waiting there.
    if (diagram.viewer) {
      const overlays = diagram.viewer.get("overlays");
      const registry = diagram.viewer.get("elementRegistry");
      for (const entry of byElement.values()) {
        const shape = registry.get(entry.element_id);
        if (!shape) continue; // e.g. a step of a called process, drawn elsewhere
        // An instance at a boundary timer is at the activity it is attached to, whose badge counts it
        // (as Camunda Cockpit counts tokens); the table below lists the timer too.
        if (shape.type === "bpmn:BoundaryEvent") continue;
        const late = lateAt.get(entry.element_id) || 0;
        overlays.add(entry.element_id, "counts", {
          position: { bottom: 12, left: -10 },
          html: el("div", { class: "badges" },
            el("a", {
              class: "count-badge", href: listOf(entry.element_id), "data-element": entry.element_id,
              "aria-label": t("{count} waiting at {step}", { count: entry.instances, step: name(entry.element_id) }),
            }, String(entry.instances)),
            late ? el("a", {
              class: "count-badge late", href: "#late-title", "data-late": entry.element_id,
              "aria-label": t("{count} late at {step}", { count: late, step: name(entry.element_id) }),
            }, String(late)) : null),
        });
      }
    }

    const instanceLink = (row) => el("a", { href: `/instances/${enc(row.instance_id)}` }, row.business_key || row.instance_id.slice(0, 8));
    $("#waiting").replaceChildren(table([
      { label: t("Step"), cell: (w) => name(w.element_id) },
      { label: t("Waiting for"), cell: (w) => w.kinds.join(", ") },
      { label: t("Running onboardings"), cell: (w) => el("a", { href: listOf(w.element_id), class: "waiting-count" }, String(w.instances)) },
      { label: t("Late"), cell: (w) => (lateAt.get(w.element_id) ? el("a", { href: "#late-title" }, String(lateAt.get(w.element_id))) : "") },
    ], [...byElement.values()].sort((a, b) => b.instances - a.instances), t("No onboarding of this process is running.")));

    $("#late").replaceChildren(table([
      { label: t("Onboarding"), cell: instanceLink },
      { label: t("Still at"), cell: (l) => name(l.waiting_at) },
      { label: t("Reminder"), cell: (l) => name(l.element_id, l.name) },
      { label: t("Reminded"), cell: (l) => el("span", {}, timeEl(l.fired_at), ` (${relative(l.fired_at)})`) },
    ], oversight.late, t("Nothing is late: no reminder has fired where an onboarding still waits.")));

    const timerColumns = [
      { label: t("Onboarding"), cell: instanceLink },
      { label: t("Timer"), cell: (timer) => name(timer.element_id, timer.name) },
      { label: t("At"), cell: (timer) => name(timer.element_id) },
      { label: t("Due"), cell: (timer) => el("span", {}, timeEl(timer.due_at), ` (${relative(timer.due_at)})`) },
    ];
    $("#overdue").replaceChildren(table(timerColumns, oversight.overdue, t("No timer is overdue.")));
    $("#due-soon-title").textContent = t("Due within 7 days").replace("7", String(oversight.due_within_days));
    $("#due-soon").replaceChildren(table(timerColumns, oversight.due_soon, t("Nothing falls due within the week.")));
  };
})();
