import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../src-main/cli/run-cli';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { version: '9.9.9', out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('cv-steward command line', () => {
  it('prints its version', async () => {
    expect(await run('--version')).toEqual({ code: EXIT.done, out: '9.9.9\n', err: '' });
  });

  it('prints help listing the commands it will have', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(EXIT.done);
    for (const command of ['inventory', 'export', 'verify', 'cleanup']) expect(out).toContain(command);
  });

  it('exits 2 with help when no command is given', async () => {
    const { code, out } = await run();
    expect(code).toBe(EXIT.usage);
    expect(out).toContain('Usage: cv-steward');
  });

  it('says plainly when a command is not available yet', async () => {
    const { code, err } = await run('export', '--out', 'x');
    expect(code).toBe(EXIT.usage);
    expect(err).toBe('cv-steward: "export" is not available in version 9.9.9 yet.\n');
  });

  it('rejects unknown commands, including object-prototype names', async () => {
    for (const name of ['frobnicate', 'toString', 'constructor']) {
      const { code, err } = await run(name);
      expect(code).toBe(EXIT.usage);
      expect(err).toContain(`unknown command "${name}"`);
    }
  });
});
