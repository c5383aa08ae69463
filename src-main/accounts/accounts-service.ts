/**
 * Accounts: connect with endpoint + training key, list, rename, switch and forget.
 *
 * The key is checked against the service before anything is saved, then stored only in
 * the OS keychain; the settings file keeps the non-secret part. The renderer only ever
 * receives AccountSummary (id, name, endpoint host, key fingerprint).
 */
import { randomUUID } from 'node:crypto';
import type { AccountList, AccountSummary } from '../../shared/model/account';
import { AppError } from '../errors/app-error';
import { keyFingerprint, type SecretStore } from '../secrets';
import { normalizeDisplayName, type AccountRecord, type AccountsSettings } from '../settings';
import { normalizeEndpoint } from '../customvision';
import { explainConnectFailure } from './connect-errors';
import type { DemoAccount } from './demo-account';

/** Checks endpoint + key with one real, cheap call (GetProjects). */
export type ProbeAccount = (endpoint: string, key: string, signal?: AbortSignal) => Promise<void>;

export interface Credentials {
  accountId: string;
  displayName: string;
  endpoint: string;
  key: string;
}

export interface AccountsServiceOptions {
  secrets: SecretStore;
  settings: AccountsSettings;
  probe: ProbeAccount;
  demo: DemoAccount;
  onChanged?: (list: AccountList) => void;
}

export const DEMO_ACCOUNT_ID = 'demo';

export class AccountsService {
  private readonly options: AccountsServiceOptions;
  /** The demo account lives only in memory: its emulator and key vanish with the process. */
  private demo: { record: AccountRecord; key: string } | null = null;
  private demoActive = false;

  constructor(options: AccountsServiceOptions) {
    this.options = options;
  }

  list(): AccountList {
    const saved = this.options.settings.listAccounts();
    const records = this.demo ? [this.demo.record, ...saved] : saved;
    const active = this.demoActive && this.demo ? DEMO_ACCOUNT_ID : this.options.settings.getActiveAccountId();
    return {
      accounts: records.map(toSummary),
      activeAccountId: records.some((r) => r.id === active) ? (active ?? null) : null,
      demoAccountId: this.demo ? DEMO_ACCOUNT_ID : null,
    };
  }

  async connect(input: { endpoint: string; key: string; displayName?: string }): Promise<AccountSummary> {
    const endpoint = normalizeEndpoint(input.endpoint);
    const key = input.key.trim();
    if (!/^[\x21-\x7e]{8,256}$/.test(key)) {
      throw new AppError('BAD_KEY', 'Paste the training key exactly as the Azure portal shows it (Keys and Endpoint → Key 1); it has no spaces.');
    }
    try {
      await this.options.probe(endpoint.baseUrl, key);
    } catch (error) {
      throw explainConnectFailure(error, endpoint.host);
    }
    const fingerprint = keyFingerprint(key);
    const existing = this.options.settings.listAccounts().find((r) => r.endpoint === endpoint.baseUrl && r.keyFingerprint === fingerprint);
    if (existing) {
      // Same resource and key again: refresh the keychain entry in case it was removed.
      await this.options.secrets.set(existing.id, key);
      this.activate(existing.id);
      return toSummary(existing);
    }
    const record: AccountRecord = {
      id: randomUUID(),
      displayName: input.displayName?.trim() ? normalizeDisplayName(input.displayName) : defaultName(endpoint),
      endpoint: endpoint.baseUrl,
      keyFingerprint: fingerprint,
      createdAt: new Date().toISOString(),
    };
    // Keychain first: if it is missing or locked, nothing is saved anywhere.
    await this.options.secrets.set(record.id, key);
    try {
      this.options.settings.addAccount(record);
    } catch (error) {
      await this.options.secrets.delete(record.id).catch(() => undefined);
      throw error;
    }
    this.activate(record.id);
    return toSummary(record);
  }

  async startDemo(): Promise<AccountSummary> {
    if (!this.demo) {
      const { endpoint, key } = await this.options.demo.start();
      this.demo = {
        key,
        record: { id: DEMO_ACCOUNT_ID, displayName: 'Demo account', endpoint, keyFingerprint: keyFingerprint(key), createdAt: new Date().toISOString() },
      };
    }
    this.activate(DEMO_ACCOUNT_ID);
    return toSummary(this.demo.record);
  }

  rename(accountId: string, displayName: string): AccountSummary {
    if (accountId === DEMO_ACCOUNT_ID && this.demo) {
      this.demo.record = { ...this.demo.record, displayName: normalizeDisplayName(displayName) };
      this.changed();
      return toSummary(this.demo.record);
    }
    this.requireSaved(accountId);
    this.options.settings.renameAccount(accountId, displayName);
    this.changed();
    return toSummary(this.requireSaved(accountId));
  }

  switch(accountId: string): AccountSummary {
    const record = accountId === DEMO_ACCOUNT_ID && this.demo ? this.demo.record : this.requireSaved(accountId);
    this.activate(record.id);
    return toSummary(record);
  }

  async forget(accountId: string): Promise<boolean> {
    if (accountId === DEMO_ACCOUNT_ID && this.demo) {
      this.demo = null;
      this.demoActive = false;
      await this.options.demo.stop();
      this.changed();
      return true;
    }
    this.requireSaved(accountId);
    // The keychain entry goes first, so a failure leaves the account visible to retry.
    await this.options.secrets.delete(accountId);
    this.options.settings.removeAccount(accountId);
    if (this.options.settings.getActiveAccountId() === accountId) this.options.settings.setActiveAccountId(null);
    this.changed();
    return true;
  }

  /** For main-process services only (inventory, export, cleanup): never sent to the page. */
  async credentials(accountId?: string): Promise<Credentials> {
    const id = accountId ?? this.list().activeAccountId;
    if (!id) throw new AppError('NO_ACCOUNT', 'Connect an account first (Accounts page).');
    if (id === DEMO_ACCOUNT_ID && this.demo) {
      return { accountId: id, displayName: this.demo.record.displayName, endpoint: this.demo.record.endpoint, key: this.demo.key };
    }
    const record = this.requireSaved(id);
    const key = await this.options.secrets.get(id);
    if (!key) {
      throw new AppError('KEY_MISSING', `The training key for "${record.displayName}" is no longer in the keychain. Forget the account and connect it again.`);
    }
    return { accountId: id, displayName: record.displayName, endpoint: record.endpoint, key };
  }

  async dispose(): Promise<void> {
    if (this.demo) await this.options.demo.stop();
    this.demo = null;
  }

  private activate(accountId: string): void {
    this.demoActive = accountId === DEMO_ACCOUNT_ID;
    if (!this.demoActive) this.options.settings.setActiveAccountId(accountId);
    this.changed();
  }

  private requireSaved(accountId: string): AccountRecord {
    const record = this.options.settings.getAccount(accountId);
    if (!record) throw new AppError('NOT_FOUND', 'That account is no longer saved on this computer.');
    return record;
  }

  private changed(): void {
    this.options.onChanged?.(this.list());
  }
}

function toSummary(record: AccountRecord): AccountSummary {
  return {
    accountId: record.id,
    displayName: record.displayName,
    endpointHost: new URL(record.endpoint).host,
    keyFingerprint: record.keyFingerprint,
  };
}

function defaultName(endpoint: { host: string; resourceName?: string; region?: string }): string {
  if (endpoint.resourceName) return endpoint.resourceName;
  if (endpoint.region) return `Custom Vision (${endpoint.region})`;
  return endpoint.host;
}
