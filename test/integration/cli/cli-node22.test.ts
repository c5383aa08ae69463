/**
 * The command line promises Node 22.12 or newer (package.json "engines"), while the app,
 * the tests and CI run on Node 24. This runs the BUILT `cv-steward` on a real Node 22 binary
 * (CV_STEWARD_NODE22: .ci/run fetches it from the npm registry) through what a user does:
 * the bin itself (its shebang and execute bit), an inventory, an export and a verify.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator';
import { builtCli, cliEnv, ROOT, runCliBin, type BuiltCli, type CliRun } from '../../support/cli/cli-support';
import { startTestEmulator } from '../../support/emulator/emulator-support';

const NODE22 = process.env.CV_STEWARD_NODE22;
const run = promisify(execFile);

describe('the built cv-steward', () => {
  it.skipIf(process.platform === 'win32')('keeps its execute bit after every build, so `npm link` keeps working', async () => {
    // builtCli builds dist/ when it is stale, with the same script `npm run build` runs.
    const cli = await builtCli();
    cli.remove();
    expect(statSync(join(ROOT, 'dist/cli/cv-steward.cjs')).mode & 0o111).toBe(0o111);
  });
});

describe.skipIf(!NODE22)(`the built cv-steward on Node 22 (${NODE22 ? NODE22 : 'skipped: CV_STEWARD_NODE22 names no Node 22 binary; .ci/run sets it'})`, () => {
  let cli: BuiltCli;
  let emu: RunningEmulator;
  let root: string;

  beforeAll(async () => {
    cli = await builtCli();
    emu = await startTestEmulator({ seed: 'demo' });
    root = await mkdtemp(join(tmpdir(), 'cv-cli-node22-'));
  }, 180_000);

  afterAll(async () => {
    await emu?.close();
    if (root) await rm(root, { recursive: true, force: true });
    cli?.remove();
  });

  /** Runs the bin as a shell would: by its path, its shebang finding Node 22 first on PATH. */
  function cv(args: string[]): Promise<CliRun> {
    return runCliBin(cli, args, cliEnv(join(root, 'no-app-data'), { CV_STEWARD_TRAINING_KEY: emu.key, PATH: `${dirname(NODE22 ?? '')}:${process.env.PATH ?? ''}` }));
  }

  it('runs on Node 22 itself, not the Node running the tests', async () => {
    const { stdout } = await run(NODE22 ?? 'node', ['--version']);
    expect(stdout.trim()).toMatch(/^v22\./);
    const result = await cv(['--version']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/\d+\.\d+\.\d+/);
  });

  it('counts, exports and verifies the demo account', async () => {
    const inventory = await cv(['inventory', '--endpoint', emu.endpoint, '--json', '--rate', '500']);
    expect(inventory.code, inventory.stderr).toBe(0);
    expect(JSON.parse(inventory.stdout.trim())).toMatchObject({ state: 'done' });

    const bundle = join(root, 'bundle');
    const exported = await cv(['export', '--endpoint', emu.endpoint, '--out', bundle, '--json', '--rate', '500']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout.trim())).toMatchObject({ ok: true, status: 'complete', folder: bundle });

    const verified = await cv(['verify', bundle]);
    expect(verified.code, verified.stderr + verified.stdout).toBe(0);
  }, 180_000);
});
