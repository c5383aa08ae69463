// Turns the layer map in eslint.config.mjs into core `no-restricted-imports` settings, so
// an import that goes the wrong way fails `npm run lint` (no plugin needed).
//
// Why per-depth blocks: the rule matches the import specifier as written, and the same
// specifier names different modules from different depths ('../errors' is src-main/errors
// from src-main/emulator/x.ts but src-main/emulator/errors.ts from
// src-main/emulator/routes/x.ts). So each unit gets one block per folder depth, whose
// patterns are the exact relative paths from that depth to each forbidden unit.
//
// Why one complete option set per block: when several config blocks set the same rule for
// a file, ESLint keeps only the last one's options. Every block therefore carries all of a
// file's import restrictions (electron, renderer, Node-only packages, layering), not only
// the layering ones.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Deepest folder level (below a unit's own folder) that gets a block; the lint test checks no source file is deeper. */
export const MAX_FOLDER_DEPTH = 6;

const SOURCE_EXTENSIONS = '{ts,tsx,mts,cts}';

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 'src-main/services.ts' names a module as '../services'; folders are named as they are. */
const moduleName = (unitPath) => unitPath.replace(/\.[cm]?tsx?$/, '');

/**
 * The specifiers, written from `fromDir`, that reach `target` (a folder or module path
 * relative to the repo root): the shortest relative path, and the one through the repo root.
 */
function specifiersFor(fromDir, target) {
  const shortest = path.posix.relative(fromDir, target);
  const viaRoot = '../'.repeat(fromDir.split('/').length) + target;
  return [...new Set([shortest.startsWith('../') ? shortest : `./${shortest}`, viaRoot])];
}

/** A pattern matching `specifier` itself, a file or folder inside it, or it with an extension. */
function specifierRegex(specifier) {
  return `^${escapeRegex(specifier)}(?:[./].*)?$`;
}

function unitLabel(unitPath, units) {
  const unit = units[unitPath];
  return unit ? `${unitPath} (${unit.layer})` : unitPath;
}

/**
 * Whether `from` may import `to`, both unit paths of the map: its own layer's listed
 * neighbours (`uses`), any unit of a lower layer, unless `from` lists exactly what it may
 * use (`only`) or `to` is private (importable only through an exception).
 */
export function mayImport(from, to, { layers, units }) {
  if (from === to) return true;
  const source = units[from];
  const target = units[to];
  if (target.private) return false;
  if (source.only) return source.only.includes(to);
  if (source.uses?.includes(to)) return true;
  return layers.indexOf(target.layer) < layers.indexOf(source.layer);
}

/** Why an import from `from` to `to` is refused, in the words the lint error shows. */
function refusal(from, to, map) {
  const { layers, units, docs } = map;
  const source = units[from];
  const target = units[to];
  if (target.private) return `Private module: ${unitLabel(to, units)} may not be imported from ${from}. ${target.private} (see ${docs}).`;
  if (source.only) return `Not allowed: ${unitLabel(from, units)} imports only ${source.only.join(', ') || 'its own folder'} (see ${docs}).`;
  const direction = layers.indexOf(target.layer) > layers.indexOf(source.layer) ? 'Upward import' : 'Sideways import';
  return `${direction}: ${unitLabel(from, units)} may not import ${unitLabel(to, units)}. A module imports its own layer's listed neighbours and the layers below it: ${layers.join(' → ')} (see ${docs}).`;
}

/**
 * The full `no-restricted-imports` option for a file of `unitPath` whose folder is `fromDir`.
 * `extraAllowed`: unit paths this one file may import anyway (the exceptions table).
 */
export function restrictionsFor(unitPath, fromDir, map, extraAllowed = []) {
  const { units, docs } = map;
  const unit = units[unitPath];
  const patterns = [];
  const forbid = (target, message) => {
    for (const specifier of specifiersFor(fromDir, target)) patterns.push({ regex: specifierRegex(specifier), caseSensitive: true, message });
  };
  // Whole folders this unit may not reach (the renderer from main, main from the tests…):
  // one pattern each, and the units inside them need no patterns of their own.
  const closedFolders = map.outside.filter(
    ({ folder }) => unitPath !== folder && !unitPath.startsWith(`${folder}/`) && !(unit.mayImportOutside ?? []).includes(folder),
  );
  for (const { folder, message } of closedFolders) forbid(folder, message);
  const insideClosedFolder = (target) => closedFolders.some(({ folder }) => target.startsWith(`${folder}/`));
  if (unit.isolated) {
    // Anything that climbs out of the unit's own folder, whatever it names.
    const depthInUnit = path.posix.relative(unitPath, fromDir).split('/').filter(Boolean).length;
    patterns.push({ regex: `^(?:\\.\\./){${depthInUnit + 1}}`, caseSensitive: true, message: `Isolated module: ${unitPath} imports only itself, npm packages and Node built-ins. ${unit.isolated} (see ${docs}).` });
  } else {
    for (const target of Object.keys(units)) {
      if (extraAllowed.includes(target) || insideClosedFolder(target) || mayImport(unitPath, target, map)) continue;
      forbid(moduleName(target), refusal(unitPath, target, map));
    }
  }
  const paths = [];
  if (!unit.mayImportElectron) paths.push({ name: 'electron', message: map.electronMessage });
  if (unit.browser || unit.sandboxed) {
    for (const name of map.nodeOnlyPackages) {
      patterns.push({ regex: `^${escapeRegex(name)}(?:/.*)?$`, caseSensitive: true, message: `Node-only package: ${name} needs Node, and ${unitPath} runs in ${unit.browser ? 'the page' : 'the sandboxed preload'} (see ${docs}).` });
    }
  }
  if (unit.browser) {
    for (const name of map.nodeBuiltins) paths.push({ name, message: `Node built-in: ${unitPath} runs in the page, which has no Node (see ${docs}).` });
  }
  return ['error', { paths, patterns }];
}

function globsAtDepth(unitPath, depth) {
  return [`${unitPath}/${'*/'.repeat(depth)}*.${SOURCE_EXTENSIONS}`];
}

/**
 * The config blocks: one per unit and folder depth (a file unit: one), then one per
 * exception file, which comes last so its settings win for that file.
 */
export function boundaryBlocks(map) {
  const blocks = [];
  for (const unitPath of Object.keys(map.units)) {
    if (/\.[cm]?tsx?$/.test(unitPath)) {
      blocks.push({ files: [unitPath], rules: { 'no-restricted-imports': restrictionsFor(unitPath, path.posix.dirname(unitPath), map) } });
      continue;
    }
    for (let depth = 0; depth <= MAX_FOLDER_DEPTH; depth++) {
      const fromDir = unitPath + '/x'.repeat(depth);
      blocks.push({ files: globsAtDepth(unitPath, depth), rules: { 'no-restricted-imports': restrictionsFor(unitPath, fromDir, map) } });
    }
  }
  for (const exception of map.exceptions) {
    const unitPath = unitOf(exception.file, map);
    if (!unitPath) throw new Error(`eslint.config.mjs: the exception for ${exception.file} names a file outside the layer map`);
    // A stale exception would silently allow the import to whatever file takes the name later.
    if (!existsSync(path.join(map.root, exception.file))) throw new Error(`eslint.config.mjs: the exception for ${exception.file} names a file that does not exist (moved? update or remove it)`);
    blocks.push({
      files: [exception.file],
      rules: { 'no-restricted-imports': restrictionsFor(unitPath, path.posix.dirname(exception.file), map, [exception.mayImport]) },
    });
  }
  return blocks;
}

/** The unit a repo-relative file belongs to, or undefined when the map does not cover it. */
export function unitOf(file, map) {
  const candidates = Object.keys(map.units).filter((unitPath) => file === unitPath || file.startsWith(`${unitPath}/`));
  return candidates.sort((a, b) => b.length - a.length)[0];
}
