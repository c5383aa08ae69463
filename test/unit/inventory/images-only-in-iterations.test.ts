/**
 * Images that survive only inside trained iterations: found by id (iterations listed,
 * the workspace asked by id, never paged), at the documented API cost.
 */
import { describe, expect, it } from 'vitest';
import type { Image, PagedList, TrainingClient } from '../../../src-main/customvision';
import { countImagesOnlyInIterations } from '../../../src-main/inventory';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => id(from + i));

/** A project's images as the service holds them: per-iteration copies and the workspace. */
class FakeProject implements Pick<TrainingClient, 'iterateImages' | 'getImagesByIds'> {
  readonly calls: string[] = [];
  constructor(
    private readonly iterations: Record<string, string[]>,
    private readonly workspace: Set<string>,
  ) {}

  iterateImages(_projectId: string, options: { iterationId?: string; pageSize?: number } = {}): PagedList<Image> {
    const ids = (options.iterationId ? this.iterations[options.iterationId] : [...this.workspace]) ?? [];
    const size = options.pageSize ?? 256;
    const calls = this.calls;
    const where = options.iterationId ?? 'workspace';
    const pages = async function* () {
      for (let start = 0; ; start += size) {
        calls.push(`GetImages ${where}`);
        const page = ids.slice(start, start + size).map((imageId) => ({ id: imageId.toUpperCase() }) as Image);
        yield page;
        if (page.length < size) return;
      }
    };
    return {
      pages,
      stats: { pages: 0, items: 0, duplicatesDropped: 0 },
      async *[Symbol.asyncIterator]() {
        for await (const page of pages()) yield* page;
      },
    };
  }

  async getImagesByIds(_projectId: string, imageIds: readonly string[]): Promise<Image[]> {
    this.calls.push(`GetImagesByIds ${imageIds.length}`);
    // Found images only, not in request order.
    return imageIds.filter((imageId) => this.workspace.has(imageId)).reverse().map((imageId) => ({ id: imageId }) as Image);
  }
}

const walk = { signal: new AbortController().signal, checkpoint: async () => undefined };

describe('images only in iterations', () => {
  it('counts the distinct images no longer in the workspace, listing only the iterations', async () => {
    // Iteration 1: images 0–299; iteration 2: 100–399. The workspace kept 250–449.
    const project = new FakeProject({ it1: range(0, 300), it2: range(100, 400) }, new Set(range(250, 450)));

    const count = await countImagesOnlyInIterations(
      project,
      'p',
      [
        { iterationId: 'it1', count: 300 },
        { iterationId: 'it2', count: 300 },
      ],
      200,
      walk,
    );

    expect(count).toBe(250); // 0–249
    // ⌈300/256⌉ pages per iteration, ⌈400/256⌉ id checks; the workspace is never paged.
    expect(project.calls).toEqual(['GetImages it1', 'GetImages it1', 'GetImages it2', 'GetImages it2', 'GetImagesByIds 256', 'GetImagesByIds 144']);
  });

  it('makes no call for iterations without images', async () => {
    const project = new FakeProject({ it1: [] }, new Set(range(0, 10)));
    expect(await countImagesOnlyInIterations(project, 'p', [{ iterationId: 'it1', count: 0 }], 10, walk)).toBe(0);
    expect(project.calls).toEqual([]);
  });

  it('does not ask an empty workspace: everything in the iterations is only there', async () => {
    const project = new FakeProject({ it1: range(0, 40) }, new Set());
    expect(await countImagesOnlyInIterations(project, 'p', [{ iterationId: 'it1', count: 40 }], 0, walk)).toBe(40);
    expect(project.calls).toEqual(['GetImages it1']);
  });
});
