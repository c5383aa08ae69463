/**
 * Accounts (a domain, docs/architecture.md, "Layers"): connect with endpoint and training key, list, rename,
 * switch and forget, and the built-in demo account. Owns the rule that a key is checked
 * with one real call before anything is saved, then lives only in the keychain.
 * May import the leaves (src-main/errors, shared/) and the platform (customvision, secrets,
 * settings); the demo account also starts src-main/emulator in-process, the one use of the
 * emulator inside the app. Never application/, services.ts or a front end.
 * Other main-process modules import from here only.
 */
export { AccountsService, DEMO_ACCOUNT_ID, type Credentials, type ProbeAccount } from './accounts-service';
export { createDemoAccount, type DemoAccount } from './demo-account';
export { explainConnectFailure } from './connect-errors';
export { createAccounts, type CreateAccountsOptions } from './create-accounts';
export { probeWithGetProjects } from './probe-account';
export { accountsHandlers } from './accounts-handlers';
