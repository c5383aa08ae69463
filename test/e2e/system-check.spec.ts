import { test, expect, launchHarness } from './fixtures';

test('Settings shows the app version and runs a real job with progress bars to the end', async ({ page, harness }) => {
  await page.goto(`${harness.url}#/settings`);
  const about = page.getByRole('region', { name: 'About' });
  await expect(about).toContainText('0.1.0');
  await expect(about).toContainText(/Linux|macOS|Windows/);

  // The System check panel (the job inside it is a region of the same name).
  const check = page.getByRole('region', { name: 'System check' }).first();
  await check.getByRole('button', { name: 'Run system check' }).click();
  await expect(check).toContainText('All 3 checks passed.');
  for (const label of ['Data folder', 'Temporary folder', 'Disk space used']) {
    const bar = check.getByRole('progressbar', { name: label });
    await expect(bar).toHaveAttribute('value', '1');
    await expect(bar).toHaveAttribute('max', '1');
  }
  // A finished job cannot be paused or cancelled any more: its controls are gone, not greyed out.
  for (const name of ['Pause', 'Resume', 'Cancel']) await expect(check.getByRole('button', { name })).toHaveCount(0);
});

test('the renderer cannot reach require, process or ipcRenderer', async ({ page, harness }) => {
  await page.goto(harness.url);
  const reach = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      require: typeof w.require,
      process: typeof w.process,
      ipcRenderer: typeof w.ipcRenderer,
      stewardDomains: Object.keys((w.steward ?? {}) as object).sort(),
    };
  });
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', stewardDomains: ['accounts', 'app', 'cleanup', 'diagnostics', 'export', 'inventory', 'jobs', 'preferences'] });
});

test('a lost connection to main is shown in the error surface and can be dismissed', async ({ page, pageErrors }) => {
  const harness = await launchHarness();
  await page.goto(`${harness.url}#/settings`);
  await expect(page.getByRole('region', { name: 'About' })).toContainText('0.1.0');
  await harness.stop();
  // Losing the harness's WebSocket is expected here; the app must say so, not crash.
  await page.getByRole('button', { name: 'Run system check' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The connection to the CV Steward harness was lost');
  await alert.getByRole('button', { name: /dismiss/i }).click();
  await expect(alert).not.toContainText('connection');
  await expect(alert.getByRole('button')).toHaveCount(0);
  pageErrors.length = 0;
});
