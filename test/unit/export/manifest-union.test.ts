/**
 * How a run's description merges with the one a bundle already had: a narrower run never
 * hides what earlier runs saved, and the bundle is "complete" only when the union is —
 * an earlier gap stays a gap until a later run redoes that data.
 */
import { describe, expect, it } from 'vitest';
import type { ManifestHeader, ManifestProject, ManifestRun } from '../../../src-main/export/manifest';
import { describeUnion, heldItems, type RunDescription } from '../../../src-main/export/manifest-union';

const A = '0f8c7b1e-2d3a-4c5b-9e6f-7a8b9c0d1e2f';
const B = '1a2b3c4d-2d3a-4c5b-9e6f-7a8b9c0d1e2f';
const ALL = ['projects', 'iterations', 'performance', 'tags', 'images', 'models', 'predictions'] as const;

function project(id: string, counts: Partial<ManifestProject['counts']> = {}, reconciliation: ManifestProject['reconciliation'] = []): ManifestProject {
  return {
    id,
    name: `Project ${id.slice(0, 4)}`,
    counts: { taggedImages: 10, untaggedImages: 2, imagesOnlyInIterations: 1, iterations: 2, tags: 3, exports: 2, predictions: 6, ...counts },
    reconciliation,
  };
}

function earlier(extra: Partial<ManifestHeader> = {}): ManifestHeader {
  return {
    format: 'cv-steward-bundle',
    formatVersion: 1,
    tool: { name: 'CV Steward', version: '0.1.0' },
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:05:00.000Z',
    status: 'complete',
    source: { endpointHost: 'demo.example', keyFingerprint: 'ab12cd34' },
    selection: { projectIds: 'all', categories: [...ALL] },
    projects: [
      project(A, {}, [
        { what: 'taggedImages', api: 10, exported: 10, ok: true },
        { what: 'predictionFiles', api: 6, exported: 6, ok: true },
      ]),
      project(B),
    ],
    counts: {},
    problems: [],
    ...extra,
  };
}

function run(selection: ManifestRun['selection'], outcome: ManifestRun['outcome'], projects: ManifestProject[] = [], problems: RunDescription['problems'] = []): RunDescription {
  return { run: { startedAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-02T10:01:00.000Z', selection, outcome }, projects, problems };
}

/** What a run of images only over project A reports: images counted afresh, the rest zero. */
const imagesOfA = project(A, { taggedImages: 11, iterations: 2, tags: 0, exports: 0, predictions: 0 }, [{ what: 'taggedImages', api: 11, exported: 11, ok: true }]);

describe('merging a narrower run into a bundle', () => {
  it('keeps every earlier project and the counts of the data the run did not ask for', () => {
    const union = describeUnion(earlier(), run({ projectIds: [A], categories: ['images'] }, 'complete', [imagesOfA]));
    expect(union.status).toBe('complete');
    expect(union.selection).toEqual({ projectIds: 'all', categories: [...ALL] });
    expect(union.projects.map((p) => p.id)).toEqual([A, B]);
    expect(union.projects[0]?.counts).toEqual({ taggedImages: 11, untaggedImages: 2, imagesOnlyInIterations: 1, iterations: 2, tags: 3, exports: 2, predictions: 6 });
    expect(union.projects[0]?.reconciliation).toEqual([
      { what: 'taggedImages', api: 11, exported: 11, ok: true },
      { what: 'predictionFiles', api: 6, exported: 6, ok: true },
    ]);
    expect(union.projects[1]).toEqual(project(B));
    expect(union.history.map((entry) => entry.selection)).toEqual([
      { projectIds: 'all', categories: [...ALL] },
      { projectIds: [A], categories: ['images'] },
    ]);
  });

  it('keeps an earlier problem and an earlier count mismatch of data the run did not redo: partial', () => {
    const withGaps = earlier({
      status: 'partial',
      history: [{ startedAt: 'x', updatedAt: 'y', selection: { projectIds: 'all', categories: [...ALL] }, outcome: 'partial' }],
      problems: [{ category: 'models', projectId: A, message: 'Model export ONNX: gone' }],
    });
    const union = describeUnion(withGaps, run({ projectIds: [A], categories: ['images'] }, 'complete', [imagesOfA]));
    expect(union.status).toBe('partial');
    expect(union.problems).toEqual([{ category: 'models', projectId: A, message: 'Model export ONNX: gone' }]);

    const mismatch = earlier({ projects: [project(A, {}, [{ what: 'predictionFiles', api: 6, exported: 5, ok: false }])] });
    expect(describeUnion(mismatch, run({ projectIds: [A], categories: ['images'] }, 'complete', [imagesOfA])).status).toBe('partial');
  });

  it('clears an earlier problem once a later run exports that data again', () => {
    const withGap = earlier({
      status: 'partial',
      history: [{ startedAt: 'x', updatedAt: 'y', selection: { projectIds: 'all', categories: [...ALL] }, outcome: 'partial' }],
      problems: [{ category: 'images', projectId: A, message: 'Image 1: reset' }, { category: 'datasets', message: 'The dataset views could not be written' }],
    });
    const union = describeUnion(withGap, run({ projectIds: [A], categories: ['images'] }, 'complete', [imagesOfA]));
    expect(union.problems).toEqual([]);
    expect(union.status).toBe('complete');
  });

  it('stays partial after an earlier run that stopped, until a finished run asks for at least as much', () => {
    const stopped = earlier({ status: 'partial', selection: { projectIds: [A, B], categories: ['images', 'models'] } });
    expect(describeUnion(stopped, run({ projectIds: [A], categories: ['images'] }, 'complete', [imagesOfA])).status).toBe('partial');
    expect(describeUnion(stopped, run({ projectIds: [A, B], categories: ['images'] }, 'complete')).status).toBe('partial');
    expect(describeUnion(stopped, run({ projectIds: 'all', categories: ['images', 'models'] }, 'complete')).status).toBe('complete');
  });

  it('is partial while the run itself has not finished, and remembers that it stopped', () => {
    const union = describeUnion(earlier(), run({ projectIds: [A], categories: ['images'] }, 'stopped'));
    expect(union.status).toBe('partial');
    expect(union.history.at(-1)?.outcome).toBe('stopped');
    // The next narrow run that repeats it in full makes the bundle whole again.
    const next = describeUnion({ ...earlier(), status: 'partial', history: union.history }, run({ projectIds: [A], categories: ['images'] }, 'complete', [imagesOfA]));
    expect(next.status).toBe('complete');
    expect(next.history.map((entry) => entry.outcome)).toEqual(['complete', 'stopped', 'complete']);
  });

  it('is the run alone for a new bundle', () => {
    const union = describeUnion(undefined, run({ projectIds: [A], categories: ['images'] }, 'complete', [imagesOfA]));
    expect(union).toMatchObject({ status: 'complete', selection: { projectIds: [A], categories: ['images'] }, projects: [imagesOfA], problems: [] });
  });
});

describe('items held', () => {
  it('counts what the bundle holds, whichever run saved it', () => {
    const file = (path: string) => ({ path, bytes: 1, sha256: 'f'.repeat(64), mediaType: 'application/octet-stream' });
    const I = '22222222-2d3a-4c5b-9e6f-7a8b9c0d1e2f';
    const files = [
      file(`projects/${A}/project.json`),
      file(`projects/${A}/tags.json`),
      file(`projects/${A}/images/images.jsonl`),
      file(`projects/${A}/images/files/${I}.png`),
      file(`projects/${A}/iterations/${I}/iteration.json`),
      file(`projects/${A}/iterations/${I}/tags.json`),
      file(`projects/${A}/iterations/${I}/performance.json`),
      file(`projects/${A}/iterations/${I}/image-performances.jsonl`),
      file(`projects/${A}/iterations/${I}/exports.json`),
      file(`projects/${A}/iterations/${I}/models/ONNX.zip`),
      file(`projects/${A}/predictions/predictions.jsonl`),
      file(`projects/${A}/predictions/files/${I}.jpg`),
      file(`projects/${B}/project.json`),
      file('datasets/README.txt'),
    ];
    expect(heldItems(files, [project(A), project(B)])).toEqual({ projects: 2, iterations: 1, performance: 1, tags: 3, images: 1, models: 1, predictions: 1 });
  });
});
