import { afterEach, describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createConfStore } from '../../../src-main/settings';
import { makeTempDirs } from '../../support/settings/temp-dir';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

describe('createConfStore', () => {
  it('persists values in <cwd>/settings.json, readable by a later start', () => {
    const dir = temp.make();
    const store = createConfStore({ cwd: dir });
    store.set('theme', 'dark');
    store.set('window', { width: 800 });
    expect(store.path).toBe(path.join(dir, 'settings.json'));

    const reopened = createConfStore({ cwd: dir });
    expect(reopened.get('theme')).toBe('dark');
    expect(reopened.get('window')).toEqual({ width: 800 });
    reopened.delete('theme');
    expect(createConfStore({ cwd: dir }).get('theme')).toBeUndefined();
  });

  it('clear() empties the file, so the next start sees no settings at all', () => {
    const dir = temp.make();
    const store = createConfStore({ cwd: dir });
    store.set('accounts', [{ id: 'a' }]);
    store.set('theme', 'dark');
    store.clear?.();
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({});
    expect(createConfStore({ cwd: dir }).get('theme')).toBeUndefined();
  });

  it('uses the given file name', () => {
    const dir = temp.make();
    createConfStore({ cwd: dir, configName: 'prefs' }).set('a', 1);
    expect(readdirSync(dir)).toEqual(['prefs.json']);
  });

  it('treats dots in keys as part of the name, not as nesting', () => {
    const dir = temp.make();
    const store = createConfStore({ cwd: dir });
    store.set('a.b', 1);
    expect(store.get('a.b')).toBe(1);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ 'a.b': 1 });
  });

  it.skipIf(process.platform === 'win32')('writes the file readable by its owner only', () => {
    const store = createConfStore({ cwd: temp.make() });
    store.set('a', 1);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('a file that is not valid JSON is moved aside with a warning, and the app starts empty', () => {
    const dir = temp.make();
    writeFileSync(path.join(dir, 'settings.json'), '{"accounts": [ {"id": "x", ');
    const warnings: string[] = [];
    const store = createConfStore({ cwd: dir, onWarning: (message) => warnings.push(message) });
    expect(store.get('accounts')).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not valid JSON/);

    const aside = readdirSync(dir).filter((name) => name.startsWith('settings.corrupt-'));
    expect(aside).toHaveLength(1);
    // What the person had is kept, byte for byte, where the warning says.
    expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('{"accounts": [ {"id": "x", ');
    expect(warnings[0]).toContain(aside[0]);

    store.set('theme', 'light');
    expect(createConfStore({ cwd: dir }).get('theme')).toBe('light');
  });

  it('a file holding JSON that is not an object (a list, null) is treated the same way', () => {
    for (const content of ['[1, 2]', 'null', '"text"']) {
      const dir = temp.make();
      writeFileSync(path.join(dir, 'settings.json'), content);
      const warnings: string[] = [];
      const store = createConfStore({ cwd: dir, onWarning: (message) => warnings.push(message) });
      expect(store.get('0')).toBeUndefined();
      expect(warnings[0]).toMatch(/does not hold a JSON object/);
    }
  });

  it('a file broken while the app runs is recovered on the next read', () => {
    const dir = temp.make();
    const warnings: string[] = [];
    const store = createConfStore({ cwd: dir, onWarning: (message) => warnings.push(message) });
    store.set('theme', 'dark');
    writeFileSync(store.path, 'garbage');
    expect(store.get('theme')).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
