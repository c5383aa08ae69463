/**
 * API answers are read with a cap: bodies that go on and on (or say they will) fail with
 * RESPONSE_TOO_LARGE, having read no more than the cap, with the request aborted and no
 * retry. Bodies from a fake fetch, so the test counts exactly what was pulled.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../../src-main/customvision/http-client';
import { formatSize, type CustomVisionError } from '../../../src-main/customvision/errors';
import { fakeFetch, json } from '../../support/customvision/fake-fetch';
import { testClient } from '../../support/customvision/test-client';

const CHUNK = 64 * 1024;

const client = testClient;

/** A body that never ends (`[` then spaces), counting what the client pulls. */
function endlessBody(headers: Record<string, string> = {}) {
  const counter = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('['));
    },
    pull(controller) {
      counter.pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { response: new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } }), counter };
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should have failed'), (error: unknown) => error as CustomVisionError);

describe('maxResponseBytes', () => {
  it('defaults to 64 MiB', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(64 * 1024 * 1024);
    expect(formatSize(DEFAULT_MAX_RESPONSE_BYTES)).toBe('64 MB');
    expect(formatSize(2048 * 1024 * 1024)).toBe('2 GB');
  });

  it('stops an endless answer at the cap, aborts the request and does not retry', async () => {
    const { response, counter } = endlessBody();
    const { fetch, sent } = fakeFetch([response]);
    const error = await failure(client(fetch, { maxResponseBytes: 1024 * 1024 }).getProjects());
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', kind: 'too-large', operation: 'GetProjects', retryable: false, attempts: 1, status: 200 });
    expect(error.message).toBe("GetProjects failed: the service's answer is larger than any answer of this call should be (more than 1 MB); CV Steward stopped reading it.");
    // Read up to the cap and a chunk or two of read-ahead, not more.
    expect(counter.pulled).toBeLessThanOrEqual(1024 * 1024 + 3 * CHUNK);
    expect(counter.cancelled).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.signal?.aborted).toBe(true);
  });

  it('refuses an answer whose Content-Length is over the cap without reading it', async () => {
    const { response, counter } = endlessBody({ 'content-length': String(1024 * 1024 * 1024), 'apim-request-id': 'big-1' });
    const { fetch, sent } = fakeFetch([response]);
    const error = await failure(client(fetch).getImagesByIds('bc3f7dad-5544-468c-8573-3ef04d55463e', ['bc3f7dad-5544-468c-8573-3ef04d55463e']));
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', operation: 'GetImagesByIds', requestId: 'big-1', retryable: false });
    expect(error.message).toContain('more than 64 MB');
    expect(error.message).toContain('request id big-1');
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
    expect(sent[0]?.signal?.aborted).toBe(true);
  });

  it('reads answers up to the cap as before', async () => {
    const { fetch } = fakeFetch([json(['x'.repeat(1000)])]);
    expect(await client(fetch, { maxResponseBytes: 1010 }).getProjects()).toEqual(['x'.repeat(1000)]);
  });

  it('refuses a cap that is not a positive whole number', () => {
    expect(() => client(fakeFetch([]).fetch, { maxResponseBytes: 0 })).toThrow(RangeError);
    expect(() => client(fakeFetch([]).fetch, { maxResponseBytes: 1.5 })).toThrow(RangeError);
  });
});
