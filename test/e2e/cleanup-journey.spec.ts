/**
 * The cleanup wizard through the real UI: connect the demo account, export everything, then empty
 * the account with the cleanup wizard — plan, backup check, type-to-confirm, run, proof
 * and receipt — and see the Inventory come back empty.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDemoAndScan } from './cleanup-support';
import { test, expect, launchHarness } from './fixtures';

test('demo account → export → cleanup wizard empties the account, with proof and a receipt', async ({ page }) => {
  test.setTimeout(240_000);
  const bundle = await mkdtemp(join(tmpdir(), 'cvs-e2e-cleanup-bundle-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'cvs-e2e-cleanup-data-'));
  const harness = await launchHarness(['--pick-folder', bundle, '--data-dir', dataDir]);
  try {
    await page.goto(harness.url);
    await connectDemoAndScan(page);
    await expect(page.getByRole('main')).toContainText('Flower shop (demo)');

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Export' }).click();
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await page.getByRole('button', { name: 'Start export' }).click();
    await expect(page.getByRole('region', { name: 'Export of Demo account' })).toContainText(/Status:\s*Finished/, { timeout: 120_000 });

    // 1 · scope: nothing is chosen for the user, not even the whole account; the button says why it waits.
    await nav.getByRole('link', { name: 'Cleanup' }).click();
    const steps = page.getByRole('list', { name: 'Cleanup steps' });
    await expect(steps.locator('[aria-current="step"]')).toContainText('Choose what to delete');
    for (const radio of await page.getByRole('radio').all()) await expect(radio).not.toBeChecked();
    const review = page.getByRole('button', { name: 'Review the plan' });
    await expect(review).toBeDisabled();
    await expect(review).toHaveAccessibleDescription('Choose what to delete first: nothing is chosen for you.');
    await page.getByRole('radio', { name: /Everything in this account/ }).check();
    await expect(review).toBeEnabled();
    await review.click();

    // 2 · review: counts per kind of data, and focus on the step's heading.
    await expect(page.getByRole('heading', { name: 'Review the plan', level: 2 })).toBeFocused();
    const counts = page.getByRole('table', { name: 'What will be deleted' });
    await expect(counts).toBeVisible({ timeout: 60_000 });
    await expect(counts.getByRole('row', { name: /^Projects 3/ })).toBeVisible();
    await expect(counts.getByRole('row', { name: /^Images [1-9]/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Projects in this plan' })).toContainText('Flower shop (demo)');
    await expect(page.getByRole('main')).toContainText('What will be lost');
    // Deleted projects take their iterations' model exports and performance along: said per project.
    await expect(page.getByRole('region', { name: 'Deleted along with them' })).toContainText('2 exported models (ONNX ONNX12, TensorFlow) go with their iteration.');
    await page.getByRole('button', { name: 'Continue to backup' }).click();

    // 3 · backup: the bundle just exported is checked on the spot and covers everything.
    await expect(page.getByRole('heading', { name: 'Back up', level: 2 })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Continue to confirmation' })).toBeDisabled();
    await page.getByRole('button', { name: 'Choose bundle folder…' }).click();
    // The verdict sits under the option that chose the bundle, not under "Back up now".
    const existing = page.getByRole('region', { name: 'Use a bundle you already have' });
    await expect(existing.getByRole('heading', { name: 'Covered: the bundle holds every item of the plan' })).toBeVisible({ timeout: 60_000 });
    await expect(existing).toContainText(bundle);
    await expect(page.getByRole('region', { name: 'Back up now' })).not.toContainText('Covered');
    await page.getByRole('button', { name: 'Continue to confirmation' }).click();

    // 4 · confirm: Delete stays disabled until the account name matches exactly.
    await expect(page.getByRole('heading', { name: 'Confirm', level: 2 })).toBeFocused();
    const name = page.getByLabel('Account name');
    const remove = page.getByRole('button', { name: 'Delete permanently' });
    await name.fill('demo account');
    await expect(remove).toBeDisabled();
    await expect(page.getByRole('main')).toContainText('That is not the account name yet.');
    await name.fill('Demo account');
    await expect(remove).toBeEnabled();
    await remove.click();

    // 5 · run: one bar per kind of data, filling up.
    await expect(page.getByRole('heading', { name: 'Delete', level: 2 })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Images', exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Cleanup of Demo account controls' }).getByRole('button', { name: 'Cancel' })).toBeVisible();

    // 6 · proof and receipt.
    await expect(page.getByRole('heading', { name: 'Proof and receipt', level: 2 })).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('main')).toContainText('Nothing left: every item of the plan was deleted');
    // Counted in items, not checks: "N of N" proven gone per kind, then still there and could not verify.
    const proof = page.getByRole('table', { name: 'Checked again after deleting' });
    await expect(proof.getByRole('row', { name: /^Projects 3 of 3 0 0$/ })).toBeVisible();
    const imagesCells = await proof.getByRole('row', { name: /^Images / }).getByRole('cell').allTextContents();
    expect(imagesCells.slice(1)).toEqual(['0', '0']);
    const [, gone, of] = /^([\d,]+) of ([\d,]+)$/.exec(imagesCells[0] ?? '') ?? [];
    expect(Number(gone?.replace(/,/g, ''))).toBeGreaterThan(1);
    expect(gone).toBe(of);
    await page.getByRole('button', { name: 'Open the receipt' }).click();
    await expect.poll(() => harness.output()).toMatch(/open file: .*cleanups.*receipt.*\.html/);
    await page.getByRole('button', { name: /Open the Azure portal/ }).click();
    await expect.poll(() => harness.output()).toContain('open external: https://portal.azure.com/');

    const [planDir] = await readdir(join(dataDir, 'cleanups'));
    const files = await readdir(join(dataDir, 'cleanups', planDir ?? ''));
    const receiptJson = files.find((file) => file.includes('receipt') && file.endsWith('.json'));
    const receipt = JSON.parse(await readFile(join(dataDir, 'cleanups', planDir ?? '', receiptJson ?? ''), 'utf8')) as {
      complete: boolean;
      backup: { kind: string };
      proven: Array<{ category: string; items: number; gone: number }>;
    };
    expect(receipt).toMatchObject({ complete: true, backup: { kind: 'bundle' } });
    // The receipt carries the item counts too, next to the checks behind them.
    expect(receipt.proven.find((kind) => kind.category === 'projects')).toMatchObject({ items: 3, gone: 3 });

    // The inventory is scanned again by itself: nothing is left.
    await nav.getByRole('link', { name: 'Inventory' }).click();
    await expect(page.getByRole('main')).toContainText('No projects found.', { timeout: 60_000 });
    await expect(page.getByRole('main')).not.toContainText('Flower shop (demo)');
  } finally {
    await harness.stop();
    await rm(bundle, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
