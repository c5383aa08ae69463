/**
 * Paths no shell can pass but a script calling runCli can: a NUL character (Node refuses
 * such a path outright) and an empty one. Each is a usage error for every folder or file
 * argument, shown without the raw NUL, before any call and without writing anything.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../../src-main/cli/run-cli';
import { ENDPOINT, KEY, run } from '../../support/cli/cli-fakes';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cv-cli-paths-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const account = ['--endpoint', ENDPOINT];
const commands = (path: string): Array<[string, string[]]> => [
  ['export --out', ['export', ...account, '--out', path]],
  ['verify', ['verify', path]],
  ['cleanup plan --out', ['cleanup', 'plan', ...account, '--scope', 'all', '--out', path]],
  ['cleanup run --plan', ['cleanup', 'run', ...account, '--plan', path, '--no-backup', '--confirm', 'x']],
  ['cleanup run --bundle', ['cleanup', 'run', ...account, '--plan', join(folder, 'plan.json'), '--bundle', path, '--confirm', 'x']],
];

describe('a path with a NUL character, or an empty one', () => {
  it('is a usage error for every folder and file argument, before any call, writing nothing', async () => {
    let calls = 0;
    const services = { probe: () => ((calls += 1), Promise.resolve()) };
    // --bundle is checked after --plan: its case needs a plan file that exists.
    await writeFile(join(folder, 'plan.json'), '{}');
    for (const [what, argv] of commands(join(folder, 'bund\0le'))) {
      const { code, err } = await run(argv, { env: { CV_STEWARD_TRAINING_KEY: KEY }, services });
      expect(code, `${what}: ${err}`).toBe(EXIT.usage);
      expect(err, what).toContain(`The path ${join(folder, 'bund\\0le')} contains a NUL character`);
      expect(err, what).not.toContain('\0');
      expect(err, what).not.toContain('unexpected error');
    }
    for (const [what, argv] of commands('')) {
      const { code, err } = await run(argv, { env: { CV_STEWARD_TRAINING_KEY: KEY }, services });
      expect(code, `${what}: ${err}`).toBe(EXIT.usage);
    }
    expect(calls).toBe(0);
    expect(await readdir(folder)).toEqual(['plan.json']);
  });
});
