// Writes schema/integration-definition.schema.json from the definition schema
// (run after `tsup`; part of `build`). A test checks the committed file is current.
import { writeFileSync } from "node:fs";
import { definitionJsonSchema } from "../dist/index.js";

const target = new URL("../schema/integration-definition.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
