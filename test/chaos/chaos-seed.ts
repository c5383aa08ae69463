/**
 * The account every chaos run exports: every kind of data the export saves, with small
 * images (the chaos is in the network, not in encoding big pictures). With `ties`, images
 * are "uploaded" in batches whose members share one `created` value, as real batch
 * uploads do — the case where skip/take paging loses images.
 */
import type { SeedDocument } from '../../src-main/emulator';

export interface ChaosSeedOptions {
  /** Images in all (about four fifths in the classification project). */
  images: number;
  /** Images per shared timestamp; 1 = every image its own. */
  batch: number;
}

const FORMATS = ['png', 'jpeg', 'bmp', 'gif'] as const;

export function chaosSeed({ images, batch }: ChaosSeedOptions): SeedDocument {
  const shopImages = Math.max(8, Math.round(images * 0.8));
  const detectImages = Math.max(4, images - shopImages);
  // Minutes after baseDate: equal minutes are equal `created` values to the tick.
  const created = (i: number) => Math.floor(i / Math.max(1, batch));
  return {
    format: 'cv-emulator-seed',
    version: 1,
    baseDate: '2024-03-01T08:00:00Z',
    projects: [
      {
        key: 'shop',
        name: 'Chaos shop',
        domain: 'General (compact)',
        tags: [{ name: 'rose' }, { name: 'tulip' }, { name: 'daisy' }, { name: 'Not a flower', type: 'Negative' }],
        images: Array.from({ length: shopImages }, (_, i) => ({
          key: `s${i}`,
          width: 24 + (i % 17),
          height: 20 + (i % 13),
          format: FORMATS[i % FORMATS.length],
          created: created(i),
          tags: i % 7 === 6 ? [] : [['rose', 'tulip', 'daisy'][i % 3] ?? 'rose'],
          ...(i % 9 === 0 ? { metadata: { camera: `cam-${i % 4}` } } : {}),
          // Some live only inside the trained iterations afterwards.
          ...(i % 53 === 5 ? { deletedFromWorkspace: true } : {}),
        })),
        iterations: [
          { name: 'Iteration 1', created: created(shopImages) + 30, published: { name: 'chaos-prod' }, exports: [{ platform: 'TensorFlow' }, { platform: 'ONNX' }] },
          { name: 'Iteration 2', created: created(shopImages) + 60 },
        ],
        predictions: Array.from({ length: 12 }, (_, i) => ({
          key: `p${i}`,
          iteration: 'Iteration 1',
          width: 24 + i,
          height: 20,
          results: [{ tag: ['rose', 'tulip', 'daisy'][i % 3] ?? 'rose', probability: 0.5 + i / 40 }],
        })),
      },
      {
        key: 'detect',
        name: 'Chaos detection',
        domain: 'General (compact)',
        domainType: 'ObjectDetection',
        tags: [{ name: 'box' }, { name: 'can' }],
        images: Array.from({ length: detectImages }, (_, i) => ({
          key: `d${i}`,
          width: 40 + (i % 11),
          height: 32 + (i % 5),
          format: FORMATS[(i + 1) % FORMATS.length],
          created: created(i),
          tags: i % 5 === 4 ? [] : [i % 2 ? 'box' : 'can'],
          regions: i % 5 === 4 ? [] : [{ tag: i % 2 ? 'box' : 'can', left: 0.1, top: 0.2, width: 0.5, height: 0.4 }],
        })),
        iterations: [{ name: 'Iteration 1', created: created(detectImages) + 30, exports: [{ platform: 'ONNX' }] }],
      },
    ],
  };
}
