/**
 * The baseline: a straightforward sequential export with Microsoft's official SDK, as a
 * script author would write it. For each project, page GetTaggedImages then
 * GetUntaggedImages with take 50 (the SDK default page size), and for each image fetch
 * its originalImageUri and write the file, one at a time. It exports workspace images
 * only (no iterations, performance, predictions, models, datasets, checksums or fsync),
 * so it does less than the engine: the comparison is conservative. It stops after
 * BENCH_BASELINE_LIMIT images so the bench stays short; the parent extrapolates.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TrainingAPIClient } from '@azure/cognitiveservices-customvision-training';
import { ApiKeyCredentials } from '@azure/ms-rest-js';
import type { BaselineResult } from './protocol';
import { runChild } from './child-main';

const EXTENSIONS: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/bmp': '.bmp', 'image/gif': '.gif' };

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<BaselineResult> {
  const endpoint = env('BENCH_ENDPOINT');
  const folder = env('BENCH_FOLDER');
  const limit = Number(env('BENCH_BASELINE_LIMIT'));
  const client = new TrainingAPIClient(new ApiKeyCredentials({ inHeader: { 'Training-Key': env('CV_STEWARD_TRAINING_KEY') } }), endpoint);
  const started = Date.now();
  let images = 0;
  let bytes = 0;
  let listCalls = 1;
  const projects = await client.getProjects();
  outer: for (const project of projects) {
    const projectId = String(project.id);
    const dir = join(folder, projectId);
    await mkdir(dir, { recursive: true });
    for (const list of ['tagged', 'untagged'] as const) {
      for (let skip = 0; ; skip += 50) {
        const options = { take: 50, skip };
        const page = list === 'tagged' ? await client.getTaggedImages(projectId, options) : await client.getUntaggedImages(projectId, options);
        listCalls += 1;
        for (const image of page) {
          if (images >= limit) break outer;
          const response = await fetch(String(image.originalImageUri));
          if (!response.ok) throw new Error(`download of image ${String(image.id)} failed: HTTP ${response.status}`);
          const data = Buffer.from(await response.arrayBuffer());
          const extension = EXTENSIONS[response.headers.get('content-type') ?? ''] ?? '';
          await writeFile(join(dir, `${String(image.id)}${extension}`), data);
          images += 1;
          bytes += data.length;
        }
        if (page.length < 50) break;
      }
    }
  }
  return { type: 'result', elapsedMs: Date.now() - started, images, bytes, listCalls };
}

runChild(async () => {
  process.send?.(await main());
});
