/**
 * Settings in the renderer store: theme, limits, default export folder and "forget
 * everything", against a fake main that validates like the real one and announces every
 * change with `preferences:changed`.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { i18n } from '../../../src-renderer/i18n';
import { applyTheme } from '../../../src-renderer/lib/theme';
import { createStewardStore, resetStewardStore } from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { limitProblem } from '../../../src-renderer/store/preferences-slice';
import { accountSummary, FakeMain, inventorySnapshot } from '../../support/renderer/fakes';
import { FAKE_DEFAULT_PREFERENCES } from '../../support/renderer/fake-preferences';

afterEach(async () => {
  await i18n.changeLanguage('en');
  resetStewardStore();
});

async function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  await store.getState().loadPreferences();
  return { main, store };
}

describe('loading the preferences', () => {
  it('shows what main saved, and every change main announces afterwards', async () => {
    const main = new FakeMain();
    main.preferences.saved = { ...FAKE_DEFAULT_PREFERENCES, theme: 'dark', rateLimit: 4, exportFolder: '/home/me/exports' };
    const store = createStewardStore(main.client);
    // Main's announcements reach the store through the events connection, as in the app.
    onTestFinished(connectStewardEvents(store, main.client));
    await store.getState().loadPreferences();
    expect(store.getState().preferences).toMatchObject({ theme: 'dark', rateLimit: 4, exportFolder: '/home/me/exports' });

    // Another window (or "forget everything") changed them.
    main.preferences.emitChanged({ ...FAKE_DEFAULT_PREFERENCES, language: 'zh-TW' });
    expect(store.getState().preferences).toEqual({ ...FAKE_DEFAULT_PREFERENCES, language: 'zh-TW' });
    expect(store.getState().languageChoice).toBe('zh-TW');
    await i18n.changeLanguage(i18n.language); // let the language switch settle
    expect(i18n.language).toBe('zh-TW');
  });

  it('listens only once, however often it loads or connects', async () => {
    const { main, store } = await setup();
    onTestFinished(connectStewardEvents(store, main.client));
    connectStewardEvents(store, main.client);
    await store.getState().loadPreferences();
    expect(main.preferences.changedListeners.size).toBe(1);
  });
});

describe('the theme', () => {
  it('is shown at once and remembered by main', async () => {
    const { main, store } = await setup();
    await store.getState().chooseTheme('dark');
    expect(store.getState().preferences.theme).toBe('dark');
    expect(main.preferences.saved.theme).toBe('dark');
    expect(main.requests).toContain('preferences.set theme=dark');
  });

  it('stays for this session when main cannot save it, and the user is told', async () => {
    const { main, store } = await setup();
    main.failWith('preferences.set', { code: 'INTERNAL', message: 'The settings file could not be written.' });
    await store.getState().chooseTheme('light');
    expect(store.getState().preferences.theme).toBe('light');
    expect(store.getState().errors.map((e) => e.message)).toEqual(['The settings file could not be written.']);
  });

  it('is written to <html> as data-theme, which the style sheet reads', () => {
    const attributes = new Map<string, string>();
    const html = { setAttribute: (name: string, value: string) => void attributes.set(name, value) };
    applyTheme('dark', html);
    expect(attributes.get('data-theme')).toBe('dark');
    applyTheme('system', html);
    expect(attributes.get('data-theme')).toBe('system');
  });
});

describe('the limits', () => {
  it.each([
    ['rateLimit', '1', null],
    ['rateLimit', '10', null],
    ['rateLimit', ' 7 ', null],
    ['rateLimit', '11', 'outOfRange'],
    ['rateLimit', '0', 'outOfRange'],
    ['rateLimit', '-3', 'outOfRange'],
    ['rateLimit', '2.5', 'notWhole'],
    ['rateLimit', '', 'notWhole'],
    ['rateLimit', 'ten', 'notWhole'],
    ['downloadConcurrency', '32', null],
    ['downloadConcurrency', '33', 'outOfRange'],
  ] as const)('%s "%s" → %s', (name, text, problem) => {
    expect(limitProblem(name, text)).toBe(problem);
  });

  it('valid limits are saved and shown', async () => {
    const { main, store } = await setup();
    expect(await store.getState().saveLimits({ rateLimit: 2, downloadConcurrency: 8 })).toBe(true);
    expect(main.preferences.saved).toMatchObject({ rateLimit: 2, downloadConcurrency: 8 });
    expect(store.getState().preferences).toMatchObject({ rateLimit: 2, downloadConcurrency: 8 });
    expect(store.getState().preferencesBusy).toBeNull();
  });

  it('limits main refuses are not shown as saved, and the refusal is shown', async () => {
    const { main, store } = await setup();
    expect(await store.getState().saveLimits({ rateLimit: 50, downloadConcurrency: 8 })).toBe(false);
    expect(main.preferences.saved.rateLimit).toBe(10);
    expect(store.getState().preferences.rateLimit).toBe(10);
    expect(store.getState().errors.map((e) => e.code)).toEqual(['BAD_REQUEST']);
  });
});

describe('the default export folder', () => {
  it('is chosen through main’s dialog; a cancelled dialog changes nothing; it can be cleared', async () => {
    const { main, store } = await setup();
    main.preferences.dialogAnswers.push(null, '/home/me/exports');
    await store.getState().chooseDefaultExportFolder();
    expect(store.getState().preferences.exportFolder).toBeNull();
    await store.getState().chooseDefaultExportFolder();
    expect(store.getState().preferences.exportFolder).toBe('/home/me/exports');
    await store.getState().clearDefaultExportFolder();
    expect(store.getState().preferences.exportFolder).toBeNull();
    expect(main.requests.filter((r) => r.startsWith('preferences.'))).toEqual([
      'preferences.get',
      'preferences.chooseExportFolder',
      'preferences.chooseExportFolder',
      'preferences.set exportFolder=null',
    ]);
  });

  it('gives the Export page a new folder inside it, which the export then uses', async () => {
    const { main, store } = await setup();
    main.preferences.dialogAnswers.push('/home/me/exports');
    await store.getState().chooseDefaultExportFolder();
    await store.getState().makeFolderInDefaultExportFolder();
    expect(store.getState().exportFolder).toEqual(main.preferences.madeFolders[0]);
    expect(store.getState().exportFolder?.displayPath).toMatch(/^\/home\/me\/exports\//);
    expect(store.getState().choosingFolder).toBe(false);
  });

  it('when the folder is gone, the Export page is told why and keeps what it had', async () => {
    const { main, store } = await setup();
    main.failWith('export.defaultFolder', { code: 'EXPORT_FOLDER_MISSING', message: 'The default export folder /media/usb no longer exists.' });
    await store.getState().makeFolderInDefaultExportFolder();
    expect(store.getState().exportFolder).toBeNull();
    expect(store.getState().errors.map((e) => e.message)).toEqual(['The default export folder /media/usb no longer exists.']);
  });
});

describe('forget everything', () => {
  it('shows what was removed, the empty account list and the default preferences', async () => {
    const { main, store } = await setup();
    main.accounts.all = [accountSummary()];
    main.accounts.activeAccountId = 'acc-1';
    await store.getState().loadAccounts();
    await store.getState().chooseLanguage('zh-TW');
    await store.getState().chooseTheme('dark');
    store.getState().applyInventorySnapshot({ ...inventorySnapshot(), accountId: 'acc-1' });
    main.preferences.forgetResult = { accountsForgotten: 1, filesRemoved: 12 };
    main.preferences.onForget = () => {
      main.accounts.all = [];
      main.accounts.activeAccountId = null;
      main.accounts.emitChanged();
    };

    expect(await store.getState().forgetEverything()).toBe(true);

    expect(store.getState().forgetResult).toEqual({ accountsForgotten: 1, filesRemoved: 12 });
    expect(store.getState().accounts).toEqual([]);
    // The forgotten account's counts are not shown any more.
    expect(store.getState().inventoryByAccount).toEqual({});
    expect(store.getState().preferences).toEqual(FAKE_DEFAULT_PREFERENCES);
    expect(store.getState().languageChoice).toBeNull();
    // Back to the OS language (English in Node, which has no navigator.languages here).
    expect(i18n.language).toBe('en');
  });

  it('a refusal (a job is running) is shown and nothing on the page changes', async () => {
    const { main, store } = await setup();
    await store.getState().chooseTheme('dark');
    main.failWith('app.forgetEverything', { code: 'JOB_RUNNING', message: 'Nothing was forgotten: “Export of Contoso” is still running or paused.' });
    expect(await store.getState().forgetEverything()).toBe(false);
    expect(store.getState().forgetResult).toBeNull();
    expect(store.getState().preferences.theme).toBe('dark');
    expect(store.getState().errors.map((e) => e.code)).toEqual(['JOB_RUNNING']);
    expect(store.getState().preferencesBusy).toBeNull();
  });
});
