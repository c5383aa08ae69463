import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { writeViewer, type ViewerBundle, type ViewerImagesFile, type ViewerPredictionsFile } from '../../../../src-main/export/viewer';
import { MemorySink, uuid, writeBundleFixture, type ImageFixture, type TagFixture } from '../../../support/export/viewer/viewer-fixture';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cv-viewer-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function received<T>(sink: MemorySink, file: string): T {
  const out: unknown[] = [];
  runInNewContext(sink.text(file), { window: { cvSteward: { receive: (value: unknown) => out.push(value) } } });
  return out[0] as T;
}

const PROJECT = uuid(1, 1);
const ITERATION = uuid(2, 2);
const cat: TagFixture = { id: uuid(10, 3), name: 'cat', imageCount: 2 };
const none: TagFixture = { id: uuid(11, 3), name: 'Negative', type: 'Negative', imageCount: 0 };
const gone: TagFixture = { id: uuid(12, 3), name: 'deleted later' };
const png = { ext: 'png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) };

function images(count: number, tagEvery = 0): ImageFixture[] {
  return Array.from({ length: count }, (_, i) => ({ id: uuid(1000 + i, 4), width: 640, height: 480, tags: tagEvery && i % tagEvery === 0 ? [cat] : [], file: png }));
}

describe('writeViewer', () => {
  it('writes the page, its assets and every data file through the sink', async () => {
    writeBundleFixture(root, { projects: [{ id: PROJECT, name: 'Cats', tags: [cat, none], images: images(3, 2), predictions: [] }] });
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.2.3' });
    expect([...sink.files.keys()].sort()).toEqual([
      'index.html', 'viewer/app.css', 'viewer/app.js', 'viewer/data/bundle.js',
      `viewer/data/images-${PROJECT}-1.js`, `viewer/data/predictions-${PROJECT}.js`,
    ]);
    expect(sink.files.get('index.html')?.mediaType).toBe('text/html');
    expect(sink.files.get('viewer/app.css')?.mediaType).toBe('text/css');
    expect(sink.files.get('viewer/data/bundle.js')?.mediaType).toBe('text/javascript');
    const bundle = received<ViewerBundle>(sink, 'viewer/data/bundle.js');
    expect(bundle.tool.version).toBe('1.2.3');
    expect(bundle.projects[0]?.tags.map((tag) => [tag.name, tag.type, tag.inBundle])).toEqual([['cat', 'Regular', 2], ['Negative', 'Negative', 0]]);
  });

  it('splits 1 234 images into 3 gallery files of at most 500, indexed for paging', async () => {
    writeBundleFixture(root, { projects: [{ id: PROJECT, name: 'Big', tags: [cat], images: images(1234, 10) }] });
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0' });
    const files = [1, 2, 3].map((n) => received<ViewerImagesFile>(sink, `viewer/data/images-${PROJECT}-${n}.js`));
    expect(files.map((file) => file.records.length)).toEqual([500, 500, 234]);
    expect(sink.files.has(`viewer/data/images-${PROJECT}-4.js`)).toBe(false);
    // Order is the bundle's (oldest first) across files.
    expect(files[1]?.records[0]?.id).toBe(uuid(1500, 4));
    const index = received<ViewerBundle>(sink, 'viewer/data/bundle.js').projects[0]?.images;
    expect(index).toMatchObject({ total: 1234, files: 3, perFile: 500, tagged: 124, untagged: 1110 });
    expect(index?.filters.find((filter) => filter.name === 'cat')).toEqual({ kind: 'tag', name: 'cat', count: 124, files: [[1, 50], [2, 50], [3, 24]] });
  });

  it('keeps images that survive only in an iteration, naming the iteration and resolving tag ids', async () => {
    const only: ImageFixture = { id: uuid(77, 4), width: 100, height: 50, regions: [{ tag: gone, left: 0.1, top: 0.2, width: 0.5, height: 0.25 }], file: png };
    writeBundleFixture(root, {
      projects: [{
        id: PROJECT, name: 'Cats', tags: [cat], images: images(2, 1),
        iterations: [{ id: ITERATION, name: 'Iteration 1', images: [...images(2, 1), only], trainedAt: '2026-10-05T09:10:00Z' }],
      }],
    });
    // The tag was deleted from the workspace: only the iteration's tags.json still names it,
    // and this region record carries its id alone.
    const idir = path.join(root, 'projects', PROJECT, 'iterations', ITERATION);
    writeFileSync(path.join(idir, 'tags.json'), JSON.stringify([{ id: gone.id, name: gone.name, description: null, type: 'Regular', imageCount: 1 }]));
    const raw = { id: only.id, created: '2026-10-01T00:00:00Z', width: 100, height: 50, regions: [{ regionId: uuid(1, 9), tagId: gone.id, left: 0.1, top: 0.2, width: 0.5, height: 0.25 }] };
    writeFileSync(path.join(idir, 'images.jsonl'), [...images(2, 1).map((image) => ({ id: image.id })), raw].map((record) => `${JSON.stringify(record)}\n`).join(''));
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0' });
    const records = received<ViewerImagesFile>(sink, `viewer/data/images-${PROJECT}-1.js`).records;
    expect(records).toHaveLength(3);
    expect(records[2]).toMatchObject({ id: only.id, onlyInIteration: true, iterations: ['Iteration 1'], tags: ['deleted later'], file: `projects/${PROJECT}/images/files/${only.id}.png` });
    expect(records[2]?.regions).toEqual([{ tag: 'deleted later', left: 0.1, top: 0.2, width: 0.5, height: 0.25 }]);
    const project = received<ViewerBundle>(sink, 'viewer/data/bundle.js').projects[0];
    expect(project?.images).toMatchObject({ total: 3, onlyInIterations: 1, tagged: 2 });
    expect(project?.counts.find((count) => count.what === 'imagesOnlyInIterations')?.value).toBe(1);
  });

  it('shows iterations with performance, model files and stored predictions', async () => {
    writeBundleFixture(root, {
      projects: [{
        id: PROJECT, name: 'Cats', tags: [cat], images: [],
        iterations: [{
          id: ITERATION, name: 'Iteration 1', publishName: 'prod', trainedAt: '2026-10-05T09:10:00Z',
          performance: { perTagPerformance: [{ id: cat.id, name: 'cat', precision: 0.9, precisionStdDeviation: 0, recall: 0.8, recallStdDeviation: 0, averagePrecision: 0.85 }], precision: 0.9, precisionStdDeviation: 0, recall: 0.8, recallStdDeviation: 0, averagePrecision: 0.85 },
          exports: [
            { platform: 'ONNX', status: 'Done', downloadUri: 'https://x/y.zip', flavor: null, newerVersionAvailable: false },
            { platform: 'TensorFlow', status: 'Exporting', downloadUri: null, flavor: 'TensorFlowLite', newerVersionAvailable: false },
          ],
          models: ['ONNX.zip'],
        }],
        predictions: [{ id: uuid(90, 5), iteration: ITERATION, created: '2026-11-02T10:00:00.171Z', file: png, predictions: [
          { tag: cat, probability: 0.2 }, { tag: cat, probability: 0.97, box: { left: 0.1, top: 0.1, width: 0.3, height: 0.3 } },
        ] }],
      }],
    });
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0' });
    const project = received<ViewerBundle>(sink, 'viewer/data/bundle.js').projects[0];
    const iteration = project?.iterations[0];
    expect(iteration).toMatchObject({ name: 'Iteration 1', publishName: 'prod', status: 'Completed', performance: { precision: 0.9, recall: 0.8, averagePrecision: 0.85 } });
    expect(iteration?.performance?.perTag).toEqual([{ name: 'cat', precision: 0.9, recall: 0.8, averagePrecision: 0.85 }]);
    expect(iteration?.exports.map((e) => e.file)).toEqual([`projects/${PROJECT}/iterations/${ITERATION}/models/ONNX.zip`, null]);
    const predictions = received<ViewerPredictionsFile>(sink, `viewer/data/predictions-${PROJECT}.js`).records;
    expect(predictions[0]).toMatchObject({ iteration: 'Iteration 1', file: `projects/${PROJECT}/predictions/files/${uuid(90, 5)}.png` });
    expect(predictions[0]?.predictions.map((p) => p.probability)).toEqual([0.97, 0.2]);
  });

  it('carries the manifest status, reconciliation and problems, and reports unreadable records instead of failing', async () => {
    writeBundleFixture(root, {
      manifest: {
        format: 'cv-steward-bundle', formatVersion: 1, tool: { name: 'CV Steward', version: '0.1.0' }, createdAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T10:05:00.000Z', status: 'partial',
        source: { endpointHost: 'westeurope.api.cognitive.microsoft.com', resourceName: 'my-cv', keyFingerprint: 'ab12cd34' },
        projects: [{ id: PROJECT, name: 'Cats', counts: { taggedImages: 3, untaggedImages: 0 }, reconciliation: [{ what: 'taggedImages', api: 3, exported: 2, ok: false }] }],
        counts: { images: { items: 2, bytes: 2048 } }, problems: [{ category: 'images', projectId: PROJECT, message: 'image x: 404' }], files: [],
      },
      projects: [{ id: PROJECT, name: 'Cats', tags: [cat], images: images(2, 1) }],
    });
    writeFileSync(path.join(root, 'projects', PROJECT, 'images', 'images.jsonl'), `${JSON.stringify({ id: uuid(5, 4), width: 1, height: 1 })}\n{not json\n`);
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0' });
    const bundle = received<ViewerBundle>(sink, 'viewer/data/bundle.js');
    expect(bundle.summary).toMatchObject({ status: 'partial', endpointHost: 'westeurope.api.cognitive.microsoft.com', keyFingerprint: 'ab12cd34', categories: [{ category: 'images', items: 2, bytes: 2048 }] });
    expect(bundle.summary.problems.map((p) => p.message)).toEqual(['image x: 404', `projects/${PROJECT}/images/images.jsonl: line 2 is not valid JSON; records after it are not shown`]);
    expect(bundle.projects[0]?.reconciliation).toEqual([{ what: 'taggedImages', api: 3, exported: 2, ok: false }]);
    expect(bundle.projects[0]?.images.total).toBe(1);
  });

  it('keeps API text as data: a metadata key "__proto__" and a project named ../../x', async () => {
    writeBundleFixture(root, { projects: [{ id: PROJECT, name: '../../x', tags: [], images: [{ id: uuid(3, 4), width: 10, height: 10 }] }] });
    // JSON.parse keeps "__proto__" as an ordinary key, as the service's JSON would.
    writeFileSync(path.join(root, 'projects', PROJECT, 'images', 'images.jsonl'), `{"id":"${uuid(3, 4)}","width":10,"height":10,"metadata":{"__proto__":"p","constructor":"c"}}\n`);
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0' });
    expect([...sink.files.keys()].every((file) => !file.includes('..'))).toBe(true);
    expect(received<ViewerBundle>(sink, 'viewer/data/bundle.js').projects[0]?.name).toBe('../../x');
    expect(received<ViewerImagesFile>(sink, `viewer/data/images-${PROJECT}-1.js`).records[0]?.metadata).toEqual([['__proto__', 'p'], ['constructor', 'c']]);
  });

  it('stops when cancelled', async () => {
    writeBundleFixture(root, { projects: [{ id: PROJECT, name: 'Cats', tags: [], images: images(2) }] });
    const controller = new AbortController();
    controller.abort();
    await expect(writeViewer(root, new MemorySink(), { toolVersion: '1.0.0', signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it('writes a viewer for an empty folder (nothing exported yet)', async () => {
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0' });
    const bundle = received<ViewerBundle>(sink, 'viewer/data/bundle.js');
    expect(bundle.projects).toEqual([]);
    expect(bundle.summary.status).toBe('unknown');
  });
});
