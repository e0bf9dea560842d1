/* The task pages: the ready tasks with their filters, and one task with its instructions and its form. */
"use strict";

(() => {
  const { el, $, enc, timeEl, api, detail, must, can, caller, flash, notice, shortId, table, facts, pager,
    filters, processOptions, elementChoices, ApiError, renderInstructions, pages, t } = Kanta;

  pages.tasks = async () => {
    const form = $("#filters");
    const definitions = await processOptions(form.elements.process_key);
    await elementChoices(form, definitions);
    const processName = new Map(definitions.map((d) => [d.process_key, d.name])); // in the language chosen
    const query = filters(form, ["process_key", "lane", "business_key"]);
    // "My tasks": those assigned to the signed-in name or offered to it as a candidate (the API decides who)
    const mine = new URLSearchParams(location.search).get("mine") === "true";
    form.elements.mine.checked = mine;
    if (mine) query.set("mine", "true");
    const page = await must(api(`/api/v1/tasks?${query}`));
    const columns = [
      { label: t("Task"), cell: (task) => el("a", { href: `/tasks/${enc(task.id)}` }, task.name) },
      { label: t("Process"), cell: (task) => processName.get(task.process_key) || task.process_key },
      {
        label: t("Onboarding"),
        cell: (task) => el("a", { href: `/instances/${enc(task.instance_id)}` },
          task.business_key || shortId(task.instance_id)),
      },
      { label: t("Lane"), cell: (task) => task.lane },
      { label: t("Ready since"), cell: (task) => timeEl(task.ready_since) },
    ];
    $("#tasks").replaceChildren(table(columns, page.items,
      t(mine ? "No task is waiting for you." : "No task is waiting.")));
    $("#tasks").removeAttribute("aria-busy");
    pager($("#pager"), page, new URLSearchParams(location.search));
  };

  pages.task = async (main) => {
    const id = main.dataset.taskId;
    const answer = await api(`/api/v1/tasks/${enc(id)}`);
    if (answer.status === 404 || answer.status === 409) {
      notice(t("This task is not waiting any more: it was done, or its instance moved on or ended."), "error");
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
      [t("Process"), task.process_key],
      [t("Business key"), task.business_key],
      [t("Lane"), task.lane],
      [t("Assignee"), task.assignee],
      [t("Candidate users"), (task.candidate_users || []).join(", ")],
      [t("Candidate groups"), (task.candidate_groups || []).join(", ")],
      [t("Ready since"), timeEl(task.ready_since)],
    ]);
    renderInstructions($("#instructions"), task.documentation);

    const schema = task.form || { type: "object", properties: {} };
    $("#form-title").textContent = schema.title || t("Form");
    if (schema.description) $("#form-title").after(el("p", { class: "hint" }, schema.description));
    const form = Kanta.form.render($("#fields"), schema, task.data || {});
    const formError = $("#form-error");
    const button = $("#complete");
    if (!can("operate")) {
      form.disable();
      button.hidden = true;
      const note = $("#role-note");
      note.textContent = t("Your role ({role}) may read this task; an integrator or an admin completes it.",
        { role: t(caller().role) });
      note.hidden = false;
      return;
    }
    Kanta.form.submitWith($("#task-form"), form, {
      button,
      errorElement: formError,
      send: (data) => api(`/api/v1/tasks/${enc(id)}/complete`, { method: "POST", json: { data } }),
      done: () => {
        flash(t("“{name}” is done.", { name: task.name }));
        location.assign(`/instances/${enc(task.instance_id)}`);
      },
    });
  };
})();
