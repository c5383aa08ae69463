/**
 * One chaos scenario: an emulated account with some faults on, exported by the real
 * `cv-steward export` (worker thread and all) into one folder; the process is SIGKILLed
 * at seeded moments and run again until it finishes; a full disk is a first run through
 * a disk that fills up. The result is then compared, file by file and id by id, with the
 * emulator's own data (ground-truth.ts), and verify must pass.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_CATEGORIES } from '../../shared/model/bundle';
import { createTrainingClient, RateLimiterRegistry } from '../../src-main/customvision';
import { startEmulator, type PartialRuntimeConfig, type RunningEmulator } from '../../src-main/emulator';
import { readManifest, runExport, verifyBundle } from '../../src-main/export';
import { nodeBundleFs, type BundleFs } from '../../src-main/export/bundle-fs';
import { JobProgress } from '../../src-main/jobs';
import { chaosSeed } from './chaos-seed';
import { compareBundle, groundTruth } from './ground-truth';

export interface Scenario {
  /** The table's first column. */
  fault: string;
  images: number;
  /** Images per shared `created` value (1 = none shared). */
  batch: number;
  /** Emulator faults and quirks during the export. */
  faults: PartialRuntimeConfig;
  /** SIGKILLs to deliver, each at a seeded moment of a run. */
  kills: number;
  /** A first run through a disk that is full after this many bytes. */
  diskFullAfterBytes?: number;
  /** Seeds the kill moments and the emulator's faults. */
  seed: string;
}

export interface ScenarioResult {
  fault: string;
  runs: number;
  kills: number;
  /** Files and record ids compared with the emulator's data. */
  checked: number;
  lost: number;
  wrong: number;
  /** Downloads of a file the run had already downloaded once (retries after faults, files in flight at a kill). */
  redownloaded: number;
  seconds: number;
  /** verify passed and the manifest says complete. */
  verified: boolean;
  /** Why a scenario is not clean: first lost/wrong items, the last run's error. */
  notes: string[];
}

export interface ScenarioEnv {
  /** The built cv-steward (with export-worker.cjs beside it). */
  cliPath: string;
  /** node_modules for the built CLI's external packages (keytar). */
  nodePath: string;
  /** Stop after this many runs without success. Default 12 + kills. */
  maxRuns?: number;
}

export async function runScenario(scenario: Scenario, env: ScenarioEnv): Promise<ScenarioResult> {
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'cv-chaos-'));
  const folder = join(work, 'bundle');
  const emu = await startEmulator({
    seed: chaosSeed({ images: scenario.images, batch: scenario.batch }),
    tps: 0,
    trainingDelayMs: 10,
    exportDelayMs: 10,
    faultSeed: scenario.seed,
  });
  const notes: string[] = [];
  try {
    const truth = await groundTruth(emu);
    emu.resetStats();
    emu.configure(scenario.faults);
    const nextMoment = killMoments(scenario.seed);
    let runs = 0;
    let kills = 0;
    let finished = false;
    const maxRuns = env.maxRuns ?? 12 + 2 * scenario.kills;

    if (scenario.diskFullAfterBytes !== undefined) {
      runs += 1;
      const outcome = await runInProcess(emu, folder, quotaFs(scenario.diskFullAfterBytes));
      if (outcome !== 'DISK_FULL') notes.push(`the full-disk run ended with ${outcome}, not DISK_FULL`);
    }
    // Runs until every kill has landed and a run has then finished: a run that ends before
    // its kill moment is simply followed by another with a new moment (a resume's re-check
    // of saved files is a moment like any other).
    while ((!finished || kills < scenario.kills) && runs < maxRuns) {
      runs += 1;
      const remaining = Math.max(1, truth.files.size - (await journalLines(folder)));
      const run = await runCli(emu, folder, env, kills < scenario.kills ? nextMoment(remaining) : undefined);
      if (run.killed) {
        kills += 1;
        finished = false;
      } else if (run.code === 0) finished = true;
      else notes.push(`run ${runs} exited ${run.code}: ${run.lastLine}`);
    }
    // Compare with no fault or quirk in the way.
    emu.configure({ resetRate: 0, truncateRate: 0, failRate: 0, tps: 0, quirks: [] });
    const comparison = await compareBundle(folder, truth).catch((error: unknown) => {
      notes.push(`the bundle could not be compared: ${error instanceof Error ? error.message : String(error)}`);
      return { checked: 0, lost: [...truth.files.keys()], wrong: [] };
    });
    const verify = await verifyBundle(folder);
    const manifest = await readManifest(folder).catch(() => undefined);
    const verified = verify.ok && manifest?.status === 'complete';
    if (!finished) notes.push(`no run finished in ${runs} runs`);
    if (!verified) notes.push(`verify: ${[...verify.problems, ...verify.missing, ...verify.altered, ...verify.truncated, ...verify.extra].slice(0, 3).join('; ')}`);
    notes.push(...comparison.lost.slice(0, 3).map((item) => `lost ${item}`), ...comparison.wrong.slice(0, 3).map((item) => `wrong ${item}`));
    return {
      fault: scenario.fault,
      runs,
      kills,
      checked: comparison.checked,
      lost: comparison.lost.length,
      wrong: comparison.wrong.length,
      redownloaded: redownloads(emu),
      seconds: (Date.now() - started) / 1000,
      verified,
      notes,
    };
  } finally {
    await emu.close();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Where each kill lands, drawn from the scenario's seed: alternately a time after the
 * start (process start, listing, the re-check of saved files, early downloads) and a
 * share of the files still to fetch being journaled (mid-download).
 */
function killMoments(seed: string): (remainingFiles: number) => KillMoment {
  let state = hash(seed);
  let drawn = 0;
  const next = (): number => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 0x1_0000_0000;
  };
  return (remainingFiles) => {
    drawn += 1;
    return drawn % 2 === 1 ? { afterMs: 80 + Math.floor(next() * 1200) } : { afterJournalLines: 1 + Math.floor(next() * remainingFiles * 0.9) };
  };
}

type KillMoment = { afterMs: number } | { afterJournalLines: number };

interface CliOutcome {
  killed: boolean;
  code: number | null;
  lastLine: string;
}

function runCli(emu: RunningEmulator, folder: string, env: ScenarioEnv, moment: KillMoment | undefined): Promise<CliOutcome> {
  const child = spawn(process.execPath, [env.cliPath, 'export', '--endpoint', emu.endpoint, '--out', folder, '--rate', '1000', '--quiet'], {
    // The key travels in the environment, never the command line (as the CLI requires).
    env: { ...process.env, NODE_PATH: env.nodePath, CV_STEWARD_TRAINING_KEY: emu.key, CV_STEWARD_DATA_DIR: join(folder, '..', 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    // Only the end matters (why a run did not finish); keep the output small.
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let killed = false;
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) {
      killed = child.kill('SIGKILL');
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const startLines = journalLines(folder);
  if (moment && 'afterMs' in moment) timer = setTimeout(kill, moment.afterMs);
  if (moment && 'afterJournalLines' in moment) {
    timer = setInterval(() => {
      void startLines.then(async (base) => {
        if ((await journalLines(folder)) - base >= moment.afterJournalLines) kill();
      });
    }, 15);
  }
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      clearInterval(timer);
      const lines = output.trim().split('\n');
      resolve({ killed, code, lastLine: lines[lines.length - 1] ?? '' });
    });
  });
}

async function journalLines(folder: string): Promise<number> {
  try {
    const text = await readFile(join(folder, '.cv-steward/journal.jsonl'), 'utf8');
    let lines = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
    return lines;
  } catch {
    return 0;
  }
}

/** One export in this process through `fs`; its error code, or 'ok'. */
async function runInProcess(emu: RunningEmulator, folder: string, fs: BundleFs): Promise<string> {
  const client = createTrainingClient({ endpoint: emu.endpoint, key: emu.key, rateLimiters: new RateLimiterRegistry(), rateLimit: 1000 });
  try {
    await runExport(
      { jobId: 'chaos-disk', signal: new AbortController().signal, progress: new JobProgress(EXPORT_CATEGORIES), checkpoint: async () => undefined },
      {
        client,
        folder,
        fs,
        selection: { categories: [...EXPORT_CATEGORIES] },
        account: { endpointHost: new URL(emu.endpoint).host, keyFingerprint: 'chaos000', displayName: 'Chaos' },
        toolVersion: '0.0.0-chaos',
      },
    );
    return 'ok';
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
  }
}

/** The real disk, full once `budget` bytes have been written through it (ENOSPC), as a quota would be. */
function quotaFs(budget: number): BundleFs {
  let written = 0;
  return {
    ...nodeBundleFs,
    async openFile(path, mode) {
      const file = await nodeBundleFs.openFile(path, mode);
      return {
        ...file,
        async write(data) {
          if (written + data.byteLength > budget) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          written += data.byteLength;
          await file.write(data);
        },
      };
    },
  };
}

/** Downloads beyond the first of each file the emulator served (images, prediction images, model files). */
function redownloads(emu: RunningEmulator): number {
  let extra = 0;
  for (const entry of Object.values(emu.stats().blobDownloads)) extra += Math.max(0, entry.count - 1);
  return extra;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
