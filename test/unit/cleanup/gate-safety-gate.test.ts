import { describe, expect, it } from 'vitest';
import { CLEANUP_CATEGORIES, type CleanupPlan, type CoverageReport } from '../../../shared/model/cleanup';
import { passGate, type CoverageCheck } from '../../../src-main/cleanup/gate';
import { keychainPlanSealer } from '../../../src-main/cleanup';
import { MemorySecretStore } from '../../../src-main/secrets';
import { normalizeEndpoint } from '../../../src-main/customvision';
import { JobProgress, type JobContext } from '../../../src-main/jobs';
import { sealed, testSealer } from '../../support/plan-sealing';
import { planFixture } from '../../support/cleanup-plan-fixture';

const P = '11111111-1111-4111-8111-111111111111';
const I = (n: number) => `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`;

/** A plan as the planner would save it (sealed), with `overrides` made before sealing. */
function plan(overrides: Partial<CleanupPlan> = {}): CleanupPlan {
  return sealed(unsealedPlan(overrides));
}

function unsealedPlan(overrides: Partial<CleanupPlan> = {}): CleanupPlan {
  const counts = { projects: 1, iterations: 0, publishedIterations: 0, images: 2, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };
  return planFixture({
    planId: 'plan-gate',
    confirmText: 'Contoso Vision',
    account: { endpointHost: '127.0.0.1:4000', keyFingerprint: 'ab12cd34', displayName: 'Contoso Vision' },
    scopeText: 'The whole account',
    projects: [{ id: P, name: 'Cats', deleteProject: true, counts, modelExports: 0 }],
    counts,
    steps: [
      { index: 0, kind: 'deleteImages', projectId: P, category: 'images', targetIds: [I(1), I(2)] },
      { index: 1, kind: 'deleteProject', projectId: P, category: 'projects', targetIds: [P] },
    ],
    ...overrides,
  });
}

const ctx: JobContext = { jobId: 'gate', signal: new AbortController().signal, progress: new JobProgress(CLEANUP_CATEGORIES), checkpoint: async () => undefined };
const client = { endpoint: normalizeEndpoint('http://127.0.0.1:4000') };
const now = () => new Date('2025-02-03T04:05:06.000Z');
const sealer = testSealer();

function coverage(report: Partial<CoverageReport>): CoverageCheck & { calls: number } {
  const check = Object.assign(
    async (_ctx: JobContext, _plan: CleanupPlan, folder: string): Promise<CoverageReport> => {
      check.calls += 1;
      return {
        bundleFolder: folder,
        bundleStatus: 'complete',
        exportedAt: '2025-01-31T00:00:00.000Z',
        checkedFiles: 3,
        verifyProblems: [],
        covered: plan().counts,
        uncoveredCount: 0,
        uncovered: [],
        ok: true,
        checkedAt: '2025-02-03T04:00:00.000Z',
        ...report,
      };
    },
    { calls: 0 },
  );
  return check;
}

describe('the safety gate', () => {
  it('refuses a plan edited after it was sealed, before anything else is looked at', async () => {
    const reviewed = plan();
    // Three tagged images slipped into the plan, counts adjusted to match: only the seal tells.
    const edited: CleanupPlan = {
      ...reviewed,
      counts: { ...reviewed.counts, images: 5 },
      projects: reviewed.projects.map((project) => ({ ...project, counts: { ...project.counts, images: 5 } })),
      steps: reviewed.steps.map((step) => (step.kind === 'deleteImages' ? { ...step, targetIds: [...step.targetIds, I(7), I(8), I(9)] } : step)),
    };
    const check = coverage({});
    await expect(passGate(ctx, client, { sealer, plan: edited, confirmText: 'Contoso Vision', backup: { kind: 'bundle', folder: '/b' }, checkCoverage: check, now })).rejects.toMatchObject({
      code: 'PLAN_TAMPERED',
      message: expect.stringContaining('Nothing was deleted'),
    });
    // A rewritten scope, with its text left as reviewed.
    const widened: CleanupPlan = { ...reviewed, scope: { kind: 'projects', projectIds: [P] } };
    await expect(passGate(ctx, client, { sealer, plan: widened, confirmText: 'Contoso Vision', backup: { kind: 'waived' }, checkCoverage: check, now })).rejects.toMatchObject({ code: 'PLAN_TAMPERED' });
    expect(check.calls).toBe(0);
  });

  it('refuses a plan with no seal, or one sealed by another installation', async () => {
    await expect(passGate(ctx, client, { sealer, plan: unsealedPlan(), confirmText: 'Contoso Vision', backup: { kind: 'waived' }, checkCoverage: coverage({}), now })).rejects.toMatchObject({
      code: 'PLAN_UNSEALED',
    });
    const elsewhere = await keychainPlanSealer(new MemorySecretStore()).seal(unsealedPlan());
    await expect(passGate(ctx, client, { sealer, plan: elsewhere, confirmText: 'Contoso Vision', backup: { kind: 'waived' }, checkCoverage: coverage({}), now })).rejects.toMatchObject({
      code: 'PLAN_SEALED_ELSEWHERE',
    });
  });

  it('accepts the sealed plan however its file was re-indented (the seal covers content, not layout)', async () => {
    const reviewed = plan();
    const reread = JSON.parse(JSON.stringify(reviewed, null, 7)) as CleanupPlan;
    await expect(passGate(ctx, client, { sealer, plan: reread, confirmText: 'Contoso Vision', backup: { kind: 'waived' }, checkCoverage: coverage({}), now })).resolves.toMatchObject({ kind: 'waived' });
  });

  it('refuses a confirmation that is not exactly the account name, before looking at the backup', async () => {
    for (const typed of ['Contoso Vision ', 'contoso vision', '', 'Contoso']) {
      const check = coverage({});
      await expect(passGate(ctx, client, { sealer, plan: plan(), confirmText: typed, backup: { kind: 'bundle', folder: '/b' }, checkCoverage: check, now })).rejects.toMatchObject({
        code: 'CONFIRMATION_MISMATCH',
        message: expect.stringContaining('"Contoso Vision"'),
      });
      expect(check.calls).toBe(0);
    }
  });

  it('refuses a plan made for another account', async () => {
    const other = plan({ account: { endpointHost: 'other.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'Contoso Vision' } });
    await expect(passGate(ctx, client, { sealer, plan: other, confirmText: 'Contoso Vision', backup: { kind: 'waived' }, checkCoverage: coverage({}), now })).rejects.toMatchObject({
      code: 'PLAN_ACCOUNT_MISMATCH',
      message: expect.stringContaining('other.cognitiveservices.azure.com'),
    });
  });

  it('refuses a bundle that lacks items, naming how many and the first few', async () => {
    const uncovered = Array.from({ length: 7 }, (_, n) => ({ category: 'images' as const, projectId: P, id: I(n), reason: 'missing-file' as const }));
    const check = coverage({ ok: false, uncoveredCount: 12, uncovered });
    const error = await passGate(ctx, client, { sealer, plan: plan(), confirmText: 'Contoso Vision', backup: { kind: 'bundle', folder: '/backups/b1' }, checkCoverage: check, now }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BACKUP_NOT_COVERING' });
    const message = (error as Error).message;
    expect(message).toContain('/backups/b1');
    expect(message).toContain('12 items are not covered');
    expect(message).toContain(`image ${I(0)} (file missing)`);
    expect(message).toContain(`image ${I(4)}`);
    expect(message).not.toContain(I(5));
    expect(message).toContain('and 7 more');
    expect(message).toContain('Nothing was deleted');
  });

  it('refuses a bundle whose files do not verify, naming the problems', async () => {
    const check = coverage({ ok: false, verifyProblems: ['altered: projects/x/images/files/a.png'] });
    await expect(passGate(ctx, client, { sealer, plan: plan(), confirmText: 'Contoso Vision', backup: { kind: 'bundle', folder: '/b' }, checkCoverage: check, now })).rejects.toMatchObject({
      code: 'BACKUP_NOT_COVERING',
      message: expect.stringContaining('altered: projects/x/images/files/a.png'),
    });
  });

  it('records the bundle relied on, or the waiver with its time', async () => {
    const bundle = await passGate(ctx, client, { sealer, plan: plan(), confirmText: 'Contoso Vision', backup: { kind: 'bundle', folder: '/b' }, checkCoverage: coverage({}), now });
    expect(bundle).toEqual({ kind: 'bundle', folder: '/b', exportedAt: '2025-01-31T00:00:00.000Z', checkedFiles: 3, checkedAt: '2025-02-03T04:00:00.000Z' });
    const check = coverage({});
    const waived = await passGate(ctx, client, { sealer, plan: plan(), confirmText: 'Contoso Vision', backup: { kind: 'waived' }, checkCoverage: check, now });
    expect(waived).toEqual({ kind: 'waived', waivedAt: '2025-02-03T04:05:06.000Z' });
    expect(check.calls).toBe(0);
  });

  it('refuses a plan whose steps were renumbered or overfilled', async () => {
    const base = plan();
    const renumbered = plan({ steps: base.steps.map((step, index) => ({ ...step, index: index + 1 })) });
    await expect(passGate(ctx, client, { sealer, plan: renumbered, confirmText: 'Contoso Vision', backup: { kind: 'waived' }, checkCoverage: coverage({}), now })).rejects.toMatchObject({ code: 'PLAN_INVALID' });
    const overfilled = plan({ steps: [{ index: 0, kind: 'deleteTag', projectId: P, category: 'tags', targetIds: [I(1), I(2)] }] });
    await expect(passGate(ctx, client, { sealer, plan: overfilled, confirmText: 'Contoso Vision', backup: { kind: 'waived' }, checkCoverage: coverage({}), now })).rejects.toMatchObject({ code: 'PLAN_INVALID' });
  });
});
