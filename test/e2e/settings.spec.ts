/**
 * The Settings page beyond the language: the theme, the speed limits with
 * their safe bounds, the default export folder and what the Export page makes of it, and
 * "forget all accounts and local data". Each test runs its own harness over its own data
 * folder, so nothing chosen here leaks into the other specs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, launchHarness } from './fixtures';

test.use({ locale: 'en-US' });

const LIGHT_BACKGROUND = 'rgb(244, 246, 248)';
const DARK_BACKGROUND = 'rgb(18, 20, 24)';

/** A harness over a fresh data folder, stopped and removed after the test. */
async function withHarness(args: string[], run: (url: string, dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cv-steward-settings-'));
  const harness = await launchHarness(['--data-dir', dataDir, ...args]);
  try {
    await run(harness.url, dataDir);
  } finally {
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('the theme changes the page at once, survives a reload, and "system" follows the OS live', async ({ page }) => {
  await withHarness([], async (url) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${url}#/settings`);
    const themes = page.getByRole('group', { name: 'Theme' });
    await expect(themes.getByRole('radio', { name: /Same as the system/ })).toBeChecked();
    await expect.poll(() => background(page)).toBe(LIGHT_BACKGROUND);

    await themes.getByRole('radio', { name: /^Dark/ }).check();
    await expect.poll(() => background(page)).toBe(DARK_BACKGROUND);
    await page.reload();
    await expect(themes.getByRole('radio', { name: /^Dark/ })).toBeChecked();
    await expect.poll(() => background(page)).toBe(DARK_BACKGROUND);

    // Pinned light stays light on a dark OS.
    await page.emulateMedia({ colorScheme: 'dark' });
    await themes.getByRole('radio', { name: /^Light/ }).check();
    await expect.poll(() => background(page)).toBe(LIGHT_BACKGROUND);

    // "Same as the system" follows the OS as it changes, without a reload.
    await themes.getByRole('radio', { name: /Same as the system/ }).check();
    await expect.poll(() => background(page)).toBe(DARK_BACKGROUND);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe(LIGHT_BACKGROUND);
  });
});

test('limits outside the safe bounds are explained and not saved; valid ones survive a reload', async ({ page }) => {
  await withHarness([], async (url) => {
    await page.goto(`${url}#/settings`);
    const rate = page.getByRole('spinbutton', { name: 'API calls per second' });
    const downloads = page.getByRole('spinbutton', { name: 'Downloads at once during an export' });
    await expect(rate).toHaveValue('10');
    await expect(downloads).toHaveValue('16');
    // The bounds are shown next to each field.
    await expect(page.getByText(/From 1 to 10; default 10/)).toBeVisible();
    await expect(page.getByText(/From 1 to 32; default 16/)).toBeVisible();

    await rate.fill('11');
    await expect(page.getByText('This must be from 1 to 10; it was not saved.')).toBeVisible();
    await expect(rate).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await expect(rate).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Limits saved.' })).toHaveCount(0);
    await page.reload();
    await expect(rate).toHaveValue('10');

    await rate.fill('3');
    await downloads.fill('4');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await expect(page.getByText('Limits saved.')).toBeVisible();
    await page.reload();
    await expect(rate).toHaveValue('3');
    await expect(downloads).toHaveValue('4');
  });
});

test('a default export folder makes the Export page offer a new, empty folder inside it', async ({ page }) => {
  const exportsDir = await mkdtemp(join(tmpdir(), 'cv-steward-exports-'));
  try {
    await withHarness(['--demo', '--pick-folder', exportsDir], async (url) => {
      await page.goto(`${url}#/export`);
      // No default folder yet: only the dialog is offered.
      await expect(page.getByRole('button', { name: 'Choose folder…' })).toBeVisible();
      await expect(page.getByRole('button', { name: /^New folder in/ })).toHaveCount(0);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Choose folder…' }).click();
      await expect(page.locator('#default-export-folder-path')).toHaveText(`Folder: ${exportsDir}`);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
      await page.getByRole('button', { name: `New folder in ${exportsDir}` }).click();
      await expect(page.locator('#export-folder-path')).toContainText(join(exportsDir, 'CV Steward export – Demo account – '));
      const made = await readdir(exportsDir);
      expect(made).toHaveLength(1);
      expect(made[0]).toMatch(/^CV Steward export – Demo account – \d{4}-\d\d-\d\d \d{4}$/);
      expect(await readdir(join(exportsDir, made[0] ?? ''))).toEqual([]);

      // Cleared in Settings: the Export page goes back to the dialog only.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Clear' }).click();
      await expect(page.locator('#default-export-folder-path')).toHaveText('None: you choose a folder for every export.');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
      await expect(page.getByRole('button', { name: /^New folder in/ })).toHaveCount(0);
    });
  } finally {
    await rm(exportsDir, { recursive: true, force: true });
  }
});

test('forget everything: the demo account goes, the language follows the OS again, and the data folder is emptied', async ({ page }) => {
  await withHarness(['--demo'], async (url, dataDir) => {
    await page.goto(`${url}#/accounts`);
    await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Display language' }).selectOption({ label: '繁體中文' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('設定');

    const forget = page.getByRole('button', { name: '全部忘記' });
    // The button does nothing until the user ticks that they understand.
    await expect(forget).toHaveAttribute('aria-disabled', 'true');
    await page.getByRole('checkbox', { name: '我了解這會忘記所有帳戶，且無法復原' }).check();
    await forget.click();

    // English again: the saved language is gone and this browser's language is English.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.getByText(/Done\. Accounts forgotten: 1\. Files deleted: \d+\./)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Display language' })).toHaveValue('system');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Try the demo account' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toHaveCount(0);
    // Only the (emptied) settings file is left of CV Steward's own data.
    expect(existsSync(join(dataDir, 'cleanups'))).toBe(false);
  });
});

test('both pinned themes keep WCAG AA contrast on the Settings page, whatever the OS uses', async ({ page }) => {
  await withHarness([], async (url) => {
    await page.goto(`${url}#/settings`);
    // The states with the most colour: a limit in error and the danger button armed.
    await page.getByRole('spinbutton', { name: 'API calls per second' }).fill('0');
    await page.getByRole('checkbox', { name: /I understand that this forgets every account/ }).check();
    for (const [theme, os] of [
      ['Dark', 'light'],
      ['Light', 'dark'],
    ] as const) {
      await page.emulateMedia({ colorScheme: os });
      await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: new RegExp(`^${theme}`) }).check();
      await expect.poll(() => background(page)).toBe(theme === 'Dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND);
      const results = await new AxeBuilder({ page }).withTags(['wcag2aa', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `${theme} theme on a ${os} OS`).toEqual([]);
    }
  });
});
