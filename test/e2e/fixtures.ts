/**
 * Playwright fixtures for the harness tier: a harness process per worker (the same
 * built artefact `npm run web` starts), and a page that fails the test on any script
 * error or console error — which is how CSP violations show up.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HARNESS = join(__dirname, '..', '..', 'dist-harness', 'harness.cjs');

export interface RunningHarness {
  url: string;
  stop(): Promise<void>;
}

/** Test keys go to their own keychain service, never the app's `cv-steward` entries. */
export const E2E_KEYCHAIN_SERVICE = 'cv-steward-e2e';

/**
 * Starts the built harness. Without `--data-dir` in `extraArgs` it gets a fresh temporary
 * one, removed when it stops: the harness's default is the user's real OS data folder,
 * which tests must never write to.
 */
export async function launchHarness(extraArgs: string[] = []): Promise<RunningHarness & { output(): string }> {
  if (!existsSync(HARNESS)) throw new Error(`${HARNESS} is missing: run "npm run build" first.`);
  const ownDataDir = extraArgs.includes('--data-dir') ? undefined : mkdtempSync(join(tmpdir(), 'cvs-e2e-harness-'));
  const removeOwnDataDir = () => {
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };
  const args = [HARNESS, '--port', '0', '--keychain-service', E2E_KEYCHAIN_SERVICE, ...(ownDataDir ? ['--data-dir', ownDataDir] : []), ...extraArgs];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /CV Steward harness: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      removeOwnDataDir();
      reject(new Error(`harness exited with ${code}: ${stderr}`));
    });
    setTimeout(() => reject(new Error(`harness did not start within 15 s: ${stderr}`)), 15_000).unref();
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          removeOwnDataDir();
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ pageErrors: string[] }, { harness: RunningHarness }>({
  harness: [
    // Playwright requires the destructuring pattern even when no fixture is used.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const harness = await launchHarness();
      await use(harness);
      await harness.stop();
    },
    { scope: 'worker' },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      await use(errors);
      expect(errors, 'the page logged errors (a CSP violation shows up here)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
