/**
 * `cv-steward` command line. This release reserves the command and its conventions
 * (progress on stderr, results on stdout, exit 0 done / 1 failed / 2 usage error); the
 * inventory, export, verify and cleanup commands arrive with their features.
 */
import { runCli } from './run-cli';

declare const __APP_VERSION__: string;

runCli(process.argv.slice(2), {
  version: __APP_VERSION__,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cv-steward: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
