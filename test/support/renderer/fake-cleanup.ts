/**
 * Main's cleanup channels (and app:openExternal) as the renderer sees them, for the store
 * tests: plan, check, backup and run start jobs that appear in main's job list; main's
 * answers (plan summaries, coverage, receipts) are what the test put here; main's gate is
 * imitated for the confirmation, so a test sees the refusal the page must show.
 */
import type { InvokeChannel } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { ChosenFolder } from '../../../shared/model/bundle';
import {
  CoverageReportSchema,
  PlanSummarySchema,
  ReceiptSchema,
  type CleanupScope,
  type CoverageReport,
  type PlanSummary,
  type Receipt,
} from '../../../shared/model/cleanup';
import { JobSnapshotSchema, type JobKind, type JobSnapshot } from '../../../shared/model/job';
import type { CleanupBackup } from '../../../src-renderer/lib/api';
import { ok, type FakeHandlersFor } from './fake-channels';

/** The cleanup channels this fake answers: all but `cleanup:plans` (FakeResume's), and app:openExternal. */
type CleanupFakeChannel = Exclude<Extract<InvokeChannel, `cleanup:${string}`>, 'cleanup:plans'> | 'app:openExternal';

const COUNTS = { projects: 1, iterations: 2, publishedIterations: 1, images: 40, imagesOnlyInIterations: 3, predictions: 5, tags: 3 };

/** A plan summary (checked against main's schema) for the demo-like account "contoso-vision". */
export function planSummary(overrides: Partial<PlanSummary> = {}): PlanSummary {
  return PlanSummarySchema.parse({
    format: 'cv-steward-cleanup-plan',
    version: 1,
    planId: 'plan-1',
    createdAt: '2025-01-01T10:00:00.000Z',
    confirmText: 'contoso-vision',
    account: { endpointHost: 'contoso.example', keyFingerprint: '1a2b3c4d', displayName: 'contoso-vision' },
    scope: { kind: 'projects', projectIds: ['p-1'] },
    scopeText: 'The project "Bananas"',
    projects: [{ id: 'p-1', name: 'Bananas', deleteProject: true, counts: COUNTS, modelExports: 1 }],
    counts: COUNTS,
    apiCalls: 9,
    stepCount: 9,
    planPath: '/data/cleanups/plan-1/plan.json',
    ...overrides,
  });
}

export function coverageReport(overrides: Partial<CoverageReport> = {}): CoverageReport {
  return CoverageReportSchema.parse({
    bundleFolder: '/home/me/bundle',
    bundleStatus: 'complete',
    checkedFiles: 60,
    verifyProblems: [],
    covered: COUNTS,
    uncoveredCount: 0,
    uncovered: [],
    ok: true,
    checkedAt: '2025-01-01T10:05:00.000Z',
    ...overrides,
  });
}

export function receipt(overrides: Partial<Receipt> = {}): Receipt {
  return ReceiptSchema.parse({
    format: 'cv-steward-cleanup-receipt',
    version: 1,
    planId: 'plan-1',
    account: { endpointHost: 'contoso.example', keyFingerprint: '1a2b3c4d', displayName: 'contoso-vision' },
    scope: { kind: 'projects', projectIds: ['p-1'] },
    scopeText: 'The project "Bananas"',
    startedAt: '2025-01-01T10:06:00.000Z',
    finishedAt: '2025-01-01T10:07:00.000Z',
    backup: { kind: 'bundle', folder: '/home/me/bundle', checkedFiles: 60, checkedAt: '2025-01-01T10:05:00.000Z' },
    counts: COUNTS,
    calls: [{ at: '2025-01-01T10:06:01.000Z', step: 0, operation: 'DeleteProject', projectId: 'p-1', targetIds: ['p-1'], status: 204, outcome: 'done' }],
    verifications: [{ category: 'projects', projectId: 'p-1', check: 'GetProject → 404', targetIds: ['p-1'], verified: true }],
    complete: true,
    notDeletable: [],
    ...overrides,
  });
}

export class FakeCleanup {
  /** The plan the next `cleanup:plan` builds (its id is the answer's planId). */
  nextPlan: PlanSummary = planSummary();
  /** Plans main has finished building, by id. */
  readonly plans = new Map<string, PlanSummary>();
  readonly coverages = new Map<string, CoverageReport>();
  readonly receipts = new Map<string, Receipt>();
  /** The folder dialog's next answers; null is a cancelled dialog. */
  readonly dialogAnswers: Array<ChosenFolder | null> = [];
  readonly planRequests: CleanupScope[] = [];
  readonly runRequests: Array<{ planId: string; confirmText: string; backup: CleanupBackup }> = [];
  /** What main was asked to open: `receipt <planId>` or `link <id>`. */
  readonly opened: string[] = [];
  private sequence = 0;

  constructor(private readonly addJob: (job: JobSnapshot) => void) {}

  handlers(): FakeHandlersFor<CleanupFakeChannel> {
    const planOf = (planId: string) => this.plans.get(planId);
    const unknownPlan = <T>(): IpcResult<T> => ({ ok: false, error: { code: 'PLAN_NOT_FOUND', message: 'CV Steward has no cleanup plan with that id.' } });
    const byPlan = ({ planId }: { planId: string }) => planId;
    const byPlanAndFolder = ({ planId, folderId }: { planId: string; folderId: string }) => `${planId} ${folderId}`;
    return {
      'app:openExternal': { describe: ({ link }) => link, answer: ({ link }) => ok(this.open(`link ${link}`)) },
      'cleanup:plan': {
        describe: ({ scope }) => scope.kind,
        answer: ({ scope }) => {
          this.planRequests.push(structuredClone(scope));
          return ok({ ...this.newJob('cleanup-plan'), planId: this.nextPlan.planId });
        },
      },
      'cleanup:getPlan': {
        describe: byPlan,
        answer: ({ planId }) => {
          const plan = planOf(planId);
          return plan ? ok(plan) : unknownPlan<PlanSummary>();
        },
      },
      'cleanup:chooseBundle': { answer: () => ok(this.dialogAnswers.shift() ?? null) },
      'cleanup:checkBundle': { describe: byPlanAndFolder, answer: () => ok(this.newJob('cleanup-check')) },
      'cleanup:coverage': { describe: byPlan, answer: ({ planId }) => ok(this.coverages.get(planId) ?? null) },
      'cleanup:backup': { describe: byPlanAndFolder, answer: () => ok(this.newJob('export')) },
      'cleanup:run': {
        describe: byPlan,
        answer: ({ planId, confirmText, backup }) => {
          const plan = planOf(planId);
          if (!plan) return unknownPlan();
          if (confirmText !== plan.confirmText) {
            return { ok: false, error: { code: 'CONFIRMATION_MISMATCH', message: `Type the account name exactly as shown (“${plan.confirmText}”).` } };
          }
          this.runRequests.push({ planId, confirmText, backup: structuredClone(backup) });
          return ok(this.newJob('cleanup'));
        },
      },
      'cleanup:receipt': { describe: byPlan, answer: ({ planId }) => ok(this.receipts.get(planId) ?? null) },
      'cleanup:openReceipt': { describe: byPlan, answer: ({ planId }) => ok(this.open(`receipt ${planId}`)) },
    };
  }

  private open(what: string): { opened: boolean } {
    this.opened.push(what);
    return { opened: true };
  }

  private newJob(kind: JobKind): { jobId: string } {
    this.sequence += 1;
    const jobId = `${kind}-${this.sequence}`;
    this.addJob(JobSnapshotSchema.parse({ id: jobId, kind, title: kind, state: 'queued', categories: [], createdAt: '2025-01-01T10:00:00.000Z' }));
    return { jobId };
  }
}
