/**
 * The window helper with a remembered size and position: the bounds are used, and the
 * locked-down preferences stay exactly as they are without them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from '../../support/electron/fakes';

vi.mock('electron', async () => ({ BrowserWindow: (await import('../../support/electron/fakes')).FakeBrowserWindow }));

const { createSecureWindow } = await import('../../../src-main/electron/secure-window');

function open(bounds?: { x?: number; y?: number; width: number; height: number }) {
  createSecureWindow({ preloadPath: '/app/preload.cjs', trustedWebContentsIds: new Set(), title: 'CV Steward', ...(bounds ? { bounds } : {}) });
  const window = FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('no window was created');
  return window.options;
}

describe('a window opened where it was left', () => {
  beforeEach(() => {
    FakeBrowserWindow.created = [];
  });

  it('takes the remembered position and size, keeping the minimum size', () => {
    expect(open({ x: 40, y: 60, width: 1400, height: 900 })).toMatchObject({ x: 40, y: 60, width: 1400, height: 900, minWidth: 760, minHeight: 520 });
  });

  it('lets the OS place it when only a size is known, and uses the default size without bounds', () => {
    const sized = open({ width: 1300, height: 850 });
    expect(sized).not.toHaveProperty('x');
    expect(sized).toMatchObject({ width: 1300, height: 850 });
    expect(open()).toMatchObject({ width: 1200, height: 800 });
  });

  it('keeps every security preference with bounds given', () => {
    expect(open({ x: 1, y: 2, width: 1000, height: 700 }).webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});
