/**
 * SecretStore over keytar: one keychain entry per account id under one service name
 * ("cv-steward"), in the macOS Keychain, Windows Credential Manager or the Linux Secret
 * Service (GNOME Keyring / KWallet through libsecret).
 *
 * There is deliberately no fallback: when the keychain cannot be used, every call fails with
 * AppError(KEYCHAIN_UNAVAILABLE) and a message that says what to do. A key is never written
 * to a file instead.
 */
import { randomBytes } from 'node:crypto';
import { assertAccountId, assertSecret, type SecretStore } from './secret-store';
import { classifyKeychainError, keychainUnavailable } from './keychain-errors';
import { AppError } from '../errors/app-error';

/** The part of keytar's API we use; tests pass a fake that fails the way keytar does. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'cv-steward';

export interface KeytarSecretStoreOptions {
  /** Keychain service name; tests use a unique one so they never touch real entries. */
  service?: string;
  /** Whose advice to give in error messages; the running OS unless a test says otherwise. */
  platform?: NodeJS.Platform;
  /** Loads keytar; the default requires the native module on first use. */
  loadKeytar?: () => KeytarApi;
}

/**
 * keytar is a native module: esbuild keeps it external and it is required on first use, not
 * at import, so the app still starts (and can say what is wrong) when the module or the
 * library it links (libsecret) is missing.
 */
export function requireKeytar(): KeytarApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require of a native module is the point (see above)
  return require('keytar') as KeytarApi;
}

/** Prefix of the throwaway entries check() writes; never a real account id (those are app-generated). */
export const PROBE_ACCOUNT_PREFIX = 'cv-steward-probe-';

export class KeytarSecretStore implements SecretStore {
  readonly service: string;
  private readonly platform: NodeJS.Platform;
  private readonly loadKeytar: () => KeytarApi;
  private keytar: KeytarApi | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? DEFAULT_KEYCHAIN_SERVICE;
    if (this.service.length === 0) throw new TypeError('The keychain service name must not be empty.');
    this.platform = options.platform ?? process.platform;
    this.loadKeytar = options.loadKeytar ?? requireKeytar;
  }

  async get(accountId: string): Promise<string | null> {
    assertAccountId(accountId);
    return this.call((keytar) => keytar.getPassword(this.service, accountId));
  }

  async set(accountId: string, secret: string): Promise<void> {
    assertAccountId(accountId);
    assertSecret(secret);
    await this.call((keytar) => keytar.setPassword(this.service, accountId, secret), secret);
  }

  async delete(accountId: string): Promise<boolean> {
    assertAccountId(accountId);
    return this.call((keytar) => keytar.deletePassword(this.service, accountId));
  }

  async check(): Promise<void> {
    // A random account and value per probe: two app instances probing at once cannot read
    // each other's entry and take it for their own.
    const account = PROBE_ACCOUNT_PREFIX + randomBytes(8).toString('hex');
    const value = randomBytes(16).toString('hex');
    await this.set(account, value);
    try {
      const readBack = await this.get(account);
      if (readBack !== value) {
        throw keychainUnavailable(new Error('the keychain did not return the value just stored'), { failure: 'unreachable', platform: this.platform });
      }
    } finally {
      // Always try to remove the probe so a failed check leaves nothing behind; a failure
      // here is itself a keychain failure and is reported as such.
      await this.delete(account);
    }
  }

  /** Runs one keytar call, turning every failure into KEYCHAIN_UNAVAILABLE. */
  private async call<T>(operation: (keytar: KeytarApi) => Promise<T>, secret?: string): Promise<T> {
    const keytar = this.load();
    try {
      // keytar validates arguments synchronously, so even a throw lands in this catch.
      return await operation(keytar);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw keychainUnavailable(error, { failure: classifyKeychainError(error), platform: this.platform, ...(secret === undefined ? {} : { secret }) });
    }
  }

  private load(): KeytarApi {
    if (this.keytar) return this.keytar;
    try {
      this.keytar = this.loadKeytar();
    } catch (error) {
      // Not cached: after the user installs libsecret, the next attempt may succeed.
      throw keychainUnavailable(error, { failure: 'module', platform: this.platform });
    }
    return this.keytar;
  }
}
