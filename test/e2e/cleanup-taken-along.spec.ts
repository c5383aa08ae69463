/**
 * What a deletion takes along, through the real UI: deleting the demo's trained and
 * published "Iteration 2" of the flower shop also deletes the images that live only in it
 * (deleted from the workspace after training), its model exports and its performance. The
 * review says so, and a bundle exported without images is refused at the backup step,
 * naming the image that only the deleted iteration kept; the waiver names what it gives up;
 * the proof gives each check's result in words, and the receipt records what went along.
 *
 * "Could not verify" needs a gateway's 404, which the demo account cannot be made to send
 * from the page: it is covered by the renderer's and the receipt's unit tests instead.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { connectDemoAndScan } from './cleanup-support';
import { test, expect, launchHarness } from './fixtures';

/** Serious and critical WCAG A/AA violations on the page as it is now (the accessibility spec's bar), as short lines. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact ?? ''} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('an iteration cleanup says what goes with the iteration, refuses a bundle without those images, and proves and records it', async ({ page }) => {
  test.setTimeout(240_000);
  const bundle = await mkdtemp(join(tmpdir(), 'cvs-e2e-along-bundle-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'cvs-e2e-along-data-'));
  const harness = await launchHarness(['--pick-folder', bundle, '--data-dir', dataDir]);
  try {
    await page.goto(harness.url);
    await connectDemoAndScan(page);
    const nav = page.getByRole('navigation', { name: 'Main' });

    // A bundle of everything but the images: the images kept only by an iteration are not in it.
    await nav.getByRole('link', { name: 'Export' }).click();
    const images = page.getByRole('checkbox', { name: /^Images/ });
    await images.uncheck();
    await expect(images).not.toBeChecked();
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await page.getByRole('button', { name: 'Start export' }).click();
    await expect(page.getByRole('region', { name: 'Export of Demo account' })).toContainText(/Status:\s*Finished/, { timeout: 120_000 });

    // 1 · scope: one iteration of one project.
    await nav.getByRole('link', { name: 'Cleanup' }).click();
    await page.getByRole('radio', { name: /One kind of data in one project/ }).check();
    await page.getByLabel('Project', { exact: true }).selectOption({ label: 'Flower shop (demo)' });
    await page.getByLabel('Kind of data', { exact: true }).selectOption('iteration');
    await page.getByLabel('Iteration', { exact: true }).selectOption({ label: 'Iteration 2 (published as flowers-prod)' });
    await page.getByRole('button', { name: 'Review the plan' }).click();

    // 2 · review: what goes along with the iteration, in words and counts.
    await expect(page.getByRole('table', { name: 'What will be deleted' })).toBeVisible({ timeout: 60_000 });
    const along = page.getByRole('region', { name: 'Deleted along with them' });
    await expect(along).toContainText('Flower shop (demo)');
    await expect(along).toContainText('1 image lives only in this iteration and is deleted with it.');
    await expect(along).toContainText('2 exported models (ONNX ONNX12, TensorFlow) go with their iteration.');
    await expect(along).toContainText('The performance records of 1 trained iteration (precision, recall, per-image results) go with it.');
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue to backup' }).click();

    // 3 · backup: the bundle holds the iteration, its models and performance, but not the image only it kept.
    await expect(page.getByRole('heading', { name: 'Back up', level: 2 })).toBeFocused();
    await page.getByRole('button', { name: 'Choose bundle folder…' }).click();
    await expect(page.getByRole('heading', { name: 'Not covered: 1 item of the plan is not safely in this bundle' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Items not covered' }).getByRole('listitem')).toHaveText([
      /^Image kept only by a deleted iteration: [0-9a-f-]{36} in Flower shop \(demo\) — not in the bundle$/,
    ]);
    await expect(page.getByRole('button', { name: 'Continue to confirmation' })).toBeDisabled();
    expect(await axeProblems(page)).toEqual([]);

    // The waiver names what it gives up along with the plan's own items.
    const waiver = page.getByRole('checkbox', {
      name: 'Delete without a backup: I understand that 1 image kept only by the deleted iterations, 2 exported models, and the performance of 1 iteration will be deleted along with the plan’s items, without a backup.',
    });
    await expect(waiver).not.toBeChecked();
    await waiver.check();
    await page.getByRole('button', { name: 'Continue to confirmation' }).click();

    // 4–6 · confirm, run, proof: items proven gone per kind, then each check's result in words.
    await page.getByLabel('Account name').fill('Demo account');
    await page.getByRole('button', { name: 'Delete permanently' }).click();
    await expect(page.getByRole('heading', { name: 'Proof and receipt', level: 2 })).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('main')).toContainText('Nothing left: every item of the plan was deleted, and reading it again proved it gone.');
    const proof = page.getByRole('table', { name: 'Checked again after deleting' });
    await expect(proof.getByRole('columnheader')).toHaveText(['Kind of data', 'Proven gone (items)', 'Still there', 'Could not verify']);
    // One iteration, unpublished then deleted: two checks behind one item.
    await expect(proof.getByRole('row', { name: /^Iterations 1 of 1 0 0$/ })).toBeVisible();
    await page.getByText('All 2 checks, one by one').click();
    await expect(page.getByRole('list', { name: 'All 2 checks, one by one' }).getByRole('listitem').first()).toContainText(/^Gone: Iterations in Flower shop \(demo\) \(1 item\)GetIteration → 404/);
    expect(await axeProblems(page)).toEqual([]);

    // The receipt carries what the iteration took along, and its page says it.
    const [planDir = ''] = await readdir(join(dataDir, 'cleanups'));
    const receipt = JSON.parse(await readFile(join(dataDir, 'cleanups', planDir, 'plan.receipt.json'), 'utf8')) as {
      implicit?: Array<{ imageIds: string[]; models: unknown[]; performance: string[] }>;
      verifications: Array<{ result?: string }>;
    };
    expect(receipt.implicit?.map((loss) => [loss.imageIds.length, loss.models.length, loss.performance.length])).toEqual([[1, 2, 1]]);
    expect(receipt.verifications.map((v) => v.result)).toEqual(['gone', 'gone']);
    const html = await readFile(join(dataDir, 'cleanups', planDir, 'plan.receipt.html'), 'utf8');
    expect(html).toContain('<h2>Deleted along with them</h2>');
    expect(html).toContain('1 image that lived only in the iterations deleted');
    expect(html).toContain('<span class="ok">✓ gone</span>');
  } finally {
    await harness.stop();
    await rm(bundle, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
