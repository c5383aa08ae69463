/**
 * `npm run web`: start the harness and print where it keeps data and its URL (`--open`
 * also opens the system browser). The options are in harness-options.ts (`--help`).
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from './harness-server';
import { defaultHarnessDataDir, harnessUsage, HarnessUsageError, parseHarnessArgs, type ParsedHarnessArgs } from './harness-options';

declare const __APP_VERSION__: string;

async function main(): Promise<void> {
  const defaultDataDir = defaultHarnessDataDir(process.env, process.platform, homedir());
  let parsed: ParsedHarnessArgs;
  try {
    parsed = parseHarnessArgs(process.argv.slice(2), defaultDataDir);
  } catch (error) {
    if (!(error instanceof HarnessUsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  if (parsed.kind === 'help') {
    process.stdout.write(harnessUsage(defaultDataDir));
    return;
  }
  const { options } = parsed;
  const root = join(__dirname, '..');
  const harness = await startHarness({
    port: options.port,
    dataDir: options.dataDir,
    demo: options.demo,
    keychainService: options.keychainService,
    pickFolder: options.pickFolder,
    ...(options.demoLatencyMs > 0 ? { demoLatencyMs: options.demoLatencyMs } : {}),
    rendererDir: join(root, 'dist', 'renderer'),
    bridgeFile: join(__dirname, 'bridge.js'),
    version: __APP_VERSION__,
    log: (line) => console.error(`[harness] ${line}`),
  });
  // Plans and receipts are kept there after the harness stops: say where, once.
  console.log(`CV Steward harness data (settings, plans, receipts, logs): ${options.dataDir}`);
  // Tests read this exact line to find the URL.
  console.log(`CV Steward harness: ${harness.url}`);
  if (options.open) openInBrowser(harness.url);
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
