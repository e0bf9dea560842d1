/* The process pages: every deployed definition (and the deploy form for an analyst), and one
 * definition with its diagram, its versions and a link to start it. */
"use strict";

(() => {
  const { el, $, enc, timeEl, api, must, detail, can, table, facts, pages, t } = Kanta;

  pages.definitions = async () => {
    const deployer = can("deploy");
    const show = async () => {
      const definitions = await must(api("/api/v1/process-definitions"));
      const columns = [
        { label: t("Process"), cell: (d) => el("a", { href: `/processes/${enc(d.process_key)}` }, d.name) },
        { label: t("Process key"), cell: (d) => el("code", {}, d.process_key) },
        { label: t("Version"), cell: (d) => String(d.version) },
        { label: t("Deployed"), cell: (d) => timeEl(d.deployed_at) },
        { label: t("Instances"), cell: (d) => el("a", { href: `/instances?process_key=${enc(d.process_key)}` }, t("Instances")) },
        { label: t("Oversight"), cell: (d) => el("a", { href: `/processes/${enc(d.process_key)}/oversight` }, t("Oversight")) },
        { label: t("New starts"), cell: (d) => Kanta.catalogue.startsCell(d, show) },
      ];
      if (deployer) {
        columns.push(
          { label: t("Deployed by"), cell: (d) => d.deployed_by },
          { label: t("File"), cell: (d) => el("code", {}, d.main_file) },
        );
      }
      $("#definitions").replaceChildren(table(columns, definitions, t("Nothing is deployed yet.")));
      $("#definitions").removeAttribute("aria-busy");
    };
    await show();
    await Kanta.catalogue.report($("#catalogue-report"));
    if (!deployer) return;
    $("#deploy").hidden = false;
    $("#deploy-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const input = $("#deploy-files");
      const result = $("#deploy-result");
      if (!input.files.length) {
        result.replaceChildren(el("p", { class: "field-error" }, Kanta.t("Choose at least one file.")));
        return;
      }
      const formData = new FormData();
      for (const file of input.files) formData.append("files", file);
      // A form or contract not uploaded is taken as deployed: an analyst who changed one diagram uploads it alone.
      const answer = await api("/api/v1/process-definitions?forms_from_catalogue=true", { method: "POST", formData });
      $("#deploy-diagram-section").hidden = true;
      if (answer.ok) {
        const names = (list) => list.map((d) => `${d.name} v${d.version}`).join(", ") || t("none");
        const warnings = answer.body.warnings || [];
        result.replaceChildren(
          el("p", { class: "notice notice-success" }, t("Deployed: {deployed}. Unchanged: {unchanged}.",
            { deployed: names(answer.body.deployed), unchanged: names(answer.body.unchanged) })),
          warnings.length ? el("h3", {}, t("{count} warning(s): deployed all the same", { count: warnings.length })) : null,
          warnings.length ? problemList(warnings) : null,
        );
        await show();
        await drawWith(input.files, warnings);
      } else if (answer.status === 422 && answer.body.problems) {
        const problems = answer.body.problems; // the API lists root causes first
        const errors = problems.filter((p) => p.severity !== "warning").length;
        result.replaceChildren(
          el("p", { class: "notice notice-error", role: "alert" }, problems.length > errors
            ? t("Nothing was deployed: {errors} problem(s) to correct, and {warnings} warning(s).",
              { errors, warnings: problems.length - errors })
            : t("Nothing was deployed: {errors} problem(s) to correct.", { errors })),
          problemList(problems),
        );
        await drawWith(input.files, problems);
      } else {
        result.replaceChildren(el("p", { class: "notice notice-error", role: "alert" }, detail(answer)));
      }
    });

    let diagram = null;

    /** Each problem once: where it is, what it is, and a button that shows its element on the diagram. */
    function problemList(problems) {
      return el("ol", { class: "problems" }, problems.map((p) => {
        const warning = p.severity === "warning";
        return el("li", { class: warning ? "warning" : "error", "data-element": p.element_id || "" },
          warning ? el("span", { class: "problem-code" }, `${t("warning")} ${p.code}`) : null,
          p.message,
          el("span", { class: "where" }, ` — ${p.file}${p.line ? `, ${t("line {line}", { line: p.line })}` : ""}`,
            p.element_id ? [", ", el("code", {}, p.element_id)] : null),
          p.element_id ? el("button", {
            type: "button",
            class: "show-element",
            "data-element": p.element_id,
            onclick: () => {
              if (diagram?.select(p.element_id)) $("#deploy-diagram").scrollIntoView({ block: "nearest" });
            },
          }, Kanta.t("Show")) : null);
      }));
    }

    /** Draw the uploaded diagram the first problem is in (else the first uploaded), its elements marked. */
    async function drawWith(files, problems) {
      const diagrams = [...files].filter((f) => /\.(bpmn|xml)$/i.test(f.name));
      const named = problems.find((p) => p.element_id && diagrams.some((f) => f.name === p.file));
      const file = named ? diagrams.find((f) => f.name === named.file) : diagrams[0];
      if (!file) return;
      const container = $("#deploy-diagram");
      container.replaceChildren();
      $("#deploy-diagram-section").hidden = false;
      try {
        diagram = await Kanta.diagram.show(container, await file.text(), $("#deploy-element-doc"));
      } catch {
        // bpmn-js could not read the file at all: its problems above say why
        $("#deploy-diagram-section").hidden = true;
        diagram = null;
        return;
      }
      const on = (severity) => problems.filter((p) => p.file === file.name && (p.severity === "warning") === severity)
        .map((p) => p.element_id).filter(Boolean);
      diagram.markElements(on(true), "highlight-warning");
      diagram.markElements(on(false), "highlight-problem");
      if (named) diagram.select(named.element_id);
    }
  };

  pages.definition = async (main) => {
    const key = main.dataset.processKey;
    const base = `/api/v1/process-definitions/${enc(key)}`;
    const asked = new URLSearchParams(location.search).get("version");
    const latest = await must(api(base));
    const shown = asked ? await must(api(`${base}?version=${enc(asked)}`)) : latest;
    document.title = `${shown.name} · Kanta onboarding`;
    $("#title").textContent = shown.name;
    $("#summary").textContent = Kanta.plainWords(shown.documentation);
    const deployer = can("deploy");
    facts($("#facts"), [
      [t("Process key"), el("code", {}, shown.process_key)],
      [t("Version"), shown.version === latest.version ? t("{version} (latest)", { version: shown.version })
        : t("{version} of {latest}", { version: shown.version, latest: latest.version })],
      [t("Deployed"), timeEl(shown.deployed_at)],
      [t("Deployed by"), deployer ? shown.deployed_by : null],
      [t("File"), deployer ? el("code", {}, shown.main_file) : null],
      [t("Content hash"), deployer ? el("code", { title: shown.content_hash }, shown.content_hash.slice(0, 12)) : null],
    ]);
    const diagram = await Kanta.diagram.draw($("#diagram"), key, shown.version, $("#element-doc"));

    // Every deployed version, newest first, with how many instances run on it.
    const [versions, counts] = await Promise.all([
      must(api(`${base}/versions`)).then((list) => list.reverse()),
      must(api(`${base}/instance-counts`)),
    ]);
    const statuses = Object.fromEntries(counts.versions.map((v) => [v.version, v.statuses]));
    const movable = (d) => (statuses[d.version]?.running || 0) + (statuses[d.version]?.error || 0);
    const columns = [
      {
        label: t("Version"),
        cell: (d) => (d.version === shown.version ? el("strong", {}, t("{version} (shown)", { version: d.version }))
          : el("a", { href: `/processes/${enc(key)}?version=${d.version}` }, String(d.version))),
      },
      { label: t("Deployed"), cell: (d) => timeEl(d.deployed_at) },
      { label: t("Running"), cell: (d) => String(statuses[d.version]?.running || 0) },
      { label: t("Stopped by an incident"), cell: (d) => String(statuses[d.version]?.error || 0) },
      {
        label: t("Migration"),
        cell: (d) => (d.version !== latest.version && movable(d) ? el("button", {
          type: "button",
          class: "plan-migration",
          onclick: () => Kanta.migration.open({ key, base, from: d.version, versions, latest: latest.version }),
        }, t("Plan the move of version {version}", { version: d.version })) : ""),
      },
    ];
    if (deployer) {
      columns.push(
        { label: t("Deployed by"), cell: (d) => d.deployed_by },
        { label: t("Content hash"), cell: (d) => el("code", {}, d.content_hash.slice(0, 12)) },
      );
    }
    $("#versions").replaceChildren(table(columns, versions));

    // A start that met a fault of the diagram stored no instance: its incident is the version's, open until a
    // corrected version is deployed or an analyst marks it resolved.
    const incidents = await must(api(`/api/v1/incidents?process_key=${enc(key)}&open=false&limit=100`));
    const startFaults = incidents.items.filter((i) => i.instance_id === null);
    $("#start-faults").replaceChildren(Kanta.incidentTable(startFaults, {
      stepName: diagram.name,
      withVersion: true,
      remedy: () => (deployer ? "resolve" : null),
    }));

    // a start runs the latest version: the start page is offered there
    $("#start").hidden = !(can("operate") && shown.version === latest.version);
  };
})();
