/**
 * Main's errors in the user's language: every code main can throw has a sentence in both
 * catalogues (found by reading main's sources, so a new `new AppError('CODE', …)` without
 * a translation fails here), and the page shows that sentence in the active language with
 * main's original (English) words underneath, so nothing specific is lost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_ERROR_CODES } from '../../../shared/ipc/errors';
import { AppErrorMessage } from '../../../src-renderer/components/error-surface';
import { i18n } from '../../../src-renderer/i18n';
import { ApiError } from '../../../src-renderer/lib/api';
import { appErrorText, describeAppError, toAppError } from '../../../src-renderer/lib/app-error';
import { createStewardStore, resetStewardStore } from '../../../src-renderer/store';
import { loadCatalogue } from '../../support/renderer/i18n-scan';
import { FakeMain } from '../../support/renderer/fakes';

const MAIN_DIR = path.resolve(__dirname, '../../../src-main');

afterEach(async () => {
  await i18n.changeLanguage('en');
  resetStewardStore();
});


function mainSources(dir = MAIN_DIR): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mainSources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [{ file: path.relative(MAIN_DIR, full), text: readFileSync(full, 'utf8') }] : [];
  });
}

const CODE = /^[A-Z][A-Z0-9_]+$/;

/**
 * Every code main can hand the page, read from its sources:
 * - `new AppError('CODE', …)`, over line breaks, and any quoted code in a computed first
 *   argument (`code === 'INTERNAL' ? 'CONNECT_FAILED' : code`);
 * - `new AppError(NAME, …)` with `export const NAME = 'CODE'` somewhere in main;
 * - subclasses' `super('CODE', …)` and their code unions (`type …ErrorCode = 'A' | 'B'`);
 * - `{ code: 'CODE', … }` envelopes the IPC layer and the client build by hand;
 * - the IPC layer's own codes (shared/ipc/errors.ts).
 */
function codesMainCanThrow(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (code: string, where: string) => {
    if (CODE.test(code) && !found.has(code)) found.set(code, where);
  };
  const sources = mainSources();
  const constants = new Map<string, string>();
  for (const { text } of sources) {
    for (const match of text.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*'([A-Z][A-Z0-9_]+)'/g)) constants.set(match[1] ?? '', match[2] ?? '');
  }
  for (const { file, text } of sources) {
    // The first argument: everything up to the first comma after `new AppError(`.
    for (const match of text.matchAll(/new AppError\(\s*([^,)]*)[,)]/g)) {
      const argument = match[1] ?? '';
      for (const quoted of argument.matchAll(/['"`]([A-Z][A-Z0-9_]+)['"`]/g)) add(quoted[1] ?? '', file);
      const named = /^([A-Z][A-Z0-9_]*)$/.exec(argument.trim());
      if (named?.[1]) {
        const value = constants.get(named[1]);
        if (value === undefined) throw new Error(`${file}: new AppError(${named[1]}, …) uses a constant this scan cannot resolve; give it a literal value`);
        add(value, file);
      }
    }
    if (/extends AppError\b/.test(text)) {
      for (const match of text.matchAll(/super\(\s*'([A-Z][A-Z0-9_]+)'/g)) add(match[1] ?? '', file);
    }
    for (const match of text.matchAll(/type \w*ErrorCode\s*=([^;]+);/g)) {
      for (const member of (match[1] ?? '').matchAll(/'([A-Z][A-Z0-9_]+)'/g)) add(member[1] ?? '', file);
    }
    for (const match of text.matchAll(/\bcode:\s*'([A-Z][A-Z0-9_]+)'/g)) add(match[1] ?? '', file);
  }
  for (const code of IPC_ERROR_CODES) add(code, 'shared/ipc/errors.ts');
  return found;
}

const thrown = codesMainCanThrow();
const catalogues = { en: loadCatalogue('en'), 'zh-TW': loadCatalogue('zh-TW') };
const WRONG_KEY_FROM_MAIN =
  'The service refused this training key. Copy Key 1 or Key 2 from the Azure portal → your Custom Vision training resource → Keys and Endpoint (a prediction key does not work here), and check that the endpoint belongs to the same resource.';

describe('the errorCodes catalogue group', () => {
  it('finds the codes main throws (the scan itself works)', () => {
    // Literal, multi-line, computed, constant and subclass codes are all seen.
    for (const code of ['WRONG_KEY', 'ACCOUNT_MISMATCH', 'CONNECT_FAILED', 'KEYCHAIN_UNAVAILABLE', 'LINK_REFUSED', 'USAGE', 'SERVICE_ERROR', 'INTERNAL']) {
      expect(thrown.has(code), code).toBe(true);
    }
    expect(thrown.size).toBeGreaterThan(50);
  });

  it.each(['en', 'zh-TW'] as const)('has a sentence in %s for every code main can throw', (language) => {
    const missing = [...thrown].filter(([code]) => !catalogues[language].has(`errorCodes.${code}`)).map(([code, file]) => `${code} (thrown in src-main/${file})`);
    expect(missing, `add these to the errorCodes group of src-renderer/i18n/${language}.json`).toEqual([]);
  });

  it('has no sentences for codes main no longer throws', () => {
    const stale = [...catalogues.en.keys()].filter((key) => key.startsWith('errorCodes.') && !thrown.has(key.slice('errorCodes.'.length)));
    expect(stale).toEqual([]);
  });

  it('says every code in Traditional Chinese, not in English', () => {
    const notChinese = [...catalogues['zh-TW']]
      .filter(([key, text]) => key.startsWith('errorCodes.') && (!/[\u4e00-\u9fff]/.test(text) || text === catalogues.en.get(key)))
      .map(([key]) => key);
    expect(notChinese).toEqual([]);
  });
});

describe('an error from main on the page', () => {
  it('shows the code’s sentence in the active language, with main’s words as details', async () => {
    const fromMain = { code: 'DISK_FULL', message: 'The disk holding /home/ana/exports is full. Free some space, then export again into the same folder: finished files are kept.' };
    expect(describeAppError(fromMain)).toEqual({ headline: 'The disk is full. Free some space, then try again: finished files are kept.', details: fromMain.message });

    await i18n.changeLanguage('zh-TW');
    const html = renderToStaticMarkup(createElement(AppErrorMessage, { error: fromMain }));
    expect(html).toContain('磁碟已滿。');
    // The folder is only in main's message: it is still on the page.
    expect(html).toContain('詳細資訊：The disk holding /home/ana/exports is full.');
    expect(appErrorText(fromMain)).toMatch(/^磁碟已滿。.* 詳細資訊：The disk holding \/home\/ana\/exports/);
  });

  it('does not repeat main’s words when they are the sentence itself', () => {
    expect(describeAppError({ code: 'WRONG_KEY', message: WRONG_KEY_FROM_MAIN })).toEqual({ headline: WRONG_KEY_FROM_MAIN, details: null });
  });

  it('shows an unknown code’s message as main wrote it', async () => {
    await i18n.changeLanguage('zh-TW');
    const newer = { code: 'SOMETHING_NEW', message: 'A newer main says this.' };
    expect(describeAppError(newer)).toEqual({ headline: 'A newer main says this.', details: null });
  });

  it('keeps the renderer’s own translated messages as they are, even under a known code', async () => {
    await i18n.changeLanguage('zh-TW');
    const own = { code: 'INVALID_STATE', message: i18n.t('cleanup.runningAlready'), translated: true };
    expect(describeAppError(own)).toEqual({ headline: own.message, details: null });
    // The renderer's fallback for an error without words is marked as its own.
    expect(toAppError(new Error(''))).toEqual({ code: 'RENDERER_ERROR', message: i18n.t('errors.fallback'), translated: true });
    expect(toAppError(new ApiError({ code: 'INTERNAL', message: '' }))).toEqual({ code: 'INTERNAL', message: '' });
    expect(describeAppError({ code: 'INTERNAL', message: '' }).headline).toMatch(/^CV Steward 內部發生錯誤/);
  });

  it('re-translates a shown error when the language is switched', async () => {
    const store = createStewardStore(new FakeMain().client);
    store.getState().pushError({ code: 'THROTTLED', message: 'GetTaggedImages failed: too many requests (HTTP 429, request id abc-123).' });
    const [shown] = store.getState().errors;
    if (!shown) throw new Error('expected the error to be listed');
    const render = () => renderToStaticMarkup(createElement(AppErrorMessage, { error: shown }));
    expect(render()).toContain('The service is limiting requests from this resource right now.');
    await i18n.changeLanguage('zh-TW');
    expect(render()).toContain('服務目前正在限制此資源的要求數量。');
    expect(render()).toContain('request id abc-123');
  });

  it('shows a wrong-key connect in Traditional Chinese, with main’s English words as details', async () => {
    const main = new FakeMain();
    const store = createStewardStore(main.client);
    main.failWith('accounts.connect', { code: 'WRONG_KEY', message: WRONG_KEY_FROM_MAIN });
    await i18n.changeLanguage('zh-TW');

    const ok = await store.getState().connectAccount({ endpoint: 'https://contoso.cognitiveservices.azure.com/', key: 'f3c9a7e1b2d84c6fa0e5d7b913c2a8e4', displayName: '' });
    expect(ok).toBe(false);
    const problem = store.getState().connectError;
    if (!problem) throw new Error('expected the connect form to show an error');
    // What the form's alert shows (test/e2e/language.spec.ts checks the real form in the browser).
    const html = renderToStaticMarkup(createElement(AppErrorMessage, { error: problem }));
    expect(html).toContain('服務拒絕了這個訓練金鑰。');
    expect(html).toContain(`詳細資訊：${WRONG_KEY_FROM_MAIN}`);
  });
});
