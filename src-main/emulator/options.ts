/**
 * Emulator options: what is fixed at start (port, key, seed) and what can change at run
 * time (limits, faults, delays) through configure() or POST /__emulator/config.
 */
import { z } from 'zod';
import { gateway404ListSchema } from './gateway-404';
import { quirkListSchema } from './quirks';
import type { SeedDocument } from './seeds/format';

export const runtimeConfigSchema = z
  .object({
    /** API calls per second (burst = rate); 0 = unlimited. */
    tps: z.number().min(0).max(100_000),
    /** Added before every API response. */
    latencyMs: z.number().int().min(0).max(600_000),
    /** Aggregate cap over all blob downloads, kilobits per second (1 kbps = 125 B/s); 0 = none. */
    bandwidthKbps: z.number().min(0).max(100_000_000),
    /** Fraction of API calls answered 500/503. */
    failRate: z.number().min(0).max(1),
    /** Fraction of requests whose connection is reset mid-way. */
    resetRate: z.number().min(0).max(1),
    /** Fraction of responses cut short after announcing the full Content-Length. */
    truncateRate: z.number().min(0).max(1),
    /** Lifetime of minted SAS URLs. */
    sasTtlSeconds: z.number().int().min(1).max(31 * 24 * 3600),
    /** TrainProject: Training → Completed after this long. */
    trainingDelayMs: z.number().int().min(0).max(3_600_000),
    /** ExportIteration: Exporting → Done after this long. */
    exportDelayMs: z.number().int().min(0).max(3_600_000),
    /** DeleteImages with allImages/allIterations (202): completes after this long. */
    deleteDelayMs: z.number().int().min(0).max(3_600_000),
    /** Opt-in service behaviours (quirks.ts, README "Quirks"); setting it replaces the set. */
    quirks: quirkListSchema,
    /** OperationIds answered with the gateway's 404 after the key check (gateway-404.ts); replaces the list. */
    gateway404Operations: gateway404ListSchema,
  })
  .strict();

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export const partialRuntimeConfigSchema = runtimeConfigSchema.partial();
export type PartialRuntimeConfig = z.infer<typeof partialRuntimeConfigSchema>;

export const DEFAULT_CONFIG: RuntimeConfig = {
  tps: 10,
  latencyMs: 0,
  bandwidthKbps: 0,
  failRate: 0,
  resetRate: 0,
  truncateRate: 0,
  sasTtlSeconds: 24 * 3600,
  trainingDelayMs: 300,
  exportDelayMs: 500,
  deleteDelayMs: 200,
  quirks: [],
  gateway404Operations: [],
};

/** Zod issues as one line: `failRate: Too big…; quirks: unknown quirk "x"; …`. */
export function describeConfigIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`).join('; ');
}

/** Validates run-time changes; a bad value throws an Error whose message names it (not Zod's JSON dump). */
export function parseConfigChanges(changes: unknown): PartialRuntimeConfig {
  const result = partialRuntimeConfigSchema.safeParse(changes);
  if (!result.success) throw new RangeError(`Invalid emulator setting: ${describeConfigIssues(result.error)}`);
  return result.data;
}

export type SeedChoice = 'demo' | 'empty' | { file: string } | SeedDocument;

export interface EmulatorOptions extends PartialRuntimeConfig {
  /** 0 (default) lets the OS pick a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Training key to accept; default 32 random hex digits. */
  key?: string;
  /** Default 'empty'. */
  seed?: SeedChoice;
  /** Also generate a large project with this many images (bytes made on request). */
  images?: number;
  /** Seed of the fault PRNG: the same seed and request order give the same faults. */
  faultSeed?: number | string;
  /** Wall clock in ms, used for dates and SAS expiry; tests move it to expire URLs. */
  now?: () => number;
}
