/**
 * A short identifier for a training key, shown in the UI, the settings file, export
 * manifests and receipts so a person can tell which key an account uses without the key.
 *
 * Why it is safe to show: it is the first 8 hex characters (32 bits) of SHA-256 over a fixed
 * domain-separation prefix and the key. SHA-256 cannot be inverted, and 32 bits say almost
 * nothing about a 128-bit Azure key: about 2^96 keys share each fingerprint, so neither the
 * fingerprint nor a guess checked against it narrows the key down in any useful way. The
 * prefix makes it differ from any plain SHA-256 of the key that another tool may publish,
 * so fingerprints cannot be matched across tools or looked up in precomputed tables.
 * It identifies; it does not authenticate: never use it to decide that a key is right.
 */
import { createHash } from 'node:crypto';

/** Changing this changes every fingerprint users have seen: bump the version, never edit. */
const DOMAIN_PREFIX = 'cv-steward/key-fingerprint/v1\u0000';

export const KEY_FINGERPRINT_LENGTH = 8;

/** What a fingerprint looks like; anything else in settings is not one of ours. */
export const KEY_FINGERPRINT_PATTERN = /^[0-9a-f]{8}$/;

/** Fingerprints exactly the string given: normalise (trim) the key before calling. */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(DOMAIN_PREFIX + key, 'utf8').digest('hex').slice(0, KEY_FINGERPRINT_LENGTH);
}
