/**
 * Screenshots of every page, with real content, in English and Traditional Chinese (light
 * theme): Accounts (empty, and with the demo account), Inventory scanned with a project
 * open, Export, each cleanup step reachable without deleting (scope, review, backup,
 * confirm) and Settings; plus, in Chinese, a refused key on the connect form, which also
 * checks that main's error reaches the page in the user's language with main's English
 * words as details.
 *
 * Each picture is attached to its test (testInfo.attach: test-results/<test>/attachments/)
 * and copied to artifacts/screenshots/<language>/, which the next Playwright run does not
 * wipe. They are for people to look at and are never compared pixel by pixel (language.spec
 * and accessibility.spec attach the empty-state and dark-theme pictures).
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { connectDemoAndScan } from './cleanup-support';
import { startEmulatorProcess } from './emulator-process';
import { useSharedHarnessPage } from './shared-page';

const ROOT = join(__dirname, '..', '..');
const STABLE_DIR = join(ROOT, 'artifacts', 'screenshots');
type Language = 'en' | 'zh-TW';

const shared = useSharedHarnessPage('cvs-e2e-screenshots-', { locale: 'en-US', colorScheme: 'light' });
const pageErrors = shared.pageErrors;
let page: Page;
const catalogues = {} as Record<Language, Record<string, unknown>>;

/** A catalogue text by key ("cleanup.review.next"), so the steps are found in either language. */
function text(language: Language, key: string): string {
  let node: unknown = catalogues[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`${language}.json has no text at ${key}`);
  return node;
}

async function shoot(language: Language, name: string): Promise<void> {
  const testInfo = test.info();
  const fileName = `${language}-${name}.png`;
  const file = testInfo.outputPath(fileName);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(fileName, { path: file, contentType: 'image/png' });
  await mkdir(join(STABLE_DIR, language), { recursive: true });
  await copyFile(file, join(STABLE_DIR, language, `${name}.png`));
  expect(pageErrors, 'the page logged errors').toEqual([]);
}

/** Pages by their address, so the same code works in both languages. */
async function open(route: 'accounts' | 'inventory' | 'export' | 'cleanup' | 'settings'): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('nav a[aria-current="page"]')).toHaveAttribute('href', `#/${route}`);
}

async function useLanguage(language: Language): Promise<void> {
  await open('settings');
  await page.locator('main select').first().selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.getByRole('combobox', { name: text(language, 'settings.language.label') })).toHaveValue(language);
}

test.beforeAll(async () => {
  for (const language of ['en', 'zh-TW'] as const) {
    catalogues[language] = JSON.parse(await readFile(join(ROOT, 'src-renderer', 'i18n', `${language}.json`), 'utf8')) as Record<string, unknown>;
  }
  await rm(STABLE_DIR, { recursive: true, force: true });
  page = shared.page;
});

test('Accounts before any account is connected, in both languages; a refused key in Chinese', async () => {
  await open('accounts');
  await shoot('en', '00-accounts-empty');

  await useLanguage('zh-TW');
  await open('accounts');
  await shoot('zh-TW', '00-accounts-empty');

  // Main refuses the key in English; the page says so in Chinese, with main's words below.
  const emulator = await startEmulatorProcess(['--seed', 'empty']);
  try {
    await page.getByLabel(text('zh-TW', 'accounts.connect.endpoint')).fill(`${emulator.endpoint}/`);
    await page.getByLabel(text('zh-TW', 'accounts.connect.key')).fill('0123456789abcdef0123456789abcdef');
    await page.getByRole('button', { name: text('zh-TW', 'accounts.connect.submit'), exact: true }).click();
    const alert = page.locator('form').getByRole('alert');
    await expect(alert).toContainText(text('zh-TW', 'errorCodes.WRONG_KEY'));
    await expect(alert).toContainText('詳細資訊：The service refused this training key.');
    await expect(alert).toContainText('WRONG_KEY');
    await shoot('zh-TW', '01-accounts-wrong-key');
  } finally {
    await emulator.stop();
  }
  await useLanguage('en');
});

for (const language of ['en', 'zh-TW'] as const) {
  test(`every page with the demo account, in ${language}`, async () => {
    test.setTimeout(180_000);
    if (language === 'en') {
      await open('accounts');
      await connectDemoAndScan(page);
    } else {
      await useLanguage('zh-TW');
    }
    const t = (key: string) => text(language, key);
    // The waiver's label goes on to name what the deletions take along; it starts with the
    // plain "delete without a backup" (no regular-expression characters in either language).
    const waiver = () => page.getByRole('checkbox', { name: new RegExp(`^${t('cleanup.backup.waive')}`) });

    await open('accounts');
    await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toBeVisible();
    await shoot(language, '02-accounts');

    await open('inventory');
    const project = page.locator('main [aria-expanded]').first();
    if ((await project.getAttribute('aria-expanded')) !== 'true') await project.click();
    await expect(project).toHaveAttribute('aria-expanded', 'true');
    await shoot(language, '03-inventory');

    await open('export');
    await expect(page.getByRole('checkbox', { name: /Flower shop \(demo\)/ })).toBeVisible();
    await shoot(language, '04-export');

    await open('cleanup');
    await page.getByRole('radio', { name: new RegExp(`^${t('cleanup.scope.choices.all.label')}`) }).check();
    await shoot(language, '05-cleanup-scope');
    await page.getByRole('button', { name: t('cleanup.scope.review'), exact: true }).click();
    await expect(page.locator('main table')).toBeVisible({ timeout: 60_000 });
    await shoot(language, '06-cleanup-review');
    await page.getByRole('button', { name: t('cleanup.review.next'), exact: true }).click();
    await shoot(language, '07-cleanup-backup');
    await waiver().check();
    await page.getByRole('button', { name: t('cleanup.backup.next'), exact: true }).click();
    await expect(page.getByRole('button', { name: t('cleanup.confirm.back'), exact: true })).toBeVisible();
    await shoot(language, '08-cleanup-confirm');
    // Back to the first step without deleting anything, for the next language.
    await page.getByRole('button', { name: t('cleanup.confirm.back'), exact: true }).click();
    await waiver().uncheck();
    await page.getByRole('button', { name: t('cleanup.backup.back'), exact: true }).click();
    await page.getByRole('button', { name: t('cleanup.review.back'), exact: true }).click();
    await expect(page.getByRole('button', { name: t('cleanup.scope.review'), exact: true })).toBeVisible();

    await open('settings');
    await shoot(language, '09-settings');
  });
}
