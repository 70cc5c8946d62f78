// Deterministic generator of DA/T 22-2015 档号 for bench/archival-code.mjs.
// Same seed, same codes: `node bench/generate-archival-codes.mjs [count] [seed]`
// writes bench/data/archival-codes-<count>-<seed>.txt (git-ignored).
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng as mulberry32 } from './prng.mjs';

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'data');


const CATEGORIES = ['WS', 'WS', 'WS', 'ZP', 'LY', 'LX', 'KU', 'SW'];
const RETENTION = ['Y', 'D30', 'D10'];
const ORGS = ['BGS', 'RSC', 'CWK', 'XCB', 'DWB', '001', '002', '003'];
const LETTERS = 'ABCDEFGHJKLMNPQRSTXZ';

/**
 * Generates `count` DA/T 22-2015 codes: 全宗号 letter + 3 digits, 门类, 年度
 * 1990–2025, 保管期限 Y/D30/D10, 机构 in 80 % of codes, 件号 0001–9999.
 */
export function generateArchivalCodes(count, seed = 20151001) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const codes = new Array(count);
  for (let i = 0; i < count; i++) {
    const fonds = pick(LETTERS) + String(Math.floor(random() * 1000)).padStart(3, '0');
    const year = 1990 + Math.floor(random() * 36);
    const org = random() < 0.8 ? `-${pick(ORGS)}` : '';
    const item = String(1 + Math.floor(random() * 9999)).padStart(4, '0');
    codes[i] = `${fonds}-${pick(CATEGORIES)}·${year}-${pick(RETENTION)}${org}-${item}`;
  }
  return codes;
}

/** Reads the cached data file, generating it first when missing. */
export function loadArchivalCodes(count, seed = 20151001) {
  const file = join(DATA, `archival-codes-${count}-${seed}.txt`);
  if (!existsSync(file)) {
    mkdirSync(DATA, { recursive: true });
    writeFileSync(file, `${generateArchivalCodes(count, seed).join('\n')}\n`);
  }
  return readFileSync(file, 'utf8').trimEnd().split('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 1_000_000);
  const seed = Number(process.argv[3] ?? 20151001);
  const codes = loadArchivalCodes(count, seed);
  process.stdout.write(`${codes.length} codes in bench/data/archival-codes-${count}-${seed}.txt\n`);
}
