// electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of the
// packaged app. It runs once per platform and arch, after the app is assembled (app.asar
// written, asar integrity recorded) and before electron-builder signs it, so a signed app's
// fuses are covered by its signature: they cannot be flipped back without breaking it
// (Gatekeeper on macOS, Authenticode/App Control on Windows).
//
// Fuses are bits in the Electron binary that turn features off for good, whatever the
// environment or command line says. Why each one is set as it is:
// - RunAsNode off: ELECTRON_RUN_AS_NODE=1 would turn our signed binary into a general Node
//   runtime any local program could use to run code as "CV Steward" (and read what the
//   app may read, like its keychain entries).
// - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS (--require, --inspect…) would
//   inject code into the main process the same way.
// - EnableNodeCliInspectArguments off: --inspect and --inspect-brk would let anyone who can
//   start the app attach a debugger to main, where the training keys pass through.
// - EnableCookieEncryption on: cookies on disk are encrypted with a key the OS keeps
//   (Keychain, DPAPI, Secret Service). The app keeps no cookies of its own (keys live in
//   the keychain), so this only hardens what Chromium might store. It is a one-way switch
//   (turning it off later leaves stored cookies unreadable), so it is on from the start.
// - OnlyLoadAppFromAsar on: Electron loads the app only from app.asar, never from a
//   loose resources/app folder someone drops next to it.
// - EnableEmbeddedAsarIntegrityValidation on, on macOS and Windows only: Electron checks
//   app.asar against the header hash electron-builder records in the signed bundle
//   (Info.plist on macOS, an exe resource on Windows) and refuses to start if someone
//   edited it. Electron implements the check on macOS (Electron ≥ 16) and Windows (≥ 30);
//   on Linux the fuse does nothing, so it stays off there rather than claim a protection
//   that does not exist.
// - GrantFileProtocolExtraPrivileges off: the renderer is served from app://steward/, never
//   file://, so file:// pages need none of the extra rights Electron grants them by default.
// - Left as Electron ships them: LoadBrowserProcessSpecificV8Snapshot (we ship no custom
//   snapshot) and WasmTrapHandlers (a V8 performance/safety default).
// On arm64 macOS the binary must carry a valid signature to run at all; flipping bits
// invalidates Electron's ad-hoc signature, so it is reset (resetAdHocDarwinSignature) —
// a real signature, when CSC_LINK is set, replaces it right after this hook.
'use strict';

// electron-builder require()s its hooks, so this file is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const path = require('node:path');

/** electron-builder's Arch enum values (builder-util), kept here so the hook loads without it. */
const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

/**
 * The fuse settings for one packaged app, as `flipFuses` takes them.
 * @param {string} electronPlatformName 'darwin' | 'mas' | 'win32' | 'linux'
 * @param {number} arch electron-builder's Arch value
 * @param {typeof import('@electron/fuses')} fuses the @electron/fuses module
 */
function fuseConfigFor(electronPlatformName, arch, fuses) {
  const { FuseVersion, FuseV1Options } = fuses;
  const isMac = electronPlatformName === 'darwin' || electronPlatformName === 'mas';
  const asarIntegritySupported = isMac || electronPlatformName === 'win32';
  /** @type {import('@electron/fuses').FuseV1Config} */
  const config = {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    resetAdHocDarwinSignature: isMac && (arch === ARCH_ARM64 || arch === ARCH_UNIVERSAL),
  };
  if (asarIntegritySupported) config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation] = true;
  return config;
}

/**
 * The file @electron/fuses patches: the .app bundle on macOS (it finds the framework
 * inside), the renamed exe on Windows, the renamed executable on Linux.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: any }} context
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  // LinuxPackager.executableName: linux.executableName, else the package name.
  return path.join(appOutDir, packager.executableName);
}

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  // @electron/fuses is ESM-only; a dynamic import loads it from this CommonJS hook.
  const fuses = await import('@electron/fuses');
  const binary = electronBinaryPath(context);
  const config = fuseConfigFor(context.electronPlatformName, context.arch, fuses);
  const wires = await fuses.flipFuses(binary, config);
  process.stdout.write(`  • electron fuses flipped  file=${binary} wires=${wires}\n`);
}

module.exports = { afterPack, fuseConfigFor, electronBinaryPath };
