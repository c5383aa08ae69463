/**
 * A project's images are counted one way, in the same words, on the Inventory, Export and
 * Cleanup pages: all images, with the workspace's and those only inside trained iterations
 * named (the demo's Flower shop has both).
 */
import { test, expect, launchHarness } from './fixtures';
import { connectDemoAndScan } from './cleanup-support';

const IMAGES = /(\d[\d,]*) images \((\d[\d,]*) in the workspace, (\d[\d,]*) only inside trained iterations\)/;

test('the Inventory, Export and Cleanup pages give a project the same image count, in the same words', async ({ page }) => {
  test.setTimeout(120_000);
  const harness = await launchHarness();
  try {
    await page.goto(harness.url);
    await connectDemoAndScan(page);
    const nav = page.getByRole('navigation', { name: 'Main' });

    const inventory = await page.getByRole('button', { name: /Flower shop \(demo\) .* images/ }).textContent();
    const [phrase, all, workspace, onlyInIterations] = IMAGES.exec(inventory ?? '') ?? [];
    expect(phrase, `Inventory says: ${inventory}`).toBeDefined();
    // The parts add up, and both are there in the demo (so the test sees a real difference).
    expect(Number(workspace) + Number(onlyInIterations)).toBe(Number(all));
    expect(Number(onlyInIterations)).toBeGreaterThan(0);

    await nav.getByRole('link', { name: 'Export' }).click();
    await expect(page.getByRole('checkbox', { name: /^Flower shop \(demo\)/ })).toBeVisible();
    await expect(page.locator('label').filter({ hasText: 'Flower shop (demo)' })).toContainText(phrase ?? '');

    await nav.getByRole('link', { name: 'Cleanup' }).click();
    await page.getByRole('radio', { name: /Chosen projects/ }).check();
    await expect(page.locator('label').filter({ hasText: 'Flower shop (demo)' })).toContainText(phrase ?? '');
    // "All images" of the project takes those only inside iterations too, and says so in the same words.
    await page.getByRole('radio', { name: /One kind of data in one project/ }).check();
    await page.getByLabel('Project', { exact: true }).selectOption({ label: 'Flower shop (demo)' });
    await page.getByLabel('Kind of data', { exact: true }).selectOption('allImages');
    await expect(page.getByRole('main')).toContainText(`The inventory counted ${phrase ?? ''}`);
  } finally {
    await harness.stop();
  }
});
