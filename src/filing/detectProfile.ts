import { normalizeArchivalCode } from './normalize.js';
import type { ParseArchivalCodeOptions } from './options.js';
import { detectIn } from './parseArchivalCode.js';
import { listProfiles } from './registry.js';

/**
 * Finds the profile a 档号 is written in. Profiles are tried by priority,
 * highest first (your registered profiles 150, then `dat22` 100,
 * `dat13-2022-project` 90, `dat13-2022-photo` 85, `dat13-2022` 80,
 * `dat13-2022-volume` 70, `dat13-1994-catalogue` 50, `dat13-1994-class` 40,
 * `dat13-1994-project` 30). The first profile under which the code is valid
 * wins; when none is, the first whose structure matches. So a code that fits
 * several resolves to the most specific reading: `X032-KJ·KY·01-003` is a
 * 科技 project code (`dat13-2022-project`), not a 按件 code with class
 * levels `KY·01`; `C038-001-002-003` is 全宗-目录号-案卷号-件号 (1994),
 * not a class code `001`. Pass `profile` explicitly to read it otherwise.
 *
 * @param code - The code, normalised first.
 * @param options - Value-rule options (they decide validity).
 * @returns The profile id, or `undefined` when no profile's structure matches.
 * @example
 * detectProfile('Z109-WS·2011-Y-BGS-0001') //=> 'dat22'
 * detectProfile('Z109-WS·2011·Y·办公室-0001') //=> 'dat13-2022'
 * detectProfile('K021-ZP·2019·D30-025-005') //=> 'dat13-2022-photo'
 * detectProfile('hello') //=> undefined
 */
export function detectProfile(code: string, options: Omit<ParseArchivalCodeOptions, 'profile'> = {}): string | undefined {
  if (typeof code !== 'string' || code.length > (options.maxLength ?? 200)) return undefined;
  return detectIn(normalizeArchivalCode(code).code, options).match?.profile.id;
}

/**
 * Every profile whose structure a 档号 matches, in detection order.
 *
 * @param code - The code.
 * @returns Profile ids, empty when none matches.
 * @example
 * matchingProfiles('C038-001-002-003') //=> ['dat13-1994-catalogue', 'dat13-1994-class', 'dat13-1994-project']
 */
export function matchingProfiles(code: string): string[] {
  if (typeof code !== 'string' || code.length > 200) return [];
  const normalized = normalizeArchivalCode(code).code;
  return listProfiles()
    .filter((p) => p.match(normalized) !== undefined)
    .map((p) => p.id);
}
