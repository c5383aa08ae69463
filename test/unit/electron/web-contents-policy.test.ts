import { describe, expect, it } from 'vitest';
import { lockDownWebContents } from '../../../src-main/electron/web-contents-policy';
import { APP_ENTRY_URL } from '../../../src-main/electron/trusted-sender';
import { FakeWebContents } from '../../support/electron/fakes';

const FOREIGN = [
  'https://example.com/',
  'http://127.0.0.1:8080/index.html',
  'file:///etc/passwd',
  'app://steward.evil/index.html',
  'app://other/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'not a url',
];

function lockedDown(): FakeWebContents {
  const contents = new FakeWebContents();
  lockDownWebContents(contents);
  return contents;
}

describe('what a page inside CV Steward may open', () => {
  it('opens no new window, whatever the address (window.open, target=_blank, middle-click)', () => {
    const contents = lockedDown();
    for (const url of [APP_ENTRY_URL, ...FOREIGN]) expect(contents.openWindow(url)).toBe('deny');
  });

  it('moves between the app’s own pages', () => {
    const contents = lockedDown();
    expect(contents.navigate(APP_ENTRY_URL)).toBe(true);
    expect(contents.navigate('app://steward/index.html#/settings')).toBe(true);
    expect(contents.redirect('app://steward/index.html')).toBe(true);
  });

  it.each(FOREIGN)('never leaves the app for %s, by navigation, redirect or from a frame', (url) => {
    const contents = lockedDown();
    expect(contents.navigate(url)).toBe(false);
    expect(contents.redirect(url)).toBe(false);
    expect(contents.navigateSubframe(url)).toBe(false);
  });

  it('refuses to attach a <webview>, even one asking for Node integration', () => {
    expect(lockedDown().attachWebview('https://example.com/')).toBe(false);
  });

  it('registers its guards once when both the window helper and the app-wide hook apply it', () => {
    const contents = lockedDown();
    lockDownWebContents(contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']) expect(contents.count(event)).toBe(1);
  });

  it('an unprotected page would have been allowed all of it (the fake is not rigged)', () => {
    const contents = new FakeWebContents();
    expect(contents.openWindow('https://example.com/')).toBe('allow');
    expect(contents.navigate('https://example.com/')).toBe(true);
    expect(contents.attachWebview('https://example.com/')).toBe(true);
  });
});
