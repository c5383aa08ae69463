/**
 * The three commands with fake engines: what is printed where (results on stdout,
 * progress and notes on stderr), the exit code for each outcome, Ctrl-C, and --account
 * with the app's saved accounts and keychain (in memory).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../../src-main/cli/run-cli';
import type { CliServices } from '../../../src-main/cli/cli-services';
import { AppError } from '../../../src-main/errors/app-error';
import { MemorySecretStore } from '../../../src-main/secrets';
import { accountRecord, ENDPOINT, KEY, manifest, PROJECT_ID, run, savedAccounts, snapshot, verifyReport } from '../../support/cli/cli-fakes';
import { exportSummaryOf } from '../../support/export-summary';

const withKey = { CV_STEWARD_TRAINING_KEY: KEY };
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cv-cli-unit-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('cv-steward inventory', () => {
  const scan = (state: 'done' | 'partial'): CliServices['scanInventory'] => async (ctx, options) => {
    ctx.progress.setTotal('projects', 1);
    ctx.progress.advance('projects');
    options.onSnapshot(snapshot(state));
    return 'Scanned 1 project.';
  };

  it('prints categories and projects as a table on stdout, project names made harmless', async () => {
    const { code, out, err } = await run(['inventory', '--endpoint', ENDPOINT], { env: withKey, services: { scanInventory: scan('done') } });
    expect(code).toBe(EXIT.done);
    expect(out).toContain('Account: myresource (myresource.cognitiveservices.azure.com), key fingerprint ab12cd34');
    expect(out).toMatch(/Images\s+1,234\s+≈ 566 MB/);
    expect(out).toContain(PROJECT_ID);
    expect(out).toMatch(/1,239\s+1,200\s+34\s+5\s+2\s+3\s+1\s+7\s+Birds \?\[31mred\?\[0m/);
    // A project's images in the app's words: all of them, then the workspace's parts and those only inside trained iterations.
    expect(out).toMatch(/Id\s+Images\s+Workspace tagged\s+Workspace untagged\s+Only in iterations\s+Iterations/);
    expect(out).toContain('Images = images in the workspace (tagged + untagged) + images only inside trained iterations.');
    expect(out).not.toContain('\u001b');
    expect(err).toMatch(/^projects +1\/1 projects · done$/m);
  });

  it('prints the snapshot as one JSON line with --json, and nothing else on stdout', async () => {
    const { code, out } = await run(['inventory', '--endpoint', ENDPOINT, '--json'], { env: withKey, services: { scanInventory: scan('done') } });
    expect(code).toBe(EXIT.done);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual(snapshot('done'));
  });

  it('exits 1 when the inventory is incomplete, listing the problems', async () => {
    const { code, out, err } = await run(['inventory', '--endpoint', ENDPOINT, '--quiet'], { env: withKey, services: { scanInventory: scan('partial') } });
    expect(code).toBe(EXIT.failed);
    expect(out).toContain(`Images · project ${PROJECT_ID}: GetTaggedImageCount failed`);
    expect(err).toBe('The inventory is incomplete (see the problems listed); run it again to retry.\n');
  });
});

describe('cv-steward export', () => {
  const exporting = (options: { waitForCancel?: boolean; fail?: Error } = {}): CliServices['runExport'] => async (ctx, exportOptions) => {
    ctx.progress.setTotal('images', 2);
    ctx.progress.advance('images', { items: 1, bytes: 1000 });
    expect(exportOptions.account).toMatchObject({ endpointHost: 'myresource.cognitiveservices.azure.com', resourceName: 'myresource' });
    expect(JSON.stringify(exportOptions.account)).not.toContain(KEY);
    if (options.fail) throw options.fail;
    if (options.waitForCancel) {
      for (;;) {
        await ctx.checkpoint();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    return exportSummaryOf(`Exported 1 project into ${exportOptions.folder}.`, { folder: exportOptions.folder });
  };

  it('exits 0 for a complete bundle and prints a one-line JSON summary with --json', async () => {
    const out = join(folder, 'bundle');
    const result = await run(['export', '--endpoint', ENDPOINT, '--out', out, '--json', '--categories', 'images,projects', '--projects', PROJECT_ID.toUpperCase()], {
      env: withKey,
      services: {
        runExport: async (ctx, options) => {
          expect(options.selection).toEqual({ projectIds: [PROJECT_ID], categories: ['projects', 'images'] });
          return exporting()(ctx, options);
        },
        readManifest: () => Promise.resolve(manifest()),
      },
    });
    expect(result.code).toBe(EXIT.done);
    const summary = JSON.parse(result.out) as Record<string, unknown>;
    expect(summary).toMatchObject({ command: 'export', ok: true, status: 'complete', folder: out, problems: 0, mismatches: 0, downloaded: { files: 0, bytes: 0 } });
    // The summary is said from its facts through the catalogue (the JSON line keeps the engine's English).
    expect(result.err).toContain(`Exported into ${out}: projects 1, images 3`);
    expect(summary.summary).toBe(`Exported 1 project into ${out}.`);
  });

  it('exits 1 for a partial bundle or a count that does not match, saying how to fill the gaps', async () => {
    const out = join(folder, 'bundle');
    for (const partial of [manifest({ status: 'partial', problems: [{ category: 'images', projectId: PROJECT_ID, message: 'Image x: link expired' }] }), manifest({ mismatch: true })]) {
      const { code, out: stdout } = await run(['export', '--endpoint', ENDPOINT, '--out', out, '--quiet'], {
        env: withKey,
        services: { runExport: exporting(), readManifest: () => Promise.resolve(partial) },
      });
      expect(code).toBe(EXIT.failed);
      expect(stdout).toContain('The bundle is PARTIAL. Run the same command again to fill the gaps:');
      expect(stdout).toContain(`cv-steward export --endpoint ${ENDPOINT} --out ${out} --quiet`);
    }
  });

  it('on Ctrl-C cancels the job, exits 1 and says how to resume', async () => {
    const interrupt = new AbortController();
    const out = join(folder, 'bundle');
    setTimeout(() => interrupt.abort(), 30);
    const { code, out: stdout, err } = await run(['export', '--endpoint', ENDPOINT, '--out', out, '--json'], {
      env: withKey,
      interrupt: interrupt.signal,
      services: { runExport: exporting({ waitForCancel: true }) },
    });
    expect(code).toBe(EXIT.failed);
    expect(err).toContain('Export interrupted. The bundle is partial and can be resumed');
    expect(err).toContain(`To resume, run the same command again:\n  cv-steward export --endpoint ${ENDPOINT} --out ${out} --json`);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, status: 'cancelled' });
  });

  it('exits 1 when the export fails, with the reason and the resume command', async () => {
    const { code, err } = await run(['export', '--endpoint', ENDPOINT, '--out', join(folder, 'b')], {
      env: withKey,
      services: { runExport: exporting({ fail: new AppError('DISK_FULL', 'The disk is full.') }) },
    });
    expect(code).toBe(EXIT.failed);
    expect(err).toContain('cv-steward: The disk is full.\nThe bundle in');
    expect(err).toContain('run the same command again to resume');
  });

  it('refuses a folder holding unrelated files, but resumes an earlier bundle', async () => {
    await writeFile(join(folder, 'thesis.docx'), 'mine');
    let exported = 0;
    const services = { runExport: (async () => ((exported += 1), exportSummaryOf('done'))) as CliServices['runExport'], readManifest: () => Promise.resolve(manifest()) };
    const refused = await run(['export', '--endpoint', ENDPOINT, '--out', folder], { env: withKey, services });
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.err).toContain('already holds other files and is not a CV Steward bundle');
    await mkdir(join(folder, '.cv-steward'));
    expect((await run(['export', '--endpoint', ENDPOINT, '--out', folder, '--quiet'], { env: withKey, services })).code).toBe(EXIT.done);
    expect(exported).toBe(1);
  });
});

describe('cv-steward verify', () => {
  it('exits 0 when the bundle is intact', async () => {
    const { code, out } = await run(['verify', folder], { services: { verifyBundle: () => Promise.resolve(verifyReport({ folder })) } });
    expect(code).toBe(EXIT.done);
    expect(out).toBe(`Bundle OK: 3 files (3.0 KB) match the manifest of ${folder}.\n`);
  });

  it('exits 1 and prints every damaged path, or the full report with --json', async () => {
    const report = verifyReport({ folder, altered: [`projects/${PROJECT_ID}/images/files/a.png`], missing: ['manifest-listed.json'], problems: ['The manifest says this bundle is partial.'] });
    const services = { verifyBundle: () => Promise.resolve(report) };
    const text = await run(['verify', folder], { services });
    expect(text.code).toBe(EXIT.failed);
    expect(text.out).toContain('Bundle has problems: 1 missing, 1 altered, 1 other problem.');
    expect(text.out).toContain(`altered (different bytes than when exported):\n  projects/${PROJECT_ID}/images/files/a.png`);
    const json = await run(['verify', folder, '--json'], { services });
    expect(json.code).toBe(EXIT.failed);
    expect(JSON.parse(json.out)).toEqual({ command: 'verify', ...report });
  });
});

describe('--account ID (the app\'s saved accounts and keychain)', () => {
  const ID = 'acc-0001';

  it('uses the saved endpoint and the keychain key', async () => {
    const keychain = new MemorySecretStore();
    await keychain.set(ID, KEY);
    let probed: { endpoint: string; key: string } | undefined;
    const { code } = await run(['inventory', '--account', ID, '--quiet'], {
      env: { CV_STEWARD_KEYCHAIN_SERVICE: 'cv-steward-test' },
      services: {
        openAccounts: savedAccounts([accountRecord(ID, 'Saved one')]),
        openKeychain: (service) => (expect(service).toBe('cv-steward-test'), keychain),
        probe: (request) => ((probed = request), Promise.resolve()),
        scanInventory: async (_ctx, options) => (options.onSnapshot(snapshot()), 'ok'),
      },
    });
    expect(code).toBe(EXIT.done);
    expect(probed).toMatchObject({ endpoint: 'https://saved.cognitiveservices.azure.com', key: KEY });
  });

  it('lists the saved accounts for an unknown id without repeating what was typed (exit 2)', async () => {
    const { code, err } = await run(['inventory', '--account', KEY], { services: { openAccounts: savedAccounts([accountRecord(ID, 'Saved one')]) } });
    expect(code).toBe(EXIT.usage);
    expect(err).toContain(`No saved account has that id. Accounts saved in /home/nobody/.config/CV Steward:\n  ${ID}  Saved one  (saved.cognitiveservices.azure.com)`);
    expect(err).not.toContain(KEY);
  });

  it('says when no account is saved, or the key is not in the keychain, or the keychain is unusable', async () => {
    const none = await run(['inventory', '--account', ID], { env: { CV_STEWARD_DATA_DIR: folder } });
    expect(none.code).toBe(EXIT.usage);
    expect(none.err).toContain(`No accounts are saved in ${folder}.`);

    const openAccounts = savedAccounts([accountRecord(ID, 'Saved one')]);
    const noKey = await run(['inventory', '--account', ID], { services: { openAccounts } });
    expect(noKey.code).toBe(EXIT.failed);
    expect(noKey.err).toContain('The key of "Saved one" is not in the keychain (service "cv-steward"). Open CV Steward and connect the account again');

    const locked = await run(['inventory', '--account', ID], { services: { openAccounts, openKeychain: () => new MemorySecretStore({ unavailable: true, unavailableMessage: 'Your system keyring is locked.' }) } });
    expect(locked.code).toBe(EXIT.failed);
    expect(locked.err).toContain('Your system keyring is locked.');
  });
});
