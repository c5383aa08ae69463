/**
 * The interface language: the OS's on first start, switched in Settings at once, and still
 * the chosen one after a reload and after a restart. Each test runs its own harness, so the
 * language chosen here never leaks into the other specs' shared harness.
 *
 * Screenshots of every page in both languages are attached as artifacts (in test-results/),
 * for people to look at; they are not compared pixel by pixel.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, launchHarness } from './fixtures';

const ENGLISH_NAV = ['Accounts', 'Inventory', 'Export', 'Cleanup', 'Settings'];
const CHINESE_NAV = ['帳戶', '資料盤點', '匯出', '清理', '設定'];

test.use({ locale: 'en-US' });

async function screenshotEveryPage(page: Page, testInfo: TestInfo, language: string): Promise<void> {
  const links = page.getByRole('navigation').getByRole('link');
  for (let index = 0; index < (await links.count()); index += 1) {
    const link = links.nth(index);
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    const name = `${language}-${new URL(page.url()).hash.replace('#/', '')}.png`;
    const file = testInfo.outputPath(name);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
  }
}

test('switching to 繁體中文 in Settings changes the interface at once and is kept after a reload and a restart', async ({ page }, testInfo) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'cv-steward-language-'));
  let harness = await launchHarness(['--data-dir', dataDir]);
  try {
    await page.goto(`${harness.url}#/settings`);
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link')).toHaveText(ENGLISH_NAV);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await screenshotEveryPage(page, testInfo, 'en');

    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Display language' }).selectOption({ label: '繁體中文' });
    await expect(nav.getByRole('link')).toHaveText(CHINESE_NAV);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('設定');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    // The navigation's accessible name is translated too.
    await expect(page.getByRole('navigation', { name: '主要' })).toBeVisible();

    await page.reload();
    await expect(nav.getByRole('link')).toHaveText(CHINESE_NAV);
    await expect(page.getByRole('combobox', { name: '顯示語言' })).toHaveValue('zh-TW');
    await screenshotEveryPage(page, testInfo, 'zh-TW');

    // A restart: a new harness process over the same settings file.
    await page.goto('about:blank');
    await harness.stop();
    harness = await launchHarness(['--data-dir', dataDir]);
    await page.goto(`${harness.url}#/settings`);
    await expect(nav.getByRole('link')).toHaveText(CHINESE_NAV);

    // "Same as the system" forgets the choice: this browser's language is English.
    await page.getByRole('combobox', { name: '顯示語言' }).selectOption('system');
    await expect(nav.getByRole('link')).toHaveText(ENGLISH_NAV);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(nav.getByRole('link')).toHaveText(ENGLISH_NAV);
  } finally {
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('on first start the interface follows a Traditional Chinese operating system', async ({ browser }) => {
  const harness = await launchHarness();
  const context = await browser.newContext({ locale: 'zh-TW' });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(harness.url);
    await expect(page.getByRole('navigation').getByRole('link')).toHaveText(CHINESE_NAV);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('帳戶');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    // The select says the choice follows the system, and names the system's language.
    await page.getByRole('navigation').getByRole('link', { name: '設定' }).click();
    const select = page.getByRole('combobox', { name: '顯示語言' });
    await expect(select).toHaveValue('system');
    await expect(select.locator('option:checked')).toHaveText('與系統相同（繁體中文）');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await harness.stop();
  }
});
