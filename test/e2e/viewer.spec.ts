/**
 * The offline viewer in a real Chromium, opened from file:// with every non-file request
 * refused: hostile names stay text, nothing reaches the network, the CSP holds (a violation
 * is a console error), region boxes sit where the normalised coordinates say, and a
 * 1 200-image project pages by loading only the data files each page needs.
 * Needs no harness: the bundle is hand-written records plus generated PNGs in a temp dir.
 */
import { test, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateImage } from '../../src-main/emulator/images';
import { writeViewer } from '../../src-main/export/viewer';
import { DiskSink, uuid, writeBundleFixture, type ImageFixture, type TagFixture } from '../support/export/viewer/viewer-fixture';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SCRIPT_BREAKER = '</script><img src=x onerror=alert(2)>';
const A = uuid(1, 0xa);
const B = uuid(2, 0xb);
const ITERATION = uuid(3, 0xc);
const hostile: TagFixture = { id: uuid(10, 1), name: HOSTILE, imageCount: 1 };
const breaker: TagFixture = { id: uuid(11, 1), name: SCRIPT_BREAKER, imageCount: 1 };
const car: TagFixture = { id: uuid(12, 1), name: 'car', imageCount: 2 };
const negative: TagFixture = { id: uuid(13, 1), name: 'Negative', type: 'Negative', imageCount: 1 };
const rare: TagFixture = { id: uuid(14, 1), name: 'rare', imageCount: 12 };
const common: TagFixture = { id: uuid(15, 1), name: 'common', imageCount: 1188 };

const png = (seed: number, width: number, height: number, label?: string) => ({ ext: 'png', bytes: generateImage({ seed, width, height, format: 'png', label }) });

const a1: ImageFixture = {
  id: uuid(101, 2), width: 320, height: 240, file: png(1, 320, 240, 'street'),
  regions: [{ tag: hostile, left: 0.1, top: 0.2, width: 0.5, height: 0.4 }, { tag: car, left: 0.6, top: 0.5, width: 0.3, height: 0.3 }],
  metadata: { '<b>camera</b>': '</script><script>alert(3)</script>' },
};
const a2: ImageFixture = { id: uuid(102, 2), width: 200, height: 300, file: png(2, 200, 300, 'car'), tags: [car] };
const a3: ImageFixture = { id: uuid(103, 2), width: 256, height: 256, file: png(3, 256, 256), tags: [negative] };
const a4: ImageFixture = { id: uuid(104, 2), width: 400, height: 200, file: png(4, 400, 200) };
const a5: ImageFixture = { id: uuid(105, 2), width: 240, height: 320, file: png(5, 240, 320), regions: [{ tag: breaker, left: 0.25, top: 0.25, width: 0.5, height: 0.5 }] };
const onlyInIteration: ImageFixture = { id: uuid(106, 2), width: 300, height: 200, file: png(6, 300, 200, 'car'), tags: [car] };

let root = '';
let indexUrl = '';

test.beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'cv-viewer-e2e-'));
  // A handful of real files, shared out over 1 200 records (each record needs its own file name).
  const variants = [png(20, 160, 120, 'rare'), png(21, 120, 160), png(22, 150, 150), png(23, 200, 100)];
  const sizes = [[160, 120], [120, 160], [150, 150], [200, 100]] as const;
  const many: ImageFixture[] = Array.from({ length: 1200 }, (_, i) => ({
    id: uuid(5000 + i, 3), width: sizes[i % 4]?.[0] ?? 1, height: sizes[i % 4]?.[1] ?? 1,
    file: variants[i % 4], tags: [i % 100 === 7 ? rare : common],
  }));
  writeBundleFixture(root, {
    manifest: {
      format: 'cv-steward-bundle', formatVersion: 1, tool: { name: 'CV Steward', version: '0.1.0' },
      createdAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T10:05:00.000Z', status: 'partial',
      source: { endpointHost: 'westeurope.api.cognitive.microsoft.com', resourceName: 'contoso-cv', keyFingerprint: 'ab12cd34' },
      selection: { projectIds: 'all', categories: ['projects', 'iterations', 'performance', 'tags', 'images', 'models', 'predictions'] },
      projects: [
        { id: A, name: 'Street scenes', counts: { taggedImages: 4, untaggedImages: 1, imagesOnlyInIterations: 1, iterations: 1, tags: 4, exports: 2, predictions: 1 },
          reconciliation: [{ what: 'untaggedImages', api: 2, exported: 1, ok: false }, { what: 'taggedImages', api: 4, exported: 4, ok: true }] },
        { id: B, name: '../../x', counts: { taggedImages: 1200, untaggedImages: 0 }, reconciliation: [] },
      ],
      counts: { images: { items: 1206, bytes: 3_400_000 } },
      problems: [{ category: 'images', projectId: A, message: `Image ${HOSTILE} could not be downloaded` }],
      files: [],
    },
    account: { endpointHost: 'westeurope.api.cognitive.microsoft.com', resourceName: 'contoso-cv', region: 'westeurope', keyFingerprint: 'ab12cd34', displayName: 'Contoso', exportedAt: '2026-11-29T10:00:00.000Z', apiVersion: 'v3.3' },
    domains: [{ id: 'da2e3a8a-40a5-4171-82f4-58522f70fbc1', name: 'General', type: 'ObjectDetection', exportable: false, enabled: true }],
    projects: [
      {
        id: A, name: 'Street scenes', domainId: 'da2e3a8a-40a5-4171-82f4-58522f70fbc1', tags: [hostile, breaker, car, negative], images: [a1, a2, a3, a4, a5],
        iterations: [{
          id: ITERATION, name: 'Iteration 1', publishName: 'prod', trainedAt: '2026-10-05T09:10:00Z', images: [a1, a2, onlyInIteration],
          performance: {
            perTagPerformance: [
              { id: hostile.id, name: HOSTILE, precision: 0.9, precisionStdDeviation: 0, recall: 0.6, recallStdDeviation: 0, averagePrecision: 0.7 },
              { id: car.id, name: 'car', precision: 0.85, precisionStdDeviation: 0, recall: 0.9, recallStdDeviation: 0, averagePrecision: 0.88 },
            ],
            precision: 0.875, precisionStdDeviation: 0, recall: 0.75, recallStdDeviation: 0, averagePrecision: 0.8,
          },
          exports: [
            { platform: 'ONNX', status: 'Done', downloadUri: 'https://example.invalid/onnx.zip', flavor: null, newerVersionAvailable: false },
            { platform: 'TensorFlow', status: 'Exporting', downloadUri: null, flavor: 'TensorFlowLite', newerVersionAvailable: false },
          ],
          models: ['ONNX.zip'],
        }],
        predictions: [{ id: uuid(900, 4), iteration: ITERATION, created: '2026-11-20T08:30:00.171Z', file: png(7, 320, 240, 'street'),
          predictions: [{ tag: car, probability: 0.4 }, { tag: hostile, probability: 0.93, box: { left: 0.2, top: 0.1, width: 0.4, height: 0.5 } }] }],
      },
      { id: B, name: '../../x', tags: [rare, common], images: many },
    ],
  });
  const sink = new DiskSink(root);
  await writeViewer(root, sink, { toolVersion: '0.1.0' });
  indexUrl = pathToFileURL(path.join(root, 'index.html')).href;
});

test.afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Watch {
  requests: string[];
  problems: string[];
}
let watch: Watch = { requests: [], problems: [] };

test.beforeEach(async ({ page }) => {
  watch = { requests: [], problems: [] };
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    watch.problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watch.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
});

test.afterEach(async ({ page }) => {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // Values the viewer forgot to format would show up as these words.
  await expect(page.locator('main')).not.toContainText(/\[object |\bundefined\b|\bnull\b|NaN/);
  expect(watch.requests.filter((url) => !url.startsWith('file:')), 'requests that left the bundle').toEqual([]);
  expect(watch.problems, 'dialogs, script errors or CSP violations').toEqual([]);
});

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(`${indexUrl}${hash}`);
  await expect(page.locator('#nav')).toContainText('Bundle summary');
}

const loaded = (file: string): boolean => watch.requests.some((url) => url.endsWith(`/viewer/data/${file}`));

async function expectBoxesOverImage(page: Page, frameSelector: string, regions: Array<{ left: number; top: number; width: number; height: number }>, ratio: number): Promise<void> {
  const frame = page.locator(frameSelector);
  await frame.scrollIntoViewIfNeeded();
  const img = frame.locator('img');
  await expect.poll(() => img.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth > 0)).toBe(true);
  const box = await frame.boundingBox();
  const imgBox = await img.boundingBox();
  if (!box || !imgBox) throw new Error('frame not laid out');
  expect(imgBox).toEqual(box);
  expect(Math.abs(box.width / box.height - ratio)).toBeLessThan(0.02);
  const boxes = frame.locator('.region');
  await expect(boxes).toHaveCount(regions.length);
  for (const [i, region] of regions.entries()) {
    const actual = await boxes.nth(i).boundingBox();
    if (!actual) throw new Error(`region ${i} not laid out`);
    const expected = { x: box.x + region.left * box.width, y: box.y + region.top * box.height, width: region.width * box.width, height: region.height * box.height };
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(actual[key] - expected[key]), `region ${i} ${key}`).toBeLessThanOrEqual(2);
  }
}

test('the summary shows source, status, counts and warnings, with hostile text as text', async ({ page }) => {
  await open(page);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { name: 'Bundle summary' })).toBeVisible();
  await expect(main).toContainText('westeurope.api.cognitive.microsoft.com');
  await expect(main.locator('.status')).toContainText('Partial');
  await expect(main.locator('.warnings')).toContainText('Project “Street scenes”: untaggedImages — the service reported 2, the bundle holds 1.');
  await expect(main.locator('.warnings')).toContainText(`Image ${HOSTILE} could not be downloaded`);
  await expect(page.locator('#nav').getByRole('link', { name: '../../x' })).toBeVisible();
  const row = main.getByRole('row').filter({ hasText: 'Street scenes' });
  await expect(row.getByRole('cell')).toHaveText(['Street scenes', 'General', '4', '1', '1', '1', '4', '2', '1']);
});

test('the CSP is in force from file://: no inline script runs, style attributes are refused', async ({ page }) => {
  await open(page);
  const outcome = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.inlineRan = "yes"';
    document.body.append(script);
    const probe = document.createElement('div');
    probe.setAttribute('style', 'width: 123px');
    document.body.append(probe);
    const width = getComputedStyle(probe).width;
    probe.remove();
    return { inlineRan: document.body.dataset.inlineRan ?? 'no', width };
  });
  expect(outcome).toEqual({ inlineRan: 'no', width: expect.not.stringMatching(/^123px$/) });
  // Those two refusals are the expected console reports; nothing else may appear.
  expect(watch.problems).toHaveLength(2);
  expect(watch.problems.every((problem) => problem.includes('Content Security Policy'))).toBe(true);
  watch.problems = [];
});

test('a project shows its tags, iteration performance and model exports', async ({ page }) => {
  await open(page, `#p=${A}`);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { name: 'Street scenes', level: 2 })).toBeVisible();
  await expect(main.getByRole('link', { name: HOSTILE, exact: true })).toBeVisible();
  await expect(main.getByRole('link', { name: SCRIPT_BREAKER, exact: true })).toBeVisible();
  await expect(main.getByRole('row').filter({ hasText: 'Negative' }).locator('.badge-negative')).toHaveText('Negative');
  const iterationRow = main.getByRole('row').filter({ hasText: 'Iteration 1' }).first();
  await expect(iterationRow.getByRole('cell')).toHaveText(['Iteration 1', 'Completed', 'prod', /2026/, '87.5%', '75.0%', '80.0%']);
  const perTag = main.getByRole('table', { name: 'Performance by tag — Iteration 1' });
  await expect(perTag.getByRole('row').filter({ hasText: HOSTILE }).getByRole('cell')).toHaveText([HOSTILE, '90.0%', '60.0%', '70.0%']);
  await expect(perTag.getByRole('row').filter({ hasText: 'car' }).getByRole('cell')).toHaveText(['car', '85.0%', '90.0%', '88.0%']);
  const onnx = main.getByRole('row').filter({ hasText: 'ONNX' });
  const href = await onnx.getByRole('link', { name: 'Model zip' }).getAttribute('href');
  expect(href).toBe(`projects/${A}/iterations/${ITERATION}/models/ONNX.zip`);
  expect(existsSync(path.join(root, href ?? ''))).toBe(true);
  await expect(main.getByRole('row').filter({ hasText: 'TensorFlowLite' })).toContainText('not in bundle');
  // A tag's two counts say what each counts, and why they differ: "car" has an image kept only by an iteration.
  const tags = main.locator('section').filter({ has: page.getByRole('heading', { name: 'Tags', level: 3 }) });
  await expect(tags).toContainText('Images in the workspace (service)');
  await expect(tags).toContainText('Images in bundle (workspace + only in iterations)');
  await expect(tags.getByRole('row').filter({ hasText: /^car/ }).getByRole('cell')).toHaveText(['car', /.*/, '2', '3']);
  await expect(tags.locator('.tags-counts-differ')).toHaveText(
    'The service counts a tag’s images in the workspace only. The bundle also holds the images kept only by trained iterations, so its count can be higher.',
  );
});

test('the gallery draws region boxes from the normalised coordinates, in thumbnails and in the image view', async ({ page }) => {
  await open(page, `#p=${A}&v=images`);
  await expect(page.locator('main [role="status"]')).toHaveText('Showing 1–6 of 6 images.');
  await expect(page.locator('.thumb')).toHaveCount(6);
  await expect(page.locator(`.thumb[data-id="${onlyInIteration.id}"]`)).toBeVisible();
  await expectBoxesOverImage(page, `.thumb[data-id="${a1.id}"] .frame`, a1.regions ?? [], 320 / 240);
  await expectBoxesOverImage(page, `.thumb[data-id="${a5.id}"] .frame`, a5.regions ?? [], 240 / 320);

  await page.locator(`.thumb[data-id="${a1.id}"]`).click();
  await expect(page.locator('#detail-title')).toHaveText(`Image ${a1.id}`);
  await expectBoxesOverImage(page, '.detail .frame', a1.regions ?? [], 320 / 240);
  await expect(page.locator('.detail .region-label')).toHaveText([HOSTILE, 'car']);
  const metadata = page.getByRole('table', { name: 'Metadata' });
  await expect(metadata.getByRole('cell')).toHaveText(['<b>camera</b>', '</script><script>alert(3)</script>']);
  await expect(page.locator('.detail .chips li')).toHaveText([HOSTILE, 'car']);
});

test('filtering by tag shows only that tag\'s images', async ({ page }) => {
  await open(page, `#p=${A}&v=images`);
  await page.getByLabel('Show').selectOption({ label: `${HOSTILE} (1)` });
  await expect(page.locator('.thumb')).toHaveCount(1);
  await expect(page.locator('.thumb')).toHaveAttribute('data-id', a1.id);
  await page.getByLabel('Show').selectOption({ label: 'car (3)' });
  await expect(page.locator('.thumb')).toHaveCount(3);
  await page.getByLabel('Show').selectOption({ label: 'Only in iterations (1)' });
  await expect(page.locator('.thumb .caption')).toHaveText(['car']);
  await page.getByLabel('Show').selectOption({ label: 'Untagged (1)' });
  await expect(page.locator('.thumb')).toHaveAttribute('data-id', a4.id);
});

test('1 200 images page 100 at a time, loading only the data files each page needs', async ({ page }) => {
  await open(page, `#p=${B}&v=images`);
  const status = page.locator('main [role="status"]');
  await expect(status).toHaveText('Showing 1–100 of 1,200 images.');
  await expect(page.locator('.thumb')).toHaveCount(100);
  expect(loaded(`images-${B}-1.js`)).toBe(true);
  expect(loaded(`images-${B}-2.js`)).toBe(false);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(status).toHaveText('Showing 101–200 of 1,200 images.');
  await expect(page.locator('.thumb').first()).toHaveAttribute('data-id', uuid(5100, 3));
  await expect(page.getByRole('button', { name: 'Next page' })).toBeFocused();

  await page.getByLabel('Page', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(status).toHaveText('Showing 501–600 of 1,200 images.');
  await expect(page.locator('.thumb').first()).toHaveAttribute('data-id', uuid(5500, 3));
  expect(loaded(`images-${B}-2.js`)).toBe(true);
  expect(loaded(`images-${B}-3.js`)).toBe(false);

  await page.getByLabel('Show').selectOption({ label: 'rare (12)' });
  await expect(status).toHaveText('Showing 1–12 of 12 images.');
  await expect(page.locator('.thumb .caption')).toHaveText(Array.from({ length: 12 }, () => 'rare'));
  await expect(page.locator('.thumb').last()).toHaveAttribute('data-id', uuid(5000 + 1107, 3));
});

test('stored predictions show their image, boxes and top predictions', async ({ page }) => {
  await open(page, `#p=${A}`);
  await page.getByRole('link', { name: 'Stored predictions (1)' }).click();
  const item = page.locator('.prediction');
  await expect(item).toHaveCount(1);
  await expect(item.locator('ol.top li')).toHaveText([`${HOSTILE}: 93.0%`, 'car: 40.0%']);
  await expect(item).toContainText('Iteration 1');
  await expectBoxesOverImage(page, '.prediction .frame', [{ left: 0.2, top: 0.1, width: 0.4, height: 0.5 }], 320 / 240);
});

test('works from the keyboard, and in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, `#p=${A}&v=images`);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 21, 26)');
  await page.locator(`.thumb[data-id="${a1.id}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#detail-title')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#detail-title')).toHaveText(`Image ${a2.id}`);
  await page.keyboard.press('Escape');
  await expect(page.locator(`.thumb[data-id="${a2.id}"]`)).toBeFocused();
});

test('a bundle exported in Traditional Chinese shows its viewer in Chinese, from file://, with hostile names still text', async ({ page }) => {
  const zhRoot = mkdtempSync(path.join(tmpdir(), 'cv-viewer-e2e-zh-'));
  try {
    writeBundleFixture(zhRoot, {
      manifest: {
        format: 'cv-steward-bundle', formatVersion: 1, tool: { name: 'CV Steward', version: '0.1.0' }, language: 'zh-TW',
        createdAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T10:05:00.000Z', status: 'partial',
        source: { endpointHost: 'westeurope.api.cognitive.microsoft.com', resourceName: 'contoso-cv', keyFingerprint: 'ab12cd34' },
        selection: { projectIds: 'all', categories: ['projects', 'tags', 'images'] },
        projects: [{ id: A, name: 'Street scenes', counts: { taggedImages: 3, untaggedImages: 1 }, reconciliation: [{ what: 'untaggedImages', api: 2, exported: 1, ok: false }] }],
        counts: { images: { items: 4, bytes: 1_500_000 } },
        problems: [],
        files: [],
      },
      projects: [{ id: A, name: 'Street scenes', tags: [hostile, car, negative], images: [a1, a2, a3, a4] }],
    });
    await writeViewer(zhRoot, new DiskSink(zhRoot), { toolVersion: '0.1.0', language: 'zh-TW' });
    const url = pathToFileURL(path.join(zhRoot, 'index.html')).href;

    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await expect(page.locator('header h1')).toHaveText('CV Steward 匯出包');
    await expect(page.locator('#nav')).toContainText('匯出包摘要');
    const main = page.locator('main');
    await expect(main.getByRole('heading', { name: '匯出包摘要', level: 2 })).toBeVisible();
    await expect(main.locator('.status')).toContainText('不完整');
    await expect(main.locator('.warnings')).toContainText('專案「Street scenes」：未標記的影像（untaggedImages） — 服務回報 2，匯出包中有 1。');
    await expect(main.getByRole('columnheader', { name: '已標記的影像' })).toBeVisible();
    await expect(main.getByRole('row').filter({ hasText: '影像' }).last()).toContainText('1.4 MB');
    await expect(main.getByRole('definition').filter({ hasText: '2026' }).first()).toContainText('年');

    await page.goto(`${url}#p=${A}&v=images`);
    await expect(page).toHaveTitle('Street scenes — CV Steward 匯出包');
    await expect(page.locator('main [role="status"]')).toHaveText('顯示第 1–4 張，共 4 張影像。');
    await page.getByLabel('顯示').selectOption({ label: `${HOSTILE}（1）` });
    await expect(page.locator('.thumb')).toHaveCount(1);
    await page.locator(`.thumb[data-id="${a1.id}"]`).click();
    await expect(page.locator('#detail-title')).toHaveText(`影像 ${a1.id}`);
    await expect(page.locator('.detail .chips li')).toHaveText([HOSTILE, 'car']);
    await expect(page.getByRole('table', { name: '中繼資料' }).getByRole('cell')).toHaveText(['<b>camera</b>', '</script><script>alert(3)</script>']);
    await expect(page.getByRole('button', { name: '返回影像庫' })).toBeVisible();
  } finally {
    rmSync(zhRoot, { recursive: true, force: true });
  }
});
