import { test, expect } from './fixtures';

const PAGES = [
  { name: 'Accounts', says: /keychain/i },
  { name: 'Inventory', says: /scan/i },
  { name: 'Export', says: /bundle/i },
  { name: 'Cleanup', says: /delete/i },
  { name: 'Settings', says: /system check/i },
];

test('opens on Accounts and clicks through every page of the navigation', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page).toHaveTitle('CV Steward');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(PAGES.map((p) => p.name));

  for (const { name, says } of PAGES) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main')).toContainText(says);
  }
  // Only one entry is marked current at a time.
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
});

test('keeps the page across a reload and follows the back button', async ({ page, harness }) => {
  await page.goto(harness.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Export' }).click();
  await nav.getByRole('link', { name: 'Cleanup' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Cleanup' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
});

test('can be driven from the keyboard alone', async ({ page, harness }) => {
  await page.goto(harness.url);
  const inventory = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' });
  for (let presses = 0; presses < 10 && !(await inventory.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(inventory).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeVisible();
  // Focus moves to the new page's heading, so a screen reader announces where we are.
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeFocused();
});
