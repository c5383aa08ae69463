/**
 * "Try the demo account": the emulator with the demo seed, running inside this process,
 * so a newcomer sees real data (and can practise the cleanup wizard) with no Azure
 * subscription. Started on first use and stopped when the account is forgotten.
 */
import { startEmulator } from '../emulator';

export interface DemoAccount {
  start(): Promise<{ endpoint: string; key: string }>;
  stop(): Promise<void>;
}

type RunningEmulator = Awaited<ReturnType<typeof startEmulator>>;

export function createDemoAccount(): DemoAccount {
  let running: Promise<RunningEmulator> | null = null;
  return {
    async start() {
      running ??= startEmulator({ seed: 'demo', port: 0 });
      try {
        const emulator = await running;
        return { endpoint: emulator.endpoint, key: emulator.key };
      } catch (error) {
        running = null;
        throw error;
      }
    },
    async stop() {
      const current = running;
      running = null;
      if (current) await (await current).close();
    },
  };
}
