/**
 * Ids as the service writes them: lower-case hyphenated GUIDs, and the 32-hex form used in
 * blob container and blob names (`i-<projectHex>/i-<imageHex>`).
 */
import { createHash, randomUUID } from 'node:crypto';

const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BARE = /^[0-9a-f]{32}$/i;

/**
 * Normalises a GUID the way .NET's Guid.Parse accepts it (hyphenated, bare 32 hex, or in
 * braces), or returns undefined when it is not one.
 */
export function parseUuid(text: string): string | undefined {
  let value = text.trim();
  if (value.startsWith('{') && value.endsWith('}')) value = value.slice(1, -1);
  if (HYPHENATED.test(value)) return value.toLowerCase();
  if (BARE.test(value)) return fromHex(value);
  return undefined;
}

/** `a6ab…-…` → 32 lower-case hex digits. */
export function toHex(uuid: string): string {
  return uuid.replaceAll('-', '').toLowerCase();
}

/** 32 hex digits → hyphenated GUID (no validation beyond length). */
export function fromHex(hex: string): string {
  const h = hex.toLowerCase();
  const text = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  // Re-encode so V8 stores one flat 36-byte string instead of a tree of slices of the
  // 32-hex input: with 100 000 image ids that is tens of megabytes.
  return Buffer.from(text, 'latin1').toString('latin1');
}

/**
 * A stable GUID for a stable name (seeds derive every id this way), shaped like a
 * name-based (version 5) UUID so it passes strict validators.
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha256').update(`cv-emulator:${name}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return fromHex(bytes.subarray(0, 16).toString('hex'));
}

/** Ids for things created through the API at run time: random, as the service's are. */
export function newUuid(): string {
  return randomUUID();
}
