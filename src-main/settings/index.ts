/**
 * Settings (platform, docs/architecture.md, "Layers"): the non-secret settings file
 * (accounts without their keys, preferences) through electron-store or conf, with recovery
 * from a damaged file; the preferences:* handler set; where the app keeps its data
 * (app-data-dir.ts, shared by the CLI and the harness). May import src-main/errors, shared/,
 * src-main/secrets (for the key fingerprint's format) and src-main/ipc's handler types;
 * never a domain or anything above. Other main-process modules import from here only.
 */
export { createConfStore, DEFAULT_SETTINGS_NAME, type ConfStoreOptions, type KeyValueStore } from './key-value-store';
export { createSafeDeserializer, type SafeDeserializerOptions, type SettingsWarning } from './settings-file';
export {
  AccountRecordSchema,
  MAX_DISPLAY_NAME_LENGTH,
  displayNameProblem,
  isValidEndpoint,
  normalizeDisplayName,
  type AccountRecord,
} from './account-record';
export { ACCOUNTS_KEY, ACTIVE_ACCOUNT_KEY, createAccountsSettings, type AccountsSettings } from './accounts-settings';
