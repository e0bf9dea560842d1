// Opens a BPMN or DMN file and saves it again the way bpmn.io and Camunda Modeler do: bpmn-moddle or
// dmn-moddle with the Camunda 7 extension descriptors (camunda:formKey, camunda:decisionRef, camunda:in/out …).
// Usage: node save_like_a_modeler.mjs <in.bpmn|in.dmn> <out>; warnings from the import go to stderr.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { BpmnModdle } from "bpmn-moddle";
import { DmnModdle } from "dmn-moddle";

const require = createRequire(import.meta.url);
const [source, target] = process.argv.slice(2);
const moddle = source.endsWith(".dmn")
  ? new DmnModdle({ camunda: require("camunda-dmn-moddle/resources/camunda.json") })
  : new BpmnModdle({ camunda: require("camunda-bpmn-moddle/resources/camunda.json") });
const { rootElement, warnings } = await moddle.fromXML(await readFile(source, "utf8"));
for (const warning of warnings) console.error(`warning: ${warning.message}`);
const { xml } = await moddle.toXML(rootElement, { format: true });
await writeFile(target, xml);
