/**
 * `cv-steward export --out DIR`: the app's export engine as a job. Exit 0 only when the
 * manifest says complete (nothing missing, every count matching the service); a partial
 * bundle, a failure or Ctrl-C exit 1 with the command that resumes it; a folder holding
 * another resource's bundle exits 2 (nothing is written).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SAVED_FILES_CATEGORY } from '../../shared/model/bundle';
import { sayExportSummary, type ExportSummary } from '../../shared/model/export-summary';
import { exportJobCategories, type Manifest } from '../export';
import type { ExportRequest } from './cli-args';
import { connect, resolveAccount } from './cli-account';
import { describeError, EXIT, UsageError, type ExitCode } from './cli-errors';
import { countDownloads, type BundleDownloads } from './bundle-downloads';
import { commandLine, progressPrinter, type CommandContext } from './command-context';
import { formatBytes, formatCount, printable } from './format';
import { outputFolder } from './folder-arguments';
import { runJob } from './job-session';

export async function exportCommand(context: CommandContext, request: ExportRequest): Promise<ExitCode> {
  const folder = await checkFolder(request.out);
  const account = await resolveAccount(request.account, { ...context, warn: (message) => context.err(`cv-steward: ${message}\n`) });
  context.hide(account.key);
  // Proves endpoint and key before a folder is touched; the export builds its own client in its worker.
  await connect(account, context.services, request.ratePerSecond, context.interrupt);
  const resume = commandLine(context.argv);
  const json = (fields: Record<string, unknown>) => {
    if (request.json) context.out(`${JSON.stringify({ command: 'export', folder, ...fields })}\n`);
  };

  const since = new Date();
  const outcome = await runJob({
    kind: 'export',
    title: context.t('export.title', { account: account.displayName }),
    // On a resumed bundle the re-check of saved files comes first, with its own line.
    categories: exportJobCategories(folder, request.categories),
    printer: progressPrinter(context, request.quiet, (category) => (category === SAVED_FILES_CATEGORY ? context.t('progress.filesChecked') : '')),
    ...(context.interrupt ? { interrupt: context.interrupt } : {}),
    work: (ctx) =>
      context.services.runExport(ctx, {
        connection: { endpoint: account.endpoint.baseUrl, key: account.key, rateLimit: request.ratePerSecond },
        folder,
        selection: { ...(request.projectIds ? { projectIds: request.projectIds } : {}), categories: request.categories },
        account: {
          endpointHost: account.endpoint.host,
          ...(account.endpoint.resourceName ? { resourceName: account.endpoint.resourceName } : {}),
          ...(account.endpoint.region ? { region: account.endpoint.region } : {}),
          keyFingerprint: account.keyFingerprint,
          displayName: account.displayName,
        },
        toolVersion: context.version,
        ...(request.zip ? { zip: true } : {}),
        ...(request.language ? { language: request.language } : {}),
      }),
  });

  if (outcome.state === 'cancelled') {
    const how = context.t(outcome.stoppedCleanly ? 'export.stoppedCleanly' : 'export.notStoppedInTime');
    context.err(`\n${context.t('export.interrupted', { how })}\n  ${resume}\n`);
    json({ ok: false, status: 'cancelled', resume });
    return EXIT.failed;
  }
  if (outcome.state === 'failed') {
    const error = describeError(outcome.error);
    if (error.code === 'BUNDLE_OF_OTHER_RESOURCE') {
      // The wrong folder for this account: a usage mistake, and nothing was written.
      context.err(`cv-steward: ${error.message}\n`);
      json({ ok: false, status: 'refused', error });
      return EXIT.usage;
    }
    context.err(`cv-steward: ${error.message}\n${context.t('export.failed', { folder })}\n  ${resume}\n`);
    json({ ok: false, status: 'failed', error, resume });
    return EXIT.failed;
  }

  const manifest = await context.services.readManifest(folder);
  const downloads = await countDownloads(folder, since);
  const mismatches = manifest.projects.flatMap((project) => project.reconciliation.filter((item) => !item.ok).map((item) => ({ project, item })));
  const zip = request.zip ? await zipInfo(`${folder}.zip`) : undefined;
  const ok = manifest.status === 'complete' && mismatches.length === 0 && (!request.zip || zip !== null);

  const report = humanReport(context, outcome.value, manifest, downloads, mismatches.length, folder, zip);
  if (!ok) report.push(`${context.t('export.partial')}\n  ${resume}`);
  const text = `${report.join('\n')}\n`;
  // Without --json this is the result (stdout); with it, stdout is the JSON line only.
  if (!request.json) context.out(text);
  else if (!request.quiet) context.err(text);
  json({
    ok,
    status: manifest.status,
    projects: manifest.projects.length,
    counts: manifest.counts,
    files: manifest.files.length,
    downloaded: downloads.downloaded,
    alreadyPresent: downloads.reused,
    problems: manifest.problems.length,
    mismatches: mismatches.length,
    zip: zip ?? null,
    summary: outcome.value.summary,
  });
  return ok ? EXIT.done : EXIT.failed;
}

const OUT_ADVICE = 'Give --out a new or empty folder, or an earlier bundle to resume it.';

/** A new folder, an empty one, or an earlier bundle; never someone's unrelated files. */
async function checkFolder(out: string): Promise<string> {
  const { folder, exists } = await outputFolder(out, OUT_ADVICE);
  if (!exists) return folder;
  const entries = await readdir(folder);
  if (entries.length > 0 && !entries.includes('manifest.json') && !entries.includes('.cv-steward')) {
    throw new UsageError(`${folder} already holds other files and is not a CV Steward bundle. Choose a new or empty folder (or an earlier bundle, to resume it).`);
  }
  return folder;
}

async function zipInfo(file: string): Promise<{ path: string; bytes: number } | null> {
  try {
    return { path: file, bytes: (await stat(file)).size };
  } catch {
    return null;
  }
}

/**
 * The engine's summary in the CLI's language: every sentence of it (repaired files, the zip,
 * earlier runs' gaps…) said from its facts through the catalogue's `exportSummary` block.
 */
function summaryLine(context: CommandContext, summary: ExportSummary): string {
  const text = sayExportSummary(summary.summaryText.params ?? {}, (key, params) => context.t(`exportSummary.${key}`, readableParams(params)));
  return printable(text, 2000);
}

/** Numbers grouped, a "…Bytes" one as a size; `count` stays a number for the plural forms. */
function readableParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (typeof value !== 'number' || name === 'count') return [name, value];
      return [name, name.endsWith('Bytes') ? formatBytes(value) : formatCount(value)];
    }),
  );
}

function humanReport(
  context: CommandContext,
  summary: ExportSummary,
  manifest: Manifest,
  downloads: BundleDownloads,
  mismatches: number,
  folder: string,
  zip: { path: string; bytes: number } | null | undefined,
): string[] {
  const { t } = context;
  const { downloaded, reused } = downloads;
  const lines = [summaryLine(context, summary)];
  const size = formatBytes(downloaded.bytes);
  lines.push(
    reused.files > 0
      ? t('export.downloadedResumed', { count: downloaded.files, size, reused: t('export.reused', { count: reused.files }) })
      : t('export.downloaded', { count: downloaded.files, size }),
  );
  if (manifest.problems.length > 0) {
    lines.push(t('export.problems', { n: formatCount(manifest.problems.length) }));
    for (const problem of manifest.problems.slice(0, 10)) {
      // The problem's own sentence is the export engine's (English); the viewer says it in the bundle's language.
      lines.push(`  ${problem.category}${problem.projectId ? t('export.problemInProject', { project: problem.projectId }) : ''}: ${printable(problem.message, 300)}`);
    }
    if (manifest.problems.length > 10) lines.push(t('export.moreProblems', { n: formatCount(manifest.problems.length - 10) }));
  }
  if (mismatches > 0) lines.push(t('export.mismatches', { count: mismatches, n: formatCount(mismatches) }));
  if (zip === null) lines.push(t('export.zipMissing', { file: `${folder}.zip` }));
  lines.push(
    t('export.bundle', {
      folder,
      status: t(`export.status.${manifest.status}`),
      count: manifest.files.length,
      index: path.join(folder, 'index.html'),
      quoted: commandLine([folder]).slice('cv-steward '.length),
    }),
  );
  return lines;
}
