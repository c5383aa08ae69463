/**
 * The non-secret part of a saved account, as it is kept in the settings file, and the rules
 * a record must meet. The same rules check what the app adds (a broken record is refused
 * with an AppError) and what it reads back (a broken record is dropped with a warning), so a
 * hand-edited file can never smuggle in something the app itself would have refused.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { KEY_FINGERPRINT_PATTERN, isValidAccountId } from '../secrets';

export interface AccountRecord {
  /** App-generated id; also the account's keychain entry name. */
  id: string;
  /** The name the user sees; trimmed, 1–100 characters, no control characters. */
  displayName: string;
  /** The resource's Training API base URL (http(s), no credentials in it). */
  endpoint: string;
  /** keyFingerprint(key): shows which key is in use without the key. */
  keyFingerprint: string;
  /** ISO 8601 time the account was first saved. */
  createdAt: string;
}

export const MAX_DISPLAY_NAME_LENGTH = 100;
const MAX_ENDPOINT_LENGTH = 2048;

// C0/C1 controls, line/paragraph separators, and the bidi overrides that can make a name
// display as something else. Other format characters stay: ZWJ is part of many emoji.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Why a display name is not acceptable, or null when it is (after trimming). */
export function displayNameProblem(trimmed: string): string | null {
  if (trimmed.length === 0) return 'The account name cannot be empty.';
  // Counted in code points, so an emoji counts as one character, as a person would count it.
  if ([...trimmed].length > MAX_DISPLAY_NAME_LENGTH) return `The account name can be at most ${MAX_DISPLAY_NAME_LENGTH} characters long.`;
  if (FORBIDDEN_IN_NAME.test(trimmed)) return 'The account name cannot contain control characters such as line breaks or tabs.';
  return null;
}

/** The name as it will be saved: trimmed. @throws AppError('BAD_NAME') */
export function normalizeDisplayName(raw: string): string {
  if (typeof raw !== 'string') throw new AppError('BAD_NAME', 'The account name must be text.');
  const trimmed = raw.trim();
  const problem = displayNameProblem(trimmed);
  if (problem) throw new AppError('BAD_NAME', problem);
  return trimmed;
}

/** http(s) only, and no user:password@ part: the settings file must hold no credentials. */
export function isValidEndpoint(value: string): boolean {
  if (value.length > MAX_ENDPOINT_LENGTH || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
}

/** One stored record. Unknown fields are dropped, so the file only ever holds these five. */
export const AccountRecordSchema = z.object({
  id: z.string().refine(isValidAccountId, 'not a valid account id'),
  displayName: z
    .string()
    .transform((name) => name.trim())
    .refine((name) => displayNameProblem(name) === null, 'not a valid account name'),
  endpoint: z.string().refine(isValidEndpoint, 'not an http(s) URL without credentials'),
  keyFingerprint: z.string().regex(KEY_FINGERPRINT_PATTERN, 'not a key fingerprint'),
  createdAt: z.iso.datetime({ offset: true }),
});

/**
 * Checks a record the app is about to save; returns it normalised (name trimmed).
 * Messages never quote the values: a key pasted into the wrong field must not end up in
 * an error message.
 */
export function validateNewRecord(record: AccountRecord): AccountRecord {
  const displayName = normalizeDisplayName(record.displayName);
  if (!isValidAccountId(record.id)) throw new AppError('BAD_REQUEST', 'The account id is not valid.');
  if (typeof record.endpoint !== 'string' || !isValidEndpoint(record.endpoint)) {
    throw new AppError('BAD_ENDPOINT', 'The endpoint must be an http(s) address without a user name or password in it.');
  }
  // Also what stops a training key (32 hex characters) being saved in place of its fingerprint.
  if (typeof record.keyFingerprint !== 'string' || !KEY_FINGERPRINT_PATTERN.test(record.keyFingerprint)) {
    throw new AppError('BAD_REQUEST', 'The key fingerprint is not valid.');
  }
  const parsed = AccountRecordSchema.safeParse({ ...record, displayName });
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'The account record is not valid (creation time).');
  return parsed.data;
}
