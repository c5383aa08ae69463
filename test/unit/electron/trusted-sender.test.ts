import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isTrustedSender } from '../../../src-main/electron/trusted-sender';

describe('which pages may talk to main', () => {
  const trusted = new Set([1]);

  it('accepts the app’s own main frame on any of its pages', () => {
    expect(isTrustedSender({ webContentsId: 1, frameUrl: APP_ENTRY_URL, isMainFrame: true }, trusted)).toBe(true);
    expect(isTrustedSender({ webContentsId: 1, frameUrl: 'app://steward/index.html#/settings', isMainFrame: true }, trusted)).toBe(true);
  });

  it.each([
    ['another window', { webContentsId: 2, frameUrl: APP_ENTRY_URL, isMainFrame: true }],
    ['an iframe', { webContentsId: 1, frameUrl: APP_ENTRY_URL, isMainFrame: false }],
    ['a web page', { webContentsId: 1, frameUrl: 'https://steward/index.html', isMainFrame: true }],
    ['a look-alike host', { webContentsId: 1, frameUrl: 'app://steward.evil/index.html', isMainFrame: true }],
    ['a file:// page', { webContentsId: 1, frameUrl: 'file:///index.html', isMainFrame: true }],
    ['a closed frame', { webContentsId: 1, frameUrl: undefined, isMainFrame: true }],
  ])('refuses %s', (_name, facts) => {
    expect(isTrustedSender(facts, trusted)).toBe(false);
  });

  it('treats unparsable URLs as foreign', () => {
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
