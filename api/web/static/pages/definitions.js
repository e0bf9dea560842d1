/* The process pages: every deployed definition (and the deploy form for an analyst), and one
 * definition with its diagram, its versions and the start form. */
"use strict";

(() => {
  const { el, $, enc, timeEl, api, must, detail, can, flash, table, facts, pages } = Kanta;

  pages.definitions = async () => {
    const deployer = can("deploy");
    const show = async () => {
      const definitions = await must(api("/api/v1/process-definitions"));
      const columns = [
        { label: "Process", cell: (d) => el("a", { href: `/processes/${enc(d.process_key)}` }, d.name) },
        { label: "Process key", cell: (d) => el("code", {}, d.process_key) },
        { label: "Version", cell: (d) => String(d.version) },
        { label: "Deployed", cell: (d) => timeEl(d.deployed_at) },
        { label: "Instances", cell: (d) => el("a", { href: `/instances?process_key=${enc(d.process_key)}` }, "Instances") },
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
        const names = (list) => list.map((d) => `${d.process_key} v${d.version}`).join(", ") || "none";
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
    const key = main.dataset.processKey;
    const base = `/api/v1/process-definitions/${enc(key)}`;
    const asked = new URLSearchParams(location.search).get("version");
    const latest = await must(api(base));
    const shown = asked ? await must(api(`${base}?version=${enc(asked)}`)) : latest;
    document.title = `${shown.name} · Kanta onboarding`;
    $("#title").textContent = shown.name;
    $("#summary").textContent = shown.documentation;
    const deployer = can("deploy");
    facts($("#facts"), [
      ["Process key", el("code", {}, shown.process_key)],
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
})();
