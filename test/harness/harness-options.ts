/**
 * The harness's command line (`npm run web -- …`): its options, its --help, and where it
 * keeps data when --data-dir is not given.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { userDataDir, type Env } from '../../src-main/settings/app-data-dir';

/**
 * The harness's own folder name under the OS data folder: next to the desktop app's
 * "CV Steward", never inside it, so the two never share one settings file or plan list.
 */
export const HARNESS_DATA_FOLDER_NAME = 'CV Steward (web harness)';

export interface HarnessCommandLine {
  port: number;
  dataDir: string;
  open: boolean;
  demo: boolean;
  keychainService?: string;
  pickFolder?: string;
  demoLatencyMs: number;
}

export type ParsedHarnessArgs = { kind: 'help' } | { kind: 'run'; options: HarnessCommandLine };

/** Bad arguments: the message says which and what is expected (exit 2). */
export class HarnessUsageError extends Error {}

/**
 * Plans, receipts, logs and settings must outlive the harness (a receipt is the proof of a
 * deletion), so by default they go where the desktop app keeps its own, under the harness's name.
 */
export function defaultHarnessDataDir(env: Env, platform: NodeJS.Platform, home: string): string {
  return userDataDir(HARNESS_DATA_FOLDER_NAME, env, platform, home);
}

/** One line per option: [flag, what it does]. The order of --help. */
const OPTIONS = (defaultDataDir: string): ReadonlyArray<readonly [string, string]> => [
  ['--port N', 'listen on 127.0.0.1:N (default: a free port)'],
  ['--data-dir DIR', `keep settings, accounts, plans, receipts and logs in DIR (default: ${defaultDataDir})`],
  ['--open', 'open the page in the system browser (npm run web passes it)'],
  ['--demo', 'connect the built-in demo account at start (no Azure subscription needed)'],
  ['--keychain-service NAME', 'keep keys under this OS keychain service (default: cv-steward, the app\'s own)'],
  ['--pick-folder DIR', 'what "Choose folder…" answers, as a page cannot show the native dialog (default: a new folder under the data folder\'s bundles/)'],
  ['--demo-latency-ms N', 'the demo account answers N ms late (tests use it to stop the app mid-export)'],
  ['--help', 'show this help'],
];

export function harnessUsage(defaultDataDir: string): string {
  const options = OPTIONS(defaultDataDir);
  const width = Math.max(...options.map(([flag]) => flag.length));
  return [
    'Usage: npm run web -- [options]   (or, once built: node dist-harness/harness.cjs [options])',
    '',
    "The browser harness: CV Steward's real interface in your browser, its services in this Node process.",
    'It prints the page\'s address; "Open" and "Show in folder" are printed, not performed.',
    '',
    'Options:',
    ...options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    '',
  ].join('\n');
}

/** Parses the harness's arguments; throws HarnessUsageError with a specific message. */
export function parseHarnessArgs(args: readonly string[], defaultDataDir: string): ParsedHarnessArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        open: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        'keychain-service': { type: 'string' },
        'pick-folder': { type: 'string' },
        'demo-latency-ms': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // parseArgs says what is wrong ("Unknown option '--prot'"); add where the right ones are.
    throw new HarnessUsageError(`${error instanceof Error ? error.message : String(error)}. Run "npm run web -- --help" for the options.`);
  }
  if (values.help) return { kind: 'help' };
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HarnessUsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const latency = values['demo-latency-ms'] === undefined ? 0 : Number(values['demo-latency-ms']);
  if (!Number.isInteger(latency) || latency < 0 || latency > 600_000) {
    throw new HarnessUsageError(`--demo-latency-ms must be a number of milliseconds from 0 to 600000, not "${values['demo-latency-ms']}"`);
  }
  const dataDir = values['data-dir']?.trim();
  if (values['data-dir'] !== undefined && !dataDir) throw new HarnessUsageError('--data-dir needs a folder, not an empty string');
  return {
    kind: 'run',
    options: {
      port,
      dataDir: dataDir ? resolve(dataDir) : defaultDataDir,
      open: values.open,
      demo: values.demo,
      keychainService: values['keychain-service'],
      pickFolder: values['pick-folder'],
      demoLatencyMs: latency,
    },
  };
}
