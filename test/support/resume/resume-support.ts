/**
 * Helpers for the resume tests: "the app" is createServices on a data folder, reached
 * through the dispatcher (so the contract's validation is part of every call); a restart
 * is a second one on the same data folder, keychain and settings.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoAccount } from '../../../src-main/accounts';
import type { SeedDocument } from '../../../src-main/emulator';
import { MemorySecretStore } from '../../../src-main/secrets';
import type { KeyValueStore } from '../../../src-main/settings';
import { createTestServices, memoryKeyValueStore, pageCalls } from '../test-services';

/** What survives a restart besides the data folder: the keychain and the settings. */
export interface Machine {
  dataDir: string;
  secrets: MemorySecretStore;
  settings: KeyValueStore;
  /** The built-in demo account, standing in for it with a test emulator. */
  demo?: DemoAccount;
  /** What "Choose folder…" answers, in order. */
  picks: string[];
}

export function newMachine(dataDir: string, demo?: DemoAccount): Machine {
  return { dataDir, secrets: new MemorySecretStore(), settings: memoryKeyValueStore(), picks: [], ...(demo ? { demo } : {}) };
}

export function startApp(machine: Machine) {
  const problems: string[] = [];
  const services = createTestServices({
    dataDir: machine.dataDir,
    secrets: machine.secrets,
    settingsStore: machine.settings,
    ...(machine.demo ? { demo: machine.demo } : {}),
    pickFolder: async () => machine.picks.shift() ?? null,
    reportError: (context, error) => problems.push(`${context}: ${error instanceof Error ? error.message : String(error)}`),
  });
  return { services, problems, ...pageCalls(services) };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Image files the bundle's journal lists as finished (the export is under way). */
export async function journaledImageFiles(folder: string): Promise<number> {
  try {
    const text = await readFile(join(folder, '.cv-steward', 'journal.jsonl'), 'utf8');
    return text.split('\n').filter((line) => line.includes('/images/files/')).length;
  } catch {
    return 0;
  }
}

/** The export that was stopped has let go of the bundle (its lock file is gone). */
export function bundleReleased(folder: string): Promise<void> {
  return waitFor(async () => !(await exists(join(folder, '.cv-steward', 'lock'))), 'the stopped export to release the bundle');
}

/**
 * One project of small images: quick to generate (the demo's photos take the emulator
 * ~0.1 s each), so a throttled emulator makes the download, not the CPU, the slow part.
 */
export function smallSeed(images: number): SeedDocument {
  const formats = ['png', 'jpeg', 'bmp', 'gif'] as const;
  return {
    format: 'cv-emulator-seed',
    version: 1,
    projects: [
      {
        key: 'resume',
        name: 'Resume me',
        domain: 'General (compact)',
        tags: [{ name: 'x' }, { name: 'y' }],
        images: Array.from({ length: images }, (_, i) => ({
          key: `r${i}`,
          width: 40 + (i % 9),
          height: 36,
          format: formats[i % 4],
          tags: i % 5 === 4 ? [] : [i % 2 === 0 ? 'x' : 'y'],
          created: i,
        })),
      },
    ],
  };
}
