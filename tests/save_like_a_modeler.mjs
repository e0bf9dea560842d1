// Opens a BPMN file and saves it again the way bpmn.io and Camunda Modeler do: bpmn-moddle with the
// Camunda 7 extension descriptors (camunda:formKey, camunda:decisionRef, camunda:in/out …).
// Usage: node save_like_a_modeler.mjs <in.bpmn> <out.bpmn>; warnings from the import go to stderr.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { BpmnModdle } from "bpmn-moddle";

const require = createRequire(import.meta.url);
const camunda = require("camunda-bpmn-moddle/resources/camunda.json");

const [source, target] = process.argv.slice(2);
const moddle = new BpmnModdle({ camunda });
const { rootElement, warnings } = await moddle.fromXML(await readFile(source, "utf8"));
for (const warning of warnings) console.error(`warning: ${warning.message}`);
const { xml } = await moddle.toXML(rootElement, { format: true });
await writeFile(target, xml);
