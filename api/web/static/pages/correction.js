/* The "correct the variables" form of an instance page, for an admin ("repair"): set or remove one variable
 * where the instance stands (running, or stopped by an incident), next to the incident's retry button.
 * The form shows the variable's value now before it changes; the audit keeps the old and the new value,
 * and nothing runs until the next step or a retry. */
"use strict";

(() => {
  const { $, api, detail, flash, t } = Kanta;

  /** A value as the person typed it: JSON when it reads as JSON (10, true, "text", [1, 2]), else text. */
  function typed(text) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  function show(instance) {
    const section = $("#correct-variables");
    const form = $("#correction-form");
    const name = $("#correction-name");
    const old = $("#correction-old");
    const value = $("#correction-value");
    const error = $("#correction-error");
    const variables = instance.variables || {};
    $("#correction-names").replaceChildren(...Object.keys(variables).sort().map((n) => new Option(n, n)));
    const showOld = () => {
      const now = name.value.trim();
      old.textContent = Object.hasOwn(variables, now) ? JSON.stringify(variables[now]) : t("not set");
    };
    name.addEventListener("input", showOld);
    showOld();
    const removing = () => form.elements.change.value === "remove";
    form.addEventListener("change", () => {
      value.disabled = removing();
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const variable = name.value.trim();
      error.hidden = true;
      if (!variable) {
        error.textContent = t("Name the variable to correct.");
        error.hidden = false;
        name.focus();
        return;
      }
      const change = removing() ? { remove: [variable] } : { set: { [variable]: typed(value.value) } };
      const answer = await api(`/api/v1/process-instances/${encodeURIComponent(instance.id)}/correct-variables`, {
        method: "POST", json: change,
      });
      if (!answer.ok) {
        const fields = (answer.body.errors || []).map((e) => `${e.field}: ${e.message}`);
        error.textContent = [detail(answer), ...fields].join(" ");
        error.hidden = false;
        return;
      }
      flash(removing() ? t("The variable {name} was removed.", { name: variable })
        : t("The variable {name} was corrected.", { name: variable }));
      location.reload();
    });
    section.hidden = false;
  }

  Kanta.correction = { show };
})();
