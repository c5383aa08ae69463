/**
 * "Show in folder" through the real UI, with the harness standing in for the file manager
 * (it logs "show in folder: <path>"): after an export and a verify the bundle's own folder
 * is shown, and the page cannot make main show anything it did not choose or write.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, launchHarness } from './fixtures';

const shownPaths = (output: string) => [...output.matchAll(/show in folder: (.+)/g)].map((match) => (match[1] ?? '').trim());

test('export → Show in folder names the bundle; verify → Show in folder too; unknown ids show nothing', async ({ page }) => {
  test.setTimeout(180_000);
  const bundle = await mkdtemp(join(tmpdir(), 'cvs-e2e-show-bundle-'));
  const harness = await launchHarness(['--pick-folder', bundle, '--demo']);
  try {
    await page.goto(harness.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(page.getByRole('main')).toContainText(bundle);
    // The small kinds of data only: this test is about the button, not the transfer.
    for (const heavy of ['Images', 'Exported models', 'Stored predictions']) {
      const box = page.getByRole('checkbox', { name: new RegExp(`^${heavy}`) });
      if (await box.isChecked()) await box.uncheck();
    }
    await page.getByRole('button', { name: 'Start export' }).click();
    const job = page.getByRole('region', { name: 'Export of Demo account' });
    await expect(job).toContainText(/Status:\s*Finished/, { timeout: 120_000 });

    await job.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => shownPaths(harness.output())).toEqual([join(bundle, 'index.html')]);

    await job.getByRole('button', { name: 'Verify this bundle' }).click();
    const verify = page.getByRole('region', { name: 'Verify a bundle' });
    await expect(verify).toContainText(/Bundle is intact/, { timeout: 60_000 });
    await verify.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => shownPaths(harness.output()).length).toBe(2);
    expect(shownPaths(harness.output()).every((path) => path.startsWith(bundle))).toBe(true);

    // A page that names a folder main never handed out, or a path, gets a refusal and nothing is shown.
    const refused = await page.evaluate(async () => {
      const steward = (window as unknown as { steward: { app: { showInFolder(r: unknown): Promise<unknown> } } }).steward;
      return [
        await steward.app.showInFolder({ target: { kind: 'bundle', folderId: '00000000-0000-4000-8000-000000000000' } }),
        await steward.app.showInFolder({ target: { kind: 'bundle', folderId: '/etc' } }),
        await steward.app.showInFolder({ target: { kind: 'file', path: '/etc/passwd' } }),
        await steward.app.showInFolder({ target: { kind: 'receipt', planId: '../../etc/passwd' } }),
      ];
    });
    expect(refused).toMatchObject([
      { ok: false, error: { code: 'NOT_FOUND' } },
      { ok: false, error: { code: 'NOT_FOUND' } },
      { ok: false, error: { code: 'BAD_REQUEST' } },
      { ok: false, error: { code: 'BAD_REQUEST' } },
    ]);
    expect(shownPaths(harness.output())).toHaveLength(2);
  } finally {
    await harness.stop();
    await rm(bundle, { recursive: true, force: true });
  }
});

test('Settings › Show log files asks main for its logs folder', async ({ page }) => {
  const harness = await launchHarness();
  try {
    await page.goto(`${harness.url}#/settings`);
    const logs = page.getByRole('region', { name: 'Log files' });
    await logs.getByRole('button', { name: 'Show log files' }).click();
    // The harness keeps no log file, so main says so, on the page's error surface.
    await expect(page.getByRole('alert').filter({ hasText: 'There are no log files yet.' })).toBeVisible();
    expect(shownPaths(harness.output())).toEqual([]);
  } finally {
    await harness.stop();
  }
});
