/**
 * Reading path and query parameters the way the service validates them: GUIDs (bad →
 * 400 BadRequestInvalidIds), csv arrays (`collectionFormat: csv`, commas possibly sent
 * as %2C), take/skip bounds, booleans and enums (case-insensitive, as ASP.NET binds them).
 */
import type { ApiContext } from '../core';
import { ApiError, badRequest, notFound } from '../errors';
import { parseUuid } from '../ids';
import type { Prng } from '../prng';
import { hasQuirk } from '../quirks';
import type { ImageTable } from '../state/image-table';
import type { IterationRec, ProjectRec, TagRec } from '../state/types';

export function query(ctx: ApiContext, name: string): string | undefined {
  const value = ctx.query.get(name.toLowerCase());
  return value === undefined || value === '' ? undefined : value;
}

export function uuidValue(text: string): string {
  const id = parseUuid(text);
  if (!id) throw badRequest('BadRequestInvalidIds', `Invalid id: '${text.slice(0, 64)}'`);
  return id;
}

export function projectOf(ctx: ApiContext): ProjectRec {
  const id = uuidValue(ctx.params.projectId ?? '');
  const project = ctx.core.state.projects.get(id);
  if (!project) throw notFound.project();
  return project;
}

export function iterationOf(ctx: ApiContext, project: ProjectRec): IterationRec {
  const iteration = project.iterations.get(uuidValue(ctx.params.iterationId ?? ''));
  if (!iteration) throw notFound.iteration();
  return iteration;
}

/** Optional `iterationId` query ("defaults to workspace"). */
export function iterationQuery(ctx: ApiContext, project: ProjectRec): IterationRec | undefined {
  const text = query(ctx, 'iterationId');
  if (text === undefined) return undefined;
  const iteration = project.iterations.get(uuidValue(text));
  if (!iteration) throw notFound.iteration();
  return iteration;
}

/** Comma-separated GUID list; over `max` → 400 with `overCode`. */
export function uuidList(ctx: ApiContext, name: string, max?: number, overCode = 'BadRequestExceededBatchSize'): string[] | undefined {
  const text = query(ctx, name);
  if (text === undefined) return undefined;
  const ids = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(uuidValue);
  if (max !== undefined && ids.length > max) {
    throw badRequest(overCode, `Too many ${name}: ${ids.length} given, the limit is ${max}`);
  }
  return ids;
}

export function intQuery(ctx: ApiContext, name: string, fallback: number, min: number, max?: number): number {
  const text = query(ctx, name);
  if (text === undefined) return fallback;
  if (!/^[+-]?\d+$/.test(text.trim())) throw badRequest('BadRequest', `The value '${text.slice(0, 32)}' is not valid for ${name}.`);
  const value = Number(text);
  if (value < min) throw badRequest('BadRequest', `${name} must be at least ${min}.`);
  if (max !== undefined && value > max) {
    // take > 256: the spec's maximum; the code is the generic batch-size one (inferred).
    throw badRequest('BadRequestExceededBatchSize', `${name} must be between ${min} and ${max}.`);
  }
  return value;
}

export function numberQuery(ctx: ApiContext, name: string): number | undefined {
  const text = query(ctx, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw badRequest('BadRequest', `The value '${text.slice(0, 32)}' is not valid for ${name}.`);
  return value;
}

export function boolQuery(ctx: ApiContext, name: string): boolean {
  const text = query(ctx, name);
  if (text === undefined) return false;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw badRequest('BadRequest', `The value '${text.slice(0, 32)}' is not valid for ${name}.`);
}

export function enumQuery<T extends string>(ctx: ApiContext, name: string, values: readonly T[]): T | undefined {
  const text = query(ctx, name);
  if (text === undefined) return undefined;
  const found = values.find((value) => value.toLowerCase() === text.toLowerCase());
  if (!found) throw badRequest('BadRequest', `The value '${text.slice(0, 32)}' is not valid for ${name}.`);
  return found;
}

/** The image set a query reads: the workspace or an iteration's snapshot. */
export interface ImageScope {
  table: ImageTable;
  tags: readonly TagRec[];
  iteration: IterationRec | undefined;
}

export function imageScope(ctx: ApiContext, project: ProjectRec): ImageScope {
  const iteration = iterationQuery(ctx, project);
  if (!iteration) return { table: project.images, tags: [...project.tags.values()], iteration };
  const snapshot = iteration.snapshot;
  if (!snapshot) throw new ApiError(404, 'NotFoundIteration', 'Invalid iteration');
  return { table: snapshot.images, tags: snapshot.tags, iteration };
}

/** The PRNG that orders equal `created` values when the `ties` quirk is on; undefined otherwise. */
export function tieOrder(ctx: ApiContext): Prng | undefined {
  return hasQuirk(ctx.core.config, 'ties') ? ctx.core.tieOrder : undefined;
}

/** Parses a JSON body, or 400 when it is missing or malformed. */
export function jsonBody(ctx: ApiContext): unknown {
  if (ctx.body.length === 0) throw badRequest('BadRequestRequiredParamIsNull', 'The request body is required.');
  try {
    return JSON.parse(ctx.body.toString('utf8'));
  } catch {
    throw badRequest('BadRequest', 'The request body is not valid JSON.');
  }
}
