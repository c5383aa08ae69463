import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppLog } from '../../../src-main/logging/app-log';

const KEY = 'fedcba9876543210fedcba9876543210';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cv-steward-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const readAll = (): string =>
  readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');

describe('createAppLog', () => {
  it('writes levelled lines to <dir>/cv-steward.log', () => {
    const log = createAppLog({ dir: path.join(dir, 'logs') });
    log.info('app started');
    log.warn('slow response: 50% done, %s left');
    expect(log.path).toBe(path.join(dir, 'logs', 'cv-steward.log'));
    const text = readFileSync(log.path, 'utf8');
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\dT[\d:.]+Z\] \[info\] app started$/m);
    // Text is written as is: no printf-style placeholders are consumed.
    expect(text).toContain('[warn] slow response: 50% done, %s left');
    log.close();
    log.info('after close');
    expect(readFileSync(log.path, 'utf8')).not.toContain('after close');
  });

  it('rotates past maxBytes, keeps at most keepFiles files, newest lines in the main file', () => {
    const log = createAppLog({ dir, maxBytes: 2_000, keepFiles: 3 });
    const line = (n: number): string => `line ${String(n).padStart(4, '0')} ${'x'.repeat(80)}`;
    for (let n = 0; n < 200; n += 1) log.info(line(n)); // ~20 KB: many rotations
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['cv-steward.1.log', 'cv-steward.2.log', 'cv-steward.log']);
    const main = readFileSync(log.path, 'utf8');
    expect(main).toContain(line(199));
    expect(main.length).toBeLessThan(2_000 + 200);
    // Older archives hold older lines: .1 ends where the main file starts.
    const first = readFileSync(path.join(dir, 'cv-steward.1.log'), 'utf8');
    expect(first).not.toContain(line(199));
    expect(readAll()).not.toContain(line(0));
  });

  it('never writes a key, a SAS query or a hidden secret, in messages or in errors', () => {
    const log = createAppLog({ dir });
    const accountSecret = 'not-hex-but-secret-42';
    log.hide(accountSecret);
    log.info(`connecting with Training-Key: ${KEY}`);
    log.warn(`GET https://acct.blob.core.windows.net/i-1/i-2?sv=2017&sig=c2VjcmV0&se=2030 → 403`);
    const error = new Error(`request failed for key ${accountSecret} at http://127.0.0.1:9/blob/a?sig=zzz`);
    log.error('export failed', error);
    const text = readAll();
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(accountSecret);
    expect(text).not.toContain('sig=c2VjcmV0');
    expect(text).not.toContain('sig=zzz');
    expect(text).toContain('https://acct.blob.core.windows.net/i-1/i-2?[redacted]');
    // The error is still useful: its message and stack are there.
    expect(text).toContain('Error: request failed for key [redacted]');
    expect(text).toMatch(/\n\s+at .*app-log\.test\.ts/);
  });
});
