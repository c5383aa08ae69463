/**
 * `npm run web`: start the harness and print its URL (`--open` also opens the system
 * browser). Flags: --port N (default: a free port), --data-dir DIR, --open, --demo (connect
 * the built-in demo account), --keychain-service NAME (keeps test keys apart from the app's),
 * --pick-folder DIR (what "Choose folder…" answers, since a page cannot show the native dialog),
 * --demo-latency-ms N (the demo account's emulator answers N ms late: tests that stop mid-export).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './harness-server';

declare const __APP_VERSION__: string;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      'keychain-service': { type: 'string' },
      'pick-folder': { type: 'string' },
      'demo-latency-ms': { type: 'string' },
    },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
    process.exit(2);
  }
  const latency = values['demo-latency-ms'] === undefined ? 0 : Number(values['demo-latency-ms']);
  if (!Number.isInteger(latency) || latency < 0 || latency > 600_000) {
    console.error(`--demo-latency-ms must be a number of milliseconds, not "${values['demo-latency-ms']}"`);
    process.exit(2);
  }
  const root = join(__dirname, '..');
  const harness = await startHarness({
    port,
    dataDir: values['data-dir'],
    demo: values.demo,
    keychainService: values['keychain-service'],
    pickFolder: values['pick-folder'],
    ...(latency > 0 ? { demoLatencyMs: latency } : {}),
    rendererDir: join(root, 'dist', 'renderer'),
    bridgeFile: join(__dirname, 'bridge.js'),
    version: __APP_VERSION__,
    log: (line) => console.error(`[harness] ${line}`),
  });
  // Tests read this exact line to find the URL.
  console.log(`CV Steward harness: ${harness.url}`);
  if (values.open) openInBrowser(harness.url);
  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`Could not open a browser; open ${url} yourself.`));
  child.unref();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
