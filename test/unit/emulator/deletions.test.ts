import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src-main/emulator/cli-args';
import { OPERATION_IDS } from '../../../src-main/emulator/gateway-404';
import { requestLineRefusal } from '../../../src-main/emulator/request-line';
import { ROUTES } from '../../../src-main/emulator/routes';
import { AccountState } from '../../../src-main/emulator/state/account';
import { DeletionLog } from '../../../src-main/emulator/state/deletions';
import { ImageTable } from '../../../src-main/emulator/state/image-table';
import { imagesOnlyIn, removeImages } from '../../../src-main/emulator/state/removal';
import type { ImageRec, IterationRec, ProjectRec } from '../../../src-main/emulator/state/types';

function image(n: number): ImageRec {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    seq: n,
    created: { ms: n * 1000, tick: 1 },
    width: 1,
    height: 1,
    format: 'png',
    seed: n,
    label: undefined,
    bytes: undefined,
    tags: [{ tagId: 't', created: { ms: n * 1000, tick: 1 } }],
    regions: [],
    metadata: undefined,
  };
}

function iterationOf(project: ProjectRec, id: string, images: ImageRec[]): IterationRec {
  const rec: IterationRec = {
    id,
    projectId: project.id,
    name: id,
    status: 'Completed',
    createdMs: 0,
    lastModifiedMs: 0,
    trainedAtMs: 0,
    domainId: null,
    classificationType: 'Multiclass',
    trainingType: 'Regular',
    reservedBudgetInHours: 0,
    trainingTimeInMinutes: 1,
    publishName: null,
    publishResourceId: null,
    snapshot: { images: ImageTable.from(images), tags: [] },
    exports: new Map(),
  };
  project.iterations.set(id, rec);
  return rec;
}

/** Workspace 1–3; iteration a: 1, 4, 5; iteration b: 2, 5. */
function project(): ProjectRec {
  const state = new AccountState(() => 0);
  const p = state.createProject({ id: '11111111-1111-4111-8111-111111111111', name: 'P', description: null });
  for (const n of [1, 2, 3]) p.images.add(image(n));
  iterationOf(p, 'a', [image(1), image(4), image(5)]);
  iterationOf(p, 'b', [image(2), image(5)]);
  return p;
}

const id = (n: number): string => image(n).id;

describe('--gateway-404', () => {
  it('parses operationIds into gateway404Operations and names the flag for unknown ones', () => {
    expect(parseCliArgs(['--gateway-404', 'GetProject, getimagesbyids'])).toEqual({
      kind: 'run',
      options: { gateway404Operations: ['GetProject', 'GetImagesByIds'], seed: 'demo' },
    });
    const bad = parseCliArgs(['--gateway-404=GetImagesById']);
    expect(bad.kind).toBe('error');
    expect(bad.kind === 'error' && bad.message).toMatch(/^--gateway-404: unknown operation "GetImagesById"; the operations are GetDomains, /);
    expect(parseCliArgs(['--gateway-404'])).toEqual({ kind: 'error', message: '--gateway-404 needs a value' });
  });

  it('knows every operation of the route table', () => {
    expect(OPERATION_IDS).toEqual([...new Set(ROUTES.map((route) => route.operationId))]);
    expect(OPERATION_IDS).toEqual(expect.arrayContaining(['DeleteImages', 'DeletePrediction', 'GetImagesByIds', 'GetProject']));
  });
});

describe('request-line refusal', () => {
  it('counts the CRLF for Kestrel (414 from 8191 bytes of line) but not for url-limit (from 8193)', () => {
    expect(requestLineRefusal({ quirks: [] }, 100_000)).toBeUndefined();
    expect(requestLineRefusal({ quirks: ['url-limit-414'] }, 8190)).toBeUndefined();
    expect(requestLineRefusal({ quirks: ['url-limit-414'] }, 8191)?.status).toBe(414);
    expect(requestLineRefusal({ quirks: ['url-limit'] }, 8192)).toBeUndefined();
    expect(requestLineRefusal({ quirks: ['url-limit'] }, 8193)?.status).toBe(404);
    expect(requestLineRefusal({ quirks: ['url-limit', 'url-limit-414'] }, 8193)?.status).toBe(414);
  });
});

describe('removal with the ids that went', () => {
  it('removes from the workspace only, or everywhere with allIterations, naming what existed', () => {
    const p = project();
    expect(removeImages(p, [id(1), id(9), id(1), id(4)], false)).toEqual([id(1)]);
    expect(p.images.has(id(1))).toBe(false);
    expect(p.iterations.get('a')?.snapshot?.images.has(id(1))).toBe(true);
    expect(removeImages(p, [id(4), id(2), id(9)], true)).toEqual([id(4), id(2)]);
    expect(p.iterations.get('a')?.snapshot?.images.has(id(4))).toBe(false);
    expect(p.iterations.get('b')?.snapshot?.images.has(id(2))).toBe(false);
    expect(removeImages(p, 'all', true)).toEqual([id(3), id(1), id(5)]);
    expect(p.iterations.get('a')?.snapshot?.images.size).toBe(0);
  });

  it('names the images only one iteration holds', () => {
    const p = project();
    expect(imagesOnlyIn(p, 'a')).toEqual([id(4)]);
    expect(imagesOnlyIn(p, 'b')).toEqual([]);
    p.iterations.delete('a');
    expect(imagesOnlyIn(p, 'b')).toEqual([id(5)]);
    expect(imagesOnlyIn(p, 'missing')).toEqual([]);
  });

  it('logs only deletions that removed something, stamped with the clock, as copies', () => {
    let now = 5;
    const log = new DeletionLog(() => now);
    expect(log.record({ operation: 'DeleteImages', projectId: 'p', kind: 'images', ids: [] })).toBeUndefined();
    now = 7;
    log.record({ operation: 'DeleteTag', projectId: 'p', kind: 'tag', ids: ['t'] });
    const list = log.list();
    list[0]?.ids.push('x');
    expect(log.list()).toEqual([{ at: 7, operation: 'DeleteTag', projectId: 'p', kind: 'tag', ids: ['t'] }]);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});
