/** Starts the built emulator CLI as a separate process, as a user would with `npm run -s emulator`. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'dist', 'emulator', 'cv-emulator.cjs');

export interface EmulatorProcess {
  endpoint: string;
  key: string;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first.`);
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const { endpoint, key } = await new Promise<{ endpoint: string; key: string }>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^ENDPOINT=(\S+) KEY=(\S+)$/m.exec(stdout);
      if (match?.[1] && match[2]) resolve({ endpoint: match[1], key: match[2] });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`emulator did not start within 20 s: ${stderr}`)), 20_000).unref();
  });
  return {
    endpoint,
    key,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
