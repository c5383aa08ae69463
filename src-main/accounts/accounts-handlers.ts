/**
 * The accounts channels that need nothing but the accounts. `accounts:forget` also drops
 * the account's inventory, so it lives with the other use cases that span domains
 * (src-main/application/forget-handlers.ts).
 */
import type { HandlersFor } from '../ipc/handler-sets';
import type { AccountsService } from './accounts-service';

export function accountsHandlers(
  accounts: AccountsService,
): HandlersFor<'accounts:list' | 'accounts:connect' | 'accounts:startDemo' | 'accounts:rename' | 'accounts:switch'> {
  return {
    'accounts:list': () => accounts.list(),
    'accounts:connect': (request) => accounts.connect(request),
    'accounts:startDemo': () => accounts.startDemo(),
    'accounts:rename': ({ accountId, displayName }) => accounts.rename(accountId, displayName),
    'accounts:switch': ({ accountId }) => accounts.switch(accountId),
  };
}
