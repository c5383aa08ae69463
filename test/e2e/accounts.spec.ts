/**
 * The connect flow through the real UI, with the real keychain (GNOME Keyring in CI) and
 * the emulator standing in for Azure.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, launchHarness } from './fixtures';
import { startEmulatorProcess } from './emulator-process';

test('the demo account connects and is shown with its host and key fingerprint, never its key', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Try the demo account' }).click();
  const demo = page.getByRole('listitem').filter({ hasText: 'Demo account' });
  await expect(demo).toContainText('127.0.0.1:');
  await expect(demo).toContainText(/Key fingerprint:?\s*[0-9a-f]{8}/);
  await expect(demo).toContainText('Active');
});

test('a wrong key is refused with a plain explanation and nothing is saved', async ({ page, harness }) => {
  const emulator = await startEmulatorProcess(['--seed', 'empty']);
  try {
    await page.goto(harness.url);
    await page.getByLabel('Endpoint').fill(`${emulator.endpoint}/`);
    await page.getByLabel('Training key').fill('0123456789abcdef0123456789abcdef');
    await page.getByRole('button', { name: 'Connect' }).click();
    const form = page.locator('form');
    await expect(form.getByRole('alert')).toContainText('The service refused this training key');
    await expect(page.getByRole('listitem').filter({ hasText: emulator.endpoint.replace('http://', '') })).toHaveCount(0);
  } finally {
    await emulator.stop();
  }
});

test('a malformed endpoint gets a specific message before anything is sent', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Endpoint').fill('http://myresource.cognitiveservices.azure.com');
  await page.getByLabel('Training key').fill('0123456789abcdef0123456789abcdef');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('https');
});

test('connecting keeps the key out of the page and every file, and forgetting removes the account', async ({ page }) => {
  const emulator = await startEmulatorProcess(['--seed', 'empty']);
  const dataDir = await mkdtemp(join(tmpdir(), 'cvs-e2e-data-'));
  const harness = await launchHarness(['--data-dir', dataDir]);
  try {
    await page.goto(harness.url);
    await page.getByLabel('Endpoint').fill(emulator.endpoint);
    await page.getByLabel('Training key').fill(emulator.key);
    await page.getByLabel('Name (optional)').fill('Lab resource');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Connected to Lab resource.' })).toBeVisible();
    await expect(page.getByLabel('Training key')).toHaveValue('');
    const account = page.getByRole('listitem').filter({ hasText: 'Lab resource' });
    await expect(account).toContainText('Active');

    // Survives a reload (saved settings + keychain), and the key is nowhere in the page.
    await page.reload();
    await expect(page.getByRole('listitem').filter({ hasText: 'Lab resource' })).toBeVisible();
    expect(await page.content()).not.toContain(emulator.key);

    await page.getByRole('button', { name: 'Forget Lab resource' }).click();
    await page.getByRole('button', { name: 'Forget account: Lab resource' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Lab resource' })).toHaveCount(0);

    // Every file the app wrote, and everything it logged, is free of the key.
    const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const written = files.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) expect(await readFile(file, 'utf8'), file).not.toContain(emulator.key);
    expect(harness.output()).not.toContain(emulator.key);
  } finally {
    await harness.stop();
    await emulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
