import { describe, expect, it } from 'vitest';
import { hardenApp } from '../../../src-main/electron/app-hardening';
import { FakeApp } from '../../support/electron/fakes';

describe('app-wide safety nets', () => {
  it('sandboxes every renderer, whatever a window’s own preferences say', () => {
    const app = new FakeApp();
    hardenApp(app);
    expect(app.sandboxed).toBe(true);
  });

  it('locks down a webContents created outside the window helper', () => {
    const app = new FakeApp();
    hardenApp(app);
    const contents = app.createWebContents();
    expect(contents.openWindow('https://example.com/')).toBe('deny');
    expect(contents.navigate('https://example.com/')).toBe(false);
    expect(contents.attachWebview('https://example.com/')).toBe(false);
    expect(contents.navigate('app://steward/index.html#/inventory')).toBe(true);
  });

  it('hardens every session created later, not only the default one', () => {
    const app = new FakeApp();
    hardenApp(app);
    const session = app.createSession();
    expect(session.request('media')).toBe(false);
    expect(session.check('notifications')).toBe(false);
    expect(session.download('https://example.com/x.zip')).toBe(false);
  });
});
