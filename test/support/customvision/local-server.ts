/**
 * A tiny HTTP server on 127.0.0.1 for client tests: it records every request (arrival
 * time, method, URL, headers) and lets each test script the answers. Not the emulator:
 * these tests pin the client's behaviour against answers we control byte by byte.
 */
import { createServer, type IncomingMessage, type ServerResponse, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  /** Milliseconds (performance.now) when the request arrived. */
  at: number;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** 1-based order of arrival. */
  n: number;
  body: string;
}

export type Handler = (request: SeenRequest, res: ServerResponse, req: IncomingMessage) => void | Promise<void>;

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const at = performance.now();
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: SeenRequest = {
        at,
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        n: seen.length + 1,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      Promise.resolve(handler(request, res, req)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON the way the service does (CRLF-indented is irrelevant here; compact is fine). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The largest number of arrivals inside any window of `windowMs` (sliding). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
