// Lint rules, including the import boundaries between the app's parts (docs/architecture.md):
// the layer map below says which folder may import which, and scripts/layer-boundaries.mjs
// turns it into `no-restricted-imports` settings, so an import against the map fails
// `npm run lint` instead of waiting for a reviewer to notice. test/unit/lint/ plants one
// import of each forbidden kind and checks that lint refuses it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { boundaryBlocks } from './scripts/layer-boundaries.mjs';

/** Where the layering is explained; every boundary error points there. */
const ARCHITECTURE_DOC = 'docs/architecture.md';

/**
 * Layers, lowest first. A module may import its own folder, any unit of a lower layer, and
 * the units of its own layer it lists in `uses` (so a layer's own imports stay a known,
 * acyclic set). `only` replaces that rule with an exact list; `private` units are imported
 * by nobody but the files in EXCEPTIONS; `isolated` units import nothing outside themselves.
 */
export const LAYERS = ['leaf', 'platform', 'domain', 'application', 'front end'];

export const UNITS = {
  // Leaves: types, schemas and errors everyone shares. shared/ also runs in the page.
  'shared/model': { layer: 'leaf', browser: true },
  'shared/i18n': { layer: 'leaf', browser: true, uses: ['shared/model'] },
  'shared/ipc': { layer: 'leaf', browser: true, uses: ['shared/model'] },
  'src-main/errors': { layer: 'leaf' },

  // Platform: talks to the outside world (Azure, the keychain, files, logs) or runs work,
  // and knows nothing about what the app does with it.
  'src-main/customvision': { layer: 'platform' },
  'src-main/secrets': { layer: 'platform' },
  // An account record carries its key's fingerprint, computed by secrets/.
  // Its preferences-handlers.ts (the preferences:* channels) is typed with ipc/'s handler types.
  'src-main/settings': { layer: 'platform', uses: ['src-main/secrets', 'src-main/ipc'] },
  // Its jobs-handlers.ts (the jobs:* channels) is typed with ipc/'s handler types.
  'src-main/jobs': { layer: 'platform', uses: ['src-main/ipc'] },
  'src-main/fs': { layer: 'platform' },
  'src-main/logging': { layer: 'platform' },
  'src-main/locks': { layer: 'platform' },
  'src-main/ipc': { layer: 'platform' },
  'src-main/i18n': { layer: 'platform' },

  // Domains: what the app does. Each uses the platform; the arrows between them are listed.
  'src-main/inventory': { layer: 'domain' },
  'src-main/export': { layer: 'domain' },
  // The worker runs the export engine on its own thread.
  'src-main/export-worker': { layer: 'domain', uses: ['src-main/export'] },
  // A cleanup checks that a bundle covers what it deletes, reading the bundle with export/'s code.
  'src-main/cleanup': { layer: 'domain', uses: ['src-main/export'] },
  'src-main/accounts': { layer: 'domain' },
  // Saved cleanup plans are cleanup/'s plan files.
  'src-main/resume': { layer: 'domain', uses: ['src-main/cleanup'] },
  // What the desktop shell shows (menu, window placement, job attention), without Electron.
  'src-main/desktop': { layer: 'domain' },
  // The System check page's job: a feature built on jobs/, not something others build on.
  'src-main/diagnostics': { layer: 'domain' },

  // Application: use cases spanning domains, and the one place that builds the services.
  'src-main/application': { layer: 'application' },
  'src-main/services.ts': { layer: 'application', uses: ['src-main/application'] },

  // Front ends: each starts the services its own way. They do not import one another.
  'src-main/electron': { layer: 'front end', mayImportElectron: true },
  // Sandboxed: it may only require electron, and bundles the contract's API builder.
  'src-main/preload': { layer: 'front end', mayImportElectron: true, sandboxed: true, only: ['shared/ipc', 'shared/model'] },
  'src-main/cli': { layer: 'front end' },
  'test/harness': { layer: 'front end', mayImportOutside: ['src-main'] },
  // The page: it reaches main only through src-renderer/lib/api.ts and the contract.
  'src-renderer': { layer: 'front end', browser: true, only: ['shared/model', 'shared/i18n', 'shared/ipc'] },

  // The Custom Vision emulator (src-main/emulator/README.md): a stand-alone fake of the
  // service for tests, the demo and the harness; the app's own code never depends on it.
  // It sits outside the layers ('tool'): `private` and `isolated` say everything about it.
  'src-main/emulator': {
    layer: 'tool',
    private: 'It is a test and demo tool; only the files in EXCEPTIONS start it, and the client (src-main/customvision) must never know it',
    isolated: 'It is shipped as its own program (dist/emulator/cv-emulator.cjs) and must not pull in the app',
  },
};

/** Single files allowed one import the map would refuse, each with its reason. */
export const EXCEPTIONS = [
  // `npm run demo` connects the app to a demo account served by the emulator in-process,
  // so the app can be tried without an Azure subscription.
  { file: 'src-main/accounts/demo-account.ts', mayImport: 'src-main/emulator' },
  // The browser harness serves the app against the emulator (its only back end).
  { file: 'test/harness/harness-server.ts', mayImport: 'src-main/emulator' },
];

/** npm packages that need Node (native code, the file system, sockets): never in the page or the sandboxed preload. */
export const NODE_ONLY_PACKAGES = ['keytar', 'conf', 'electron-store', 'electron-log', 'ws', 'yazl', 'yauzl', 'jpeg-js', '@azure/cognitiveservices-customvision-training'];

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export const LAYER_MAP = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  layers: LAYERS,
  units: UNITS,
  exceptions: EXCEPTIONS,
  docs: ARCHITECTURE_DOC,
  nodeOnlyPackages: NODE_ONLY_PACKAGES,
  nodeBuiltins,
  electronMessage: `Only src-main/electron/ and src-main/preload/ may import electron (see ${ARCHITECTURE_DOC}).`,
  outside: [
    { folder: 'src-main', message: `The page and shared/ never import src-main/: the page reaches main only through src-renderer/lib/api.ts (see ${ARCHITECTURE_DOC}).` },
    { folder: 'src-renderer', message: `Nothing imports the renderer: it is a separate program in the page (see ${ARCHITECTURE_DOC}).` },
    { folder: 'test', message: `The app never imports its tests (see ${ARCHITECTURE_DOC}).` },
    { folder: 'bench', message: `The app never imports its benchmarks (see ${ARCHITECTURE_DOC}).` },
    { folder: 'scripts', message: `The app never imports its build and developer scripts (see ${ARCHITECTURE_DOC}).` },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-harness/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  ...boundaryBlocks(LAYER_MAP),
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', { name: 'require', message: 'The renderer has no require.' }, { name: 'process', message: 'The renderer has no process.' }],
    },
  },
  {
    files: ['test/harness/bridge-client.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
