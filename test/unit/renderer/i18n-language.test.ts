/**
 * The language the interface speaks: the OS's on first start, the user's choice from
 * Settings once made (applied at once, remembered by main), numbers and dates in that
 * language, and markup in translated sentences rendered as elements with values escaped.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Trans } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { MainNav } from '../../../src-renderer/components/main-nav';
import { currentLanguage, i18n } from '../../../src-renderer/i18n';
import { languageFromOs } from '../../../src-renderer/i18n/language';
import { formatBytes, formatCount, formatDateTime, formatDuration } from '../../../src-renderer/lib/format';
import { jobStateLabel } from '../../../src-renderer/lib/job-state';
import { createStewardStore, pageLabel, resetStewardStore } from '../../../src-renderer/store';
import { FakeMain } from '../../support/renderer/fakes';

afterEach(async () => {
  await i18n.changeLanguage('en');
  resetStewardStore();
});

function setup() {
  const main = new FakeMain();
  return { main, store: createStewardStore(main.client) };
}

describe('the language on first start', () => {
  it.each([
    [['zh-TW'], 'zh-TW'],
    [['zh-Hant'], 'zh-TW'],
    [['zh-HK'], 'zh-TW'],
    [['zh-Hant-HK', 'en-US'], 'zh-TW'],
    [['zh_TW'], 'zh-TW'],
    [['en-US', 'zh-TW'], 'en'],
    [['en-GB'], 'en'],
    [['zh-CN'], 'en'],
    [['zh'], 'en'],
    [['fr-FR', 'zh-TW'], 'zh-TW'],
    [['de-DE', 'ja-JP'], 'en'],
    [['not a tag'], 'en'],
    [[], 'en'],
  ])('follows the OS languages %j → %s', (tags, expected) => {
    expect(languageFromOs(tags)).toBe(expected);
  });
});

describe('choosing a language in Settings', () => {
  it('switches the interface at once and asks main to remember it', async () => {
    const { main, store } = setup();
    await store.getState().chooseLanguage('zh-TW');
    expect(currentLanguage()).toBe('zh-TW');
    expect(pageLabel('accounts')).toBe('帳戶');
    expect(jobStateLabel('running')).toBe('執行中');
    expect(main.savedLanguage).toBe('zh-TW');
    expect(store.getState().languageChoice).toBe('zh-TW');
  });

  it('goes back to following the OS when "same as the system" is chosen', async () => {
    const { main, store } = setup();
    await store.getState().chooseLanguage('zh-TW');
    await store.getState().chooseLanguage(null);
    // Unit tests have no browser: the OS language reads as English.
    expect(currentLanguage()).toBe('en');
    expect(pageLabel('accounts')).toBe('Accounts');
    expect(main.savedLanguage).toBeNull();
    expect(main.requests).toEqual(['preferences.set zh-TW', 'preferences.set null']);
  });

  it('keeps the chosen language for this session when main cannot save it, and says so', async () => {
    const { main, store } = setup();
    main.failWith('preferences.set', { code: 'INTERNAL', message: 'The settings file could not be written.' });
    await store.getState().chooseLanguage('zh-TW');
    expect(currentLanguage()).toBe('zh-TW');
    expect(store.getState().errors.map((error) => error.message)).toEqual(['The settings file could not be written.']);
  });
});

describe('the remembered language', () => {
  it('is shown when the app starts', async () => {
    const { main, store } = setup();
    main.savedLanguage = 'zh-TW';
    await store.getState().loadPreferences();
    expect(currentLanguage()).toBe('zh-TW');
    expect(store.getState().languageChoice).toBe('zh-TW');
  });

  it('does not undo a choice the user made while main was answering', async () => {
    const { main, store } = setup();
    main.savedLanguage = 'zh-TW';
    const loading = store.getState().loadPreferences();
    await store.getState().chooseLanguage('en');
    await loading;
    expect(currentLanguage()).toBe('en');
  });

  it("leaves the OS language when main cannot answer, and shows main's message", async () => {
    const { main, store } = setup();
    main.failWith('preferences.get', { code: 'INTERNAL', message: 'Main is not ready.' });
    await store.getState().loadPreferences();
    expect(currentLanguage()).toBe('en');
    expect(store.getState().errors.map((error) => error.code)).toEqual(['INTERNAL']);
  });
});

/** ICU versions differ in which space they put before "PM" (U+0020 or U+202F). */
const sameSpaces = (text: string) => text.replace(/\s/g, ' ');

describe('numbers, sizes, durations and dates', () => {
  it('read as before in English', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatDuration(4000)).toBe('1 h 7 min');
    expect(sameSpaces(formatDateTime(new Date(2025, 0, 2, 15, 4)))).toBe('Jan 2, 2025, 3:04 PM');
  });

  it('follow Traditional Chinese conventions in zh-TW', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(1)).toBe('1 位元組');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatDuration(45)).toBe('45 秒');
    expect(formatDuration(4000)).toBe('1 小時 7 分');
    expect(sameSpaces(formatDateTime(new Date(2025, 0, 2, 15, 4)))).toBe('2025年1月2日 下午3:04');
    expect(i18n.t('counts.images', { count: 1234 })).toBe('1,234 張影像');
  });
});

describe('rendering', () => {
  it('shows the navigation in the chosen language', async () => {
    expect(renderToStaticMarkup(createElement(MainNav))).toContain('>Accounts</a>');
    await i18n.changeLanguage('zh-TW');
    const html = renderToStaticMarkup(createElement(MainNav));
    expect(html).toContain('aria-label="主要"');
    for (const label of ['帳戶', '資料盤點', '匯出', '清理', '設定']) expect(html).toContain(`>${label}</a>`);
  });

  it('turns tags in a sentence into elements and escapes the values put into it', () => {
    const html = renderToStaticMarkup(
      createElement(Trans, {
        i18nKey: 'cleanup.review.scope',
        values: { scope: '<img src=x onerror=alert(1)>', account: 'Contoso & Co', host: 'contoso.example' },
        components: { strong: createElement('strong') },
      }),
    );
    expect(html).toBe(
      'Scope: <strong>&lt;img src=x onerror=alert(1)&gt;</strong> in the account <strong>Contoso &amp; Co</strong> (contoso.example).',
    );
  });
});
