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
import { formatBytes, formatCount, printable } from './format';
import { cliTranslator } from './cli-language';
import type { Translate } from '../i18n';
import { runJob } from './job-session';

/** Paths listed per kind before "… and N more" (--json has them all). */
const SHOWN_PER_KIND = 50;

export async function verifyCommand(context: CommandContext, request: VerifyRequest): Promise<ExitCode> {
  const folder = await existingFolder(request.folder, 'Give the bundle folder (the one holding manifest.json).');

  let lastDone = 0;
  let bytesSoFar = 0;
  const outcome = await runJob({
    kind: 'verify',
    title: context.t('verify.title'),
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
    context.err(`${context.t('verify.interrupted')}\n`);
    if (request.json) context.out(`${JSON.stringify({ command: 'verify', folder, ok: false, state: 'cancelled' })}\n`);
    return EXIT.failed;
  }
  if (outcome.state === 'failed') throw outcome.error;
  const report = outcome.value;
  if (request.json) context.out(`${JSON.stringify({ command: 'verify', ...report })}\n`);
  else context.out(renderReport(report, context.t));
  return report.ok ? EXIT.done : EXIT.failed;
}

/** The report in the CLI's language (English unless told otherwise). */
export function renderReport(report: VerifyReport, t: Translate<'cli'> = cliTranslator('en')): string {
  const size = formatBytes(report.checkedBytes);
  const folder = report.folder;
  if (report.ok) return `${t('verify.ok', { count: report.checkedFiles, size, folder })}\n`;
  const kinds = [
    ['missing', report.missing],
    ['altered', report.altered],
    ['truncated', report.truncated],
    ['extra', report.extra],
  ] as const;
  const counts = kinds.filter(([, list]) => list.length > 0).map(([name, list]) => t(`verify.kinds.${name}`, { n: formatCount(list.length) }));
  if (report.problems.length > 0) counts.push(t('verify.kinds.other', { count: report.problems.length }));
  const checked = t('verify.checked', { count: report.checkedFiles, size });
  const lines = [t('verify.problems', { counts: counts.join(t('verify.listSeparator')), checked, folder })];
  for (const problem of report.problems) lines.push(t('verify.problem', { text: printable(problem, 500) }));
  for (const [name, list] of kinds) {
    if (list.length === 0) continue;
    lines.push(t(`verify.meanings.${name}`));
    for (const file of list.slice(0, SHOWN_PER_KIND)) lines.push(`  ${printable(file, 400)}`);
    if (list.length > SHOWN_PER_KIND) lines.push(t('verify.more', { n: formatCount(list.length - SHOWN_PER_KIND) }));
  }
  return `${lines.join('\n')}\n`;
}
