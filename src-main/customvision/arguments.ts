/**
 * Checks on what callers pass in, before anything is sent. Ids go into URL paths, so a
 * malformed one ("..", "a/b") must never reach the wire; batch limits are the v3.3 spec's
 * ("Limited to 256", "Limited to 64") and exceeding them is a bug in the caller, said
 * plainly. Checks on what the service sends back live here too: the records themselves are
 * kept as sent, but a list must be a list and a count a count.
 */
import { AppError } from '../errors/app-error';
import { invalidResponseError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const MAX_PAGE_SIZE = 256;
export const MAX_IMAGE_IDS = 256;
export const MAX_TAG_IDS = 20;
export const MAX_PREDICTION_IDS = 64;

export function invalidArgument(message: string): AppError {
  return new AppError('INVALID_ARGUMENT', message);
}

/** The id, checked and ready for a URL path. */
export function idSegment(name: string, value: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw invalidArgument(`${name} must be an id like 00000000-0000-0000-0000-000000000000.`);
  }
  return value;
}

export function idList(name: string, values: readonly string[], max: number): readonly string[] {
  if (!Array.isArray(values)) throw invalidArgument(`${name} must be a list of ids.`);
  if (values.length > max) throw invalidArgument(`${name}: at most ${max} ids per call (got ${values.length}).`);
  for (const value of values) idSegment(name, value);
  return values;
}

export function pageSize(value: number | undefined): number {
  const size = value ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw invalidArgument(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return size;
}

export function expectArray<T>(operation: string, body: unknown): T[] {
  if (!Array.isArray(body)) throw invalidResponseError(operation, 'expected a list');
  return body as T[];
}

export function expectObject<T>(operation: string, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidResponseError(operation, 'expected a record');
  return body as T;
}

export function expectCount(operation: string, body: unknown): number {
  if (typeof body !== 'number' || !Number.isInteger(body) || body < 0) throw invalidResponseError(operation, 'expected a count');
  return body;
}
