import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/chromium';

// Two tiers: the real UI through the browser harness in Chromium (runs everywhere), and
// the real Electron app (runs wherever the Electron binary exists, skips elsewhere).
export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // The HTML report keeps every spec's attachments (screenshots of each page in both
  // languages, keyboard walks, axe results) after the run; test-results/ is wiped by the next one.
  reporter: [['list'], ['html', { outputFolder: 'artifacts/playwright-report', open: 'never' }]],
  outputDir: 'test-results',
  // English unless a spec asks for another locale (test/e2e/language.spec.ts does): the specs read English text.
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', locale: 'en-US' },
  projects: [
    { name: 'harness', testDir: 'test/e2e', use: { launchOptions: chromiumLaunchOptions() } },
    { name: 'electron', testDir: 'test/e2e-electron' },
  ],
});
