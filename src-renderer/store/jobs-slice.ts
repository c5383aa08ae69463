import type { StateCreator } from 'zustand';
import type { JobSnapshot } from '../../shared/model/job';
import { toAppError } from '../lib/app-error';
import { mergeJobSnapshot } from '../lib/job-state';
import type { LoadStatus, StewardClient, StewardState } from './types';

export type JobAction = 'cancel' | 'pause' | 'resume';

export interface JobsSlice {
  jobsById: Record<string, JobSnapshot>;
  jobsStatus: LoadStatus;
  /** The request in flight per job, so its buttons can wait for the answer. */
  pendingJobActions: Record<string, JobAction>;
  /** Fetches every job main knows and merges them in (see mergeJobSnapshot). */
  loadJobs(): Promise<void>;
  /** Applies one snapshot, from an event or an answer. */
  applyJobSnapshot(job: JobSnapshot): void;
  cancelJob(jobId: string): Promise<void>;
  pauseJob(jobId: string): Promise<void>;
  resumeJob(jobId: string): Promise<void>;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

export const createJobsSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], JobsSlice> =>
  (set, get) => {
    const runAction = async (jobId: string, action: JobAction, call: () => Promise<JobSnapshot>) => {
      if (get().pendingJobActions[jobId]) return;
      set((state) => ({ pendingJobActions: { ...state.pendingJobActions, [jobId]: action } }));
      try {
        get().applyJobSnapshot(await call());
      } catch (error) {
        get().pushError(toAppError(error));
      } finally {
        set((state) => ({ pendingJobActions: without(state.pendingJobActions, jobId) }));
      }
    };

    return {
      jobsById: {},
      jobsStatus: 'idle',
      pendingJobActions: {},
      loadJobs: async () => {
        set({ jobsStatus: 'loading' });
        try {
          const jobs = await client.jobs.list();
          set((state) => {
            const jobsById = { ...state.jobsById };
            for (const job of jobs) jobsById[job.id] = mergeJobSnapshot(jobsById[job.id], job);
            return { jobsById, jobsStatus: 'ready' };
          });
        } catch (error) {
          set({ jobsStatus: 'error' });
          get().pushError(toAppError(error));
        }
      },
      applyJobSnapshot: (job) =>
        set((state) => {
          const current = state.jobsById[job.id];
          const next = mergeJobSnapshot(current, job);
          return next === current ? {} : { jobsById: { ...state.jobsById, [job.id]: next } };
        }),
      cancelJob: (jobId) => runAction(jobId, 'cancel', () => client.jobs.cancel({ jobId })),
      pauseJob: (jobId) => runAction(jobId, 'pause', () => client.jobs.pause({ jobId })),
      resumeJob: (jobId) => runAction(jobId, 'resume', () => client.jobs.resume({ jobId })),
    };
  };
