/* A step's instructions as analysts write them in the diagram's documentation: lines "FI: …", "EN: …"
 * and "Rule: …", shown as a Finnish and an English section and a list of rules. */
"use strict";

(() => {
  const { el, t } = Kanta;

  /** The catalogue's documentation quotes its source documents by number for traceability ("(seed 003)",
   * "Seeds 001, 000."): the people at the screen read the rule, not the reference, and "seed" is the
   * analysts' word. References are left out; a sentence about the documents says "source document". */
  function plainWords(text) {
    return (text || "")
      .replace(/\s*\(seeds?\s*\d{3}(?:\s*(?:,|and)\s*(?:seed\s*)?\d{3})*\)/gi, "")
      .replace(/\s*\bSeeds? \d{3}(?:, \d{3})*\.\s*$/gm, "")
      .replace(/\bseeds\b/g, "source documents").replace(/\bSeeds\b/g, "Source documents")
      .replace(/\bseed\b/g, "source document").replace(/\bSeed\b/g, "Source document");
  }

  function instructions(text) {
    const parts = { FI: [], EN: [], Rule: [], Source: [], other: [] };
    let current = "other";
    for (const raw of (text || "").split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const prefixed = /^(FI|EN|Rule|Source)\s*:\s*(.*)$/i.exec(line);
      if (prefixed) {
        const key = prefixed[1].toUpperCase();
        current = { RULE: "Rule", SOURCE: "Source" }[key] || key; // "Source:" quotes are for traceability only
        parts[current].push(plainWords(prefixed[2]));
      } else if (current === "other" || parts[current].length === 0) {
        parts.other.push(plainWords(line));
      } else {
        parts[current][parts[current].length - 1] += ` ${plainWords(line)}`; // a wrapped line continues its entry
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
        el("h3", {}, t("Instructions (English)")), parts.EN.map((line) => el("p", {}, line))));
    }
    if (parts.other.length) {
      blocks.push(el("section", { class: "lang" },
        parts.FI.length || parts.EN.length ? null : el("h3", {}, t("Instructions")),
        parts.other.map((line) => el("p", {}, line))));
    }
    if (parts.Rule.length) {
      blocks.push(el("section", { class: "rules" },
        el("h3", {}, t("Rules")), el("ul", {}, parts.Rule.map((line) => el("li", {}, line)))));
    }
    if (!blocks.length) blocks.push(el("p", { class: "hint" }, t("No instructions are written for this step.")));
    container.append(...blocks);
  }

  Kanta.renderInstructions = renderInstructions;
  Kanta.plainWords = plainWords;
})();
