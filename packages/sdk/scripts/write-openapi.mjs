// Writes docs/openapi.json from the contract's route table (run after `tsup`).
import { writeFileSync } from "node:fs";
import { openApiDocument } from "../dist/contract.js";

const target = new URL("../../../docs/openapi.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
