/**
 * A stand-in for Electron's Linux distribution (the unpacked electron-vX-linux-x64.zip),
 * for packaging without the real binary, which cannot be downloaded here.
 *
 * electron-builder's `electronDist` accepts an unpacked folder: it copies the folder as the
 * app's output, renames `electron` to the app's executable name, and writes resources/app.asar
 * next to it (app-builder-lib, ElectronFramework.unpack and beforeCopyExtraFiles). Nothing
 * else in the real distribution (Chromium's .pak files, locales, libffmpeg.so,
 * chrome-sandbox) is read by the Linux `dir` packer, so the stand-in is the one file.
 *
 * That file is a shell script that refuses to run, with a fuse wire in it: the bytes
 * @electron/fuses looks for in a real binary (the sentinel, the wire version, its length,
 * one ASCII '0'/'1' per fuse). So the afterPack hook flips fuses in it exactly as it would
 * in Electron, and the test reads them back with getCurrentFuseWire.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fixed marker Electron puts before its fuse wire (docs/tutorial/fuses.md). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The stand-in's wire before packaging, in FuseV1Options order, set to Electron's documented
 * defaults: RunAsNode on, CookieEncryption off, NodeOptions on, NodeCliInspect on,
 * EmbeddedAsarIntegrityValidation off, OnlyLoadAppFromAsar off,
 * LoadBrowserProcessSpecificV8Snapshot off, GrantFileProtocolExtraPrivileges on,
 * WasmTrapHandlers on.
 */
export const SHIPPED_FUSE_WIRE = '101100011';

/** Writes the stand-in distribution into `dir` and returns `dir`. */
export function writeStandInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron for the packaging check; it cannot run an app" >&2\nexit 1\n# ');
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, SHIPPED_FUSE_WIRE.length]), // wire version 1, then the number of fuses
    Buffer.from(SHIPPED_FUSE_WIRE, 'ascii'),
  ]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]), { mode: 0o755 });
  return dir;
}
