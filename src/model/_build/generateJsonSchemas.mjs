// Writes schemas/json/<name>.schema.json from the built core (run after tsup:
// `npm run build`). The rendering lives in `modelJsonSchemaFiles()`; this
// script only replaces the files. test/model/jsonSchema.test.ts fails when the
// committed files differ from what the source schemas generate.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { modelJsonSchemaFiles } from '../../../dist/index.js';

const dir = new URL('../../../schemas/json/', import.meta.url);
await mkdir(dir, { recursive: true });
for (const name of await readdir(dir)) {
  if (name.endsWith('.schema.json')) await rm(new URL(name, dir));
}
const files = Object.entries(modelJsonSchemaFiles());
for (const [name, text] of files) await writeFile(new URL(name, dir), text);
console.log(`schemas/json: ${files.length} JSON Schema files written`);
