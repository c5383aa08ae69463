/**
 * Ids in cleanup plans are lower-case GUIDs (cleanup-api.md): they go into URL paths and
 * bundle paths, and a plan, a journal and a bundle must spell the same id the same way
 * for their sets to be compared. Anything else is refused, never cleaned up: a cleaned-up
 * id could name something the user never chose.
 */
import { AppError } from '../errors/app-error';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a lower-case hyphenated GUID, the only spelling a plan holds. */
export function isPlanGuid(value: unknown): boolean {
  return typeof value === 'string' && GUID.test(value);
}

/** True for a GUID in any letter case. */
export function isGuidText(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value.toLowerCase());
}

/**
 * The id the service returned, lower-cased, or INVALID_RESPONSE naming what it belonged
 * to: a plan cannot target a record it cannot name safely.
 */
export function serviceGuid(kind: string, value: unknown): string {
  if (!isGuidText(value)) {
    throw new AppError('INVALID_RESPONSE', `The service returned ${kind} whose id is not a GUID; CV Steward cannot plan its deletion safely.`);
  }
  return value.toLowerCase();
}
