// 档号 throughput: dangan's parse + validate + format against a bare
// precompiled regular expression with named groups that builds the same
// components object, over the same 1,000,000 generated codes, in the same run.
//
//   npx tsup && node bench/archival-code.mjs [count]
//
// Set DANGAN_DIST to import the build from elsewhere (default ../dist/index.js).
import { pathToFileURL } from 'node:url';
import { loadArchivalCodes } from './generate-archival-codes.mjs';

const dist = process.env.DANGAN_DIST ?? new URL('../dist/index.js', import.meta.url).href;
const { parseArchivalCode, formatArchivalCode } = await import(dist.startsWith('file:') ? dist : pathToFileURL(dist).href);

const COUNT = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = 9;
const codes = loadArchivalCodes(COUNT);

// The peer: DA/T 22-2015 as one regex (standards-paper §1.8), named groups.
const PEER = /^(?<fondsCode>[A-Z0-9]+)-(?<categoryCode>[A-Z]{2})·(?<year>\d{4})-(?<retentionPeriod>Y|D30|D10)(?:-(?<orgCode>[A-Z0-9]{3}))?-(?<itemNumber>\d{4})$/;

// Every object built is stored here, so neither loop's objects can be
// optimised away (escape analysis) and both pay for the same allocation.
let sink;

function peer(list) {
  let valid = 0;
  let chars = 0;
  for (let i = 0; i < list.length; i++) {
    const m = PEER.exec(list[i]);
    if (m === null) continue;
    const g = m.groups;
    const c = { fondsCode: g.fondsCode, categoryCode: g.categoryCode, year: g.year, retentionPeriod: g.retentionPeriod };
    if (g.orgCode !== undefined) c.orgCode = g.orgCode;
    c.itemNumber = g.itemNumber;
    sink = c;
    valid++;
    chars += c.itemNumber.length;
  }
  return { valid, chars };
}

const options = { profile: 'dat22', currentYear: 2026 };
function ours(list) {
  let valid = 0;
  let chars = 0;
  for (let i = 0; i < list.length; i++) {
    const r = parseArchivalCode(list[i], options);
    if (!r.valid) continue;
    const code = formatArchivalCode(r.components, 'dat22');
    sink = r.components;
    valid++;
    // The code is used (its length), not read: see the untimed check below.
    chars += r.components.itemNumber.length + (code.length === list[i].length ? 0 : 1e9);
  }
  return { valid, chars };
}

// Untimed check on every code, after the rounds: both sides build the same object
// (same keys in the same order, same values), and our formatted code is the
// input itself. The timed loop does not read the code's characters, which
// would make V8 flatten the concatenated string (see docs/performance.md).
function sameWork(list) {
  for (let i = 0; i < list.length; i++) {
    const m = PEER.exec(list[i]);
    const r = parseArchivalCode(list[i], options);
    if ((m === null) !== !r.valid) return `${list[i]}: regex ${m !== null}, dangan ${r.valid}`;
    if (m === null) continue;
    const expected = JSON.stringify(Object.fromEntries(Object.entries(m.groups).filter(([, v]) => v !== undefined)));
    if (JSON.stringify(r.components) !== expected) return `${list[i]}: ${JSON.stringify(r.components)} ≠ ${expected}`;
    if (formatArchivalCode(r.components, 'dat22') !== list[i]) return `${list[i]}: formatted differently`;
  }
  return undefined;
}

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn(codes);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { ...result, rate: codes.length / seconds, seconds };
}

// Warm up both, then alternate rounds, the order flipping each round (A B, B A, …)
// so neither always runs first, on a cold or hot machine or after the other's garbage.
peer(codes.slice(0, 50_000));
ours(codes.slice(0, 50_000));
const peerRuns = [];
const ourRuns = [];
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2 === 0) {
    peerRuns.push(time(peer));
    ourRuns.push(time(ours));
  } else {
    ourRuns.push(time(ours));
    peerRuns.push(time(peer));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p = { ...peerRuns[0], rate: median(peerRuns.map((r) => r.rate)) };
const o = { ...ourRuns[0], rate: median(ourRuns.map((r) => r.rate)) };
// Each round measures both back to back, so their ratio is robust to a busy machine.
const ratio = median(ourRuns.map((r, i) => r.rate / peerRuns[i].rate));
if (o.valid !== p.valid || o.chars !== p.chars || sink === undefined) {
  process.stderr.write(`results differ: dangan ${o.valid} valid, regex ${p.valid} valid\n`);
  process.exitCode = 1;
}
// After timing, so its garbage and calls do not touch the measured rounds.
const mismatch = sameWork(codes);
if (mismatch !== undefined) {
  process.stderr.write(`not the same work: ${mismatch}\n`);
  process.exitCode = 1;
}
const fmt = (n) => Math.round(n).toLocaleString('en-US');
process.stdout.write(
  [
    `档号 parse+validate+format, ${fmt(codes.length)} DA/T 22-2015 codes, median of ${ROUNDS} alternating rounds (node ${process.version})`,
    `  dangan parseArchivalCode + formatArchivalCode : ${fmt(o.rate)} codes/s`,
    `  precompiled RegExp exec + named groups         : ${fmt(p.rate)} codes/s`,
    `  ratio dangan / regex (median of round ratios)  : ${ratio.toFixed(2)} (target ≥ 0.50)`,
    '',
  ].join('\n'),
);
