/**
 * Starting the bench's child processes (bundled next to the bench entry) and talking to
 * the emulator's control endpoints. The key goes to children through their environment.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { EmulatorStats, PartialRuntimeConfig, RuntimeConfig } from '../src-main/emulator';
import type { DeletePlanned, DeleteRunResult, EmulatorReady, EmulatorRemaining, EmulatorRequest, EmulatorUsage } from './protocol';

/** The bundles sit next to this one (dist/bench/). */
function script(name: string): string {
  return join(__dirname, `${name}.cjs`);
}

function firstMessage<T>(child: ChildProcess, what: string, accept: (message: { type?: string }) => boolean = () => true): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: { type?: string; message?: string }): void => {
      if (message.type === 'error') {
        cleanup();
        reject(new Error(`${what} failed: ${message.message ?? 'unknown error'}`));
      } else if (accept(message)) {
        cleanup();
        resolve(message as T);
      }
    };
    const onExit = (code: number | null, signal: string | null): void => {
      cleanup();
      reject(new Error(`${what} exited (${signal ?? `code ${String(code)}`}) without a result`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('close', onExit);
    };
    child.on('message', onMessage);
    // 'close' (not 'exit'): it comes after every IPC message has been delivered.
    child.on('close', onExit);
  });
}

export interface EmulatorChild {
  ready: EmulatorReady;
  stats(): Promise<EmulatorStats>;
  resetStats(): Promise<void>;
  /** CPU time the emulator process has used so far. */
  cpuMs(): Promise<number>;
  /** Changes the emulator's run-time settings (rate limit, latency, delays); returns them all. */
  configure(changes: PartialRuntimeConfig): Promise<RuntimeConfig>;
  /** The images the emulator still holds, read from its state. */
  remaining(): Promise<EmulatorRemaining>;
  stop(): Promise<void>;
}

export async function startEmulatorChild(request: EmulatorRequest): Promise<EmulatorChild> {
  const child = fork(script('emulator-child'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = firstMessage<EmulatorReady>(child, 'The emulator', (message) => message.type === 'ready');
  child.send(request);
  const info = await ready;
  const control = `${info.emulatorEndpoint}/__emulator/stats`;
  const ask = async <T>(type: 'usage' | 'remaining'): Promise<T> => {
    const answer = firstMessage<T>(child, 'The emulator', (message) => message.type === type);
    child.send({ type });
    return answer;
  };
  return {
    ready: info,
    stats: async () => (await (await fetch(control)).json()) as EmulatorStats,
    resetStats: async () => {
      await fetch(control, { method: 'DELETE' });
    },
    cpuMs: async () => (await ask<EmulatorUsage>('usage')).cpuMs,
    remaining: () => ask<EmulatorRemaining>('remaining'),
    configure: async (changes) => {
      const response = await fetch(`${info.emulatorEndpoint}/__emulator/config`, { method: 'POST', body: JSON.stringify(changes) });
      if (!response.ok) throw new Error(`The emulator refused the settings ${JSON.stringify(changes)}: ${await response.text()}`);
      return (await response.json()) as RuntimeConfig;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

/** Runs a one-shot child (export or baseline) and returns its result message. */
export async function runChild<T>(name: 'export-child' | 'baseline-child', key: string, environment: Record<string, string>, nodeFlags: string[] = []): Promise<T> {
  const child = fork(script(name), [], {
    execArgv: nodeFlags,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...environment, CV_STEWARD_TRAINING_KEY: key },
  });
  const result = await firstMessage<T>(child, name === 'export-child' ? 'The export' : 'The SDK baseline', (message) => message.type === 'result');
  if (child.exitCode === null) await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return result;
}

/**
 * Runs the delete child: it plans (not timed) and says `planned`; `beforeRun` then sets
 * the emulator up for the timed part (network model, fresh counters) and the child is
 * told `go`. Returns what it planned and its result.
 */
export async function runDeleteChild(
  key: string,
  environment: Record<string, string>,
  beforeRun: (planned: DeletePlanned) => Promise<void>,
): Promise<{ planned: DeletePlanned; result: DeleteRunResult }> {
  const child = fork(script('delete-child'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...environment, CV_STEWARD_TRAINING_KEY: key },
  });
  try {
    const planned = await firstMessage<DeletePlanned>(child, 'The deletion', (message) => message.type === 'planned');
    await beforeRun(planned);
    const result = firstMessage<DeleteRunResult>(child, 'The deletion', (message) => message.type === 'result');
    child.send({ type: 'go' });
    const done = await result;
    if (child.exitCode === null) await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return { planned, result: done };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}
