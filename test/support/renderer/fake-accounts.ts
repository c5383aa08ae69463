/**
 * Main's accounts service as the renderer sees it, for the store tests. It behaves like
 * src-main/accounts: connect activates the account, every change is announced with
 * `accounts:changed` before the answer goes back, and the key is never sent back (only a
 * fingerprint that does not contain it).
 */
import type { IpcResult } from '../../../shared/ipc/errors';
import { AccountSummarySchema, type AccountList, type AccountSummary } from '../../../shared/model/account';
import { ok, type FakeHandlersFor, type FakeListener } from './fake-channels';

type AccountsListener = FakeListener<'accounts:changed'>;

export const DEMO_ID = 'demo';

/** A valid summary (checked against main's schema) with sensible defaults. */
export function accountSummary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return AccountSummarySchema.parse({
    accountId: 'acc-1',
    displayName: 'contoso-vision',
    endpointHost: 'contoso-vision.cognitiveservices.azure.com',
    keyFingerprint: '1a2b3c4d',
    ...overrides,
  });
}

/** FNV-1a: a short, stable stand-in for main's key fingerprint that never contains the key. */
function fingerprint(key: string): string {
  let hash = 0x811c9dc5;
  for (const char of key) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

export class FakeAccounts {
  all: AccountSummary[] = [];
  activeAccountId: string | null = null;
  demoAccountId: string | null = null;
  /** What main received as keys: proves the key reached main, the one place it belongs. */
  readonly receivedKeys: string[] = [];
  readonly changedListeners = new Set<AccountsListener>();
  private sequence = 0;

  list(): AccountList {
    return { accounts: [...this.all], activeAccountId: this.activeAccountId, demoAccountId: this.demoAccountId };
  }

  /** `accounts:changed`, as main sends it after every change (or a change made elsewhere). */
  emitChanged(list: AccountList = this.list()): void {
    for (const listener of [...this.changedListeners]) listener(list);
  }

  handlers(): FakeHandlersFor<'accounts:list' | 'accounts:connect' | 'accounts:startDemo' | 'accounts:rename' | 'accounts:switch' | 'accounts:forget'> {
    return {
      'accounts:list': { answer: () => ok(this.list()) },
      'accounts:connect': { describe: (request) => request.endpoint, answer: (request) => this.connect(request) },
      'accounts:startDemo': { answer: () => ok(this.startDemo()) },
      'accounts:rename': {
        describe: ({ accountId }) => accountId,
        answer: ({ accountId, displayName }) => this.update(accountId, (a) => ({ ...a, displayName })),
      },
      'accounts:switch': { describe: ({ accountId }) => accountId, answer: ({ accountId }) => this.update(accountId, (a) => a, true) },
      'accounts:forget': { describe: ({ accountId }) => accountId, answer: ({ accountId }) => this.forget(accountId) },
    };
  }

  private connect(request: { endpoint: string; key: string; displayName?: string }): IpcResult<AccountSummary> {
    this.receivedKeys.push(request.key);
    let host: string;
    try {
      host = new URL(request.endpoint).host;
    } catch {
      return { ok: false, error: { code: 'BAD_ENDPOINT', message: 'The endpoint is not a web address.' } };
    }
    const keyFingerprint = fingerprint(request.key);
    const existing = this.all.find((a) => a.endpointHost === host && a.keyFingerprint === keyFingerprint);
    const account =
      existing ??
      accountSummary({
        accountId: `acc-${(this.sequence += 1)}`,
        displayName: request.displayName ?? host.split('.')[0] ?? host,
        endpointHost: host,
        keyFingerprint,
      });
    if (!existing) this.all.push(account);
    this.activeAccountId = account.accountId;
    this.emitChanged();
    return ok(account);
  }

  private startDemo(): AccountSummary {
    let demo = this.all.find((a) => a.accountId === DEMO_ID);
    if (!demo) {
      demo = accountSummary({ accountId: DEMO_ID, displayName: 'Demo account', endpointHost: '127.0.0.1:47123', keyFingerprint: 'de30de30' });
      this.all.unshift(demo);
    }
    this.demoAccountId = DEMO_ID;
    this.activeAccountId = DEMO_ID;
    this.emitChanged();
    return demo;
  }

  private update(accountId: string, change: (a: AccountSummary) => AccountSummary, activate = false): IpcResult<AccountSummary> {
    const index = this.all.findIndex((a) => a.accountId === accountId);
    const current = this.all[index];
    if (!current) return notFound();
    const next = change(current);
    this.all[index] = next;
    if (activate) this.activeAccountId = accountId;
    this.emitChanged();
    return ok(next);
  }

  private forget(accountId: string): IpcResult<{ forgotten: boolean }> {
    if (!this.all.some((a) => a.accountId === accountId)) return notFound();
    this.all = this.all.filter((a) => a.accountId !== accountId);
    if (this.activeAccountId === accountId) this.activeAccountId = null;
    if (this.demoAccountId === accountId) this.demoAccountId = null;
    this.emitChanged();
    return ok({ forgotten: true });
  }
}

function notFound<T>(): IpcResult<T> {
  return { ok: false, error: { code: 'NOT_FOUND', message: 'That account is no longer saved on this computer.' } };
}
