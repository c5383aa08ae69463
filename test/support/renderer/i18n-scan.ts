/**
 * What the catalogue test reads: the two catalogues flattened to "a.b.c" keys, and the
 * renderer's sources parsed with the TypeScript compiler (not regular expressions), so
 * the checks see JSX text, attributes and t() calls the way the compiler does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const RENDERER_DIR = path.resolve(__dirname, '../../../src-renderer');

export type Catalogue = Map<string, string>;

export function loadCatalogue(language: string): Catalogue {
  const raw: unknown = JSON.parse(readFileSync(path.join(RENDERER_DIR, 'i18n', `${language}.json`), 'utf8'));
  const flat: Catalogue = new Map();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') {
      flat.set(prefix, node);
      return;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new Error(`${language}.json: "${prefix}" is neither text nor a group`);
    for (const [key, value] of Object.entries(node)) walk(value, prefix === '' ? key : `${prefix}.${key}`);
  };
  walk(raw, '');
  return flat;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export interface Entry {
  /** The plural forms present ("one", "other"), or null for a key without plurals. */
  forms: Set<string> | null;
  values: string[];
}

/** Keys as the code uses them: plural forms (key_one, key_other) grouped under their base key. */
export function byBaseKey(catalogue: Catalogue): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const [key, value] of catalogue) {
    const form = PLURAL_SUFFIX.exec(key)?.[1];
    const base = form === undefined ? key : key.slice(0, -form.length - 1);
    const entry = entries.get(base) ?? { forms: form === undefined ? null : new Set<string>(), values: [] };
    if (form !== undefined) (entry.forms ??= new Set()).add(form);
    entry.values.push(value);
    entries.set(base, entry);
  }
  return entries;
}

/** The placeholders a translation must keep: {{variables}} and <tag>…</tag> / <tag/> elements. */
export function placeholders(value: string): string[] {
  const found = new Set<string>();
  for (const match of value.matchAll(/\{\{\s*([\w.]+)/g)) found.add(`{{${match[1]}}}`);
  // Only paired or self-closing tags are Trans elements; "<resource>" in a placeholder URL is text.
  for (const match of value.matchAll(/<(\w+)>[\s\S]*?<\/\1>/g)) found.add(`<${match[1]}>`);
  for (const match of value.matchAll(/<(\w+)\s*\/>/g)) found.add(`<${match[1]}>`);
  return [...found].sort();
}

export function rendererSources(): Array<{ file: string; source: ts.SourceFile }> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(RENDERER_DIR);
  return files.map((full) => {
    const kind = full.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    return { file: path.relative(RENDERER_DIR, full), source: ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true, kind) };
  });
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

/** `t(…)` and `i18n.t(…)`. */
function isTranslateCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  return (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
}

function insideTranslateCall(node: ts.Node): boolean {
  for (let current = node.parent; current !== undefined; current = current.parent) if (isTranslateCall(current)) return true;
  return false;
}

export interface KeyUse {
  file: string;
  line: number;
  /** A whole key, or the fixed start of a key built at run time (`jobs.state.${state}`). */
  key: string;
  prefixOnly: boolean;
}

/** Every key the sources ask for: t('…'), i18n.t('…'), t(`prefix.${x}`) and <Trans i18nKey="…">. */
export function keysUsed(sources: ReturnType<typeof rendererSources>): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const { file, source } of sources) {
    const add = (node: ts.Node, key: string, prefixOnly: boolean) =>
      uses.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, key, prefixOnly });
    visit(source, (node) => {
      let keyNode: ts.Node | undefined;
      if (isTranslateCall(node)) keyNode = node.arguments[0];
      if (ts.isJsxAttribute(node) && node.name.getText() === 'i18nKey') {
        keyNode = node.initializer && ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      }
      if (!keyNode) return;
      if (ts.isStringLiteral(keyNode) || ts.isNoSubstitutionTemplateLiteral(keyNode)) add(keyNode, keyNode.text, false);
      else if (ts.isTemplateExpression(keyNode)) add(keyNode, keyNode.head.text, true);
      else add(keyNode, keyNode.getText(), true);
    });
  }
  return uses;
}

export interface HardCoded {
  file: string;
  line: number;
  text: string;
  where: string;
}

/** Props whose text a user sees or hears. `name` only on our own components (on inputs it is a form field name). */
const INTRINSIC_PROPS = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const COMPONENT_PROPS = new Set([...INTRINSIC_PROPS, 'text', 'name']);

const hasLetter = (text: string) => /\p{L}/u.test(text);
/** Two words or more: a phrase, in any script (CJK text has no spaces, so one long run counts too). */
const isProse = (text: string) => /\p{L}{2,}[\s\u00a0]+\p{L}{2,}/u.test(text) || /[\u3400-\u9fff]{2,}/u.test(text);

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
  return null;
}

/** The literals an expression would render: itself, both branches of `?:`, the right side of `&&`, both sides of `||`/`??`. */
function renderedLiterals(node: ts.Expression): ts.Node[] {
  if (literalText(node) !== null) return [node];
  if (ts.isParenthesizedExpression(node)) return renderedLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...renderedLiterals(node.whenTrue), ...renderedLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
  }
  return [];
}

function inClassName(node: ts.Node): boolean {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isJsxAttribute(current)) return current.name.getText() === 'className';
  }
  return false;
}

function isConsoleArgument(node: ts.Node): boolean {
  const call = node.parent;
  return call !== undefined && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.expression.getText() === 'console';
}

/**
 * User-visible text written into the sources instead of the catalogues: JSX text, string
 * literals rendered as JSX children or given to a labelling prop, and phrases anywhere else
 * (in .ts helpers too) that are not class names, console messages or module names.
 */
export function hardCodedStrings(sources: ReturnType<typeof rendererSources>): HardCoded[] {
  const found: HardCoded[] = [];
  for (const { file, source } of sources) {
    const seen = new Set<ts.Node>();
    const report = (node: ts.Node, text: string, where: string) => {
      if (seen.has(node)) return;
      seen.add(node);
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim(), where });
    };
    visit(source, (node) => {
      if (ts.isJsxText(node) && hasLetter(node.text)) report(node, node.text, 'JSX text');
      if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
        for (const literal of renderedLiterals(node.expression)) {
          const text = literalText(literal) ?? '';
          if (hasLetter(text) && !insideTranslateCall(literal)) report(literal, text, 'JSX child');
        }
      }
      if (ts.isJsxAttribute(node)) {
        const element = node.parent.parent;
        const tag = ts.isJsxOpeningElement(element) || ts.isJsxSelfClosingElement(element) ? element.tagName.getText() : '';
        const props = /^[a-z]/.test(tag) ? INTRINSIC_PROPS : COMPONENT_PROPS;
        const prop = node.name.getText();
        const value = node.initializer;
        if (props.has(prop) && value) {
          const literals = ts.isJsxExpression(value) ? (value.expression ? renderedLiterals(value.expression) : []) : [value];
          for (const literal of literals) {
            const text = literalText(literal) ?? '';
            if (hasLetter(text) && !insideTranslateCall(literal)) report(literal, text, `${prop}="…"`);
          }
        }
      }
      const text = literalText(node);
      if (text === null || !isProse(text)) return;
      if (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isLiteralTypeNode(node.parent)) return;
      if (inClassName(node) || isConsoleArgument(node) || insideTranslateCall(node)) return;
      report(node, text, 'phrase in code');
    });
  }
  return found;
}
