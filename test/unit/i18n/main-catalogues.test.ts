/**
 * Main's own catalogues (src-main/i18n/locales/<language>/<namespace>.json): the menu,
 * notifications and dialogs (`desktop`), the offline viewer (`viewer`) and the cleanup
 * receipt (`receipt`). A key missing in Chinese would show English in the middle of a
 * Chinese page; a dropped placeholder would lose a number or a name; an untranslated
 * sentence would leave a Chinese reader with English.
 */
import { describe, expect, it } from 'vitest';
import { MAIN_CATALOGUES, mainTranslator, type MainNamespace } from '../../../src-main/i18n';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const NAMESPACES = Object.keys(MAIN_CATALOGUES.en) as MainNamespace[];

/** Every string leaf as [dotted key, text]. */
function leaves(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [[prefix, `<not a string: ${String(value)}>`]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix === '' ? key : `${prefix}.${key}`));
}

/** Plural forms are one key for comparison: a language has the forms its plural rules need. */
function byBaseKey(value: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, text] of leaves(value)) {
    const base = key.replace(PLURAL, '');
    out.set(base, [...(out.get(base) ?? []), text]);
  }
  return out;
}

const placeholders = (texts: string[]): string[] => [...new Set(texts.flatMap((text) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '')))].sort();

/** Text a reader reads as a sentence or a label: it has an English word once names and placeholders are taken out. */
function isProse(english: string): boolean {
  const words = english.replace(/\{\{[^}]*\}\}/g, ' ').replace(/CV Steward|Custom Vision|customvision\.ai|Azure|manifest\.json/g, ' ');
  return /\b[a-z]{3,}\b/.test(words);
}

const CJK = /[\u3400-\u9fff]/;

describe.each(NAMESPACES)('main catalogue "%s"', (namespace) => {
  const en = byBaseKey(MAIN_CATALOGUES.en[namespace]);
  const zh = byBaseKey(MAIN_CATALOGUES['zh-TW'][namespace]);

  it('has the same keys in English and Traditional Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('has no empty text, and every plural group has its "other" form', () => {
    for (const catalogue of [MAIN_CATALOGUES.en[namespace], MAIN_CATALOGUES['zh-TW'][namespace]]) {
      const all = leaves(catalogue);
      for (const [key, text] of all) expect(text.trim(), key).not.toBe('');
      const plural = all.filter(([key]) => PLURAL.test(key)).map(([key]) => key.replace(PLURAL, ''));
      for (const base of plural) expect(all.some(([key]) => key === `${base}_other`), `${base}_other`).toBe(true);
    }
  });

  it('keeps every {{placeholder}} of the English text', () => {
    for (const [key, texts] of en) expect(placeholders(zh.get(key) ?? []), key).toEqual(placeholders(texts));
  });

  it('is actually translated: every sentence or label in Chinese has Chinese characters', () => {
    const prose = [...en].filter(([, texts]) => texts.some(isProse));
    expect(prose.length).toBeGreaterThan(0);
    const untranslated = prose.filter(([key]) => !(zh.get(key) ?? []).every((text) => CJK.test(text))).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe('the main translator', () => {
  it('fills placeholders and picks plural forms in each language', () => {
    expect(mainTranslator('en', 'viewer')('app.gallery.showing', { from: '1', to: '100', total: '1,200' })).toBe('Showing 1–100 of 1,200 images.');
    expect(mainTranslator('zh-TW', 'viewer')('app.gallery.showing', { from: '1', to: '100', total: '1,200' })).toBe('顯示第 1–100 張，共 1,200 張影像。');
    expect(mainTranslator('en', 'receipt')('banner.complete', { count: 1, items: '1' })).toContain('the plan’s 1 item was proven gone');
    expect(mainTranslator('en', 'receipt')('banner.complete', { count: 3, items: '3' })).toContain('all 3 items of the plan were proven gone');
    expect(mainTranslator('zh-TW', 'receipt')('banner.complete', { count: 3, items: '3' })).toBe('已完成：重新讀取帳戶後，已證實計畫中全部 3 個項目都已刪除；所依據的檢查列於下方。');
  });
});
