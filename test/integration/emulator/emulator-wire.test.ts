/**
 * Wire details a client depends on, as recorded from the real service: CRLF-indented
 * JSON, headers, 204 shape, bare-number counts, the two date formats, omitted keys,
 * both API versions, the `//` prefix and the gateway-shaped 401/404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator';
import { api, apiJson, must, startTestEmulator, V34, type WireImage, type WireIteration, type WireProject } from '../../support/emulator/emulator-support';

let emu: RunningEmulator;
let flowers: WireProject;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  [flowers] = await apiJson<WireProject[]>(emu, '/projects') as [WireProject];
});

afterAll(async () => {
  await emu.close();
});

describe('emulator wire format', () => {
  it('writes indented JSON with CRLF and the recorded headers', async () => {
    const response = await api(emu, '/projects');
    const text = await response.text();
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(text.startsWith('[\r\n  {\r\n    "id": ')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const requestId = response.headers.get('apim-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('request-id')).toBe(requestId);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains; preload');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('date')).toBeTruthy();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const second = await api(emu, '/projects');
    expect(second.headers.get('apim-request-id')).not.toBe(requestId);
  });

  it('answers counts with a bare number and deletes with an empty 204', async () => {
    const count = await api(emu, `/projects/${flowers.id}/images/count`);
    expect(await count.text()).toBe('104');
    const tags = await apiJson<Array<{ id: string; name: string }>>(emu, `/projects/${flowers.id}/tags`);
    const deleted = await api(emu, `/projects/${flowers.id}/predictions?ids=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('content-length')).toBe('0');
    expect(deleted.headers.get('content-type')).toBeNull();
    expect(tags.map((t) => t.name)).toContain('Not a flower');
  });

  it('writes image dates with 7 digits and no zone, project and iteration dates with Z', async () => {
    const [image] = await apiJson<WireImage[]>(emu, `/projects/${flowers.id}/images/tagged?take=1`);
    expect(image?.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
    expect(image?.tags?.[0]?.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/);
    const project = await apiJson<Record<string, string>>(emu, `/projects/${flowers.id}`);
    expect(project.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
    const iterations = await apiJson<Array<Record<string, string>>>(emu, `/projects/${flowers.id}/iterations`);
    expect(iterations[0]?.trainedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,3}Z$/);
  });

  it('omits regions and metadata when an image has none, and keeps other nulls', async () => {
    const images = await apiJson<Array<Record<string, unknown>>>(emu, `/projects/${flowers.id}/images?take=256`);
    const plain = images.find((image) => !('metadata' in image));
    expect(plain).toBeDefined();
    expect(Object.keys(plain ?? {}).slice(0, 7)).toEqual(['id', 'created', 'width', 'height', 'resizedImageUri', 'thumbnailUri', 'originalImageUri']);
    expect(images.some((image) => 'regions' in image)).toBe(false);
    expect(images.some((image) => 'metadata' in image)).toBe(true);
    const untagged = await apiJson<Array<Record<string, unknown>>>(emu, `/projects/${flowers.id}/images/untagged`);
    expect(untagged[0] && 'tags' in untagged[0]).toBe(false);
    const tag = (await apiJson<Array<Record<string, unknown>>>(emu, `/projects/${flowers.id}/tags`)).find((t) => t.name === 'Not a flower');
    expect(tag).toEqual({ id: expect.any(String), name: 'Not a flower', description: null, type: 'Negative', imageCount: 6 });
  });

  it('omits trainedAt until trained and writes publishName null when unpublished', async () => {
    const project = await apiJson<WireProject>(emu, '/projects?name=Fresh', { method: 'POST' });
    expect(project).toMatchObject({ thumbnailUri: null, description: null, drModeEnabled: false });
    const iterations = await apiJson<Array<Record<string, unknown>>>(emu, `/projects/${flowers.id}/iterations`);
    expect(iterations.map((it) => it.publishName)).toEqual([null, 'flowers-prod']);
    await api(emu, `/projects/${project.id}/tags?name=a`, { method: 'POST' });
    const tagId = (await apiJson<Array<{ id: string }>>(emu, `/projects/${project.id}/tags`))[0]?.id;
    const png = (await fetch(must((await apiJson<WireImage[]>(emu, `/projects/${flowers.id}/images/tagged?take=1`))[0]?.originalImageUri)).then((r) => r.arrayBuffer()));
    await api(emu, `/projects/${project.id}/images?tagIds=${tagId}`, { method: 'POST', body: Buffer.from(png), headers: { 'Content-Type': 'application/octet-stream' } });
    const training = await apiJson<Record<string, unknown>>(emu, `/projects/${project.id}/train`, { method: 'POST' });
    expect(training.status).toBe('Training');
    expect('trainedAt' in training).toBe(false);
    expect(training.exportableTo).toBeNull();
  });

  it('answers under v3.4-preview too, with its extra iteration fields', async () => {
    const iterations = await apiJson<Array<Record<string, unknown>>>(emu, `${V34}/projects/${flowers.id}/iterations`);
    expect(iterations[0]).toMatchObject({ customBaseModelInfo: null, trainingErrorDetails: null });
    const v33 = await apiJson<Array<Record<string, unknown>>>(emu, `/projects/${flowers.id}/iterations`);
    expect('customBaseModelInfo' in (v33[0] ?? {})).toBe(false);
  });

  it('tolerates a leading double slash and matches the Training-Key header case-insensitively', async () => {
    const response = await fetch(`${emu.endpoint}//customvision/v3.3/training/projects`, { headers: { 'training-KEY': emu.key } });
    expect(response.status).toBe(200);
  });

  it('answers a wrong or missing key with the gateway 401 body', async () => {
    const expected = {
      error: {
        code: '401',
        message:
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      },
    };
    const wrong = await api(emu, '/projects', { key: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(expected);
    const missing = await fetch(`${emu.endpoint}/customvision/v3.3/training/projects`, { headers: { 'Ocp-Apim-Subscription-Key': emu.key } });
    expect(missing.status).toBe(401);
    expect(emu.stats().unauthorized).toBeGreaterThanOrEqual(2);
  });

  it('answers unknown paths with the gateway 404', async () => {
    const response = await api(emu, '/nothing/here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: '404', message: 'Resource not found' } });
  });

  it('gives each iteration record the recorded key order', async () => {
    const [first] = await apiJson<WireIteration[]>(emu, `/projects/${flowers.id}/iterations`);
    expect(Object.keys(first ?? {})).toEqual([
      'id', 'name', 'status', 'created', 'lastModified', 'trainedAt', 'projectId', 'exportable', 'exportableTo',
      'domainId', 'classificationType', 'trainingType', 'reservedBudgetInHours', 'trainingTimeInMinutes', 'publishName', 'originalPublishResourceId',
    ]);
  });
});
