/**
 * The real app, launched with Playwright's Electron support. Runs wherever the Electron
 * binary exists and skips, saying why, where it does not (our CI machines).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { contractShape, probeGlobals, probeSteward, tryUnlistedChannels } from '../support/renderer-probes';
import { electronLaunchTarget } from './electron-binary';

const target = electronLaunchTarget();
const skipReason = target.executablePath === null ? target.reason : '';
if (skipReason) console.log(`[e2e-electron] skipping the Electron tests: ${skipReason}`);

/** Inline script and eval in the page; violations de-duplicated (the header and the meta tag each report). */
function tryInlineScriptAndEval(page: Page) {
  return page.evaluate(async () => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const violations = new Set<string>();
    document.addEventListener('securitypolicyviolation', (event) => violations.add(`${event.effectiveDirective} ${event.blockedURI}`));
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.head.append(inline);
    // Playwright's own evaluation is allowed to eval; a timer callback runs as the page's own code.
    const evaluated = await new Promise<boolean>((resolve) =>
      setTimeout(() => {
        try {
          resolve((0, eval)('true') === true);
        } catch {
          resolve(false);
        }
      }, 0),
    );
    for (let i = 0; i < 50 && violations.size < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return { inline: scope.__inlineRan === true, eval: evaluated, violations: [...violations].sort() };
  });
}

test.describe('CV Steward in Electron', () => {
  test.skip(skipReason !== '', `skipped: ${skipReason}`);

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: target.executablePath ?? undefined,
      args: target.executablePath === null ? [] : target.appArgs,
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

  test('the page cannot reach require, process, module, global or ipcRenderer', async () => {
    const globals = await probeGlobals(page);
    expect(globals).toEqual(Object.fromEntries(Object.keys(globals).map((name) => [name, 'undefined'])));
  });

  test('window.steward is frozen and holds exactly the contract’s domains and functions', async () => {
    const steward = await probeSteward(page);
    const expected = contractShape();
    expect(steward.frozen).toBe(true);
    expect(Object.keys(steward.domains).sort()).toEqual(Object.keys(expected).sort());
    for (const [domain, members] of Object.entries(expected)) {
      expect(steward.domains[domain], domain).toEqual({ frozen: true, members, kinds: ['function'] });
    }
  });

  test('window.steward cannot be used to call a channel the contract does not list', async () => {
    expect(await tryUnlistedChannels(page)).toMatchObject({
      addDomain: false,
      defineDomain: 'refused',
      replaceFunction: false,
      secretsAfterwards: 'undefined',
      channelInPayload: { ok: false, error: { code: 'BAD_REQUEST' } },
      channelAsPayload: { ok: false, error: { code: 'BAD_REQUEST' } },
      channelAsThis: { ok: true, value: { version: '0.1.0' } },
      subscribeWithChannel: 'refused',
      functionProperties: [],
    });
  });

  test('the CSP comes as a header from app:// (with frame-ancestors) and refuses inline script and eval', async () => {
    // Asked from main through the same app:// handler the window uses.
    const header = await app.evaluate(async ({ net }) => (await net.fetch('app://steward/index.html')).headers.get('content-security-policy'));
    expect(header).toContain("default-src 'none'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(await tryInlineScriptAndEval(page)).toEqual({ inline: false, eval: false, violations: ['script-src eval', 'script-src-elem inline'] });
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
