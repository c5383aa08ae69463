// Bundles the chaos runner (test/chaos/chaos-main.ts) into dist/chaos/chaos.cjs; it runs
// the CLI that `npm run build` puts in dist/cli. Kept apart from scripts/build.mjs so the
// chaos suite never slows or breaks the app's build.
import { build } from 'esbuild';

await build({
  entryPoints: ['test/chaos/chaos-main.ts'],
  outfile: 'dist/chaos/chaos.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'keytar', '@azure/*'],
});
