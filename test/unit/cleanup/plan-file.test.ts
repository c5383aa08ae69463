/**
 * The plan file: saved so a person sees what to type at the top, read back exactly, and
 * refused — with the problem named — when edited into something inconsistent, because
 * whatever a plan says is deleted.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CleanupPlan } from '../../../shared/model/cleanup';
import { cleanupPaths, loadPlan, savePlan, summarizePlan } from '../../../src-main/cleanup';
import { testSealer } from '../../support/plan-sealing';
import { planSteps } from '../../../src-main/cleanup/plan-steps';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cv-plan-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ids = (n: number): string[] => Array.from({ length: n }, () => randomUUID());

function samplePlan(): CleanupPlan {
  const projectId = randomUUID();
  const iterations = ids(2);
  const { steps, projects, counts } = planSteps([
    {
      id: projectId,
      name: 'Cats "&" <dogs>',
      deleteProject: true,
      unpublishIterationIds: [iterations[0] ?? ''],
      iterationIds: iterations,
      imageIds: ids(300),
      imagesOnlyInIterations: 3,
      predictionIds: ids(70),
      tagIds: ids(2),
      modelExports: 1,
      implicit: { imageIds: [], models: [], performance: [] },
    },
  ]);
  return {
    format: 'cv-steward-cleanup-plan',
    version: 1,
    planId: randomUUID(),
    createdAt: '2026-01-02T03:04:05.000Z',
    confirmText: 'Contoso vision',
    account: { endpointHost: 'contoso.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'Contoso vision' },
    scope: { kind: 'projects', projectIds: [projectId] },
    scopeText: 'Project "Cats" and all its data',
    projects,
    counts,
    apiCalls: steps.length,
    steps,
  };
}

async function saveRaw(value: unknown): Promise<string> {
  const path = join(dir, 'edited.json');
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

async function refusal(value: unknown): Promise<string> {
  const path = await saveRaw(value);
  try {
    await loadPlan(path);
  } catch (error) {
    expect(error).toMatchObject({ code: 'PLAN_INVALID' });
    return (error as Error).message;
  }
  throw new Error('expected the plan to be refused');
}

describe('savePlan / loadPlan', () => {
  it('round-trips a plan exactly, with confirmText at the top level near the top', async () => {
    const path = join(dir, 'plan.json');
    const plan = await savePlan(path, samplePlan(), testSealer());
    expect(plan.seal).toMatch(/^hmac-sha256:[0-9a-f]{8}:[0-9a-f]{64}$/);
    expect(await loadPlan(path)).toEqual(plan);
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n');
    expect(lines.slice(0, 5).some((line) => line.startsWith('  "confirmText": "Contoso vision"'))).toBe(true);
    // One line per step: readable and diffable.
    expect(lines.filter((line) => line.includes('"kind":"deleteImages"'))).toHaveLength(2);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(plan)));
    // Nothing half-written left beside it.
    expect(await readdir(dir)).toEqual(['plan.json']);
  });

  it('replaces an earlier plan in place', async () => {
    const path = join(dir, 'plan.json');
    await savePlan(path, samplePlan(), testSealer());
    const second = samplePlan();
    await savePlan(path, second, testSealer());
    expect((await loadPlan(path)).planId).toBe(second.planId);
  });

  it('says where it could not save', async () => {
    await expect(savePlan(join(dir, 'missing', 'plan.json'), samplePlan(), testSealer())).rejects.toMatchObject({ code: 'CANNOT_WRITE', message: expect.stringContaining('does not exist') });
  });

  it('refuses a missing file, a folder, and text that is not a plan', async () => {
    await expect(loadPlan(join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'PLAN_INVALID', message: expect.stringContaining('There is no plan file') });
    await expect(loadPlan(dir)).rejects.toMatchObject({ code: 'PLAN_INVALID', message: expect.stringContaining('is a folder') });
    expect(await refusal('{"format": "cv-steward-cleanup-plan", ')).toContain('not valid JSON');
    expect(await refusal({ format: 'cv-steward-bundle' })).toContain('not a CV Steward cleanup plan');
    const { confirmText: _dropped, ...rest } = samplePlan();
    expect(await refusal(rest)).toContain('confirmText');
  });

  it.each<[string, (plan: CleanupPlan) => void, RegExp]>([
    ['renumbered steps', (plan) => void (plan.steps[1] && (plan.steps[1].index = 5)), /step 1 is numbered 5/],
    ['an oversized image batch', (plan) => plan.steps.find((s) => s.kind === 'deleteImages')?.targetIds.push(...ids(20)), /has 276 image ids; at most 256/],
    ['an oversized prediction batch', (plan) => plan.steps.find((s) => s.kind === 'deletePredictions')?.targetIds.push(...ids(1)), /has 65 prediction ids; at most 64/],
    ['an id that is not a GUID', (plan) => plan.steps.find((s) => s.kind === 'deleteTag')?.targetIds.splice(0, 1, '../../etc'), /"\.\.\/\.\.\/etc" that is not a lower-case GUID/],
    ['an upper-case id', (plan) => plan.steps.find((s) => s.kind === 'deleteTag')?.targetIds.splice(0, 1, randomUUID().toUpperCase()), /not a lower-case GUID/],
    ['an added image id', (plan) => plan.steps.find((s) => s.kind === 'deleteImages' && s.targetIds.length < 256)?.targetIds.push(randomUUID()), /states 300 images but its steps target 301/],
    ['a step out of order', (plan) => {
      const [a, b] = [plan.steps[0], plan.steps[3]];
      if (a && b) [plan.steps[0], plan.steps[3]] = [{ ...b, index: 0 }, { ...a, index: 3 }];
    }, /order per project is unpublishIteration → deleteIteration/],
    ['a wrong category', (plan) => void (plan.steps[0] && (plan.steps[0].category = 'images')), /filed under images, not iterations/],
    ['a step in an unlisted project', (plan) => void (plan.steps[0] && (plan.steps[0].projectId = randomUUID())), /which the plan does not list/],
    ['apiCalls that do not match', (plan) => void (plan.apiCalls = 3), /apiCalls says 3/],
    ['a changed confirmation text', (plan) => void (plan.confirmText = 'x'), /confirmText is not the account name/],
    ['a project the scope does not name', (plan) => void (plan.scope = { kind: 'projects', projectIds: [randomUUID()] }), /is listed but the scope does not name it/],
    ['a project delete targeting another project', (plan) => plan.steps.at(-1)?.targetIds.splice(0, 1, randomUUID()), /targets another project/],
  ])('refuses %s, naming the problem', async (_what, edit, message) => {
    const plan = samplePlan();
    edit(plan);
    expect(await refusal(plan)).toMatch(message);
  });

  it('refuses a part plan that does more than its scope', async () => {
    const plan = samplePlan();
    const projectId = plan.projects[0]?.id ?? '';
    const part: CleanupPlan = {
      ...plan,
      scope: { kind: 'part', projectId, part: { kind: 'predictions' } },
      projects: plan.projects.map((p) => ({ ...p, deleteProject: false, counts: { ...p.counts, projects: 0 } })),
      counts: { ...plan.counts, projects: 0 },
      steps: plan.steps.filter((step) => step.kind !== 'deleteProject'),
    };
    part.apiCalls = part.steps.length;
    expect(await refusal(part)).toMatch(/step 0 \(unpublishIteration\) does more than the scope/);
  });
});

describe('summarizePlan and cleanupPaths', () => {
  it('summarises without the id lists', () => {
    const plan = samplePlan();
    const summary = summarizePlan(plan, '/plans/plan.json');
    expect(summary).toMatchObject({ planId: plan.planId, stepCount: plan.steps.length, planPath: '/plans/plan.json', confirmText: 'Contoso vision' });
    expect('steps' in summary).toBe(false);
  });

  it('puts the journal and receipts next to the plan', () => {
    expect(cleanupPaths('/x/plan.json')).toEqual({ journal: '/x/plan.journal.jsonl', receiptJson: '/x/plan.receipt.json', receiptHtml: '/x/plan.receipt.html' });
    expect(cleanupPaths('/x/my-plan')).toEqual({ journal: '/x/my-plan.journal.jsonl', receiptJson: '/x/my-plan.receipt.json', receiptHtml: '/x/my-plan.receipt.html' });
  });
});
