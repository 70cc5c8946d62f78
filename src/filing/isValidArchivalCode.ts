import type { ParseArchivalCodeOptions } from './options.js';
import { parseArchivalCode } from './parseArchivalCode.js';

/**
 * Whether a 档号 is valid: it parses under the profile (or, by default, some
 * registered profile) with no error. Warnings — normalised look-alikes,
 * unpadded numbers — do not make it invalid unless `strict` is set. Never
 * throws, whatever the input.
 *
 * @param code - The code.
 * @param options - Same as {@link parseArchivalCode}.
 * @returns True when valid.
 * @example
 * isValidArchivalCode('Z109-WS·2011-Y-BGS-0001') //=> true
 * isValidArchivalCode('Z109-WS·2011-Y-BGS-1') //=> true (unpadded 件号: a warning)
 * isValidArchivalCode('Z109-WS·2011-Y-BGS-1', { strict: true }) //=> false
 * isValidArchivalCode('🙂') //=> false
 */
export function isValidArchivalCode(code: string, options: ParseArchivalCodeOptions = {}): boolean {
  return parseArchivalCode(code, options).valid;
}
