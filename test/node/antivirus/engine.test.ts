import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClamdAddress } from '../../../src/node/antivirus/clamdClient.js';
import { splitCommand } from '../../../src/node/antivirus/commandEngine.js';
import { decodeBase64Chunks } from '../../../src/node/antivirus/embeddedContent.js';
import { parseClamavVersion } from '../../../src/node/antivirus/engine.js';

describe('parseClamavVersion', () => {
  it('reads engine, database version and ctime date (as UTC), and a version line without a database', () => {
    expect(parseClamavVersion('ClamAV 1.4.6/27123/Mon Dec  7 09:00:00 2026')).toEqual({ engine: 'ClamAV', version: '1.4.6', database: '27123', databaseDate: '2026-12-07T09:00:00.000Z' });
    expect(parseClamavVersion('ClamAV 0.103.11/26950/Tue Jun 27 07:28:17 2023\n')).toMatchObject({ version: '0.103.11', databaseDate: '2023-06-27T07:28:17.000Z' });
    expect(parseClamavVersion('ClamAV 1.4.6')).toEqual({ engine: 'ClamAV', version: '1.4.6' });
    // A date it cannot read is left out, not guessed.
    expect(parseClamavVersion('ClamAV 1.4.6/27123/yesterday')).toEqual({ engine: 'ClamAV', version: '1.4.6', database: '27123' });
  });
});

describe('parseClamdAddress', () => {
  it('takes a path for a unix socket, HOST:PORT for TCP, nothing for Debian’s socket; refuses the rest', () => {
    expect(parseClamdAddress(undefined)).toEqual({ socket: '/var/run/clamav/clamd.ctl' });
    expect(parseClamdAddress('/run/clamav/clamd.ctl')).toEqual({ socket: '/run/clamav/clamd.ctl' });
    expect(parseClamdAddress('clamav.internal:3310')).toEqual({ host: 'clamav.internal', port: 3310 });
    expect(parseClamdAddress('[::1]:3310')).toEqual({ host: '::1', port: 3310 });
    for (const bad of ['localhost', 'localhost:0', 'localhost:70000', ':3310']) expect(() => parseClamdAddress(bad), bad).toThrow(/HOST:PORT/);
  });
});

describe('splitCommand', () => {
  it('splits on spaces, groups quotes, expands nothing, and refuses an unclosed quote', () => {
    expect(splitCommand(`"/opt/my scanner/scan" --quiet '{file}' $HOME`)).toEqual(['/opt/my scanner/scan', '--quiet', '{file}', '$HOME']);
    expect(() => splitCommand(`scan '{file}`)).toThrow(/quote/);
    expect(() => splitCommand('   ')).toThrow(/empty/);
  });
});

describe('decodeBase64Chunks', () => {
  it('decodes wrapped Base64 window by window to the same bytes, whatever the window', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 80 }), async (bytes, window, wrap) => {
        const text = (Buffer.from(bytes).toString('base64').match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\r\n ');
        const chunks: Uint8Array[] = [];
        for await (const chunk of decodeBase64Chunks(text, window)) chunks.push(chunk);
        expect(Buffer.concat(chunks)).toEqual(Buffer.from(bytes));
      }),
    );
  });
});
