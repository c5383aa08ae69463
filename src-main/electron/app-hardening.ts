/**
 * App-wide safety nets, installed before the app is ready, so that a window or session
 * created anywhere — not only through the helpers — gets the same rules:
 * - every renderer is sandboxed (`app.enableSandbox()`), whatever its webPreferences say;
 * - every webContents gets the navigation / new-window / webview policy;
 * - every session refuses permissions, device access and downloads.
 *
 * Types only from Electron, so it is unit-tested with a fake app.
 */
import { hardenSession, type PolicySession } from './session-policy';
import { lockDownWebContents, type PolicyWebContents } from './web-contents-policy';

/** The part of Electron's App this needs; the real `app` satisfies it. */
export interface HardenableApp {
  enableSandbox(): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: PolicyWebContents) => void): unknown;
  on(event: 'session-created', listener: (session: PolicySession) => void): unknown;
}

/** Must run before the app is ready (enableSandbox throws afterwards). */
export function hardenApp(app: HardenableApp): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  app.on('session-created', (session) => hardenSession(session));
}
