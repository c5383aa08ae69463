/**
 * Bundles a TypeScript entry into one CommonJS file in a temporary folder, as
 * scripts/build.mjs does for the app: for tests that run code in a child process (kill -9
 * tests) or a worker thread, which cannot load the TypeScript sources vitest runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface BuiltScript {
  path: string;
  remove(): Promise<void>;
}

/** `define`: compile-time constants the entry declares, as scripts/build.mjs sets them (e.g. __APP_VERSION__). */
export async function buildScript(entry: string, fileName = 'child.cjs', define: Record<string, string> = {}): Promise<BuiltScript> {
  const dir = await mkdtemp(join(tmpdir(), 'cv-test-build-'));
  const path = join(dir, fileName);
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'keytar'],
    logLevel: 'warning',
    define,
  });
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
