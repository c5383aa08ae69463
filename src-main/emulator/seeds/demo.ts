/**
 * The built-in demo account ("Try the demo account"): three projects that exercise every
 * data kind — a multiclass, a multilabel and an object-detection project; tags including
 * a Negative tag; regions, metadata, untagged images; two iterations each with one
 * published; images deleted after training (alive only inside iterations); finished model
 * exports; stored predictions. 300 PNG/JPEG images, 256–1024 px. Generated from a fixed
 * PRNG seed and a fixed base date, so it is identical on every start.
 */
import { createPrng, type Prng } from '../prng';
import type { SeedDocument } from './format';

type SeedProjectInput = NonNullable<SeedDocument['projects']>[number];
type SeedImageInput = NonNullable<SeedProjectInput['images']>[number];

const CAMERAS = ['Pixel 7', 'iPhone 13', 'Canon EOS R6', 'Webcam'];
const STORES = ['north', 'south', 'harbour'];

function size(prng: Prng): { width: number; height: number } {
  const width = prng.int(8, 32) * 32; // 256..1024
  const height = Math.min(1024, Math.max(256, Math.round((width * prng.int(60, 140)) / 100 / 32) * 32));
  return { width, height };
}

function image(prng: Prng, key: string, minute: number, extra: Partial<SeedImageInput>): SeedImageInput {
  return { key, ...size(prng), format: prng.next() < 0.5 ? 'png' : 'jpeg', created: minute + prng.next(), ...extra };
}

function metadata(prng: Prng, i: number): Record<string, string> | undefined {
  if (i % 3 !== 0) return undefined;
  return { camera: prng.pick(CAMERAS), store: prng.pick(STORES) };
}

function flowers(prng: Prng): SeedProjectInput {
  const names = ['Daisy', 'Rose', 'Sunflower', 'Tulip'];
  const images: SeedImageInput[] = [];
  for (let i = 0; i < 110; i += 1) {
    const minute = 10 + i * 7;
    const tags = i < 96 ? [names[i % 4] ?? 'Daisy'] : i < 102 ? ['Not a flower'] : [];
    images.push(image(prng, `flower-${i + 1}`, minute, { tags, metadata: metadata(prng, i), deletedFromWorkspace: [3, 17, 29, 44, 58, 71].includes(i) }));
  }
  return {
    key: 'demo-flowers',
    name: 'Flower shop (demo)',
    description: 'Multiclass classification: which flower is in the photo?',
    domain: 'General (compact)',
    classificationType: 'Multiclass',
    created: 0.0153,
    tags: [...names.map((name) => ({ name, description: `Photos of a ${name.toLowerCase()}` })), { name: 'Not a flower', type: 'Negative' as const }],
    images,
    iterations: [
      { name: 'Iteration 1', created: 10 + 60 * 7 + 3.0291 },
      { name: 'Iteration 2', created: 10 + 110 * 7 + 3.4187, published: { name: 'flowers-prod' }, exports: [{ platform: 'TensorFlow' }, { platform: 'ONNX', flavor: 'ONNX12' }] },
    ],
    predictions: Array.from({ length: 6 }, (_, i) => {
      const top = names[i % 4] ?? 'Daisy';
      const second = names[(i + 1) % 4] ?? 'Rose';
      return {
        key: `flower-prediction-${i + 1}`,
        iteration: 'Iteration 2',
        created: 10 + 110 * 7 + 60 + i * 37,
        ...size(prng),
        results: [
          { tag: top, probability: 0.7 + prng.next() * 0.29 },
          { tag: second, probability: prng.next() * 0.2 },
        ],
      };
    }),
  };
}

function streets(prng: Prng): SeedProjectInput {
  const names = ['Car', 'Bicycle', 'Person', 'Tree'];
  const images: SeedImageInput[] = [];
  for (let i = 0; i < 90; i += 1) {
    const tags = i >= 82 ? [] : names.filter((_, j) => j === i % 4 || prng.next() < 0.3);
    images.push(image(prng, `street-${i + 1}`, 3 * 24 * 60 + i * 9, { tags, metadata: metadata(prng, i), deletedFromWorkspace: [5, 22, 40, 61, 77].includes(i) }));
  }
  return {
    key: 'demo-streets',
    name: 'Street scenes (demo)',
    description: 'Multilabel classification: everything visible in a street photo.',
    domain: 'General',
    classificationType: 'Multilabel',
    created: 3 * 24 * 60 - 30,
    tags: names.map((name) => ({ name })),
    images,
    iterations: [
      { name: 'Iteration 1', created: 3 * 24 * 60 + 50 * 9 + 2.1133, published: { name: 'streets-v1' } },
      { name: 'Iteration 2', created: 3 * 24 * 60 + 90 * 9 + 2.7702 },
    ],
    predictions: Array.from({ length: 5 }, (_, i) => ({
      key: `street-prediction-${i + 1}`,
      iteration: 'Iteration 1',
      created: 3 * 24 * 60 + 90 * 9 + 120 + i * 53,
      ...size(prng),
      results: names.map((tag) => ({ tag, probability: prng.next() })),
    })),
  };
}

function parcels(prng: Prng): SeedProjectInput {
  const names = ['Box', 'Envelope', 'Label'];
  const images: SeedImageInput[] = [];
  for (let i = 0; i < 100; i += 1) {
    const regions =
      i >= 94
        ? []
        : Array.from({ length: prng.int(1, 3) }, (_, j) => {
            const width = 0.15 + prng.next() * 0.35;
            const height = 0.15 + prng.next() * 0.35;
            return { tag: names[(i + j) % 3] ?? 'Box', left: prng.next() * (1 - width), top: prng.next() * (1 - height), width, height };
          });
    images.push(image(prng, `parcel-${i + 1}`, 6 * 24 * 60 + i * 8, { regions, metadata: metadata(prng, i), deletedFromWorkspace: [2, 19, 36, 52, 80].includes(i) }));
  }
  return {
    key: 'demo-parcels',
    name: 'Parcel detector (demo)',
    description: 'Object detection: boxes, envelopes and shipping labels.',
    domain: 'General (compact)',
    domainType: 'ObjectDetection',
    created: 6 * 24 * 60 - 45,
    tags: names.map((name) => ({ name })),
    images,
    iterations: [
      { name: 'Iteration 1', created: 6 * 24 * 60 + 55 * 8 + 4.2506 },
      { name: 'Iteration 2', created: 6 * 24 * 60 + 100 * 8 + 4.6619, published: { name: 'parcels-prod' }, exports: [{ platform: 'ONNX' }] },
    ],
    predictions: Array.from({ length: 6 }, (_, i) => ({
      key: `parcel-prediction-${i + 1}`,
      iteration: 'Iteration 2',
      created: 6 * 24 * 60 + 100 * 8 + 90 + i * 41,
      ...size(prng),
      results: names.map((tag, j) => ({
        tag,
        probability: j === i % 3 ? 0.8 + prng.next() * 0.19 : prng.next() * 0.3,
        boundingBox: { left: 0.1 + j * 0.2, top: 0.2, width: 0.25, height: 0.3 },
      })),
    })),
  };
}

/** The demo seed document; the same object on every call. */
export function demoSeed(): SeedDocument {
  const prng = createPrng('cv-steward-demo-v1');
  return {
    format: 'cv-emulator-seed',
    version: 1,
    baseDate: '2024-01-08T09:00:00Z',
    projects: [flowers(prng), streets(prng), parcels(prng)],
  };
}
