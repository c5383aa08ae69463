import { describe, expect, it } from 'vitest';
import { hardenSession } from '../../../src-main/electron/session-policy';
import { FakeSession } from '../../support/electron/fakes';

// Every permission name Electron 45's session handlers can be asked about.
const PERMISSIONS = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fileSystem', 'fullscreen', 'geolocation', 'hid',
  'idle-detection', 'keyboardLock', 'local-fonts', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications',
  'openExternal', 'pointerLock', 'serial', 'storage-access', 'usb', 'window-management', 'unknown',
];

describe('what the page may ask the system for', () => {
  it.each(PERMISSIONS)('refuses a request for %s (no prompt appears)', (permission) => {
    const session = new FakeSession();
    hardenSession(session);
    expect(session.request(permission)).toBe(false);
  });

  it.each(PERMISSIONS)('answers "not granted" when the page only checks %s', (permission) => {
    const session = new FakeSession();
    hardenSession(session);
    expect(session.check(permission)).toBe(false);
  });

  it('gives the page no HID, USB or serial device', () => {
    const session = new FakeSession();
    hardenSession(session);
    expect(session.device()).toBe(false);
  });

  it('lets the page start no download (bundles are written by main into folders main chose)', () => {
    const session = new FakeSession();
    hardenSession(session);
    expect(session.download('https://example.com/payload.exe')).toBe(false);
    expect(session.download('blob:app://steward/1234')).toBe(false);
  });

  it('is applied once even when called for the same session twice', () => {
    const session = new FakeSession();
    hardenSession(session);
    hardenSession(session);
    expect(session.count('will-download')).toBe(1);
  });

  it('an unprotected session would have granted them (the fake is not rigged)', () => {
    const session = new FakeSession();
    expect(session.request('media')).toBe(true);
    expect(session.download('https://example.com/payload.exe')).toBe(true);
  });
});
