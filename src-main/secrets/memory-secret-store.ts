/**
 * In-memory SecretStore for tests, the harness and the demo: same rules as the keytar store
 * (same input checks, same error when "unavailable"), no OS keychain.
 */
import { AppError } from '../errors/app-error';
import { KEYCHAIN_UNAVAILABLE, assertAccountId, assertSecret, type SecretStore } from './secret-store';

export interface MemorySecretStoreOptions {
  /** Start as if the keychain could not be used. */
  unavailable?: boolean;
  /** Message of the simulated KEYCHAIN_UNAVAILABLE error. */
  unavailableMessage?: string;
}

const DEFAULT_UNAVAILABLE_MESSAGE = 'The keychain is not available (simulated).';

export class MemorySecretStore implements SecretStore {
  private readonly entries = new Map<string, string>();
  private unavailable: boolean;
  private readonly unavailableMessage: string;

  constructor(options: MemorySecretStoreOptions = {}) {
    this.unavailable = options.unavailable ?? false;
    this.unavailableMessage = options.unavailableMessage ?? DEFAULT_UNAVAILABLE_MESSAGE;
  }

  /** Simulates the keychain going away (or coming back) while the app runs. */
  setUnavailable(unavailable: boolean): void {
    this.unavailable = unavailable;
  }

  /** How many secrets are stored: lets a test prove nothing was left behind. */
  get size(): number {
    return this.entries.size;
  }

  async get(accountId: string): Promise<string | null> {
    assertAccountId(accountId);
    this.assertAvailable();
    return this.entries.get(accountId) ?? null;
  }

  async set(accountId: string, secret: string): Promise<void> {
    assertAccountId(accountId);
    assertSecret(secret);
    this.assertAvailable();
    this.entries.set(accountId, secret);
  }

  async delete(accountId: string): Promise<boolean> {
    assertAccountId(accountId);
    this.assertAvailable();
    return this.entries.delete(accountId);
  }

  async check(): Promise<void> {
    this.assertAvailable();
  }

  private assertAvailable(): void {
    if (this.unavailable) throw new AppError(KEYCHAIN_UNAVAILABLE, this.unavailableMessage);
  }
}
