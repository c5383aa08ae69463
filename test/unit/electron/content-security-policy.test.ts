import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER_ONLY_CSP_DIRECTIVES, RENDERER_CSP_DIRECTIVES, RENDERER_CSP_HEADER, withRendererCsp } from '../../../src-main/electron/content-security-policy';

const INDEX_HTML = join(__dirname, '..', '..', '..', 'src-renderer', 'index.html');

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!match?.[1]) throw new Error('index.html has no CSP meta tag');
  return match[1];
}

describe('the renderer’s Content-Security-Policy', () => {
  it('is the same in index.html’s meta tag (harness, second layer) as in the app:// header', () => {
    expect(directives(metaPolicy(readFileSync(INDEX_HTML, 'utf8')))).toEqual([...RENDERER_CSP_DIRECTIVES]);
    expect(directives(RENDERER_CSP_HEADER)).toEqual([...RENDERER_CSP_DIRECTIVES, ...HEADER_ONLY_CSP_DIRECTIVES]);
  });

  it('allows no inline script or style, no eval and no remote origin', () => {
    const policy = RENDERER_CSP_HEADER;
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'wasm-unsafe-eval'/);
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
    expect(directives(policy)[0]).toBe("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('is added to a response without changing its status, type or body', async () => {
    const original = new Response('<p>hi</p>', { status: 200, headers: { 'content-type': 'text/html' } });
    const answered = withRendererCsp(original);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-type')).toBe('text/html');
    expect(answered.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER);
    expect(await answered.text()).toBe('<p>hi</p>');
  });
});
