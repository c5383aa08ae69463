import { afterEach, describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-main/errors/app-error';
import { keyFingerprint } from '../../../src-main/secrets';
import { createAccountsSettings, createConfStore, type AccountRecord, type AccountsSettings } from '../../../src-main/settings';
import { makeTempDirs } from '../../support/settings/temp-dir';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

// Shaped like an Azure training key; made up for the test.
const KEY = '3f2a9c0d71e84b56a0c9d2e7f1b34a58';

function record(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'acc-1',
    displayName: 'Vision resource',
    endpoint: 'https://westeurope.api.cognitive.microsoft.com/',
    keyFingerprint: keyFingerprint(KEY),
    createdAt: '2026-01-02T03:04:05.000Z',
    ...overrides,
  };
}

function open(dir: string, warnings: string[] = []): AccountsSettings {
  const onWarning = (message: string) => warnings.push(message);
  return createAccountsSettings(createConfStore({ cwd: dir, onWarning }), onWarning);
}

function settingsFile(dir: string): string {
  return path.join(dir, 'settings.json');
}

function failure(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('accounts settings: saving and reading back', () => {
  it('an added account and the active choice survive a restart', () => {
    const dir = temp.make();
    const settings = open(dir);
    expect(settings.listAccounts()).toEqual([]);
    expect(settings.getActiveAccountId()).toBeNull();

    settings.addAccount(record());
    settings.addAccount(record({ id: 'acc-2', displayName: 'Second' }));
    settings.setActiveAccountId('acc-2');

    const restarted = open(dir);
    expect(restarted.listAccounts()).toEqual([record(), record({ id: 'acc-2', displayName: 'Second' })]);
    expect(restarted.getAccount('acc-2')?.displayName).toBe('Second');
    expect(restarted.getAccount('nope')).toBeNull();
    expect(restarted.getActiveAccountId()).toBe('acc-2');
  });

  it('saves the display name trimmed', () => {
    const settings = open(temp.make());
    expect(settings.addAccount(record({ displayName: '  Spaced out  ' })).displayName).toBe('Spaced out');
    expect(settings.getAccount('acc-1')?.displayName).toBe('Spaced out');
  });

  it('refuses a second account with the same id', () => {
    const settings = open(temp.make());
    settings.addAccount(record());
    expect(failure(() => settings.addAccount(record({ displayName: 'Again' }))).code).toBe('INVALID_STATE');
    expect(settings.listAccounts()).toHaveLength(1);
  });

  it('refuses an endpoint that is not http(s) or carries a user name and password', () => {
    const settings = open(temp.make());
    for (const endpoint of ['ftp://example.com/', 'not a url', 'https://user:pw@example.com/']) {
      expect(failure(() => settings.addAccount(record({ endpoint }))).code).toBe('BAD_ENDPOINT');
    }
    expect(settings.listAccounts()).toEqual([]);
  });

  it('refuses to save a key where the fingerprint belongs, and says so without quoting it', () => {
    const dir = temp.make();
    const settings = open(dir);
    const error = failure(() => settings.addAccount(record({ keyFingerprint: KEY })));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).not.toContain(KEY);
    expect(settings.listAccounts()).toEqual([]);
  });
});

describe('accounts settings: display names', () => {
  const BAD_NAMES: Array<[string, string]> = [
    ['empty', ''],
    ['only spaces', '   '],
    ['101 characters', 'x'.repeat(101)],
    ['a line break', 'two\nlines'],
    ['a tab', 'tab\there'],
    ['a bell', 'ding\u0007'],
    ['a right-to-left override', 'abc\u202Egpj.exe'],
  ];

  for (const [what, name] of BAD_NAMES) {
    it(`refuses a name with ${what} (BAD_NAME), on add and on rename`, () => {
      const settings = open(temp.make());
      expect(failure(() => settings.addAccount(record({ displayName: name }))).code).toBe('BAD_NAME');
      settings.addAccount(record());
      expect(failure(() => settings.renameAccount('acc-1', name)).code).toBe('BAD_NAME');
      expect(settings.getAccount('acc-1')?.displayName).toBe('Vision resource');
    });
  }

  it('accepts 100 characters, counting an emoji as one', () => {
    const settings = open(temp.make());
    const name = '📷'.repeat(100);
    expect(settings.addAccount(record({ displayName: name })).displayName).toBe(name);
  });
});

describe('accounts settings: rename, remove, active account', () => {
  it('renames an account, and the new name survives a restart', () => {
    const dir = temp.make();
    const settings = open(dir);
    settings.addAccount(record());
    expect(settings.renameAccount('acc-1', ' Production ')).toEqual(record({ displayName: 'Production' }));
    expect(open(dir).getAccount('acc-1')?.displayName).toBe('Production');
  });

  it('renaming an account that is not saved fails with NOT_FOUND', () => {
    expect(failure(() => open(temp.make()).renameAccount('ghost', 'Name')).code).toBe('NOT_FOUND');
  });

  it('removing the active account removes it and leaves no account active', () => {
    const dir = temp.make();
    const settings = open(dir);
    settings.addAccount(record());
    settings.addAccount(record({ id: 'acc-2' }));
    settings.setActiveAccountId('acc-1');
    expect(settings.removeAccount('acc-1')).toBe(true);
    expect(settings.removeAccount('acc-1')).toBe(false);
    const restarted = open(dir);
    expect(restarted.listAccounts().map((r) => r.id)).toEqual(['acc-2']);
    expect(restarted.getActiveAccountId()).toBeNull();
  });

  it('removing another account keeps the active one', () => {
    const settings = open(temp.make());
    settings.addAccount(record());
    settings.addAccount(record({ id: 'acc-2' }));
    settings.setActiveAccountId('acc-1');
    settings.removeAccount('acc-2');
    expect(settings.getActiveAccountId()).toBe('acc-1');
  });

  it('only a saved account can be made active; null clears it', () => {
    const settings = open(temp.make());
    expect(failure(() => settings.setActiveAccountId('ghost')).code).toBe('NOT_FOUND');
    settings.addAccount(record());
    settings.setActiveAccountId('acc-1');
    settings.setActiveAccountId(null);
    expect(settings.getActiveAccountId()).toBeNull();
  });
});

describe('accounts settings: a damaged or hand-edited file', () => {
  it('keeps the valid accounts, drops the rest with one warning each, and cleans the file', () => {
    const dir = temp.make();
    const good = record({ id: 'good' });
    writeFileSync(
      settingsFile(dir),
      JSON.stringify({
        theme: 'dark',
        accounts: [
          good,
          { ...record({ id: 'no-name' }), displayName: 42 },
          { ...record({ id: 'bad-endpoint' }), endpoint: 'javascript:alert(1)' },
          { ...record({ id: 'bad-fingerprint' }), keyFingerprint: KEY },
          { ...record({ id: 'bad-date' }), createdAt: 'yesterday' },
          'just a string',
          null,
          record({ id: 'good', displayName: 'Duplicate id' }),
        ],
        activeAccountId: 'bad-endpoint',
      }),
    );

    const warnings: string[] = [];
    const settings = open(dir, warnings);
    expect(settings.listAccounts()).toEqual([good]);
    expect(settings.getActiveAccountId()).toBeNull();
    // Seven dropped records and the active id that named one of them.
    expect(warnings).toHaveLength(8);
    expect(warnings.join('\n')).toMatch(/#2 was dropped .*displayName/);
    expect(warnings.join('\n')).toMatch(/repeats the id/);
    // Warnings name fields, never values: the file held a key in the wrong place.
    expect(warnings.join('\n')).not.toContain(KEY);

    // Reading again does not repeat the warnings; the file now holds only what the app shows.
    settings.listAccounts();
    expect(warnings).toHaveLength(8);
    const onDisk = JSON.parse(readFileSync(settingsFile(dir), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual({ theme: 'dark', accounts: [good], activeAccountId: null });
  });

  it('survives wrong shapes at the top level: accounts not a list, active id not a string', () => {
    const dir = temp.make();
    writeFileSync(settingsFile(dir), JSON.stringify({ accounts: { id: 'x' }, activeAccountId: 7 }));
    const warnings: string[] = [];
    const settings = open(dir, warnings);
    expect(settings.listAccounts()).toEqual([]);
    expect(settings.getActiveAccountId()).toBeNull();
    expect(warnings).toHaveLength(2);
    settings.addAccount(record());
    expect(open(dir).listAccounts()).toEqual([record()]);
  });

  it('a file that is not JSON at all: start-up does not throw, the file is kept aside, accounts can be added again', () => {
    const dir = temp.make();
    writeFileSync(settingsFile(dir), '\u0000\u0001 definitely not json {{{');
    const warnings: string[] = [];
    const settings = open(dir, warnings);
    expect(settings.listAccounts()).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
    settings.addAccount(record());
    expect(open(dir).listAccounts()).toEqual([record()]);
  });

  it('a hand-edited name with surrounding spaces is read trimmed, not dropped', () => {
    const dir = temp.make();
    writeFileSync(settingsFile(dir), JSON.stringify({ accounts: [record({ displayName: '  Edited  ' })] }));
    const warnings: string[] = [];
    expect(open(dir, warnings).getAccount('acc-1')?.displayName).toBe('Edited');
    expect(warnings).toEqual([]);
  });
});

describe('accounts settings: the key never reaches the disk', () => {
  it('no file in the settings folder contains the key after a full account lifecycle', () => {
    const dir = temp.make();
    const settings = open(dir);
    settings.addAccount(record({ keyFingerprint: keyFingerprint(KEY) }));
    settings.addAccount(record({ id: 'acc-2', keyFingerprint: keyFingerprint(`${KEY}x`) }));
    settings.setActiveAccountId('acc-1');
    settings.renameAccount('acc-1', 'Renamed');
    settings.removeAccount('acc-2');

    const files = readdirSync(dir);
    expect(files).toContain('settings.json');
    for (const name of files) {
      const content = readFileSync(path.join(dir, name), 'utf8');
      expect(content).not.toContain(KEY);
      expect(content.toLowerCase()).not.toContain(KEY.slice(0, 12));
    }
    // The fingerprint is what identifies the key on disk.
    expect(readFileSync(settingsFile(dir), 'utf8')).toContain(keyFingerprint(KEY));
  });
});
