/**
 * The real app, launched with Playwright's Electron support. Runs wherever the Electron
 * binary exists and skips, saying why, where it does not (our CI machines).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
const skipReason = binary.path === null ? binary.reason : '';
if (skipReason) console.log(`[e2e-electron] skipping the Electron tests: ${skipReason}`);

test.describe('CV Steward in Electron', () => {
  test.skip(skipReason !== '', `skipped: ${skipReason}`);

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [join(__dirname, '..', '..')],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('npm start opens the window with the app frame and working navigation', async () => {
    await expect(page).toHaveTitle('CV Steward');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const about = page.getByRole('region', { name: 'About' });
    await expect(about).toContainText('Electron');
    await expect(about).toContainText('0.1.0');
  });

  test('the page is served from app://, not file://, and is isolated from Node and IPC', async () => {
    expect(new URL(page.url()).protocol).toBe('app:');
    const reach = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return [typeof w.require, typeof w.process, typeof w.ipcRenderer, typeof w.steward];
    });
    expect(reach).toEqual(['undefined', 'undefined', 'undefined', 'object']);
  });

  test('runs a real job through the preload and IPC', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Run system check' }).click();
    await expect(page.getByRole('main')).toContainText('All 3 checks passed.');
  });

  test('refuses to navigate away or open new windows', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.open('https://example.com/');
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
