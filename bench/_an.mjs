import { build } from 'esbuild';
const [name, entry='./src/index.ts'] = process.argv.slice(2);
const r = await build({ stdin: { contents: `import { ${name} } from ${JSON.stringify(entry)}; globalThis.out=${name};`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, minify: true, format: 'esm', platform: 'browser', metafile: true, logLevel: 'silent' });
const { gzipSync } = await import('node:zlib');
const b = r.outputFiles[0].contents; console.log(name, b.length, gzipSync(b,{level:9}).length);
const inputs = Object.entries(r.metafile.outputs)[0][1].inputs;
for (const [k, v] of Object.entries(inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0, +process.env.N||40)) console.log(v.bytesInOutput, k);
