/* The task pages: the ready tasks with their filters, and one task with its instructions and its form. */
"use strict";

(() => {
  const { el, $, enc, timeEl, api, detail, must, can, caller, flash, notice, shortId, table, facts, pager,
    filters, processOptions, ApiError, renderInstructions, pages } = Kanta;

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
      ["Assignee", task.assignee],
      ["Candidate users", (task.candidate_users || []).join(", ")],
      ["Candidate groups", (task.candidate_groups || []).join(", ")],
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
    Kanta.form.submitWith($("#task-form"), form, {
      button,
      errorElement: formError,
      send: (data) => api(`/api/v1/tasks/${enc(id)}/complete`, { method: "POST", json: { data } }),
      done: () => {
        flash(`“${task.name}” is done.`);
        location.assign(`/instances/${enc(task.instance_id)}`);
      },
    });
  };
})();
