/**
 * The heart of the product, through the real UI: connect the demo account, watch the
 * inventory bars fill, export everything to a folder, verify the bundle, and export into
 * it again (every saved file re-checked first, on its own bar).
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, launchHarness } from './fixtures';

test('demo account → inventory → export → verify reports a clean bundle', async ({ page }) => {
  test.setTimeout(180_000);
  const bundle = await mkdtemp(join(tmpdir(), 'cvs-e2e-bundle-'));
  const harness = await launchHarness(['--pick-folder', bundle]);
  try {
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Try the demo account' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toContainText('Active');

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('button', { name: 'Scan account' }).click();
    // Every category row's bar fills to the end once the scan is done.
    for (const row of ['Projects', 'Iterations', 'Tags', 'Images']) {
      const bar = page.getByRole('progressbar', { name: row }).first();
      await expect(bar).toBeVisible();
      await expect.poll(async () => Number(await bar.getAttribute('value')) / Number(await bar.getAttribute('max')), { timeout: 60_000 }).toBe(1);
    }
    await expect(page.getByRole('main')).toContainText('Flower shop (demo)');

    await nav.getByRole('link', { name: 'Export' }).click();
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(page.getByRole('main')).toContainText(bundle);
    await page.getByRole('button', { name: 'Start export' }).click();
    const job = page.getByRole('region', { name: 'Export of Demo account' });
    await expect(job).toContainText(/Status:\s*Finished/, { timeout: 120_000 });
    // A finished job looks finished: final totals, not "so far", and no controls left to press.
    await expect(job.getByRole('definition').first()).toHaveText(/^[\d.,]+ [KMG]?B · [\d,]+ items$/);
    await expect(job).not.toContainText('so far');
    for (const name of ['Pause', 'Resume', 'Cancel']) await expect(job.getByRole('button', { name })).toHaveCount(0);

    const manifest = JSON.parse(await readFile(join(bundle, 'manifest.json'), 'utf8')) as { status: string; files: Array<{ path: string }> };
    expect(manifest.status).toBe('complete');
    expect(manifest.files.filter((f) => f.path.includes('/images/files/')).length).toBeGreaterThanOrEqual(250);
    expect((await stat(join(bundle, 'index.html'))).size).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Verify…' }).click();
    await expect(page.getByRole('main')).toContainText(/Bundle is intact: [\d,]+ files/, { timeout: 60_000 });
    // The result is said once (the report), not again by the finished verify job.
    await expect(page.getByText(/Bundle is intact/)).toHaveCount(1);

    // Exporting again into the bundle re-checks every saved file first, on a bar of its own.
    await page.getByRole('button', { name: 'Start export' }).click();
    const again = page.getByRole('region', { name: 'Export of Demo account' });
    const checked = again.getByRole('progressbar', { name: 'Checking saved files: export progress' });
    await expect(checked).toBeVisible({ timeout: 30_000 });
    await expect(again).toContainText(/Status:\s*Finished/, { timeout: 120_000 });
    expect(Number(await checked.getAttribute('max'))).toBeGreaterThanOrEqual(manifest.files.length);
    expect(await checked.getAttribute('value')).toBe(await checked.getAttribute('max'));
  } finally {
    await harness.stop();
    await rm(bundle, { recursive: true, force: true });
  }
});
