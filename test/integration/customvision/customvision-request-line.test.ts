/**
 * Request lines against real sockets: scripted servers on 127.0.0.1 that read each
 * request line as it arrived (method, raw target, version) and, like real front ends,
 * refuse one over 8 KB — with 414 (Kestrel) or with IIS request filtering's 404.15 page.
 * The client never sends such a line, and when a server refuses one anyway (a stricter
 * front end), the error says "too long", never "not found".
 */
import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_REQUEST_LINE_BYTES } from '../../../src-main/customvision/request-line';
import { notFoundNames } from '../../../src-main/customvision/not-found';
import { sendJson } from '../../support/customvision/local-server';
import { GATEWAY_404, IIS_404_15_PAGE } from '../../support/customvision/front-end-pages';
import { clientFor, failure, localServers } from '../../support/customvision/local-servers';

const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const I = 'fe1e83c4-6f50-4899-9544-6bb08cf0e15a';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

const serve = localServers();

/** The request line exactly as the server read it, with its CRLF (Kestrel counts it). */
const lineOf = (req: IncomingMessage) => `${req.method ?? ''} ${req.url ?? ''} HTTP/${req.httpVersion}\r\n`;
const bytes = (text: string) => Buffer.byteLength(text, 'latin1');

function iis404(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(IIS_404_15_PAGE) });
  res.end(IIS_404_15_PAGE);
}

/**
 * A front end with a request-line limit (`refuse` answers a longer one), and behind it a
 * service that answers GetImagesByIds with a record per id asked and deletes with 204.
 */
async function frontEnd(refuse: (res: ServerResponse) => void, limit = MAX_REQUEST_LINE_BYTES) {
  const lines: number[] = [];
  const server = await serve((request, res, req) => {
    const length = bytes(lineOf(req));
    lines.push(length);
    if (length > limit) {
      refuse(res);
      return;
    }
    if (request.method === 'DELETE') {
      res.writeHead(204).end();
      return;
    }
    const asked = (request.url.searchParams.get('imageIds') ?? '').split(',').filter((id) => id !== '');
    sendJson(res, 200, asked.map((id) => ({ id, created: '2020-06-06T16:44:43.3417089' })));
  });
  return { server, lines };
}

describe('the client keeps every request line within 8 KB', () => {
  it('asks for 600 images in calls a Kestrel-like front end accepts, and returns them all', async () => {
    const { server, lines } = await frontEnd((res) => res.writeHead(414).end());
    const client = clientFor(server);
    const images = await client.getImagesByIds(P, ids(600), { iterationId: I });
    expect(images.map((image) => image.id).sort()).toEqual(ids(600));
    expect(server.seen).toHaveLength(Math.ceil(600 / client.maxIdsPerCall('GetImagesByIds', P, { iterationId: I })));
    expect(Math.max(...lines)).toBeLessThanOrEqual(MAX_REQUEST_LINE_BYTES);
  });

  it('reads 256 ids (the callers’ batch) through an IIS-like front end instead of being told they are "not found"', async () => {
    const { server, lines } = await frontEnd(iis404);
    const images = await clientFor(server).getImagesByIds(P, ids(256));
    expect(images).toHaveLength(256);
    expect(server.seen).toHaveLength(2);
    expect(Math.max(...lines)).toBeLessThanOrEqual(MAX_REQUEST_LINE_BYTES);
  });

  it('sends a delete of maxIdsPerCall ids within the limit, and refuses one more before any request', async () => {
    const { server, lines } = await frontEnd(iis404);
    const client = clientFor(server);
    const n = client.maxIdsPerCall('DeleteImages', P, { allIterations: true });
    expect(await client.deleteImages(P, { imageIds: ids(n), allIterations: true })).toEqual({ status: 204 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBeLessThanOrEqual(MAX_REQUEST_LINE_BYTES);
    expect(lines[0]).toBeGreaterThan(MAX_REQUEST_LINE_BYTES - 39);

    const refused = await failure(client.deleteImages(P, { imageIds: ids(256), allIterations: true }));
    expect(refused).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(refused.message).toMatch(/^DeleteImages: 256 ids make a request line of \d+ bytes, over the 8192 bytes servers accept .*nothing was sent\. Send at most 206 ids per call/);
    expect(server.seen).toHaveLength(1);
  });
});

describe('a server that refuses a request as too long', () => {
  // A stricter front end than the budget assumes (IIS's own default maxQueryString is 2048).
  const strict = 1000;

  it('414 → REQUEST_TOO_LONG, asked once', async () => {
    const { server } = await frontEnd((res) => res.writeHead(414, { 'apim-request-id': 'req-414' }).end(), strict);
    const error = await failure(clientFor(server).getImagesByIds(P, ids(100)));
    expect(error).toMatchObject({ name: 'CustomVisionError', code: 'REQUEST_TOO_LONG', kind: 'http', status: 414, retryable: false, attempts: 1, requestId: 'req-414' });
    expect(error.message).toContain('the server refused the request as too long (HTTP 414 / IIS 404.15)');
    expect(error.message).toContain('Nothing is known about the items it asked about');
    expect(server.seen).toHaveLength(1);
  });

  it('an IIS 404.15 page → REQUEST_TOO_LONG, not NOT_FOUND: the images are not "gone"', async () => {
    const { server } = await frontEnd(iis404, strict);
    const client = clientFor(server);
    const read = await failure(client.getImagesByIds(P, ids(100)));
    expect(read).toMatchObject({ code: 'REQUEST_TOO_LONG', status: 404, retryable: false, attempts: 1 });
    expect(notFoundNames(read, 'NotFoundImage')).toBe(false);
    const removal = await failure(client.deleteImages(P, { imageIds: ids(100), allIterations: true }));
    expect(removal).toMatchObject({ code: 'REQUEST_TOO_LONG', operation: 'DeleteImages', status: 404 });
    expect(server.seen).toHaveLength(2);
  });
});

describe('what a 404 proves', () => {
  it('the gateway’s 404 is NOT_FOUND with serviceCode "404", which names nothing', async () => {
    const server = await serve((_request, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(GATEWAY_404);
    });
    const error = await failure(clientFor(server).getImagesByIds(P, ids(3)));
    expect(error).toMatchObject({ code: 'NOT_FOUND', serviceCode: '404', status: 404 });
    expect(notFoundNames(error, 'NotFoundImage')).toBe(false);
    expect(notFoundNames(error, 'NotFoundProject')).toBe(false);
  });

  it('the service’s flat {"code":"NotFoundImage"} 404 names the image', async () => {
    const server = await serve((_request, res) => sendJson(res, 404, { code: 'NotFoundImage', message: 'Image not found' }));
    const error = await failure(clientFor(server).getImagesByIds(P, ids(3)));
    expect(error).toMatchObject({ code: 'NOT_FOUND', serviceCode: 'NotFoundImage', status: 404 });
    expect(notFoundNames(error, 'NotFoundImage')).toBe(true);
    expect(notFoundNames(error, 'NotFoundProject')).toBe(false);
  });
});
