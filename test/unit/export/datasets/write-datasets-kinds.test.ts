import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDatasets } from '../../../../src-main/export/datasets';
import type { BundleFileRecord } from '../../../../src-main/export/file-sink';
import { GENERAL_CLASSIFICATION, GENERAL_DETECTION, makeTempDirs, MemorySink, uid, writeDomains, writeProject, type ImageSpec } from '../../../support/export/datasets/bundle-fixture';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

const TAG = 'a0000000-0000-4000-8000-000000000001';
const tags = [{ id: TAG, name: 'thing' }];
const boxed: ImageSpec = { id: uid(1), regions: [{ tagId: TAG, left: 0.1, top: 0.1, width: 0.2, height: 0.2 }] };
const tagged: ImageSpec = { id: uid(2), tags: [TAG] };

async function kinds(bundle: string): Promise<Array<[string, string]>> {
  const { projects } = await writeDatasets(bundle, new MemorySink());
  return projects.map((p) => [p.projectId, p.kind]);
}

describe('writeDatasets — project type and bundle shape', () => {
  it('decides detection or classification from the bundle data', async () => {
    const bundle = temp.make();
    const privateDetectionDomain = 'dddddddd-0000-4000-8000-000000000000';
    writeDomains(bundle, [{ id: privateDetectionDomain, type: 'ObjectDetection' }]);
    writeProject(bundle, { id: uid(1, 'a'), domainId: privateDetectionDomain, tags, images: [tagged] }); // domains.json says so
    writeProject(bundle, { id: uid(2, 'a'), domainId: GENERAL_DETECTION, tags, images: [] }); // public detection domain
    writeProject(bundle, { id: uid(3, 'a'), domainId: 'eeeeeeee-0000-4000-8000-000000000000', tags, images: [boxed] }); // regions present
    writeProject(bundle, { id: uid(4, 'a'), domainId: GENERAL_CLASSIFICATION, tags, images: [tagged] });
    expect(await kinds(bundle)).toEqual([
      [uid(1, 'a'), 'objectDetection'],
      [uid(2, 'a'), 'objectDetection'],
      [uid(3, 'a'), 'objectDetection'],
      [uid(4, 'a'), 'classification'],
    ]);
  });

  it('writes only a README for a bundle without projects, and ignores folders that are not project ids', async () => {
    const bundle = temp.make();
    writeProject(bundle, { id: 'My Project',  domainId: GENERAL_DETECTION, tags, images: [boxed] });
    const sink = new MemorySink();
    expect(await writeDatasets(bundle, sink)).toEqual({ projects: [] });
    expect(sink.paths()).toEqual(['datasets/README.txt']);
    expect(sink.text('datasets/README.txt')).toContain('No project in this bundle has records');
  });

  it('writes empty but valid views for a project whose images were not exported', async () => {
    const bundle = temp.make();
    writeProject(bundle, { id: uid(5, 'a'), domainId: GENERAL_DETECTION, tags, images: [{ ...boxed, file: false }] });
    const sink = new MemorySink();
    const { projects } = await writeDatasets(bundle, sink);
    expect(projects[0]).toMatchObject({ images: 0, annotations: 0, excludedImages: 1 });
    const coco = sink.json<{ images: unknown[]; categories: unknown[] }>(`datasets/coco/${uid(5, 'a')}/annotations.json`);
    expect(coco.images).toEqual([]);
    expect(coco.categories).toHaveLength(1);
    expect(sink.text(`datasets/excluded/${uid(5, 'a')}/excluded.csv`)).toContain(`${uid(1)},missing-file,`);
  });

  it('takes a missing image size from the file header, and leaves the image out when neither has one', async () => {
    const bundle = temp.make();
    const project = uid(7, 'a');
    writeProject(bundle, {
      id: project,
      domainId: GENERAL_DETECTION,
      tags,
      images: [
        { ...boxed, id: uid(1), file: { width: 200, height: 100 } },
        { ...boxed, id: uid(2), file: false },
      ],
    });
    // The record says width/height 0 (as a broken or foreign record might); the header says 200×100.
    const jsonl = path.join(bundle, 'projects', project, 'images', 'images.jsonl');
    writeFileSync(jsonl, readFileSync(jsonl, 'utf8').replaceAll('"width":1095,"height":900', '"width":0,"height":0'));
    writeFileSync(path.join(bundle, 'projects', project, 'images', 'files', `${uid(2)}.bin`), 'no header here');
    const sink = new MemorySink();
    const { projects } = await writeDatasets(bundle, sink);
    const coco = sink.json<{ images: Array<{ width: number; height: number }>; annotations: Array<{ bbox: number[] }> }>(`datasets/coco/${project}/annotations.json`);
    expect(coco.images).toMatchObject([{ width: 200, height: 100 }]);
    expect(coco.annotations[0]?.bbox).toEqual([20, 10, 40, 20]);
    expect(projects[0]).toMatchObject({ images: 1, excludedImages: 1 });
    expect(sink.text(`datasets/excluded/${project}/excluded.csv`)).toContain(`${uid(2)},unknown-size,projects/${project}/images/files/${uid(2)}.bin`);
  });

  it('stops between images when cancelled and writes no README', async () => {
    const bundle = temp.make();
    const many = Array.from({ length: 20 }, (_, i) => ({ ...boxed, id: uid(i + 1) }));
    writeProject(bundle, { id: uid(6, 'a'), domainId: GENERAL_DETECTION, tags, images: many });
    const controller = new AbortController();
    const written: string[] = [];
    const sink = {
      async writeFile(relativePath: string, data: string | Uint8Array, mediaType: string): Promise<BundleFileRecord> {
        written.push(relativePath);
        if (written.length === 3) controller.abort();
        return { path: relativePath, bytes: data.length, sha256: '', mediaType };
      },
    };
    await expect(writeDatasets(bundle, sink, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(written.length).toBeLessThan(6);
    expect(written).not.toContain('datasets/README.txt');
  });
});
