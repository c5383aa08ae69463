import { afterEach, describe, expect, it } from 'vitest';
import { writeDatasets } from '../../../../src-main/export/datasets';
import { GENERAL_CLASSIFICATION, makeTempDirs, MemorySink, writeProject, type ProjectSpec } from '../../../support/export/datasets/bundle-fixture';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

const PROJECT = '03f7f4fe-0000-4000-8000-000000000001';
const tag = (n: number): string => `7a900000-0000-4000-8000-00000000000${n}`;
const img = (n: number): string => `1a000000-0000-4000-8000-00000000000${n}`;
const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://evil","x")';

const tags = [
  { id: tag(1), name: '../../x' },
  { id: tag(2), name: 'CON' },
  { id: tag(3), name: 'a' },
  { id: tag(4), name: 'A' },
  { id: tag(5), name: XSS },
  { id: tag(6), name: '🐱 猫' },
  { id: tag(7), name: 'line\nbreak' },
  { id: tag(8), name: FORMULA },
  { id: tag(9), name: 'Negative', type: 'Negative' as const },
];

const project: ProjectSpec = {
  id: PROJECT,
  domainId: GENERAL_CLASSIFICATION,
  classificationType: 'Multilabel',
  tags,
  images: [
    { id: img(1), tags: [tag(3), tag(4)] },
    { id: img(2), tags: [tag(1), tag(2), tag(5), tag(6), tag(7), tag(8)] },
    { id: img(3), tags: [tag(9)] },
    { id: img(4) },
  ],
};

/** RFC 4180 reader for checking what a spreadsheet or pandas would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

async function run(): Promise<MemorySink> {
  const bundle = temp.make();
  writeProject(bundle, project);
  const sink = new MemorySink();
  const summary = await writeDatasets(bundle, sink);
  expect(summary.projects).toEqual([
    { projectId: PROJECT, kind: 'classification', views: ['csv', 'folders'], images: 3, annotations: 9, skippedRegions: 0, clampedRegions: 0, excludedImages: 1, iterationOnlyImages: 0, iterationOnlyExcluded: 0 },
  ]);
  return sink;
}

const file = (n: number): string => `projects/${PROJECT}/images/files/${img(n)}.png`;

interface FoldersJson {
  folders: Array<{ folder: string; tagId?: string; tagName?: string; images: number }>;
}

describe('writeDatasets — classification', () => {
  it('writes one CSV row per image and tag, quoted and guarded against formulas', async () => {
    const sink = await run();
    const rows = parseCsv(sink.text(`datasets/csv/${PROJECT}/labels.csv`));
    expect(rows[0]).toEqual(['image_id', 'file', 'tag_id', 'tag_name', 'tag_type', 'iteration_id']);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      [img(1), 'a', 'Regular'],
      [img(1), 'A', 'Regular'],
      [img(2), '../../x', 'Regular'],
      [img(2), 'CON', 'Regular'],
      [img(2), XSS, 'Regular'],
      [img(2), '🐱 猫', 'Regular'],
      [img(2), 'line\nbreak', 'Regular'],
      [img(2), `'${FORMULA}`, 'Regular'],
      [img(3), 'Negative', 'Negative'],
    ]);
    expect(rows[1]?.[1]).toBe(file(1));
    // No untagged image in the labels.
    expect(rows.some((r) => r[0] === img(4))).toBe(false);
  });

  it('maps folder-per-tag targets to the originals without copying any image', async () => {
    const sink = await run();
    const manifest = parseCsv(sink.text(`datasets/folders/${PROJECT}/files.csv`));
    expect(manifest[0]).toEqual(['target', 'source']);
    const targets = new Map(manifest.slice(1).map((r) => [r[0], r[1]]));
    expect(targets.get(`train/a/${img(1)}.png`)).toBe(file(1));
    expect(targets.get(`train/A_7a900000/${img(1)}.png`)).toBe(file(1));
    expect(targets.get(`train/CON_/${img(2)}.png`)).toBe(file(2));
    expect(targets.get(`train/_._.._x/${img(2)}.png`)).toBe(file(2));
    expect(targets.get(`negative/${img(3)}.png`)).toBe(file(3));
    expect(targets.get(`untagged/${img(4)}.png`)).toBe(file(4));
    // eslint-disable-next-line no-control-regex -- control characters are what Windows forbids
    const forbidden = /[<>:"\\|?*\u0000-\u001f]/u;
    for (const target of targets.keys()) {
      const segments = (target ?? '').split('/');
      expect(segments.every((s) => s !== '..' && s !== '.' && !forbidden.test(s)), target).toBe(true);
    }
    // Only small text files were written, all under datasets/.
    expect(sink.paths().every((p) => p.startsWith('datasets/'))).toBe(true);
    expect([...sink.files.values()].every((f) => !f.mediaType.startsWith('image/'))).toBe(true);
  });

  it('keeps every exact tag name beside its safe folder name', async () => {
    const sink = await run();
    const { folders } = sink.json<FoldersJson>(`datasets/folders/${PROJECT}/folders.json`);
    const byTag = new Map(folders.filter((f) => f.tagId).map((f) => [f.tagName, f.folder]));
    expect(byTag.get('../../x')).toBe('train/_._.._x');
    expect(byTag.get('CON')).toBe('train/CON_');
    expect(byTag.get('a')).toBe('train/a');
    expect(byTag.get('A')).toBe('train/A_7a900000');
    expect(byTag.get(XSS)).toBe('train/_img src=x onerror=alert(1)_');
    expect(byTag.get('🐱 猫')).toBe('train/🐱 猫');
    expect(byTag.get('line\nbreak')).toBe('train/line_break');
    expect(byTag.get(FORMULA)).toBe('train/_HYPERLINK(_http___evil_,_x_)');
    expect(byTag.has('Negative')).toBe(false);
    expect(folders.filter((f) => !f.tagId).map((f) => [f.folder, f.images])).toEqual([
      ['negative', 1],
      ['untagged', 1],
    ]);
    expect(sink.text('datasets/README.txt')).toContain(`${PROJECT}: classification (Multilabel)`);
    expect(sink.text('datasets/README.txt')).toContain('Tags whose folder name differs from the tag name: 6.');
  });
});
