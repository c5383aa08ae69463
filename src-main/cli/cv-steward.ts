/**
 * `cv-steward` command line: process wiring only (argv, streams, environment, Ctrl-C);
 * everything else is in run-cli.ts. Progress and messages go to stderr, results to stdout;
 * exit 0 done, 1 failed or incomplete, 2 usage error.
 */
import { homedir } from 'node:os';
import { runCli } from './run-cli';

declare const __APP_VERSION__: string;

const env = { ...process.env };
// Read once; nothing this process might start later needs to inherit the key.
delete process.env.CV_STEWARD_TRAINING_KEY;

// First Ctrl-C: cancel the job cleanly (an export writes its partial manifest, so it can
// be resumed). Second: quit at once; the bundle's journal still makes it resumable.
const interrupt = new AbortController();
// conf's file writer (atomically → when-exit) hooks SIGINT at load time to delete its temp
// files and then re-raise the signal, which would kill the process mid-cancel. Its 'exit'
// hook still cleans up, and this process always exits normally after a Ctrl-C.
process.removeAllListeners('SIGINT');
process.on('SIGINT', () => {
  if (!interrupt.signal.aborted) {
    process.stderr.write('\nStopping… (press Ctrl-C again to quit at once)\n');
    interrupt.abort();
    return;
  }
  process.stderr.write('Quit at once. An export stopped like this can still be resumed: run the same command again.\n');
  process.exit(1);
});
// `cv-steward inventory | head`: the reader went away; that is not an error worth a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  version: __APP_VERSION__,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env,
  platform: process.platform,
  home: homedir(),
  tty: process.stderr.isTTY === true,
  ...(process.stderr.isTTY === true && process.stderr.columns > 0 ? { columns: process.stderr.columns } : {}),
  interrupt: interrupt.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cv-steward: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
