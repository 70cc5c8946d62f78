// Entry of the esbuild bundle (bundle.mjs) used by the plain-Node scripts, and a CLI for one
// case in a child process: `node harness.mjs run <case-name> <corpus-dir>` prints
// `{"codes":[…],"ok":true|false}` (measure.mjs runs it under /usr/bin/time).
import { hostileCases, writeCorpus } from '../fixtures/hostile/corpus.js';
import { meetsExpectation, runHostileCase } from './runCase.js';

export { hostileCases, writeCorpus, meetsExpectation, runHostileCase };
export { default as fc } from 'fast-check';
export { fuzzInput, fuzzTargets, replayFound, type FuzzTarget } from './fuzzTargets.js';

const [, , command, name, root] = process.argv;
// `run-all <corpus-dir>`: every case written there, one after the other (the read-only test traces this).
if (process.env.DANGAN_HARNESS === 'run' && command === 'run-all' && name) {
  const written = hostileCases.filter((c) => !c.slow);
  for (const c of written) {
    const outcome = await runHostileCase(c, name);
    process.stdout.write(`${JSON.stringify({ name: c.name, ok: meetsExpectation(c, outcome) })}\n`);
  }
}
if (process.env.DANGAN_HARNESS === 'run' && command === 'run' && name && root) {
  const c = hostileCases.find((h) => h.name === name);
  if (!c) throw new Error(`no hostile case ${name}`);
  const outcome = await runHostileCase(c, root);
  process.stdout.write(`${JSON.stringify({ codes: outcome.codes, ok: meetsExpectation(c, outcome) })}\n`);
}
