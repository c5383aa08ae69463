/**
 * Maps an `app://steward/...` URL to a file inside the built renderer folder, refusing
 * anything that would escape it. Pure, so the traversal rules are unit-tested in Node.
 */
import { resolve, sep } from 'node:path';
import { APP_HOST } from './trusted-sender';

export function resolveAppAsset(requestUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}
