/**
 * Bundle paths come from ids and fixed words only: hostile project, tag or platform names
 * can never steer a file outside its folder or onto a name a disk would refuse or merge.
 */
import { describe, expect, it } from 'vitest';
import {
  bundleId,
  categoryOfPath,
  checkBundlePath,
  iterationPaths,
  pathProblem,
  projectPaths,
} from '../../../src-main/export/bundle-paths';

const P = '0f8c7b1e-2d3a-4c5b-9e6f-7a8b9c0d1e2f';
const I = 'A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF';

describe('ids', () => {
  it('accepts GUIDs in either case and uses them in lower case', () => {
    expect(bundleId('project', P)).toBe(P);
    expect(bundleId('iteration', I)).toBe(I.toLowerCase());
    expect(projectPaths.project(P.toUpperCase())).toBe(`projects/${P}/project.json`);
  });

  it('refuses anything that is not a GUID, names above all', () => {
    for (const hostile of ['../../x', 'CON', 'a', 'A', '<img src=x onerror=alert(1)>', '🌸', '花', '', `${P}/..`, `${P} `, null, undefined, 42]) {
      expect(() => bundleId('project', hostile), String(hostile)).toThrow(/not a GUID/);
      expect(() => projectPaths.tags(hostile as string)).toThrow(expect.objectContaining({ code: 'INVALID_ID' }));
    }
  });

  it('gives two projects with the same name, or names differing in case, different folders', () => {
    const a = projectPaths.images('11111111-1111-4111-8111-111111111111');
    const b = projectPaths.images('22222222-2222-4222-8222-222222222222');
    expect(a).not.toBe(b);
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
  });
});

describe('model file names', () => {
  it('uses plain platform and flavor words, and refuses anything else', () => {
    expect(iterationPaths.model(P, I, 'ONNX', 'ONNX12')).toBe(`projects/${P}/iterations/${I.toLowerCase()}/models/ONNX.ONNX12.zip`);
    expect(iterationPaths.model(P, I, 'TensorFlow', null)).toMatch(/models\/TensorFlow\.zip$/);
    for (const platform of ['../x', 'CON/..', 'a b', '', '🌸', null]) expect(iterationPaths.model(P, I, platform, null)).toBeUndefined();
    expect(iterationPaths.model(P, I, 'ONNX', '../../x')).toBeUndefined();
    expect(iterationPaths.modelFallback(P, I, 0)).toMatch(/models\/export-1\.zip$/);
  });
});

describe('checkBundlePath (for every writer, datasets and viewer included)', () => {
  it('accepts ordinary relative paths, Unicode included', () => {
    for (const ok of ['index.html', 'viewer/data/bundle.js', 'datasets/folders/p/猫 🐱/a.jpg', `projects/${P}/images/files/${P}.png`]) {
      expect(checkBundlePath(ok)).toBe(ok);
    }
  });

  it('refuses traversal, absolute paths, device names, Windows-forbidden characters and the engine’s own files', () => {
    const refused: Array<[string, RegExp]> = [
      ['../x', /relative segment/],
      ['a/../../x', /relative segment/],
      ['/etc/passwd', /absolute/],
      ['a//b', /empty/],
      ['a\\..\\b', /forbidden character/],
      ['datasets/CON', /reserved/],
      ['datasets/con.txt', /reserved/],
      ['datasets/LPT1.jpg', /reserved/],
      ['datasets/a:b', /forbidden/],
      ['datasets/<img>', /forbidden/],
      ['datasets/name.', /dot or space/],
      ['datasets/name ', /dot or space/],
      ['a\u0000b', /forbidden/],
      ['.cv-steward/journal.jsonl', /state folder/],
      ['manifest.json', /manifest/],
      ['', /empty/],
    ];
    for (const [path, reason] of refused) {
      expect(pathProblem(path), path).toMatch(reason);
      expect(() => checkBundlePath(path)).toThrow(expect.objectContaining({ code: 'UNSAFE_PATH' }));
    }
  });
});

describe('categoryOfPath', () => {
  it('files each canonical file under the category whose bytes it counts toward', () => {
    const i = I.toLowerCase();
    expect(categoryOfPath(`projects/${P}/project.json`)).toBe('projects');
    expect(categoryOfPath(`projects/${P}/tags.json`)).toBe('tags');
    expect(categoryOfPath(`projects/${P}/images/files/${P}.png`)).toBe('images');
    expect(categoryOfPath(`projects/${P}/iterations/${i}/iteration.json`)).toBe('iterations');
    expect(categoryOfPath(`projects/${P}/iterations/${i}/images.jsonl`)).toBe('images');
    expect(categoryOfPath(`projects/${P}/iterations/${i}/image-performances.jsonl`)).toBe('performance');
    expect(categoryOfPath(`projects/${P}/iterations/${i}/models/ONNX.zip`)).toBe('models');
    expect(categoryOfPath(`projects/${P}/predictions/predictions.jsonl`)).toBe('predictions');
    expect(categoryOfPath('account/account.json')).toBeUndefined();
    expect(categoryOfPath('datasets/README.txt')).toBeUndefined();
  });
});
