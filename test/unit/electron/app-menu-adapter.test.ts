/**
 * The menu the OS shows: installed at start in the language the user will read, and
 * rebuilt in the new language as soon as it changes in Settings.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Preferences } from '../../../shared/model/preferences';
import { findMenuItem } from '../../../src-main/desktop/app-menu';
import { fakeApp, FakeMenu } from '../../support/electron/desktop-fakes';

vi.mock('electron', async () => {
  const fakes = await import('../../support/electron/desktop-fakes');
  return { app: fakes.fakeApp, Menu: fakes.FakeMenu };
});

const { installAppMenu } = await import('../../../src-main/electron/app-menu-adapter');

function preferences(language: Preferences['language']) {
  const listeners = new Set<(p: Preferences) => void>();
  let current: Preferences = { language, theme: 'system', exportFolder: null, rateLimit: 10, downloadConcurrency: 4 };
  return {
    get: () => current,
    onChanged: (listener: (p: Preferences) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    change(next: Preferences['language']) {
      current = { ...current, language: next };
      for (const listener of listeners) listener(current);
    },
  };
}

describe('the installed application menu', () => {
  beforeEach(() => {
    FakeMenu.installed = [];
    fakeApp.systemLanguages = ['zh-Hant-TW'];
  });

  it('follows the operating system’s language until one is chosen, then relabels at once', () => {
    const prefs = preferences(null);
    const stop = installAppMenu({ preferences: prefs, onAction: () => undefined });
    expect(findMenuItem(FakeMenu.installed.at(-1) ?? [], 'export')?.label).toBe('匯出…');
    prefs.change('en');
    expect(FakeMenu.installed).toHaveLength(2);
    expect(findMenuItem(FakeMenu.installed.at(-1) ?? [], 'export')?.label).toBe('Export…');
    stop();
    prefs.change('zh-TW');
    expect(FakeMenu.installed).toHaveLength(2);
  });

  it('passes its items’ clicks to the shell', () => {
    const actions: unknown[] = [];
    installAppMenu({ preferences: preferences('en'), onAction: (action) => actions.push(action) });
    findMenuItem(FakeMenu.installed.at(-1) ?? [], 'settings')?.click?.();
    expect(actions).toEqual([{ kind: 'navigate', page: 'settings' }]);
  });
});
