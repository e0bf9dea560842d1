/* The start page: a process chosen, its start form filled in, and the onboarding started. The API judges
 * the data (a Y-tunnus's check digit included) and says when the organisation already has an onboarding of
 * that process that has not ended: the page shows it with a link, and starts a second one only when the
 * person says so with a button of its own. */
"use strict";

(() => {
  const { el, $, enc, timeEl, api, must, can, caller, flash, notice, statusBadge, pages, t } = Kanta;

  pages.start = async () => {
    const formElement = $("#start-form");
    const select = formElement.elements.process_key;
    const button = $("#start-button");
    if (!can("operate")) {
      select.disabled = true;
      button.hidden = true;
      const note = $("#role-note");
      note.textContent = t("Your role ({role}) may read onboardings; an integrator or an admin starts them.",
        { role: t(caller().role) });
      note.hidden = false;
    }
    // a retired process starts no new onboarding: it is not offered
    const definitions = (await must(api("/api/v1/process-definitions"))).filter((d) => !d.retirement);
    for (const d of definitions) select.append(el("option", { value: d.process_key }, d.name));
    const wanted = new URLSearchParams(location.search).get("process_key");
    if (definitions.some((d) => d.process_key === wanted)) select.value = wanted;

    const running = $("#already-running");
    let form = null;
    let allowDuplicate = false; // only the "Start another one anyway" button sets it, for one submission

    let shownForm = null;
    async function showForm() {
      // Each process's own start form, beside the Y-tunnus; what was typed stays when the form is the same.
      // A start form that asks the provider's business_id asks no business key beside it: the API takes
      // that one answer as both, so the page draws the form as the API answers it.
      const schema = await must(api(`/api/v1/process-definitions/${enc(select.value)}/start`));
      if (JSON.stringify(schema) !== shownForm) {
        shownForm = JSON.stringify(schema);
        form = Kanta.form.render($("#fields"), schema, {});
        if (!can("operate")) form.disable();
      }
      running.hidden = true;
      $("#form-error").hidden = true;
    }
    select.addEventListener("change", () => showForm().catch((error) => notice(error.message, "error")));
    // What was said about a running onboarding holds for the data it was said of only.
    $("#fields").addEventListener("input", () => {
      running.hidden = true;
    });
    if (!definitions.length) {
      $("#fields").replaceChildren(el("p", { class: "empty" }, t("No process is deployed yet.")));
      button.hidden = true;
      return;
    }
    await showForm();

    $("#start-another").addEventListener("click", () => {
      allowDuplicate = true;
      formElement.requestSubmit(button);
    });

    Kanta.form.submitWith(formElement, {
      read: () => form.read(),
      showErrors: (errors) => form.showErrors(errors),
    }, {
      button,
      errorElement: $("#form-error"),
      send: (data) => {
        const json = { data, allow_duplicate: allowDuplicate };
        allowDuplicate = false;
        running.hidden = true;
        return api(`/api/v1/process-definitions/${enc(select.value)}/start`, { method: "POST", json });
      },
      answered: (result) => {
        if (result.status === 403 && result.body?.reason === "own-onboardings-only") {
          // said at the one Y-tunnus field the form asks (the business key, or the business_id that is it)
          const field = form.read().data.business_key === undefined ? "business_id" : "business_key";
          const party = result.body.values.party;
          form.showErrors([{ field: `/data/${field}`, message: t("You act for the organisation {party}: you "
            + "start only its own onboardings, under its Y-tunnus {party}.", { party }) }]);
          return true;
        }
        if (result.status !== 409 || !result.body?.type?.endsWith("/already-running")) return false;
        const name = select.selectedOptions[0].textContent;
        // the Y-tunnus is the business key, or the start form's business_id where that one field is both
        const { business_key: key, business_id: businessId, organisation_name: organisation } = form.read().data;
        const businessKey = key ?? businessId;
        $("#already-running-text").textContent = t("{organisation} ({business_key}) already has an onboarding of "
          + "“{process}” that has not ended. Open it, or start another one only if a second is really meant.",
        { organisation: organisation || businessKey, business_key: businessKey, process: name });
        $("#already-running-list").replaceChildren(...result.body.running.map((r) => el("li", {},
          el("a", { href: `/instances/${enc(r.instance_id)}`, class: "running-instance" }, t("Open the onboarding")),
          ` ${t("started")} `, timeEl(r.started_at), " ", statusBadge(r.status))));
        running.hidden = false;
        running.querySelector("a")?.focus();
        return true;
      },
      done: (result) => {
        const instance = result.body;
        flash(t("The onboarding of {organisation} started.",
          { organisation: instance.variables.organisation_name || instance.business_key }));
        location.assign(`/instances/${enc(instance.id)}`);
      },
    });
  };
})();
