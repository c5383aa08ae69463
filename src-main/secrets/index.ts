/** The secrets module's public API; other main-process modules import from here only. */
export { KEYCHAIN_UNAVAILABLE, assertAccountId, assertSecret, isValidAccountId, type SecretStore } from './secret-store';
export {
  DEFAULT_KEYCHAIN_SERVICE,
  KeytarSecretStore,
  PROBE_ACCOUNT_PREFIX,
  requireKeytar,
  type KeytarApi,
  type KeytarSecretStoreOptions,
} from './keytar-secret-store';
export { MemorySecretStore, type MemorySecretStoreOptions } from './memory-secret-store';
export { KEY_FINGERPRINT_LENGTH, KEY_FINGERPRINT_PATTERN, keyFingerprint } from './key-fingerprint';
export { classifyKeychainError, keychainAdvice, keychainUnavailable, type KeychainFailure } from './keychain-errors';
