import { parseByteCount } from '../fixity/parseByteCount.js';

/** A Payload-Oxum: total payload octets and stream (file) count (RFC 8493 §2.2.2). */
export interface PayloadOxum {
  readonly octets: number;
  readonly streams: number;
}

/**
 * Parses a Payload-Oxum value `octets.streams`.
 *
 * @param value - e.g. `58.2`.
 * @returns The counts, or undefined when malformed or beyond 2^53 − 1 (not comparable exactly).
 * @example
 * parsePayloadOxum('58.2') //=> { octets: 58, streams: 2 }
 */
export function parsePayloadOxum(value: string): PayloadOxum | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(value.trim());
  const octets = match ? parseByteCount(match[1] as string) : undefined;
  const streams = match ? parseByteCount(match[2] as string) : undefined;
  return octets === undefined || streams === undefined ? undefined : { octets, streams };
}

/**
 * Formats a Payload-Oxum value.
 *
 * @param oxum - Octets and streams.
 * @returns `octets.streams`.
 * @example
 * formatPayloadOxum({ octets: 58, streams: 2 }) //=> '58.2'
 */
export function formatPayloadOxum(oxum: PayloadOxum): string {
  return `${oxum.octets}.${oxum.streams}`;
}
