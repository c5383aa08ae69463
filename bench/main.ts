/**
 * `npm run bench`: how the export engine and the cleanup executor do against their bounds
 * (bench/README.md).
 * Not a test: timings depend on the machine, so it never runs in `npm test`. Every
 * emulator runs in its own process, and so does every export, so neither the emulator's
 * work nor the previous run's heap ends up in a figure. Exit 1 if any figure fails.
 */
import { mkdtemp, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulatorChild, runChild, runDeleteChild, type EmulatorChild } from './children';
import { deleteFigure } from './delete-figure';
import { baselineFigure, callsFigure, memoryFigure, requireComplete, timeFigure } from './figures';
import { isOfficial, parseOptions, USAGE, type BenchOptions, type FigureGroup } from './options';
import type { BaselineResult, ExportResult } from './protocol';
import { jsonLine, renderTable, type Figure } from './report';

/** High enough that neither side's limiter is what the memory run measures. */
const MEMORY_RATE = 1_000;
/** A 100 000-image bundle takes ≈ 0.6 GB on tmpfs (4 KB pages); ask for room to spare. */
const RAM_DISK_MIN_FREE = 2 * 1024 ** 3;

/**
 * Where the memory run writes: RSS does not depend on the disk, and a RAM disk takes a
 * minute off the 100 000 fsyncs. The time run always uses a real disk (fsync is part of
 * what it measures).
 */
async function memoryParent(options: BenchOptions): Promise<string> {
  if (options.outDir !== undefined) return options.outDir;
  try {
    const fs = await statfs('/dev/shm');
    if (fs.bavail * fs.bsize >= RAM_DISK_MIN_FREE) return '/dev/shm';
  } catch {
    // No /dev/shm (not Linux): the temp folder it is.
  }
  return tmpdir();
}

function log(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function wants(options: BenchOptions, group: FigureGroup): boolean {
  return options.only === undefined || options.only === group;
}

async function withEmulator<T>(start: Promise<EmulatorChild>, work: (emulator: EmulatorChild) => Promise<T>): Promise<T> {
  const emulator = await start;
  try {
    return await work(emulator);
  } finally {
    await emulator.stop();
  }
}

async function exportRun(emulator: EmulatorChild, folder: string, rate: number, options: BenchOptions): Promise<{ result: ExportResult; cpuMs: number }> {
  await emulator.resetStats();
  const cpuBefore = await emulator.cpuMs();
  const result = await runChild<ExportResult>('export-child', emulator.ready.key, {
    BENCH_ENDPOINT: emulator.ready.endpoint,
    BENCH_FOLDER: folder,
    BENCH_CLIENT_RATE: String(rate),
    ...(options.concurrency === undefined ? {} : { BENCH_CONCURRENCY: String(options.concurrency) }),
    ...(options.exportHeapMb === undefined ? {} : { BENCH_EXPORT_HEAP_MB: String(options.exportHeapMb) }),
    ...(options.exportYoungMb === undefined ? {} : { BENCH_EXPORT_YOUNG_MB: String(options.exportYoungMb) }),
  }, options.exportNodeFlags);
  return { result, cpuMs: (await emulator.cpuMs()) - cpuBefore };
}

/** Figures 1 and 2: one export of the time account, then the SDK baseline on the same emulator. */
async function callsAndTime(options: BenchOptions, root: string): Promise<Figure[]> {
  log(`starting the emulator with a ${options.timeImages}-image account (latency ${options.latencyMs} ms, ${options.tps} calls/s, bandwidth for ${options.bandwidthSeconds} s of bytes)`);
  const start = startEmulatorChild({
    type: 'start',
    account: 'time',
    images: options.timeImages,
    tps: options.tps,
    latencyMs: options.latencyMs,
    blobLatencyMs: options.blobLatencyMs,
    bandwidthSeconds: options.bandwidthSeconds,
  });
  return withEmulator(start, async (emulator) => {
    const { shape, bandwidthKbps } = emulator.ready;
    log(`emulator ready in ${(emulator.ready.startupMs / 1000).toFixed(1)} s: ${shape.projects.length} projects, ${shape.imageFiles} image files, bandwidth ${(bandwidthKbps / 1000).toFixed(2)} Mbit/s`);
    log(`exporting with the engine (all categories, ${options.concurrency ?? 'default'} parallel downloads, ${options.tps} calls/s)…`);
    const ours = await exportRun(emulator, join(root, 'time-export'), options.tps, options);
    const stats = await emulator.stats();
    log(`export finished in ${(ours.result.elapsedMs / 1000).toFixed(1)} s (${ours.result.status})`);
    const figures: Figure[] = [];
    if (wants(options, 'calls')) figures.push(callsFigure(shape, stats));
    if (wants(options, 'time')) {
      const time = timeFigure({
        shape,
        stats,
        result: ours.result,
        tps: options.tps,
        bandwidthKbps,
        latencyMs: options.latencyMs,
        blobLatencyMs: options.blobLatencyMs,
        emulatorCpuMs: ours.cpuMs,
        concurrency: options.concurrency,
      });
      figures.push(requireComplete(time, ours.result.status, ours.result.problems));
      const workspace = shape.projects.reduce((total, project) => total + project.workspace, 0);
      const limit = Math.min(options.baselineImages, workspace);
      log(`running the SDK baseline on the first ${limit} of ${workspace} workspace images…`);
      await emulator.resetStats();
      const baseline = await runChild<BaselineResult>('baseline-child', emulator.ready.key, {
        BENCH_ENDPOINT: emulator.ready.endpoint,
        BENCH_FOLDER: join(root, 'baseline'),
        BENCH_BASELINE_LIMIT: String(limit),
      });
      const after = await emulator.stats();
      const baselineCalls = Object.values(after.requests).reduce((total, n) => total + n, 0);
      log(`baseline: ${baseline.images} images in ${(baseline.elapsedMs / 1000).toFixed(1)} s`);
      const input = { ours: ours.result, baseline, workspaceImages: workspace, baselineCalls, baselineRateLimited: after.rateLimited, timeBoundSeconds: time.bound };
      figures.push(requireComplete(baselineFigure(input), ours.result.status, ours.result.problems));
    } else if (figures[0]) {
      figures[0] = requireComplete(figures[0], ours.result.status, ours.result.problems);
    }
    return figures;
  });
}

/** Figure 3: peak RSS of one export of the big account, in its own process. */
async function memory(options: BenchOptions, folder: string): Promise<Figure> {
  log(`starting the emulator with a ${options.memoryImages}-image account (no latency, no bandwidth cap, ${MEMORY_RATE} calls/s)`);
  const start = startEmulatorChild({ type: 'start', account: 'memory', images: options.memoryImages, tps: MEMORY_RATE, latencyMs: 0, blobLatencyMs: 0, bandwidthSeconds: 0 });
  return withEmulator(start, async (emulator) => {
    log(`emulator ready in ${(emulator.ready.startupMs / 1000).toFixed(1)} s; exporting…`);
    const run = await exportRun(emulator, folder, MEMORY_RATE, options);
    log(`export finished in ${(run.result.elapsedMs / 1000).toFixed(1)} s (${run.result.status})`);
    return requireComplete(memoryFigure(run.result, emulator.ready.shape.imageFiles, run.cpuMs, folder, options.exportNodeFlags), run.result.status, run.result.problems);
  });
}

/** Planning is not timed; it runs with the emulator's limit and latency off and this client rate. */
const PLAN_RATE = 1_000;

/**
 * Figure 4: one deletion of every image of a project, as `cleanup run` does it, in its own
 * process. The emulator starts with no limit or latency so the (untimed) plan is quick,
 * then gets the network model of the time run before the timed run starts.
 */
async function deletion(options: BenchOptions, folder: string): Promise<Figure> {
  log(`starting the emulator with a ${options.deleteImages}-image project (planning without limits; the run at latency ${options.latencyMs} ms, ${options.tps} calls/s)`);
  const start = startEmulatorChild({ type: 'start', account: 'memory', images: options.deleteImages, tps: 0, latencyMs: 0, blobLatencyMs: 0, bandwidthSeconds: 0 });
  return withEmulator(start, async (emulator) => {
    const project = emulator.ready.shape.projects[0];
    if (!project) throw new Error('the deletion account has no project');
    log(`emulator ready in ${(emulator.ready.startupMs / 1000).toFixed(1)} s; planning the deletion of every image of "${project.name}" (not timed)…`);
    let cpuBefore = 0;
    const { planned, result } = await runDeleteChild(
      emulator.ready.key,
      { BENCH_ENDPOINT: emulator.ready.endpoint, BENCH_FOLDER: folder, BENCH_PROJECT_ID: project.id, BENCH_CLIENT_RATE: String(options.tps), BENCH_PLAN_RATE: String(PLAN_RATE) },
      async (plan) => {
        log(`planned in ${(plan.planMs / 1000).toFixed(1)} s: ${plan.images} images in ${plan.deleteImagesSteps} DeleteImages steps; running it (timed)…`);
        await emulator.configure({ tps: options.tps, latencyMs: options.latencyMs });
        await emulator.resetStats();
        cpuBefore = await emulator.cpuMs();
      },
    );
    const emulatorCpuMs = (await emulator.cpuMs()) - cpuBefore;
    log(`deletion finished in ${(result.elapsedMs / 1000).toFixed(1)} s (receipt ${result.complete ? 'complete' : 'NOT complete'})`);
    const stats = await emulator.stats();
    const remaining = await emulator.remaining();
    const config = await emulator.configure({});
    return deleteFigure({ planned, result, stats, remaining, config, tps: options.tps, emulatorCpuMs });
  });
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`bench: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const options = parsed;
  const official = isOfficial(options);
  const roots: string[] = [];
  const began = Date.now();
  const figures: Figure[] = [];
  try {
    if (wants(options, 'calls') || wants(options, 'time')) {
      const root = await mkdtemp(join(options.outDir ?? tmpdir(), 'cv-bench-'));
      roots.push(root);
      figures.push(...(await callsAndTime(options, root)));
    }
    if (wants(options, 'memory')) {
      const root = await mkdtemp(join(await memoryParent(options), 'cv-bench-'));
      roots.push(root);
      figures.push(await memory(options, join(root, 'memory-export')));
    }
    if (wants(options, 'delete')) {
      // A real disk, as for the time run: the journal's fsyncs are part of what is measured.
      const root = await mkdtemp(join(options.outDir ?? tmpdir(), 'cv-bench-'));
      roots.push(root);
      figures.push(await deletion(options, join(root, 'delete')));
    }
  } finally {
    if (options.keep) log(`bundles kept in ${roots.join(', ')}`);
    else for (const root of roots) await rm(root, { recursive: true, force: true });
  }
  const heading = official
    ? `CV Steward bench — official sizes (${Math.round((Date.now() - began) / 1000)} s)`
    : `CV Steward bench — ${options.quick ? 'QUICK SMOKE RUN' : 'CUSTOM SETTINGS'}: NOT the official figures (${Math.round((Date.now() - began) / 1000)} s)`;
  const table = renderTable(figures, heading);
  if (options.json) process.stderr.write(table);
  else process.stdout.write(table);
  const { json: _json, outDir: _outDir, keep: _keep, ...settings } = options;
  process.stdout.write(jsonLine(figures, { official, settings }));
  return figures.every((f) => f.pass) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
