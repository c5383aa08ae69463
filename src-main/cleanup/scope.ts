/**
 * What a cleanup covers (CleanupScope): parsed from the CLI's `--scope` text, checked when
 * it arrives from the renderer, and put into words for the plan and the wizard. Ids are
 * checked here, before any call, so a typo is a usage error rather than a 404 halfway
 * through planning.
 */
import { CleanupScopeSchema, type CleanupScope, type ProjectPart } from '../../shared/model/cleanup';
import { parseApiDateMs } from '../customvision';
import { AppError } from '../errors/app-error';
import { isGuidText } from './guid';
import { mainTranslator } from '../i18n';
import type { Language } from '../../shared/model/preferences';

const SYNTAX = 'Use all, projects:<id,…> or project:<id>:<category> (category: untagged, images, predictions, tag=<tagId>, tagged=<tagId>, iteration=<iterationId>, older-than=<date>).';

function invalid(message: string): AppError {
  return new AppError('INVALID_ARGUMENT', message);
}

/** User text quoted in a message: shortened, so a pasted blob cannot flood the terminal. */
function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function guid(what: string, text: string): string {
  const value = text.trim();
  if (!isGuidText(value)) throw invalid(`${what} ${quote(value)} is not an id like 00000000-0000-0000-0000-000000000000.`);
  return value.toLowerCase();
}

/**
 * An "older than" instant as ISO text (UTC), from a date (`2024-01-31`, read as midnight
 * UTC) or a date-time with a zone (`2024-01-31T12:00Z`, `…+02:00`). A date-time without
 * a zone is refused: the API's image dates are UTC, the user's clock may not be, and
 * guessing wrong deletes a few hours of images too many.
 */
export function parseBeforeDate(text: string): string {
  const value = text.trim();
  let candidate: string;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) candidate = `${value}T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    // parseApiDateMs wants seconds; add them when only hours and minutes were given.
    candidate = /T\d{2}:\d{2}(Z|[+-])/i.test(value) ? value.replace(/(T\d{2}:\d{2})/i, '$1:00') : value;
  } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/i.test(value)) {
    throw invalid(`The date ${quote(value)} has no time zone; add Z for UTC (for example ${value}Z) or an offset such as +02:00.`);
  } else {
    throw invalid(`${quote(value)} is not a date; use YYYY-MM-DD (midnight UTC) or a date and time with a zone, e.g. 2024-01-31T12:00:00Z.`);
  }
  const ms = parseApiDateMs(candidate);
  if (ms === undefined) throw invalid(`${quote(value)} is not a real date (check the month and day).`);
  return new Date(ms).toISOString();
}

function parsePart(text: string): ProjectPart {
  const [word = '', ...rest] = text.split('=');
  const value = rest.join('=');
  const key = word.trim().toLowerCase();
  const needsValue = (what: string): string => {
    if (value.trim() === '') throw invalid(`The category ${key} needs ${what} after "=", e.g. ${key}=<${what}>.`);
    return value;
  };
  if (rest.length === 0) {
    if (key === 'untagged') return { kind: 'untaggedImages' };
    if (key === 'images') return { kind: 'allImages' };
    if (key === 'predictions') return { kind: 'predictions' };
    if (['tag', 'tagged', 'iteration', 'older-than'].includes(key)) needsValue(key === 'older-than' ? 'date' : `${key === 'iteration' ? 'iteration' : 'tag'} id`);
  }
  if (key === 'tag') return { kind: 'tag', tagId: guid('The tag id', needsValue('tag id')) };
  if (key === 'tagged') return { kind: 'taggedWith', tagId: guid('The tag id', needsValue('tag id')) };
  if (key === 'iteration') return { kind: 'iteration', iterationId: guid('The iteration id', needsValue('iteration id')) };
  if (key === 'older-than') return { kind: 'imagesOlderThan', before: parseBeforeDate(needsValue('date')) };
  throw invalid(`Unknown category ${quote(text)} after the project id. ${SYNTAX}`);
}

/** The CLI's `--scope` value; INVALID_ARGUMENT naming what is wrong. */
export function parseScopeArg(text: string): CleanupScope {
  const value = typeof text === 'string' ? text.trim() : '';
  if (value === '') throw invalid(`--scope is empty. ${SYNTAX}`);
  const colon = value.indexOf(':');
  const head = (colon < 0 ? value : value.slice(0, colon)).toLowerCase();
  const tail = colon < 0 ? '' : value.slice(colon + 1);
  if (head === 'all') {
    if (colon >= 0) throw invalid(`"all" takes nothing after it (got ${quote(value)}).`);
    return { kind: 'all' };
  }
  if (head === 'projects') {
    const ids = tail.split(',').map((part) => part.trim()).filter((part) => part !== '');
    if (ids.length === 0) throw invalid('projects: needs at least one project id, e.g. projects:<id>,<id>.');
    return { kind: 'projects', projectIds: [...new Set(ids.map((id) => guid('The project id', id)))] };
  }
  if (head === 'project') {
    const next = tail.indexOf(':');
    if (next < 0) throw invalid(`project:<id>:<category> needs a category after the project id. ${SYNTAX}`);
    const projectId = guid('The project id', tail.slice(0, next));
    return { kind: 'part', projectId, part: parsePart(tail.slice(next + 1)) };
  }
  throw invalid(`Unknown scope ${quote(value)}. ${SYNTAX}`);
}

/**
 * A scope from outside main (renderer, plan file) checked and normalised: ids lower-case
 * GUIDs, project ids without repeats, the "older than" instant as UTC ISO text.
 */
export function checkScope(input: unknown): CleanupScope {
  const parsed = CleanupScopeSchema.safeParse(input);
  if (!parsed.success) throw invalid(`The cleanup scope is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
  const scope = parsed.data;
  if (scope.kind === 'all') return { kind: 'all' };
  if (scope.kind === 'projects') return { kind: 'projects', projectIds: [...new Set(scope.projectIds.map((id) => guid('The project id', id)))] };
  const projectId = guid('The project id', scope.projectId);
  const part = scope.part;
  switch (part.kind) {
    case 'tag':
    case 'taggedWith':
      return { kind: 'part', projectId, part: { kind: part.kind, tagId: guid('The tag id', part.tagId) } };
    case 'iteration':
      return { kind: 'part', projectId, part: { kind: 'iteration', iterationId: guid('The iteration id', part.iterationId) } };
    case 'imagesOlderThan':
      return { kind: 'part', projectId, part: { kind: 'imagesOlderThan', before: parseBeforeDate(part.before) } };
    default:
      return { kind: 'part', projectId, part: { kind: part.kind } };
  }
}

/** Names of the tags and iterations a part scope refers to, when known. */
export interface ScopeNames {
  tags?: ReadonlyMap<string, string>;
  iterations?: ReadonlyMap<string, string>;
}

/** A name as data: quoted with JSON escapes, so quotes and control characters stay visible; the id when unknown. */
function nameOf(names: ReadonlyMap<string, string> | undefined, id: string): string {
  const name = names?.get(id);
  return name === undefined ? id : JSON.stringify(name);
}

/**
 * The scope in words, e.g. `Untagged images of project "Cats"` — in English for the plan
 * file, or in the language of the wizard or the receipt (main's `receipt` catalogue, group
 * `scope`). Names stay as the API returned them, JSON-quoted.
 */
export function describeScope(scope: CleanupScope, projectNames: ReadonlyMap<string, string>, names: ScopeNames = {}, language: Language = 'en'): string {
  const t = mainTranslator(language, 'receipt');
  if (scope.kind === 'all') return t('scope.all', { count: projectNames.size });
  if (scope.kind === 'projects') {
    if (scope.projectIds.length === 1) {
      return t('scope.oneProject', { project: t('scope.projectRefStart', { name: nameOf(projectNames, scope.projectIds[0] ?? '') }) });
    }
    const list = scope.projectIds.map((id) => t('scope.projectRef', { name: nameOf(projectNames, id) })).join(t('scope.listSeparator'));
    return t('scope.someProjects', { count: scope.projectIds.length, list });
  }
  const project = t('scope.projectRef', { name: nameOf(projectNames, scope.projectId) });
  const part = scope.part;
  switch (part.kind) {
    case 'untaggedImages':
      return t('scope.untaggedImages', { project });
    case 'allImages':
      return t('scope.allImages', { project });
    case 'imagesOlderThan':
      return t('scope.imagesOlderThan', { project, before: part.before });
    case 'taggedWith':
      return t('scope.taggedWith', { project, tag: t('scope.tagRef', { name: nameOf(names.tags, part.tagId) }) });
    case 'tag':
      return t('scope.tag', { project, tag: t('scope.tagRefStart', { name: nameOf(names.tags, part.tagId) }) });
    case 'iteration':
      return t('scope.iteration', { project, iteration: t('scope.iterationRefStart', { name: nameOf(names.iterations, part.iterationId) }) });
    case 'predictions':
      return t('scope.predictions', { project });
  }
}
