/**
 * Export and verify as jobs: the glue between the IPC handlers, the accounts (for the
 * key, which stays in main), the folder the user chose through main's dialog, and the
 * export engine. The export itself runs in a worker thread with a capped heap
 * (src-main/export-worker); verify runs here. Verify reports are kept per job so the
 * page can fetch them.
 */
import type { Language } from '../../shared/model/preferences';
import type { ExportCategory, VerifyReport } from '../../shared/model/bundle';
import type { AccountsService } from '../accounts';
import { normalizeEndpoint } from '../customvision';
import { exportJobCategories, verifyBundle } from '../export';
import { runExportInWorker, type ExportRunner } from '../export-worker';
import { AppError } from '../errors/app-error';
import type { JobRunner } from '../jobs';
import type { FolderRegistry } from './folder-registry';
import { exportRequestRecord, type ExportStartInfo } from '../resume';
import { mainText } from '../../shared/model/main-text';

export interface ExportWiringOptions {
  jobs: JobRunner;
  accounts: AccountsService;
  folders: FolderRegistry;
  toolVersion: string;
  /** How an export runs. Default runExportInWorker; tests of the sources pass runExportInProcess. */
  exportRunner?: ExportRunner;
  /** The user's limits (Settings), read as each export starts; default the engine's and the client's own. */
  limits?: () => { rateLimit: number; downloadConcurrency: number };
  /** Told when an export job starts, so a quit can be offered for resume next time (src-main/resume). */
  onStarted?: (jobId: string, info: ExportStartInfo) => void;
}

export function createExportWiring(options: ExportWiringOptions) {
  const reports = new Map<string, VerifyReport>();
  const runExport = options.exportRunner ?? runExportInWorker;

  /** `language`: the offline viewer's; absent keeps the bundle's recorded one (or English). */
  async function start(request: { folderId: string; projectIds?: string[]; categories: ExportCategory[]; zip?: boolean; language?: Language }) {
    const folder = options.folders.resolve(request.folderId);
    const credentials = await options.accounts.credentials();
    const summary = options.accounts.list().accounts.find((a) => a.accountId === credentials.accountId);
    const endpoint = normalizeEndpoint(credentials.endpoint);
    const job = options.jobs.start({
      kind: 'export',
      title: `Export of ${credentials.displayName}`,
      titleText: mainText('exportTitle', { account: credentials.displayName }),
      categories: exportJobCategories(folder, request.categories),
      run: async (ctx) => {
        const limits = options.limits?.();
        // The English summary for the logs, with its catalogue code for the reader's language.
        return runExport(ctx, {
          connection: { endpoint: credentials.endpoint, key: credentials.key, ...(limits ? { rateLimit: limits.rateLimit } : {}) },
          ...(limits ? { concurrency: limits.downloadConcurrency } : {}),
          folder,
          selection: { ...(request.projectIds ? { projectIds: request.projectIds } : {}), categories: request.categories },
          account: {
            endpointHost: endpoint.host,
            ...(endpoint.resourceName ? { resourceName: endpoint.resourceName } : {}),
            ...(endpoint.region ? { region: endpoint.region } : {}),
            keyFingerprint: summary?.keyFingerprint ?? '',
            displayName: credentials.displayName,
          },
          toolVersion: options.toolVersion,
          ...(request.zip ? { zip: true } : {}),
          ...(request.language ? { language: request.language } : {}),
        });
      },
    });
    options.onStarted?.(job.id, { accountId: credentials.accountId, accountName: credentials.displayName, folderPath: folder, request: exportRequestRecord(request) });
    return { jobId: job.id };
  }

  function verify(folderId: string) {
    const folder = options.folders.resolve(folderId);
    let lastDone = 0;
    const job = options.jobs.start({
      kind: 'verify',
      title: 'Verify bundle',
      titleText: mainText('verifyTitle'),
      categories: ['files'],
      run: async (ctx) => {
        const report = await verifyBundle(folder, {
          signal: ctx.signal,
          onProgress: (done, total) => {
            ctx.progress.setTotal('files', total);
            ctx.progress.advance('files', { items: Math.max(0, done - lastDone) });
            lastDone = done;
          },
        });
        reports.set(ctx.jobId, report);
        const damaged = report.missing.length + report.extra.length + report.truncated.length + report.altered.length;
        if (!report.ok) {
          throw new AppError('BUNDLE_PROBLEMS', `${damaged} file problem(s) and ${report.problems.length} other problem(s) found; see the report.`);
        }
        return { summary: `Bundle is intact: ${report.checkedFiles} files checked.`, summaryText: mainText('verifyIntact', { count: report.checkedFiles }) };
      },
    });
    return { jobId: job.id };
  }

  function report(jobId: string): VerifyReport {
    const found = reports.get(jobId);
    if (!found) throw new AppError('NOT_FOUND', 'There is no verify report for that job (yet).');
    return found;
  }

  return { start, verify, report };
}
