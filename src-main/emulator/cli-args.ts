/** Flags of `npm run emulator -- …` → EmulatorOptions; separate from process wiring for tests. */
import { partialRuntimeConfigSchema, type EmulatorOptions, type PartialRuntimeConfig } from './options';
import { QUIRK_NAMES, splitQuirkList } from './quirks';

export type CliParse = { kind: 'run'; options: EmulatorOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `Usage: npm run -s emulator -- [options]

Starts the local Custom Vision Training API emulator on 127.0.0.1. The first line on
stdout is "ENDPOINT=<url> KEY=<training key>".

Options:
  --port N              port to listen on (default: a free port)
  --key K               Training-Key to accept (default: 32 random hex digits)
  --seed demo|empty|FILE  initial data: the built-in demo account, nothing, or a seed
                        JSON file (default: demo, or empty when --images is given)
  --images N            add a generated project with N images (bytes made on request)
  --tps N               API calls per second before 429 (default 10; 0 = unlimited)
  --latency-ms N        delay added to every API response (default 0)
  --bandwidth-kbps N    total blob download bandwidth in kilobits/s (default 0 = unlimited)
  --fail-rate F         fraction of API calls answered 500/503 (default 0)
  --reset-rate F        fraction of requests whose connection is reset mid-way (default 0)
  --truncate-rate F     fraction of responses cut short (default 0)
  --sas-ttl-s N         lifetime of blob URLs in seconds (default 86400)
  --fault-seed S        seed of the fault generator (default "cv-emulator")
  --training-delay-ms N TrainProject: Training → Completed after N ms (default 300)
  --export-delay-ms N   ExportIteration: Exporting → Done after N ms (default 500)
  --delete-delay-ms N   DeleteImages with allImages/allIterations completes after N ms (default 200)
  --quirks a,b          opt-in behaviours the real service can show (default none):
                        ${QUIRK_NAMES.slice(0, 4).join(', ')},
                        ${QUIRK_NAMES.slice(4, 8).join(', ')},
                        ${QUIRK_NAMES.slice(8).join(', ')}
  --gateway-404 A,B     answer these operations (operationIds, e.g. GetImagesByIds,GetProject)
                        with the gateway's 404 "Resource not found" (default none)
  --help                show this help
`;

const NUMERIC: Record<string, keyof PartialRuntimeConfig> = {
  '--tps': 'tps',
  '--latency-ms': 'latencyMs',
  '--bandwidth-kbps': 'bandwidthKbps',
  '--fail-rate': 'failRate',
  '--reset-rate': 'resetRate',
  '--truncate-rate': 'truncateRate',
  '--sas-ttl-s': 'sasTtlSeconds',
  '--training-delay-ms': 'trainingDelayMs',
  '--export-delay-ms': 'exportDelayMs',
  '--delete-delay-ms': 'deleteDelayMs',
};
const OTHER = new Set(['--port', '--key', '--seed', '--images', '--fault-seed', '--quirks', '--gateway-404']);
/** Settings whose flag is not in NUMERIC, for error messages. */
const LIST_FLAGS: Record<string, string> = { quirks: '--quirks', gateway404Operations: '--gateway-404' };

function wholeNumber(flag: string, text: string, max: number): number | string {
  if (!/^\d+$/.test(text) || Number(text) > max) return `${flag} needs a whole number from 0 to ${max}, got "${text.slice(0, 40)}"`;
  return Number(text);
}

export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: EmulatorOptions = {};
  const config: Record<string, number | string[]> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(flag in NUMERIC) && !OTHER.has(flag)) return { kind: 'error', message: `unknown option "${arg.slice(0, 40)}"` };
    let value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (eq < 0) i += 1;
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { kind: 'error', message: `${flag} needs a value` };
    value = value.trim();
    const configKey = NUMERIC[flag];
    if (configKey) {
      const number = Number(value);
      if (!Number.isFinite(number)) return { kind: 'error', message: `${flag} needs a number, got "${value.slice(0, 40)}"` };
      config[configKey] = number;
      continue;
    }
    if (flag === '--port') {
      const port = wholeNumber(flag, value, 65_535);
      if (typeof port === 'string') return { kind: 'error', message: port };
      options.port = port;
    } else if (flag === '--images') {
      const images = wholeNumber(flag, value, 1_000_000);
      if (typeof images === 'string') return { kind: 'error', message: images };
      options.images = images;
    } else if (flag === '--key') {
      if (!/^[\x21-\x7e]{1,256}$/.test(value)) return { kind: 'error', message: '--key must be 1 to 256 visible ASCII characters' };
      options.key = value;
    } else if (flag === '--quirks') {
      // Checked with the other settings below (unknown names → the list of valid ones).
      config.quirks = splitQuirkList(value);
    } else if (flag === '--gateway-404') {
      // Checked with the other settings below (unknown operations → the list of valid ones).
      config.gateway404Operations = splitQuirkList(value);
    } else if (flag === '--seed') {
      options.seed = value === 'demo' || value === 'empty' ? value : { file: value };
    } else {
      options.faultSeed = value;
    }
  }
  const checked = partialRuntimeConfigSchema.safeParse(config);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const setting = String(issue?.path[0] ?? '');
    const flag = LIST_FLAGS[setting] ?? Object.keys(NUMERIC).find((f) => NUMERIC[f] === setting) ?? 'option';
    return { kind: 'error', message: `${flag}: ${issue?.message ?? 'invalid value'}` };
  }
  Object.assign(options, checked.data);
  options.seed ??= options.images ? 'empty' : 'demo';
  return { kind: 'run', options };
}
