import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { KEY_FINGERPRINT_PATTERN, keyFingerprint } from '../../../src-main/secrets';

// Shaped like Azure training keys (32 hex characters); made up for the test.
const KEYS = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210', '3f2a9c0d71e84b56a0c9d2e7f1b34a58', 'a'.repeat(32)];

function substrings(text: string, length: number): string[] {
  const result: string[] = [];
  for (let i = 0; i + length <= text.length; i += 1) result.push(text.slice(i, i + length));
  return result;
}

describe('keyFingerprint', () => {
  it('is short lowercase hex, the same every time for the same key', () => {
    for (const key of KEYS) {
      const fingerprint = keyFingerprint(key);
      expect(fingerprint).toMatch(KEY_FINGERPRINT_PATTERN);
      expect(fingerprint).toHaveLength(8);
      expect(keyFingerprint(key)).toBe(fingerprint);
    }
  });

  it('is pinned: fingerprints users have seen do not change between releases', () => {
    expect(keyFingerprint('0123456789abcdef0123456789abcdef')).toBe('f001f84e');
  });

  it('differs between keys, including keys one character apart', () => {
    const fingerprints = new Set([...KEYS, '0123456789abcdef0123456789abcdee'].map(keyFingerprint));
    expect(fingerprints.size).toBe(KEYS.length + 1);
  });

  it('contains neither the key nor any 6-character piece of it', () => {
    for (const key of KEYS) {
      const fingerprint = keyFingerprint(key);
      expect(fingerprint).not.toContain(key);
      for (const piece of substrings(key, 6)) expect(fingerprint).not.toContain(piece);
    }
  });

  it('is not the plain SHA-256 of the key, so it cannot be matched against other tools', () => {
    for (const key of KEYS) {
      const plain = createHash('sha256').update(key).digest('hex');
      expect(plain.startsWith(keyFingerprint(key))).toBe(false);
    }
  });
});
