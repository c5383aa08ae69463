/**
 * One harness and one browser page shared by every test of a spec (serial mode), for the
 * specs that set the app up once (the demo connected and scanned) and then visit page
 * after page: accessibility, keyboard and screenshots. What the page logs as errors is
 * collected in `pageErrors` for the spec to assert on (CSP violations show up there).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type BrowserContextOptions, type Page } from '@playwright/test';
import { launchHarness, type RunningHarness } from './fixtures';

export interface SharedPage {
  readonly page: Page;
  readonly pageErrors: string[];
}

export function useSharedHarnessPage(dataDirPrefix: string, context: BrowserContextOptions): SharedPage {
  test.describe.configure({ mode: 'serial' });
  // The page outlives each test, so per-test traces cannot be recorded for it (Playwright
  // then fails when closing its context): the specs' attachments stand in.
  test.use({ trace: 'off' });

  let harness: RunningHarness | undefined;
  let dataDir = '';
  let page: Page | undefined;
  const pageErrors: string[] = [];

  test.beforeAll(async ({ browser }) => {
    dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
    harness = await launchHarness(['--data-dir', dataDir]);
    const opened = await (await browser.newContext(context)).newPage();
    opened.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    opened.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    await opened.goto(harness.url);
    page = opened;
  });

  test.afterAll(async () => {
    await page?.context().close();
    await harness?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  return {
    get page(): Page {
      if (!page) throw new Error('the shared page is opened in beforeAll');
      return page;
    },
    pageErrors,
  };
}
