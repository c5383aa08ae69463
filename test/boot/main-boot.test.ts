/**
 * The boot check: the BUILT main bundle (dist/main/main.cjs, from `npm run build`) started
 * in plain Node with a recording stand-in for Electron (recording-electron-stand-in.ts),
 * where the real Electron cannot run. It proves main's wiring as shipped, not the sources
 * it came from: one locked-down window, the app:// protocol serving only the built
 * renderer, every contract channel registered once and refusing foreign senders, and the
 * single-instance lock taken at start and released on the way out.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { loadMainBundle, type LoadedMain } from './load-main-bundle';
import { RecordingElectron, type InvokeSender, type StandInBrowserWindow } from './recording-electron-stand-in';

const REPO = resolve(__dirname, '..', '..');
const BUNDLE = join(REPO, 'dist', 'main', 'main.cjs');
const RENDERER_DIR = join(REPO, 'dist', 'renderer');
const PRELOAD = join(REPO, 'dist', 'preload', 'preload.cjs');
const APP_ENTRY_URL = 'app://steward/index.html';
const packageJson = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { productName: string; version: string };

/** Start-up reads and writes a few small files in the data folder; more than this is a hang. */
const BOOT_TIMEOUT_MS = 10_000;

function boot(singleInstanceLock: boolean): { standIn: RecordingElectron; main: LoadedMain; userDataDir: string } {
  const userDataDir = realpathSync(mkdtempSync(join(tmpdir(), 'cv-steward-boot-')));
  const standIn = new RecordingElectron({ userDataDir, appName: packageJson.productName, appVersion: packageJson.version, singleInstanceLock });
  const main = loadMainBundle(BUNDLE, standIn);
  return { standIn, main, userDataDir };
}

/** Main's log (src-main/logging), which start-up failures and refused senders are written to. */
function logLines(userDataDir: string): string[] {
  const file = join(userDataDir, 'logs', 'cv-steward.log');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

/** Windows may still hold a just-closed log or settings file for a moment. */
function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

function isInside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  // Segment-wise: on POSIX a name like '..\\x' is an ordinary file name inside the folder.
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

describe('the built main process, booted with a recording stand-in for Electron', () => {
  let standIn: RecordingElectron;
  let main: LoadedMain;
  let userDataDir: string;
  let window: StandInBrowserWindow;
  let ownPage: InvokeSender;

  beforeAll(async () => {
    ({ standIn, main, userDataDir } = boot(true));
    standIn.becomeReady();
    await vi.waitFor(
      () => {
        expect(standIn.called('window.loadURL')).toHaveLength(1);
      },
      { timeout: BOOT_TIMEOUT_MS, interval: 20 },
    );
    // Anything start-up would still do after the window is open has had its turn.
    await new Promise((resolveTurn) => setTimeout(resolveTurn, 50));
    const [first] = standIn.windows;
    if (!first) throw new Error('no window was opened');
    window = first;
    ownPage = { webContentsId: window.webContents.id, frameUrl: APP_ENTRY_URL, isMainFrame: true };
  }, BOOT_TIMEOUT_MS * 2);

  afterAll(() => {
    main?.unload();
    if (userDataDir) removeDataDir(userDataDir);
  });

  it('does what must happen before ready first: the app:// scheme, the sandbox for every renderer, the single-instance lock', () => {
    const order = (api: string) => standIn.calls.findIndex((call) => call.api === api);
    const ready = order('app ready');
    expect(ready).toBeGreaterThan(0);
    for (const api of ['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'app.requestSingleInstanceLock']) {
      expect(order(api), api).toBeGreaterThanOrEqual(0);
      expect(order(api), api).toBeLessThan(ready);
    }
    const [schemes] = standIn.called('protocol.registerSchemesAsPrivileged').map((call) => call.args[0]);
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(standIn.app.holdsSingleInstanceLock).toBe(true);
  });

  it('starts without logging an error', () => {
    expect(logLines(userDataDir).filter((line) => line.includes('[error]'))).toEqual([]);
  });

  it('opens exactly one window: sandboxed, context-isolated, without Node, loading the app page from app://', () => {
    expect(standIn.windows).toHaveLength(1);
    expect(standIn.called('new BrowserWindow')).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: PRELOAD });
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(window.options.show).toBe(false);
  });

  it('serves the built index.html on app:// with the renderer’s CSP', async () => {
    for (const url of [APP_ENTRY_URL, 'app://steward/']) {
      const response = await standIn.request(url);
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toBe(readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8'));
      expect(response.headers.get('Content-Security-Policy'), url).toContain("default-src 'none'");
    }
  });

  it('refuses every path outside the built renderer folder, and reads no file there', async () => {
    const escapes = [
      'app://steward/../../package.json',
      'app://steward/%2e%2e/%2e%2e/package.json',
      'app://steward/..%2F..%2Fpackage.json',
      'app://steward/..%5C..%5Cpackage.json',
      'app://steward/%2e%2e%2f%2e%2e%2fdist%2fmain%2fmain.cjs',
      'app://steward/index.html%00.png',
      'app://elsewhere/index.html',
    ];
    for (const url of escapes) {
      const response = await standIn.request(url);
      expect(response.status, url).toBe(404);
    }
    const outside = standIn.fetchedFiles.filter((file) => !isInside(file, RENDERER_DIR));
    expect(outside).toEqual([]);
  });

  it('registers every contract channel with ipcMain.handle exactly once, and nothing else', () => {
    expect([...standIn.handleRegistrations].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(new Set(standIn.handleRegistrations).size).toBe(standIn.handleRegistrations.length);
  });

  it('answers app:info from the app’s own page with the app’s name and version', async () => {
    const answer = await standIn.invoke('app:info', undefined, ownPage);
    expect(answer).toEqual({
      ok: true,
      value: {
        name: packageJson.productName,
        version: packageJson.version,
        platform: process.platform,
        arch: process.arch,
        runtime: 'electron',
        versions: { node: process.versions.node },
      },
    });
  });

  it('refuses the same request from any other sender', async () => {
    const foreign: Array<[string, InvokeSender]> = [
      ['another webContents', { ...ownPage, webContentsId: window.webContents.id + 1000 }],
      ['a foreign page in the app’s window', { ...ownPage, frameUrl: 'https://attacker.example/index.html' }],
      ['a file:// page in the app’s window', { ...ownPage, frameUrl: 'file:///tmp/index.html' }],
      ['a subframe of the app page', { ...ownPage, isMainFrame: false }],
      ['a frame that is gone', { ...ownPage, frameUrl: undefined }],
    ];
    for (const [who, sender] of foreign) {
      const answer = (await standIn.invoke('app:info', undefined, sender)) as { ok: boolean; error?: { code: string } };
      expect(answer.ok, who).toBe(false);
      expect(answer.error?.code, who).toBe('FORBIDDEN_SENDER');
    }
    // Each refusal is logged, so an attack (or a wiring mistake) leaves a trace.
    expect(logLines(userDataDir).filter((line) => line.includes('[error] refused app:info from'))).toHaveLength(foreign.length);
  });

  it('brings its window forward when a second instance is started', () => {
    const focusesBefore = standIn.called('window.focus').length;
    standIn.app.emit('second-instance', {}, [], REPO);
    expect(standIn.called('window.focus')).toHaveLength(focusesBefore + 1);
  });

  it('quits when its last window closes (not on macOS, where the app stays) and releases the single-instance lock', () => {
    window.close();
    if (process.platform === 'darwin') {
      expect(standIn.called('app.quit')).toHaveLength(0);
      // Cmd+Q: the menu's Quit.
      standIn.app.quit();
    }
    expect(standIn.called('app.quit').length).toBeGreaterThanOrEqual(1);
    expect(standIn.called('app.releaseSingleInstanceLock')).toHaveLength(1);
    expect(standIn.app.holdsSingleInstanceLock).toBe(false);
    expect(standIn.called('app.exit')).toEqual([]);
  });
});

describe('the built main process, when another instance already runs', () => {
  let standIn: RecordingElectron;
  let main: LoadedMain;
  let userDataDir: string;

  beforeAll(() => {
    ({ standIn, main, userDataDir } = boot(false));
    standIn.becomeReady();
  });

  afterAll(() => {
    main?.unload();
    if (userDataDir) removeDataDir(userDataDir);
  });

  it('quits at once: no window, no IPC, no app protocol', async () => {
    await new Promise((resolveTurn) => setTimeout(resolveTurn, 50));
    expect(standIn.called('app.quit')).toHaveLength(1);
    expect(standIn.windows).toEqual([]);
    expect(standIn.handleRegistrations).toEqual([]);
    expect(standIn.protocolHandlers.size).toBe(0);
  });
});
