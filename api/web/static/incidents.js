/* The incidents table, one for both pages that show incidents: a definition's (the faults its starts met,
 * each the version's) and an instance's. An open incident offers what the reader may do about it: mark it
 * resolved, or, for a stopped instance, retry it. */
"use strict";

(() => {
  const { el, timeEl, api, detail, flash, table, t } = Kanta;

  /** A button that posts to the incident's ``path`` and says how it went, then shows the page anew. */
  function act(className, label, path, said) {
    return el("button", {
      type: "button",
      class: className,
      onclick: async () => {
        const after = await api(path, { method: "POST" });
        const [text, kind] = after.ok ? said(after.body) : [detail(after), "error"];
        flash(text, kind);
        location.reload();
      },
    }, label);
  }

  const ACTIONS = {
    resolve: (i) => act("resolve-incident", t("Mark resolved"), `/api/v1/incidents/${i.id}/resolve`,
      () => [t("Marked resolved."), "success"]),
    retry: (i) => act("retry-incident primary", t("Retry"), `/api/v1/incidents/${i.id}/retry`,
      (instance) => (instance.status === "error" ? [t("It failed again."), "error"]
        : [t("Retried: the instance goes on."), "success"])),
  };

  /** ``incidents`` as a table. ``stepName(elementId)`` names the step it met; ``withVersion`` adds the
   * definition version (a definition's starts); ``remedy(incident)`` is what the reader may do to an open
   * one: "resolve", "retry", or nothing (it is only said to be open). */
  function incidentTable(incidents, { stepName, withVersion = false, remedy }) {
    const columns = [
      { label: t("Step"), cell: (i) => (i.element_id ? stepName(i.element_id) : "") },
      { label: t("What failed"), cell: (i) => i.message },
      { label: t("Failures"), cell: (i) => String(i.failures) },
      { label: t("Last failure"), cell: (i) => timeEl(i.last_failure_at) },
      {
        label: "",
        cell: (i) => {
          if (i.resolved_at) {
            return el("span", { class: "hint" }, `${t("resolved")} `, timeEl(i.resolved_at), ` ${t("by")} ${i.resolved_by}`);
          }
          const action = ACTIONS[remedy(i)];
          return action ? action(i) : el("span", { class: "hint" }, t("open"));
        },
      },
    ];
    if (withVersion) columns.unshift({ label: t("Version"), cell: (i) => String(i.definition_version) });
    return table(columns, incidents, t("No incidents."));
  }

  Kanta.incidentTable = incidentTable;
})();
