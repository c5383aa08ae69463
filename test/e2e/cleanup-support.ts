/** Steps the cleanup specs share. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Connects the built-in demo account and scans it to the end (three projects listed, every count known). */
export async function connectDemoAndScan(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the demo account' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toContainText('Active');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' }).click();
  await page.getByRole('button', { name: 'Scan account' }).click();
  await expect(page.getByRole('heading', { name: /^Projects \(3\)$/ })).toBeVisible({ timeout: 60_000 });
  // "Scan again" stays aria-disabled while the scan runs.
  await expect(page.getByRole('button', { name: 'Scan again' })).not.toHaveAttribute('aria-disabled', 'true', { timeout: 60_000 });
}
