/**
 * `cv-steward export --language` and `cleanup run --language`: the language of the offline
 * viewer and of the receipt. Only en and zh-TW are accepted (any letter case); anything
 * else is a usage error (exit 2) that says what is accepted; --help documents the option.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommand } from '../../../src-main/cli/cli-args';
import { EXIT } from '../../../src-main/cli/run-cli';
import type { CliServices } from '../../../src-main/cli/cli-services';
import { ENDPOINT, KEY, manifest, run } from '../../support/cli/cli-fakes';
import { exportSummaryOf } from '../../support/export-summary';

const RUN = ['run', '--endpoint', ENDPOINT, '--plan', 'plan.json', '--no-backup', '--confirm', 'x'];

describe('--language on the command line', () => {
  it('is accepted by export (en or zh-TW, any case) and left out when not given', () => {
    expect(parseCommand('export', ['--endpoint', ENDPOINT, '--out', 'b', '--language', 'zh-TW'])).toMatchObject({ command: 'export', language: 'zh-TW' });
    expect(parseCommand('export', ['--endpoint', ENDPOINT, '--out', 'b', '--language=zh-tw'])).toMatchObject({ language: 'zh-TW' });
    expect(parseCommand('export', ['--endpoint', ENDPOINT, '--out', 'b', '--language', 'en'])).toMatchObject({ language: 'en' });
    // Absent: a resume keeps the bundle's language, a new bundle is English (the engine decides).
    expect(parseCommand('export', ['--endpoint', ENDPOINT, '--out', 'b'])).not.toHaveProperty('language');
  });

  it('is accepted by cleanup run, English by default, and refused by cleanup plan', () => {
    expect(parseCommand('cleanup', [...RUN, '--language', 'zh-TW'])).toMatchObject({ action: 'run', language: 'zh-TW' });
    expect(parseCommand('cleanup', RUN)).toMatchObject({ action: 'run', language: 'en' });
    expect(() => parseCommand('cleanup', ['plan', '--endpoint', ENDPOINT, '--scope', 'all', '--out', 'p.json', '--language', 'en'])).toThrow(
      '--language belongs to "cleanup run", not "cleanup plan".',
    );
  });

  it('refuses any other language with exit 2, saying which are accepted', async () => {
    const wrong = await run(['export', '--endpoint', ENDPOINT, '--out', 'b', '--language', 'fr']);
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.err).toContain('--language takes en or zh-TW: the language of the offline viewer in the bundle ("fr" is not one of them).');
    const cleanup = await run(['cleanup', ...RUN, '--language', 'zh-CN']);
    expect(cleanup.code).toBe(EXIT.usage);
    expect(cleanup.err).toContain('--language takes en or zh-TW: the language of the receipt ("zh-CN" is not one of them).');
    const missing = await run(['export', '--endpoint', ENDPOINT, '--out', 'b', '--language']);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err).toContain('--language needs a value');
  });

  it('does not echo a value that could be a pasted secret', async () => {
    const { code, err } = await run(['export', '--endpoint', ENDPOINT, '--out', 'b', `--language=${KEY}`]);
    expect(code).toBe(EXIT.usage);
    expect(err).not.toContain(KEY);
  });

  it('is documented in the help of export and cleanup', async () => {
    expect((await run(['export', '--help'])).out).toMatch(/--language LANG\s+language of the offline viewer \(DIR\/index\.html\): en or zh-TW/);
    expect((await run(['cleanup', '--help'])).out).toMatch(/--language LANG\s+run: language of the receipt/);
  });

  it('reaches the export engine', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-cli-lang-'));
    try {
      const seen: Array<string | undefined> = [];
      const runExport: CliServices['runExport'] = (_ctx, options) => {
        seen.push(options.language);
        return Promise.resolve(exportSummaryOf('Exported.'));
      };
      const services = { runExport, readManifest: () => Promise.resolve(manifest()) };
      const env = { CV_STEWARD_TRAINING_KEY: KEY };
      expect((await run(['export', '--endpoint', ENDPOINT, '--out', join(dir, 'b'), '--quiet', '--language', 'zh-TW'], { env, services })).code).toBe(EXIT.done);
      expect((await run(['export', '--endpoint', ENDPOINT, '--out', join(dir, 'b'), '--quiet'], { env, services })).code).toBe(EXIT.done);
      expect(seen).toEqual(['zh-TW', undefined]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
