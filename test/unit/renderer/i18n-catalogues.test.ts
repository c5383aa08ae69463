/**
 * The two catalogues say the same things, and the interface says nothing outside them:
 * every key in both languages with the plural forms each language needs, no empty text,
 * the same placeholders on both sides, every key the code asks for present, and no
 * user-visible text hard-coded in the renderer (except the short list below, with reasons).
 */
import { describe, expect, it } from 'vitest';
import { byBaseKey, hardCodedStrings, keysUsed, loadCatalogue, placeholders, rendererSources, type Entry } from '../../support/renderer/i18n-scan';

const LANGUAGES = ['en', 'zh-TW'] as const;
const catalogues = Object.fromEntries(LANGUAGES.map((language) => [language, byBaseKey(loadCatalogue(language))])) as Record<
  (typeof LANGUAGES)[number],
  Map<string, Entry>
>;
const sources = rendererSources();

/** Text that may stay in the code, and why. Matched by file and exact text. */
const ALLOWED: ReadonlyArray<{ file: string; text: string; reason: string }> = [
  { file: 'app.tsx', text: 'CV Steward', reason: 'the brand name, the same in every language' },
  {
    file: 'main.tsx',
    text: 'CV Steward: #root is missing from index.html',
    reason: 'a developer error thrown before any interface exists (index.html itself is broken)',
  },
];

describe('the catalogues', () => {
  it('hold the same keys in English and Traditional Chinese', () => {
    const en = [...catalogues.en.keys()];
    const zh = [...catalogues['zh-TW'].keys()];
    expect(en.filter((key) => !catalogues['zh-TW'].has(key)), 'missing from zh-TW.json').toEqual([]);
    expect(zh.filter((key) => !catalogues.en.has(key)), 'missing from en.json').toEqual([]);
    expect(en.length).toBeGreaterThan(300);
  });

  it.each(LANGUAGES)('give %s exactly the plural forms its grammar uses', (language) => {
    const needed = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
    const problems: string[] = [];
    for (const [key, entry] of catalogues[language]) {
      const otherLanguage = catalogues[language === 'en' ? 'zh-TW' : 'en'].get(key);
      if (otherLanguage && (entry.forms === null) !== (otherLanguage.forms === null)) problems.push(`${key}: plural in one language only`);
      if (entry.forms && JSON.stringify([...entry.forms].sort()) !== JSON.stringify(needed)) {
        problems.push(`${key}: has ${[...entry.forms].sort().join(', ')}, needs ${needed.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES)('have no empty text in %s', (language) => {
    const empty = [...catalogues[language]].filter(([, entry]) => entry.values.some((value) => value.trim() === '')).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('keep the same {{variables}} and <tags> in both languages', () => {
    const differing: string[] = [];
    for (const [key, en] of catalogues.en) {
      const zh = catalogues['zh-TW'].get(key);
      if (!zh) continue;
      const enPlaceholders = [...new Set(en.values.flatMap(placeholders))].sort();
      const zhPlaceholders = [...new Set(zh.values.flatMap(placeholders))].sort();
      if (JSON.stringify(enPlaceholders) !== JSON.stringify(zhPlaceholders)) {
        differing.push(`${key}: en ${enPlaceholders.join(' ')} / zh-TW ${zhPlaceholders.join(' ')}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('read placeholders the way i18next and <Trans> do', () => {
    expect(placeholders('{{count, number}} files in <code>{{path}}</code>')).toEqual(['<code>', '{{count}}', '{{path}}']);
    // A placeholder URL's "<resource>" is text, not an element.
    expect(placeholders('https://<resource>.cognitiveservices.azure.com/')).toEqual([]);
  });
});

describe('the renderer', () => {
  it('asks only for keys both catalogues have', () => {
    const uses = keysUsed(sources);
    // The scan itself works: the app asks for hundreds of keys.
    expect(uses.length).toBeGreaterThan(250);
    const missing = uses
      .filter(({ key, prefixOnly }) =>
        LANGUAGES.some((language) => {
          const keys = [...catalogues[language].keys()];
          return prefixOnly ? key === '' || !keys.some((k) => k.startsWith(key)) : !catalogues[language].has(key);
        }),
      )
      .map(({ file, line, key, prefixOnly }) => `${file}:${line} ${prefixOnly ? `${key}…` : key}`);
    expect(missing).toEqual([]);
  });

  it('shows no text that is not in the catalogues', () => {
    const allowed = (file: string, text: string) => ALLOWED.some((entry) => entry.file === file && entry.text === text);
    const hardCoded = hardCodedStrings(sources)
      .filter(({ file, text }) => !allowed(file, text))
      .map(({ file, line, text, where }) => `${file}:${line} (${where}) ${JSON.stringify(text)}`);
    expect(hardCoded).toEqual([]);
  });

  it('keeps every allow-list entry in use, so the list cannot rot', () => {
    const found = hardCodedStrings(sources);
    const unused = ALLOWED.filter((entry) => !found.some(({ file, text }) => file === entry.file && text === entry.text));
    expect(unused).toEqual([]);
  });
});
