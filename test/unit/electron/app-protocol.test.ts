/**
 * The real app:// handler, with Electron's protocol and net modules replaced by small
 * fakes: what the renderer gets for its own files, for anything else, and the CSP that
 * comes with every answer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Handler = (request: Request) => Promise<Response>;
const registered: { schemes: unknown[]; handlers: Map<string, Handler> } = { schemes: [], handlers: new Map() };

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (scheme: string, handler: Handler) => registered.handlers.set(scheme, handler),
  },
  // Like Electron's net.fetch for file:// URLs: the file's bytes, or a rejection when it is missing.
  net: {
    fetch: async (url: string) => {
      const body = await readFile(fileURLToPath(url));
      const type = url.endsWith('.html') ? 'text/html' : 'text/javascript';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    },
  },
}));

const { registerAppScheme, serveRenderer } = await import('../../../src-main/electron/app-protocol');

let rendererDir = '';
let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cv-steward-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>CV Steward</title>');
  await writeFile(join(rendererDir, 'assets', 'index.js'), 'console.log("app")');
  await writeFile(join(root, 'secret.txt'), 'not for the page');
  serveRenderer(rendererDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function get(url: string): Promise<Response> {
  const handler = registered.handlers.get('app');
  if (!handler) throw new Error('app:// has no handler');
  return handler(new Request(url));
}

describe('app:// scheme registration', () => {
  it('is a standard, secure scheme that cannot bypass the CSP', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});

describe('serving the renderer from app://steward/', () => {
  it('serves the page and its scripts with the renderer CSP, frame-ancestors included', async () => {
    const page = await get('app://steward/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>CV Steward</title>');
    expect(page.headers.get('content-type')).toBe('text/html');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    const script = await get('app://steward/assets/index.js');
    expect(await script.text()).toBe('console.log("app")');
    expect(script.headers.get('content-security-policy')).toBe(csp);
  });

  it.each(['app://steward/%2e%2e%2fsecret.txt', 'app://steward/assets/missing.js', 'app://elsewhere/index.html'])(
    'answers 404 for %s, and never the file outside the renderer folder',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    },
  );
});
