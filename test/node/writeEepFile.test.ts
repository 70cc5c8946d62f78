import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { createEepSigner, validateEepFile, writeEepFile } from '../../src/node/index.js';
import { memoryIo } from '../cli/memoryIo.js';
import { sampleItem } from '../export/eep/sampleItem.js';

const tmp = mkdtempSync(join(tmpdir(), 'dangan-write-eep-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const keys = join(import.meta.dirname, '../fixtures/eep');

async function validateExit(file: string): Promise<number> {
  return run(['validate', file, '--format', 'json'], memoryIo().io);
}

describe('writeEepFile: the EEP writer validates what it writes', () => {
  it('writes a valid unsigned package; validate agrees', async () => {
    const file = join(tmp, 'unsigned.eep');
    const result = await writeEepFile(file, sampleItem());
    expect(result.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.written).toBe(true);
    expect((await validateEepFile(file)).valid).toBe(true);
    expect(await validateExit(file)).toBe(0);
  });

  it('writes a signed package whose signatures verify; validate agrees', async () => {
    const file = join(tmp, 'signed.eep');
    const signer = createEepSigner({ privateKey: readFileSync(join(keys, 'rsa-key.pem'), 'utf8'), certificates: [readFileSync(join(keys, 'rsa-cert.pem'), 'utf8')] });
    const result = await writeEepFile(file, sampleItem(), { signer, sign: { signer: '某市档案馆' } });
    expect(result.written).toBe(true);
    expect(result.report.checks.find((c) => c.id === 'eep.signature')?.status).toBe('passed');
    expect(await validateExit(file)).toBe(0);
  });

  it('refuses what validate rejects, leaving no file and no temporary sibling', async () => {
    const item = sampleItem();
    item.content.record.description.securityClassification = '特密';
    const file = join(tmp, 'bad.eep');
    const result = await writeEepFile(file, item, { locale: 'en' });
    expect(result.written).toBe(false);
    expect(result.report.valid).toBe(false);
    expect(result.report.issues.map((i) => i.code)).toContain('eep.value.domain');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.includes('bad.eep'))).toEqual([]);
  });
});
