import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueFixtures } from '../../fixtures/catalogue/generate.js';

const DIR = join(import.meta.dirname, '../../fixtures/catalogue');

describe('checked-in catalogue fixtures', () => {
  it('are exactly what the generator writes (UPDATE_FIXTURES=1 rewrites them)', () => {
    for (const [name, bytes] of Object.entries(catalogueFixtures())) {
      const file = join(DIR, name);
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(file, bytes);
      expect(Buffer.from(readFileSync(file)).equals(Buffer.from(bytes)), name).toBe(true);
    }
  });
});
