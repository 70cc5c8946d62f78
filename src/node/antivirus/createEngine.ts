import { createClamdEngine, parseClamdAddress } from './clamdClient.js';
import { createClamscanEngine, createCommandEngine } from './commandEngine.js';
import type { AntivirusEngine } from './engine.js';
import type { AntivirusSettings } from './scanPackage.js';

/**
 * The `antivirus` option of `validatePath`: an engine spec string, an engine,
 * or either with settings. Spec strings: `clamd` (Debian's socket),
 * `clamd=/run/clamav/clamd.ctl`, `clamd=127.0.0.1:3310`, `clamscan`,
 * `clamscan=/var/lib/clamav` (its database), `command=savscan -ss {file}`.
 */
export type AntivirusSpec =
  | string
  | AntivirusEngine
  | (Omit<AntivirusSettings, 'engine'> & {
      engine: string | AntivirusEngine;
      /** No answer for this long: clamd commands (default 60 s), command runs (default 300 s). */
      timeout?: number;
      /** Files scanned at once (default: clamd twice the cores, 4 to 10; commands the core count). */
      concurrency?: number;
    });

/**
 * Makes the engine and settings an {@link AntivirusSpec} stands for.
 *
 * @param spec - The `antivirus` option.
 * @returns Engine and settings for `scanPackageSource`.
 * @throws Error when a spec string names no engine, or its clamd address or command is malformed.
 * @example
 * resolveAntivirus('clamd=127.0.0.1:3310').engine.kind //=> 'clamd'
 */
export function resolveAntivirus(spec: AntivirusSpec): AntivirusSettings {
  if (typeof spec === 'string') return { engine: createAntivirusEngine(spec) };
  if ('scan' in spec) return { engine: spec };
  const { engine, timeout, concurrency, ...settings } = spec;
  const tuning = { ...(timeout !== undefined ? { timeout } : {}), ...(concurrency !== undefined ? { concurrency } : {}) };
  return { ...settings, engine: typeof engine === 'string' ? createAntivirusEngine(engine, tuning) : engine };
}

/**
 * Makes an engine from a spec string (`clamd[=SOCKET|HOST:PORT]`,
 * `clamscan[=DATABASE]`, `command=CMD {file}`).
 *
 * @param spec - The spec.
 * @param options - Timeout (ms) and concurrency.
 * @returns The engine.
 * @throws Error when the spec names no engine, or its address or command is malformed.
 * @example
 * createAntivirusEngine('clamd').kind //=> 'clamd'
 */
export function createAntivirusEngine(spec: string, options: { timeout?: number; concurrency?: number } = {}): AntivirusEngine {
  const at = spec.indexOf('=');
  const name = at < 0 ? spec : spec.slice(0, at);
  const value = at < 0 ? undefined : spec.slice(at + 1);
  if (name === 'clamd') return createClamdEngine(parseClamdAddress(value), options);
  if (name === 'clamscan') return createClamscanEngine(value || undefined, options);
  if (name === 'command' && value) return createCommandEngine(value, options);
  throw new Error(`antivirus engine must be clamd[=SOCKET|HOST:PORT], clamscan[=DATABASE] or command=CMD {file}, not ${spec}`);
}
