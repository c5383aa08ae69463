/**
 * The window as Electron sees it: placed from the saved state on today's displays,
 * maximized again if it was, and its normal bounds saved when it closes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveWindowState, windowStatePath } from '../../../src-main/desktop/window-state';
import type { BrowserWindow } from 'electron';
import { FakeDesktopWindow, fakeScreen } from '../../support/electron/desktop-fakes';

vi.mock('electron', async () => ({ screen: (await import('../../support/electron/desktop-fakes')).fakeScreen }));

const { restoredPlacement, rememberWindowState } = await import('../../../src-main/electron/window-state-adapter');

let dir: string;
const reports: string[] = [];
const report = (context: string, error: unknown) => void reports.push(`${context}: ${String(error)}`);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cvs-window-adapter-'));
  reports.length = 0;
  fakeScreen.displays = [
    { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 2, workArea: { x: -2560, y: 0, width: 2560, height: 1440 } },
  ];
  fakeScreen.primaryId = 1;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const asWindow = (fake: FakeDesktopWindow) => fake as unknown as BrowserWindow;

describe('the remembered window in Electron', () => {
  it('opens on the monitor it was left on, and on the primary one once that monitor is unplugged', async () => {
    const file = windowStatePath(dir);
    await saveWindowState(file, { x: -2000, y: 100, width: 1400, height: 900, maximized: false });
    expect((await restoredPlacement(file, report)).bounds).toEqual({ x: -2000, y: 100, width: 1400, height: 900 });
    fakeScreen.displays = fakeScreen.displays.filter((display) => display.id === 1);
    expect((await restoredPlacement(file, report)).bounds).toEqual({ x: 260, y: 90, width: 1400, height: 900 });
  });

  it('starts normally from a damaged file, and says so in the log', async () => {
    const file = windowStatePath(dir);
    await writeFile(file, '{ not json');
    expect((await restoredPlacement(file, report)).bounds).toEqual({ width: 1200, height: 800 });
    expect(reports.join('\n')).toContain('window state');
  });

  it('maximizes again once shown, and saves the normal bounds and maximized flag on close', async () => {
    const file = windowStatePath(dir);
    const window = new FakeDesktopWindow();
    rememberWindowState(asWindow(window), { bounds: { width: 1000, height: 700 }, maximized: true, fullscreen: false }, file, report);
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
    window.normalBounds = { x: 40, y: 50, width: 1111, height: 777 };
    window.emit('close');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ x: 40, y: 50, width: 1111, height: 777, maximized: true, fullscreen: false });
    window.emit('closed');
  });
});
