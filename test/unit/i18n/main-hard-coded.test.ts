/**
 * Main says nothing to people outside its catalogues either: the offline viewer's script
 * (src-main/export/viewer/assets) and the receipt page (src-main/cleanup/receipt-html.ts)
 * show no English text of their own — every word a reader sees comes from the viewer's or
 * the receipt's catalogue, or is the reader's data — and every job main starts carries
 * its title as a catalogue code (titleText), so the interface can say it in its language.
 * The few strings that may stay are listed below, with reasons.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { APP_JS } from '../../../src-main/export/viewer/assets';

const MAIN_DIR = path.resolve(__dirname, '../../../src-main');

/** Two or more words of letters: a label or a sentence, not an identifier or a class name. */
const PROSE = /[A-Za-z]{2,}[,.:;!?]?\s+[A-Za-z]{2,}/;

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

/** Text in a string literal or in the fixed parts of a template, with where it is. */
function literalTexts(source: ts.SourceFile): Array<{ line: number; text: string; node: ts.Node }> {
  const found: Array<{ line: number; text: string; node: ts.Node }> = [];
  const add = (node: ts.Node, text: string) => found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text, node });
  visit(source, (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      add(node.head, node.head.text);
      for (const span of node.templateSpans) add(span.literal, span.literal.text);
    }
  });
  return found;
}

/** The text between HTML tags in a template ("<td>Done</td>" → "Done"), which is what a reader sees. */
function htmlTextNodes(text: string): string[] {
  return [...text.matchAll(/>([^<>]+)</g)].map((match) => match[1]?.trim() ?? '').filter((part) => part !== '');
}

describe('the offline viewer’s script', () => {
  /** Strings the script may hold, and why. */
  const ALLOWED: ReadonlyArray<{ text: string; reason: string }> = [
    { text: 'use strict', reason: 'a JavaScript directive' },
    { text: 'badge badge-negative', reason: 'two CSS class names' },
    { text: 'muted tags-counts-differ', reason: 'two CSS class names' },
    { text: 'status status-', reason: 'CSS class names (the status is appended)' },
    { text: 'frame frame-', reason: 'CSS class names (the size is appended)' },
    { text: 'px, calc(70vh * ', reason: 'part of a CSS length' },
  ];
  const source = ts.createSourceFile('app.js', APP_JS, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);

  it('shows no English of its own: every label goes through its catalogue', () => {
    const prose = literalTexts(source)
      .filter(({ text }) => PROSE.test(text) && !ALLOWED.some((entry) => entry.text === text))
      .map(({ line, text }) => `app.js:${line} ${JSON.stringify(text)}`);
    expect(prose).toEqual([]);
  });

  it('keeps every allow-list entry in use', () => {
    const texts = literalTexts(source).map(({ text }) => text);
    expect(ALLOWED.filter((entry) => !texts.includes(entry.text))).toEqual([]);
  });
});

describe('the receipt page', () => {
  const file = path.join(MAIN_DIR, 'cleanup', 'receipt-html.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

  it('writes no English between its tags: every heading, cell and note comes from the receipt catalogue', () => {
    const visible = literalTexts(source)
      .flatMap(({ line, text }) => htmlTextNodes(text).map((part) => ({ line, part })))
      .filter(({ part }) => /[A-Za-z]{2,}/.test(part))
      .map(({ line, part }) => `receipt-html.ts:${line} ${JSON.stringify(part)}`);
    expect(visible).toEqual([]);
  });
});

describe('the jobs main starts', () => {
  /** Every place under src-main that starts a job (`….start({ kind, title, categories, run })`). */
  function jobStarts(): Array<{ file: string; line: number; hasTitleText: boolean }> {
    const starts: Array<{ file: string; line: number; hasTitleText: boolean }> = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) {
          const source = ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
          visit(source, (node) => {
            if (!ts.isObjectLiteralExpression(node)) return;
            const names = node.properties.map((property) => (property.name && ts.isIdentifier(property.name) ? property.name.text : ''));
            // Job start options: the work (`run`) with its kind, title and categories.
            if (!['kind', 'title', 'categories', 'run'].every((name) => names.includes(name))) return;
            starts.push({ file: path.relative(MAIN_DIR, full), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, hasTitleText: names.includes('titleText') });
          });
        }
      }
    };
    walk(MAIN_DIR);
    return starts;
  }

  /** The CLI prints no job titles (its progress lines name categories only). */
  const CLI_ONLY = /^cli\//;

  it('give each job its title as a catalogue code, for the interface’s language', () => {
    const starts = jobStarts();
    // The scan works: the app starts jobs in several places.
    expect(starts.filter(({ file }) => !CLI_ONLY.test(file)).length).toBeGreaterThanOrEqual(6);
    const untitled = starts.filter(({ file, hasTitleText }) => !hasTitleText && !CLI_ONLY.test(file)).map(({ file, line }) => `${file}:${line}`);
    expect(untitled).toEqual([]);
  });
});
