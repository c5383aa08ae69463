/**
 * Builds the accounts service the same way for every front end (the app, the browser
 * harness and the command line): saved accounts from the settings file, keys from the OS
 * keychain, the connection check and the built-in demo. Front ends pass only what differs
 * (which keychain service, a stand-in probe in tests); the key lookup therefore exists
 * once, in AccountsService.credentials.
 */
import type { AccountList } from '../../shared/model/account';
import { AppError } from '../errors/app-error';
import type { SecretStore } from '../secrets';
import type { AccountsSettings } from '../settings';
import { AccountsService, type ProbeAccount } from './accounts-service';
import type { DemoAccount } from './demo-account';
import { defaultProbe } from './probe-account';

export interface CreateAccountsOptions {
  secrets: SecretStore;
  settings: AccountsSettings;
  /** Default: GetProjects against the endpoint (probe-account.ts). */
  probe?: ProbeAccount;
  /**
   * The app passes createDemoAccount() (the emulator, started on first use); the command
   * line has no demo, and leaving it out keeps the emulator out of the CLI bundle.
   */
  demo?: DemoAccount;
  onChanged?: (list: AccountList) => void;
}

export function createAccounts(options: CreateAccountsOptions): AccountsService {
  return new AccountsService({
    secrets: options.secrets,
    settings: options.settings,
    probe: options.probe ?? defaultProbe,
    demo: options.demo ?? NO_DEMO,
    ...(options.onChanged ? { onChanged: options.onChanged } : {}),
  });
}

const NO_DEMO: DemoAccount = {
  start: () => Promise.reject(new AppError('NOT_SUPPORTED', 'The demo account is only available in the CV Steward app.')),
  stop: () => Promise.resolve(),
};
