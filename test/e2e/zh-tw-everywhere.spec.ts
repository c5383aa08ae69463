/**
 * Traditional Chinese everywhere a user reads: the whole journey in a zh-TW interface —
 * every page, each cleanup step, a finished export and its verification, the cleanup's run
 * and proof — then the bundle's offline viewer (every project, its images, an image, its
 * predictions) and the cleanup's receipt, both written in zh-TW. On each, the visible text
 * may hold no run of three or more English words once the proper names the demo account
 * brings along are taken out (see english-runs.ts for the list and the reasons).
 *
 * A screenshot of each view is attached to the test (the Playwright report keeps them).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, launchHarness } from './fixtures';
import { englishRuns, withoutNames } from './english-runs';

const ROOT = join(__dirname, '..', '..');
let zh: Record<string, unknown> = {};

/** A zh-TW catalogue text by key, so the test finds buttons by what a Chinese reader sees. */
function t(key: string): string {
  let node: unknown = zh;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`zh-TW.json has no text at ${key}`);
  return node;
}

test.use({ locale: 'zh-TW' });

test.beforeAll(async () => {
  zh = JSON.parse(await readFile(join(ROOT, 'src-renderer', 'i18n', 'zh-TW.json'), 'utf8')) as Record<string, unknown>;
});

/**
 * Single words the Custom Vision API returns in English (statuses, project and tag types):
 * too short for a run of three, yet English in a Chinese table. Each has a catalogue label.
 */
const API_WORDS = /\b(Completed|Training|Done|Exporting|Multiclass|Multilabel|Classification|ObjectDetection|Negative|Regular|Unlimited)\b/g;

function apiWords(text: string): string[] {
  return [...new Set([...withoutNames(text).matchAll(API_WORDS)].map((match) => `API value: ${match[0]}`))];
}

/** What is left in English on the page now, keyed by the view's name; a screenshot for people to look at. */
async function check(page: Page, name: string, found: Map<string, string[]>): Promise<void> {
  const testInfo = test.info();
  const file = testInfo.outputPath(`zh-TW-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`zh-TW-${name}.png`, { path: file, contentType: 'image/png' });
  // Visible text plus what a screen reader announces for controls without text.
  const text = await page.locator('body').innerText();
  const labels = await page.locator('[aria-label], [title]').evaluateAll((elements) =>
    elements.flatMap((element) => [element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '']).filter(Boolean),
  );
  const runs = [...englishRuns([text, ...labels].join('\n')), ...apiWords(text)];
  if (runs.length > 0) found.set(name, runs);
  // Soft, so one run names every view with English left, not only the first.
  expect.soft(runs, `English left in the zh-TW view "${name}"`).toEqual([]);
}

/** "Status: Finished" as the job card says it. */
const finished = (): string => t('jobs.status').replace(/<\/?state>/g, '').replace('{{label}}', t('jobs.state.succeeded'));

async function openRoute(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
  await expect(page.locator(`nav a[href="#/${route}"]`)).toHaveAttribute('aria-current', 'page');
}

test('no English sentence anywhere in the zh-TW interface, viewer and receipt', async ({ page }) => {
  test.setTimeout(360_000);
  const bundle = await mkdtemp(join(tmpdir(), 'cvs-e2e-zh-bundle-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'cvs-e2e-zh-data-'));
  const harness = await launchHarness(['--pick-folder', bundle, '--data-dir', dataDir]);
  const found = new Map<string, string[]>();
  try {
    await page.goto(harness.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await check(page, 'accounts-empty', found);
    await page.getByRole('button', { name: t('accounts.demo.start') }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toBeVisible();
    await check(page, 'accounts', found);

    await openRoute(page, 'inventory');
    await check(page, 'inventory-before-scan', found);
    await page.getByRole('button', { name: t('inventory.scan.start') }).click();
    await expect(page.getByRole('button', { name: t('inventory.scan.again') })).not.toHaveAttribute('aria-disabled', 'true', { timeout: 60_000 });
    await expect(page.getByRole('main')).toContainText('Flower shop (demo)');
    const projects = page.locator('main [aria-expanded]');
    for (let index = 0; index < (await projects.count()); index += 1) {
      const project = projects.nth(index);
      if ((await project.getAttribute('aria-expanded')) !== 'true') await project.click();
    }
    await check(page, 'inventory', found);

    await openRoute(page, 'export');
    await check(page, 'export', found);
    await page.getByRole('button', { name: t('export.destination.choose') }).click();
    await page.getByRole('button', { name: t('export.start.button') }).click();
    await expect(page.getByRole('main')).toContainText(finished(), { timeout: 120_000 });
    await check(page, 'export-finished', found);
    // Job titles are names of regions too (read out by screen readers): in Chinese, with the account's name.
    const CJK = /[\u3400-\u9fff]/;
    const jobTitles = await page.locator('main section.job h3').allInnerTexts();
    expect(jobTitles.length).toBeGreaterThan(0);
    for (const title of jobTitles) expect(title, 'a job title in Chinese').toMatch(CJK);
    await page.getByRole('button', { name: t('export.verify.button') }).click();
    await expect(page.getByRole('main')).toContainText(t('export.verify.intact').split('{{')[0] ?? '', { timeout: 60_000 });
    await check(page, 'export-verified', found);
    for (const title of await page.locator('main section.job h3').allInnerTexts()) expect(title, 'a job title in Chinese').toMatch(CJK);

    await openRoute(page, 'settings');
    await check(page, 'settings', found);

    await openRoute(page, 'cleanup');
    await check(page, 'cleanup-scope', found);
    // Nothing is chosen for the user: the whole account, picked by its label.
    await page.getByRole('radio', { name: new RegExp(`^${t('cleanup.scope.choices.all.label')}`) }).check();
    await page.getByRole('button', { name: t('cleanup.scope.review'), exact: true }).click();
    await expect(page.locator('main table').first()).toBeVisible({ timeout: 60_000 });
    await check(page, 'cleanup-review', found);
    await page.getByRole('button', { name: t('cleanup.review.next'), exact: true }).click();
    await check(page, 'cleanup-backup', found);
    await page.getByRole('button', { name: t('cleanup.backup.chooseBundle') }).click();
    await expect(page.getByRole('heading', { name: t('cleanup.coverage.covered') })).toBeVisible({ timeout: 60_000 });
    await check(page, 'cleanup-backup-covered', found);
    await page.getByRole('button', { name: t('cleanup.backup.next'), exact: true }).click();
    await page.getByLabel(t('cleanup.confirm.label')).fill('Demo account');
    await check(page, 'cleanup-confirm', found);
    await page.getByRole('button', { name: t('cleanup.confirm.delete') }).click();
    await expect(page.getByRole('button', { name: t('cleanup.proof.openReceipt') })).toBeVisible({ timeout: 120_000 });
    await check(page, 'cleanup-proof', found);
    await openRoute(page, 'inventory');
    await check(page, 'inventory-after-cleanup', found);
    await openRoute(page, 'export');
    await check(page, 'export-after-cleanup', found);

    // The bundle's offline viewer, written in the interface's language.
    const viewer = pathToFileURL(join(bundle, 'index.html')).href;
    await page.goto(viewer);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await expect(page.locator('main h2').first()).toBeVisible();
    await check(page, 'viewer-summary', found);
    const projectLinks = await page.locator('#nav a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const projectIds = projectLinks.map((href) => /p=([^&]+)/.exec(href)?.[1]).filter((id): id is string => Boolean(id));
    expect(projectIds.length).toBe(3);
    for (const [index, id] of projectIds.entries()) {
      for (const view of ['', '&v=images', '&v=predictions']) {
        await page.goto(`${viewer}#p=${id}${view}`);
        await expect(page.locator('main h2').first()).toBeVisible();
        if (view === '&v=images') await expect(page.locator('.thumb').first()).toBeVisible();
        await check(page, `viewer-project-${index + 1}${view.replace('&v=', '-')}`, found);
      }
    }
    await page.goto(`${viewer}#p=${projectIds[0] ?? ''}&v=images`);
    await page.locator('.thumb').first().click();
    await check(page, 'viewer-image', found);

    // The cleanup's receipt, written in the interface's language.
    const [planDir] = await readdir(join(dataDir, 'cleanups'));
    const planFiles = await readdir(join(dataDir, 'cleanups', planDir ?? ''));
    const receipt = planFiles.find((file) => file.includes('receipt') && file.endsWith('.html'));
    expect(receipt, 'the cleanup wrote an HTML receipt').toBeDefined();
    await page.goto(pathToFileURL(join(dataDir, 'cleanups', planDir ?? '', receipt ?? '')).href);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await check(page, 'receipt', found);

    expect(Object.fromEntries(found), 'English left in the zh-TW views').toEqual({});
  } finally {
    await harness.stop();
    await rm(bundle, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
