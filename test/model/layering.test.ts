import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Relative imports of every .ts file under an area that leave the area. */
function siblingImports(area: string): string[] {
  const root = resolve('src', area);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(/from '(\.[^']+)'/g)]
      .map((m) => relative(root, resolve(dirname(join(root, file)), m[1]!)))
      .filter((target) => target.startsWith('..'))
      .map((target) => `${area}/${file} → ${target}`);
  });
}

describe('design.md layering', () => {
  it('nothing in src/model or src/report imports a sibling area', () => {
    expect(siblingImports('model')).toEqual([]);
    expect(siblingImports('report')).toEqual([]);
  });
});
