/**
 * Two plans of one account told apart: the "Saved plans" list of the cleanup wizard names
 * what each plan deletes and when it was made, and opening one opens that plan.
 */
import { test, expect, launchHarness } from './fixtures';
import { connectDemoAndScan } from './cleanup-support';

test('saved plans of one account show their scope and date, and each opens its own plan', async ({ page }) => {
  test.setTimeout(150_000);
  const harness = await launchHarness();
  try {
    await page.goto(harness.url);
    await connectDemoAndScan(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cleanup' }).click();

    const review = page.getByRole('button', { name: 'Review the plan' });
    const counts = page.getByRole('table', { name: 'What will be deleted' });
    // Two plans (nothing is deleted): the whole account, then one project.
    await page.getByRole('radio', { name: /Everything in this account/ }).check();
    await review.click();
    await expect(counts).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Change what to delete' }).click();
    await page.getByRole('radio', { name: /Chosen projects/ }).check();
    await page.getByRole('checkbox', { name: /Flower shop \(demo\)/ }).check();
    await review.click();
    await expect(counts).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Change what to delete' }).click();

    const saved = page.getByRole('region', { name: 'Saved plans' });
    await saved.getByRole('button', { name: 'Refresh the list' }).click();
    const rows = saved.getByRole('listitem');
    await expect(rows).toHaveCount(2);
    // Newest first; each row says what it deletes and when it was made (in this browser's locale).
    const year = String(new Date().getFullYear());
    await expect(rows.nth(0)).toContainText('Deletes: Project "Flower shop (demo)"');
    await expect(rows.nth(1)).toContainText('Deletes: Everything in the account: 3 projects and all their data');
    for (const row of await rows.all()) await expect(row).toContainText(new RegExp(`made .*${year}`));
    await expect(rows.nth(0).getByRole('button', { name: /^Open the plan for Demo account \(Project "Flower shop \(demo\)" and all its data\) made / })).toBeVisible();

    await rows.nth(1).getByRole('button', { name: /^Open the plan for Demo account \(Everything in the account/ }).click();
    await expect(page.getByRole('heading', { name: 'Review the plan', level: 2 })).toBeVisible();
    await expect(counts.getByRole('row', { name: /^Projects 3/ })).toBeVisible({ timeout: 30_000 });
  } finally {
    await harness.stop();
  }
});
