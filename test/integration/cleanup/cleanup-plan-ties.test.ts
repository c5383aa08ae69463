/**
 * Plans for untagged, tagged-with, older-than and all images hold every image of their
 * scope when the service pages over equal timestamps in a different order each call (the
 * `ties` quirk: batches of 50 images share one `created`), and a listing that cannot reach
 * the service's count refuses the plan instead of leaving images out silently.
 */
import { describe, expect, it } from 'vitest';
import type { CleanupPlan, CleanupScope } from '../../../shared/model/cleanup';
import { buildPlan } from '../../../src-main/cleanup';
import type { TrainingClient } from '../../../src-main/customvision';
import type { RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { ACCOUNT_NAME, cleanupClient, cleanupJob } from '../../support/cleanup/cleanup-run-support';
import { must, pagedIds, perTest, V33 } from '../../support/emulator/emulator-support';

const IMAGES = 1_200;
const BATCH = 50;
const BASE = '2024-03-01T08:00:00Z';

/** 1 200 images in batches of 50 sharing one `created` (minutes after BASE): even ones untagged, odd ones tagged a or b. */
function tiedSeed(): SeedDocument {
  return {
    format: 'cv-emulator-seed',
    version: 1,
    baseDate: BASE,
    projects: [
      {
        key: 'ties',
        name: 'Batch uploads',
        domain: 'General (compact)',
        tags: [{ name: 'a' }, { name: 'b' }],
        images: Array.from({ length: IMAGES }, (_, i) => ({
          key: `t${i}`,
          width: 24,
          height: 20,
          format: 'png' as const,
          created: Math.floor(i / BATCH),
          tags: i % 2 === 0 ? [] : [i % 4 === 1 ? 'a' : 'b'],
        })),
      },
    ],
  };
}

const each = perTest();

async function tiedAccount(): Promise<{ emu: RunningEmulator; projectId: string; tagA: string }> {
  const emu = await each.emulator({ seed: tiedSeed(), quirks: ['ties'], faultSeed: 'plan-ties' });
  const project = must([...emu.state.projects.values()][0]);
  const tagA = must([...project.tags.values()].find((tag) => tag.name === 'a')).id;
  return { emu, projectId: project.id, tagA };
}

function plan(client: TrainingClient, emu: RunningEmulator, scope: CleanupScope): Promise<CleanupPlan> {
  return buildPlan(cleanupJob(), client, { scope, account: { endpointHost: new URL(emu.endpoint).host, keyFingerprint: 'ab12cd34', displayName: ACCOUNT_NAME } });
}

const plannedImages = (built: CleanupPlan): string[] =>
  built.steps
    .filter((step) => step.kind === 'deleteImages')
    .flatMap((step) => step.targetIds)
    .sort();

/** The workspace images the emulator holds that `pick` selects: the ground truth. */
function truth(emu: RunningEmulator, projectId: string, pick: (image: { tags: readonly { tagId: string }[]; created: { ms: number } }) => boolean): string[] {
  return [...must(emu.state.projects.get(projectId)).images.all()]
    .filter(pick)
    .map((image) => image.id)
    .sort();
}

describe('plans over tied timestamps', () => {
  it('list every image of each image scope although plain paging loses some', async () => {
    const { emu, projectId, tagA } = await tiedAccount();
    // The fault bites: walking GetUntaggedImages page by page misses images of the scope.
    const naive = new Set(await pagedIds(emu, `${V33}/projects/${projectId}/images/untagged`));
    const untagged = truth(emu, projectId, (image) => image.tags.length === 0);
    expect(untagged).toHaveLength(IMAGES / 2);
    expect(untagged.filter((id) => !naive.has(id)).length).toBeGreaterThan(0);

    const client = cleanupClient(emu);
    const cutoffMs = Date.parse(BASE) + 12 * 60_000;
    const cases: Array<{ part: Extract<CleanupScope, { kind: 'part' }>['part']; expected: string[] }> = [
      { part: { kind: 'untaggedImages' }, expected: untagged },
      { part: { kind: 'taggedWith', tagId: tagA }, expected: truth(emu, projectId, (image) => image.tags.some((tag) => tag.tagId === tagA)) },
      { part: { kind: 'imagesOlderThan', before: new Date(cutoffMs).toISOString() }, expected: truth(emu, projectId, (image) => image.created.ms < cutoffMs) },
      { part: { kind: 'allImages' }, expected: truth(emu, projectId, () => true) },
    ];
    for (const { part, expected } of cases) {
      const built = await plan(client, emu, { kind: 'part', projectId, part });
      expect(plannedImages(built), part.kind).toEqual(expected);
      expect(built.counts.images, part.kind).toBe(expected.length);
    }
    expect(cases.map((c) => c.expected.length)).toEqual([600, 300, 600, 1_200]);
  });

  it('refuses the plan, naming the shortfall, when the listing never reaches the service’s count', async () => {
    const { emu, projectId } = await tiedAccount();
    const client = cleanupClient(emu);
    // A service that counts one untagged image more than any walk can list (an image
    // that exists but is never returned) — the plan would leave it in place unnoticed.
    const overCount: TrainingClient['getUntaggedImageCount'] = async (...args) => (await client.getUntaggedImageCount(...args)) + 1;
    // The client is a frozen record of closures: a copy with one call replaced is the same client otherwise.
    const overCounting: TrainingClient = { ...client, getUntaggedImageCount: overCount };
    const attempt = plan(overCounting, emu, { kind: 'part', projectId, part: { kind: 'untaggedImages' } });
    await expect(attempt).rejects.toMatchObject({ code: 'PLAN_INCOMPLETE' });
    await expect(attempt).rejects.toThrow(/counts 601 untagged images in the workspace, but only 600 could be listed after 2 walks \(oldest first, newest first\)..*nothing was planned/);
    expect(emu.deletions()).toEqual([]);
  });
});
