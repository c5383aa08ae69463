/**
 * The seed format (documented in ../README.md): JSON describing projects, tags, images
 * (bytes generated from their spec), iterations, exports and stored predictions. Tags are
 * referenced by name and images by a local `key`; every id is derived from these stable
 * names, so a seed always produces the same ids.
 */
import { z } from 'zod';

/** ISO date-time, or minutes after the seed's `baseDate`. */
const when = z.union([z.string().datetime({ offset: true }), z.number().finite()]);
const fraction = z.number().min(0).max(1);
const box = z.object({ left: fraction, top: fraction, width: fraction, height: fraction }).strict();
const imageFormat = z.enum(['png', 'jpeg', 'bmp', 'gif']);
const side = z.number().int().min(1).max(10_240);

const tagSchema = z
  .object({
    name: z.string().min(1).max(256),
    type: z.enum(['Regular', 'Negative', 'GeneralProduct']).default('Regular'),
    description: z.string().nullable().default(null),
  })
  .strict();

const imageSchema = z
  .object({
    key: z.string().min(1),
    width: side,
    height: side,
    format: imageFormat.default('png'),
    /** Generator seed; default derived from the key. */
    seed: z.number().int().optional(),
    created: when.optional(),
    tags: z.array(z.string()).default([]),
    regions: z.array(box.extend({ tag: z.string() }).strict()).default([]),
    metadata: z.record(z.string().max(256), z.string().max(512)).optional(),
    /** Deleted from the workspace after the iterations were trained: only iterations keep it. */
    deletedFromWorkspace: z.boolean().default(false),
  })
  .strict();

const iterationSchema = z
  .object({
    name: z.string().min(1),
    created: when.optional(),
    status: z.enum(['Completed', 'Training', 'Failed']).default('Completed'),
    /** Image keys in this iteration; default: every tagged image created before it. */
    images: z.array(z.string()).optional(),
    trainingTimeInMinutes: z.number().int().min(0).default(6),
    published: z
      .object({
        name: z.string().min(1),
        predictionResourceId: z
          .string()
          .default('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/demo/providers/Microsoft.CognitiveServices/accounts/demo-prediction'),
      })
      .strict()
      .optional(),
    exports: z
      .array(
        z
          .object({
            platform: z.enum(['CoreML', 'TensorFlow', 'DockerFile', 'ONNX', 'VAIDK', 'OpenVino']),
            flavor: z.enum(['Linux', 'Windows', 'ONNX10', 'ONNX12', 'ARM', 'TensorFlowNormal', 'TensorFlowLite']).nullable().default(null),
            status: z.enum(['Done', 'Exporting', 'Failed']).default('Done'),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const predictionSchema = z
  .object({
    key: z.string().min(1),
    /** Name of the iteration that made it. */
    iteration: z.string(),
    created: when.optional(),
    width: side,
    height: side,
    format: imageFormat.default('jpeg'),
    seed: z.number().int().optional(),
    results: z.array(z.object({ tag: z.string(), probability: fraction, boundingBox: box.optional() }).strict()).min(1),
  })
  .strict();

const projectSchema = z
  .object({
    key: z.string().min(1),
    name: z.string().min(1),
    description: z.string().nullable().default(null),
    /** A domain id, or a domain name from GetDomains (resolved within `domainType`). */
    domain: z.string().default('General'),
    domainType: z.enum(['Classification', 'ObjectDetection']).default('Classification'),
    classificationType: z.enum(['Multiclass', 'Multilabel']).default('Multiclass'),
    created: when.optional(),
    tags: z.array(tagSchema).default([]),
    images: z.array(imageSchema).default([]),
    iterations: z.array(iterationSchema).default([]),
    predictions: z.array(predictionSchema).default([]),
  })
  .strict();

export const seedSchema = z
  .object({
    format: z.literal('cv-emulator-seed'),
    version: z.literal(1),
    baseDate: z.string().datetime({ offset: true }).default('2024-01-08T09:00:00Z'),
    projects: z.array(projectSchema).default([]),
  })
  .strict();

/** What a seed file contains (defaults not yet applied). */
export type SeedDocument = z.input<typeof seedSchema>;
/** A validated seed with defaults applied. */
export type Seed = z.output<typeof seedSchema>;
export type SeedProject = Seed['projects'][number];
export type SeedImage = SeedProject['images'][number];
export type SeedIteration = SeedProject['iterations'][number];
