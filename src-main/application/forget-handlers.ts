/**
 * Forgetting: one account (`accounts:forget`) or everything CV Steward keeps on this
 * computer (`app:forgetEverything`). Both span domains: an account's inventory counts go
 * with it, and "everything" also means settings, folders, journals and own secrets.
 */
import type { AccountList } from '../../shared/model/account';
import type { AccountsService } from '../accounts';
import { PLAN_SEAL_ACCOUNT } from '../cleanup';
import type { InventoryStore } from '../inventory';
import type { HandlersFor } from '../ipc/handler-sets';
import type { JobRunner } from '../jobs';
import type { SecretStore } from '../secrets';
import type { KeyValueStore } from '../settings';
import type { PreferencesSettings } from '../settings/preferences';
import type { FolderRegistry } from './folder-registry';
import { forgetEverything } from './forget-everything';

export interface ForgetHandlersDeps {
  dataDir: string;
  jobs: JobRunner;
  accounts: AccountsService;
  inventory: InventoryStore;
  secrets: SecretStore;
  settingsStore: KeyValueStore;
  preferences: PreferencesSettings;
  folders: FolderRegistry;
  /** Sends `accounts:changed`. */
  emitAccounts: (list: AccountList) => void;
}

export function forgetHandlers(deps: ForgetHandlersDeps): HandlersFor<'accounts:forget' | 'app:forgetEverything'> {
  return {
    'accounts:forget': async ({ accountId }) => {
      const forgotten = await deps.accounts.forget(accountId);
      // Counts of an account the user asked us to forget are not kept either.
      deps.inventory.delete(accountId);
      return { forgotten };
    },
    'app:forgetEverything': () =>
      forgetEverything({
        dataDir: deps.dataDir,
        jobs: deps.jobs,
        accounts: deps.accounts,
        inventory: deps.inventory,
        settingsStore: deps.settingsStore,
        preferences: deps.preferences,
        forgetFolders: () => deps.folders.clear(),
        emitAccounts: deps.emitAccounts,
        forgetOwnSecrets: async () => {
          await deps.secrets.delete(PLAN_SEAL_ACCOUNT);
        },
      }),
  };
}
