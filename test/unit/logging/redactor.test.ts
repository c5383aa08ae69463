import { describe, it, expect } from 'vitest';
import { createRedactor } from '../../../src-main/logging/redactor';

const KEY = '0123456789abcdef0123456789ABCDEF';
const SAS =
  'https://irisprodeu2training.blob.core.windows.net/i-aaaaaaaa/i-bbbbbbbb?sv=2017-04-17&sr=b&sig=AbC%2Fdef%3D&se=2020-06-07T16%3A45%3A22Z&sp=r';

describe('createRedactor', () => {
  const { redact } = createRedactor();

  it('removes 32-hex training keys wherever they appear, but keeps GUIDs and SHA-256 checksums', () => {
    const guid = '2f9c4a1e-6b3d-4c8e-9a7f-0d1e2f3a4b5c';
    const sha256 = 'a'.repeat(64);
    const out = redact(`key=${KEY} "${KEY}" key_${KEY} project ${guid} sha ${sha256}`);
    expect(out).not.toMatch(/0123456789abcdef/i);
    expect(out).toContain(guid);
    expect(out).toContain(sha256);
  });

  it('keeps scheme, host and path of a SAS URL and replaces its query', () => {
    expect(redact(`download ${SAS} failed`)).toBe(
      'download https://irisprodeu2training.blob.core.windows.net/i-aaaaaaaa/i-bbbbbbbb?[redacted] failed',
    );
    expect(redact('GET http://127.0.0.1:5123/blob/x.jpg?sig=abc&se=1#frag')).toBe('GET http://127.0.0.1:5123/blob/x.jpg?[redacted]#frag');
  });

  it('redacts Training-Key and Prediction-Key headers in any common shape', () => {
    const out = redact('Training-Key: secret-value-1 {"Prediction-Key":"secret-value-2"} training-key=secret-value-3');
    expect(out).not.toMatch(/secret-value/);
    expect(out).toContain('Training-Key: [redacted]');
    expect(out).toContain('"Prediction-Key":"[redacted]"');
  });

  it('redacts a sig= parameter outside a full URL', () => {
    expect(redact('query sv=2017&sig=Zm9vYmFy%3D&sp=r')).toBe('query sv=2017&sig=[redacted]&sp=r');
  });

  it('hide() redacts an arbitrary secret of 8+ characters, also URL-encoded, and ignores shorter ones', () => {
    const r = createRedactor();
    const secret = 'Az9+/Secret==Value';
    r.hide(secret);
    r.hide('short');
    const out = r.redact(`a ${secret} b ${encodeURIComponent(secret)} c short`);
    expect(out).toBe('a [redacted] b [redacted] c short');
    r.unhide(secret);
    expect(r.redact(secret)).toBe(secret);
  });
});
