/* A task's JSON Schema form in plain DOM: one field per property (string, a choice → select by its labels,
 * a date typed the Finnish way, email, boolean → checkbox, integer/number; anything else as JSON text), the
 * required ones and the pre-filled ones marked.
 * The page checks nothing of the schema itself: the server does, with the same jsonschema that decides,
 * and its 422 field errors are shown next to their fields. So the page and the server never disagree
 * (JavaScript's regular expressions differ from Python's, and a form's pattern could freeze a tab), and
 * the only problems the page finds are values it cannot read from a control at all. */
"use strict";

(() => {
  const { el, t } = Kanta;

  /** A value the person gave that the page cannot turn into JSON (not a schema check: there is no value). */
  class Unreadable {
    constructor(message) {
      this.message = message;
    }
  }

  // The API's refusal of a field, said in the language chosen: it gives its reason as a stable word and the
  // values it speaks of beside its English message, which is shown where it gives none.
  const REASONS = {
    "required": "Fill this in.",
    "required-with": "Fill this in when “{given}” is filled in.",
    "not-a-field": "This is not a field of this form.",
    "read-only": "This field is read-only: the form shows it and the task does not take it.",
    "format-fi-business-id": "{given} is not a Y-tunnus: seven digits, a hyphen and the right check digit.",
    "format-oid": "{given} is not an OID: numbers separated by dots, such as 1.2.246.537.",
    "format-date": "{given} is not a date.",
    "format-email": "{given} is not an e-mail address.",
    "format-ipv4": "{given} is not an IPv4 address, such as 192.0.2.10.",
    "format-ipv6": "{given} is not an IPv6 address, such as 2001:db8::10.",
    "format-ip-address": "{given} is not an IP address: IPv4, such as 192.0.2.10, or IPv6, such as 2001:db8::10.",
    "format-hostname": "{given} is not a DNS name, such as liityntapiste.example.fi.",
    "date-too-early": "{given} is earlier than this field takes: give a date from {bound} on.",
    "date-too-late": "{given} is later than this field takes: give a date until {bound}.",
    "must-tick": "Tick this to go on.",
    "must-untick": "Leave this unticked.",
    "not-a-choice": "{given} is not one of the choices.",
    "fill-in": "Fill this in.",
    "too-short": "Write at least {count} characters.",
    "too-long": "Write at most {count} characters (this has {length}).",
    "at-least": "{given} is too small: give at least {bound}.",
    "more-than": "{given} is too small: give more than {bound}.",
    "at-most": "{given} is too large: give at most {bound}.",
    "less-than": "{given} is too large: give less than {bound}.",
    "not-as-asked": "{given} is not written as this field asks.",
  };

  function said(error, titleOf = (name) => name) {
    const template = REASONS[error.reason];
    if (!template) return error.message;
    const values = { ...error.values };
    if (error.reason === "required-with") values.given = titleOf(values.given); // a field, by its title
    return t(template, values);
  }

  const typeOf = (property) =>
    (Array.isArray(property.type) ? property.type.find((kind) => kind !== "null") : property.type) || "string";

  // Dates are typed and shown as a Finnish reader writes them, 1.9.2026 or 01.09.2026, whatever this
  // browser's language (a browser's own date control shows mm/dd/yyyy in an English browser), and sent as
  // ISO 8601. The year is written in full: "1.9.26" is no date here, so it can never become year 26.
  const FINNISH_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
  const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const pad = (number) => String(number).padStart(2, "0");

  function isoDate(text) {
    const finnish = FINNISH_DATE.exec(text);
    const iso = finnish ? null : ISO_DATE.exec(text);
    if (!finnish && !iso) return new Unreadable(t("Write the date as day.month.year, e.g. 1.9.2026."));
    const [year, month, day] = finnish ? [+finnish[3], +finnish[2], +finnish[1]] : [+iso[1], +iso[2], +iso[3]];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return new Unreadable(t("{date} is not a day of the calendar.", { date: text }));
    }
    return `${year}-${pad(month)}-${pad(day)}`;
  }

  function finnishDate(iso) {
    const parts = ISO_DATE.exec(iso);
    return parts ? `${+parts[3]}.${+parts[2]}.${parts[1]}` : iso;
  }

  // A choice is shown by its label, never its code: a oneOf of const + title (JSON Schema's own way),
  // else enum with x-enum-labels (a camunda:formData enum's names) or enumNames, else the code written as
  // words ("private_provider" → "Private provider").
  const spelled = (code) => (typeof code === "string" && code
    ? code.charAt(0).toUpperCase() + code.slice(1).replaceAll("_", " ") : String(code));

  function choicesOf(property) {
    const options = property.oneOf || property.anyOf;
    if (Array.isArray(options) && options.length && options.every((o) => o && typeof o === "object" && "const" in o)) {
      return options.map((o) => ({ value: o.const, label: o.title || spelled(o.const) }));
    }
    if (!Array.isArray(property.enum)) return null;
    const names = [property["x-enum-labels"], property.enumNames].find(Array.isArray) || [];
    return property.enum.map((value, index) => ({ value, label: names[index] || spelled(value) }));
  }

  function control(name, property, initial) {
    const type = typeOf(property);
    const id = `field-${name}`;
    const choices = choicesOf(property);
    if (choices) {
      const select = el("select", { id, name },
        el("option", { value: "" }, t("— choose —")),
        choices.map((choice, index) => el("option", { value: String(index) }, choice.label)));
      const index = choices.findIndex((choice) => choice.value === initial);
      select.value = index >= 0 ? String(index) : "";
      return { input: select, read: () => (select.value === "" ? undefined : choices[+select.value].value) };
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
          if (input.validity.badInput) return new Unreadable(t("Write a number."));
          return input.value.trim() === "" ? undefined : Number(input.value);
        },
      };
    }
    if (type === "string" && property.format === "date") {
      const input = el("input", { id, name, type: "text", autocomplete: "off", placeholder: t("d.m.yyyy"), "data-date": "" });
      if (typeof initial === "string") input.value = finnishDate(initial);
      return { input, read: () => (input.value.trim() === "" ? undefined : isoDate(input.value.trim())) };
    }
    if (type === "string") {
      const kind = property.format === "email" ? "email" : "text";
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
          return new Unreadable(t("Write valid JSON."));
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
    // A value the field starts with is marked, and selected when the field is entered, so typing replaces
    // it instead of running on from its end.
    const prefilled = initial !== undefined && initial !== null && initial !== "";
    const mark = prefilled ? el("p", { class: "prefilled-note", id: `prefilled-${name}` }, t("Pre-filled: check it")) : null;
    input.setAttribute("aria-describedby", [mark && mark.id, hint && hint.id, error.id].filter(Boolean).join(" "));
    if (prefilled && typeof input.select === "function" && input.tagName !== "SELECT") {
      input.addEventListener("focus", () => input.select());
    }
    if (required) input.setAttribute("aria-required", "true");
    const title = el("span", {}, property.title || name, required ? el("span", { class: "required", title: t("required") }, " *") : null);
    const checkbox = input.type === "checkbox";
    const label = el("label", { for: input.id, class: checkbox ? "checkbox" : null }, checkbox ? [input, " ", title] : title);
    const wrapper = el("div", { class: prefilled ? "field prefilled" : "field", "data-field": name },
      label, mark, checkbox ? null : input, hint, error);

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

    return { name, title: property.title || name, input, wrapper, show, read };
  }

  const escapeToken = (name) => name.replaceAll("~", "~0").replaceAll("/", "~1");
  const unescapeToken = (token) => token.replaceAll("~1", "/").replaceAll("~0", "~");

  /** ``at`` is where the form's data sits in the request body, as a JSON Pointer: "/data" for a task,
   * "/payload" for a message. */
  function render(container, schema, initial, { at = "/data", empty = t("This task asks for nothing: complete it when it is done.") } = {}) {
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
          let message = said(error, (name) => byName.get(name)?.title || name);
          if (place.inside) message = `${place.inside}: ${message}`;
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
   * (in `errorElement`). `send(data)` answers the API's result; `done(result)` runs when it is ok;
   * `answered(result)`, if given, may show a refusal itself (answering true) before the form does. */
  function submitWith(formElement, form, { button, errorElement, send, done, answered }) {
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
        if (answered?.(result)) return;
        const refused = result.status === 422 ? result.body.errors || [] : [];
        const unplaced = refused.length ? form.showErrors(refused) : [];
        if (!refused.length || unplaced.length) {
          errorElement.textContent = [Kanta.detail(result), ...unplaced.map((e) => `${e.field}: ${said(e)}`)]
            .join(" — ");
          errorElement.hidden = false;
        }
      } finally {
        button.disabled = false;
      }
    });
  }

  Kanta.form = { render, submitWith, isoDate, finnishDate, said, Unreadable };
})();
