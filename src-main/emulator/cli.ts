/**
 * `npm run -s emulator -- [options]` (bundled to dist/emulator/cv-emulator.cjs). Prints
 * `ENDPOINT=<url> KEY=<key>` as its first stdout line (scripts read it), details on stderr,
 * exits 2 on bad flags or a bad seed, and shuts down cleanly on Ctrl+C / SIGTERM.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { SeedError, startEmulator } from './index';

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`cv-emulator: ${parsed.message}\nRun with --help for the list of options.\n`);
    return 2;
  }
  let emulator;
  try {
    emulator = await startEmulator(parsed.options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cv-emulator: ${message}\n`);
    return error instanceof SeedError ? 2 : 1;
  }
  process.stdout.write(`ENDPOINT=${emulator.endpoint} KEY=${emulator.key}\n`);
  const projects = emulator.state.projects.size;
  const images = [...emulator.state.projects.values()].reduce((sum, p) => sum + p.images.size, 0);
  process.stderr.write(
    `cv-emulator: Custom Vision Training API v3.3 (and v3.4-preview) at ${emulator.endpoint}/customvision/v3.3/training\n` +
      `cv-emulator: ${projects} project(s), ${images} workspace image(s); stats at ${emulator.endpoint}/__emulator/stats. Ctrl+C stops.\n`,
  );
  const running = emulator;
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cv-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
