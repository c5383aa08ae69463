// Builds everything except the renderer (Vite does that): main, preload, CLI and the
// browser harness are plain CJS bundles, so esbuild alone is simpler and faster than a
// second Vite pipeline (see README, "Why these tools").
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { channelNamesPlugin } from './channel-names-plugin.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
const node = { bundle: true, platform: 'node', format: 'cjs', sourcemap: true, logLevel: 'warning', define };
// Native modules and Electron itself are resolved at run time, never bundled.
const external = ['electron', 'keytar'];
// The export runs in a worker thread with a capped heap (src-main/export-worker): each
// bundle that starts it finds export-worker.cjs next to itself.
const exportWorker = (outdir, target) =>
  build({ ...node, target, entryPoints: ['src-main/export-worker/worker-entry.ts'], outfile: `${outdir}/export-worker.cjs`, external });

for (const dir of ['dist/main', 'dist/preload', 'dist/cli', 'dist-harness']) rmSync(dir, { recursive: true, force: true });

await Promise.all([
  build({ ...node, target: 'node22', entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/main/main.cjs', external }),
  // A sandboxed preload may only require('electron'): everything else must be bundled in.
  build({ ...node, target: 'chrome130', entryPoints: ['src-main/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', external: ['electron'], plugins: [channelNamesPlugin()] }),
  build({
    ...node,
    target: 'node20',
    entryPoints: ['src-main/cli/cv-steward.ts'],
    outfile: 'dist/cli/cv-steward.cjs',
    external,
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({ ...node, target: 'node20', entryPoints: ['test/harness/main.ts'], outfile: 'dist-harness/harness.cjs', external }),
  exportWorker('dist/main', 'node22'),
  exportWorker('dist/cli', 'node20'),
  exportWorker('dist-harness', 'node20'),
  build({ ...node, target: 'node20', entryPoints: ['src-main/emulator/cli.ts'], outfile: 'dist/emulator/cv-emulator.cjs', external }),
  build({ ...node, platform: 'browser', format: 'iife', target: 'chrome130', entryPoints: ['test/harness/bridge-client.ts'], outfile: 'dist-harness/bridge.js', plugins: [channelNamesPlugin()] }),
]);
