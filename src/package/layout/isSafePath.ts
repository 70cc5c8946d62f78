/**
 * Tells whether a package-relative path stays inside the package: not
 * absolute (`/x`, `\x`, `C:`), no `..` or `.` segment, no empty segment, no
 * NUL. The same guard bagit-python applies to manifest paths
 * (`_path_is_dangerous`); entries and evidence that fail it are refused
 * without being read.
 *
 * @param path - A `/`-separated path as listed by a source or named by evidence.
 * @returns True when the path is safe to resolve inside the package.
 * @example
 * isSafePath('0001/WS/0001-WS-2024-Y-0001/a.pdf') //=> true
 * isSafePath('../etc/passwd') //=> false
 * isSafePath('/etc/passwd') //=> false
 */
export function isSafePath(path: string): boolean {
  if (path === '' || path.includes('\0') || path.includes('\\')) return false;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
