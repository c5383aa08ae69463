/**
 * The import boundaries of eslint.config.mjs, proven with the repo's real lint config:
 * one planted import of each forbidden kind must fail with `no-restricted-imports`, and
 * the allowed shapes next to them must pass (so the refusals cannot pass vacuously, e.g.
 * because a file matched no config at all). The planted files exist only in memory
 * (ESLint's lintText with a file path), never on disk.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '..', '..', '..');
/** Loading typescript-eslint and the generated blocks takes a few seconds on a busy machine. */
const LINT_TIMEOUT_MS = 60_000;

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: REPO });
});

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO, filePath), warnIgnored: true });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages;
}

/** A module body that uses its import, so no other rule has anything to say. */
const importing = (specifier: string) => `import * as planted from '${specifier}';\n\nexport const used = planted;\n`;

interface Refusal {
  what: string;
  file: string;
  specifier: string;
  /** How the refusal's message starts: which kind of boundary caught it. */
  kind: string;
}

const REFUSALS: Refusal[] = [
  { what: 'an upward import (the client importing a domain)', file: 'src-main/customvision/planted.ts', specifier: '../export', kind: 'Upward import' },
  { what: 'a domain importing the application layer', file: 'src-main/cleanup/planted.ts', specifier: '../application/cleanup-plans', kind: 'Upward import' },
  { what: 'the same, written through the repo root', file: 'src-main/cleanup/planted.ts', specifier: '../../src-main/application', kind: 'Upward import' },
  { what: 'an upward import from a nested folder', file: 'src-main/export/viewer/assets/planted.ts', specifier: '../../../services', kind: 'Upward import' },
  { what: 'the application importing a front end', file: 'src-main/services.ts', specifier: './electron/main', kind: 'Upward import' },
  { what: 'a domain importing a domain the map does not list', file: 'src-main/inventory/planted.ts', specifier: '../cleanup', kind: 'Sideways import' },
  { what: 'a platform module importing its neighbour the other way round', file: 'src-main/secrets/planted.ts', specifier: '../settings', kind: 'Sideways import' },
  { what: 'one front end importing another', file: 'src-main/cli/planted.ts', specifier: '../electron/secure-window', kind: 'Sideways import' },
  { what: 'the client importing the emulator', file: 'src-main/customvision/planted.ts', specifier: '../emulator', kind: 'Private module' },
  { what: 'an accounts file other than the demo account importing the emulator', file: 'src-main/accounts/planted.ts', specifier: '../emulator', kind: 'Private module' },
  { what: 'the emulator importing the app', file: 'src-main/emulator/planted.ts', specifier: '../export', kind: 'Isolated module' },
  { what: 'the emulator importing shared/ from a nested folder', file: 'src-main/emulator/routes/planted.ts', specifier: '../../../shared/model/bundle', kind: 'Isolated module' },
  { what: 'the renderer importing keytar', file: 'src-renderer/components/planted.tsx', specifier: 'keytar', kind: 'Node-only package' },
  { what: 'shared/ importing electron-store', file: 'shared/model/planted.ts', specifier: 'electron-store', kind: 'Node-only package' },
  { what: 'the sandboxed preload importing a Node-only package’s subpath', file: 'src-main/preload/planted.ts', specifier: 'electron-log/node', kind: 'Node-only package' },
  { what: 'the renderer importing a Node built-in', file: 'src-renderer/store/planted.ts', specifier: 'node:fs', kind: 'Node built-in' },
  { what: 'shared/ importing a Node built-in without the node: prefix', file: 'shared/ipc/planted.ts', specifier: 'path', kind: 'Node built-in' },
  { what: 'the renderer importing main', file: 'src-renderer/lib/planted.ts', specifier: '../../src-main/errors/app-error', kind: 'The page and shared/ never import src-main/' },
  { what: 'shared/ importing main', file: 'shared/model/planted.ts', specifier: '../../src-main/errors/app-error', kind: 'The page and shared/ never import src-main/' },
  { what: 'a leaf importing a leaf it does not list', file: 'shared/model/planted.ts', specifier: '../ipc/contract', kind: 'Sideways import' },
  { what: 'main importing the renderer', file: 'src-main/desktop/planted.ts', specifier: '../../src-renderer/lib/api', kind: 'Nothing imports the renderer' },
  { what: 'main importing a test', file: 'src-main/jobs/planted.ts', specifier: '../../test/support/test-job', kind: 'The app never imports its tests' },
  { what: 'main importing a build script', file: 'src-main/logging/planted.ts', specifier: '../../scripts/build.mjs', kind: 'The app never imports its build and developer scripts' },
  { what: 'a domain importing electron', file: 'src-main/desktop/planted.ts', specifier: 'electron', kind: 'Only src-main/electron/ and src-main/preload/ may import electron' },
];

describe('the layer map refuses', () => {
  it.each(REFUSALS)(
    '$what ($file → $specifier)',
    async ({ file, specifier, kind }) => {
      const messages = await lint(file, importing(specifier));
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message.ruleId).toBe('no-restricted-imports');
      expect(messages.some((message) => message.message.includes(kind))).toBe(true);
      expect(messages.map((message) => message.message).join('\n')).toContain('docs/architecture.md');
    },
    LINT_TIMEOUT_MS,
  );
});

interface Allowed {
  what: string;
  file: string;
  specifiers: string[];
}

const ALLOWED: Allowed[] = [
  {
    what: 'a domain importing downwards (platform and leaves)',
    file: 'src-main/cleanup/planted.ts',
    specifiers: ['../customvision', '../jobs', '../errors/app-error', '../../shared/model/cleanup', 'node:path', 'zod'],
  },
  { what: 'a domain importing the neighbour the map lists', file: 'src-main/cleanup/planted.ts', specifiers: ['../export'] },
  { what: 'a nested file importing downwards', file: 'src-main/export/viewer/assets/planted.ts', specifiers: ['../../../i18n', '../../../../shared/model/preferences'] },
  { what: 'a front end importing the application and domains', file: 'src-main/electron/planted.ts', specifiers: ['../services', '../application/external-links', '../desktop/app-menu', 'electron'] },
  { what: 'the demo account starting the emulator (its listed exception)', file: 'src-main/accounts/demo-account.ts', specifiers: ['../emulator'] },
  { what: 'the emulator importing itself from a nested folder', file: 'src-main/emulator/routes/planted.ts', specifiers: ['../errors', '../state/types', 'jpeg-js', 'node:http'] },
  { what: 'the renderer importing shared/ and browser packages', file: 'src-renderer/components/planted.tsx', specifiers: ['../../shared/model/account', '../../shared/ipc/contract', 'react', 'zustand'] },
  { what: 'the harness importing main’s services', file: 'test/harness/planted.ts', specifiers: ['../../src-main/services', '../../shared/ipc/api', 'ws'] },
];

describe('the layer map allows', () => {
  it.each(ALLOWED)(
    '$what',
    async ({ file, specifiers }) => {
      const code = specifiers.map((specifier, index) => `import * as planted${index} from '${specifier}';`).join('\n');
      const messages = await lint(file, `${code}\n\nexport const used = [${specifiers.map((_, index) => `planted${index}`).join(', ')}];\n`);
      expect(messages).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});

/** Every .ts/.tsx file under `dir`, repo-relative with forward slashes. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(REPO, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('the layer map covers the code', () => {
  it(
    'gives every source file of main, shared/, the renderer and the harness its import boundaries (a new folder must be placed in the map)',
    async () => {
      const files = ['src-main', 'shared', 'src-renderer', 'test/harness'].flatMap(sourceFiles);
      expect(files.length).toBeGreaterThan(300);
      const uncovered: string[] = [];
      for (const file of files) {
        const config = (await eslint.calculateConfigForFile(join(REPO, file))) as { rules?: Record<string, unknown> } | undefined;
        const rule = config?.rules?.['no-restricted-imports'];
        const options = Array.isArray(rule) ? (rule[1] as { patterns?: unknown[] } | undefined) : undefined;
        if (!options?.patterns?.length) uncovered.push(file);
      }
      expect(uncovered).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});
