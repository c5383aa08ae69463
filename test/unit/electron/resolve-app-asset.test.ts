import { describe, expect, it } from 'vitest';
import { join, resolve, sep } from 'node:path';
import { resolveAppAsset } from '../../../src-main/electron/resolve-app-asset';

const root = resolve('/opt/cv-steward/renderer');

describe('serving the renderer from app://steward/', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppAsset('app://steward/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://steward/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://steward/assets/index-abc.js?x=1#y', root)).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it.each(['app://steward/../secrets.txt', 'app://steward/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps dot segments that the URL parser removes inside the folder: %s',
    (url) => {
      expect(resolveAppAsset(url, root)?.startsWith(root + sep)).toBe(true);
    },
  );

  it.each([
    'app://steward/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://steward/%00index.html',
    'app://steward/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(url, root)).toBeNull();
  });
});
