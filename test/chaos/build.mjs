// Bundles the chaos runner (test/chaos/chaos-main.ts) into dist/chaos/chaos.cjs; it runs
// the CLI that `npm run build` puts in dist/cli. Kept apart from scripts/build.mjs so the
// chaos suite never slows or breaks the app's build.
import { build } from 'esbuild';
import { NODE_TOOL_BUNDLE } from '../../scripts/node-bundle.mjs';

await build({ ...NODE_TOOL_BUNDLE, entryPoints: ['test/chaos/chaos-main.ts'], outfile: 'dist/chaos/chaos.cjs' });
