/**
 * The cleanup wizard's channels (docs/architecture.md, "Cleanup"): glue between the IPC
 * handlers, the active account (whose key stays in main), folders chosen through main's
 * dialog, the export engine (for "back up now") and src-main/cleanup (planner, gate,
 * executor).
 *
 * Main trusts nothing the page names but ids: plans by planId (see cleanup-plans.ts),
 * folders by folderId. The gate is enforced twice: here, cheaply and with specific
 * messages, and again inside runCleanup before any delete call, so no request the page
 * can make deletes anything without the typed confirmation and a covering bundle (or
 * the recorded waiver).
 */
import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Language } from '../../shared/model/preferences';
import type { AccountList, AccountSummary } from '../../shared/model/account';
import { EXPORT_CATEGORIES, type ExportCategory } from '../../shared/model/bundle';
import {
  CLEANUP_CATEGORIES,
  ReceiptSchema,
  type CleanupPlan,
  type CleanupScope,
  type CoverageReport,
  type PlanSummary,
  type Receipt,
} from '../../shared/model/cleanup';
import { buildPlan, checkBundleCoverage, cleanupPaths, planScopeText, runCleanup, savePlan, summarizePlan, type PlanSealer } from '../cleanup';
import { createTrainingClient, type TrainingClient } from '../customvision';
import { AppError } from '../errors/app-error';
import { isTerminal, type JobRunner } from '../jobs';
import { CleanupPlans, type PlanRecord } from './cleanup-plans';
import type { OpenPath } from './external-links';
import type { FolderRegistry } from './folder-registry';
import type { CleanupStartInfo } from '../resume';
import { mainText } from '../../shared/model/main-text';

/** What the wiring needs from AccountsService (which it is, structurally). */
export interface CleanupAccounts {
  list(): AccountList;
  credentials(accountId?: string): Promise<{ accountId: string; displayName: string; endpoint: string; key: string }>;
}

export interface CleanupWiringOptions {
  jobs: JobRunner;
  accounts: CleanupAccounts;
  folders: FolderRegistry;
  /** Plans, journals and receipts go under `<dataDir>/cleanups/<planId>/`. */
  dataDir: string;
  /** Starts the export job ("back up now"): the export wiring, for the active account. */
  startExport(request: { folderId: string; projectIds?: string[]; categories: ExportCategory[]; language?: Language }): Promise<{ jobId: string }>;
  /** Opens the receipt's HTML page with the system's browser. */
  openPath: OpenPath;
  /** Default: createTrainingClient with the process-wide rate limiter of the endpoint. */
  createClient?: (credentials: { endpoint: string; key: string }) => TrainingClient;
  /** The user's rate limit (Settings, calls/s), read as each job starts; default the client's own. */
  rateLimit?: () => number;
  /** Told when a cleanup run starts, so a quit can be offered for resume next time (src-main/resume). */
  onRunStarted?: (jobId: string, info: CleanupStartInfo) => void;
  /** Seals plans as they are saved and checks the seal before any run (the OS keychain's secret). */
  sealer: PlanSealer;
}

export type CleanupBackupChoice = { kind: 'bundle'; folderId: string } | { kind: 'waived' };

export function createCleanupWiring(options: CleanupWiringOptions) {
  const { jobs, accounts, folders } = options;
  const plans = new CleanupPlans(options.dataDir, jobs);
  const createClient =
    options.createClient ??
    ((c) => createTrainingClient({ endpoint: c.endpoint, key: c.key, ...(options.rateLimit ? { rateLimit: options.rateLimit() } : {}) }));

  /** The account in use; with a plan, it must be the plan's account (the key is looked up for it). */
  function activeAccount(plan?: CleanupPlan): AccountSummary {
    const list = accounts.list();
    const account = list.accounts.find((a) => a.accountId === list.activeAccountId);
    if (!account) throw new AppError('NO_ACCOUNT', 'Connect an account first (Accounts page).');
    if (plan && (account.endpointHost !== plan.account.endpointHost || account.keyFingerprint !== plan.account.keyFingerprint)) {
      throw new AppError(
        'ACCOUNT_MISMATCH',
        `This plan is for the account “${plan.account.displayName}” (${plan.account.endpointHost}), which is not the account in use. Switch to it on the Accounts page, or build a new plan.`,
      );
    }
    return account;
  }

  async function clientFor(account: AccountSummary): Promise<TrainingClient> {
    const credentials = await accounts.credentials(account.accountId);
    return createClient(credentials);
  }

  async function plan(scope: CleanupScope): Promise<{ jobId: string; planId: string }> {
    const account = activeAccount();
    const client = await clientFor(account);
    const planId = randomUUID();
    const record = plans.add(planId);
    const job = jobs.start({
      kind: 'cleanup-plan',
      title: `Cleanup plan for ${account.displayName}`,
      titleText: mainText('cleanupPlanTitle', { account: account.displayName }),
      categories: [...CLEANUP_CATEGORIES],
      run: async (ctx) => {
        const built = await buildPlan(ctx, client, {
          scope,
          planId,
          account: { endpointHost: account.endpointHost, keyFingerprint: account.keyFingerprint, displayName: account.displayName },
        });
        // The id is the plan's address: it must be the one the page was given.
        await mkdir(dirname(record.planPath), { recursive: true });
        const saved = await savePlan(record.planPath, { ...built, planId }, options.sealer);
        record.plan = saved;
        return {
          summary: `${saved.apiCalls} delete ${saved.apiCalls === 1 ? 'call' : 'calls'} planned: ${saved.scopeText}.`,
          summaryText: mainText('cleanupPlanned', { count: saved.apiCalls }),
        };
      },
    });
    record.planJobId = job.id;
    return { jobId: job.id, planId };
  }

  /** `language`: the wizard's, for the scope sentence (the plan file keeps English). */
  async function getPlan(planId: string, language?: Language): Promise<PlanSummary> {
    const record = await plans.require(planId);
    const summary = summarizePlan(record.plan, record.planPath);
    return language ? { ...summary, scopeText: planScopeText(record.plan, language) } : summary;
  }

  async function checkBundle(planId: string, folderId: string): Promise<{ jobId: string }> {
    const record = await plans.require(planId);
    const folder = folders.resolve(folderId);
    // A check in progress makes any earlier answer stale.
    delete record.coverage;
    const job = jobs.start({
      kind: 'cleanup-check',
      title: 'Check the bundle against the plan',
      titleText: mainText('cleanupCheckTitle'),
      // Files are re-hashed first, then the plan's items are looked up per category.
      categories: ['files', ...CLEANUP_CATEGORIES],
      run: async (ctx) => {
        const report = await checkBundleCoverage(ctx, record.plan, folder);
        if (record.checkJobId === ctx.jobId) record.coverage = { folderId, report };
        if (!report.ok) throw notCovering(report);
        return {
          summary: `The bundle holds every item of the plan (${report.checkedFiles} files checked).`,
          summaryText: mainText('cleanupCheckCovered', { count: report.checkedFiles }),
        };
      },
    });
    record.checkJobId = job.id;
    return { jobId: job.id };
  }

  async function coverage(planId: string): Promise<CoverageReport | null> {
    return (await plans.require(planId)).coverage?.report ?? null;
  }

  /** `language`: the backup bundle's viewer; absent keeps the bundle's recorded one (or English). */
  async function backup(planId: string, folderId: string, language?: Language): Promise<{ jobId: string }> {
    const record = await plans.require(planId);
    activeAccount(record.plan);
    folders.resolve(folderId);
    const projectIds = record.plan.projects.map((project) => project.id);
    if (projectIds.length === 0) throw nothingToDelete();
    // The bundle is about to change: what was checked before no longer holds.
    delete record.coverage;
    return options.startExport({
      folderId,
      // "Everything" keeps the bundle's selection "all", so a full bundle stays full.
      ...(record.plan.scope.kind === 'all' ? {} : { projectIds }),
      categories: backupCategories(record.plan),
      ...(language ? { language } : {}),
    });
  }

  /** `language`: the receipt's (JSON texts and HTML page); default English. */
  async function run(planId: string, confirmText: string, choice: CleanupBackupChoice, language?: Language): Promise<{ jobId: string }> {
    const record = await plans.require(planId);
    const { plan: cleanupPlan } = record;
    const running = record.runJobId === undefined ? undefined : jobs.get(record.runJobId);
    if (running && !isTerminal(running.state)) {
      throw new AppError('INVALID_STATE', 'This cleanup is already running. Pause or cancel it before starting it again.');
    }
    if (confirmText !== cleanupPlan.confirmText) {
      throw new AppError('CONFIRMATION_MISMATCH', `Nothing was deleted: type the account name exactly as shown (“${cleanupPlan.confirmText}”) to confirm.`);
    }
    if (cleanupPlan.steps.length === 0) throw nothingToDelete();
    const backup = choice.kind === 'waived' ? ({ kind: 'waived' } as const) : { kind: 'bundle' as const, folder: requireCovered(record, choice.folderId) };
    const account = activeAccount(cleanupPlan);
    const client = await clientFor(account);
    const job = jobs.start({
      kind: 'cleanup',
      title: `Cleanup of ${cleanupPlan.account.displayName}`,
      titleText: mainText('cleanupTitle', { account: cleanupPlan.account.displayName }),
      // The bundle is re-hashed first (the gate trusts no earlier check): its bar comes first.
      categories: backup.kind === 'bundle' ? ['files', ...CLEANUP_CATEGORIES] : [...CLEANUP_CATEGORIES],
      run: async (ctx) => {
        delete record.outcome;
        const outcome = await runCleanup(ctx, client, {
          planPath: record.planPath,
          plan: cleanupPlan,
          sealer: options.sealer,
          confirmText,
          backup,
          ...(language ? { language } : {}),
        });
        record.outcome = outcome;
        const unverified = outcome.receipt.verifications.filter((v) => !v.verified);
        if (!outcome.complete) {
          const couldNot = unverified.filter((v) => v.result === 'could-not-verify').length;
          const why = couldNot > 0 ? ` (${couldNot} could not be verified: the service's answers proved nothing either way)` : '';
          throw new AppError(
            'CLEANUP_INCOMPLETE',
            `${unverified.length} ${unverified.length === 1 ? 'check' : 'checks'} did not prove the items gone${why}; the receipt lists them. Start the cleanup again to resume it.`,
          );
        }
        return { summary: 'Everything in the plan is deleted, and checked again to be gone.', summaryText: mainText('cleanupDone') };
      },
    });
    record.runJobId = job.id;
    options.onRunStarted?.(job.id, { accountId: account.accountId, accountName: account.displayName, planId, backup: choice.kind });
    return { jobId: job.id };
  }

  /** The bundle the page chose must be the one last checked for this plan, and cover it. */
  function requireCovered(record: PlanRecord, folderId: string): string {
    const folder = folders.resolve(folderId);
    const checked = record.coverage;
    if (!checked || checked.folderId !== folderId) {
      throw new AppError('BACKUP_NOT_CHECKED', 'Nothing was deleted: check this bundle against the plan first (step 3), or waive the backup.');
    }
    if (!checked.report.ok) throw notCovering(checked.report);
    return folder;
  }

  async function receipt(planId: string): Promise<Receipt | null> {
    const record = await plans.require(planId);
    if (record.outcome) return record.outcome.receipt;
    let text: string;
    try {
      text = await readFile(cleanupPaths(record.planPath).receiptJson, 'utf8');
    } catch {
      return null;
    }
    const parsed = ReceiptSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new AppError('RECEIPT_INVALID', 'The saved receipt of this cleanup cannot be read; run the cleanup again to write a new one.');
    return parsed.data;
  }

  async function openReceipt(planId: string): Promise<{ opened: boolean }> {
    const record = await plans.require(planId);
    const html = record.outcome?.receiptHtmlPath ?? cleanupPaths(record.planPath).receiptHtml;
    try {
      await access(html);
    } catch {
      throw new AppError('NO_RECEIPT', 'There is no receipt for this plan yet: it is written when the cleanup has run.');
    }
    await options.openPath(html);
    return { opened: true };
  }

  /** The receipt's HTML file (for "show in folder"); NOT_FOUND until the cleanup has written it. */
  async function receiptFile(planId: string): Promise<string> {
    const record = await plans.require(planId);
    const html = record.outcome?.receiptHtmlPath ?? cleanupPaths(record.planPath).receiptHtml;
    try {
      await access(html);
    } catch {
      throw new AppError('NOT_FOUND', 'There is no receipt for this plan yet: it is written when the cleanup has run.');
    }
    return html;
  }

  return { plan, getPlan, chooseBundle: () => folders.choose(), checkBundle, coverage, backup, run, receipt, openReceipt, receiptFile };
}

/**
 * What "back up now" exports: the kinds of data the plan deletes. A project that goes
 * entirely needs everything; otherwise the project record, plus what its steps delete
 * (iterations take their performance, exported models and the images only they hold).
 */
export function backupCategories(plan: CleanupPlan): ExportCategory[] {
  if (plan.projects.some((project) => project.deleteProject)) return [...EXPORT_CATEGORIES];
  const wanted = new Set<ExportCategory>(['projects']);
  const { counts } = plan;
  if (counts.iterations > 0) for (const c of ['iterations', 'performance', 'models', 'images', 'tags'] as const) wanted.add(c);
  if (counts.images > 0) for (const c of ['images', 'tags'] as const) wanted.add(c);
  if (counts.predictions > 0) wanted.add('predictions');
  if (counts.tags > 0) wanted.add('tags');
  return EXPORT_CATEGORIES.filter((category) => wanted.has(category));
}

function notCovering(report: CoverageReport): AppError {
  const problems = report.verifyProblems.length;
  const parts = [
    report.uncoveredCount > 0 ? `${report.uncoveredCount} ${report.uncoveredCount === 1 ? 'item' : 'items'} of the plan ${report.uncoveredCount === 1 ? 'is' : 'are'} not in the bundle` : '',
    problems > 0 ? `verify found ${problems} ${problems === 1 ? 'problem' : 'problems'} in it` : '',
  ].filter((part) => part !== '');
  const what = parts.length > 0 ? parts.join(', and ') : 'the bundle is not complete';
  return new AppError('BACKUP_NOT_COVERING', `Nothing was deleted: ${what}. Back up now, or choose another bundle.`);
}

function nothingToDelete(): AppError {
  return new AppError('NOTHING_TO_DELETE', 'This plan deletes nothing: the scope is already empty.');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
