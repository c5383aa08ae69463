import { describe, expect, it } from 'vitest';
import { buildClassList } from '../../../../src-main/export/datasets/classes';
import { cocoBox, normaliseRegion, vocBox, yoloLine, type Box } from '../../../../src-main/export/datasets/regions';
import type { RegionRecord } from '../../../../src-main/export/datasets/records';

const CAT = 'b607964f-7bd6-4a3b-a869-6791fb6aab87';
const NONE = 'f0000000-7bd6-4a3b-a869-6791fb6aab87';
const classes = buildClassList(
  [
    { id: CAT, name: 'tag 1', type: 'Regular' },
    { id: NONE, name: 'Negative', type: 'Negative' },
  ],
  new Map(),
);

function region(left: number, top: number, width: number, height: number, tagId = CAT): RegionRecord {
  return { regionId: 'r', tagId, tagName: 'tag 1', left, top, width, height };
}

function box(left: number, top: number, width: number, height: number): Box {
  const result = normaliseRegion(region(left, top, width, height), classes);
  if (!result.ok) throw new Error(`skipped: ${result.reason}`);
  return result.box;
}

describe('region rules', () => {
  it('keeps a region that touches both image edges exactly, without calling it clamped', () => {
    const whole = box(0, 0, 1, 1);
    expect(whole).toMatchObject({ left: 0, top: 0, width: 1, height: 1, clamped: false });
    // 0.7 + 0.3 is not exactly 1 in binary: noise is not a region outside the image.
    expect(box(0.7, 0.1, 0.3, 0.9).clamped).toBe(false);
  });

  it('clamps regions that reach outside the image and says so', () => {
    const b = box(-0.1, 0.8, 0.5, 0.4);
    expect(b.left).toBe(0);
    expect(b.width).toBeCloseTo(0.4, 12);
    expect(b.top).toBe(0.8);
    expect(b.height).toBeCloseTo(0.2, 12);
    expect(b.clamped).toBe(true);
  });

  it('skips zero-size, negative-size, outside, non-numeric, untagged and Negative regions with a reason', () => {
    const reason = (r: RegionRecord): string | undefined => {
      const result = normaliseRegion(r, classes);
      return result.ok ? undefined : result.reason;
    };
    expect(reason(region(0.5, 0.5, 0, 0.2))).toBe('zero-size');
    expect(reason(region(0.5, 0.5, 0.2, -0.1))).toBe('zero-size');
    expect(reason(region(1, 0.5, 0.2, 0.2))).toBe('outside-image');
    expect(reason(region(-0.5, 0.5, 0.5, 0.2))).toBe('outside-image');
    expect(reason(region(Number.NaN, 0.5, 0.2, 0.2))).toBe('invalid-coordinates');
    expect(reason(region(0.1, 0.1, 0.2, 0.2, ''))).toBe('missing-tag');
    expect(reason(region(0.1, 0.1, 0.2, 0.2, NONE))).toBe('negative-tag');
  });
});

describe('COCO pixels', () => {
  it('is [l*W, t*H, w*W, h*H] with the area, free of floating-point noise', () => {
    // 0.1 * 1095 = 109.50000000000001 in binary floating point.
    expect(cocoBox(box(0.1, 0.25, 0.5, 0.5), 1095, 900)).toEqual({ bbox: [109.5, 225, 547.5, 450], area: 246375 });
  });

  it('covers a whole 1×1 image as [0, 0, 1, 1]', () => {
    expect(cocoBox(box(0, 0, 1, 1), 1, 1)).toEqual({ bbox: [0, 0, 1, 1], area: 1 });
  });
});

describe('Pascal VOC pixels (1-based, inclusive)', () => {
  it('maps the whole image to 1..W and 1..H', () => {
    expect(vocBox(box(0, 0, 1, 1), 1095, 900)).toEqual({ xmin: 1, ymin: 1, xmax: 1095, ymax: 900 });
    expect(vocBox(box(0, 0, 1, 1), 1, 1)).toEqual({ xmin: 1, ymin: 1, xmax: 1, ymax: 1 });
  });

  it('uses xmin = round(l*W)+1 and xmax = round((l+w)*W), halves rounding up', () => {
    // l*W = 2.5 → 3 + 1; (l+w)*W = 7.5 → 8.
    expect(vocBox(box(0.25, 0.25, 0.5, 0.5), 10, 10)).toEqual({ xmin: 4, ymin: 4, xmax: 8, ymax: 8 });
    expect(vocBox(box(0.1, 0.2, 0.3, 0.4), 100, 50)).toEqual({ xmin: 11, ymin: 11, xmax: 40, ymax: 30 });
  });

  it('keeps a sub-pixel box on the pixel it is in instead of inverting it', () => {
    const b = vocBox(box(0.21, 0.21, 0.02, 0.02), 10, 10);
    expect(b.xmin).toBeLessThanOrEqual(b.xmax);
    expect(b).toEqual({ xmin: 3, ymin: 3, xmax: 3, ymax: 3 });
    // On a 1×1 image every box is that one pixel.
    expect(vocBox(box(0.6, 0.6, 0.3, 0.3), 1, 1)).toEqual({ xmin: 1, ymin: 1, xmax: 1, ymax: 1 });
  });
});

describe('YOLO line', () => {
  it('is class, centre and size normalised to six decimals', () => {
    expect(yoloLine(box(0, 0, 1, 1))).toBe('0 0.500000 0.500000 1.000000 1.000000');
    expect(yoloLine(box(0.1, 0.2, 0.3, 0.4))).toBe('0 0.250000 0.400000 0.300000 0.400000');
  });

  it('describes the clamped box, never a centre outside the image', () => {
    expect(yoloLine(box(0.9, -0.2, 0.3, 0.4))).toBe('0 0.950000 0.100000 0.100000 0.200000');
  });
});
