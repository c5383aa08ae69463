/**
 * The last check before `shell.openExternal` (Electron security checklist: never pass
 * untrusted content to openExternal). The shell hands a URL to the OS, which will run
 * whatever handler is registered for its scheme — `file:`, `smb:`, `ms-msdt:` and custom
 * app schemes have all been used to run code this way — so only https addresses from
 * main's own allow-list (application/external-links.ts) get through, and what is opened is the
 * normalised address that matched the list, never the caller's raw string.
 *
 * Free of Electron imports, so it is unit-tested in plain Node.
 */
import { AppError } from '../errors/app-error';
import { ALLOWED_EXTERNAL_URLS, type OpenExternal } from '../application/external-links';

export const LINK_REFUSED = 'LINK_REFUSED';

function plainHttps(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' && !parsed.username && !parsed.password ? parsed : null;
}

/** Wraps the shell's openExternal so that only allow-listed https URLs reach it. */
export function guardOpenExternal(open: OpenExternal, allowList: Iterable<string> = ALLOWED_EXTERNAL_URLS): OpenExternal {
  const canonical = new Set<string>();
  for (const entry of allowList) {
    const parsed = plainHttps(entry);
    // A bad table is a programming error: fail at start-up, not when a user clicks.
    if (!parsed) throw new Error(`The external link allow-list may only hold plain https URLs: ${entry}`);
    canonical.add(parsed.href);
  }
  return async (url) => {
    const href = plainHttps(url)?.href;
    if (href === undefined || !canonical.has(href)) {
      throw new AppError(LINK_REFUSED, 'CV Steward opens only its own list of Microsoft web pages in your browser; this address was refused.');
    }
    // The normalised copy: no stray whitespace or control characters reach the OS.
    await open(href);
  };
}
