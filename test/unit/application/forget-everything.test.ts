/**
 * "Forget all accounts and local data" through the composed services, with a real data
 * folder in a temp dir, a real settings file and the in-memory keychain: what goes, what
 * stays (bundles, files CV Steward did not write, anything a link inside points to), and
 * when it is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DemoAccount } from '../../../src-main/accounts';
import { MemorySecretStore } from '../../../src-main/secrets';
import { createConfStore } from '../../../src-main/settings';
import { DEFAULT_PREFERENCES } from '../../../src-main/settings/preferences';
import { OWN_DATA_ENTRIES } from '../../../src-main/application/forget-everything';
import { RECORDS_FOLDER } from '../../../src-main/resume';
import { createAppLog } from '../../../src-main/logging';
import { createTestServices } from '../../support/test-services';

const dirs: string[] = [];
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cvs-forget-${label}-`));
  dirs.push(dir);
  return dir;
}

function write(file: string, text = 'x'): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A demo that needs no emulator; records whether it was stopped. */
function fakeDemo(): DemoAccount & { stopped: boolean } {
  const demo = {
    stopped: false,
    start: () => Promise.resolve({ endpoint: 'http://127.0.0.1:9/', key: 'demo-key-0123456789' }),
    stop: () => {
      demo.stopped = true;
      return Promise.resolve();
    },
  };
  return demo;
}

function setup(options: { secrets?: MemorySecretStore } = {}) {
  const dataDir = tempDir('data');
  const secrets = options.secrets ?? new MemorySecretStore();
  const demo = fakeDemo();
  const services = createTestServices({
    dataDir,
    secrets,
    demo,
    settingsStore: createConfStore({ cwd: dataDir }),
    probe: () => Promise.resolve(),
  });
  stops.push(() => services.dispose());
  const events: string[] = [];
  const payloads: Record<string, unknown> = {};
  services.events.subscribe((event, payload) => {
    events.push(event);
    payloads[event] = payload;
  });
  return { dataDir, secrets, demo, services, events, payloads, h: services.handlers };
}

/** What CV Steward writes in its data folder during a normal life. */
function fillDataFolder(dataDir: string): string[] {
  return [
    write(path.join(dataDir, 'cleanups', '0b5c8c0e-1111-4222-8333-944445555666', 'plan.json'), '{}'),
    write(path.join(dataDir, 'cleanups', '0b5c8c0e-1111-4222-8333-944445555666', 'journal.jsonl')),
    write(path.join(dataDir, 'cleanups', '0b5c8c0e-1111-4222-8333-944445555666', 'receipt.html')),
    write(path.join(dataDir, 'logs', 'cv-steward.log')),
    write(path.join(dataDir, 'logs', 'cv-steward.1.log')),
    write(path.join(dataDir, RECORDS_FOLDER, '0b5c8c0e-1111-4222-8333-944445555667.json'), '{}'),
    write(path.join(dataDir, 'window-state.json'), '{}'),
    write(path.join(dataDir, 'settings.corrupt-2026-01-01T00-00-00-000Z.json'), '{"accounts": ['),
  ];
}

async function connectTwoAccounts(h: ReturnType<typeof setup>['h']) {
  await h['accounts:connect']({ endpoint: 'https://contoso.cognitiveservices.azure.com/', key: 'key-of-contoso-0001', displayName: 'Contoso' });
  await h['accounts:connect']({ endpoint: 'https://fabrikam.cognitiveservices.azure.com/', key: 'key-of-fabrikam-002', displayName: 'Fabrikam' });
  await h['accounts:startDemo']({});
}

async function failure(promise: unknown): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected a failure');
}

describe('forget everything', () => {
  it('forgets every account, its key and the preferences, deletes CV Steward’s files, and leaves everything else', async () => {
    const { dataDir, secrets, demo, services, events, payloads, h } = setup();
    await connectTwoAccounts(h);
    await h['preferences:set']({ language: 'zh-TW', theme: 'dark', rateLimit: 2, downloadConcurrency: 3 });
    const ours = fillDataFolder(dataDir);
    // Not CV Steward's: Electron's caches, and a file a person put there.
    const theirs = [write(path.join(dataDir, 'Local Storage', 'leveldb', 'LOG')), write(path.join(dataDir, 'notes.txt'))];
    // A bundle the user exported, elsewhere.
    const bundle = write(path.join(tempDir('bundle'), 'manifest.json'), '{}');
    expect(secrets.size).toBe(2);

    const result = await h['app:forgetEverything']({ confirm: true });

    expect(result).toEqual({ accountsForgotten: 3, filesRemoved: ours.length });
    expect(await h['accounts:list']({})).toEqual({ accounts: [], activeAccountId: null, demoAccountId: null });
    expect(secrets.size).toBe(0);
    expect(demo.stopped).toBe(true);
    expect(await h['preferences:get']({})).toEqual(DEFAULT_PREFERENCES);
    // The settings file is emptied (through the store), not deleted under it.
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toEqual({});
    for (const file of ours) expect(existsSync(file), file).toBe(false);
    for (const file of [...theirs, bundle]) expect(existsSync(file), file).toBe(true);
    // The log folder stays (empty), so the running log can write its file again.
    expect(readdirSync(dataDir).sort()).toEqual(['Local Storage', 'logs', 'notes.txt', 'settings.json']);
    expect(readdirSync(path.join(dataDir, 'logs'))).toEqual([]);
    // The page hears of both changes after the fact.
    expect(events.slice(-2).sort()).toEqual(['accounts:changed', 'preferences:changed']);
    expect(payloads['preferences:changed']).toEqual(DEFAULT_PREFERENCES);
    expect(payloads['accounts:changed']).toEqual({ accounts: [], activeAccountId: null, demoAccountId: null });
    // A later start sees a fresh app.
    expect(createTestServices({ dataDir, settingsStore: createConfStore({ cwd: dataDir }) }).accounts.list().accounts).toEqual([]);
    await services.dispose();
  });

  it('deletes the old log lines, and the running log goes on writing afterwards', async () => {
    const { dataDir, h } = setup();
    const log = createAppLog({ dir: path.join(dataDir, 'logs') });
    log.info('connected account Contoso');
    await h['app:forgetEverything']({ confirm: true });
    log.info('after forgetting');
    log.close();
    const text = readFileSync(log.path, 'utf8');
    expect(text).toContain('after forgetting');
    expect(text).not.toContain('Contoso');
  });

  it('removes a link inside the data folder as a link, never what it points to outside', async () => {
    const { dataDir, h } = setup();
    const outside = tempDir('outside');
    const precious = write(path.join(outside, 'precious.txt'), 'keep me');
    mkdirSync(path.join(dataDir, 'cleanups'), { recursive: true });
    // A link to a folder inside one of ours, and one of our names itself being a link.
    symlinkSync(outside, path.join(dataDir, 'cleanups', 'link-to-outside'), 'junction');
    symlinkSync(outside, path.join(dataDir, 'logs'), 'junction');
    symlinkSync(precious, path.join(dataDir, 'window-state.json'));

    const result = await h['app:forgetEverything']({ confirm: true });

    expect(result.filesRemoved).toBe(3);
    expect(readFileSync(precious, 'utf8')).toBe('keep me');
    expect(readdirSync(outside)).toEqual(['precious.txt']);
    expect(existsSync(path.join(dataDir, 'cleanups'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'logs'))).toBe(false);
  });

  it('is refused while a job runs or is paused, and then deletes nothing', async () => {
    const { dataDir, secrets, h, services } = setup();
    await connectTwoAccounts(h);
    await h['preferences:set']({ rateLimit: 4 });
    const ours = fillDataFolder(dataDir);
    let finish: () => void = () => undefined;
    const job = services.jobs.start({
      kind: 'export',
      title: 'Export of Contoso',
      categories: ['images'],
      run: () => new Promise<string>((resolve) => (finish = () => resolve('done'))),
    });
    await waitFor(() => services.jobs.get(job.id)?.state === 'running');
    await services.jobs.pause(job.id);

    const refused = await failure(h['app:forgetEverything']({ confirm: true }));
    expect(refused.code).toBe('JOB_RUNNING');
    expect(refused.message).toMatch(/Nothing was forgotten: “Export of Contoso” is still running or paused/);
    expect((await h['accounts:list']({})).accounts).toHaveLength(3);
    expect(secrets.size).toBe(2);
    expect((await h['preferences:get']({})).rateLimit).toBe(4);
    for (const file of ours) expect(existsSync(file), file).toBe(true);

    await services.jobs.resume(job.id);
    finish();
    await waitFor(() => services.jobs.list().every((snapshot) => snapshot.state === 'succeeded'));
    expect(await h['app:forgetEverything']({ confirm: true })).toEqual({ accountsForgotten: 3, filesRemoved: ours.length });
    // Finished jobs (their titles name the accounts) are forgotten too.
    expect(services.jobs.list()).toEqual([]);
  });

  it('stops, deleting nothing else, when a key cannot be removed from the keychain', async () => {
    const secrets = new MemorySecretStore();
    const { dataDir, h } = setup({ secrets });
    await h['accounts:connect']({ endpoint: 'https://contoso.cognitiveservices.azure.com/', key: 'key-of-contoso-0001', displayName: 'Contoso' });
    const ours = fillDataFolder(dataDir);
    secrets.setUnavailable(true);

    const refused = await failure(h['app:forgetEverything']({ confirm: true }));
    expect(refused.code).toBe('FORGET_INCOMPLETE');
    expect(refused.message).toMatch(/key of “Contoso” could not be removed from the keychain.*Nothing else was deleted/);
    expect((await h['accounts:list']({})).accounts.map((a) => a.displayName)).toEqual(['Contoso']);
    for (const file of ours) expect(existsSync(file), file).toBe(true);

    secrets.setUnavailable(false);
    expect((await h['app:forgetEverything']({ confirm: true })).accountsForgotten).toBe(1);
  });

  it('asks for an explicit confirmation at the IPC boundary', async () => {
    const { invokeContract } = await import('../../../shared/ipc/contract');
    const request = invokeContract['app:forgetEverything'].request;
    expect(request.safeParse({}).success).toBe(false);
    expect(request.safeParse({ confirm: false }).success).toBe(false);
    expect(request.safeParse({ confirm: true }).success).toBe(true);
  });

  it('names every kind of file CV Steward writes in its data folder', () => {
    const names = OWN_DATA_ENTRIES.map((entry) => ('name' in entry ? entry.name : entry.pattern.source));
    expect(names).toEqual(expect.arrayContaining(['cleanups', 'logs', RECORDS_FOLDER, 'window-state.json']));
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
