/** How accounts are named on screen. Pure, so the page's wording has one home. */
import type { AccountSummary } from '../../shared/model/account';

/** The name to show; main allows an empty display name, so fall back to the host. */
export function accountName(account: AccountSummary): string {
  return account.displayName.trim() || account.endpointHost;
}

export type ConnectField = 'endpoint' | 'key';

/**
 * Which field a connect error is about, so the form can mark it invalid and put the cursor
 * there. Codes come from main (src-main/accounts/connect-errors.ts) or from the store.
 */
export function fieldForConnectError(code: string): ConnectField | null {
  switch (code) {
    case 'MISSING_ENDPOINT':
    case 'BAD_ENDPOINT':
    case 'DNS_FAILURE':
    case 'UNREACHABLE':
    case 'NOT_FOUND':
      return 'endpoint';
    case 'MISSING_KEY':
    case 'BAD_KEY':
    case 'WRONG_KEY':
      return 'key';
    default:
      return null;
  }
}
