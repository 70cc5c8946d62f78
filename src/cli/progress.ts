import { createEtaEstimator } from '../package/eta.js';
import type { Locale } from '../report/issue.js';
import { formatBytes, formatDuration } from '../report/format/units.js';
import type { CliIo } from './io.js';

/** What a long command is doing. */
export type ProgressPhase = 'listing' | 'metadata' | 'images' | 'hashing' | 'scanning' | 'writing' | 'classifying';

/** The state a progress line shows. */
export interface ProgressState {
  phase: ProgressPhase;
  /** Seconds since the command started. */
  elapsed: number;
  /** Files (or items) done and in total, bytes done and in total, where known. */
  files?: number;
  totalFiles?: number;
  bytes?: number;
  totalBytes?: number;
  /** Seconds left, only once the estimate is stable. */
  eta?: number;
}

const PHASES: Readonly<Record<Locale, Record<ProgressPhase, string>>> = {
  'zh-CN': { listing: '正在列出文件', metadata: '正在读取元数据', images: '正在读取图像文件头', hashing: '正在计算摘要', scanning: '正在病毒检测', writing: '正在写出', classifying: '正在分类编号' },
  en: { listing: 'listing files', metadata: 'reading metadata', images: 'reading image headers', hashing: 'hashing', scanning: 'scanning for viruses', writing: 'writing', classifying: 'classifying' },
};

/**
 * The text of a progress line: the phase, counts and sizes in human units,
 * the time so far, and the time left only when known.
 *
 * @param state - Phase, counts, elapsed and remaining seconds.
 * @param locale - `zh-CN` or `en`.
 * @returns E.g. `正在计算摘要：12/40 个文件，1.2 GB / 3.4 GB，已用 8 秒，剩余约 15 秒`.
 * @example
 * progressText({ phase: 'hashing', elapsed: 8, files: 12, totalFiles: 40, bytes: 1.2e9, totalBytes: 3.4e9, eta: 15 }, 'en')
 * //=> 'hashing: 12/40 files, 1.2 GB / 3.4 GB, 8s elapsed, about 15s left'
 */
export function progressText(state: ProgressState, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  const count = state.files !== undefined ? (state.totalFiles !== undefined ? `${state.files}/${state.totalFiles}` : `${state.files}`) : state.totalFiles?.toString();
  if (count !== undefined) {
    const unit = state.phase === 'classifying' || state.phase === 'writing' ? (zh ? '件' : 'items') : zh ? '个文件' : 'files';
    parts.push(`${count} ${unit}`);
  }
  if (state.bytes !== undefined) parts.push(state.totalBytes !== undefined ? `${formatBytes(state.bytes)} / ${formatBytes(state.totalBytes)}` : formatBytes(state.bytes));
  else if (state.totalBytes !== undefined) parts.push(formatBytes(state.totalBytes));
  parts.push(zh ? `已用 ${formatDuration(state.elapsed, locale)}` : `${formatDuration(state.elapsed, locale)} elapsed`);
  if (state.eta !== undefined) parts.push(zh ? `剩余约 ${formatDuration(state.eta, locale)}` : `about ${formatDuration(state.eta, locale)} left`);
  return `${PHASES[locale][state.phase]}${zh ? '：' : ': '}${parts.join(zh ? '，' : ', ')}`;
}

/** A progress line on standard error. */
export interface ProgressDisplay {
  /** Enters a phase; counts given are shown until updated. */
  phase(phase: ProgressPhase, counts?: Omit<ProgressState, 'phase' | 'elapsed' | 'eta'>): void;
  /** Updates the counts of the current phase (hashing: bytes drive the ETA). */
  update(counts: Omit<ProgressState, 'phase' | 'elapsed' | 'eta'>): void;
  /** Clears the line; call before printing the result. */
  done(): void;
}

const SILENT: ProgressDisplay = { phase() {}, update() {}, done() {} };

/**
 * A progress line for long commands (validate, build, bag, classify): only
 * on a terminal and without `--quiet`, redrawn four times a second from the
 * start (so a phase that reports nothing still shows its time), cleared when
 * done. Off a terminal nothing is written.
 *
 * @param io - Standard streams.
 * @param locale - Language of the line.
 * @param quiet - `--quiet`.
 * @returns The display (a no-op one off a TTY or when quiet).
 * @example
 * const progress = createProgressDisplay(io, 'zh-CN', false);
 * progress.phase('listing');
 */
export function createProgressDisplay(io: CliIo, locale: Locale, quiet: boolean): ProgressDisplay {
  if (quiet || io.stderr.isTTY !== true) return SILENT;
  const started = Date.now();
  let state: Omit<ProgressState, 'elapsed'> = { phase: 'listing' };
  let phaseStarted = started;
  let eta = createEtaEstimator();
  let drawn = false;
  const draw = () => {
    const now = Date.now();
    const remaining =
      state.bytes !== undefined && state.totalBytes !== undefined && state.totalBytes > 0
        ? eta(state.bytes, state.totalBytes, (now - phaseStarted) / 1000)
        : undefined;
    io.stderr.write(`\r\u001b[K${progressText({ ...state, elapsed: (now - started) / 1000, ...(remaining !== undefined ? { eta: remaining } : {}) }, locale)}`);
    drawn = true;
  };
  const timer = setInterval(draw, 250);
  timer.unref?.();
  return {
    phase(phase, counts = {}) {
      if (phase !== state.phase) {
        phaseStarted = Date.now();
        eta = createEtaEstimator();
      }
      state = { phase, ...counts };
      draw();
    },
    update(counts) {
      state = { ...state, ...counts };
    },
    done() {
      clearInterval(timer);
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}
