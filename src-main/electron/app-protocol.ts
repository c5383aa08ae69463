/**
 * Serves the renderer from `app://steward/` instead of file:// (Electron security
 * checklist): the page gets a real origin for its CSP, and it can read nothing outside
 * the built renderer folder. Every answer carries the renderer's CSP as a header.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { withRendererCsp } from './content-security-policy';
import { resolveAppAsset } from './resolve-app-asset';
import { APP_SCHEME } from './trusted-sender';

/** Must run before the app is ready. Deliberately no `bypassCSP`, `corsEnabled` or service workers. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(request.url, rendererDir);
    if (!file) return notFound();
    try {
      return withRendererCsp(await net.fetch(pathToFileURL(file).toString()));
    } catch {
      return notFound();
    }
  });
}

function notFound(): Response {
  return withRendererCsp(new Response('Not found', { status: 404 }));
}
