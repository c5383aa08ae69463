export { AccountsService, DEMO_ACCOUNT_ID, type Credentials, type ProbeAccount } from './accounts-service';
export { createDemoAccount, type DemoAccount } from './demo-account';
export { explainConnectFailure } from './connect-errors';
export { createAccounts, type CreateAccountsOptions } from './create-accounts';
export { probeWithGetProjects } from './probe-account';
export { accountsHandlers } from './accounts-handlers';
