import { describe, expect, it } from 'vitest';
import { assignFolderNames, MAX_NAME_BYTES, MAX_NAME_CHARS, sanitiseFolderName } from '../../../../src-main/export/datasets/folder-names';

// eslint-disable-next-line no-control-regex -- control characters are what Windows forbids
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/u;

/** What Windows, macOS and Linux all accept as one path segment. */
function expectPortable(name: string): void {
  expect(name).not.toMatch(WINDOWS_FORBIDDEN);
  expect(name).not.toMatch(/[. ]$/u);
  expect(name).not.toMatch(/^[.=+\-@ ]/u);
  expect(name).not.toBe('');
  expect(name.split('.')[0]?.toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/u);
  expect([...name].length).toBeLessThanOrEqual(MAX_NAME_CHARS);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
}

describe('sanitiseFolderName', () => {
  it('never lets a tag name climb out of its folder or hide itself', () => {
    expect(sanitiseFolderName('../../x')).toBe('_._.._x');
    expect(sanitiseFolderName('..')).toBe('_');
    expect(sanitiseFolderName('.')).toBe('_');
    expect(sanitiseFolderName('a/b\\c')).toBe('a_b_c');
    expect(sanitiseFolderName('.hidden')).toBe('_hidden');
  });

  it('renames Windows device names, with or without an extension', () => {
    expect(sanitiseFolderName('CON')).toBe('CON_');
    expect(sanitiseFolderName('con')).toBe('con_');
    expect(sanitiseFolderName('nul.txt')).toBe('nul_.txt');
    expect(sanitiseFolderName('COM1')).toBe('COM1_');
    expect(sanitiseFolderName('LPT9')).toBe('LPT9_');
    expect(sanitiseFolderName('Console')).toBe('Console');
  });

  it('drops trailing dots and spaces and replaces markup and line breaks', () => {
    expect(sanitiseFolderName('dog. . ')).toBe('dog');
    expect(sanitiseFolderName('<img src=x onerror=alert(1)>')).toBe('_img src=x onerror=alert(1)_');
    expect(sanitiseFolderName('line\nbreak\r\tx')).toBe('line_break__x');
    expect(sanitiseFolderName('=HYPERLINK("x")')).toBe('_HYPERLINK(_x_)');
    expect(sanitiseFolderName('-rf')).toBe('_rf');
    expect(sanitiseFolderName('   ')).toBe('tag');
    expect(sanitiseFolderName('')).toBe('tag');
    expect(sanitiseFolderName('\u202Egnp.exe')).toBe('_gnp.exe');
  });

  it('keeps emoji and CJK, and cuts long names on character boundaries', () => {
    expect(sanitiseFolderName('猫 🐱')).toBe('猫 🐱');
    const long = sanitiseFolderName('🐱'.repeat(100));
    expect(long).toBe('🐱'.repeat(MAX_NAME_BYTES / 4));
    expect(sanitiseFolderName('x'.repeat(300))).toHaveLength(MAX_NAME_CHARS);
    expect(sanitiseFolderName('é'.normalize('NFD'))).toBe('é'.normalize('NFC'));
  });

  it.each(['../../x', 'CON', 'aux.', '<img src=x onerror=alert(1)>', '🐱'.repeat(80), '漢字'.repeat(80), 'a\nb', ' .. ', '-', 'COM1.tar.gz'])(
    'makes %j portable',
    (name) => expectPortable(sanitiseFolderName(name)),
  );
});

describe('assignFolderNames', () => {
  const A = '11111111-aaaa-4000-8000-000000000001';
  const B = '22222222-bbbb-4000-8000-000000000002';
  const C = '33333333-cccc-4000-8000-000000000003';

  it('tells apart names equal ignoring case, with a suffix from the tag id', () => {
    const names = assignFolderNames([
      { tagId: B, name: 'A' },
      { tagId: A, name: 'a' },
    ]);
    expect(names.get(A)).toBe('a');
    expect(names.get(B)).toBe('A_22222222');
  });

  it('gives every tag the same folder whatever order the tags come in', () => {
    const tags = [
      { tagId: C, name: 'cat' },
      { tagId: A, name: 'Cat' },
      { tagId: B, name: 'CAT' },
    ];
    const forward = assignFolderNames(tags);
    const backward = assignFolderNames([...tags].reverse());
    expect([...backward].sort()).toEqual([...forward].sort());
    expect(new Set([...forward.values()].map((n) => n.toLowerCase())).size).toBe(3);
  });

  it('does not let a suffixed name take a name another tag has plainly', () => {
    const names = assignFolderNames([
      { tagId: A, name: 'x' },
      { tagId: B, name: 'X' },
      { tagId: C, name: 'X_22222222' },
    ]);
    expect(names.get(C)).toBe('X_22222222');
    expect(names.get(B)).toBe('X_22222222-bbbb-4000-8000-000000000002');
    expect(new Set([...names.values()].map((n) => n.toLowerCase())).size).toBe(3);
  });

  it('keeps suffixed names within the length limit and free of unsafe id characters', () => {
    const names = assignFolderNames([
      { tagId: A, name: 'y'.repeat(200) },
      { tagId: 'zz/../evil', name: 'Y'.repeat(200) },
    ]);
    const suffixed = names.get('zz/../evil') ?? '';
    expectPortable(suffixed);
    expect(suffixed.endsWith('Y_zz____ev')).toBe(true);
    expect(names.get(A)).toBe('y'.repeat(MAX_NAME_CHARS));
  });
});
