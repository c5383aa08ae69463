/**
 * Limits, paging and error codes: what a client sees when it asks too much, asks for
 * something that is gone, or deletes things that other things still hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator';
import { api, apiJson, must, startTestEmulator, waitFor, type WireImage, type WireIteration, type WireProject } from '../../support/emulator/emulator-support';

let emu: RunningEmulator;
let projects: WireProject[];

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { code: string; message: string };
  return { status: response.status, code: body.code, message: body.message };
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  projects = await apiJson<WireProject[]>(emu, '/projects');
});

afterAll(async () => {
  await emu.close();
});

describe('emulator paging', () => {
  it('defaults to 50 newest, pages with skip, and orders Oldest as the exact reverse', async () => {
    const id = must(projects[0]?.id);
    const first = await apiJson<WireImage[]>(emu, `/projects/${id}/images/tagged`);
    expect(first).toHaveLength(50);
    const total = Number(await (await api(emu, `/projects/${id}/images/tagged/count`)).text());
    const newest: string[] = [];
    for (let skip = 0; skip < total; skip += 40) newest.push(...(await apiJson<WireImage[]>(emu, `/projects/${id}/images/tagged?take=40&skip=${skip}`)).map((i) => i.id));
    const oldest = (await apiJson<WireImage[]>(emu, `/projects/${id}/images/tagged?take=256&orderBy=oldest`)).map((i) => i.id);
    expect(newest).toHaveLength(total);
    expect(new Set(newest).size).toBe(total);
    expect(oldest).toEqual([...newest].reverse());
    const created = (await apiJson<WireImage[]>(emu, `/projects/${id}/images/tagged?take=256`)).map((i) => i.created);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('filters by tagIds with OR and counts the same way', async () => {
    const id = must(projects[1]?.id);
    const tags = await apiJson<Array<{ id: string; imageCount: number }>>(emu, `/projects/${id}/tags`);
    const [a, b] = tags;
    const either = await apiJson<WireImage[]>(emu, `/projects/${id}/images/tagged?take=256&tagIds=${must(a).id},${must(b).id}`);
    expect(either.every((image) => image.tags?.some((t) => t.tagId === must(a?.id) || t.tagId === must(b?.id)))).toBe(true);
    const count = await (await api(emu, `/projects/${id}/images/tagged/count?tagIds=${must(a).id}%2C${must(b).id}`)).text();
    expect(Number(count)).toBe(either.length);
    expect(either.length).toBeGreaterThanOrEqual(Math.max(must(a?.imageCount), must(b?.imageCount)));
  });

  it('filters GetImages by metadata and tagging status', async () => {
    const id = must(projects[0]?.id);
    const withCamera = await apiJson<WireImage[]>(emu, `/projects/${id}/images?take=256&$filter=${encodeURIComponent("camera eq 'Webcam' or camera eq 'Pixel 7'")}`);
    expect(withCamera.length).toBeGreaterThan(0);
    expect(withCamera.every((image) => ['Webcam', 'Pixel 7'].includes(image.metadata?.camera ?? ''))).toBe(true);
    const untagged = Number(await (await api(emu, `/projects/${id}/images/count?taggingStatus=Untagged`)).text());
    expect(untagged).toBe(8);
  });

  it('refuses take over 256, more than 20 tagIds, and malformed ids', async () => {
    const id = must(projects[0]?.id);
    expect(await errorOf(await api(emu, `/projects/${id}/images?take=257`))).toMatchObject({ status: 400, code: 'BadRequestExceededBatchSize' });
    const tagIds = Array.from({ length: 21 }, (_, i) => uuid(i)).join(',');
    expect(await errorOf(await api(emu, `/projects/${id}/images/tagged?tagIds=${tagIds}`))).toMatchObject({ status: 400, code: 'BadRequestExceededBatchSize' });
    expect(await errorOf(await api(emu, `/projects/not-a-guid/images`))).toMatchObject({ status: 400, code: 'BadRequestInvalidIds' });
    expect(await errorOf(await api(emu, `/projects/${id}/images/id?imageIds=123`))).toMatchObject({ status: 400, code: 'BadRequestInvalidIds' });
    const ids = Array.from({ length: 257 }, (_, i) => uuid(i)).join(',');
    expect(await errorOf(await api(emu, `/projects/${id}/images/id?imageIds=${ids}`))).toMatchObject({ status: 400, code: 'BadRequestExceededBatchSize' });
    expect(await errorOf(await api(emu, `/projects/${id}/images?imageIds=${ids}`, { method: 'DELETE' }))).toMatchObject({ status: 400, code: 'BadRequestExceededBatchSize' });
  });

  it('answers NotFound codes with 404', async () => {
    const id = must(projects[0]?.id);
    expect(await errorOf(await api(emu, `/projects/${uuid(1)}`))).toEqual({ status: 404, code: 'NotFoundProject', message: 'Invalid project' });
    expect(await errorOf(await api(emu, `/projects/${id}/iterations/${uuid(1)}`))).toMatchObject({ status: 404, code: 'NotFoundIteration' });
    expect(await errorOf(await api(emu, `/projects/${id}/tags/${uuid(1)}`))).toMatchObject({ status: 404, code: 'NotFoundTag' });
    expect(await errorOf(await api(emu, `/projects/${id}/images/tagged?iterationId=${uuid(1)}`))).toMatchObject({ status: 404, code: 'NotFoundIteration' });
    const regions = await api(emu, `/projects/${id}/images/regions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ regions: [{ imageId: uuid(1), tagId: uuid(2), left: 0, top: 0, width: 0.5, height: 0.5 }] }),
    });
    expect(await errorOf(regions)).toMatchObject({ status: 404, code: 'NotFoundImage' });
  });
});

describe('emulator deletion rules', () => {
  it('keeps workspace-deleted images inside trained iterations', async () => {
    const id = must(projects[0]?.id);
    const iterations = await apiJson<WireIteration[]>(emu, `/projects/${id}/iterations`);
    const last = must(iterations[1]);
    const inIteration = Number(await (await api(emu, `/projects/${id}/images/tagged/count?iterationId=${last.id}`)).text());
    const inWorkspace = Number(await (await api(emu, `/projects/${id}/images/tagged/count`)).text());
    expect(inIteration - inWorkspace).toBe(6);
    const survivors = await apiJson<WireImage[]>(emu, `/projects/${id}/images/tagged?iterationId=${last.id}&take=256`);
    const workspace = new Set((await apiJson<WireImage[]>(emu, `/projects/${id}/images/tagged?take=256`)).map((i) => i.id));
    const only = survivors.filter((image) => !workspace.has(image.id));
    expect(only).toHaveLength(6);
    const byId = await apiJson<WireImage[]>(emu, `/projects/${id}/images/id?iterationId=${last.id}&imageIds=${only.map((i) => i.id).join(',')}`);
    expect(byId).toHaveLength(6);
    expect((await fetch(must(only[0]?.originalImageUri))).status).toBe(200);
    expect(await apiJson(emu, `/projects/${id}/images/untagged?iterationId=${last.id}`)).toEqual([]);
  });

  it('refuses to delete or re-publish a published iteration, or delete its project', async () => {
    const id = must(projects[0]?.id);
    const published = must((await apiJson<WireIteration[]>(emu, `/projects/${id}/iterations`)).find((it) => it.publishName));
    expect(await errorOf(await api(emu, `/projects/${id}/iterations/${published.id}`, { method: 'DELETE' }))).toEqual({
      status: 400,
      code: 'BadRequestIterationIsPublished',
      message: 'Iteration is already published as: flowers-prod',
    });
    const resource = encodeURIComponent('/subscriptions/x/resourceGroups/y/providers/Microsoft.CognitiveServices/accounts/z');
    expect(await errorOf(await api(emu, `/projects/${id}/iterations/${published.id}/publish?publishName=again&predictionId=${resource}`, { method: 'POST' }))).toMatchObject({
      status: 400,
      code: 'BadRequestIterationIsPublished',
    });
    expect(await errorOf(await api(emu, `/projects/${id}`, { method: 'DELETE' }))).toMatchObject({ status: 400, code: 'BadRequestIterationIsPublished' });
    const unpublished = must((await apiJson<WireIteration[]>(emu, `/projects/${id}/iterations`)).find((it) => !it.publishName));
    expect(await errorOf(await api(emu, `/projects/${id}/iterations/${unpublished.id}/publish`, { method: 'DELETE' }))).toMatchObject({
      status: 400,
      code: 'BadRequestIterationNotPublished',
    });
    const performance = await apiJson<{ perTagPerformance: Array<{ name: string }> }>(emu, `/projects/${id}/iterations/${unpublished.id}/performance?threshold=0.5`);
    expect(performance.perTagPerformance.map((t) => t.name)).toEqual(['Daisy', 'Rose', 'Sunflower', 'Tulip']);
  });

  it('deletes by id with 204, and with allIterations answers 202 and catches up later', async () => {
    const id = must(projects[2]?.id);
    const iterations = await apiJson<WireIteration[]>(emu, `/projects/${id}/iterations`);
    const last = must(iterations[1]);
    const images = await apiJson<WireImage[]>(emu, `/projects/${id}/images/tagged?take=3&orderBy=Oldest`);
    const [a, b, c] = images.map((i) => i.id);
    expect((await api(emu, `/projects/${id}/images?imageIds=${a}`, { method: 'DELETE' })).status).toBe(204);
    expect(await apiJson(emu, `/projects/${id}/images/id?imageIds=${a}`)).toEqual([]);
    expect(await apiJson<WireImage[]>(emu, `/projects/${id}/images/id?imageIds=${a}&iterationId=${last.id}`)).toHaveLength(1);
    const before = Number(await (await api(emu, `/projects/${id}/images/count`)).text());
    emu.configure({ deleteDelayMs: 150 });
    const accepted = await api(emu, `/projects/${id}/images?imageIds=${b},${c}&allIterations=true`, { method: 'DELETE' });
    expect(accepted.status).toBe(202);
    expect(Number(await (await api(emu, `/projects/${id}/images/count`)).text())).toBe(before);
    await waitFor(async () => Number(await (await api(emu, `/projects/${id}/images/count`)).text()) === before - 2);
    expect(await apiJson(emu, `/projects/${id}/images/id?imageIds=${b},${c}&iterationId=${last.id}`)).toEqual([]);
    emu.configure({ deleteDelayMs: 30 });
  });

  it('deletes all images of a project with allImages (202)', async () => {
    const project = await apiJson<WireProject>(emu, '/projects?name=Throwaway', { method: 'POST' });
    const source = (await apiJson<WireImage[]>(emu, `/projects/${must(projects[0]).id}/images?take=2`)).map((i) => i.originalImageUri);
    for (const uri of source) {
      const bytes = Buffer.from(await (await fetch(uri)).arrayBuffer());
      await api(emu, `/projects/${project.id}/images`, { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
    }
    expect(await (await api(emu, `/projects/${project.id}/images/count`)).text()).toBe('2');
    expect((await api(emu, `/projects/${project.id}/images?allImages=true`, { method: 'DELETE' })).status).toBe(202);
    await waitFor(async () => (await (await api(emu, `/projects/${project.id}/images/count`)).text()) === '0');
    expect(await errorOf(await api(emu, `/projects/${project.id}/images`, { method: 'DELETE' }))).toMatchObject({ status: 400 });
  });

  it('removes a deleted tag from workspace images but not from iterations', async () => {
    const id = must(projects[1]?.id);
    const [iteration] = await apiJson<WireIteration[]>(emu, `/projects/${id}/iterations`);
    const tag = must((await apiJson<Array<{ id: string; name: string; imageCount: number }>>(emu, `/projects/${id}/tags`)).find((t) => t.name === 'Tree'));
    expect(tag.imageCount).toBeGreaterThan(0);
    expect((await api(emu, `/projects/${id}/tags/${tag.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await api(emu, `/projects/${id}/images/tagged/count?tagIds=${tag.id}`)).text()).toBe('0');
    const images = await apiJson<WireImage[]>(emu, `/projects/${id}/images?take=256`);
    expect(images.some((image) => image.tags?.some((t) => t.tagId === tag.id))).toBe(false);
    const kept = await apiJson<{ name: string; imageCount: number }>(emu, `/projects/${id}/tags/${tag.id}?iterationId=${must(iteration).id}`);
    expect(kept.name).toBe('Tree');
    expect(kept.imageCount).toBeGreaterThan(0);
  });

  it('deleting an iteration removes its snapshot, performance and exports', async () => {
    const id = must(projects[2]?.id);
    const iterations = await apiJson<WireIteration[]>(emu, `/projects/${id}/iterations`);
    const published = must(iterations.find((it) => it.publishName));
    const exports = await apiJson<Array<{ downloadUri: string }>>(emu, `/projects/${id}/iterations/${published.id}/export`);
    expect(exports).toHaveLength(1);
    expect((await api(emu, `/projects/${id}/iterations/${published.id}/publish`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(emu, `/projects/${id}/iterations/${published.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(emu, `/projects/${id}/iterations/${published.id}/performance`)).status).toBe(404);
    expect((await api(emu, `/projects/${id}/images/tagged?iterationId=${published.id}`)).status).toBe(404);
    expect((await fetch(must(exports[0]?.downloadUri))).status).toBe(404);
  });

  it('limits DeletePrediction to 64 ids and requires some', async () => {
    const id = must(projects[0]?.id);
    expect(await errorOf(await api(emu, `/projects/${id}/predictions`, { method: 'DELETE' }))).toMatchObject({ status: 400, code: 'BadRequestPredictionIdsMissing' });
    const ids = Array.from({ length: 65 }, (_, i) => uuid(i)).join(',');
    expect(await errorOf(await api(emu, `/projects/${id}/predictions?ids=${ids}`, { method: 'DELETE' }))).toMatchObject({ status: 400, code: 'BadRequestPredictionIdsExceededCount' });
    const ok = Array.from({ length: 64 }, (_, i) => uuid(i)).join(',');
    expect((await api(emu, `/projects/${id}/predictions?ids=${ok}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('pages stored predictions and rejects a forged continuation', async () => {
    const id = must(projects[2]?.id);
    const post = (body: unknown) => api(emu, `/projects/${id}/predictions/query`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const first = (await (await post({ maxCount: 4, orderBy: 'Oldest' })).json()) as { token: { session: string; continuation: string | null }; results: Array<{ id: string; created: string }> };
    expect(first.results).toHaveLength(4);
    expect(first.token.continuation).toEqual(expect.any(String));
    expect(first.results[0]?.created).toMatch(/Z$/);
    const second = (await (await post({ maxCount: 4, orderBy: 'Oldest', session: first.token.session, continuation: first.token.continuation })).json()) as typeof first;
    expect(second.results).toHaveLength(2);
    expect(second.token.continuation).toBeNull();
    expect(await errorOf(await post({ session: 'nope', continuation: 'eyJvIjo0fQ==' }))).toMatchObject({ status: 400, code: 'BadRequestPredictionInvalidQueryParameters' });
  });
});
