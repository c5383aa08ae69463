/**
 * Where everything lives inside a bundle (docs/bundle-format.md). Paths are built from
 * ids and fixed words only: a project called `../../x`, `CON` or `<img onerror>` still
 * gets `projects/<its id>/`, because names are data, never paths. An id that is not
 * `^[0-9a-f-]{36}$` is refused outright rather than cleaned up: a cleaned-up id could
 * collide with another one, a refused one cannot.
 */
import { AppError } from '../errors/app-error';
import type { ExportCategory } from '../../shared/model/bundle';

export const MANIFEST_PATH = 'manifest.json';
export const STATE_DIR = '.cv-steward';
export const JOURNAL_PATH = `${STATE_DIR}/journal.jsonl`;
export const TMP_DIR = `${STATE_DIR}/tmp`;
/** Files found altered on resume are moved here (never deleted: they may be the only copy left). */
export const DAMAGED_DIR = `${STATE_DIR}/damaged`;

const ID_PATTERN = /^[0-9a-f-]{36}$/i;

export function isBundleId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/**
 * The id as it appears in paths (lower case, so two spellings of one GUID can never
 * make two folders on a case-sensitive disk and one on a case-insensitive one).
 */
export function bundleId(kind: string, value: unknown): string {
  if (!isBundleId(value)) {
    throw new AppError('INVALID_ID', `The service returned a ${kind} id that is not a GUID; CV Steward will not use it to name a file.`);
  }
  return value.toLowerCase();
}

export const accountPaths = {
  account: 'account/account.json',
  domains: 'account/domains.json',
};

export function projectDir(projectId: string): string {
  return `projects/${bundleId('project', projectId)}`;
}

export const projectPaths = {
  project: (projectId: string) => `${projectDir(projectId)}/project.json`,
  tags: (projectId: string) => `${projectDir(projectId)}/tags.json`,
  images: (projectId: string) => `${projectDir(projectId)}/images/images.jsonl`,
  /** Without extension: the writer adds the one the bytes call for. */
  imageFileStem: (projectId: string, imageId: string) => `${projectDir(projectId)}/images/files/${bundleId('image', imageId)}`,
  predictions: (projectId: string) => `${projectDir(projectId)}/predictions/predictions.jsonl`,
  predictionFileStem: (projectId: string, predictionId: string) =>
    `${projectDir(projectId)}/predictions/files/${bundleId('prediction', predictionId)}`,
};

export function iterationDir(projectId: string, iterationId: string): string {
  return `${projectDir(projectId)}/iterations/${bundleId('iteration', iterationId)}`;
}

export const iterationPaths = {
  iteration: (p: string, i: string) => `${iterationDir(p, i)}/iteration.json`,
  tags: (p: string, i: string) => `${iterationDir(p, i)}/tags.json`,
  images: (p: string, i: string) => `${iterationDir(p, i)}/images.jsonl`,
  performance: (p: string, i: string) => `${iterationDir(p, i)}/performance.json`,
  imagePerformances: (p: string, i: string) => `${iterationDir(p, i)}/image-performances.jsonl`,
  exports: (p: string, i: string) => `${iterationDir(p, i)}/exports.json`,
  /** `models/<platform>[.<flavor>].zip`, or undefined when those words are not plain. */
  model: (p: string, i: string, platform: unknown, flavor: unknown): string | undefined => {
    const word = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
    if (typeof platform !== 'string' || !word.test(platform)) return undefined;
    if (flavor !== null && flavor !== undefined && (typeof flavor !== 'string' || !word.test(flavor))) return undefined;
    return `${iterationDir(p, i)}/models/${platform}${typeof flavor === 'string' ? `.${flavor}` : ''}.zip`;
  },
  /** For an export whose platform/flavor are not plain words (an enum value we never saw). */
  modelFallback: (p: string, i: string, index: number) => `${iterationDir(p, i)}/models/export-${index + 1}.zip`,
};

// Windows refuses these as file names whatever the extension (CON.txt is CON).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Forbidden on Windows, or meaningful to shells and URLs in a way that surprises people.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
const FORBIDDEN = /[<>:"|?*\\\u0000-\u001f\u007f]/;

/**
 * Checks a relative bundle path written by anyone (the engine, datasets, viewer): forward
 * slashes, no empty, `.` or `..` segment, nothing Windows or macOS would refuse or
 * silently change (reserved names, trailing dot or space), and not inside `.cv-steward/`
 * or the manifest itself. Throws UNSAFE_PATH: that is a bug in the caller, not user input.
 */
export function checkBundlePath(relativePath: string): string {
  const problem = pathProblem(relativePath);
  if (problem !== undefined) throw new AppError('UNSAFE_PATH', `Refusing to write "${relativePath}" into a bundle: ${problem}.`);
  return relativePath;
}

export function pathProblem(relativePath: string): string | undefined {
  if (typeof relativePath !== 'string' || relativePath.length === 0) return 'empty path';
  if (relativePath.length > 400) return 'path too long';
  if (relativePath.startsWith('/')) return 'absolute path';
  const segments = relativePath.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return 'empty or relative segment';
    if (FORBIDDEN.test(segment)) return 'forbidden character';
    if (RESERVED.test(segment)) return 'reserved device name';
    if (/[. ]$/.test(segment)) return 'segment ends with a dot or space';
    if (segment.length > 200) return 'segment too long';
  }
  if (segments[0] === STATE_DIR) return 'inside the bundle state folder';
  if (relativePath === MANIFEST_PATH) return 'the manifest is written by the engine only';
  return undefined;
}

/**
 * Files an operating system drops into any folder a person opens (Finder, Explorer):
 * never bundle content, so verify does not call them extra and a new export does not
 * call a folder holding only them "not empty".
 */
export function isSystemClutter(name: string): boolean {
  return name === '.DS_Store' || name.startsWith('._') || name === 'Thumbs.db' || name === 'desktop.ini';
}

/**
 * Which category a bundle file's bytes count under in the manifest's `counts`, or
 * undefined for files outside the categories (account, viewer, datasets).
 */
export function categoryOfPath(relativePath: string): ExportCategory | undefined {
  const parts = relativePath.split('/');
  if (parts[0] !== 'projects' || parts.length < 3) return undefined;
  const rest = parts.slice(2);
  const [area] = rest;
  if (area === 'project.json') return 'projects';
  if (area === 'tags.json') return 'tags';
  if (area === 'images') return 'images';
  if (area === 'predictions') return 'predictions';
  if (area !== 'iterations' || rest.length < 3) return undefined;
  const file = rest[2];
  if (file === 'iteration.json') return 'iterations';
  if (file === 'tags.json') return 'tags';
  if (file === 'images.jsonl') return 'images';
  if (file === 'performance.json' || file === 'image-performances.jsonl') return 'performance';
  if (file === 'exports.json' || file === 'models') return 'models';
  return undefined;
}
