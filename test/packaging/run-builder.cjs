// Usage (from the repository root): node test/packaging/run-builder.cjs <outDir> <electronDist>
//
// Packages the already-built dist/ with the project's own electron-builder.yml, as a Linux
// `dir` target (the unpacked app, no installer), changing only what cannot work here:
// - electronDist: a stand-in Electron folder instead of the download;
// - npmRebuild off (as in the config; kept here so the check never touches node_modules:
//   a rebuild downloads Electron's headers, and a failed one deletes keytar's build folder);
// - the output folder, and publish never.
// Everything else — files, asar, asarUnpack, the afterPack fuse hook — is the real config.
// Run as a child of test/packaging/packaging.test.ts, which preloads no-network.cjs.
'use strict';

// electron-builder is a CommonJS package; this script stays CommonJS like the hook it runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { build, Platform } = require('electron-builder');

const [outDir, electronDist] = process.argv.slice(2);
if (!outDir || !electronDist) {
  process.stderr.write('Usage: node test/packaging/run-builder.cjs <outDir> <electronDist>\n');
  process.exit(2);
}

build({
  projectDir: process.cwd(),
  targets: Platform.LINUX.createTarget('dir'),
  publish: 'never',
  config: {
    electronDist,
    npmRebuild: false,
    directories: { output: outDir },
    linux: { target: 'dir' },
  },
}).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`electron-builder failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
