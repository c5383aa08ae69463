/**
 * The packaging check: the real electron-builder.yml packages the built app (dist/) for
 * Linux as a `dir` target — the app folder the AppImage and deb are made from — with a
 * stand-in Electron (stand-in-electron.ts), offline, in a child process
 * (run-builder.cjs). Then it opens what a user would install: app.asar holds the main,
 * preload and renderer bundles and nothing from the sources, tests or dev dependencies;
 * keytar's native module sits unpacked next to it; the Electron binary's fuses are
 * flipped. Needs `npm run build` first (npm test runs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import * as fuses from '@electron/fuses';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { SHIPPED_FUSE_WIRE, writeStandInElectron } from './stand-in-electron';

const root = resolve(__dirname, '../..');
/** electron-builder normally takes ~10 s here; past this it is stuck, not slow. */
const BUILDER_TIMEOUT_MS = 90_000;
const BUNDLES = ['dist/main/main.cjs', 'dist/main/export-worker.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'];

/** scripts/after-pack.cjs, the afterPack hook electron-builder.yml names. */
interface AfterPackModule {
  fuseConfigFor(platform: string, arch: number, fuseModule: typeof fuses): Record<string, unknown>;
}
const afterPackHook = createRequire(import.meta.url)(join(root, 'scripts/after-pack.cjs')) as AfterPackModule;

let work: string;
let appDir: string;
let asarPath: string;
/** Every path in app.asar, relative and without the leading slash. */
let entries: string[];

/** Runs electron-builder in a child that may not open a network connection; resolves with its output. */
function runBuilder(outDir: string, electronDist: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const preload = join(__dirname, 'no-network.cjs');
    const child = spawn(process.execPath, [join(__dirname, 'run-builder.cjs'), outDir, electronDist], {
      cwd: root, // electron-builder resolves the afterPack path from here
      env: {
        ...process.env,
        // Also in the processes electron-builder starts (npm, to list the dependencies).
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${preload}"`.trim(),
        npm_config_update_notifier: 'false',
        npm_config_offline: 'true',
        ELECTRON_BUILDER_CACHE: join(outDir, '..', 'builder-cache'),
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`electron-builder did not finish in ${BUILDER_TIMEOUT_MS / 1000} s (waiting on a download?). Output:\n${output.slice(-4000)}`));
    }, BUILDER_TIMEOUT_MS);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

beforeAll(async () => {
  const missing = BUNDLES.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) throw new Error(`The packaging check packages the built app: run \`npm run build\` first (missing ${missing.join(', ')}).`);

  work = mkdtempSync(join(tmpdir(), 'cv-packaging-'));
  const outDir = join(work, 'out');
  const { code, output } = await runBuilder(outDir, writeStandInElectron(join(work, 'electron-dist')));
  if (code !== 0) throw new Error(`electron-builder exited with ${String(code)}:\n${output.slice(-4000)}`);

  // linux-unpacked on x64, linux-<arch>-unpacked elsewhere.
  const unpacked = readdirSync(outDir).filter((name) => name.startsWith('linux-') && name.endsWith('unpacked'));
  expect(unpacked).toHaveLength(1);
  appDir = join(outDir, unpacked[0] ?? '');
  asarPath = join(appDir, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
}, BUILDER_TIMEOUT_MS + 30_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Packages named by node_modules/<name> or node_modules/@scope/<name> entries of the archive. */
function packagedModules(paths: string[]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

describe('the packaged app (Linux dir target, stand-in Electron)', () => {
  it('carries the main, export worker, preload and renderer bundles inside app.asar', () => {
    for (const bundle of BUNDLES) expect(entries, bundle).toContain(bundle);
    // The worker is started from main.cjs's own folder, so it must sit right beside it.
    expect(entries).toContain('dist/main/export-worker.cjs');
    // Every script and stylesheet the page loads is there too, or the window opens blank.
    const html = readFileSync(join(root, 'dist/renderer/index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((match) => match[1] ?? '').filter((ref) => !/^[a-z]+:/i.test(ref));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(entries, asset).toContain(`dist/renderer/${asset}`);
  });

  it('includes package.json and the main entry it names, which Electron starts from', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(entries).toContain('package.json');
    expect(entries).toContain(manifest.main);
  });

  it("unpacks keytar's native module next to the archive, where Electron can load it", () => {
    const native = 'node_modules/keytar/build/Release/keytar.node';
    expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', native))).toBe(true);
    expect(statFile(asarPath, native)).toMatchObject({ unpacked: true });
    // keytar's JavaScript, which requires the .node file by this relative path, is packaged.
    expect(entries).toContain('node_modules/keytar/lib/keytar.js');
    expect(entries).toContain('node_modules/keytar/package.json');
  });

  it('holds only built output, package.json and runtime modules: no sources, tests, maps or tools', () => {
    const allowed = /^(package\.json|dist\/(main|preload|renderer)(\/.*)?|dist|node_modules(\/.*)?)$/;
    expect(entries.filter((path) => !allowed.test(path))).toEqual([]);
    const forbidden = /^(test|src-main|src-renderer|shared|bench|scripts|docs|assets|\.ci|\.github|dist-harness|dist\/cli|dist\/emulator|dist\/bench)(\/|$)/;
    expect(entries.filter((path) => forbidden.test(path))).toEqual([]);
    expect(entries.filter((path) => path.endsWith('.map') || (path.endsWith('.ts') && !path.startsWith('node_modules/')))).toEqual([]);
  });

  it('packages no devDependency, in the archive or unpacked', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const devDependencies = Object.keys(manifest.devDependencies);
    expect(devDependencies).toEqual(expect.arrayContaining(['vitest', '@playwright/test', 'esbuild', 'typescript', 'electron']));
    const unpackedDir = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules');
    const unpacked = existsSync(unpackedDir) ? readdirSync(unpackedDir).map((name) => `node_modules/${name}`) : [];
    const packaged = packagedModules([...entries, ...unpacked]);
    expect(devDependencies.filter((name) => packaged.has(name))).toEqual([]);
  });

  it('packages every package the bundles require at run time', () => {
    // esbuild leaves external packages as require("name") calls; Node's own modules and
    // electron are provided by the runtime. (Quoted require strings inside bundled
    // libraries' code generators are preceded by a quote or backtick and are skipped.)
    const builtins = new Set(builtinModules);
    const required = new Set<string>();
    for (const bundle of ['dist/main/main.cjs', 'dist/main/export-worker.cjs', 'dist/preload/preload.cjs']) {
      const code = readFileSync(join(root, bundle), 'utf8');
      for (const match of code.matchAll(/(?<![`'"\w.$])require\("([^"]+)"\)/g)) {
        const spec = match[1] ?? '';
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? '');
        if (spec.startsWith('node:') || builtins.has(name) || name === 'electron') continue;
        required.add(name);
      }
    }
    expect([...required]).toContain('keytar');
    const missing = [...required].filter((name) => !entries.includes(`node_modules/${name}/package.json`));
    expect(missing, 'add them to `files` in electron-builder.yml').toEqual([]);
  });

  it('flips the Electron fuses in the packaged binary (Linux: no asar integrity, which Electron lacks there)', async () => {
    // linux.executableName in electron-builder.yml: `cv-steward` is the CLI's command.
    const wire = await getCurrentFuseWire(join(appDir, 'cv-steward-desktop'));
    const shipped = (option: FuseV1Options): number => SHIPPED_FUSE_WIRE.charCodeAt(option);
    expect(wire).toMatchObject({
      [FuseV1Options.RunAsNode]: FuseState.DISABLE,
      [FuseV1Options.EnableCookieEncryption]: FuseState.ENABLE,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
      [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.DISABLE,
      [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.DISABLE,
      // Not ours to change: left as Electron ships them.
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: shipped(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot),
      [FuseV1Options.WasmTrapHandlers]: shipped(FuseV1Options.WasmTrapHandlers),
    });
  });
});

describe('the afterPack fuse settings on the platforms this machine cannot package', () => {
  // electron-builder's Arch values.
  const x64 = 1;
  const arm64 = 3;
  const universal = 4;

  it('turns asar integrity on for macOS and Windows, where Electron checks it', () => {
    for (const platform of ['darwin', 'mas', 'win32']) {
      expect(afterPackHook.fuseConfigFor(platform, x64, fuses), platform).toMatchObject({
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
        [FuseV1Options.OnlyLoadAppFromAsar]: true,
        [FuseV1Options.RunAsNode]: false,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
        [FuseV1Options.EnableNodeCliInspectArguments]: false,
        [FuseV1Options.EnableCookieEncryption]: true,
      });
    }
    expect(afterPackHook.fuseConfigFor('linux', x64, fuses)).not.toHaveProperty(String(FuseV1Options.EnableEmbeddedAsarIntegrityValidation));
  });

  it('re-signs ad hoc only macOS builds that run on Apple silicon, which refuses an invalid signature', () => {
    expect(afterPackHook.fuseConfigFor('darwin', arm64, fuses)).toMatchObject({ resetAdHocDarwinSignature: true });
    expect(afterPackHook.fuseConfigFor('darwin', universal, fuses)).toMatchObject({ resetAdHocDarwinSignature: true });
    expect(afterPackHook.fuseConfigFor('darwin', x64, fuses)).toMatchObject({ resetAdHocDarwinSignature: false });
    expect(afterPackHook.fuseConfigFor('win32', arm64, fuses)).toMatchObject({ resetAdHocDarwinSignature: false });
    expect(afterPackHook.fuseConfigFor('linux', arm64, fuses)).toMatchObject({ resetAdHocDarwinSignature: false });
  });
});
