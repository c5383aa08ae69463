import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../../../src-main/export/datasets/csv';
import { singleLine, xmlText, yamlString } from '../../../../src-main/export/datasets/text-escape';

describe('CSV cells', () => {
  it('quotes per RFC 4180 only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvRow(['x', 'y,z'])).toBe('x,"y,z"\r\n');
  });

  it('keeps spreadsheets from running a tag name as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('XML text', () => {
  it('escapes markup and keeps line breaks as references', () => {
    expect(xmlText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(xmlText(`Tom & "Jerry's"`)).toBe('Tom &amp; &quot;Jerry&apos;s&quot;');
    expect(xmlText('a\nb')).toBe('a&#10;b');
  });

  it('replaces characters XML 1.0 cannot hold at all', () => {
    expect(xmlText('bell\u0007')).toBe('bell\ufffd');
    expect(xmlText('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
    expect(xmlText('猫 🐱')).toBe('猫 🐱');
  });
});

describe('YAML strings and one-line names', () => {
  it('writes exact names YAML reads back unchanged', () => {
    expect(yamlString('a: b # c')).toBe('"a: b # c"');
    expect(yamlString('line\nbreak')).toBe('"line\\nbreak"');
    expect(yamlString('x\u2028y\u0085')).toBe('"x\\u2028y\\u0085"');
    expect(yamlString('🐱')).toBe('"🐱"');
  });

  it('puts a multi-line name on one line for classes.txt', () => {
    expect(singleLine('a\r\nb')).toBe('a  b');
  });
});
