/**
 * Desktop integration in the real app: the application menu and its roles,
 * Settings… from the menu, the window's size and position across a relaunch, the taskbar
 * progress during an export, and "show in folder" refusing what main did not choose.
 * Each launch gets its own user-data folder (--user-data-dir), so nothing here touches the
 * developer's own CV Steward data, and the single-instance lock of a running app does not
 * stop these launches. Skips, saying why, where the Electron binary does not exist.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronLaunchTarget } from './electron-binary';

const target = electronLaunchTarget();
const skipReason = target.executablePath === null ? target.reason : '';

async function launch(userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: target.executablePath ?? undefined,
    args: [...(target.executablePath === null ? [] : target.appArgs), `--user-data-dir=${userDataDir}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return { app, page };
}

interface MenuShape {
  label: string;
  role: string;
  id: string;
  items: Array<{ role: string; id: string; label: string }>;
}

function readMenu(app: ElectronApplication): Promise<MenuShape[]> {
  return app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((item) => ({
      label: item.label,
      role: String(item.role ?? '').toLowerCase(),
      id: item.id ?? '',
      items: (item.submenu?.items ?? []).map((sub) => ({ role: String(sub.role ?? '').toLowerCase(), id: sub.id ?? '', label: sub.label })),
    })),
  );
}

test.describe('CV Steward on the desktop', () => {
  test.skip(skipReason !== '', `skipped: ${skipReason}`);

  let dataDir: string;
  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cvs-electron-desktop-'));
  });
  test.afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('has an application menu with the usual roles, and no developer tools when packaged', async () => {
    const { app } = await launch(dataDir);
    try {
      const menu = await readMenu(app);
      const mac = process.platform === 'darwin';
      const titles = menu.map((item) => item.label.replace(/&/g, ''));
      expect(titles).toEqual([...(mac ? ['CV Steward'] : []), 'File', 'Edit', 'View', 'Window', 'Help']);
      const roles = (id: string) => menu.find((item) => item.id === id)?.items.map((sub) => sub.role).filter((role) => role !== '') ?? [];
      expect(roles('edit')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectall']);
      expect(roles('view')).toEqual(expect.arrayContaining(['resetzoom', 'zoomin', 'zoomout', 'togglefullscreen']));
      expect(roles('window')).toEqual(expect.arrayContaining(['minimize', 'close']));
      const packaged = await app.evaluate(({ app: electronApp }) => electronApp.isPackaged);
      if (packaged) expect(menu.flatMap((item) => item.items.map((sub) => sub.role))).not.toContain('toggledevtools');
      if (mac) expect(menu[0]?.items.map((sub) => sub.role)).toEqual(expect.arrayContaining(['about', 'services', 'hide', 'hideothers', 'unhide', 'quit']));
      const help = menu.find((item) => item.id === 'help');
      expect(help?.items.map((sub) => sub.id)).toEqual(expect.arrayContaining(['export-delete-data', 'show-logs']));
    } finally {
      await app.close();
    }
  });

  test('Settings… in the menu opens the Settings page; the menu follows the language chosen there', async () => {
    const { app, page } = await launch(dataDir);
    try {
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('settings')?.click());
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('export')?.click());
      await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('combobox', { name: 'Display language' }).selectOption('zh-TW');
      await expect.poll(async () => (await readMenu(app)).find((item) => item.id === 'file')?.items.find((sub) => sub.id === 'export')?.label).toBe('匯出…');
    } finally {
      await app.close();
    }
  });

  test('remembers the window’s size and position across a relaunch', async () => {
    const first = await launch(dataDir);
    const wanted = { x: 80, y: 90, width: 1010, height: 690 };
    await first.app.evaluate(({ BrowserWindow }, bounds) => BrowserWindow.getAllWindows()[0]?.setBounds(bounds), wanted);
    await first.app.close();
    const saved = JSON.parse(await readFile(join(dataDir, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ width: wanted.width, height: wanted.height, maximized: false });

    const second = await launch(dataDir);
    try {
      const bounds = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds());
      expect(bounds).toMatchObject({ width: wanted.width, height: wanted.height });
      // Window managers may nudge the position a little (title bars, panels), never far.
      expect(Math.abs((bounds?.x ?? 0) - (saved.x as number))).toBeLessThanOrEqual(64);
      expect(Math.abs((bounds?.y ?? 0) - (saved.y as number))).toBeLessThanOrEqual(64);
    } finally {
      await second.app.close();
    }
  });

  test('Settings survive a relaunch: the theme applies at once and the limits stay saved', async () => {
    const first = await launch(dataDir);
    try {
      await first.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await first.page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: /^Dark/ }).check();
      await expect(first.page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await first.page.getByRole('spinbutton', { name: 'API calls per second' }).fill('3');
      await first.page.getByRole('button', { name: 'Save limits' }).click();
      await expect(first.page.getByRole('status').filter({ hasText: 'Limits saved.' })).toBeVisible();
    } finally {
      await first.app.close();
    }
    // electron-store wrote them into the data folder, next to the accounts, and no key.
    const settings = await readFile(join(dataDir, 'settings.json'), 'utf8');
    expect(JSON.parse(settings)).toMatchObject({ theme: 'dark', rateLimit: 3 });

    const second = await launch(dataDir);
    try {
      await expect(second.page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await second.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await expect(second.page.getByRole('spinbutton', { name: 'API calls per second' })).toHaveValue('3');
    } finally {
      await second.app.close();
    }
  });

  test('show in folder refuses a folder or plan main never handed out, and opens nothing', async () => {
    const { app, page } = await launch(dataDir);
    try {
      await app.evaluate(({ shell }) => {
        const scope = globalThis as unknown as { __shown: string[] };
        scope.__shown = [];
        shell.showItemInFolder = (path: string) => void scope.__shown.push(path);
      });
      const answers = await page.evaluate(async () => {
        const steward = (window as unknown as { steward: { app: { showInFolder(r: unknown): Promise<unknown> } } }).steward;
        return [
          await steward.app.showInFolder({ target: { kind: 'bundle', folderId: '00000000-0000-4000-8000-000000000000' } }),
          await steward.app.showInFolder({ target: { kind: 'bundle', folderId: '/' } }),
          await steward.app.showInFolder({ target: { kind: 'receipt', planId: '00000000-0000-4000-8000-000000000000' } }),
        ];
      });
      expect(answers).toMatchObject([
        { ok: false, error: { code: 'NOT_FOUND' } },
        { ok: false, error: { code: 'NOT_FOUND' } },
        { ok: false, error: { code: 'PLAN_NOT_FOUND' } },
      ]);
      // The logs are main's own: Settings › Show log files reveals the current log file.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('region', { name: 'Log files' }).getByRole('button', { name: 'Show log files' }).click();
      await expect
        .poll(() => app.evaluate(() => (globalThis as unknown as { __shown: string[] }).__shown))
        .toEqual([expect.stringMatching(/logs[\\/]cv-steward\.log$/)]);
    } finally {
      await app.close();
    }
  });

  test('shows the export’s progress in the taskbar/dock, and removes it at the end', async () => {
    const bundle = await mkdtemp(join(tmpdir(), 'cvs-electron-bundle-'));
    const { app, page } = await launch(dataDir);
    try {
      await app.evaluate(({ BrowserWindow, dialog }, folder) => {
        const scope = globalThis as unknown as { __bars: Array<[number, string | undefined]> };
        scope.__bars = [];
        // The folder dialog answers by itself; the taskbar calls are recorded, then made.
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog;
        const window = BrowserWindow.getAllWindows()[0];
        if (!window) throw new Error('no window');
        const original = window.setProgressBar.bind(window);
        window.setProgressBar = (value, options) => {
          scope.__bars.push([value, options?.mode]);
          original(value, options);
        };
      }, bundle);
      await page.getByRole('button', { name: 'Try the demo account' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
      await page.getByRole('button', { name: 'Choose folder…' }).click();
      await page.getByRole('button', { name: 'Start export' }).click();
      await expect(page.getByRole('region', { name: 'Export of Demo account' })).toContainText(/Status:\s*Finished/, { timeout: 120_000 });
      const bars = await app.evaluate(() => (globalThis as unknown as { __bars: Array<[number, string | undefined]> }).__bars);
      expect(bars.some(([value]) => value >= 0)).toBe(true);
      expect(bars.at(-1)).toEqual([-1, 'none']);
    } finally {
      await app.close();
      await rm(bundle, { recursive: true, force: true });
    }
  });
});
