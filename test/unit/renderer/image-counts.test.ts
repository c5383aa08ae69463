/**
 * A project's images in one vocabulary for every page: all images = the workspace's
 * (tagged + untagged) + those kept only by trained iterations, each part named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectCounts, ProjectRow } from '../../../shared/model/inventory';
import { rowDetail } from '../../../src-renderer/components/inventory-labels';
import { i18n } from '../../../src-renderer/i18n';
import { imageCounts, imagesText } from '../../../src-renderer/lib/image-counts';
import { scanSnapshot } from '../../support/renderer/fake-inventory';

const COUNTS: ProjectCounts = {
  iterations: 2,
  trainedIterations: 2,
  publishedIterations: 1,
  performance: 2,
  tags: 5,
  taggedImages: 98,
  untaggedImages: 6,
  imagesOnlyInIterations: 6,
  models: 1,
  predictions: 4,
};

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('image counts', () => {
  it('adds the images only inside trained iterations to the workspace’s, and names both parts', () => {
    expect(imageCounts(COUNTS)).toEqual({ workspace: 104, onlyInIterations: 6, all: 110 });
    expect(imagesText(COUNTS)).toBe('110 images (104 in the workspace, 6 only inside trained iterations)');
  });

  it('says plainly "N images" when no iteration keeps images of its own, and which images while those are not counted', () => {
    expect(imagesText({ ...COUNTS, imagesOnlyInIterations: 0 })).toBe('104 images');
    expect(imagesText({ ...COUNTS, imagesOnlyInIterations: null })).toBe('104 images in the workspace');
    expect(imagesText({ ...COUNTS, taggedImages: null, untaggedImages: null })).toBeNull();
  });

  it('says the same in Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(imagesText(COUNTS)).toBe('110 張影像（工作區中 104 張，只存在於已訓練的反覆項目中 6 張）');
    expect(imagesText({ ...COUNTS, imagesOnlyInIterations: null })).toBe('工作區中 104 張影像');
  });
});

describe('the Inventory page’s Images row', () => {
  const project = (id: string, counts: Partial<ProjectCounts>): ProjectRow => ({
    id,
    name: id,
    kind: null,
    counts: { ...COUNTS, ...counts },
    iterations: [],
    tags: [],
    tagsTruncated: false,
    models: [],
    problems: [],
  });
  const snapshot = scanSnapshot({
    state: 'done',
    projects: [project('p1', { taggedImages: 200, untaggedImages: 20, imagesOnlyInIterations: 10 }), project('p2', { taggedImages: 62, untaggedImages: 2, imagesOnlyInIterations: 6 })],
  });

  it('says which images are in the workspace and which only inside trained iterations, as the other pages do', () => {
    expect(rowDetail('images', snapshot)).toBe('262 tagged and 22 untagged in the workspace, 16 only inside trained iterations');
  });

  it('says the same in Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(rowDetail('images', snapshot)).toBe('工作區中 262 張已標記、22 張未標記，只存在於已訓練的反覆項目中 16 張');
  });

  it('names only the workspace while the iterations’ own images are not counted', () => {
    const uncounted = scanSnapshot({ state: 'done', projects: [project('p1', { taggedImages: 5, untaggedImages: 1, imagesOnlyInIterations: null })] });
    expect(rowDetail('images', uncounted)).toBe('5 tagged and 1 untagged in the workspace');
  });
});
