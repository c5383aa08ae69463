// Bundles the bench (bench/*.ts) into dist/bench/: the entry and its three child
// processes, as plain CJS like the app's other Node bundles. Kept apart from
// scripts/build.mjs so the bench never slows or breaks the app's build.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const entries = ['main', 'emulator-child', 'export-child', 'baseline-child'];
rmSync('dist/bench', { recursive: true, force: true });
await Promise.all(
  entries.map((name) =>
    build({
      entryPoints: [`bench/${name}.ts`],
      outfile: `dist/bench/${name === 'main' ? 'bench' : name}.cjs`,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
      // The SDK and native modules load from node_modules at run time.
      external: ['electron', 'keytar', '@azure/*'],
      define: { __APP_VERSION__: JSON.stringify('bench') },
    }),
  ),
);
