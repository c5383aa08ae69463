/**
 * Runs the built main bundle (dist/main/main.cjs) in this Node process with `electron`
 * answered by the recording stand-in, and `keytar` by an in-memory keychain (the boot
 * check must not read or write the OS keychain). Both are external to the bundle
 * (scripts/build.mjs), so the bundle require()s them at run time: hooking Node's module
 * loader is enough, and nothing in the bundle is changed.
 */
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import type { RecordingElectron } from './recording-electron-stand-in';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
/** Node's internal CommonJS loader entry, which every require() of the bundle goes through. */
const loader = Module as unknown as { _load: Load };

/** keytar's API, kept in memory. */
function inMemoryKeytar() {
  const entries = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    getPassword: async (service: string, account: string) => entries.get(key(service, account)) ?? null,
    setPassword: async (service: string, account: string, password: string) => void entries.set(key(service, account), password),
    deletePassword: async (service: string, account: string) => entries.delete(key(service, account)),
    findCredentials: async (service: string) =>
      [...entries].filter(([k]) => k.startsWith(`${service}\u0000`)).map(([k, password]) => ({ account: k.slice(service.length + 1), password })),
    findPassword: async (service: string) => [...entries].find(([k]) => k.startsWith(`${service}\u0000`))?.[1] ?? null,
  };
}

export interface LoadedMain {
  /** Puts the module loader and the process's listeners back as they were. */
  unload(): void;
}

/** Process events main's crash handlers listen to; what the bundle adds is removed again on unload. */
const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
/** `process` as a plain emitter: its typed overloads do not take a union of event names. */
const processEvents: NodeJS.EventEmitter = process;

export function loadMainBundle(bundlePath: string, standIn: RecordingElectron): LoadedMain {
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} does not exist: run \`npm run build\` first (the boot check tests the built bundle)`);
  const listenersBefore = new Map(PROCESS_EVENTS.map((event) => [event, new Set(processEvents.listeners(event))]));
  const keytar = inMemoryKeytar();
  const originalLoad = loader._load;
  loader._load = function load(this: unknown, request, parent, isMain) {
    if (request === 'electron') return standIn.electron;
    if (request === 'keytar') return keytar;
    return originalLoad.call(this, request, parent, isMain);
  };
  const require = createRequire(bundlePath);
  // A fresh copy per boot: the bundle keeps its state (services, windows) at module level.
  Reflect.deleteProperty(require.cache, bundlePath);
  try {
    require(bundlePath);
  } catch (error) {
    loader._load = originalLoad;
    throw error;
  }
  return {
    unload() {
      loader._load = originalLoad;
      Reflect.deleteProperty(require.cache, bundlePath);
      for (const event of PROCESS_EVENTS) {
        const before = listenersBefore.get(event) ?? new Set();
        for (const listener of processEvents.listeners(event)) {
          if (!before.has(listener)) processEvents.removeListener(event, listener as (...args: unknown[]) => void);
        }
      }
    },
  };
}
