import { describe, it, expect } from 'vitest';
import { runInNewContext } from 'node:vm';
import { escapeForScript, toDataScript } from '../../../../src-main/export/viewer';

/** Runs a data file the way a browser would, with a window that records what it received. */
function runDataScript(script: string): unknown {
  const received: unknown[] = [];
  runInNewContext(script, { window: { cvSteward: { receive: (value: unknown) => received.push(value) } } });
  expect(received).toHaveLength(1);
  return received[0];
}

describe('viewer data files', () => {
  const hostile = {
    tag: '</script><img src=x onerror=alert(1)>',
    comment: '<!-- <script>',
    entity: 'a & b &amp; c',
    separators: 'line\u2028paragraph\u2029end',
    nonAscii: 'Kätzchen 猫 😺',
  };

  it('cannot be broken out of by hostile text: no <, >, &, U+2028 or U+2029 survive', () => {
    const script = toDataScript({ kind: 'images', records: [hostile] });
    expect(script).not.toMatch(/[<>&\u2028\u2029]/);
    expect(script).not.toContain('</script');
    // Pure ASCII, so the browser's guess at the encoding cannot matter.
    expect(script).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('still delivers the exact text to the viewer', () => {
    const payload = { kind: 'images', records: [hostile] };
    expect(runDataScript(toDataScript(payload))).toEqual(payload);
  });

  it('escapes as \\u sequences JSON and JavaScript both read back', () => {
    expect(escapeForScript(JSON.stringify('<&>'))).toBe('"\\u003c\\u0026\\u003e"');
    expect(JSON.parse(escapeForScript(JSON.stringify(hostile)))).toEqual(hostile);
  });
});
