/**
 * Per-project deletion from the Inventory page goes through the same wizard: the action
 * opens the Cleanup page with its scope filled in, and the plan is built for exactly it.
 */
import { test, expect, launchHarness } from './fixtures';
import { connectDemoAndScan } from './cleanup-support';

test('“Delete untagged images” on the Inventory page opens the wizard with that scope chosen', async ({ page }) => {
  test.setTimeout(120_000);
  const harness = await launchHarness();
  try {
    await page.goto(harness.url);
    await connectDemoAndScan(page);
    await page.getByRole('button', { name: /Flower shop \(demo\) .* images/ }).click();
    await page.getByRole('button', { name: 'Delete untagged images (Flower shop (demo))' }).click();

    await expect(page.getByRole('heading', { name: 'Cleanup', level: 1 })).toBeFocused();
    await expect(page.getByRole('radio', { name: /One kind of data in one project/ })).toBeChecked();
    await expect(page.getByLabel('Project', { exact: true }).locator('option:checked')).toHaveText('Flower shop (demo)');
    await expect(page.getByLabel('Kind of data', { exact: true })).toHaveValue('untaggedImages');
    await expect(page.getByRole('main')).toContainText(/The inventory counted \d+ untagged images?/);

    await page.getByRole('button', { name: 'Review the plan' }).click();
    const counts = page.getByRole('table', { name: 'What will be deleted' });
    await expect(counts).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('main')).toContainText('Untagged images of');
    await expect(counts.getByRole('row', { name: /^Projects 0/ })).toBeVisible();
  } finally {
    await harness.stop();
  }
});
