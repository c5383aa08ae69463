import { describe, it, expect } from 'vitest';
import { Script } from 'node:vm';
import { APP_CSS, APP_JS, INDEX_HTML, VIEWER_CSP } from '../../../../src-main/export/viewer/assets';

describe('viewer assets', () => {
  it('app.js is valid plain JavaScript that never builds markup from strings or touches the network', () => {
    expect(() => new Script(APP_JS, { filename: 'app.js' })).not.toThrow();
    for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'fetch(', 'XMLHttpRequest', 'eval(', 'new Function', 'http://', 'https://', "setAttribute('style'", 'import(']) {
      expect(APP_JS, banned).not.toContain(banned);
    }
    expect(APP_JS.split('\n').length).toBeLessThan(500);
  });

  it('index.html has the strict CSP and no inline script, style or event handler', () => {
    expect(INDEX_HTML).toContain(`<meta http-equiv="Content-Security-Policy" content="${VIEWER_CSP}">`);
    expect(VIEWER_CSP).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:");
    expect(INDEX_HTML).not.toMatch(/<script>|<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    expect(INDEX_HTML).not.toMatch(/https?:\/\//);
    expect(INDEX_HTML.indexOf('viewer/app.js')).toBeLessThan(INDEX_HTML.indexOf('viewer/data/bundle.js'));
  });

  it('app.css loads nothing from elsewhere and supports dark mode', () => {
    expect(APP_CSS).not.toMatch(/url\(|@import|https?:/);
    expect(APP_CSS).toContain('prefers-color-scheme: dark');
  });
});
