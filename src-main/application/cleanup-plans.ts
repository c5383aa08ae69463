/**
 * The cleanup plans main knows, by id. The renderer only ever names a plan by its id;
 * the path is derived here from main's own data folder and an id that must look like one
 * main made, so no page can point main at a plan file of its choosing (docs/architecture.md,
 * "The IPC contract": ids, not paths).
 *
 * Plans made in an earlier session are found on disk by the same rule, so a run stopped
 * by a crash can be resumed (its journal lives next to the plan).
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { CleanupPlan, CoverageReport } from '../../shared/model/cleanup';
import { loadPlan } from '../cleanup';
import { AppError } from '../errors/app-error';
import { isTerminal, type JobRunner } from '../jobs';
import type { CleanupOutcome } from '../cleanup';

const PLAN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface PlanRecord {
  readonly planId: string;
  readonly planPath: string;
  /** The job building the plan (absent for plans found on disk). */
  planJobId?: string;
  plan?: CleanupPlan;
  /** The latest bundle check started for this plan; only its result is kept. */
  checkJobId?: string;
  coverage?: { folderId: string; report: CoverageReport };
  runJobId?: string;
  outcome?: CleanupOutcome;
}

export class CleanupPlans {
  private readonly records = new Map<string, PlanRecord>();

  constructor(
    private readonly dataDir: string,
    private readonly jobs: JobRunner,
  ) {}

  /** Where a new plan with this id is saved: `<dataDir>/cleanups/<planId>/plan.json`. */
  pathOf(planId: string): string {
    if (!PLAN_ID.test(planId)) throw notFound();
    return join(this.dataDir, 'cleanups', planId, 'plan.json');
  }

  /** A plan about to be built; its job id follows as soon as the job exists. */
  add(planId: string): PlanRecord {
    const record: PlanRecord = { planId, planPath: this.pathOf(planId) };
    this.records.set(planId, record);
    return record;
  }

  /** The record with its plan loaded; a specific AppError when there is none (yet). */
  async require(planId: string): Promise<PlanRecord & { plan: CleanupPlan }> {
    const record = this.records.get(planId) ?? (await this.fromDisk(planId));
    if (record.plan) return record as PlanRecord & { plan: CleanupPlan };
    const job = record.planJobId === undefined ? undefined : this.jobs.get(record.planJobId);
    if (job && !isTerminal(job.state)) {
      throw new AppError('PLAN_NOT_READY', 'The cleanup plan is still being built. Wait for it to finish, then try again.');
    }
    throw new AppError('PLAN_NOT_FOUND', 'Building that cleanup plan did not finish (it failed or was cancelled). Build the plan again.');
  }

  private async fromDisk(planId: string): Promise<PlanRecord> {
    const planPath = this.pathOf(planId);
    try {
      await access(planPath);
    } catch {
      throw notFound();
    }
    const plan = await loadPlan(planPath);
    if (plan.planId !== planId) {
      throw new AppError('PLAN_INVALID', 'The saved cleanup plan does not match its id. Build the plan again.');
    }
    const record: PlanRecord = { planId, planPath, plan };
    this.records.set(planId, record);
    return record;
  }
}

function notFound(): AppError {
  return new AppError('PLAN_NOT_FOUND', 'CV Steward has no cleanup plan with that id. Build the plan again on the Cleanup page.');
}
