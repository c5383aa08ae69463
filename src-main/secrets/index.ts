/**
 * Secrets (platform, docs/architecture.md, "Layers"): the only place training keys and the plan-sealing
 * secret are stored — the OS keychain through keytar, an in-memory store for tests — and
 * the key fingerprint shown instead of a key (docs/architecture.md, "Account keys").
 * May import only src-main/errors, shared/ and npm packages. Other main-process modules
 * import from here only.
 */
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
