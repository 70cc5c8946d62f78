/**
 * The page of `web/index.html`: a package chosen as a zip or a folder is
 * validated in the page by the core's `validatePackage` over a `dangan/browser`
 * source, and its Report shown as text and JSON, with downloads. Nothing is
 * sent anywhere (the page's CSP allows no connection).
 */
import { createWorkerHasher, openFileListSource, openZipBlobSource, type BlobFile } from '../src/browser/index.js';
import { createEtaEstimator, formatJson, formatJunit, formatSarif, formatText, validatePackage, type PackageSource, type Report } from '../src/index.js';
import { formatDuration } from '../src/report/format/units.js';
import { renderReport } from './reportView.js';
import { registerMessages } from '../src/report/locales.js';
import { issueCatalogueEn } from '../src/report/messages/en/index.js';

// The English switch: registered here, as the bundler drops the `dangan` entry's own registration (package.json sideEffects: false).
registerMessages('en', issueCatalogueEn);

/** The hashing worker's bundle (web/digestWorker.ts), put here as text by web/build.mjs. */
declare const DIGEST_WORKER_SOURCE: string;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = byId<HTMLParagraphElement>('status');
const verdict = byId<HTMLHeadingElement>('verdict');
const PHASES: Record<string, string> = { listing: '列出文件 / listing', metadata: '读取元数据 / reading metadata' };
const progress = byId<HTMLProgressElement>('progress');

// Files are read, inflated and hashed on Web Workers started from a blob: URL (no request; CSP worker-src blob:),
// so the page stays responsive while a large package is checked.
const workerUrl = URL.createObjectURL(new Blob([DIGEST_WORKER_SOURCE], { type: 'text/javascript' }));
let workersStarted = 0;
// One worker per core: each reads its next files while it hashes (see runDigestTasks). `?workers=N` overrides it (bench/browser-page.mjs).
const workers = Number(new URLSearchParams(location.search).get('workers')) || navigator.hardwareConcurrency || 2;
const hasher = createWorkerHasher({
  jobs: Math.max(1, Math.min(16, workers)),
  createWorker: () => {
    progress.dataset.workers = String(++workersStarted);
    return new Worker(workerUrl, { name: 'dangan-digest' });
  },
});

const lang = byId<HTMLSelectElement>('lang');
const eta = byId<HTMLSpanElement>('eta');
const cancel = byId<HTMLButtonElement>('cancel');
/** The last package chosen, re-checked when the language changes. */
let last: (() => Promise<PackageSource>) | undefined;
/** Cancels the check under way (the cancel button, or a new choice). */
let running: AbortController | undefined;
lang.addEventListener('change', () => {
  document.documentElement.lang = lang.value;
  if (last) void run(last);
});
cancel.addEventListener('click', () => running?.abort(new DOMException('cancelled', 'AbortError')));

/** `ready` (nothing under way), `checking`, or `done` (a Report is shown): on <body data-state>. */
function setState(state: 'ready' | 'checking' | 'done'): void {
  document.body.dataset.state = state;
  cancel.disabled = state !== 'checking';
}
setState('ready');

/** Empties the verdict and the report views. */
function clearReport(): void {
  verdict.textContent = '';
  verdict.removeAttribute('data-valid');
  byId('view').replaceChildren();
  byId('summary').textContent = '';
  byId('report').textContent = '';
  byId('downloads').hidden = true;
}

async function run(open: () => Promise<PackageSource>): Promise<void> {
  running?.abort(new DOMException('superseded', 'AbortError'));
  const controller = new AbortController();
  running = controller;
  last = open;
  const locale = lang.value === 'en' ? 'en' : 'zh-CN';
  clearReport();
  setState('checking');
  progress.value = 0;
  eta.textContent = '';
  status.textContent = '检测中 / checking…';
  performance.mark('dangan-start');
  // The CLI's estimator (src/package/eta.ts), over the bytes hashed since hashing began: shown only once stable.
  const estimate = createEtaEstimator();
  let hashingSince: number | undefined;
  // Over the package's bytes: validation hashes in several rounds, each with its own total.
  let packageBytes = 0;
  let report: Report;
  try {
    const source = await open();
    report = await validatePackage(source, {
      locale,
      signal: controller.signal,
      onPhase: (phase, totals) => {
        performance.mark(`dangan-${phase}`);
        status.textContent = PHASES[phase] ?? phase;
        if (totals) packageBytes = totals.bytes;
      },
      onProgress: ({ files, totalFiles, bytes, totalBytes }) => {
        if (running !== controller) return;
        status.textContent = `计算摘要 / hashing: ${files}/${totalFiles}`;
        progress.max = Math.max(totalBytes, 1);
        progress.value = bytes;
        if (hashingSince === undefined) performance.mark('dangan-hashing');
        hashingSince ??= performance.now();
        const left = estimate(bytes, Math.max(packageBytes, totalBytes), (performance.now() - hashingSince) / 1000);
        eta.textContent = left === undefined || left === 0 ? '' : locale === 'en' ? `about ${formatDuration(left, 'en')} left` : `剩余约 ${formatDuration(left, 'zh-CN')}`;
      },
    });
  } catch (error) {
    if (running !== controller) return; // a newer check took over
    running = undefined;
    eta.textContent = '';
    if (controller.signal.aborted) {
      // Cancelled: back to ready, nothing kept; choosing the language does not restart it.
      last = undefined;
      progress.value = 0;
      status.textContent = '已取消 / cancelled';
      setState('ready');
      return;
    }
    status.textContent = `无法打开 / cannot open: ${(error as Error).message}`;
    verdict.dataset.valid = 'error';
    setState('ready');
    return;
  }
  if (running !== controller) return;
  running = undefined;
  // From the choice to the Report (bench/browser-page.mjs reads it).
  performance.measure('dangan-check', 'dangan-start');
  eta.textContent = '';
  status.textContent = '完成 / done';
  verdict.dataset.valid = String(report.valid);
  verdict.textContent = report.valid ? '通过 / valid' : '未通过 / invalid';
  renderReport(byId('view'), report, locale);
  byId('summary').textContent = formatText(report, { locale });
  const json = formatJson(report);
  byId('report').textContent = json;
  link('download-json', json, 'application/json');
  link('download-sarif', formatSarif(report), 'application/sarif+json');
  link('download-junit', formatJunit(report), 'application/xml');
  byId('downloads').hidden = false;
  setState('done');
}

/** Points a download link at the text, as a local blob: URL (nothing is fetched). */
function link(id: string, text: string, type: string): void {
  const a = byId<HTMLAnchorElement>(id);
  if (a.href.startsWith('blob:')) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type }));
}

byId<HTMLInputElement>('zip').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void run(() => openZipBlobSource(file, undefined, { hasher }));
});
byId<HTMLInputElement>('folder').addEventListener('change', (event) => {
  const files = Array.from((event.target as HTMLInputElement).files ?? []);
  if (files.length > 0) void run(async () => openFileListSource(files, undefined, { hasher }));
});

// Drag and drop: a dropped `.zip`/`.eep` file is opened as a zip, a dropped folder is walked (its
// name is not part of the paths: it is the package root) and opened as a folder.
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => {
  event.preventDefault();
  const item = event.dataTransfer?.items[0];
  const entry = item?.webkitGetAsEntry();
  if (entry?.isDirectory) void run(async () => openFileListSource(await walkDropped(entry as FileSystemDirectoryEntry, ''), entry.name, { hasher }));
  else {
    const file = item?.getAsFile();
    if (file) void run(() => openZipBlobSource(file, undefined, { hasher }));
  }
});

/** The files under a dropped folder, with paths relative to it. */
async function walkDropped(folder: FileSystemDirectoryEntry, prefix: string): Promise<BlobFile[]> {
  const files: BlobFile[] = [];
  const reader = folder.createReader();
  // readEntries answers in batches until it answers with none.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const child of batch) {
      const path = prefix + child.name;
      if (child.isDirectory) files.push(...(await walkDropped(child as FileSystemDirectoryEntry, `${path}/`)));
      else if (child.isFile) files.push({ path, blob: await new Promise<File>((resolve, reject) => (child as FileSystemFileEntry).file(resolve, reject)) });
    }
  }
  return files;
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}
