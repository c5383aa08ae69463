/**
 * Images uploaded together share one `created` value, the only thing the API sorts by,
 * and nothing orders equal values between two requests. Offset paging then repeats some
 * images and skips others at page boundaries. The client fetches a run that straddles a
 * boundary again from its first position, and complete listings reconcile with the
 * count, walking again other ways (other order, tag by tag, untagged apart) until it is
 * reached — or say how many are missing.
 */
import { describe, expect, it } from 'vitest';
import { createTrainingClient } from '../../../src-main/customvision/training-client';
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { offsetPages } from '../../../src-main/customvision/paging';
import { workspaceImageListing, iterationImageListing } from '../../../src-main/customvision/image-listings';
import type { Image } from '../../../src-main/customvision/wire-types';
import { fakeFetch } from '../../support/customvision/fake-fetch';
import { TAG_A, TAG_B, flipOnOddRequests, imagesInRuns, tiedImageService, type FakeImage } from '../../support/customvision/tied-image-service';

const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const I = 'fe1e83c4-6f50-4899-9544-6bb08cf0e15a';

function clientFor(handler: ReturnType<typeof tiedImageService>['handler']) {
  const { fetch, sent } = fakeFetch(handler);
  const client = createTrainingClient({
    endpoint: 'https://myres.cognitiveservices.azure.com/',
    key: '0123456789abcdef0123456789abcdef',
    fetch,
    rateLimiters: new RateLimiterRegistry(),
    rateLimit: 10_000,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
  return { client, sent };
}

async function collect(pages: AsyncIterable<Image[]>): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of pages) ids.push(...page.map((image) => String(image.id)));
  return ids;
}

const idsOf = (images: FakeImage[]) => images.map((image) => image.id).sort();

describe('paging over equal timestamps', () => {
  // 600 images in runs of 40: the runs at offsets 240–279 and 480–519 straddle the page boundaries.
  const images = imagesInRuns(600, 40);

  it('loses images when pages are fetched naively (the problem this guards against)', async () => {
    const service = tiedImageService(images, { tieOrder: flipOnOddRequests });
    const naive = offsetPages(256, (skip, take) => fetchPage(service.handler, skip, take));
    const seen = new Set<string>();
    for await (const page of naive()) for (const image of page) seen.add(image.id);
    expect(seen.size).toBeLessThan(600);
  });

  it('fetches a run that straddles a page boundary again from its first position, and gets every image', async () => {
    const service = tiedImageService(images, { tieOrder: flipOnOddRequests });
    const { client } = clientFor(service.handler);
    const ids = await collect(client.iterateImages(P).pages());
    expect(ids.sort()).toEqual(idsOf(images));
    // Three pages plus one repair per straddling run (starting at 240 and 480), nothing more.
    expect(service.listCalls).toEqual(['all Oldest skip=0', 'all Oldest skip=256', 'all Oldest skip=240', 'all Oldest skip=512', 'all Oldest skip=480']);
  });

  it('costs no extra call when page boundaries fall between distinct timestamps', async () => {
    const distinct = imagesInRuns(600, 1);
    const service = tiedImageService(distinct, { tieOrder: flipOnOddRequests });
    const { client } = clientFor(service.handler);
    expect((await collect(client.iterateImages(P).pages())).sort()).toEqual(idsOf(distinct));
    expect(service.listCalls).toHaveLength(3);
  });
});

describe('complete listings', () => {
  it('stops after one walk when it reaches the count, without asking for the count again', async () => {
    const images = imagesInRuns(300, 1);
    const service = tiedImageService(images);
    const { client, sent } = clientFor(service.handler);
    const listing = workspaceImageListing(client, P, { knownCount: 300 });
    expect((await collect(listing.pages())).length).toBe(300);
    expect(listing.outcome).toEqual({ expected: 300, found: 300, walks: ['oldest first'], missing: 0 });
    expect(sent.filter((s) => s.url.pathname.endsWith('/count'))).toHaveLength(0);
  });

  it('walks newest first when a run longer than a page hides images from the first walk, and unions the two', async () => {
    // One upload of 400 images with one timestamp: no page can hold it whole.
    const images = [...imagesInRuns(400, 400), ...imagesInRuns(200, 1).map((image) => ({ ...image, id: image.id.replace('8000', '9000'), created: `2021${image.created.slice(4)}` }))];
    const service = tiedImageService(images, { tieOrder: flipOnOddRequests });
    const { client } = clientFor(service.handler);
    const listing = workspaceImageListing(client, P);
    const ids = await collect(listing.pages());
    expect(ids.sort()).toEqual(idsOf(images));
    // Each record is yielded once, however many walks saw it.
    expect(new Set(ids).size).toBe(ids.length);
    expect(listing.outcome.walks[0]).toBe('oldest first');
    expect(listing.outcome.walks.length).toBeGreaterThan(1);
    expect(listing.outcome).toMatchObject({ expected: 600, found: 600, missing: 0 });
  });

  it('finds tag by tag, and the untagged apart, what the whole list never shows', async () => {
    const images = imagesInRuns(300, 1, (n) => (n % 3 === 0 ? [] : [n % 3 === 1 ? TAG_A : TAG_B]));
    const lost = new Set([images[10]?.id, images[11]?.id, images[12]?.id]);
    const service = tiedImageService(images, { hidden: (image, list) => lost.has(image.id) && list.status === 'all' && list.tagIds.length === 0 });
    const { client } = clientFor(service.handler);
    const listing = workspaceImageListing(client, P);
    expect((await collect(listing.pages())).sort()).toEqual(idsOf(images));
    expect(listing.outcome).toEqual({ expected: 300, found: 300, walks: ['oldest first', 'newest first', 'tag by tag'], missing: 0 });
    expect(service.listCalls).toContain(`tagged[${TAG_A}] Oldest skip=0`);
    expect(service.listCalls).toContain('untagged Oldest skip=0');
  });

  it('says how many are missing when no walk can reach the count', async () => {
    const images = imagesInRuns(300, 1);
    const lost = images[42]?.id;
    const service = tiedImageService(images, { hidden: (image) => image.id === lost });
    const { client } = clientFor(service.handler);
    const listing = workspaceImageListing(client, P);
    expect(await collect(listing.pages())).toHaveLength(299);
    expect(listing.outcome).toEqual({ expected: 300, found: 299, walks: ['oldest first', 'newest first', 'tag by tag'], missing: 1 });
  });

  it('asks for a fresh count before walking again when the planned one is stale (images deleted since)', async () => {
    const images = imagesInRuns(300, 1);
    const service = tiedImageService(images);
    const { client } = clientFor(service.handler);
    const listing = workspaceImageListing(client, P, { knownCount: 310 });
    await collect(listing.pages());
    expect(listing.outcome).toEqual({ expected: 300, found: 300, walks: ['oldest first'], missing: 0 });
  });

  it('keeps what it listed when the count cannot be read, and says why', async () => {
    const images = imagesInRuns(100, 1);
    const service = tiedImageService(images, { countsFail: true });
    const { client } = clientFor(service.handler);
    const listing = workspaceImageListing(client, P);
    expect(await collect(listing.pages())).toHaveLength(100);
    expect(listing.outcome).toMatchObject({ expected: undefined, found: 100, walks: ['oldest first'], missing: 0 });
    expect(listing.outcome.countProblem).toMatchObject({ code: 'SERVICE_ERROR' });
  });

  it('lists an iteration’s tagged and untagged images as one set, reconciled with both counts', async () => {
    const images = imagesInRuns(300, 30, (n) => (n % 4 === 0 ? [] : [TAG_A]));
    const service = tiedImageService(images, { tieOrder: flipOnOddRequests });
    const { client, sent } = clientFor(service.handler);
    const listing = iterationImageListing(client, P, I);
    expect((await collect(listing.pages())).sort()).toEqual(idsOf(images));
    expect(listing.outcome).toMatchObject({ expected: 300, found: 300, missing: 0 });
    expect(sent.every((s) => s.url.pathname.endsWith('/tags') || s.url.searchParams.get('iterationId') === I)).toBe(true);
  });
});

/** One raw page from the fake service, bypassing the client (for the naive walk). */
async function fetchPage(handler: ReturnType<typeof tiedImageService>['handler'], skip: number, take: number): Promise<FakeImage[]> {
  const url = new URL(`https://x/customvision/v3.3/training/projects/${P}/images?orderBy=Oldest&take=${take}&skip=${skip}`);
  const response = handler({ url, method: 'GET', headers: new Headers() });
  return (await response.json()) as FakeImage[];
}
