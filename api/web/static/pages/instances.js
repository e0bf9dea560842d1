/* The instance pages: the list with its filters, and one instance with where it stands on its
 * diagram, what it waits for, its variables and its history. */
"use strict";

(() => {
  const { el, $, enc, timeEl, relative, must, api, can, flash, statusBadge, shortId, table, facts, pager,
    filters, processOptions, elementChoices, elementsOf, pages, now, t } = Kanta;

  const pad = (number) => String(number).padStart(2, "0");

  /** Midnight in Finland at the start of an ISO day, with Finland's offset that day (ISO 8601). */
  function finnishMidnight(day) {
    const noon = new Date(`${day}T12:00:00Z`);
    const zone = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Helsinki", timeZoneName: "longOffset" })
      .formatToParts(noon).find((part) => part.type === "timeZoneName").value; // "GMT+02:00"
    return `${day}T00:00:00${zone.slice(3) || "+00:00"}`;
  }

  /** How a list names the step each instance waits at: a task or timer by the name the list gives (in the
   * language chosen), a message by the name of the event that catches it, from the elements of its
   * instance's version (one call per version shown), not by the message's code name. */
  async function messageStepNames(instances) {
    const at = (i, elementId) => `${i.process_key}\n${i.definition_version}\n${elementId}`;
    const versions = new Map(instances.filter((i) => i.waiting.some((w) => w.kind === "message"))
      .map((i) => [at(i, ""), i]));
    const named = new Map();
    await Promise.all([...versions.values()].map(async (i) => {
      for (const e of await elementsOf(i.process_key, i.definition_version)) named.set(at(i, e.element_id), e.name);
    }));
    return (i, w) => (w.kind === "message" && named.get(at(i, w.element_id))) || w.name;
  }

  /** A column header that sorts the list by `sort`, latest first on the first click. */
  function sorter(label, sort, params) {
    const current = params.get("sort") || "-started_at";
    const descending = current === `-${sort}`;
    const next = new URLSearchParams(params);
    next.set("sort", current === `-${sort}` ? sort : `-${sort}`);
    next.delete("offset");
    const arrow = current === sort ? " ▲" : descending ? " ▼" : "";
    return {
      header: el("a", { href: `?${next}`, class: "sort-link", "data-sort": sort }, label, arrow),
      sorted: current === sort ? "ascending" : descending ? "descending" : null,
    };
  }

  pages.instances = async () => {
    $("#start-onboarding").hidden = !can("operate");
    const form = $("#filters");
    const definitions = await processOptions(form.elements.process_key);
    await elementChoices(form, definitions);
    const processName = new Map(definitions.map((d) => [d.process_key, d.name])); // in the language chosen
    const params = new URLSearchParams(location.search);
    const query = filters(form, ["q", "process_key", "version", "status", "due_before", "sort", "lane", "waiting_at"]);
    if (query.has("due_before")) {
      // typed the Finnish way; the list wants a time: midnight in Finland at the start of that day
      const day = Kanta.form.isoDate(query.get("due_before"));
      if (day instanceof Kanta.form.Unreadable) {
        Kanta.notice(`${t("Due before")}: ${day.message}`, "error");
        query.delete("due_before");
      } else {
        query.set("due_before", finnishMidnight(day));
      }
    }
    const page = await must(api(`/api/v1/process-instances?${query}`));
    const stepName = await messageStepNames(page.items);
    const steps = (i) => (i.waiting.length
      ? el("ul", { class: "steps" }, i.waiting.map((w) => el("li", { "data-kind": w.kind }, stepName(i, w))))
      : el("span", { class: "hint" }, i.status === "running" ? "—" : t("ended")));
    const columns = [
      {
        label: t("Onboarding"),
        cell: (i) => el("span", {},
          el("a", { href: `/instances/${enc(i.id)}`, class: "instance-link" }, i.organisation_name || i.business_key || shortId(i.id)),
          i.organisation_name && i.business_key ? el("span", { class: "hint" }, ` ${i.business_key}`) : null),
      },
      { label: t("Process"), cell: (i) => `${processName.get(i.process_key) || i.process_key} v${i.definition_version}` },
      { label: t("Status"), cell: (i) => statusBadge(i.status) },
      { label: t("Current step"), cell: steps },
      { label: t("Next due"), ...sorter(t("Next due"), "next_due_at", params), cell: (i) => (i.next_due_at ? timeEl(i.next_due_at) : "—") },
      { label: t("Started"), ...sorter(t("Started"), "started_at", params), cell: (i) => timeEl(i.started_at) },
      { label: t("Last change"), ...sorter(t("Last change"), "updated_at", params), cell: (i) => timeEl(i.ended_at || i.updated_at) },
    ];
    $("#instances").replaceChildren(table(columns, page.items, t("No onboarding matches.")));
    $("#instances").removeAttribute("aria-busy");
    pager($("#pager"), page, params);
  };

  const EVENT_LABELS = {
    instance_started: "Started",
    task_completed: "Task completed",
    element_completed: "Step done",
    message_received: "Message received",
    message_not_waited_for: "Message sent, no one waited",
    timers_fired: "Timer fired",
    instance_completed: "Completed",
    instance_cancelled: "Cancelled",
    instance_error: "Stopped with an error",
    incident_retried: "Retried",
    variables_changed: "Variables corrected",
    instance_migrated: "Moved to another version",
    external_task_locked: "System work taken",
    external_task_completed: "System work done",
    external_task_failed: "System work failed",
    external_task_bpmn_error: "System work reported a business error",
    external_task_lock_extended: "System work kept longer",
    external_task_unlocked: "System work given back",
    party_bound: "A party plays a lane",
  };

  function timelineEntry(event, nameOf) {
    const minor = event.kind === "element_completed";
    const what = event.element_id ? nameOf(event.element_id) : event.data?.name || "";
    const data = minor ? null : event.data;
    return el(
      "li",
      { class: `event event-${event.kind}${minor ? " event-minor" : ""}`, "data-kind": event.kind },
      timeEl(event.at),
      el("span", { class: "event-what" }, el("strong", {}, t(EVENT_LABELS[event.kind] || event.kind.replaceAll("_", " "))),
        what ? ` ${what}` : ""),
      el("span", { class: "event-actor" }, event.actor),
      data && Object.keys(data).length
        ? el("details", {}, el("summary", {}, t("Data")), el("pre", {}, JSON.stringify(data, null, 2)))
        : null,
    );
  }

  pages.instance = async (main) => {
    const id = main.dataset.instanceId;
    const base = `/api/v1/process-instances/${enc(id)}`;
    const [instance, history] = await Promise.all([must(api(base)), must(api(`${base}/history`))]);
    const latest = await must(api(`/api/v1/process-definitions/${enc(instance.process_key)}`));
    // The headline is what a person knows the onboarding by: whose it is (its business key, and the
    // organisation's name when it has one) and of which process. The instance id is for support only.
    const whose = [instance.variables?.organisation_name, instance.business_key].filter(Boolean).join(" ")
      || shortId(instance.id);
    document.title = `${whose} · ${latest.name} · Kanta onboarding`;
    $("#title").replaceChildren(el("span", { id: "title-whose" }, whose),
      el("span", { id: "title-process", class: "headline-process" }, latest.name));
    $("#support-id").replaceChildren(`${t("Id for support")}: `, el("code", { class: "copyable" }, instance.id));
    $("#support-id").hidden = false;
    // drawn first: the steps below are named as the diagram names them, in the language chosen
    const diagram = await Kanta.diagram.draw($("#diagram"), instance.process_key, instance.definition_version,
      $("#element-doc"));
    const newer = latest.version > instance.definition_version
      && ["running", "error"].includes(instance.status);
    facts($("#facts"), [
      [t("Status"), statusBadge(instance.status)],
      [t("Process"), el("span", {},
        el("a", { href: `/processes/${enc(instance.process_key)}?version=${instance.definition_version}` },
          `${latest.name} v${instance.definition_version}`),
        newer ? el("strong", { id: "newer-version" },
          ` · ${t("a newer version exists (v{version})", { version: latest.version })}`) : null)],
      [t("Business key"), instance.business_key],
      [t("Started"), el("span", {}, timeEl(instance.started_at), ` ${t("by")} ${instance.started_by}`)],
      [t("Ended"), instance.ended_at ? timeEl(instance.ended_at) : null],
      [t("Error"), instance.error ? `${instance.error.message || ""} ${instance.error.element_id
        ? `(${t("at")} ${diagram.name(instance.error.element_id)})` : ""}` : null],
      // who plays which lane: each party sees its own part of the onboarding
      [t("Parties"), Object.keys(instance.parties || {}).length
        ? el("ul", { id: "parties" }, ...Object.entries(instance.parties).map(
          ([lane, party]) => el("li", {}, `${diagram.laneName(lane)}: `, el("code", {}, party))))
        : null],
    ]);

    if (instance.status === "running" && can("operate")) {
      $("#actions").append(el("button", {
        type: "button",
        class: "danger",
        id: "cancel-instance",
        onclick: async () => {
          if (!confirm(t("Cancel this instance? Its open tasks, messages and timers are dropped."))) return;
          await must(api(`${base}/cancel`, { method: "POST" }));
          flash(t("The instance was cancelled."));
          location.reload();
        },
      }, t("Cancel the instance")));
    }

    if (newer && can("repair")) {
      $("#actions").append(el("button", {
        type: "button",
        id: "migrate-instance",
        onclick: async () => {
          if (!confirm(t("Move this instance to version {version}? It goes on there from where it stands.", { version: latest.version }))) return;
          const outcome = await must(api("/api/v1/migrations", {
            method: "POST",
            json: {
              process_key: instance.process_key,
              from_version: instance.definition_version,
              to_version: latest.version,
              instance_ids: [instance.id],
            },
          }));
          if (outcome.refused.length) {
            flash(`${t("Not moved:")} ${outcome.refused[0].reasons.join("; ")}`, "error");
          } else {
            flash(t("The instance now runs on version {version}.", { version: latest.version }));
          }
          location.reload();
        },
      }, t("Move to version {version}", { version: latest.version })));
    }

    const incidents = await must(api(`/api/v1/incidents?instance_id=${enc(instance.id)}&open=false`));
    $("#incidents").replaceChildren(Kanta.incidentTable(incidents.items, {
      stepName: diagram.name,
      // a fault of the diagram a request met stopped nothing: an analyst marks it resolved once corrected;
      // what stopped the instance is retried
      remedy: (i) => (instance.status === "running" && !i.task_id ? (can("deploy") ? "resolve" : null)
        : can("repair") ? "retry" : null),
    }));
    // beside the retry: the admin corrects what the failed step read
    if (can("repair") && ["running", "error"].includes(instance.status)) Kanta.correction.show(instance);

    const done = new Set(history.filter((e) => e.kind === "element_completed").map((e) => e.element_id));
    const active = new Set([
      ...instance.ready_tasks.map((t) => t.element_id),
      ...instance.waiting_messages.map((m) => m.element_id),
      ...instance.pending_timers.map((t) => t.element_id),
    ]);
    diagram.markProgress(done, active);

    const waiting = [];
    for (const task of instance.ready_tasks) {
      waiting.push(el("li", { class: "wait wait-task", "data-element": task.element_id },
        el("span", { class: "wait-kind" }, t("Task")),
        el("span", { class: "wait-what" }, el("strong", {}, task.name),
          task.lane ? el("span", { class: "wait-lane" }, task.lane) : null),
        el("span", { class: "wait-when" }, `${t("ready since")} `, timeEl(task.ready_since), ` (${relative(task.ready_since)})`),
        el("a", { href: `/tasks/${enc(task.id)}`, class: "button primary task-link" }, t("Open the task"))));
    }
    const sender = instance.status === "running" && can("operate");
    for (const message of instance.waiting_messages) {
      const title = message.schema?.title;
      waiting.push(el("li", { class: "wait wait-message", "data-message": message.name, "data-element": message.element_id },
        el("span", { class: "wait-kind" }, t("Message")),
        el("span", { class: "wait-what" }, el("strong", {}, title || diagram.name(message.element_id)),
          " ", el("code", {}, message.name),
          message.lane ? el("span", { class: "wait-lane" }, `${t("from")} ${message.lane}`) : null),
        el("span", { class: "wait-when" }, message.waiting_since
          ? [`${t("waiting since")} `, timeEl(message.waiting_since), ` (${relative(message.waiting_since)})`]
          : `${t("at")} ${diagram.name(message.element_id)}`),
        sender ? el("button", {
          type: "button", class: "send-message primary", onclick: () => messageForm(instance, message),
        }, t("Record the message…")) : null));
    }
    for (const timer of instance.pending_timers) {
      const overdue = new Date(timer.due_at) <= now();
      waiting.push(el("li", { class: `wait wait-timer${overdue ? " overdue" : ""}`, "data-element": timer.element_id },
        el("span", { class: "wait-kind" }, t("Timer")),
        el("span", { class: "wait-what" }, el("strong", {}, timer.name || diagram.name(timer.element_id))),
        el("span", { class: "wait-when" }, `${t(overdue ? "was due" : "due")} `, timeEl(timer.due_at), ` (${relative(timer.due_at)})`)));
    }
    $("#waiting").replaceChildren(waiting.length ? el("ul", { class: "waits" }, waiting)
      : el("p", { class: "empty" }, `${t("Nothing: the instance is")} ${t(instance.status)}.`));
    diagram.focusOn(active);

    const names = Object.keys(instance.variables).sort();
    $("#variables").replaceChildren(table(
      [
        { label: t("Variable"), cell: (n) => el("code", {}, n) },
        { label: t("Value"), cell: (n) => el("code", { class: "value" }, JSON.stringify(instance.variables[n])) },
      ],
      names,
      t("No variables yet."),
    ));

    $("#history").replaceChildren(...history.map((event) => timelineEntry(event, (e) => diagram.name(e))));
  };

  /** The form of a waiting message, generated from its payload schema; the API judges the payload and
   * its 422 field errors are shown at their fields, as on a task. */
  function messageForm(instance, message) {
    const section = $("#send-message");
    const schema = message.schema || { type: "object" };
    $("#message-title").textContent = schema.title || message.name;
    $("#message-about").textContent = [
      t("Message “{name}”{from}, delivered to this instance (correlated by {by}).", {
        name: message.name, from: message.lane ? ` ${t("from")} ${message.lane}` : "", by: message.correlation.by,
      }),
      schema.description || "",
    ].join(" ");
    const form = Kanta.form.render($("#message-fields"), schema, {},
      { at: "/payload", empty: t("This message carries no data.") });
    const formError = $("#message-error");
    formError.hidden = true;
    // A new form each time: replace the element so an earlier message's submit handler goes with it.
    const element = $("#message-form");
    const fresh = element.cloneNode(false);
    fresh.append(...element.childNodes);
    element.replaceWith(fresh);
    const button = $("#send-message-button");
    Kanta.form.submitWith(fresh, form, {
      button,
      errorElement: formError,
      send: (data) => api("/api/v1/messages", {
        method: "POST", json: { name: message.name, instance_id: instance.id, payload: data },
      }),
      done: () => {
        flash(t("The message “{name}” was delivered.", { name: message.name }));
        location.reload();
      },
    });
    section.hidden = false;
    section.scrollIntoView({ block: "nearest" });
  }
})();
