// Preloaded (NODE_OPTIONS=--require) into the electron-builder run of the packaging check
// and every Node process it starts. The check must work offline: electronDist replaces the
// Electron download and npmRebuild is off, so any connection to another host means
// something in electron-builder.yml now needs a download (an Electron zip, headers, a
// toolset). Rather than hang on a machine without network, or pass on one with it, the run
// stops at once and says what it tried to reach. Loopback and local sockets stay allowed.
'use strict';

// A --require preload runs before any ES module loader, so this file is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const net = require('node:net');

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** host:port (or socket path) a Socket#connect call is aimed at, or null for a local one. */
function remoteTarget(args) {
  // net.connect/http/tls hand over [options, callback] as one "normalized" array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    if (typeof first.path === 'string') return null;
    const host = typeof first.host === 'string' ? first.host : 'localhost';
    return LOOPBACK.has(host) ? null : `${host}:${String(first.port)}`;
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const host = typeof args[1] === 'string' ? args[1] : 'localhost';
    return LOOPBACK.has(host) ? null : `${host}:${String(first)}`;
  }
  return null; // a path: a Unix socket or a Windows pipe
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectLocalOnly(...args) {
  const target = remoteTarget(args);
  if (target !== null) {
    process.stderr.write(
      `\nPACKAGING CHECK: a network connection was attempted (${target}) by ${process.argv.slice(1).join(' ')}.\n` +
        'The packaging check runs offline: electronDist stands in for the Electron download and npmRebuild is off.\n' +
        'Something in electron-builder.yml (or the check) now needs a download; make it local or skip it in the check.\n',
    );
    process.exit(3);
  }
  return connect.apply(this, args);
};
