/**
 * A thin HTTP proxy in front of the emulator that adds a round-trip delay to blob
 * downloads. Why: the emulator's `latencyMs` delays API responses only, so without this a
 * sequential downloader pays nothing per image but the bytes — unlike Azure Storage, where
 * every GET waits a network round trip before its first byte. API responses pass through
 * undelayed (the emulator already delayed them), with the emulator's origin in blob links
 * rewritten to the proxy's, so every download goes through here. SAS signatures cover
 * the blob path only, so rewriting the origin keeps them valid.
 */
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  endpoint: string;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: string, blobLatencyMs: number): Promise<LatencyProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let origin = '';

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const isBlob = (req.url ?? '').startsWith('/__blob/');
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        const type = String(answer.headers['content-type'] ?? '');
        if (isBlob || !type.includes('json')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.from(Buffer.concat(chunks).toString('utf8').replaceAll(target, origin), 'utf8');
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(body.length) });
          res.end(body);
        });
        answer.on('error', () => res.destroy());
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  }

  const server: Server = createServer((req, res) => {
    if (blobLatencyMs > 0 && (req.url ?? '').startsWith('/__blob/')) setTimeout(() => forward(req, res), blobLatencyMs);
    else forward(req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
