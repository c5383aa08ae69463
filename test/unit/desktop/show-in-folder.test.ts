/**
 * "Show in folder" through the real services: the page names a folder id, a plan id or
 * "logs", and the file manager is only ever pointed at something main chose or wrote —
 * an unknown id is refused with a clear message and nothing is shown.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CleanupPlan } from '../../../shared/model/cleanup';
import { cleanupPaths, savePlan } from '../../../src-main/cleanup';
import { testSealer } from '../../support/plan-sealing';
import { planSteps } from '../../../src-main/cleanup/plan-steps';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { createShowInFolder } from '../../../src-main/desktop/show-in-folder';
import { createTestServices } from '../../support/test-services';

let dir: string;
let bundle: string;
let shown: string[];
let services: ReturnType<typeof createTestServices>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cvs-show-'));
  bundle = join(dir, 'bundle');
  await mkdir(bundle);
  shown = [];
  services = createTestServices({
    dataDir: join(dir, 'data'),
    pickFolder: async () => bundle,
    showItemInFolder: (path) => void shown.push(path),
    logsDir: join(dir, 'data', 'logs'),
  });
});
afterEach(async () => {
  await services.dispose();
  await rm(dir, { recursive: true, force: true });
});

const call = (payload: unknown) => createDispatcher(services.handlers)('app:showInFolder', payload);

async function savedPlan(): Promise<{ planId: string; planPath: string }> {
  const projectId = randomUUID();
  const { steps, projects, counts } = planSteps([
    { id: projectId, name: 'Cats', deleteProject: true, unpublishIterationIds: [], iterationIds: [], imageIds: [], imagesOnlyInIterations: 0, predictionIds: [], tagIds: [], modelExports: 0, implicit: { imageIds: [], models: [], performance: [] } },
  ]);
  const planId = randomUUID();
  const plan: CleanupPlan = {
    format: 'cv-steward-cleanup-plan',
    version: 1,
    planId,
    createdAt: '2026-01-02T03:04:05.000Z',
    confirmText: 'Contoso',
    account: { endpointHost: 'contoso.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'Contoso' },
    scope: { kind: 'projects', projectIds: [projectId] },
    scopeText: 'Project "Cats"',
    projects,
    counts,
    apiCalls: steps.length,
    steps,
  };
  const planPath = join(dir, 'data', 'cleanups', planId, 'plan.json');
  await mkdir(join(dir, 'data', 'cleanups', planId), { recursive: true });
  await savePlan(planPath, plan, testSealer());
  return { planId, planPath };
}

describe('show in folder', () => {
  it('opens a chosen bundle on its viewer page (or the folder itself before anything is written)', async () => {
    const chosen = await createDispatcher(services.handlers)('export:chooseFolder', {});
    if (!chosen.ok || !chosen.value) throw new Error('no folder');
    const { folderId } = chosen.value as { folderId: string };
    expect(await call({ target: { kind: 'bundle', folderId } })).toEqual({ ok: true, value: { shown: true } });
    await writeFile(join(bundle, 'index.html'), '<!doctype html>');
    await call({ target: { kind: 'bundle', folderId } });
    expect(shown).toEqual([bundle, join(bundle, 'index.html')]);
  });

  it('refuses a folder id main never handed out, and shows nothing', async () => {
    const answer = await call({ target: { kind: 'bundle', folderId: randomUUID() } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(shown).toEqual([]);
  });

  it('refuses a path in place of an id, and any other kind of target', async () => {
    expect(await call({ target: { kind: 'bundle', folderId: '/etc' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call({ target: { kind: 'receipt', planId: '../../etc' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call({ target: { kind: 'file', path: '/etc/passwd' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(shown).toEqual([]);
  });

  it('says a bundle folder that was deleted is gone', async () => {
    const chosen = await createDispatcher(services.handlers)('export:chooseFolder', {});
    const { folderId } = (chosen as { value: { folderId: string } }).value;
    await rm(bundle, { recursive: true });
    expect(await call({ target: { kind: 'bundle', folderId } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('no longer there') } });
  });

  it('shows a cleanup’s receipt once it is written, and says clearly that there is none before', async () => {
    const { planId, planPath } = await savedPlan();
    expect(await call({ target: { kind: 'receipt', planId } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('no receipt') } });
    const receipt = cleanupPaths(planPath).receiptHtml;
    await writeFile(receipt, '<!doctype html>');
    expect(await call({ target: { kind: 'receipt', planId } })).toEqual({ ok: true, value: { shown: true } });
    expect(shown).toEqual([receipt]);
  });

  it('refuses an unknown plan', async () => {
    expect(await call({ target: { kind: 'receipt', planId: randomUUID() } })).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_FOUND' } });
    expect(shown).toEqual([]);
  });

  it('shows the current log file, or the logs folder, or says there are no logs yet', async () => {
    const logs = join(dir, 'data', 'logs');
    expect(await call({ target: { kind: 'logs' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await mkdir(logs, { recursive: true });
    await call({ target: { kind: 'logs' } });
    await writeFile(join(logs, 'cv-steward.log'), 'started\n');
    await call({ target: { kind: 'logs' } });
    expect(shown).toEqual([logs, join(logs, 'cv-steward.log')]);
  });

  it('is refused with a message, not silently dropped, where there is no file manager', async () => {
    const bare = createShowInFolder({ bundleFolder: () => bundle, receiptFile: async () => bundle });
    await expect(bare({ kind: 'bundle', folderId: 'x' })).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    const noLogs = createShowInFolder({ show: (path) => void shown.push(path), bundleFolder: () => bundle, receiptFile: async () => bundle });
    await expect(noLogs({ kind: 'logs' })).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(shown).toEqual([]);
  });
});
