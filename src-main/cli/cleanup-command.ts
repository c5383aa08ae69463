/**
 * `cv-steward cleanup plan|run`: the app's one deletion path (planner, gate, executor,
 * proof, receipt in src-main/cleanup) on the command line. `plan` only reads; `run`
 * refuses before any delete call unless --confirm matches the plan's confirmText and the
 * bundle covers the plan (or --no-backup). Exit 0 only when every step is verified gone.
 */
import { CLEANUP_CATEGORIES, type CleanupPlan } from '../../shared/model/cleanup';
import { provenItems } from '../../shared/model/proven-items';
import { buildPlan, keychainPlanSealer, loadPlan, runCleanup, savePlan, type BackupChoice, type PlanSealer } from '../cleanup';
import { keychainService } from '../settings/app-data-dir';
import type { TrainingClient } from '../customvision';
import type { CleanupPlanRequest, CleanupRequest, CleanupRunRequest } from './cli-args';
import { connect, resolveAccount, type ResolvedAccount } from './cli-account';
import { describeError, EXIT, type ExitCode } from './cli-errors';
import { existingFile, existingFolder, newFile } from './folder-arguments';
import { commandLine, progressPrinter, shellQuote as quote, type CommandContext } from './command-context';
import { planReportLines, runReportLines } from './cleanup-report';
import { runJob } from './job-session';

/**
 * Plans are sealed with this installation's secret in the OS keychain (the app's keychain
 * service, or CV_STEWARD_KEYCHAIN_SERVICE), so a plan made here and reviewed can be run from
 * the app or the command line alike, and an edited one from neither.
 */
function planSealer(context: CommandContext): PlanSealer {
  return keychainPlanSealer(context.services.openKeychain(keychainService(context.env)));
}

/** Refusals that happen before any delete call: the account is untouched. */
const REFUSALS = new Set([
  'PLAN_UNSEALED',
  'PLAN_SEALED_ELSEWHERE',
  'PLAN_TAMPERED',
  'CONFIRMATION_MISMATCH',
  'BACKUP_NOT_COVERING',
  'BUNDLE_NOT_FOUND',
  'NOT_A_BUNDLE',
  'BAD_MANIFEST',
  'PLAN_ACCOUNT_MISMATCH',
  'PLAN_INVALID',
  'JOURNAL_MISMATCH',
  'JOURNAL_INVALID',
  'CLEANUP_BUSY',
]);

export async function cleanupCommand(context: CommandContext, request: CleanupRequest): Promise<ExitCode> {
  // Paths are checked before connecting: a typo should not cost a round trip.
  if (request.action === 'plan') {
    const file = await newFile(request.out, '--out', 'A plan is never overwritten (its journal and receipt sit next to it); choose another --out.');
    const { account, client } = await openAccount(context, request);
    return planAction(context, request, file, account, client);
  }
  const planPath = await existingFile(request.plan, 'plan file', 'Give --plan the file made by "cv-steward cleanup plan".');
  const backup = request.backup.kind === 'bundle' ? { kind: 'bundle' as const, folder: await existingFolder(request.backup.folder, BUNDLE_ADVICE) } : request.backup;
  const plan = await loadPlan(planPath);
  const { client } = await openAccount(context, request);
  return runAction(context, request, client, { planPath, plan, backup });
}

const BUNDLE_ADVICE = 'Give --bundle the folder of an export bundle (the one holding manifest.json), or --no-backup.';

async function openAccount(context: CommandContext, request: CleanupRequest): Promise<{ account: ResolvedAccount; client: TrainingClient }> {
  const account = await resolveAccount(request.account, { ...context, warn: (message) => context.err(`cv-steward: ${message}\n`) });
  context.hide(account.key);
  return { account, client: await connect(account, context.services, request.ratePerSecond, context.interrupt) };
}

async function planAction(context: CommandContext, request: CleanupPlanRequest, file: string, account: ResolvedAccount, client: TrainingClient): Promise<ExitCode> {
  const outcome = await runJob({
    kind: 'cleanup-plan',
    title: context.t('cleanup.planTitle', { account: account.displayName }),
    categories: CLEANUP_CATEGORIES,
    printer: progressPrinter(context, request.quiet),
    ...(context.interrupt ? { interrupt: context.interrupt } : {}),
    work: (ctx) =>
      buildPlan(ctx, client, {
        scope: request.scope,
        account: { endpointHost: account.endpoint.host, keyFingerprint: account.keyFingerprint, displayName: account.displayName },
      }),
  });
  if (outcome.state !== 'succeeded') {
    const error = outcome.state === 'failed' ? describeError(outcome.error) : { code: 'CANCELLED', message: context.t('cleanup.planCancelled') };
    context.err(`cv-steward: ${error.message}\n${context.t('cleanup.nothingDeleted')}\n`);
    if (request.json) context.out(`${JSON.stringify({ command: 'cleanup', action: 'plan', ok: false, error })}\n`);
    return EXIT.failed;
  }
  const plan = await savePlan(file, outcome.value, planSealer(context));
  const runCommand = `cv-steward cleanup run ${accountArgs(request)} --plan ${quote(file)} --bundle BUNDLE_DIR --confirm ${quote(plan.confirmText)}`;
  const lines = planReportLines(context, plan, file, request.ratePerSecond, runCommand);
  if (!request.json) context.out(`${lines.join('\n')}\n`);
  else {
    if (!request.quiet) context.err(`${lines.join('\n')}\n`);
    context.out(`${JSON.stringify({ command: 'cleanup', action: 'plan', ok: true, plan: file, planId: plan.planId, confirmText: plan.confirmText, counts: plan.counts, apiCalls: plan.apiCalls, steps: plan.steps.length })}\n`);
  }
  return EXIT.done;
}

/** The run's checked arguments: the plan's absolute path, the plan, and the backup with its folder made absolute. */
interface RunInputs {
  planPath: string;
  plan: CleanupPlan;
  backup: BackupChoice;
}

async function runAction(context: CommandContext, request: CleanupRunRequest, client: TrainingClient, { planPath, plan, backup }: RunInputs): Promise<ExitCode> {
  const resume = commandLine(context.argv);
  const json = (fields: Record<string, unknown>) => {
    if (request.json) context.out(`${JSON.stringify({ command: 'cleanup', action: 'run', plan: planPath, ...fields })}\n`);
  };
  const outcome = await runJob({
    kind: 'cleanup',
    title: context.t('cleanup.runTitle', { account: plan.account.displayName }),
    categories: CLEANUP_CATEGORIES,
    printer: progressPrinter(context, request.quiet),
    ...(context.interrupt ? { interrupt: context.interrupt } : {}),
    work: (ctx) => runCleanup(ctx, client, { planPath, plan, sealer: planSealer(context), confirmText: request.confirm, backup, language: request.language }),
  });
  if (outcome.state === 'cancelled') {
    context.err(`\n${context.t('cleanup.interrupted')}\n  ${resume}\n`);
    json({ ok: false, status: 'cancelled', resume });
    return EXIT.failed;
  }
  if (outcome.state === 'failed') {
    const error = describeError(outcome.error);
    const refused = REFUSALS.has(error.code);
    context.err(
      refused
        ? `cv-steward: ${error.message}\n${context.t('cleanup.refused')}\n`
        : `cv-steward: ${error.message}\n${context.t('cleanup.stoppedPartWay')}\n  ${resume}\n`,
    );
    json({ ok: false, status: refused ? 'refused' : 'failed', error, ...(refused ? {} : { resume }) });
    return EXIT.failed;
  }
  const result = outcome.value;
  const text = runReportLines(context, plan, result, resume).join('\n');
  if (!request.json) context.out(`${text}\n`);
  else if (!request.quiet) context.err(`${text}\n`);
  const unverified = result.receipt.verifications.filter((item) => !item.verified).length;
  json({
    ok: result.complete,
    status: result.complete ? 'verified' : 'incomplete',
    calls: result.receipt.calls.length,
    verifications: result.receipt.verifications.length,
    unverified,
    proven: result.receipt.proven ?? provenItems(result.receipt.verifications),
    receipt: { json: result.receiptJsonPath, html: result.receiptHtmlPath },
  });
  return result.complete ? EXIT.done : EXIT.failed;
}

function accountArgs(request: CleanupPlanRequest): string {
  if (request.account.account !== undefined) return `--account ${quote(request.account.account)}`;
  return `--endpoint ${quote(request.account.endpoint ?? '')}`;
}
