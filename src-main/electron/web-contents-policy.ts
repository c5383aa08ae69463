/**
 * What any page inside CV Steward may do with navigation (Electron security checklist
 * items "limit navigation", "limit new windows", "no <webview>"): stay on app://steward/,
 * open no windows, attach no webviews. Applied by the window helper and, as a safety
 * net, to every webContents the app creates (app-hardening.ts).
 *
 * Types only from Electron, so the rules are unit-tested with a fake in plain Node.
 */
import { isAppUrl } from './trusted-sender';

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the policy needs; a real WebContents satisfies it. */
export interface PolicyWebContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

const lockedDown = new WeakSet<object>();

/** Idempotent: the window helper and the app-wide hook may both call it for one window. */
export function lockDownWebContents(contents: PolicyWebContents): void {
  if (lockedDown.has(contents)) return;
  lockedDown.add(contents);
  // window.open, target=_blank, middle-click and shift-click on links all end here.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: PreventableEvent, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  // Also covers iframes, which will-navigate does not (the CSP already forbids frames).
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
