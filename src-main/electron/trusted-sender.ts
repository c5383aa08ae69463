/**
 * Decides whether an IPC message comes from the app's own page. Kept free of Electron
 * imports so the rule itself is unit-tested in plain Node.
 */

/** The renderer is served from this origin by the app protocol (never from file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'steward';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface SenderFacts {
  /** webContents id of the sender. */
  webContentsId: number;
  /** URL of the sending frame, or undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** True only for a top-level frame (no parent): iframes are never trusted. */
  isMainFrame: boolean;
}

export function isAppUrl(url: string | undefined, entryUrl: string = APP_ENTRY_URL): boolean {
  if (!url) return false;
  try {
    const candidate = new URL(url);
    const app = new URL(entryUrl);
    // URL.origin is "null" for custom schemes, so compare scheme and host explicitly.
    return candidate.protocol === app.protocol && candidate.host === app.host;
  } catch {
    return false;
  }
}

export function isTrustedSender(
  facts: SenderFacts,
  trustedWebContentsIds: ReadonlySet<number>,
  entryUrl: string = APP_ENTRY_URL,
): boolean {
  return facts.isMainFrame && trustedWebContentsIds.has(facts.webContentsId) && isAppUrl(facts.frameUrl, entryUrl);
}
