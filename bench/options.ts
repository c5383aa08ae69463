/** Command-line options of `npm run bench -- [options]` and the sizes they select. */

export type FigureGroup = 'calls' | 'time' | 'memory' | 'delete';

export interface BenchOptions {
  quick: boolean;
  only: FigureGroup | undefined;
  json: boolean;
  /** Parent folder for the bundles (default: the OS temp folder); they are removed at the end unless keep. */
  outDir: string | undefined;
  keep: boolean;
  /** Network model of the calls/time run. */
  latencyMs: number;
  blobLatencyMs: number;
  tps: number;
  /** The bandwidth cap is sized so the account's blob bytes take this long. */
  bandwidthSeconds: number;
  /** Account sizes. */
  timeImages: number;
  baselineImages: number;
  memoryImages: number;
  /** Images the deletion figure deletes (one project; the memory account's shape). */
  deleteImages: number;
  /** Extra node flags for the export process (e.g. a heap cap), to try a fix. */
  exportNodeFlags: string[];
  /** Parallel downloads of the export; undefined = the engine's default. */
  concurrency: number | undefined;
  /** Heap cap of the export worker (old and young generation, MB); undefined = the app's own. */
  exportHeapMb: number | undefined;
  exportYoungMb: number | undefined;
}

export const USAGE = `Usage: npm run bench -- [options]

  --quick                 small sizes for a smoke run (NOT the official figures)
  --only calls|time|memory|delete  run one group of figures (calls and time share one export)
  --json                  the table goes to stderr; stdout is one JSON line
  --out-dir DIR           where the bundles are written (default: the OS temp folder)
  --keep                  keep the bundles afterwards
  --latency-ms N          emulator latency on API calls (default 50)
  --blob-latency-ms N     latency on each blob download (default: same as --latency-ms)
  --bandwidth-seconds N   size the bandwidth cap so blob bytes take N s (default 40)
  --images N              images in the calls/time account (default 5000)
  --baseline-images N     images the SDK baseline downloads before extrapolating (default 500)
  --memory-images N       images in the memory account (default 100000)
  --delete-images N       images the deletion figure deletes (default 100000)
  --export-node-flags "F" node flags for the export process, e.g. "--max-old-space-size=160"
  --concurrency N         parallel downloads of the export (default: the engine's own default)
  --export-heap-mb N      first old-generation cap of the export worker (default: the app's own)
  --export-young-mb N     young-generation cap of the export worker (default: the app's own)
`;

const DEFAULTS: BenchOptions = {
  quick: false,
  only: undefined,
  json: false,
  outDir: undefined,
  keep: false,
  latencyMs: 50,
  blobLatencyMs: 50,
  tps: 10,
  bandwidthSeconds: 40,
  timeImages: 5_000,
  baselineImages: 500,
  memoryImages: 100_000,
  deleteImages: 100_000,
  exportNodeFlags: [],
  concurrency: undefined,
  exportHeapMb: undefined,
  exportYoungMb: undefined,
};

const QUICK: Partial<BenchOptions> = { bandwidthSeconds: 5, timeImages: 500, baselineImages: 100, memoryImages: 5_000, deleteImages: 5_000 };

const NUMERIC: Record<string, keyof BenchOptions> = {
  '--latency-ms': 'latencyMs',
  '--blob-latency-ms': 'blobLatencyMs',
  '--bandwidth-seconds': 'bandwidthSeconds',
  '--images': 'timeImages',
  '--baseline-images': 'baselineImages',
  '--memory-images': 'memoryImages',
  '--delete-images': 'deleteImages',
  '--concurrency': 'concurrency',
  '--export-heap-mb': 'exportHeapMb',
  '--export-young-mb': 'exportYoungMb',
};

export function parseOptions(argv: readonly string[]): BenchOptions | { error: string } | 'help' {
  const given: Partial<Record<keyof BenchOptions, unknown>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const value = argv[i + 1];
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--quick') given.quick = true;
    else if (arg === '--json') given.json = true;
    else if (arg === '--keep') given.keep = true;
    else if (arg === '--only') {
      if (value !== 'calls' && value !== 'time' && value !== 'memory' && value !== 'delete') return { error: '--only takes calls, time, memory or delete' };
      given.only = value;
      i += 1;
    } else if (arg === '--export-node-flags') {
      if (value === undefined) return { error: '--export-node-flags takes a quoted list of node flags' };
      given.exportNodeFlags = value.split(/\s+/).filter((flag) => flag !== '');
      i += 1;
    } else if (arg === '--out-dir') {
      if (value === undefined) return { error: '--out-dir takes a folder' };
      given.outDir = value;
      i += 1;
    } else if (arg in NUMERIC) {
      const number = Number(value);
      if (value === undefined || !Number.isFinite(number) || number < 0) return { error: `${arg} takes a number ≥ 0` };
      given[NUMERIC[arg] as keyof BenchOptions] = number;
      i += 1;
    } else return { error: `unknown option ${arg}` };
  }
  const options: BenchOptions = { ...DEFAULTS, ...(given.quick === true ? QUICK : {}), ...given } as BenchOptions;
  if (given.blobLatencyMs === undefined) options.blobLatencyMs = options.latencyMs;
  if (options.baselineImages < 1 || options.timeImages < 20 || options.memoryImages < 20 || options.deleteImages < 20) return { error: 'the account sizes are too small' };
  if ((options.exportHeapMb ?? 8) < 8 || (options.exportYoungMb ?? 1) < 1) return { error: 'the export worker needs at least 8 MB of old and 1 MB of young generation' };
  return options;
}

/** True if the run is the official configuration (every figure at its documented size). */
export function isOfficial(options: BenchOptions): boolean {
  return (Object.keys(DEFAULTS) as Array<keyof BenchOptions>).every(
    (key) => ['only', 'json', 'outDir', 'keep'].includes(key) || (key === 'exportNodeFlags' ? options.exportNodeFlags.length === 0 : options[key] === DEFAULTS[key]),
  );
}
