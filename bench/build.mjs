// Bundles the bench (bench/*.ts) into dist/bench/: the entry, its four child processes
// and the export worker, as plain CJS like the app's other Node bundles. Kept apart from
// scripts/build.mjs so the bench never slows or breaks the app's build.
import { build } from 'esbuild';
import { NODE_TOOL_BUNDLE } from '../scripts/node-bundle.mjs';
import { rmSync } from 'node:fs';

// The export child runs the engine the way the app and the CLI do: through
// runExportInWorker, which starts export-worker.cjs from its own folder.
const entries = {
  bench: 'bench/main.ts',
  'emulator-child': 'bench/emulator-child.ts',
  'export-child': 'bench/export-child.ts',
  'baseline-child': 'bench/baseline-child.ts',
  'delete-child': 'bench/delete-child.ts',
  'export-worker': 'src-main/export-worker/worker-entry.ts',
};
rmSync('dist/bench', { recursive: true, force: true });
await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({ ...NODE_TOOL_BUNDLE, entryPoints: [entry], outfile: `dist/bench/${name}.cjs`, define: { __APP_VERSION__: JSON.stringify('bench') } }),
  ),
);
