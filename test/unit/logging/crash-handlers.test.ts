import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppLog } from '../../../src-main/logging/app-log';
import { installCrashHandlers } from '../../../src-main/logging/crash-handlers';
import type { CrashEventSource, FatalErrorSummary } from '../../../src-main/logging/crash-handlers';

// The real process must fit the interface main.ts will pass it.
const realProcess: CrashEventSource = process;
void realProcess;

const KEY = '00112233445566778899aabbccddeeff';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cv-steward-crash-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('installCrashHandlers', () => {
  it('logs an uncaught exception and reports a redacted summary instead of exiting silently', () => {
    const fakeProcess = new EventEmitter();
    const log = createAppLog({ dir });
    const fatal: FatalErrorSummary[] = [];
    installCrashHandlers(fakeProcess, log, (summary) => fatal.push(summary));

    fakeProcess.emit('uncaughtException', new TypeError(`bad key ${KEY}`));

    expect(fatal).toEqual([{ kind: 'uncaughtException', message: 'TypeError: bad key [redacted]', logPath: log.path }]);
    const text = readFileSync(log.path, 'utf8');
    expect(text).toContain('Fatal uncaughtException');
    expect(text).toContain('TypeError: bad key [redacted]');
    expect(text).not.toContain(KEY);
  });

  it('handles unhandled rejections with any reason, applies hide(), and can be removed', () => {
    const fakeProcess = new EventEmitter();
    const log = createAppLog({ dir });
    log.hide('my-account-secret');
    const fatal: FatalErrorSummary[] = [];
    const remove = installCrashHandlers(fakeProcess, log, (summary) => fatal.push(summary));

    fakeProcess.emit('unhandledRejection', 'lost my-account-secret https://h.example/p?sig=1');
    expect(fatal).toEqual([{ kind: 'unhandledRejection', message: 'lost [redacted] https://h.example/p?[redacted]', logPath: log.path }]);
    expect(readFileSync(log.path, 'utf8')).not.toContain('my-account-secret');

    remove();
    expect(fakeProcess.listenerCount('uncaughtException')).toBe(0);
    expect(fakeProcess.listenerCount('unhandledRejection')).toBe(0);
  });

  it('still reports the error when the log cannot be written', () => {
    const fakeProcess = new EventEmitter();
    const brokenLog = {
      path: '/nowhere/cv-steward.log',
      redact: (text: string) => text,
      error: () => {
        throw new Error('disk full');
      },
    };
    const fatal: FatalErrorSummary[] = [];
    installCrashHandlers(fakeProcess, brokenLog, (summary) => fatal.push(summary));
    fakeProcess.emit('uncaughtException', new Error('boom'));
    expect(fatal.map((f) => f.message)).toEqual(['Error: boom']);
  });
});
