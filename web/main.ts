/**
 * The page of `web/index.html`: a package chosen as a zip or a folder is
 * validated in the page by the core's `validatePackage` over a `dangan/browser`
 * source, and its Report shown as text and JSON, with downloads. Nothing is
 * sent anywhere (the page's CSP allows no connection).
 */
import { openFileListSource, openZipBlobSource } from '../src/browser/index.js';
import { formatJson, formatJunit, formatSarif, formatText, validatePackage, type PackageSource, type Report } from '../src/index.js';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = byId<HTMLParagraphElement>('status');
const verdict = byId<HTMLHeadingElement>('verdict');
const PHASES: Record<string, string> = { listing: '列出文件 / listing', metadata: '读取元数据 / reading metadata' };
const progress = byId<HTMLProgressElement>('progress');

async function run(open: () => Promise<PackageSource>): Promise<void> {
  verdict.textContent = '';
  verdict.removeAttribute('data-valid');
  status.textContent = '检测中 / checking…';
  let report: Report;
  try {
    const source = await open();
    report = await validatePackage(source, {
      onPhase: (phase) => void (status.textContent = PHASES[phase] ?? phase),
      onProgress: ({ files, totalFiles, bytes, totalBytes }) => {
        status.textContent = `计算摘要 / hashing: ${files}/${totalFiles}`;
        progress.max = Math.max(totalBytes, 1);
        progress.value = bytes;
      },
    });
  } catch (error) {
    status.textContent = `无法打开 / cannot open: ${(error as Error).message}`;
    verdict.dataset.valid = 'error';
    return;
  }
  status.textContent = '完成 / done';
  verdict.dataset.valid = String(report.valid);
  verdict.textContent = report.valid ? '通过 / valid' : '未通过 / invalid';
  byId('summary').textContent = formatText(report);
  const json = formatJson(report);
  byId('report').textContent = json;
  link('download-json', json, 'application/json');
  link('download-sarif', formatSarif(report), 'application/sarif+json');
  link('download-junit', formatJunit(report), 'application/xml');
  byId('downloads').hidden = false;
}

/** Points a download link at the text, as a local blob: URL (nothing is fetched). */
function link(id: string, text: string, type: string): void {
  const a = byId<HTMLAnchorElement>(id);
  if (a.href.startsWith('blob:')) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type }));
}

byId<HTMLInputElement>('zip').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void run(() => openZipBlobSource(file));
});
byId<HTMLInputElement>('folder').addEventListener('change', (event) => {
  const files = Array.from((event.target as HTMLInputElement).files ?? []);
  if (files.length > 0) void run(async () => openFileListSource(files));
});
