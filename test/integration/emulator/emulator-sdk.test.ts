/**
 * The fidelity check (src-main/emulator/README.md): Microsoft's own SDK, unchanged, drives
 * the emulator through every operation the app uses, including the failures the app must
 * handle. If the SDK can parse it, a real client written from the same spec can too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingAPIClient } from '@azure/cognitiveservices-customvision-training';
import { ApiKeyCredentials, RestError } from '@azure/ms-rest-js';
import { generateImage } from '../../../src-main/emulator/images';
import type { RunningEmulator } from '../../../src-main/emulator';
import { api, must, startTestEmulator, waitFor } from '../../support/emulator/emulator-support';

const GENERAL_COMPACT = '0732100f-1a38-4e49-a514-c9b44c697ab5';
const OD_COMPACT = 'a27d5ca5-bb19-49d8-a70a-fec086c47f5b';
const PREDICTION_RESOURCE = '/subscriptions/1111/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/my-prediction';

let emu: RunningEmulator;
let client: TrainingAPIClient;

function sdk(endpoint: string, key: string): TrainingAPIClient {
  return new TrainingAPIClient(new ApiKeyCredentials({ inHeader: { 'Training-key': key } }), endpoint);
}

async function failure(promise: Promise<unknown>): Promise<RestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function png(seed: number, label?: string): Buffer {
  return generateImage({ seed, width: 320, height: 256, format: 'png', ...(label ? { label } : {}) });
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  // A trailing slash makes the SDK send `//customvision/…`, as in Microsoft's recordings.
  client = sdk(`${emu.endpoint}/`, emu.key);
});

afterAll(async () => {
  await emu.close();
});

describe('official SDK against the emulator', () => {
  it('reads domains and the demo projects', async () => {
    const domains = await client.getDomains();
    expect(domains.map((d) => d.id)).toContain(GENERAL_COMPACT);
    expect(domains.find((d) => d.id === OD_COMPACT)?.type).toBe('ObjectDetection');
    const projects = await client.getProjects();
    expect(projects.map((p) => p.name)).toEqual(['Flower shop (demo)', 'Street scenes (demo)', 'Parcel detector (demo)']);
    expect(projects[0]?.created).toBeInstanceOf(Date);
  });

  it('runs the whole life cycle of a classification project', async () => {
    const project = await client.createProject('SDK life cycle', { domainId: GENERAL_COMPACT, classificationType: 'Multilabel', description: 'made by the SDK' });
    const projectId = must(project.id);
    expect(project.settings.classificationType).toBe('Multilabel');
    expect(project.thumbnailUri).toBeNull();

    const cat = await client.createTag(projectId, 'cat');
    const dog = await client.createTag(projectId, 'dog', { description: '' });
    const dogId = must(dog.id);
    expect(dog.description).toBeNull();
    const negative = await client.createTag(projectId, 'none', { type: 'Negative' });
    expect(negative.type).toBe('Negative');
    const duplicate = await failure(client.createTag(projectId, 'cat'));
    expect([duplicate.statusCode, duplicate.code]).toEqual([400, 'BadRequestTagNameNotUnique']);

    // Uploads: multipart/form-data, one image per SDK call, optional tagIds.
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const summary = await client.createImagesFromData(projectId, png(100 + i, 'cat'), { tagIds: [i < 4 ? must(cat.id) : dogId] });
      expect(summary.isBatchSuccessful).toBe(true);
      expect(summary.images?.[0]?.status).toBe('OK');
      expect(summary.images?.[0]?.image?.width).toBe(320);
      ids.push(must(summary.images?.[0]?.image?.id));
    }
    const untagged = await client.createImagesFromData(projectId, png(999));
    const untaggedId = must(untagged.images?.[0]?.image?.id);
    const again = await client.createImagesFromData(projectId, png(100, 'cat'));
    expect(again.isBatchSuccessful).toBe(false);
    expect(again.images?.[0]?.status).toBe('OKDuplicate');

    const tagged = await client.createImageTags(projectId, { tags: [{ imageId: ids[0], tagId: dog.id }, { imageId: ids[0], tagId: cat.id }] });
    expect(tagged.created).toHaveLength(1);
    expect(tagged.duplicated).toHaveLength(1);
    const metadata = await client.updateImageMetadata(projectId, [must(ids[1])], { camera: 'Pixel', room: 'kitchen' });
    expect(metadata.images?.[0]).toMatchObject({ imageId: ids[1], status: 'OK', metadata: { camera: 'Pixel', room: 'kitchen' } });

    // Listing, paging and counts.
    expect((await client.getTaggedImageCount(projectId)).body).toBe(6);
    expect((await client.getUntaggedImageCount(projectId)).body).toBe(1);
    expect((await client.getImageCount(projectId, { taggingStatus: 'All' })).body).toBe(7);
    expect((await client.getTaggedImageCount(projectId, { tagIds: [dogId] })).body).toBe(3);
    const oldest = await client.getTaggedImages(projectId, { orderBy: 'Oldest', take: 2, skip: 0 });
    expect(oldest.map((image) => image.id)).toEqual(ids.slice(0, 2));
    const newest = await client.getImages(projectId, { take: 50 });
    expect(newest[0]?.id).toBe(untaggedId);
    expect(newest[0]?.tags ?? []).toEqual([]);
    const byIds = await client.getImagesByIds(projectId, { imageIds: [must(ids[1]), must(ids[0])] });
    expect(byIds.map((image) => image.id)).toEqual([ids[0], ids[1]]);
    expect(byIds[1]?.metadata).toEqual({ camera: 'Pixel', room: 'kitchen' });
    expect(byIds[0]?.tags?.map((t) => t.tagName).sort()).toEqual(['cat', 'dog']);
    expect(byIds[0]?.created).toBeInstanceOf(Date);
    const untaggedList = await client.getUntaggedImages(projectId);
    expect(untaggedList.map((image) => image.id)).toEqual([untaggedId]);

    // Training: Training → Completed; retraining an unchanged workspace is refused.
    const iteration = await client.trainProject(projectId);
    const iterationId = must(iteration.id);
    expect(iteration.status).toBe('Training');
    expect(iteration.trainedAt).toBeUndefined();
    await waitFor(async () => (await client.getIteration(projectId, iterationId)).status === 'Completed');
    const notNeeded = await failure(client.trainProject(projectId));
    expect(notNeeded.code).toBe('BadRequestTrainingNotNeeded');
    const trained = await client.getIteration(projectId, iterationId);
    expect(trained.trainedAt).toBeInstanceOf(Date);
    expect(trained.exportable).toBe(true);

    const performance = await client.getIterationPerformance(projectId, iterationId, { threshold: 0.5 });
    expect(performance.perTagPerformance?.map((t) => t.name).sort()).toEqual(['cat', 'dog']);
    expect((await client.getImagePerformanceCount(projectId, iterationId)).body).toBe(6);
    const perImage = await client.getImagePerformances(projectId, iterationId, { take: 3 });
    expect(perImage).toHaveLength(3);
    expect(perImage[0]?.predictions?.length).toBe(2);

    // Publish, and the refusals while published.
    expect((await client.publishIteration(projectId, iterationId, 'sdk-model', PREDICTION_RESOURCE)).body).toBe(true);
    const republish = await failure(client.publishIteration(projectId, iterationId, 'sdk-model-2', PREDICTION_RESOURCE));
    expect([republish.statusCode, republish.code, republish.message]).toEqual([400, 'BadRequestIterationIsPublished', 'Iteration is already published as: sdk-model']);
    const deletePublished = await failure(client.deleteIteration(projectId, iterationId));
    expect(deletePublished.code).toBe('BadRequestIterationIsPublished');
    const deleteProjectPublished = await failure(client.deleteProject(projectId));
    expect(deleteProjectPublished.code).toBe('BadRequestIterationIsPublished');

    // Export: Exporting → Done with a downloadable ZIP.
    const started = await client.exportIteration(projectId, iterationId, 'TensorFlow');
    expect(started.status).toBe('Exporting');
    await waitFor(async () => (await client.getExports(projectId, iterationId))[0]?.status === 'Done');
    const [done] = await client.getExports(projectId, iterationId);
    const zip = Buffer.from(await (await fetch(must(done?.downloadUri))).arrayBuffer());
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await client.exportProject(projectId)).imageCount).toBe(7);

    // Delete images: 204 by id (workspace only), 202 with allIterations (async).
    const plain = await client.deleteImages(projectId, { imageIds: [must(ids[2])] });
    expect(plain._response.status).toBe(204);
    const inIteration = await client.getImagesByIds(projectId, { imageIds: [must(ids[2])], iterationId: iterationId });
    expect(inIteration.map((image) => image.id)).toEqual([ids[2]]);
    const everywhere = await client.deleteImages(projectId, { imageIds: [must(ids[3])], allIterations: true });
    expect(everywhere._response.status).toBe(202);
    await waitFor(async () => (await client.getTaggedImageCount(projectId, { iterationId: iterationId })).body === 5);
    expect((await client.getTaggedImageCount(projectId)).body).toBe(4);

    // Unpublish, delete the iteration, a tag, then the project.
    expect((await client.unpublishIteration(projectId, iterationId))._response.status).toBe(204);
    expect((await failure(client.unpublishIteration(projectId, iterationId))).code).toBe('BadRequestIterationNotPublished');
    expect((await client.deleteIteration(projectId, iterationId))._response.status).toBe(204);
    const goneIteration = await failure(client.getIteration(projectId, iterationId));
    expect([goneIteration.statusCode, goneIteration.code]).toEqual([404, 'NotFoundIteration']);
    expect((await client.deleteTag(projectId, dogId))._response.status).toBe(204);
    expect((await failure(client.getTag(projectId, dogId))).code).toBe('NotFoundTag');
    expect((await client.getTaggedImageCount(projectId, { tagIds: [dogId] })).body).toBe(0);
    expect((await client.deleteProject(projectId))._response.status).toBe(204);
    const goneProject = await failure(client.getProject(projectId));
    expect([goneProject.statusCode, goneProject.code]).toEqual([404, 'NotFoundProject']);
  });

  it('creates regions in an object-detection project', async () => {
    const project = await client.createProject('SDK detection', { domainId: OD_COMPACT });
    const projectId = must(project.id);
    expect(project.settings.classificationType).toBeNull();
    const box = await client.createTag(projectId, 'box');
    const upload = await client.createImagesFromData(projectId, png(7));
    const imageId = must(upload.images?.[0]?.image?.id);
    const regions = await client.createImageRegions(projectId, { regions: [{ imageId, tagId: must(box.id), left: 0.1, top: 0.2, width: 0.3, height: 0.4 }] });
    expect(regions.created?.[0]).toMatchObject({ imageId, tagName: 'box', left: 0.1, width: 0.3 });
    const [image] = await client.getImagesByIds(projectId, { imageIds: [imageId] });
    expect(image?.regions?.[0]).toMatchObject({ tagId: box.id, tagName: 'box', top: 0.2, height: 0.4 });
    expect(image?.tags?.map((t) => t.tagName)).toEqual(['box']);
    const artifactPath = new URL(must(image?.thumbnailUri)).pathname.replace('/__blob/', '');
    const artifact = await client.getArtifact(projectId, artifactPath);
    expect(artifact._response.status).toBe(200);
  });

  it('pages stored predictions with session and continuation, and deletes them', async () => {
    const [flowers] = await client.getProjects();
    const flowersId = must(flowers?.id);
    const seen: string[] = [];
    let token = { maxCount: 2, orderBy: 'Newest' as const, session: undefined as string | undefined, continuation: undefined as string | undefined };
    for (let page = 0; page < 10; page += 1) {
      const result = await client.queryPredictions(flowersId, token);
      seen.push(...(result.results ?? []).map((r) => must(r.id)));
      if (!result.token?.continuation) break;
      token = { ...token, session: result.token.session, continuation: result.token.continuation };
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const response = await client.deletePrediction(flowersId, seen.slice(0, 2));
    expect(response._response.status).toBe(204);
    const after = await client.queryPredictions(flowersId, { maxCount: 0 });
    expect(after.results?.map((r) => r.id)).toEqual(seen.slice(2));
    expect(after.results?.[0]?.originalImageUri).toBe(after.results?.[0]?.resizedImageUri);
  });

  it('surfaces 401 for a wrong key and 404 for unknown ids', async () => {
    const wrong = await failure(sdk(emu.endpoint, 'not-the-key').getProjects());
    expect(wrong.statusCode).toBe(401);
    expect(wrong.message).toContain('Access denied due to invalid subscription key');
    const missing = await failure(client.getProject('00000000-0000-4000-8000-000000000000'));
    expect([missing.statusCode, missing.code]).toEqual([404, 'NotFoundProject']);
  });

  it('checks take and id limits client-side; the emulator enforces them too', async () => {
    const [flowers] = await client.getProjects();
    const flowersId = must(flowers?.id);
    await expect(client.getTaggedImages(flowersId, { take: 300 })).rejects.toThrow(/take/);
    const response = await api(emu, `/projects/${flowersId}/images/tagged?take=300`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BadRequestExceededBatchSize' });
  });

  it('surfaces 429 with Retry-After and the real text', async () => {
    // ms-rest-js 2.x runs its throttling retry outside the deserialization policy, which has
    // already turned the 429 into a RestError: the SDK surfaces it instead of retrying.
    emu.configure({ tps: 2 });
    try {
      emu.resetStats();
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => client.getDomains()));
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as RestError);
      expect(refused.length).toBeGreaterThanOrEqual(3);
      expect(refused[0]?.statusCode).toBe(429);
      expect(refused[0]?.message).toMatch(/^Requests to the GetDomains Operation under Custom_Vision_Training_3\.4-preview have exceeded rate limit/);
      expect(refused[0]?.response?.headers.get('retry-after')).toBe('1');
      expect(emu.stats().rateLimited).toBe(refused.length);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await client.getDomains()).length).toBeGreaterThan(0);
    } finally {
      emu.configure({ tps: 0 });
    }
  });
});
