/**
 * Quitting in the middle of an export, through the real UI: the harness is stopped the way
 * the app quits (SIGTERM closes the services), a new one starts on the same data folder,
 * the banner offers the interrupted export, Resume continues it into the same bundle and
 * it finishes complete.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, launchHarness } from './fixtures';

async function journaledImageFiles(bundle: string): Promise<number> {
  try {
    const text = await readFile(join(bundle, '.cv-steward', 'journal.jsonl'), 'utf8');
    return text.split('\n').filter((line) => line.includes('/images/files/')).length;
  } catch {
    return 0;
  }
}

async function manifestStatus(bundle: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(join(bundle, 'manifest.json'), 'utf8')) as { status?: string }).status;
  } catch {
    return undefined;
  }
}

test('an export stopped by quitting is offered on the next start and resumes to the end', async ({ page }) => {
  test.setTimeout(240_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'cvs-e2e-resume-data-'));
  const bundle = await mkdtemp(join(tmpdir(), 'cvs-e2e-resume-bundle-'));
  try {
    // The demo answers late, so the quit lands while images are still being downloaded.
    const first = await launchHarness(['--data-dir', dataDir, '--demo', '--demo-latency-ms', '40', '--pick-folder', bundle]);
    try {
      await page.goto(first.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
      await page.getByRole('button', { name: 'Choose folder…' }).click();
      await expect(page.getByRole('main')).toContainText(bundle);
      await page.getByRole('button', { name: 'Start export' }).click();
      await expect.poll(() => journaledImageFiles(bundle), { timeout: 90_000 }).toBeGreaterThanOrEqual(5);
      // Nothing to offer while the export runs in this session.
      await expect(page.getByRole('region', { name: 'Interrupted jobs' }).getByRole('listitem')).toHaveCount(0);
    } finally {
      await first.stop();
    }
    expect(await manifestStatus(bundle)).not.toBe('complete');

    const second = await launchHarness(['--data-dir', dataDir, '--demo', '--pick-folder', bundle]);
    try {
      await page.goto(second.url);
      const banner = page.getByRole('region', { name: 'Interrupted jobs' });
      await expect(banner.getByRole('status')).toContainText(`An export to ${bundle} was interrupted when CV Steward closed.`);
      await expect(banner).toContainText('Account: Demo account');
      const axe = await new AxeBuilder({ page }).include('.interrupted-jobs').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      // From the keyboard: the button is reachable and Enter presses it.
      const resume = banner.getByRole('button', { name: `Resume the export to ${bundle}` });
      await resume.focus();
      await page.keyboard.press('Enter');

      // The Export page follows the resumed job; the banner has nothing left to offer.
      await expect(banner.getByRole('listitem')).toHaveCount(0);
      const job = page.getByRole('region', { name: 'Export of Demo account' });
      await expect(job).toContainText(/Status:\s*Finished/, { timeout: 150_000 });
      expect(await manifestStatus(bundle)).toBe('complete');

      await page.getByRole('button', { name: 'Verify…' }).click();
      await expect(page.getByRole('main')).toContainText(/Bundle is intact: [\d,]+ files/, { timeout: 60_000 });

      // The ended export left nothing to offer.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(banner.getByRole('listitem')).toHaveCount(0);
    } finally {
      await second.stop();
    }
  } finally {
    await rm(bundle, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
