/** Serves the built renderer (and the bridge script) with the harness's script injected. */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { HARNESS_BRIDGE_PATH } from './bridge-protocol';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticFiles {
  rendererDir: string;
  bridgeFile: string;
}

export async function serveStatic(pathname: string, files: StaticFiles, response: ServerResponse): Promise<void> {
  if (pathname === HARNESS_BRIDGE_PATH) return send(response, 200, '.js', await readFile(files.bridgeFile));
  const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const root = resolve(files.rendererDir);
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return send(response, 404, '.txt', 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return send(response, 404, '.txt', 'Not found');
  }
  if (relative === 'index.html') body = Buffer.from(injectBridge(body.toString('utf8')));
  return send(response, 200, extname(file), body);
}

/** The bridge is a classic script, so it runs before the app's (deferred) module script. */
export function injectBridge(html: string): string {
  if (!html.includes('</head>')) throw new Error('The built index.html has no </head>; cannot inject the harness bridge.');
  return html.replace('</head>', `  <script src="${HARNESS_BRIDGE_PATH}"></script>\n</head>`);
}

function send(response: ServerResponse, status: number, extension: string, body: Buffer | string): void {
  response.writeHead(status, {
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}
