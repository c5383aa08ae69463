/**
 * `cv-steward cleanup plan|run`: the app's one deletion path (planner, gate, executor,
 * proof, receipt in src-main/cleanup) on the command line. `plan` only reads; `run`
 * refuses before any delete call unless --confirm matches the plan's confirmText and the
 * bundle covers the plan (or --no-backup). Exit 0 only when every step is verified gone.
 */
import { CLEANUP_CATEGORIES, type CategoryCounts, type CleanupPlan } from '../../shared/model/cleanup';
import { buildPlan, loadPlan, runCleanup, savePlan, type BackupChoice, type CleanupOutcome } from '../cleanup';
import type { TrainingClient } from '../customvision';
import type { CleanupPlanRequest, CleanupRequest, CleanupRunRequest } from './cli-args';
import { connect, resolveAccount, type ResolvedAccount } from './cli-account';
import { describeError, EXIT, type ExitCode } from './cli-errors';
import { existingFile, existingFolder, newFile } from './folder-arguments';
import { commandLine, progressPrinter, shellQuote as quote, type CommandContext } from './command-context';
import { formatCount, printable } from './format';
import { runJob } from './job-session';

/** Refusals that happen before any delete call: the account is untouched. */
const REFUSALS = new Set([
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
    title: `Cleanup plan for ${account.displayName}`,
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
    const error = outcome.state === 'failed' ? describeError(outcome.error) : { code: 'CANCELLED', message: 'Planning was interrupted; nothing was saved.' };
    context.err(`cv-steward: ${error.message}\nNothing was deleted.\n`);
    if (request.json) context.out(`${JSON.stringify({ command: 'cleanup', action: 'plan', ok: false, error })}\n`);
    return EXIT.failed;
  }
  const plan = outcome.value;
  await savePlan(file, plan);
  const lines = [
    `Plan saved to ${file} (nothing has been deleted).`,
    `Scope: ${printable(plan.scopeText, 200)}`,
    ...countLines(plan.counts),
    `Delete calls: ${formatCount(plan.apiCalls)} (≈ ${Math.ceil(plan.apiCalls / Math.max(1, request.ratePerSecond))} s at ${request.ratePerSecond} calls/s, plus checks)`,
    plan.steps.length === 0 ? 'There is nothing to delete in this scope.' : `To run it, back it up first (cv-steward export), then type the account name to confirm:`,
    ...(plan.steps.length === 0
      ? []
      : [`  cv-steward cleanup run ${accountArgs(request)} --plan ${quote(file)} --bundle BUNDLE_DIR --confirm ${quote(plan.confirmText)}`]),
  ];
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
    title: `Cleanup of ${plan.account.displayName}`,
    categories: CLEANUP_CATEGORIES,
    printer: progressPrinter(context, request.quiet),
    ...(context.interrupt ? { interrupt: context.interrupt } : {}),
    work: (ctx) => runCleanup(ctx, client, { planPath, plan, confirmText: request.confirm, backup, language: request.language }),
  });
  if (outcome.state === 'cancelled') {
    context.err(`\nCleanup interrupted. Every call made so far is journaled next to the plan.\nTo resume, run the same command again:\n  ${resume}\n`);
    json({ ok: false, status: 'cancelled', resume });
    return EXIT.failed;
  }
  if (outcome.state === 'failed') {
    const error = describeError(outcome.error);
    const refused = REFUSALS.has(error.code);
    context.err(
      refused
        ? `cv-steward: ${error.message}\nRefused: this run deleted nothing.\n`
        : `cv-steward: ${error.message}\nThe cleanup stopped part-way; every call made is journaled. Once that is fixed, run the same command again to resume:\n  ${resume}\n`,
    );
    json({ ok: false, status: refused ? 'refused' : 'failed', error, ...(refused ? {} : { resume }) });
    return EXIT.failed;
  }
  const result = outcome.value;
  const text = receiptLines(plan, result, resume).join('\n');
  if (!request.json) context.out(`${text}\n`);
  else if (!request.quiet) context.err(`${text}\n`);
  const unverified = result.receipt.verifications.filter((item) => !item.verified).length;
  json({
    ok: result.complete,
    status: result.complete ? 'verified' : 'incomplete',
    calls: result.receipt.calls.length,
    verifications: result.receipt.verifications.length,
    unverified,
    receipt: { json: result.receiptJsonPath, html: result.receiptHtmlPath },
  });
  return result.complete ? EXIT.done : EXIT.failed;
}

function receiptLines(plan: CleanupPlan, result: CleanupOutcome, resume: string): string[] {
  const { receipt } = result;
  const failedCalls = receipt.calls.filter((call) => call.outcome === 'failed').length;
  const unverified = receipt.verifications.filter((item) => !item.verified);
  return [
    result.complete ? `Done: everything in the plan is verified gone.` : `INCOMPLETE: ${unverified.length} of ${receipt.verifications.length} checks did not confirm deletion.`,
    `Scope: ${printable(plan.scopeText, 200)}`,
    `Calls: ${formatCount(receipt.calls.length)} journaled${failedCalls > 0 ? `, ${failedCalls} failed` : ''}.`,
    ...unverified.slice(0, 10).map((item) => `  not verified: ${printable(item.check, 120)}${item.detail ? ` (${printable(item.detail, 160)})` : ''}`),
    `Receipt: ${result.receiptHtmlPath}`,
    `         ${result.receiptJsonPath}`,
    'Not deletable through the Training API (see the receipt): the Azure resource itself, its keys, and a customvision.ai account.',
    ...(result.complete ? [] : [`Run the same command again to retry what is left:\n  ${resume}`]),
  ];
}

function countLines(counts: CategoryCounts): string[] {
  return [
    `  projects:    ${formatCount(counts.projects)}`,
    `  iterations:  ${formatCount(counts.iterations)}${counts.publishedIterations > 0 ? ` (${formatCount(counts.publishedIterations)} published: unpublished first)` : ''}`,
    `  images:      ${formatCount(counts.images)}${counts.imagesOnlyInIterations > 0 ? ` (${formatCount(counts.imagesOnlyInIterations)} only inside iterations)` : ''}`,
    `  predictions: ${formatCount(counts.predictions)}`,
    `  tags:        ${formatCount(counts.tags)}`,
  ];
}

function accountArgs(request: CleanupPlanRequest): string {
  if (request.account.account !== undefined) return `--account ${quote(request.account.account)}`;
  return `--endpoint ${quote(request.account.endpoint ?? '')}`;
}
