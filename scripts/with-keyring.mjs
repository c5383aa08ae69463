#!/usr/bin/env node
// Usage: node scripts/with-keyring.mjs <command> [args…]
//
// Runs a command where keytar can reach a real OS keychain. On a Linux machine without a
// desktop session (CI, containers, SSH) there is no D-Bus session bus and so no Secret
// Service; this starts a private session bus with dbus-run-session, starts GNOME Keyring in
// it with a fresh login keyring unlocked by a throwaway password, and runs the command
// there. Everywhere else (macOS, Windows, a Linux desktop whose session bus is already set)
// the command runs as is.
//
// The keyring lives in a temporary folder (XDG_DATA_HOME for the daemon only), not in
// ~/.local/share/keyrings: an existing login keyring there has some other password, cannot
// be unlocked by ours, and must not be touched. The folder is removed afterwards.
// The password is random, never printed, never on a command line, and not passed on to the
// command. The command's exit code is passed through; signals sent to this script are passed
// on to the command.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('Usage: node scripts/with-keyring.mjs <command> [args…]\n');
  process.exit(2);
}

/** True when `name` is an executable on PATH. */
function onPath(name) {
  return spawnSync('sh', ['-c', 'command -v "$1" >/dev/null 2>&1', 'sh', name]).status === 0;
}

function needsPrivateKeyring() {
  if (process.platform !== 'linux') return false;
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((tool) => !onPath(tool));
  if (missing.length > 0) {
    process.stderr.write(
      `with-keyring: warning: no D-Bus session and ${missing.join(' and ')} not found, so there is no OS keychain; ` +
        'running the command without one (keychain tests will fail unless CV_STEWARD_SKIP_KEYCHAIN_TESTS=1). ' +
        'On Debian/Ubuntu: apt-get install dbus gnome-keyring libsecret-1-0\n',
    );
    return false;
  }
  return true;
}

// Inside the private session: read the password into an unexported variable, unlock (create)
// the login keyring with it, then wait until the daemon owns org.freedesktop.secrets on the
// bus (it takes a moment after --unlock returns; a command that asked earlier would have
// D-Bus start a second daemon on the user's real, locked keyring). Note the daemon's pid (it
// can outlive a short session bus, so this script stops it afterwards) and our own pid (the
// command's, after exec, so signals can reach it), then become the command.
const SESSION_SCRIPT = String.raw`
pw=$CV_STEWARD_KEYRING_PW; unset CV_STEWARD_KEYRING_PW
dir=$CV_STEWARD_KEYRING_DIR; unset CV_STEWARD_KEYRING_DIR
printf %s "$pw" | XDG_DATA_HOME="$dir" XDG_RUNTIME_DIR="$dir" gnome-keyring-daemon --unlock --components=secrets >/dev/null ||
  { echo "with-keyring: gnome-keyring-daemon could not start or unlock a keyring" >&2; exit 70; }
unset pw
tries=0
while :; do
  daemon=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus     org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
    sed -n 's/.*uint32 \([0-9][0-9]*\).*//p')
  [ -n "$daemon" ] && break
  tries=$((tries + 1))
  if [ "$tries" -ge 50 ]; then echo "with-keyring: warning: the keyring did not appear on the session bus" >&2; break; fi
  sleep 0.1
done
echo "$daemon" > "$dir/daemon.pid"
echo $$ > "$dir/command.pid"
exec "$@"
`;

let child;
let keyringDir;
if (needsPrivateKeyring()) {
  keyringDir = mkdtempSync(path.join(tmpdir(), 'cv-steward-keyring-'));
  child = spawn('dbus-run-session', ['--', 'sh', '-c', SESSION_SCRIPT, 'sh', command, ...args], {
    stdio: 'inherit',
    env: { ...process.env, CV_STEWARD_KEYRING_PW: randomBytes(24).toString('hex'), CV_STEWARD_KEYRING_DIR: keyringDir },
  });
} else if (command === 'npm' && process.env.npm_execpath) {
  // `npm test` started us: run the same npm with the same Node. On Windows `npm` is
  // npm.cmd, which spawn cannot start without a shell.
  child = spawn(process.execPath, [process.env.npm_execpath, ...args], { stdio: 'inherit' });
} else {
  child = spawn(command, args, { stdio: 'inherit' });
}

function readPid(name) {
  try {
    const pid = Number(readFileSync(path.join(keyringDir, name), 'utf8').trim());
    if (Number.isInteger(pid) && pid > 1) return pid;
  } catch {
    // Not written (yet).
  }
  return undefined;
}

/** The command's own pid: inside dbus-run-session it is a grandchild of this script. */
function commandPid() {
  if (!keyringDir) return child.pid;
  // Before the command started, fall back to dbus-run-session itself.
  return readPid('command.pid') ?? child.pid;
}

// Killing dbus-run-session would orphan the command, so signals go to the command; when it
// exits, dbus-run-session ends the bus (and with it the keyring daemon) and exits too.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => {
  const pid = commandPid();
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
};
for (const signal of SIGNALS) process.on(signal, forward);

function cleanup() {
  if (!keyringDir) return;
  const daemon = readPid('daemon.pid');
  if (daemon !== undefined) {
    try {
      process.kill(daemon, 'SIGTERM');
    } catch {
      // Already gone with its bus.
    }
  }
  rmSync(keyringDir, { recursive: true, force: true });
}

child.on('error', (error) => {
  cleanup();
  process.stderr.write(`with-keyring: could not run ${keyringDir ? 'dbus-run-session' : command}: ${error.message}\n`);
  process.exit(127);
});

child.on('exit', (code, signal) => {
  cleanup();
  for (const name of SIGNALS) process.off(name, forward);
  if (signal) {
    // Die the same way, so callers (shells, CI) see the signal, not a made-up code.
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
