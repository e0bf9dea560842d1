/* A task's JSON Schema form in plain DOM: one field per property (string, enum → select with its
 * x-enum-labels, date, email,
 * boolean → checkbox, integer/number; anything else as JSON text), the required ones marked.
 * The page checks nothing of the schema itself: the server does, with the same jsonschema that decides,
 * and its 422 field errors are shown next to their fields. So the page and the server never disagree
 * (JavaScript's regular expressions differ from Python's, and a form's pattern could freeze a tab), and
 * the only problems the page finds are values it cannot read from a control at all. */
"use strict";

(() => {
  const { el } = Kanta;

  /** A value the person gave that the page cannot turn into JSON (not a schema check: there is no value). */
  class Unreadable {
    constructor(message) {
      this.message = message;
    }
  }

  const typeOf = (property) =>
    (Array.isArray(property.type) ? property.type.find((t) => t !== "null") : property.type) || "string";

  function control(name, property, initial) {
    const type = typeOf(property);
    const id = `field-${name}`;
    if (property.enum) {
      const select = el("select", { id, name },
        el("option", { value: "" }, "— choose —"),
        property.enum.map((option, index) =>
          el("option", { value: String(index) }, String(property["x-enum-labels"]?.[index] ?? option))));
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
      return {
        input,
        read: () => {
          if (input.validity.badInput) return new Unreadable("Write a number.");
          return input.value.trim() === "" ? undefined : Number(input.value);
        },
      };
    }
    if (type === "string") {
      const kind = { date: "date", email: "email" }[property.format] || "text";
      const input = el("input", { id, name, type: kind, autocomplete: "off" });
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
          return new Unreadable("Write valid JSON.");
        }
      },
    };
  }

  function field(name, property, required, initial) {
    // A read-only field (Camunda's readonly constraint) is shown with its value and never sent.
    const shown = initial === undefined && property.readOnly ? property.default : initial;
    const made = control(name, property, shown);
    const { input } = made;
    const read = property.readOnly ? () => undefined : made.read;
    if (property.readOnly) input.disabled = true;
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

    return { name, input, wrapper, show, read };
  }

  const escapeToken = (name) => name.replaceAll("~", "~0").replaceAll("/", "~1");
  const unescapeToken = (token) => token.replaceAll("~1", "/").replaceAll("~0", "~");

  /** ``at`` is where the form's data sits in the request body, as a JSON Pointer: "/data" for a task,
   * "/payload" for a message. */
  function render(container, schema, initial, { at = "/data", empty = "This task asks for nothing: complete it when it is done." } = {}) {
    const required = new Set(schema.required || []);
    const fields = Object.entries(schema.properties || {}).map(([name, property]) =>
      field(name, property, required.has(name), initial[name]));
    container.replaceChildren(...fields.map((f) => f.wrapper));
    if (!fields.length) container.append(el("p", { class: "hint" }, empty));
    const byName = new Map(fields.map((f) => [f.name, f]));

    /** The form field an API error is about, and where inside it: the API names each refused field by
     * the part of the request it is in and a JSON Pointer there ("/data/contact/email"). Anything not
     * inside one of this form's fields is about the form as a whole. */
    function placeOf(error) {
      const pointer = String(error.field ?? "");
      if ((error.in && error.in !== "body") || !pointer.startsWith(`${at}/`)) return null;
      const [name, ...inside] = pointer.slice(at.length + 1).split("/").map(unescapeToken);
      return byName.has(name) ? { name, inside: inside.join("/") } : null;
    }

    return {
      /** The data to send (an empty field is left out), and the fields the page could not read. */
      read() {
        const data = {};
        const errors = [];
        for (const f of fields) {
          const value = f.read();
          if (value instanceof Unreadable) errors.push({ in: "body", field: `${at}/${escapeToken(f.name)}`, message: value.message });
          else if (value !== undefined) data[f.name] = value;
        }
        return { data, errors };
      },

      /** Show each error next to its field; answers the errors that name no field of this form. */
      showErrors(errors) {
        const messages = new Map();
        const unplaced = [];
        for (const error of errors) {
          const place = placeOf(error);
          if (!place) {
            unplaced.push(error);
            continue;
          }
          // An error inside a JSON field ("contact/email") says where in it.
          const message = place.inside ? `${place.inside}: ${error.message}` : error.message;
          messages.set(place.name, [...(messages.get(place.name) || []), message]);
        }
        for (const f of fields) f.show((messages.get(f.name) || []).join("; "));
        const first = fields.find((f) => f.wrapper.classList.contains("invalid"));
        if (first) first.input.focus();
        return unplaced;
      },

      disable() {
        for (const f of fields) f.input.disabled = true;
      },
    };
  }

  /** Send what was filled in when `formElement` is submitted. The page stops only a value it cannot read;
   * the API judges the data: its 422 field errors are shown at their fields, anything else above the form
   * (in `errorElement`). `send(data)` answers the API's result; `done(result)` runs when it is ok. */
  function submitWith(formElement, form, { button, errorElement, send, done }) {
    formElement.addEventListener("submit", async (event) => {
      event.preventDefault();
      errorElement.hidden = true;
      const { data, errors } = form.read();
      if (errors.length) {
        form.showErrors(errors);
        return;
      }
      button.disabled = true;
      try {
        const result = await send(data);
        if (result.ok) {
          done(result);
          return;
        }
        const refused = result.status === 422 ? result.body.errors || [] : [];
        const unplaced = refused.length ? form.showErrors(refused) : [];
        if (!refused.length || unplaced.length) {
          errorElement.textContent = [Kanta.detail(result), ...unplaced.map((e) => `${e.field}: ${e.message}`)]
            .join(" — ");
          errorElement.hidden = false;
        }
      } finally {
        button.disabled = false;
      }
    });
  }

  Kanta.form = { render, submitWith };
})();
