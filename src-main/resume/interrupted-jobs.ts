/**
 * The channels behind the "interrupted when CV Steward closed" banner: list the jobs an
 * earlier session left running, take one up again, or dismiss it.
 *
 * Taking up an export starts a new export job into the same bundle with the same request;
 * the engine resumes the bundle from its journal (nothing finished is fetched again). The
 * export runs for the account it was started for, so that account is made the active one
 * first (the banner names it). A cleanup is never continued from here: its plan id goes
 * back to the wizard, where the user checks the backup and types the confirmation again.
 */
import type { InterruptedJob } from '../../shared/model/resume';
import type { Language } from '../../shared/model/preferences';
import type { AccountList } from '../../shared/model/account';
import type { ExportCategory } from '../../shared/model/bundle';
import { AppError } from '../errors/app-error';
import type { InterruptedRecord } from './interrupted-record';
import type { RunningJobRegistry } from './running-job-registry';

/** What resuming needs from AccountsService (which it is, structurally). */
export interface ResumeAccounts {
  list(): AccountList;
  switch(accountId: string): unknown;
  startDemo(): Promise<unknown>;
}

export interface ResumeExportRequest {
  folderId: string;
  projectIds?: string[];
  categories: ExportCategory[];
  zip?: boolean;
  language?: Language;
}

export interface InterruptedJobsOptions {
  registry: RunningJobRegistry;
  accounts: ResumeAccounts;
  /** The built-in demo account's id: it is never "saved", but can always be started again. */
  demoAccountId: string;
  /** Makes a folder main chose earlier known again (folder ids do not outlive the process). */
  registerFolder(path: string): string;
  startExport(request: ResumeExportRequest): Promise<{ jobId: string }>;
  /** Whether the plan's file is still in the data folder. */
  planExists(planId: string): Promise<boolean>;
}

export type ResumeResult = { kind: 'export'; jobId: string } | { kind: 'cleanup'; planId: string };

export function createInterruptedJobs(options: InterruptedJobsOptions) {
  const { registry, accounts } = options;

  function accountKnown(record: InterruptedRecord): boolean {
    return record.accountId === options.demoAccountId || accounts.list().accounts.some((account) => account.accountId === record.accountId);
  }

  async function resumable(record: InterruptedRecord): Promise<boolean> {
    if (!accountKnown(record)) return false;
    if (record.kind === 'export') return true;
    // The demo account's emulator starts afresh on another port each time, so a demo plan
    // no longer matches its account after a restart (the run would refuse ACCOUNT_MISMATCH):
    // it can only be dismissed, and the demo's data is whole again anyway.
    if (record.accountId === options.demoAccountId) return false;
    return options.planExists(record.planId);
  }

  async function toInterruptedJob(record: InterruptedRecord): Promise<InterruptedJob> {
    return {
      id: record.id,
      kind: record.kind,
      accountName: record.accountName,
      startedAt: record.startedAt,
      ...(record.kind === 'export' ? { folderPath: record.folderPath } : { planId: record.planId }),
      resumable: await resumable(record),
    };
  }

  async function list(): Promise<InterruptedJob[]> {
    const records = await registry.leftOver();
    return Promise.all(records.map(toInterruptedJob));
  }

  /** The account the job ran for becomes the active one (the demo is started again if need be). */
  async function useAccount(record: InterruptedRecord): Promise<void> {
    const current = accounts.list();
    if (current.activeAccountId === record.accountId) return;
    if (record.accountId === options.demoAccountId && current.demoAccountId === null) await accounts.startDemo();
    else accounts.switch(record.accountId);
  }

  async function resume(id: string): Promise<ResumeResult> {
    const record = await registry.leftOverById(id);
    if (!record) throw new AppError('NOT_FOUND', 'That interrupted job is no longer listed: it was resumed or dismissed already.');
    if (!accountKnown(record)) {
      throw new AppError(
        'ACCOUNT_NOT_SAVED',
        `The account “${record.accountName}” this job belonged to is no longer saved in CV Steward. Connect it again and start the job anew, or dismiss this one.`,
      );
    }
    if (record.kind === 'cleanup') {
      if (!(await options.planExists(record.planId))) {
        throw new AppError('PLAN_NOT_FOUND', 'The plan of this cleanup is no longer in CV Steward’s data folder. Dismiss it and build a new plan.');
      }
      // The record stays until the plan runs again (that run takes it over) or it is dismissed.
      return { kind: 'cleanup', planId: record.planId };
    }
    await useAccount(record);
    const folderId = options.registerFolder(record.folderPath);
    // The new job's own record replaces this one as soon as it is written (same folder).
    const { jobId } = await options.startExport({ folderId, ...record.request });
    return { kind: 'export', jobId };
  }

  async function dismiss(id: string): Promise<{ dismissed: boolean }> {
    return { dismissed: await registry.dismiss(id) };
  }

  return { list, resume, dismiss };
}

export type InterruptedJobs = ReturnType<typeof createInterruptedJobs>;
