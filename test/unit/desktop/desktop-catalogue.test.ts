/**
 * Main's `desktop` catalogue (menu, notifications, dialogs): the same keys and
 * placeholders in English and Traditional Chinese, and the Chinese really Traditional.
 */
import { describe, expect, it } from 'vitest';
import { MAIN_CATALOGUES } from '../../../src-main/i18n';
import { desktopLanguage } from '../../../src-main/desktop/desktop-language';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const en = leaves(MAIN_CATALOGUES.en.desktop as Tree);
const zh = leaves(MAIN_CATALOGUES['zh-TW'].desktop as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the desktop catalogue', () => {
  it('has exactly the same keys in both languages (and no leftover placeholder key)', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.has('placeholder')).toBe(false);
    expect(en.size).toBeGreaterThan(40);
  });

  it('keeps every {{value}} in both languages', () => {
    for (const [key, text] of en) expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('is Traditional Chinese in zh-TW: Chinese in every entry, no Simplified forms', () => {
    for (const [key, text] of zh) {
      if (text.replace(/\{\{[^}]*\}\}/g, '') === 'CV Steward') continue;
      expect(text, key).toMatch(/\p{Script=Han}/u);
      expect(text, key).not.toMatch(/[设档显录视导删项为这据开关帮编辑]/u);
    }
  });
});

describe('the language of the menu and notifications', () => {
  it('is the one chosen in Settings, else the operating system’s', () => {
    expect(desktopLanguage('en', ['zh-TW'])).toBe('en');
    expect(desktopLanguage(null, ['zh-Hant-TW', 'en-US'])).toBe('zh-TW');
    expect(desktopLanguage(null, ['zh-CN'])).toBe('en');
    expect(desktopLanguage(null, [])).toBe('en');
  });
});
