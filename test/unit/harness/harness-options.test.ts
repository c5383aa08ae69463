import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { harnessUsage, HarnessUsageError, parseHarnessArgs } from '../../harness/harness-options';

const DEFAULT = '/home/ana/.config/CV Steward (web harness)';

describe('the harness command line', () => {
  it('uses the OS data folder unless --data-dir names another (made absolute, as it is printed)', () => {
    expect(parseHarnessArgs([], DEFAULT)).toMatchObject({ kind: 'run', options: { dataDir: DEFAULT, port: 0, demo: false } });
    expect(parseHarnessArgs(['--data-dir', 'mine', '--demo'], DEFAULT)).toMatchObject({ kind: 'run', options: { dataDir: resolve('mine'), demo: true } });
  });

  it('refuses what it cannot use, saying which option and why', () => {
    expect(() => parseHarnessArgs(['--data-dir', ' '], DEFAULT)).toThrow(new HarnessUsageError('--data-dir needs a folder, not an empty string'));
    expect(() => parseHarnessArgs(['--demo-latency-ms', '1.5'], DEFAULT)).toThrow(/--demo-latency-ms must be a number of milliseconds from 0 to 600000, not "1.5"/);
    expect(() => parseHarnessArgs(['extra'], DEFAULT)).toThrow(/Unexpected argument 'extra'.*npm run web -- --help/);
  });

  it('--help wins over the other options', () => {
    expect(parseHarnessArgs(['--open', '--port', '1', '--help'], DEFAULT)).toEqual({ kind: 'help' });
  });

  it('the README\'s quick start names every option --help lists', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('### The emulator'));
    const flags = [...harnessUsage(DEFAULT).matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1]);
    expect(flags.length).toBeGreaterThanOrEqual(8);
    for (const flag of flags) expect(quickStart, flag).toMatch(new RegExp(`${flag}\\b`));
  });
});
