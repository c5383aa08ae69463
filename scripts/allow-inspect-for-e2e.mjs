#!/usr/bin/env node
// Usage: node scripts/allow-inspect-for-e2e.mjs <packaged app's executable>
//
// CI only, on a throwaway `electron-builder --dir` build (.github/workflows/ci.yml): turns
// the EnableNodeCliInspectArguments fuse back on so Playwright can drive the packaged app.
// Playwright's Electron support starts the app with --inspect=0 and talks to main through
// that inspector; with the fuse off (as scripts/after-pack.cjs ships it) the launch waits
// for an inspector that never opens and times out. Every other fuse stays as shipped, so
// the suite still runs against asar-only loading, no RunAsNode and no NODE_OPTIONS.
// Never run this on a build that is handed to anyone.
//
// On macOS the fuses live in the framework inside the .app, and changing them breaks the
// ad-hoc signature Apple silicon requires to launch, so the .app is passed and re-signed ad hoc.
import path from 'node:path';
import { existsSync } from 'node:fs';

const executable = process.argv[2];
if (!executable || !existsSync(executable)) {
  process.stderr.write(`Usage: node scripts/allow-inspect-for-e2e.mjs <packaged app's executable> (got ${executable ?? 'nothing'})\n`);
  process.exit(2);
}

/** The .app bundle around a macOS executable, else the executable itself. */
function fuseTarget(file) {
  const marker = `.app${path.sep}Contents${path.sep}MacOS${path.sep}`;
  const at = path.resolve(file).lastIndexOf(marker);
  return at === -1 ? file : path.resolve(file).slice(0, at + '.app'.length);
}

const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
const target = fuseTarget(executable);
await flipFuses(target, {
  version: FuseVersion.V1,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  resetAdHocDarwinSignature: process.platform === 'darwin',
});
process.stdout.write(`allow-inspect-for-e2e: EnableNodeCliInspectArguments is on in ${target} (a test build only)\n`);
