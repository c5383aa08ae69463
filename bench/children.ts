/**
 * Starting the bench's child processes (bundled next to the bench entry) and talking to
 * the emulator's control endpoints. The key goes to children through their environment.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { EmulatorStats } from '../src-main/emulator';
import type { EmulatorReady, EmulatorRequest, EmulatorUsage } from './protocol';

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
  stop(): Promise<void>;
}

export async function startEmulatorChild(request: EmulatorRequest): Promise<EmulatorChild> {
  const child = fork(script('emulator-child'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = firstMessage<EmulatorReady>(child, 'The emulator', (message) => message.type === 'ready');
  child.send(request);
  const info = await ready;
  const control = `${info.emulatorEndpoint}/__emulator/stats`;
  return {
    ready: info,
    stats: async () => (await (await fetch(control)).json()) as EmulatorStats,
    resetStats: async () => {
      await fetch(control, { method: 'DELETE' });
    },
    cpuMs: async () => {
      const usage = firstMessage<EmulatorUsage>(child, 'The emulator', (message) => message.type === 'usage');
      child.send({ type: 'usage' });
      return (await usage).cpuMs;
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
