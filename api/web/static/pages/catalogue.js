/* The process list's view of the catalogue: the report `serve` keeps when the catalogue folder could not be
 * deployed at its start (which files failed and why, as /healthz says it: the versions deployed before run
 * meanwhile), and each process's new starts: open, or retired (by whom, when, why), with a button to retire
 * or reinstate it for those who deploy. */
"use strict";

(() => {
  const { el, $, enc, api, detail, can, notice, timeEl, t } = Kanta;

  /** The catalogue's problems at the last start, when there were any. */
  async function report(container) {
    const health = await api("/healthz", { signIn: false });
    const catalogue = health.body?.catalogue;
    if (!catalogue) {
      container.replaceChildren();
      return;
    }
    const byFile = Map.groupBy ? Map.groupBy(catalogue.problems, (p) => p.file)
      : catalogue.problems.reduce((files, p) => files.set(p.file, [...(files.get(p.file) || []), p]), new Map());
    container.replaceChildren(el("section", { class: "notice notice-warning catalogue-report", "aria-labelledby": "catalogue-title" },
      el("h2", { id: "catalogue-title" }, t("The catalogue folder was not deployed")),
      el("p", {}, t("When the service started, the files below had problems, so nothing of the folder {folder} was deployed; the versions deployed before serve until a start deploys it cleanly.", { folder: catalogue.folder }),
        " ", t("Checked"), " ", timeEl(catalogue.checked_at), "."),
      el("ul", { class: "plain-list", id: "catalogue-files" }, catalogue.files.map((file) => el("li", {},
        el("code", {}, file),
        el("ul", {}, (byFile.get(file) || []).map((p) => el("li", {},
          p.line ? `${t("line {line}", { line: p.line })}: ` : "",
          p.element_id ? [el("code", {}, p.element_id), " "] : "",
          p.message))))))));
  }

  let retiring = null; // the process the retire form is open for

  /** The cell of a process's new starts: open or retired, and the button that changes it. */
  function startsCell(definition, refresh) {
    const retired = definition.retirement;
    const deployer = can("deploy");
    if (!retired) {
      return el("span", {}, t("open"), deployer ? [" ", el("button", {
        type: "button",
        class: "retire",
        "data-process": definition.process_key,
        onclick: () => openRetireForm(definition, refresh),
      }, t("Retire…"))] : null);
    }
    return el("span", { class: "retired" },
      t("retired"), " ", timeEl(retired.retired_at), ` ${t("by")} ${retired.retired_by}`,
      retired.reason ? ` (${retired.reason})` : "",
      deployer ? [" ", el("button", {
        type: "button",
        class: "reinstate",
        "data-process": definition.process_key,
        onclick: async () => {
          if (!confirm(t("Reinstate {name}? It starts new instances again.", { name: definition.name }))) return;
          const answer = await api(`/api/v1/process-definitions/${enc(definition.process_key)}/reinstate`, { method: "POST" });
          notice(answer.ok ? t("{name} starts new instances again.", { name: definition.name }) : detail(answer),
            answer.ok ? "success" : "error");
          await refresh();
        },
      }, t("Reinstate"))] : null);
  }

  function openRetireForm(definition, refresh) {
    retiring = definition;
    const section = $("#retire");
    $("#retire-title").textContent = t("Retire {name}", { name: definition.name });
    $("#retire-error").hidden = true;
    $("#retire-reason").value = "";
    const form = $("#retire-form");
    form.onsubmit = async (event) => {
      event.preventDefault();
      const answer = await api(`/api/v1/process-definitions/${enc(retiring.process_key)}/retire`, {
        method: "POST", json: { reason: $("#retire-reason").value.trim() },
      });
      if (!answer.ok) {
        $("#retire-error").textContent = detail(answer);
        $("#retire-error").hidden = false;
        return;
      }
      section.hidden = true;
      notice(t("{name} starts no new instance; its running instances finish.", { name: retiring.name }), "success");
      await refresh();
    };
    $("#retire-cancel").onclick = () => {
      section.hidden = true;
    };
    section.hidden = false;
    $("#retire-reason").focus();
  }

  Kanta.catalogue = { report, startsCell };
})();
