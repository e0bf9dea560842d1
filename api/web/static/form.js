/* A task's JSON Schema form in plain DOM: one field per property (string, enum → select, date, email,
 * boolean → checkbox, integer/number; anything else as JSON text), checked in the page for required,
 * pattern, enum, format, lengths and bounds, and the API's own field errors shown next to the fields. */
"use strict";

(() => {
  const { el } = Kanta;
  const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  const typeOf = (property) =>
    (Array.isArray(property.type) ? property.type.find((t) => t !== "null") : property.type) || "string";

  function isDate(text) {
    const match = DATE.exec(text);
    if (!match) return false;
    const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
  }

  /** What is wrong with a value the person gave (null when it is fine). */
  function problemWith(property, value) {
    const type = typeOf(property);
    if (property.enum && !property.enum.includes(value)) return `Choose one of: ${property.enum.join(", ")}.`;
    if (type === "string") {
      if (property.minLength && value.length < property.minLength) return `Write at least ${property.minLength} characters.`;
      if (property.maxLength && value.length > property.maxLength) return `Write at most ${property.maxLength} characters.`;
      if (property.pattern && !new RegExp(property.pattern, "u").test(value)) return "This is not in the expected form.";
      if (property.format === "date" && !isDate(value)) return "Give a date (YYYY-MM-DD).";
      if (property.format === "email" && !EMAIL.test(value)) return "Give an email address.";
    }
    if (type === "integer" || type === "number") {
      if (Number.isNaN(value) || (type === "integer" && !Number.isInteger(value))) {
        return type === "integer" ? "Give a whole number." : "Give a number.";
      }
      if (property.minimum !== undefined && value < property.minimum) return `The least allowed is ${property.minimum}.`;
      if (property.maximum !== undefined && value > property.maximum) return `The most allowed is ${property.maximum}.`;
    }
    return null;
  }

  function control(name, property, initial) {
    const type = typeOf(property);
    const id = `field-${name}`;
    if (property.enum) {
      const select = el("select", { id, name },
        el("option", { value: "" }, "— choose —"),
        property.enum.map((option, index) => el("option", { value: String(index) }, String(option))));
      const index = property.enum.indexOf(initial);
      select.value = index >= 0 ? String(index) : "";
      return { input: select, read: () => (select.value === "" ? undefined : property.enum[+select.value]) };
    }
    if (type === "boolean") {
      const box = el("input", { id, name, type: "checkbox" });
      box.checked = initial === true;
      return { input: box, read: () => box.checked };
    }
    if (type === "integer" || type === "number") {
      const input = el("input", {
        id, name, type: "number", inputmode: type === "integer" ? "numeric" : "decimal",
        step: type === "integer" ? "1" : "any", min: property.minimum, max: property.maximum,
      });
      if (typeof initial === "number") input.value = String(initial);
      return { input, read: () => (input.value.trim() === "" ? undefined : Number(input.value)) };
    }
    if (type === "string") {
      const kind = { date: "date", email: "email" }[property.format] || "text";
      const input = el("input", { id, name, type: kind, maxlength: property.maxLength, autocomplete: "off" });
      if (typeof initial === "string") input.value = initial;
      return { input, read: () => (input.value.trim() === "" ? undefined : input.value.trim()) };
    }
    // Objects and arrays: JSON text, parsed on reading.
    const area = el("textarea", { id, name, rows: 4, spellcheck: "false" });
    if (initial !== undefined) area.value = JSON.stringify(initial, null, 2);
    return {
      input: area,
      read: () => {
        if (area.value.trim() === "") return undefined;
        try {
          return JSON.parse(area.value);
        } catch {
          return { invalidJson: true };
        }
      },
    };
  }

  function field(name, property, required, initial) {
    const { input, read } = control(name, property, initial);
    const error = el("p", { class: "field-error", id: `error-${name}`, "data-field": name, hidden: true });
    const hint = property.description ? el("p", { class: "hint", id: `hint-${name}` }, property.description) : null;
    input.setAttribute("aria-describedby", [hint && hint.id, error.id].filter(Boolean).join(" "));
    if (required) input.setAttribute("aria-required", "true");
    const title = el("span", {}, property.title || name, required ? el("span", { class: "required", title: "required" }, " *") : null);
    const checkbox = input.type === "checkbox";
    const label = el("label", { for: input.id, class: checkbox ? "checkbox" : null }, checkbox ? [input, " ", title] : title);
    const wrapper = el("div", { class: "field", "data-field": name }, label, checkbox ? null : input, hint, error);

    function show(message) {
      error.textContent = message || "";
      error.hidden = !message;
      wrapper.classList.toggle("invalid", Boolean(message));
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    // An error stays until the person changes the field it is about.
    input.addEventListener("input", () => show(null));
    input.addEventListener("change", () => show(null));

    return {
      name,
      input,
      wrapper,
      show,
      check() {
        const value = read();
        if (value === undefined) return { value, problem: required ? "Fill this in." : null };
        if (value && value.invalidJson) return { value, problem: "Write valid JSON." };
        return { value, problem: problemWith(property, value) };
      },
    };
  }

  function render(container, schema, initial) {
    const required = new Set(schema.required || []);
    const fields = Object.entries(schema.properties || {}).map(([name, property]) =>
      field(name, property, required.has(name), initial[name]));
    container.replaceChildren(...fields.map((f) => f.wrapper));
    if (!fields.length) container.append(el("p", { class: "hint" }, "This task asks for nothing: complete it when it is done."));
    const byName = new Map(fields.map((f) => [f.name, f]));

    return {
      /** The data to send and the problems found in the page ({field, message} like the API's). */
      read() {
        const data = {};
        const errors = [];
        for (const f of fields) {
          const { value, problem } = f.check();
          if (problem) errors.push({ field: f.name, message: problem });
          else if (value !== undefined) data[f.name] = value;
        }
        return { data, errors };
      },

      /** Show each error next to its field; answers the errors that name no field of this form. */
      showErrors(errors) {
        for (const f of fields) f.show(null);
        const unplaced = [];
        for (const error of errors) {
          // The API names a field by its path ("business_id", "json/data/business_id", "(form)").
          const name = String(error.field || "").split("/").find((part) => byName.has(part));
          if (name) byName.get(name).show(error.message);
          else unplaced.push(error);
        }
        const first = fields.find((f) => f.wrapper.classList.contains("invalid"));
        if (first) first.input.focus();
        return unplaced;
      },

      disable() {
        for (const f of fields) f.input.disabled = true;
      },
    };
  }

  Kanta.form = { render };
})();
