/**
 * What the deletion safety work needs from the emulator: gateway 404s that name nothing
 * (gateway404Operations), request-line limits (url-limit, url-limit-414 quirks and the
 * maxRequestLineBytes stat), strict delete batches (strict-batch-ids quirk), ids deleted by
 * another client (deleteElsewhere) and the record of every deletion the API really made.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startEmulator, type DeletionRecord, type RunningEmulator, type SeedDocument } from '../../../src-main/emulator';
import { stableUuid } from '../../../src-main/emulator/ids';
import { api, apiJson, startTestEmulator, V33, waitFor, type WireImage } from '../../support/emulator/emulator-support';

const GATEWAY_404 = '{"error":{"code":"404","message":"Resource not found"}}';

/**
 * One project: w1–w6 tagged in the workspace, u1 untagged; `only1` lives only in Iteration 1,
 * `shared` in both iterations (both deleted from the workspace); Iteration 2 is published;
 * three stored predictions.
 */
function labSeed(): SeedDocument {
  const workspace = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map((key, i) => ({ key, width: 8, height: 8, tags: ['A'], created: i }));
  return {
    format: 'cv-emulator-seed',
    version: 1,
    baseDate: '2024-06-01T08:00:00Z',
    projects: [
      {
        key: 'lab',
        name: 'Lab',
        tags: [{ name: 'A' }, { name: 'B' }],
        images: [
          ...workspace,
          { key: 'only1', width: 8, height: 8, tags: ['A'], created: 6, deletedFromWorkspace: true },
          { key: 'shared', width: 8, height: 8, tags: ['A'], created: 7, deletedFromWorkspace: true },
          { key: 'u1', width: 8, height: 8, created: 8 },
        ],
        iterations: [
          { name: 'Iteration 1', created: 60, images: ['w1', 'w2', 'w3', 'only1', 'shared'] },
          { name: 'Iteration 2', created: 90, images: ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'shared'], published: { name: 'lab-prod' } },
        ],
        predictions: ['p1', 'p2', 'p3'].map((key, i) => ({ key, iteration: 'Iteration 2', created: 100 + i, width: 8, height: 8, results: [{ tag: 'A', probability: 0.8 }] })),
      },
    ],
  };
}

const PROJECT = stableUuid('lab/project');
const image = (key: string): string => stableUuid(`lab/image/${key}`);
const prediction = (key: string): string => stableUuid(`lab/prediction/${key}`);
const iteration = (name: string): string => stableUuid(`lab/iteration/${name}`);
const TAG_B = stableUuid('lab/tag/B');

function del(emu: RunningEmulator, path: string): Promise<Response> {
  return api(emu, path, { method: 'DELETE' });
}

async function workspaceIds(emu: RunningEmulator): Promise<string[]> {
  return (await apiJson<WireImage[]>(emu, `/projects/${PROJECT}/images?take=256&orderBy=Oldest`)).map((i) => i.id);
}

async function iterationIds(emu: RunningEmulator, name: string): Promise<string[]> {
  return (await apiJson<WireImage[]>(emu, `/projects/${PROJECT}/images/tagged?take=256&orderBy=Oldest&iterationId=${iteration(name)}`)).map((i) => i.id);
}

async function predictionIds(emu: RunningEmulator): Promise<string[]> {
  const answer = await apiJson<{ results: Array<{ id: string }> }>(emu, `/projects/${PROJECT}/predictions/query`, {
    method: 'POST',
    body: '{"orderBy":"Oldest"}',
    headers: { 'Content-Type': 'application/json' },
  });
  return answer.results.map((p) => p.id);
}

async function withEmulator(run: (emu: RunningEmulator) => Promise<void>, options: Parameters<typeof startTestEmulator>[0] = {}): Promise<void> {
  const emu = await startTestEmulator({ seed: labSeed(), ...options });
  try {
    await run(emu);
  } finally {
    await emu.close();
  }
}

const postControl = (emu: RunningEmulator, path: string, body: unknown): Promise<Response> =>
  fetch(`${emu.endpoint}/__emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });

describe('gateway404Operations', () => {
  it('is empty by default, set at start, by configure() and over /__emulator/config, and validated', async () => {
    const plain = await startTestEmulator();
    expect(plain.config().gateway404Operations).toEqual([]);
    await plain.close();
    await withEmulator(
      async (emu) => {
        // Case-insensitive, deduplicated, in the operation table's order.
        expect(emu.config().gateway404Operations).toEqual(['GetProject', 'GetImagesByIds']);
        emu.configure({ gateway404Operations: ['DeleteImages'] });
        expect(emu.config().gateway404Operations).toEqual(['DeleteImages']);
        expect(() => emu.configure({ gateway404Operations: ['DeleteImage'] })).toThrow(/unknown operation "DeleteImage"; the operations are GetDomains, GetDomain, .*DeleteImages/);
        expect(emu.config().gateway404Operations).toEqual(['DeleteImages']);
        const refused = await postControl(emu, 'config', { gateway404Operations: ['Nope'] });
        expect(refused.status).toBe(400);
        expect(((await refused.json()) as { error: string }).error).toMatch(/^gateway404Operations: unknown operation "Nope"; the operations are /);
        const changed = await postControl(emu, 'config', { gateway404Operations: ['DeletePrediction', 'getimagesbyids'] });
        expect(((await changed.json()) as { gateway404Operations: string[] }).gateway404Operations).toEqual(['GetImagesByIds', 'DeletePrediction']);
        expect((await postControl(emu, 'config', { gateway404Operations: [] })).status).toBe(200);
        expect(emu.config().gateway404Operations).toEqual([]);
      },
      { gateway404Operations: ['getimagesbyids', 'GetProject', 'GetProject'] },
    );
    await expect(startEmulator({ gateway404Operations: ['GetProjectz'] })).rejects.toThrow('unknown operation "GetProjectz"');
  });

  it('answers a listed operation 404 with the gateway body whether or not the thing exists, without running it', async () => {
    await withEmulator(async (emu) => {
      emu.configure({ gateway404Operations: ['GetProject', 'GetImagesByIds', 'DeleteImages'] });
      const paths: Array<[string, string]> = [
        ['GET', `/projects/${PROJECT}`],
        ['GET', `/projects/${randomUUID()}`],
        ['GET', `/projects/${PROJECT}/images/id?imageIds=${image('w1')}`],
        ['DELETE', `/projects/${PROJECT}/images?imageIds=${image('w1')},${image('w2')}`],
      ];
      for (const [method, path] of paths) {
        const response = await api(emu, path, { method });
        expect(response.status, path).toBe(404);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(response.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        expect(await response.text(), path).toBe(GATEWAY_404);
      }
      // Not run: nothing deleted, nothing recorded.
      expect(await workspaceIds(emu)).toContain(image('w1'));
      expect(emu.deletions()).toEqual([]);
      // The key is checked first; other operations are untouched.
      expect((await api(emu, `/projects/${PROJECT}`, { key: 'wrong' })).status).toBe(401);
      expect((await api(emu, '/projects')).status).toBe(200);
      const stats = emu.stats();
      expect(stats.requests.GetProject).toBe(3);
      expect(stats.requests.DeleteImages).toBe(1);
      expect(stats.gateway404).toBe(4);
      expect(stats.unauthorized).toBe(1);
      emu.configure({ gateway404Operations: [] });
      expect((await api(emu, `/projects/${PROJECT}`)).status).toBe(200);
      const missing = await api(emu, `/projects/${randomUUID()}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ code: 'NotFoundProject', message: 'Invalid project' });
    });
  });

  it('uses no rate-limit token and is never faulted', async () => {
    await withEmulator(
      async (emu) => {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          const response = await api(emu, `/projects/${PROJECT}`);
          expect(await response.text()).toBe(GATEWAY_404);
          statuses.push(response.status);
        }
        expect(statuses).toEqual([404, 404, 404, 404]);
        expect(emu.stats().faults.fail + emu.stats().rateLimited).toBe(0);
        // The one token is still there for another operation (then faulted: fail-rate 1).
        expect((await api(emu, '/projects')).status).toBeGreaterThanOrEqual(500);
      },
      { gateway404Operations: ['GetProject'], tps: 1, failRate: 1 },
    );
  });
});

/** `GET <V33>/projects?pad=…` whose request line is exactly `bytes` long. */
function paddedProjectsPath(bytes: number): string {
  const bare = `GET ${V33}/projects?pad= HTTP/1.1`.length;
  return `${V33}/projects?pad=${'a'.repeat(bytes - bare)}`;
}

const lineOf = (method: string, path: string): number => `${method} ${path} HTTP/1.1`.length;

/** A DeleteImages naming 256 ids (commas sent as %2C, as the official SDK does): ≈ 10 KB of line. */
function bigDeletePath(ids: readonly string[]): string {
  const all = [...ids, ...Array.from({ length: 256 - ids.length }, () => randomUUID())];
  return `${V33}/projects/${PROJECT}/images?imageIds=${all.join('%2C')}`;
}

describe('request-line limits', () => {
  it('records the longest API request line received, lines of 8–16 KB included, blob and control routes excluded', async () => {
    await withEmulator(async (emu) => {
      expect(emu.stats().maxRequestLineBytes).toBe(0);
      const path = bigDeletePath([image('w1')]);
      const bytes = lineOf('DELETE', path);
      expect(bytes).toBeGreaterThan(8192);
      expect(bytes).toBeLessThan(16_384);
      expect((await del(emu, path)).status).toBe(204);
      expect(emu.stats().maxRequestLineBytes).toBe(bytes);
      expect(await workspaceIds(emu)).not.toContain(image('w1'));
      // A 16 KiB line: Node's default limit on the whole head (16 KiB) would answer 431.
      const long = paddedProjectsPath(16_384);
      expect((await api(emu, long)).status).toBe(200);
      expect(emu.stats().maxRequestLineBytes).toBe(16_384);
      await (await fetch(`${emu.endpoint}/__emulator/stats?pad=${'a'.repeat(20_000)}`)).text();
      const [first] = await apiJson<WireImage[]>(emu, `/projects/${PROJECT}/images?take=1`);
      await (await fetch(`${first?.originalImageUri ?? ''}&pad=${'a'.repeat(20_000)}`)).arrayBuffer();
      expect(emu.stats().maxRequestLineBytes).toBe(16_384);
      emu.resetStats();
      expect(emu.stats().maxRequestLineBytes).toBe(0);
    });
  });

  it('url-limit: a line over 8192 bytes gets the IIS 404.15 page before routing', async () => {
    await withEmulator(async (emu) => {
      emu.configure({ quirks: ['url-limit'] });
      expect((await api(emu, paddedProjectsPath(8192))).status).toBe(200);
      const refused = await api(emu, paddedProjectsPath(8193));
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toBe('text/html');
      const page = await refused.text();
      expect(page).toContain('HTTP Error 404.15 - Not Found');
      expect(page).toContain('The request filtering module is configured to deny a request where the query string is too long.');
      // A 256-id DeleteImages is refused whole and counted as no operation.
      const path = bigDeletePath([image('w1'), image('w2')]);
      const big = await del(emu, path);
      expect(big.status).toBe(404);
      expect(await big.text()).toContain('HTTP Error 404.15 - Not Found');
      expect(await workspaceIds(emu)).toEqual(expect.arrayContaining([image('w1'), image('w2')]));
      expect(emu.deletions()).toEqual([]);
      // Even an unknown path or a wrong key: nothing behind the web server sees the request.
      expect((await api(emu, `${V33}/nowhere?pad=${'a'.repeat(9000)}`, { key: 'wrong' })).status).toBe(404);
      const stats = emu.stats();
      expect(stats.requestLineRefused).toBe(3);
      expect(stats.requests.DeleteImages).toBeUndefined();
      expect(stats.requests.GetProjects).toBe(1);
      expect(stats.unauthorized).toBe(0);
      expect(stats.maxRequestLineBytes).toBe(lineOf('DELETE', path));
      // Control and blob routes are not behind it.
      expect((await fetch(`${emu.endpoint}/__emulator/stats?pad=${'a'.repeat(9000)}`)).status).toBe(200);
      emu.configure({ quirks: [] });
      expect((await del(emu, path)).status).toBe(204);
    });
  });

  it("url-limit-414: Kestrel's 414 with an empty body once the line and its CRLF pass 8192 bytes", async () => {
    await withEmulator(async (emu) => {
      emu.configure({ quirks: ['url-limit-414'] });
      expect((await api(emu, paddedProjectsPath(8190))).status).toBe(200);
      for (const bytes of [8191, 8192, 15_000]) {
        const refused = await api(emu, paddedProjectsPath(bytes));
        expect(refused.status, String(bytes)).toBe(414);
        expect(refused.headers.get('content-length')).toBe('0');
        expect(await refused.text()).toBe('');
      }
      const path = bigDeletePath([image('w3')]);
      expect((await del(emu, path)).status).toBe(414);
      expect(await workspaceIds(emu)).toContain(image('w3'));
      expect(emu.stats().requestLineRefused).toBe(4);
      expect(emu.stats().requests.DeleteImages).toBeUndefined();
      // The connection is closed after the refusal; the next request opens another and works.
      expect((await api(emu, '/projects')).status).toBe(200);
    });
  });
});

describe('quirk strict-batch-ids', () => {
  const ids = (...keys: string[]): string => keys.map((k) => (k.startsWith('?') ? randomUUID() : image(k))).join(',');

  it('without it, unknown ids are skipped and the rest deleted (images and predictions)', async () => {
    await withEmulator(async (emu) => {
      expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('w1', '?')}`)).status).toBe(204);
      expect(await workspaceIds(emu)).not.toContain(image('w1'));
      expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('?')}`)).status).toBe(204);
      expect((await del(emu, `/projects/${PROJECT}/predictions?ids=${prediction('p1')},${randomUUID()}`)).status).toBe(204);
      expect(await predictionIds(emu)).toEqual([prediction('p2'), prediction('p3')]);
    });
  });

  it('refuses a batch naming any unknown image id whole: 400 BadRequestInvalidIds, or 404 NotFoundImage for one id', async () => {
    await withEmulator(
      async (emu) => {
        const before = await workspaceIds(emu);
        const batch = await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('w1', 'w2', '?')}`);
        expect(batch.status).toBe(400);
        expect(await batch.json()).toEqual({ code: 'BadRequestInvalidIds', message: 'Invalid image ids.' });
        const one = await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('?')}`);
        expect(one.status).toBe(404);
        expect(await one.json()).toEqual({ code: 'NotFoundImage', message: 'Invalid image' });
        // Two ids, one of them unknown: a batch.
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('w1', '?')}`)).status).toBe(400);
        // An image deleted elsewhere since the client listed it.
        emu.deleteElsewhere(PROJECT, [image('w4')]);
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('w4')}`)).status).toBe(404);
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('w4', 'w5')}`)).status).toBe(400);
        expect(await workspaceIds(emu)).toEqual(before.filter((id) => id !== image('w4')));
        expect(emu.deletions().filter((d) => d.operation !== 'elsewhere')).toEqual([]);
        // Only in iterations: unknown to a workspace delete, known with allIterations.
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('only1')}`)).status).toBe(404);
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('only1', 'w5')}&allIterations=true`)).status).toBe(202);
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('w6', '?')}&allIterations=true`)).status).toBe(400);
        // All known: deleted as usual.
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${ids('w1', 'w2')}`)).status).toBe(204);
        expect(await workspaceIds(emu)).not.toContain(image('w1'));
        // allImages does not name ids: nothing to refuse.
        expect((await del(emu, `/projects/${PROJECT}/images?allImages=true&imageIds=${ids('?')}`)).status).toBe(202);
      },
      { quirks: ['strict-batch-ids'] },
    );
  });

  it('refuses a DeletePrediction batch naming any unknown id whole: 400 BadRequestInvalidIds', async () => {
    await withEmulator(
      async (emu) => {
        for (const list of [`${prediction('p1')},${randomUUID()}`, randomUUID()]) {
          const refused = await del(emu, `/projects/${PROJECT}/predictions?ids=${list}`);
          expect(refused.status).toBe(400);
          expect(await refused.json()).toEqual({ code: 'BadRequestInvalidIds', message: 'Invalid prediction ids.' });
        }
        expect(await predictionIds(emu)).toEqual([prediction('p1'), prediction('p2'), prediction('p3')]);
        expect((await del(emu, `/projects/${PROJECT}/predictions?ids=${prediction('p1')},${prediction('p2')}`)).status).toBe(204);
        expect(await predictionIds(emu)).toEqual([prediction('p3')]);
      },
      { quirks: ['strict-batch-ids'] },
    );
  });
});

describe('deleteElsewhere', () => {
  it('deletes images from the workspace (and with allIterations from snapshots) and predictions, uncounted and unfaulted', async () => {
    await withEmulator(async (emu) => {
      emu.configure({ failRate: 1, quirks: ['network-rules'] });
      const missing = randomUUID();
      expect(emu.deleteElsewhere(PROJECT, [image('w1'), missing, image('w1')])).toEqual({ imageIds: [image('w1')], predictionIds: [] });
      expect(emu.deleteElsewhere(PROJECT, [image('w2').toUpperCase(), image('only1')], { allIterations: true, predictionIds: [prediction('p2')] })).toEqual({
        imageIds: [image('w2'), image('only1')],
        predictionIds: [prediction('p2')],
      });
      expect(emu.stats().requests).toEqual({});
      emu.configure({ failRate: 0, quirks: [] });
      const workspace = await workspaceIds(emu);
      expect(workspace).not.toContain(image('w1'));
      expect(workspace).not.toContain(image('w2'));
      // Without allIterations the snapshots keep w1; with it w2 and only1 left them.
      expect(await iterationIds(emu, 'Iteration 1')).toEqual([image('w1'), image('w3'), image('shared')]);
      expect(await predictionIds(emu)).toEqual([prediction('p1'), prediction('p3')]);
    });
  });

  it('is served at POST /__emulator/delete-elsewhere, refusing bad requests before deleting anything', async () => {
    await withEmulator(async (emu) => {
      const ok = await postControl(emu, 'delete-elsewhere', { projectId: PROJECT, imageIds: [image('w1'), image('shared')], allIterations: true });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ imageIds: [image('w1'), image('shared')], predictionIds: [] });
      expect(await iterationIds(emu, 'Iteration 2')).not.toContain(image('shared'));
      const predictions = await postControl(emu, 'delete-elsewhere', { projectId: PROJECT, predictionIds: [prediction('p3')] });
      expect(await predictions.json()).toEqual({ imageIds: [], predictionIds: [prediction('p3')] });
      const badId = await postControl(emu, 'delete-elsewhere', { projectId: PROJECT, imageIds: [image('w2'), 'not-a-guid'] });
      expect(badId.status).toBe(400);
      expect(((await badId.json()) as { error: string }).error).toContain('"not-a-guid", not a GUID');
      const noProject = await postControl(emu, 'delete-elsewhere', { projectId: randomUUID(), imageIds: [image('w2')] });
      expect(noProject.status).toBe(404);
      expect((await postControl(emu, 'delete-elsewhere', { projectId: PROJECT, imageIds: image('w2') })).status).toBe(400);
      expect((await postControl(emu, 'delete-elsewhere', { projectId: PROJECT, imageId: [image('w2')] })).status).toBe(400);
      expect(await workspaceIds(emu)).toContain(image('w2'));
      expect(() => emu.deleteElsewhere(PROJECT, ['nope'])).toThrow('not a GUID');
      expect(emu.stats().requests.DeleteImages).toBeUndefined();
    });
  });
});

describe('the deletion record', () => {
  it('lists, in order, exactly the ids each deleting call removed', async () => {
    let clock = Date.parse('2025-03-01T10:00:00Z');
    await withEmulator(
      async (emu) => {
        const step = (): void => {
          clock += 1000;
        };
        expect(emu.deletions()).toEqual([]);
        // Unknown ids removed nothing: no entry.
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${randomUUID()}`)).status).toBe(204);
        step();
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${image('w1')},${randomUUID()},${image('u1')}`)).status).toBe(204);
        step();
        emu.deleteElsewhere(PROJECT, [image('w2')]);
        step();
        expect((await del(emu, `/projects/${PROJECT}/predictions?ids=${prediction('p1')},${randomUUID()}`)).status).toBe(204);
        step();
        expect((await del(emu, `/projects/${PROJECT}/tags/${TAG_B}`)).status).toBe(204);
        step();
        expect((await del(emu, `/projects/${PROJECT}/iterations/${iteration('Iteration 1')}`)).status).toBe(204);
        step();
        // 202: recorded when the background deletion completes, not when accepted.
        emu.configure({ deleteDelayMs: 150 });
        expect((await del(emu, `/projects/${PROJECT}/images?imageIds=${image('w3')},${image('w2')}&allIterations=true`)).status).toBe(202);
        expect(emu.deletions()).toHaveLength(5);
        await waitFor(() => emu.deletions().length === 6);
        step();
        expect((await del(emu, `/projects/${PROJECT}/iterations/${iteration('Iteration 2')}/publish`)).status).toBe(204);
        step();
        expect((await del(emu, `/projects/${PROJECT}`)).status).toBe(204);

        const t0 = Date.parse('2025-03-01T10:00:00Z');
        const expected: DeletionRecord[] = [
          { at: t0 + 1000, operation: 'DeleteImages', projectId: PROJECT, kind: 'images', ids: [image('w1'), image('u1')] },
          { at: t0 + 2000, operation: 'elsewhere', projectId: PROJECT, kind: 'images', ids: [image('w2')] },
          { at: t0 + 3000, operation: 'DeletePrediction', projectId: PROJECT, kind: 'predictions', ids: [prediction('p1')] },
          { at: t0 + 4000, operation: 'DeleteTag', projectId: PROJECT, kind: 'tag', ids: [TAG_B] },
          // only1 lived only in Iteration 1's snapshot; shared is still in Iteration 2.
          { at: t0 + 5000, operation: 'DeleteIteration', projectId: PROJECT, kind: 'iteration', ids: [iteration('Iteration 1')], implicitImageIds: [image('only1')] },
          // w2 was gone from the workspace already but still in Iteration 2.
          { at: t0 + 6000, operation: 'DeleteImages', projectId: PROJECT, kind: 'images', ids: [image('w3'), image('w2')] },
          { at: t0 + 7000, operation: 'UnpublishIteration', projectId: PROJECT, kind: 'publication', ids: [iteration('Iteration 2')], publishName: 'lab-prod' },
          {
            at: t0 + 8000,
            operation: 'DeleteProject',
            projectId: PROJECT,
            kind: 'project',
            ids: [PROJECT],
            held: {
              imageIds: [image('w4'), image('w5'), image('w6'), image('w1'), image('shared')],
              iterationIds: [iteration('Iteration 2')],
              tagIds: [stableUuid('lab/tag/A')],
              predictionIds: [prediction('p2'), prediction('p3')],
            },
          },
        ];
        expect(emu.deletions()).toEqual(expected);
        expect(await (await fetch(`${emu.endpoint}/__emulator/deletions`)).json()).toEqual(expected);
        // Kept by resetStats(); cleared by clearDeletions() and DELETE /__emulator/deletions.
        emu.resetStats();
        expect(emu.deletions()).toHaveLength(expected.length);
        emu.clearDeletions();
        expect(emu.deletions()).toEqual([]);
        // The project is gone: another client cannot delete in it either.
        expect(() => emu.deleteElsewhere(PROJECT, [image('w4')])).toThrow(`deleteElsewhere: no project ${PROJECT}`);
      },
      { now: () => clock },
    );
  });

  it('records DeleteImages with allImages (and allIterations) when done, and DELETE /__emulator/deletions clears it', async () => {
    await withEmulator(async (emu) => {
      expect((await del(emu, `/projects/${PROJECT}/images?allImages=true`)).status).toBe(202);
      await waitFor(() => emu.deletions().length === 1);
      const workspace = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'u1'].map(image);
      expect(emu.deletions()[0]).toMatchObject({ operation: 'DeleteImages', ids: workspace });
      // The iterations still hold their images; allIterations removes those too.
      expect((await del(emu, `/projects/${PROJECT}/images?allImages=true&allIterations=true`)).status).toBe(202);
      await waitFor(() => emu.deletions().length === 2);
      expect(emu.deletions()[1]).toMatchObject({ operation: 'DeleteImages', ids: ['w1', 'w2', 'w3', 'only1', 'shared', 'w4', 'w5', 'w6'].map(image) });
      const cleared = await fetch(`${emu.endpoint}/__emulator/deletions`, { method: 'DELETE' });
      expect(await cleared.json()).toEqual([]);
      expect(emu.deletions()).toEqual([]);
    });
  });
});
