/**
 * Accessibility: axe-core over every page of the real UI in the browser harness, with the
 * demo account connected and scanned so the pages show their real content (lists, bars,
 * checkboxes, the cleanup plan) rather than their empty states.
 *
 * One harness and one demo scan are shared by the tests below (serial mode), so the spec
 * stays quick. Only 'serious' and 'critical' violations fail a test; the failure message
 * lists each one's rule, impact and elements, so it can be fixed without rerunning.
 * A full-page screenshot of each checked state is attached as an artifact, never compared.
 */
import { writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { connectDemoAndScan } from './cleanup-support';
// The shared page below replaces the fixtures' per-test page and its error check.
import { useSharedHarnessPage } from './shared-page';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

const shared = useSharedHarnessPage('cvs-e2e-a11y-', { locale: 'en-US' });
const pageErrors = shared.pageErrors;
let page: Page;

/** Runs axe on the page as it is now, attaches a screenshot, and fails on serious or critical violations. */
async function checkPage(label: string): Promise<void> {
  const testInfo = test.info();
  const file = testInfo.outputPath(`${label}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${label}.png`, { path: file, contentType: 'image/png' });

  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // Every finding (minor and moderate ones, and what axe could not decide, such as contrast
  // over an image) goes to the report, so it is seen without failing the test.
  const line = (v: (typeof results.violations)[number]) => `${v.impact ?? 'unknown'} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`;
  const summary = [
    `${results.passes.length} rules passed, ${results.violations.length} violated, ${results.incomplete.length} need review`,
    `passed: ${results.passes.map((v) => v.id).join(', ')}`,
    ...results.violations.map((v) => `violation ${line(v)}`),
    ...results.incomplete.map((v) => `review ${line(v)}`),
  ].join('\n');
  const summaryFile = testInfo.outputPath(`${label}-axe.txt`);
  await writeFile(summaryFile, summary);
  await testInfo.attach(`${label}-axe.txt`, { path: summaryFile, contentType: 'text/plain' });

  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const report = blocking
    .map((v) => `- [${v.impact}] ${v.id} (${v.help}; ${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`)
    .join('\n');
  // Compared as short lines, so the diff names rule, impact and elements rather than dumping axe's objects.
  expect(blocking.map(line), `${label}: serious or critical axe violations\n${report}`).toEqual([]);
  expect(pageErrors, 'the page logged errors').toEqual([]);
}

function nav() {
  return page.getByRole('navigation', { name: 'Main' });
}

async function goTo(name: string): Promise<void> {
  await nav().getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.beforeAll(() => {
  page = shared.page;
});

test('Accounts, before any account is connected', async () => {
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the demo account' })).toBeVisible();
  await checkPage('accounts-empty');
});

test('Accounts, with the demo account connected (after a scan)', async () => {
  test.setTimeout(120_000);
  await connectDemoAndScan(page);
  await goTo('Accounts');
  await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toContainText('Active');
  await checkPage('accounts-demo');
});

test('Inventory, scanned, with one project expanded', async () => {
  await goTo('Inventory');
  const project = page.getByRole('button', { name: /Flower shop \(demo\) .* images/ });
  await project.click();
  await expect(project).toHaveAttribute('aria-expanded', 'true');
  await checkPage('inventory-expanded');
});

test('Export, with the project selection visible', async () => {
  await goTo('Export');
  await expect(page.getByRole('checkbox', { name: /Flower shop \(demo\)/ })).toBeVisible();
  await checkPage('export-selection');
});

test('Cleanup, scope step and the review of a whole-account plan', async () => {
  await goTo('Cleanup');
  const everything = page.getByRole('radio', { name: /Everything in this account/ });
  await expect(everything).not.toBeChecked();
  await checkPage('cleanup-scope-nothing-chosen');
  await everything.check();
  await checkPage('cleanup-scope');

  await page.getByRole('button', { name: 'Review the plan' }).click();
  await expect(page.getByRole('table', { name: 'What will be deleted' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'Projects in this plan' })).toContainText('Flower shop (demo)');
  await checkPage('cleanup-review');
});

test('Settings', async () => {
  await goTo('Settings');
  await checkPage('settings');
});

test('every page again in the dark colour scheme (the app follows the OS)', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    for (const name of ['Accounts', 'Inventory', 'Export', 'Cleanup', 'Settings']) {
      await goTo(name);
      await checkPage(`dark-${name.toLowerCase()}`);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
});
