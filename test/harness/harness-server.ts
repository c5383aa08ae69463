/**
 * The browser harness: runs `createServices` in plain Node, serves the built
 * renderer on 127.0.0.1 and supplies `window.steward` over a WebSocket, validated by the
 * same dispatcher Electron uses. Only pages served by this harness may connect — the
 * equivalent of Electron's "main frame of our own window" check.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createServices } from '../../src-main/services';
import { createDispatcher } from '../../src-main/ipc/dispatcher';
import type { IpcResult } from '../../shared/ipc/errors';
import { z } from 'zod';
import { HARNESS_WS_PATH, type ClientMessage, type ServerMessage } from './bridge-protocol';
import { serveStatic, type StaticFiles } from './static-files';
import { KeytarSecretStore, type SecretStore } from '../../src-main/secrets';
import { createConfStore } from '../../src-main/settings';
import { startEmulator } from '../../src-main/emulator';
import type { DemoAccount } from '../../src-main/accounts';

export interface HarnessOptions extends StaticFiles {
  port?: number;
  /**
   * Folder for settings, plans, receipts and logs. Always given, and never removed here: a
   * receipt is the proof of a deletion and must outlive the harness (main.ts picks the OS
   * data folder when the user names none; tests pass a temporary one).
   */
  dataDir: string;
  version: string;
  log?: (line: string) => void;
  /** The real OS keychain by default; the service name keeps test entries apart from the app's. */
  secrets?: SecretStore;
  keychainService?: string;
  /** Connect the built-in demo account at start (`npm run web -- --demo`). */
  demo?: boolean;
  /**
   * Stands in for the native folder dialog, which a browser page cannot show: every
   * "Choose folder…" picks this folder (a fresh temporary one when omitted).
   */
  pickFolder?: string;
  /** Delays every answer of the demo account's emulator, so a test can stop the app mid-export (`--demo-latency-ms`). */
  demoLatencyMs?: number;
}

export interface Harness {
  url: string;
  close(): Promise<void>;
}

const ClientMessageSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(200),
  payload: z.unknown(),
}) satisfies z.ZodType<ClientMessage>;

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from CV Steward’s own page and was refused.' },
};

async function newBundleFolder(dataDir: string): Promise<string> {
  const parent = join(dataDir, 'bundles');
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, 'bundle-'));
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const log = options.log ?? (() => undefined);
  const { dataDir } = options;
  await mkdir(dataDir, { recursive: true }).catch((error: unknown) => {
    throw new Error(`The data folder ${dataDir} cannot be created: ${error instanceof Error ? error.message : String(error)}`);
  });
  const services = createServices({
    dataDir,
    secrets: options.secrets ?? new KeytarSecretStore({ service: options.keychainService ?? 'cv-steward' }),
    // Without a folder given, "Choose folder…" answers a new empty folder inside the data
    // folder: a bundle is the user's copy of their data and must outlive the harness
    // (a temporary folder may be emptied by the OS).
    pickFolder: async () => options.pickFolder ?? (await newBundleFolder(dataDir)),
    // A page cannot open the system browser or a file: the harness records what the app
    // would open (tests read these lines from its output).
    openExternal: async (url) => log(`open external: ${url}`),
    openPath: async (path) => log(`open file: ${path}`),
    ...(options.demoLatencyMs ? { demo: slowDemoAccount(options.demoLatencyMs) } : {}),
    // Likewise the file manager: "Show in folder" is recorded, never performed.
    showItemInFolder: async (path) => log(`show in folder: ${path}`),
    logsDir: join(dataDir, 'logs'),
    settingsStore: createConfStore({ cwd: dataDir, onWarning: (warning) => log(`settings: ${warning}`) }),
    appInfo: {
      name: 'CV Steward',
      version: options.version,
      platform: process.platform,
      arch: process.arch,
      runtime: 'harness',
      versions: { node: process.versions.node },
    },
    reportError: (context, error) => log(`error in ${context}: ${error instanceof Error ? error.message : String(error)}`),
  });
  const dispatch = createDispatcher(services.handlers, {
    onInternalError: (channel, error) => log(`internal error in ${channel}: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (options.demo) await services.accounts.startDemo();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    serveStatic(url.pathname, options, response).catch((error: unknown) => {
      log(`static error: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const sockets = new WebSocketServer({ server, path: HARNESS_WS_PATH });
  const clients = new Set<WebSocket>();
  const unsubscribe = services.events.subscribe((event, payload) => {
    const message = JSON.stringify({ kind: 'event', event, payload } satisfies ServerMessage);
    for (const client of clients) client.send(message);
  });

  sockets.on('connection', (socket, request) => {
    const trusted = isOwnPage(request, origin, port);
    if (trusted) clients.add(socket);
    else log(`refused a connection from origin ${request.headers.origin ?? '(none)'}`);
    socket.on('close', () => clients.delete(socket));
    socket.on('message', (raw) => {
      const parsed = ClientMessageSchema.safeParse(safeJson(raw.toString()));
      if (!parsed.success) return socket.close(1008, 'malformed message');
      const { id, channel, payload } = parsed.data;
      const reply = (result: unknown) => socket.send(JSON.stringify({ kind: 'result', id, result } satisfies ServerMessage));
      if (!trusted) return reply(FORBIDDEN);
      dispatch(channel, payload).then(reply, (error: unknown) => log(`dispatch failed: ${String(error)}`));
    });
  });

  return {
    url: `${origin}/`,
    async close() {
      unsubscribe();
      await services.dispose();
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Our page is same-origin and addressed by IP or localhost (guards against DNS rebinding). */
function isOwnPage(request: IncomingMessage, origin: string, port: number): boolean {
  const host = request.headers.host;
  return request.headers.origin === origin && (host === `127.0.0.1:${port}` || host === `localhost:${port}`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The demo account (demo seed, in this process) with every answer delayed by `latencyMs`. */
function slowDemoAccount(latencyMs: number): DemoAccount {
  let running: ReturnType<typeof startEmulator> | null = null;
  return {
    async start() {
      running ??= startEmulator({ seed: 'demo', port: 0, latencyMs });
      const emulator = await running;
      return { endpoint: emulator.endpoint, key: emulator.key };
    },
    async stop() {
      const current = running;
      running = null;
      if (current) await (await current).close();
    },
  };
}
