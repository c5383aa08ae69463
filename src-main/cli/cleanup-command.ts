/**
 * `cv-steward cleanup plan|run`: the app's one deletion path (planner, gate, executor,
 * proof, receipt in src-main/cleanup) on the command line. `plan` only reads; `run`
 * refuses before any delete call unless --confirm matches the plan's confirmText and the
 * bundle covers the plan (or --no-backup). Exit 0 only when every step is verified gone.
 */
import { CLEANUP_CATEGORIES, type CategoryCounts, type CleanupCategory, type CleanupPlan, type ProvenItems } from '../../shared/model/cleanup';
import { provenItems } from '../../shared/model/proven-items';
import { buildPlan, keychainPlanSealer, loadPlan, runCleanup, savePlan, type BackupChoice, type CleanupOutcome, type PlanSealer } from '../cleanup';
import { keychainService } from './app-data-dir';
import type { TrainingClient } from '../customvision';
import type { CleanupPlanRequest, CleanupRequest, CleanupRunRequest } from './cli-args';
import { connect, resolveAccount, type ResolvedAccount } from './cli-account';
import { describeError, EXIT, type ExitCode } from './cli-errors';
import { existingFile, existingFolder, newFile } from './folder-arguments';
import { commandLine, progressPrinter, shellQuote as quote, type CommandContext } from './command-context';
import { formatCount, plural, printable } from './format';
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
  const plan = await savePlan(file, outcome.value, planSealer(context));
  const lines = [
    `Plan saved to ${file} (nothing has been deleted).`,
    `Scope: ${printable(plan.scopeText, 200)}`,
    ...countLines(plan.counts),
    ...takenAlongLines(plan),
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
    work: (ctx) => runCleanup(ctx, client, { planPath, plan, sealer: planSealer(context), confirmText: request.confirm, backup, language: request.language }),
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
    proven: result.receipt.proven ?? provenItems(result.receipt.verifications),
    receipt: { json: result.receiptJsonPath, html: result.receiptHtmlPath },
  });
  return result.complete ? EXIT.done : EXIT.failed;
}

function receiptLines(plan: CleanupPlan, result: CleanupOutcome, resume: string): string[] {
  const { receipt } = result;
  const failedCalls = receipt.calls.filter((call) => call.outcome === 'failed').length;
  const unverified = receipt.verifications.filter((item) => !item.verified);
  const couldNot = unverified.filter((item) => item.result === 'could-not-verify').length;
  const left = receipt.leftInPlace ?? [];
  const headline = result.complete
    ? 'Done: everything in the plan is verified gone.'
    : couldNot > 0
      ? `INCOMPLETE: ${formatCount(unverified.length)} of ${formatCount(receipt.verifications.length)} checks did not confirm deletion (${formatCount(couldNot)} could not verify: the service's answers prove nothing either way).`
      : `INCOMPLETE: ${formatCount(unverified.length)} of ${formatCount(receipt.verifications.length)} checks did not confirm deletion.`;
  return [
    headline,
    `Scope: ${printable(plan.scopeText, 200)}`,
    ...provenLines(receipt.proven ?? provenItems(receipt.verifications)),
    `Checks: ${formatCount(receipt.verifications.length)} (each listed in the receipt).`,
    `Calls: ${formatCount(receipt.calls.length)} journaled${failedCalls > 0 ? `, ${formatCount(failedCalls)} failed` : ''}.`,
    ...unverified
      .slice(0, 10)
      .map((item) => `  ${item.result === 'could-not-verify' ? 'could not verify' : 'still there'}: ${printable(item.check, 120)}${item.detail ? ` (${printable(item.detail, 160)})` : ''}`),
    ...(left.length > 0 ? [`Left in place (no longer in the plan's scope, not deleted): ${formatCount(left.length)}, listed in the receipt.`] : []),
    `Receipt: ${result.receiptHtmlPath}`,
    `         ${result.receiptJsonPath}`,
    'Not deletable through the Training API (see the receipt): the Azure resource itself, its keys, and a customvision.ai account.',
    ...(result.complete ? [] : [`Run the same command again to retry what is left:\n  ${resume}`]),
  ];
}

const ITEM_WORDS: Readonly<Record<CleanupCategory, readonly [string, string]>> = {
  projects: ['project', 'projects'],
  iterations: ['iteration', 'iterations'],
  images: ['image', 'images'],
  predictions: ['stored prediction', 'stored predictions'],
  tags: ['tag', 'tags'],
};

/**
 * What the proof found, in items per kind ("284 of 284 images proven gone"), not in checks:
 * one check can cover 90 images. Items not proven gone are split by why.
 */
function provenLines(proven: readonly ProvenItems[]): string[] {
  if (proven.length === 0) return [];
  const rows = proven.map((kind) => {
    const [one, many] = ITEM_WORDS[kind.category];
    const doubts = [kind.stillThere > 0 ? `${formatCount(kind.stillThere)} still there` : '', kind.couldNotVerify > 0 ? `${formatCount(kind.couldNotVerify)} could not verify` : ''].filter(Boolean);
    return `  ${formatCount(kind.gone)} of ${formatCount(kind.items)} ${kind.items === 1 ? one : many} proven gone${doubts.length > 0 ? ` (${doubts.join(', ')})` : ''}`;
  });
  return ['Proven gone, by reading the account again:', ...rows];
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

/** What the deleted iterations (or projects) take along without a step of their own: the backup must hold it too. */
function takenAlongLines(plan: CleanupPlan): string[] {
  const images = plan.projects.reduce((sum, project) => sum + (project.implicit?.imageIds.length ?? 0), 0);
  const models = plan.projects.flatMap((project) => project.implicit?.models ?? []);
  const performance = plan.projects.reduce((sum, project) => sum + (project.implicit?.performance.length ?? 0), 0);
  const lines: string[] = [];
  if (images > 0) lines.push(`  ${plural(images, 'image lives', 'images live')} only in the iterations deleted and ${images === 1 ? 'is' : 'are'} deleted with them`);
  if (models.length > 0) {
    const names = [...new Set(models.map((model) => (model.flavor ? `${model.platform} ${model.flavor}` : model.platform)))].join(', ');
    lines.push(`  ${plural(models.length, 'exported model')} (${printable(names, 120)}) ${models.length === 1 ? 'goes' : 'go'} with ${models.length === 1 ? 'its iteration' : 'their iterations'}`);
  }
  if (performance > 0) lines.push(`  the performance records of ${plural(performance, 'trained iteration')} go with them`);
  return lines.length > 0 ? ['Deleted along with them (the backup must hold these too):', ...lines] : [];
}

function accountArgs(request: CleanupPlanRequest): string {
  if (request.account.account !== undefined) return `--account ${quote(request.account.account)}`;
  return `--endpoint ${quote(request.account.endpoint ?? '')}`;
}
