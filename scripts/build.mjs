// Builds everything except the renderer (Vite does that): main, preload, CLI and the
// browser harness are plain CJS bundles, so esbuild alone is simpler and faster than a
// second Vite pipeline (see README, "Why these tools").
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { channelNamesPlugin } from './channel-names-plugin.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
const node = { bundle: true, platform: 'node', format: 'cjs', sourcemap: true, logLevel: 'warning', define };
// Native modules and Electron itself are resolved at run time, never bundled.
const external = ['electron', 'keytar'];
// The export runs in a worker thread with a capped heap (src-main/export-worker): each
// bundle that starts it finds export-worker.cjs next to itself.
// Targets: the app's main runs on the Node that Electron 45 ships (24); the CLI, the harness
// and the emulator run on the user's own Node, which may be 22 (package.json "engines").
const ELECTRON_NODE = 'node24';
const USER_NODE = 'node22';
const exportWorker = (outdir, target) =>
  build({ ...node, target, entryPoints: ['src-main/export-worker/worker-entry.ts'], outfile: `${outdir}/export-worker.cjs`, external });

for (const dir of ['dist/main', 'dist/preload', 'dist/cli', 'dist-harness']) rmSync(dir, { recursive: true, force: true });

await Promise.all([
  build({ ...node, target: ELECTRON_NODE, entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/main/main.cjs', external }),
  // A sandboxed preload may only require('electron'): everything else must be bundled in.
  build({ ...node, target: 'chrome130', entryPoints: ['src-main/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', external: ['electron'], plugins: [channelNamesPlugin()] }),
  build({
    ...node,
    target: USER_NODE,
    entryPoints: ['src-main/cli/cv-steward.ts'],
    outfile: 'dist/cli/cv-steward.cjs',
    external,
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({ ...node, target: USER_NODE, entryPoints: ['test/harness/main.ts'], outfile: 'dist-harness/harness.cjs', external }),
  exportWorker('dist/main', ELECTRON_NODE),
  exportWorker('dist/cli', USER_NODE),
  exportWorker('dist-harness', USER_NODE),
  build({ ...node, target: USER_NODE, entryPoints: ['src-main/emulator/cli.ts'], outfile: 'dist/emulator/cv-emulator.cjs', external }),
  build({ ...node, platform: 'browser', format: 'iife', target: 'chrome130', entryPoints: ['test/harness/bridge-client.ts'], outfile: 'dist-harness/bridge.js', plugins: [channelNamesPlugin()] }),
]);

// The CLI is a bin (`npm link`, `npx cv-steward`): rmSync above removed the old file and
// esbuild writes a new one without the execute bit, which `npm link` had set only once.
chmodSync('dist/cli/cv-steward.cjs', 0o755);
