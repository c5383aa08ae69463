/**
 * `cv-steward verify DIR`: re-hashes every file of a bundle against its manifest, as a
 * verify job (the same check as the app's Verify button). Exit 0 only when nothing is
 * missing, altered, truncated or unlisted and the manifest says complete.
 */
import type { VerifyReport } from '../../shared/model/bundle';
import type { VerifyRequest } from './cli-args';
import { EXIT, type ExitCode } from './cli-errors';
import { existingFolder } from './folder-arguments';
import { progressPrinter, type CommandContext } from './command-context';
import { formatBytes, plural, printable } from './format';
import { runJob } from './job-session';

/** Paths listed per kind before "… and N more" (--json has them all). */
const SHOWN_PER_KIND = 50;

export async function verifyCommand(context: CommandContext, request: VerifyRequest): Promise<ExitCode> {
  const folder = await existingFolder(request.folder, 'Give the bundle folder (the one holding manifest.json).');

  let lastDone = 0;
  let bytesSoFar = 0;
  const outcome = await runJob({
    kind: 'verify',
    title: 'Verify bundle',
    categories: ['files'],
    printer: progressPrinter(context, request.quiet),
    ...(context.interrupt ? { interrupt: context.interrupt } : {}),
    work: (ctx) =>
      context.services.verifyBundle(folder, {
        signal: ctx.signal,
        onProgress: (done, total, bytes) => {
          ctx.progress.setTotal('files', total);
          ctx.progress.advance('files', { items: Math.max(0, done - lastDone), bytes: Math.max(0, bytes - bytesSoFar) });
          lastDone = done;
          bytesSoFar = bytes;
        },
      }),
  });
  if (outcome.state === 'cancelled') {
    context.err('Verification interrupted: nothing was checked to the end. Run it again to check the bundle.\n');
    if (request.json) context.out(`${JSON.stringify({ command: 'verify', folder, ok: false, state: 'cancelled' })}\n`);
    return EXIT.failed;
  }
  if (outcome.state === 'failed') throw outcome.error;
  const report = outcome.value;
  if (request.json) context.out(`${JSON.stringify({ command: 'verify', ...report })}\n`);
  else context.out(renderReport(report));
  return report.ok ? EXIT.done : EXIT.failed;
}

export function renderReport(report: VerifyReport): string {
  const checked = `${plural(report.checkedFiles, 'file')} (${formatBytes(report.checkedBytes)})`;
  if (report.ok) return `Bundle OK: ${checked} match the manifest of ${report.folder}.\n`;
  const kinds: Array<[string, string[], string]> = [
    ['missing', report.missing, 'listed in the manifest but not in the folder'],
    ['altered', report.altered, 'different bytes than when exported'],
    ['truncated', report.truncated, 'shorter than when exported'],
    ['extra', report.extra, 'in the folder but not in the manifest'],
  ];
  const counts = kinds.filter(([, list]) => list.length > 0).map(([name, list]) => `${list.length} ${name}`);
  const lines = [`Bundle has problems: ${[...counts, ...(report.problems.length > 0 ? [plural(report.problems.length, 'other problem')] : [])].join(', ')}. Checked ${checked} in ${report.folder}.`];
  for (const problem of report.problems) lines.push(`  problem: ${printable(problem, 500)}`);
  for (const [name, list, meaning] of kinds) {
    if (list.length === 0) continue;
    lines.push(`${name} (${meaning}):`);
    for (const file of list.slice(0, SHOWN_PER_KIND)) lines.push(`  ${printable(file, 400)}`);
    if (list.length > SHOWN_PER_KIND) lines.push(`  … and ${list.length - SHOWN_PER_KIND} more (use --json for the full list)`);
  }
  return `${lines.join('\n')}\n`;
}
