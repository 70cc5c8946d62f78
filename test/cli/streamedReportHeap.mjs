// Child-process harness of test/cli/streamedReport.test.ts: runs the built CLI (argv after the
// harness's own) with standard output counted, not kept, and measures the live heap (after a full
// collection) when issue line FIRST and issue line LAST are written, and once more at exit. Prints
// one JSON line to standard error at exit: lines written, the three heap figures, the exit code and
// the last line.
//
//   node --expose-gc test/cli/streamedReportHeap.mjs FIRST LAST dist/cli/main.js validate <pkg> --format jsonl --all-issues
const [first, last, cli, ...args] = process.argv.slice(2);
const at = { [Number(first)]: 'heapAtFirst', [Number(last)]: 'heapAtLast' };
const measured = {};
let lines = 0;
let tail = '';
process.stdout.write = (chunk, encoding, callback) => {
  const text = String(chunk);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
    const name = at[lines];
    if (name) {
      globalThis.gc();
      measured[name] = process.memoryUsage().heapUsed;
    }
  }
  tail = (tail + text).slice(-65536);
  if (typeof encoding === 'function') encoding();
  else if (typeof callback === 'function') callback();
  return true;
};
process.on('exit', (code) => {
  globalThis.gc();
  measured.heapAtExit = process.memoryUsage().heapUsed;
  const lastLine = tail.trimEnd().split('\n').at(-1);
  process.stderr.write(`${JSON.stringify({ lines, ...measured, code, lastLine })}\n`);
});
process.argv = [process.argv[0], cli, ...args];
await import(new URL(cli, `file://${process.cwd()}/`).href);
