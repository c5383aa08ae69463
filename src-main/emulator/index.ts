/**
 * The local Custom Vision Training API emulator (src-main/emulator/README.md): a real HTTP
 * server on 127.0.0.1 that the app, its tests and the official SDK talk to instead of Azure.
 *
 * It stands apart from the layer map (docs/architecture.md, "Layers"): it imports nothing of
 * the app — only its own files, npm packages and Node built-ins — so a misreading of the
 * service cannot be shared with the client (src-main/customvision), which never imports it.
 * Its users are the demo account (src-main/accounts/demo-account.ts), the browser harness,
 * the `npm run emulator` command (cli.ts), the tests and the bench.
 *
 *   const emu = await startEmulator({ seed: 'demo' });
 *   // emu.endpoint = 'http://127.0.0.1:PORT', emu.key = Training-Key to send
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { BlobCache } from './blob-store';
import type { EmulatorCore } from './core';
import { deleteElsewhere, type DeleteElsewhereOptions, type ElsewhereResult } from './elsewhere';
import { FaultInjector } from './faults';
import { DEFAULT_CONFIG, parseConfigChanges, type EmulatorOptions, type PartialRuntimeConfig, type RuntimeConfig } from './options';
import { createPrng } from './prng';
import { hasQuirk } from './quirks';
import { ByteBucket, CallBucket } from './rate-limit';
import { ROUTES } from './routes';
import { SasSigner } from './sas';
import { Scheduler } from './scheduler';
import { demoSeed } from './seeds/demo';
import { addLargeProject } from './seeds/large';
import { loadSeed, readSeedFile } from './seeds/loader';
import { createEmulatorServer } from './server';
import { AccountState } from './state/account';
import { DeletionLog, type DeletionRecord } from './state/deletions';
import { PredictionSessions } from './state/prediction-sessions';
import { StatsCollector, type EmulatorStats } from './stats';

export type { EmulatorOptions, RuntimeConfig, PartialRuntimeConfig, SeedChoice } from './options';
export type { EmulatorStats } from './stats';
export { QUIRK_NAMES, type QuirkName } from './quirks';
export { OPERATION_IDS } from './gateway-404';
export { ElsewhereError, type DeleteElsewhereOptions, type ElsewhereResult } from './elsewhere';
export type { DeletionKind, DeletionOperation, DeletionRecord } from './state/deletions';
export type { SeedDocument } from './seeds/format';
export { SeedError, parseSeed } from './seeds/loader';
export { demoSeed } from './seeds/demo';
export { AccountState } from './state/account';

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`, no trailing slash: the Custom Vision endpoint to use. */
  endpoint: string;
  /** The Training-Key the emulator accepts. */
  key: string;
  stats(): EmulatorStats;
  resetStats(): void;
  config(): RuntimeConfig;
  /** Change limits, faults, delays, quirks and gateway 404s while running (`quirks` and `gateway404Operations` replace the list); a bad value throws. */
  configure(changes: PartialRuntimeConfig): void;
  /**
   * Another client deletes these images (from the workspace; with `allIterations` from every
   * iteration's snapshot too) and `predictionIds`: not an API call, never counted or
   * faulted, recorded as operation 'elsewhere'. Unknown ids are skipped; an unknown project
   * or a malformed id throws ElsewhereError before anything is removed.
   */
  deleteElsewhere(projectId: string, imageIds: readonly string[], options?: DeleteElsewhereOptions): ElsewhereResult;
  /** Every effective deletion so far, oldest first (resetStats() keeps them). */
  deletions(): DeletionRecord[];
  clearDeletions(): void;
  /** The live account, for assertions (read it; change it only through the API or deleteElsewhere). */
  state: AccountState;
  close(): Promise<void>;
}

/** Drops undefined values so they cannot overwrite defaults when spread. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function loadInitialState(state: AccountState, options: EmulatorOptions, config: RuntimeConfig): void {
  const seed = options.seed ?? 'empty';
  if (seed === 'demo') loadSeed(state, demoSeed(), 'demo seed');
  else if (seed === 'empty') {
    // nothing
  } else if ('file' in seed) loadSeed(state, readSeedFile(seed.file), `Seed file ${seed.file}`);
  else loadSeed(state, seed);
  if (options.images !== undefined && options.images > 0) {
    // With `ties` at start, one `created` per upload batch of 64, as batch uploads record.
    addLargeProject(state, options.images, { batchCreated: hasQuirk(config, 'ties') });
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.now ?? Date.now;
  const initial = parseConfigChanges(definedOnly(Object.fromEntries(Object.keys(DEFAULT_CONFIG).map((k) => [k, options[k as keyof RuntimeConfig]]))));
  // Fresh arrays: configure() must never edit DEFAULT_CONFIG's.
  const config: RuntimeConfig = { ...DEFAULT_CONFIG, quirks: [], gateway404Operations: [], ...definedOnly(initial) };
  const key = options.key ?? randomBytes(16).toString('hex');
  const state = new AccountState(now);
  loadInitialState(state, options, config);
  const faultSeed = options.faultSeed ?? 'cv-emulator';

  const stats = new StatsCollector();
  const calls = new CallBucket(config.tps);
  const bandwidth = new ByteBucket();
  bandwidth.setRate((config.bandwidthKbps * 1000) / 8);
  const scheduler = new Scheduler();
  let endpoint = '';
  const sas = new SasSigner(() => endpoint, now, () => config.sasTtlSeconds);
  const core: EmulatorCore = {
    state,
    scheduler,
    sas,
    config,
    predictionSessions: new PredictionSessions(),
    blobCache: new BlobCache(),
    // Its own stream: turning `ties` on does not move the fault decisions, nor they it.
    tieOrder: createPrng(`${faultSeed}|ties`),
    deletions: new DeletionLog(now),
  };
  const snapshotConfig = (): RuntimeConfig => ({ ...config, quirks: [...config.quirks], gateway404Operations: [...config.gateway404Operations] });

  const configure = (changes: PartialRuntimeConfig): void => {
    const valid = definedOnly(parseConfigChanges(changes));
    Object.assign(config, valid);
    if (valid.tps !== undefined) calls.setRate(valid.tps);
    if (valid.bandwidthKbps !== undefined) bandwidth.setRate((valid.bandwidthKbps * 1000) / 8);
  };

  const server = createEmulatorServer({
    core,
    key,
    routes: ROUTES,
    calls,
    stats,
    faults: new FaultInjector(faultSeed),
    bandwidth,
    config: snapshotConfig,
    configure,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;

  return {
    endpoint,
    key,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    config: snapshotConfig,
    configure,
    deleteElsewhere: (projectId, imageIds, elsewhere) => deleteElsewhere(core, projectId, imageIds, elsewhere),
    deletions: () => core.deletions.list(),
    clearDeletions: () => core.deletions.clear(),
    state,
    close: async () => {
      scheduler.cancelAll();
      bandwidth.releaseAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
