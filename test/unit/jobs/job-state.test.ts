import { describe, it, expect } from 'vitest';
import { JOB_STATES, type JobState } from '../../../shared/model/job';
import { JobError } from '../../../src-main/jobs/job-error';
import { assertTransition, canTransition, isTerminal } from '../../../src-main/jobs/job-state';

const LEGAL: ReadonlyArray<readonly [JobState, JobState]> = [
  ['queued', 'running'],
  ['queued', 'cancelled'],
  ['running', 'paused'],
  ['running', 'succeeded'],
  ['running', 'failed'],
  ['running', 'cancelled'],
  ['paused', 'running'],
  ['paused', 'cancelled'],
];

function isLegal(from: JobState, to: JobState): boolean {
  return LEGAL.some(([a, b]) => a === from && b === to);
}

function refusal(from: JobState, to: JobState): JobError {
  try {
    assertTransition(from, to);
  } catch (error) {
    if (error instanceof JobError) return error;
    throw error;
  }
  throw new Error(`expected ${from} → ${to} to be refused`);
}

describe('job state machine', () => {
  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  // Every pair not in the table, so a new edge cannot sneak in unnoticed.
  const illegal = JOB_STATES.flatMap((from) =>
    JOB_STATES.filter((to) => !isLegal(from, to)).map((to) => [from, to] as const),
  );

  it.each(illegal)('refuses %s → %s with INVALID_STATE', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const error = refusal(from, to);
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).not.toBe('');
  });

  it('covers the illegal moves a stale button could request', () => {
    expect(illegal).toEqual(
      expect.arrayContaining([
        ['queued', 'paused'],
        ['queued', 'succeeded'],
        ['paused', 'succeeded'],
        ['paused', 'paused'],
        ['running', 'running'],
        ['running', 'queued'],
        ['cancelled', 'running'],
        ['succeeded', 'cancelled'],
        ['failed', 'running'],
      ]),
    );
  });

  it('explains in plain language why a finished job cannot change', () => {
    expect(refusal('cancelled', 'cancelled').message).toBe('This job is already finished (cancelled).');
    expect(refusal('succeeded', 'paused').message).toBe('This job is already finished (succeeded).');
    expect(refusal('failed', 'running').message).toBe('This job is already finished (failed).');
  });

  it('explains why a job cannot be paused twice or paused before it starts', () => {
    expect(refusal('paused', 'paused').message).toBe('This job is already paused.');
    expect(refusal('running', 'running').message).toBe('This job is already running.');
    expect(refusal('queued', 'paused').message).toMatch(/not started yet/);
  });

  it('treats only succeeded, failed and cancelled as terminal', () => {
    expect(JOB_STATES.filter(isTerminal)).toEqual(['succeeded', 'failed', 'cancelled']);
    for (const state of JOB_STATES.filter(isTerminal)) {
      expect(JOB_STATES.filter((to) => canTransition(state, to))).toEqual([]);
    }
  });
});
