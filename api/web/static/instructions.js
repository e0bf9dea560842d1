/* A step's instructions as analysts write them in the diagram's documentation: lines "FI: …", "EN: …"
 * and "Rule: …", shown as a Finnish and an English section and a list of rules. */
"use strict";

(() => {
  const { el } = Kanta;

  function instructions(text) {
    const parts = { FI: [], EN: [], Rule: [], other: [] };
    let current = "other";
    for (const raw of (text || "").split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const prefixed = /^(FI|EN|Rule)\s*:\s*(.*)$/i.exec(line);
      if (prefixed) {
        const key = prefixed[1].toUpperCase();
        current = key === "RULE" ? "Rule" : key;
        parts[current].push(prefixed[2]);
      } else if (current === "other" || parts[current].length === 0) {
        parts.other.push(line);
      } else {
        parts[current][parts[current].length - 1] += ` ${line}`; // a wrapped line continues its entry
      }
    }
    return parts;
  }

  function renderInstructions(container, text) {
    const parts = instructions(text);
    const blocks = [];
    if (parts.FI.length) {
      blocks.push(el("section", { class: "lang lang-fi", lang: "fi" },
        el("h3", {}, "Ohjeet (suomeksi)"), parts.FI.map((line) => el("p", {}, line))));
    }
    if (parts.EN.length) {
      blocks.push(el("section", { class: "lang lang-en", lang: "en" },
        el("h3", {}, "Instructions (English)"), parts.EN.map((line) => el("p", {}, line))));
    }
    if (parts.other.length) {
      blocks.push(el("section", { class: "lang" },
        parts.FI.length || parts.EN.length ? null : el("h3", {}, "Instructions"),
        parts.other.map((line) => el("p", {}, line))));
    }
    if (parts.Rule.length) {
      blocks.push(el("section", { class: "rules" },
        el("h3", {}, "Rules"), el("ul", {}, parts.Rule.map((line) => el("li", {}, line)))));
    }
    if (!blocks.length) blocks.push(el("p", { class: "hint" }, "No instructions are written for this step."));
    container.append(...blocks);
  }

  Kanta.renderInstructions = renderInstructions;
})();
