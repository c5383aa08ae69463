#!/usr/bin/env node
// Usage: node scripts/launch-electron.mjs [--check] [electron arguments…]
//
// What `npm start` and `npm run demo` run instead of the bare `electron` command. The
// electron package's own launcher, when its binary is missing, tries a download and, where
// that cannot work (offline, a blocked proxy), ends in a stack trace and advice that cannot
// help either. This script finds the binary the way the electron package does
// (node_modules/electron/path.txt names it inside dist/, or inside ELECTRON_OVERRIDE_DIST_PATH),
// downloads it with the package's own installer when it is missing (what the package
// itself would do, so a first `npm start` with network access still just works), and when
// there is still no runnable binary prints one paragraph: why, how to get it, and what
// works without it. Then it exits 1.
//
// --check: only make sure the binary is there (so `npm start` can stop before a build
// that would be useless). Otherwise the binary is started with the remaining arguments;
// its exit code is passed through, and signals sent to this script are passed on to it.
// Plain Node with no dependencies: it must run before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Exit code when there is no Electron to run (a usage-independent, ordinary failure). */
const NO_ELECTRON = 1;
/** What a shell or the dynamic loader answers when a program could not be started at all. */
const COULD_NOT_START = 127;

const args = process.argv.slice(2);
const checkOnly = args[0] === '--check';
const electronArgs = checkOnly ? args.slice(1) : args;

/** Shown relative to where the user typed the command: shorter, and what they can paste. */
function shown(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * The electron package's folder: the project's own node_modules/electron (kept as typed,
 * not resolved through symlinks, so messages show the path the user knows), else wherever
 * `require('electron')` from this project would find it.
 */
function findElectronPackage() {
  const own = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron');
  if (existsSync(path.join(own, 'package.json'))) return own;
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Where the electron package says its binary is (the same rule as its index.js), and why
 * it cannot be run when it cannot. Never downloads.
 */
function locateBinary(packageDir) {
  const pathFile = path.join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (!relative && !override) return { binary: null, problem: `${shown(pathFile)} is missing (the binary was never downloaded)` };
  const binary = override ? path.join(override, relative || 'electron') : path.join(packageDir, 'dist', relative);
  if (!existsSync(binary)) return { binary: null, problem: `${shown(binary)} is missing` };
  return { binary, problem: unrunnable(binary) };
}

/** Why an existing file cannot be started, or null when it looks runnable. */
function unrunnable(binary) {
  if (!statSync(binary).isFile()) return `${shown(binary)} is not a file`;
  if (process.platform === 'win32') return null; // Windows has no execute bit to check.
  try {
    accessSync(binary, constants.X_OK);
    return null;
  } catch {
    return `${shown(binary)} is there but not executable (an interrupted or damaged download?)`;
  }
}

/**
 * Runs the electron package's installer, which downloads the binary for this platform into
 * dist/ and writes path.txt. Its progress goes to the terminal; its error output is kept
 * back (a stack trace helps nobody here) and only its first line is returned.
 */
function download(packageDir) {
  const installer = path.join(packageDir, 'install.js');
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'downloading it is turned off (ELECTRON_SKIP_BINARY_DOWNLOAD is set)';
  if (!existsSync(installer)) return `the electron package has no installer (${shown(installer)} is missing)`;
  process.stderr.write('Downloading the Electron binary (about 100 MB, once)…\n');
  const result = spawnSync(process.execPath, [installer], { cwd: packageDir, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.error) return `its download could not start: ${result.error.message}`;
  if (result.status === 0) return null;
  const firstLine = (result.stderr ?? '').split('\n').find((line) => line.trim() && !/^\s+at /.test(line));
  return `downloading it failed${firstLine ? ` (${firstLine.trim()})` : ''}`;
}

/** One paragraph, wrapped for a terminal: why, how to get Electron, what works without it. */
function explain(reason) {
  const text =
    `CV Steward cannot open its desktop window without Electron, and Electron is not usable here: ${reason}. ` +
    'Electron (about 100 MB) is not installed by `npm ci`; it is downloaded from GitHub the first time the app starts. ' +
    'To get it, run `npm start` again with network access (or only the download: `node node_modules/electron/install.js`), ' +
    'or use an installer (README, "Installing, upgrading and uninstalling"). ' +
    'Working right now without it: `npm run web -- --demo` (the same app in your browser, with the demo account) ' +
    'and the command line (`npm run build`, then `node dist/cli/cv-steward.cjs --help`).';
  process.stderr.write(`\n${wrap(text, 88)}\n\n`);
  process.exit(NO_ELECTRON);
}

/** Wraps at spaces, never inside a `command`, so every command stays on one line to copy. */
function wrap(text, width) {
  const words = text.match(/(?:`[^`]*`|\S)+/g) ?? [];
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The binary, downloading it first when it is missing; explains and exits when there is none. */
function ensureBinary() {
  const packageDir = findElectronPackage();
  if (!packageDir) explain('the electron package itself is not installed (run `npm ci` first)');
  let found = locateBinary(packageDir);
  // Missing: download it, as the electron package would. Present but broken: a download
  // would not replace it (the installer only checks that the file exists), so explain.
  if (!found.binary) {
    const failure = download(packageDir);
    if (failure) explain(`${found.problem}, and ${failure}`);
    found = locateBinary(packageDir);
    if (!found.binary) explain(`${found.problem} even after its download`);
  }
  if (found.problem) explain(`${found.problem}; ${redownload(packageDir)} to download it again`);
  return { binary: found.binary, packageDir };
}

/** How to make the electron package download its binary afresh. */
function redownload(packageDir) {
  return `delete ${shown(path.join(packageDir, 'dist'))} and ${shown(path.join(packageDir, 'path.txt'))}`;
}

const { binary, packageDir } = ensureBinary();
if (checkOnly) process.exit(0);

const child = spawn(binary, electronArgs, { stdio: 'inherit', windowsHide: false });

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of SIGNALS) process.on(signal, forward);

child.on('error', (error) => explain(`${shown(binary)} could not be started (${error.message})`));

child.on('exit', (code, signal) => {
  for (const name of SIGNALS) process.off(name, forward);
  if (signal && SIGNALS.includes(signal)) {
    // Die the same way, so the shell (and npm) see the signal, not a made-up code.
    process.kill(process.pid, signal);
    return;
  }
  if (signal) {
    // A crash (SIGSEGV, SIGABRT) or SIGKILL: raising it here too would only add a core dump.
    process.stderr.write(`Electron was ended by ${signal}.\n`);
    process.exit(NO_ELECTRON);
  }
  if (code === COULD_NOT_START) {
    // Electron itself never exits with 127: the dynamic loader does when a system library
    // is missing, and so does the shell the system falls back to for a damaged binary.
    const text =
      `Electron exited with code ${COULD_NOT_START}: it could not start. Most often a system library it needs is missing ` +
      '(the message above names it; install it with your package manager), or the binary is damaged ' +
      `(${redownload(packageDir)}, then run \`npm start\` again with network access). ` +
      'What works right now, without Electron: `npm run web -- --demo` and the command line (`npm run build`, then `node dist/cli/cv-steward.cjs --help`).';
    process.stderr.write(`\n${wrap(text, 88)}\n\n`);
  }
  process.exit(code ?? NO_ELECTRON);
});
