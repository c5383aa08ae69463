/**
 * The only web pages CV Steward opens in the system browser. The page asks by id; the
 * URL comes from this table in main, so a compromised page cannot make the shell open
 * an address of its choosing (Electron security checklist: no untrusted openExternal).
 */
import type { ExternalLinkId } from '../../shared/model/external-links';

export const EXTERNAL_LINK_URLS: Readonly<Record<ExternalLinkId, string>> = Object.freeze({
  /** The Azure resource itself (and its keys) is deleted, or its keys regenerated, here. */
  'azure-portal': 'https://portal.azure.com/',
  /** Azure AI services: 48-hour soft delete, recover and purge. */
  'azure-soft-delete': 'https://learn.microsoft.com/en-us/azure/ai-services/manage-resources',
  /** Accounts on customvision.ai (Microsoft-account subscriptions) are closed in its settings. */
  'customvision-settings': 'https://www.customvision.ai/',
  /** Microsoft's page this app is built on. */
  'export-delete-data': 'https://learn.microsoft.com/en-us/azure/ai-services/custom-vision-service/export-delete-data',
});

/**
 * Every address the shell may open. The Electron layer checks each URL against this set
 * again right before `shell.openExternal` (src-main/electron/external-url-guard.ts), so
 * a future caller that skips the table above still cannot open anything else.
 */
export const ALLOWED_EXTERNAL_URLS: ReadonlySet<string> = new Set(Object.values(EXTERNAL_LINK_URLS));

/** Opens a URL in the system browser: Electron's shell in the app, a recorder in tests. */
export type OpenExternal = (url: string) => Promise<void>;
/** Opens a file with the system's default application (the receipt's HTML page). */
export type OpenPath = (path: string) => Promise<void>;

export function openExternalLink(open: OpenExternal, link: ExternalLinkId): Promise<void> {
  // Re-checked here too: the contract already refused unknown ids, but this table is the policy.
  if (!Object.hasOwn(EXTERNAL_LINK_URLS, link)) return Promise.reject(new Error(`Unknown link id ${String(link)}`));
  return open(EXTERNAL_LINK_URLS[link]);
}
